// Chinese numerals to numbers, shared by the QA checks and the gloss engine.

export const ZH_DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
export const ZH_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** Value of a Chinese numeral: 二十一 → 21, 一千二百 → 1200, 一九五〇 → 1950, 三点五 → 3.5. */
export function chineseNumeralValue(numeral: string): number | undefined {
  const [whole = '', fraction] = numeral.split('点');
  const chars = [...whole];
  if (!chars.length || chars.some((c) => !(c in ZH_DIGITS) && !(c in ZH_UNITS) && c !== '万' && c !== '亿')) return undefined;
  let value: number;
  if (chars.every((c) => c in ZH_DIGITS)) {
    value = Number(chars.map((c) => ZH_DIGITS[c]).join(''));
  } else {
    let yi = 0;
    let wan = 0;
    let section = 0;
    let digit = 0;
    // 一亿二千万: each 万 or 亿 multiplies everything written since the last larger unit.
    for (const c of chars) {
      if (c in ZH_DIGITS) {
        digit = ZH_DIGITS[c]!;
        continue;
      }
      if (c in ZH_UNITS) section += (digit || 1) * ZH_UNITS[c]!;
      else if (c === '万') [wan, section] = [(wan + section + digit) * 1e4, 0];
      else [yi, wan, section] = [(yi + wan + section + digit) * 1e8, 0, 0];
      digit = 0;
    }
    value = yi + wan + section + digit;
  }
  if (fraction) value += Number(`0.${[...fraction].map((c) => ZH_DIGITS[c] ?? '').join('')}`);
  return value;
}
