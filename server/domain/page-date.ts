// The day a page's date line names ("Monday, October 3, 2022", "2022年10月3日", "2022-10-03"), so it can be shown per locale.

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** The day as a UTC midnight, or undefined when the text names no real day (the caller then shows the text as it is). */
export function dayOfDateLine(text: string): Date | undefined {
  const line = text.trim();
  let ymd: [number, number, number] | undefined;
  const english = /^(?:[A-Za-z]+day,\s+)?([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(line);
  const chinese = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/.exec(line);
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(line);
  if (english) {
    const name = english[1]!.toLowerCase();
    const month = MONTHS.findIndex((m) => m === name || (name.length >= 3 && m.startsWith(name)));
    if (month >= 0) ymd = [Number(english[3]), month + 1, Number(english[2])];
  } else if (chinese || iso) {
    const [, y, m, d] = (chinese ?? iso)!;
    ymd = [Number(y), Number(m), Number(d)];
  }
  if (!ymd) return undefined;
  const [year, month, day] = ymd;
  const date = new Date(Date.UTC(year, month - 1, day));
  // Date.UTC rolls 31 February over into March: only a day that exists is one.
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : undefined;
}
