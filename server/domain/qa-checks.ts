// Quality checks on one Chinese-English pair: numbers, glossary, repeats, fragments, broken sentences, length, punctuation.

import { tokenizeWords } from './tokenize-words.ts';
import { chineseNumeralValue, ZH_DIGITS } from './chinese-numerals.ts';
import { checkBroken, checkFragment } from './qa-sentence-checks.ts';

/** Every check's code, in the order the QA filter lists them. */
export const QA_CODES = ['numbers', 'glossary', 'repeated', 'fragment', 'broken', 'empty', 'length', 'punctuation', 'source'] as const;
export type QaCode = (typeof QA_CODES)[number];

export interface QaFlag {
  code: QaCode;
  /** English sentence for APIs and logs; the UI translates from `code` and `params`. */
  message: string;
  params: Record<string, string | number>;
}

export interface LengthNorm {
  /** Mean and standard deviation of ln(target chars / source chars) over the document. */
  mean: number;
  sd: number;
}

export interface QaContext {
  glossary: { zh: string; en: string }[];
  lengthRatio: LengthNorm;
}

/** Flags for one pair; an empty or untranslated target gets that flag alone, as the rest would be noise. */
export function qaChecks(pair: { src: string; tgt: string }, ctx: QaContext): QaFlag[] {
  return withLengthCheck(textChecks(pair, ctx.glossary), pair, ctx.lengthRatio);
}

/** Every check but the length one: what depends on the pair's own texts and the glossary alone, so it may be cached by them. */
export function textChecks(pair: { src: string; tgt: string }, glossary: QaContext['glossary']): QaFlag[] {
  const src = pair.src.trim();
  const tgt = pair.tgt.trim();
  if (!src) return [];
  const empty = checkEmpty(src, tgt);
  if (empty) return [empty];
  return [
    checkNumbers(src, tgt),
    ...checkGlossary(src, tgt, glossary),
    ...checkRepeated(tgt),
    checkFragment(src, tgt),
    checkBroken(src, tgt),
    checkPunctuation(src, tgt),
  ].filter((f): f is QaFlag => f !== undefined);
}

/** Adds the length check, which follows the whole document's norm, to `textChecks`' flags in its place before punctuation. */
export function withLengthCheck(flags: QaFlag[], pair: { src: string; tgt: string }, norm: LengthNorm): QaFlag[] {
  const src = pair.src.trim();
  if (!src || flags[0]?.code === 'empty') return flags;
  const length = checkLength(src, pair.tgt.trim(), norm);
  if (!length) return flags;
  const at = flags.findIndex((f) => f.code === 'punctuation');
  return at < 0 ? [...flags, length] : [...flags.slice(0, at), length, ...flags.slice(at)];
}

const SOURCE_CHANGED: QaFlag = { code: 'source', message: 'The Chinese changed after this row was translated: check the English.', params: {} };

/**
 * Puts "Chinese changed since translation" first when the row's Chinese was replaced after its English was made: the
 * other flags compare the English with the new Chinese, this one says the English was never looked at against it.
 */
export function withSourceChange(flags: QaFlag[], changed: boolean): QaFlag[] {
  return changed ? [SOURCE_CHANGED, ...flags] : flags;
}

/** The document's norm for `qaChecks`; sd is 0 (check off) with fewer than two usable pairs. */
export function lengthNorm(pairs: readonly { src: string; tgt: string }[]): LengthNorm {
  const logs = new Float64Array(pairs.length);
  let n = 0;
  for (const p of pairs) {
    const log = lengthLog(charCount(p.src.trim()), charCount(p.tgt.trim()));
    if (!Number.isNaN(log)) logs[n++] = log;
  }
  return normOfLogs(logs, n);
}

/** A pair's contribution to the norm: log of the length ratio, NaN when a side is empty (no contribution). */
export function lengthLog(src: number, tgt: number): number {
  return src > 0 && tgt > 0 ? Math.log(tgt / src) : Number.NaN;
}

/** The norm from the first n of `lengthLog`'s values, for callers that keep them between calls. */
export function normOfLogs(logs: Float64Array, n: number): LengthNorm {
  if (n === 0) return { mean: 0, sd: 0 };
  let sum = 0;
  for (let i = 0; i < n; i++) sum += logs[i]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (logs[i]! - mean) ** 2;
  return { mean, sd: n < 2 ? 0 : Math.sqrt(squares / n) };
}

// Code points: UTF-16 units less one per surrogate pair, without building an array per call.
const charCount = (s: string) => s.length - (s.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);

function checkEmpty(src: string, tgt: string): QaFlag | undefined {
  if (!tgt) return { code: 'empty', message: 'The translation is empty.', params: { reason: 'empty' } };
  const han = (tgt.match(/\p{Script=Han}/gu) ?? []).length;
  const latin = (tgt.match(/\p{Script=Latin}/gu) ?? []).length;
  // A Chinese character carries about as much as three English letters (the usual length ratio).
  if (tgt === src || han * 3 > latin) {
    return { code: 'empty', message: 'The translation is still in Chinese.', params: { reason: 'untranslated' } };
  }
  return undefined;
}

// ---- numbers -------------------------------------------------------------------------------

const ZH_NUMERAL = '[零〇一二两三四五六七八九十百千万亿]';


const EN_UNITS = 'zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen'.split(' ');
const EN_TENS = 'twenty thirty forty fifty sixty seventy eighty ninety'.split(' ');
const EN_ORDINALS = 'zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth'.split(' ');
const EN_SCALES: Record<string, number> = { thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };
const EN_MONTHS = 'january february march april may june july august september october november december'.split(' ');
const EN_NUMBER_WORDS = new Map<string, number>([
  ...EN_UNITS.map((w, i) => [w, i] as const),
  ...EN_ORDINALS.map((w, i) => [w, i] as const),
  ...EN_TENS.flatMap((w, i) => [[w, 20 + 10 * i], [w.replace(/y$/, 'ieth'), 20 + 10 * i]] as const),
]);

/**
 * A number found in a sentence; soft numbers (words ≤ 10, months) need not appear on the other
 * side. Small Chinese ordinals are soft too (第二天 is "the next day", 第一次 "for the first time")
 * unless the English has a figure or an ordinal the Chinese lacks: 第八次 against "ninth" is an
 * error, 第三方 against "the two sides" is not.
 */
interface Found {
  value: number;
  hard: boolean;
  ordinal?: boolean;
}

const key = (n: number) => String(Number(n.toPrecision(12)));
const toNumber = (digits: string) => Number(digits.replace(/,/g, ''));

function zhNumbers(text: string): Found[] {
  const t = text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/(?<=\d)．(?=\d)/g, '.');
  const out: Found[] = [];
  const re = new RegExp(
    `百分之(${ZH_NUMERAL}+(?:点${ZH_NUMERAL}+)?|\\d+(?:\\.\\d+)?)|(\\d+(?:,\\d{3})*(?:\\.\\d+)?)(万亿|万|亿)?|(第)?(${ZH_NUMERAL}+(?:点${ZH_NUMERAL}+)?)`,
    'gu',
  );
  for (const [, percent, digits, scale, ordinal, numeral] of t.matchAll(re)) {
    if (percent) {
      const v = /\d/.test(percent) ? Number(percent) : chineseNumeralValue(percent);
      if (v !== undefined) out.push({ value: v, hard: true });
    } else if (digits) {
      const mult = scale === '万亿' ? 1e12 : scale === '万' ? 1e4 : scale === '亿' ? 1e8 : 1;
      out.push({ value: toNumber(digits) * mult, hard: true });
    } else if (numeral) {
      // 千万 ("by all means") and 万一 ("in case") are words, not numbers.
      if (!ordinal && /^[百千万亿]/u.test(numeral)) continue;
      const plain = !/[十百千万亿点]/u.test(numeral);
      // Two bare digits are an estimate (七八个, "seven or eight"), not the number 78.
      const values = plain && numeral.length === 2 ? [...numeral].map((c) => ZH_DIGITS[c]!) : [chineseNumeralValue(numeral)];
      for (const v of values) if (v !== undefined) out.push({ value: v, hard: v > 10, ordinal: Boolean(ordinal) });
    }
  }
  return out;
}

function enNumbers(text: string): Found[] {
  const out: Found[] = [];
  const re = /(\d{4})\s*[-–—]\s*(\d{2})(?!\d)|(\d+(?:,\d{3})*(?:\.\d+)?)(?:\s+(thousand|million|billion|trillion)\b)?/giu;
  for (const [, from, to, digits, scale] of text.matchAll(re)) {
    // 1950-53 is the range 1950 to 1953.
    if (from && to) out.push({ value: Number(from), hard: true }, { value: Number(from.slice(0, 2) + to), hard: true });
    else if (digits) out.push({ value: toNumber(digits) * (scale ? EN_SCALES[scale.toLowerCase()]! : 1), hard: true });
  }
  let current: number | undefined;
  let total = 0;
  let ordinal = false;
  const end = () => {
    if (current === undefined) return;
    const value = total + current;
    out.push({ value, hard: value > 10, ordinal });
    current = undefined;
    total = 0;
    ordinal = false;
  };
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  words.forEach((w, i) => {
    const n = EN_NUMBER_WORDS.get(w);
    if (n !== undefined) {
      current = (current ?? 0) + n;
      // first, second, third, …th: every ordinal number word ends so, and no cardinal one.
      ordinal = /(?:st|nd|rd|th)$/.test(w);
    } else if (current !== undefined && (w === 'hundred' || w === 'hundredth')) current = (current || 1) * 100;
    else if (current !== undefined && (w in EN_SCALES || w.replace(/th$/, '') in EN_SCALES)) {
      total += (current || 1) * EN_SCALES[w.replace(/th$/, '')]!;
      current = 0;
    } else if (!(w === 'and' && current !== undefined && EN_NUMBER_WORDS.has(words[i + 1] ?? ''))) {
      end();
      // Dec. 23 is 12月23日: months count, abbreviated or not.
      const month = EN_MONTHS.findIndex((m) => m === w || (w.length >= 3 && m.startsWith(w) && (w.length === 3 || w === 'sept')));
      if (month >= 0) out.push({ value: month + 1, hard: false });
    }
  });
  end();
  return out;
}

function checkNumbers(src: string, tgt: string): QaFlag | undefined {
  const zh = zhNumbers(src);
  const en = enNumbers(tgt);
  const zhAll = new Set(zh.map((f) => key(f.value)));
  const enAll = new Set(en.map((f) => key(f.value)));
  const enHasOther = en.some((f) => (f.hard || f.ordinal) && !zhAll.has(key(f.value)));
  const missing = [...new Set(zh.filter((f) => (f.hard || (f.ordinal && enHasOther)) && !enAll.has(key(f.value))).map((f) => key(f.value)))];
  const extra = [...new Set(en.filter((f) => f.hard && !zhAll.has(key(f.value))).map((f) => key(f.value)))];
  if (!missing.length && !extra.length) return undefined;
  const parts = [
    missing.length ? `${missing.join(', ')} in the Chinese ${missing.length > 1 ? 'are' : 'is'} missing from the English` : '',
    extra.length ? `${extra.join(', ')} in the English ${extra.length > 1 ? 'are' : 'is'} not in the Chinese` : '',
  ].filter(Boolean);
  return { code: 'numbers', message: `Numbers differ: ${parts.join('; ')}.`, params: { missing: missing.join(', '), extra: extra.join(', ') } };
}

// ---- glossary ------------------------------------------------------------------------------

const foldQuotes = (s: string) => s.replace(/[’‘]/g, "'").replace(/\s+/g, ' ');

/**
 * The agreed term as a whole word or phrase, its last word also in the plural: a glossary lists "beef rice bowl"
 * and "policy", the English says "two beef rice bowls" and "policies". A longer word ("neighbourhood") is another word.
 */
function termPattern(term: string): RegExp {
  const escaped = term.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const plural = /[^aeiou]y$/iu.test(term) ? `${escaped.slice(0, -1)}(?:y|ies)` : /\p{L}$/u.test(term) ? `${escaped}(?:e?s)?` : escaped;
  return new RegExp(`(?<![\\p{L}\\p{N}])${plural}(?![\\p{L}\\p{N}])`, 'iu');
}

/**
 * A glossary's agreed English by Chinese term, the terms listed under their first two characters (a one-character term
 * under itself): under the first alone, a common character's list made each of a pair's characters try hundreds.
 */
type GlossaryIndex = Map<string, GlossaryTerm[]>;
/**
 * `patterns`: the English terms' patterns, compiled when the term is first met; `stems`: what each pattern needs in the
 * lower-cased English, looked for first, since a pattern run only a few times is interpreted (~0.3 ms a pair).
 */
type GlossaryTerm = { zh: string; en: string[]; patterns?: RegExp[]; stems?: string[] };

// A glossary is the same array from request to request while it does not change (the workspace keeps it): its index
// is made once. Looking every term up in every pair cost a 50,000-term termbase 4 ms a pair.
const indexes = new WeakMap<QaContext['glossary'], GlossaryIndex>();

function glossaryIndex(glossary: QaContext['glossary']): GlossaryIndex {
  let index = indexes.get(glossary);
  if (index) return index;
  const byTerm = new Map<string, string[]>();
  for (const { zh, en } of glossary) {
    const [z, e] = [zh.trim(), en.trim()];
    if (!z || !e) continue;
    const ens = byTerm.get(z) ?? byTerm.set(z, []).get(z)!;
    if (!ens.includes(e)) ens.push(e);
  }
  index = new Map();
  for (const [zh, en] of byTerm) {
    const key = [...zh].slice(0, 2).join('');
    (index.get(key) ?? index.set(key, []).get(key)!).push({ zh, en });
  }
  indexes.set(glossary, index);
  return index;
}

/** `lower`: `target` lower-cased, once for all the pair's terms. */
function usesTerm(t: GlossaryTerm, target: string, lower: string): boolean {
  t.stems ??= t.en.map((en) => { const term = foldQuotes(en).toLowerCase(); return /[^aeiou]y$/u.test(term) ? term.slice(0, -1) : term; });
  return t.en.some((en, k) => lower.includes(t.stems![k]!) && (t.patterns ??= t.en.map((e) => termPattern(foldQuotes(e))))[k]!.test(target));
}

/**
 * A Chinese term the pair holds whose agreed English it uses in none of its forms. A term with several agreed
 * translations (a termbase's synonyms) is satisfied by any one of them.
 */
function checkGlossary(src: string, tgt: string, glossary: QaContext['glossary']): QaFlag[] {
  const index = glossaryIndex(glossary);
  const found = new Set<GlossaryTerm>();
  const chars = [...src];
  for (let i = 0, at = 0; i < chars.length; at += chars[i]!.length, i++) {
    for (const key of i + 1 < chars.length ? [chars[i]!, chars[i]! + chars[i + 1]!] : [chars[i]!]) {
      for (const entry of index.get(key) ?? []) if (src.startsWith(entry.zh, at)) found.add(entry);
    }
  }
  const target = foldQuotes(tgt);
  const lower = target.toLowerCase();
  return [...found]
    .filter((t) => !usesTerm(t, target, lower))
    .map((t) => [t.zh, t.en] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([zh, ens]) => ({
      code: 'glossary' as const,
      message: `The glossary translates ${zh} as ${ens.map((en) => `“${en}”`).join(' or ')}, which the English does not use.`,
      params: { zh, en: ens.join(' / ') },
    }));
}

// ---- repeated words ------------------------------------------------------------------------

// Repeats that are grammar, not a machine-translation stutter.
const REPEAT_OK = new Set(['had', 'that', 'is', 'bye']);
const AND_REPEAT_OK = new Set(['more', 'less', 'again', 'over', 'on', 'through', 'round', 'by', 'better', 'worse', 'further', 'closer', 'stronger', 'bigger', 'higher', 'faster', 'deeper', 'wider', 'greater', 'larger', 'smaller', 'louder', 'out', 'up', 'down']);

function checkRepeated(tgt: string): QaFlag[] {
  const tokens = tokenizeWords(tgt, 'en');
  const words = tokens.map((t) => (/\p{L}/u.test(t) ? t.toLowerCase() : `\u0000${t}`));
  // Word by word, without slicing: a 200,000-token text is checked in one pass of plain comparisons.
  const same = (a: number, b: number, n: number) => {
    for (let k = 0; k < n; k++) if (words[a + k] !== words[b + k]) return false;
    return true;
  };
  const hasMark = (a: number, n: number) => {
    for (let k = a; k < a + n && k < words.length; k++) if (words[k]!.startsWith('\u0000')) return true;
    return false;
  };
  const flags: QaFlag[] = [];
  for (let i = 0; i < words.length; i++) {
    for (let n = 3; n >= 1; n--) {
      if (hasMark(i, n) || i + 2 * n > words.length) continue;
      let length = 0;
      if (same(i, i + n, n) && !(n === 1 && REPEAT_OK.has(words[i]!))) length = 2 * n;
      else if (words[i + n] === 'and' && i + 2 * n + 1 <= words.length && same(i, i + n + 1, n) && !(n === 1 && AND_REPEAT_OK.has(words[i]!))) length = 2 * n + 1;
      if (!length) continue;
      const phrase = tokens.slice(i, i + length).join(' ');
      const repeated = tokens.slice(i, i + n).join(' ');
      flags.push({ code: 'repeated', message: `The English repeats “${repeated}” in “${phrase}”.`, params: { phrase, repeated } });
      i += length - 1;
      break;
    }
  }
  return flags;
}

// ---- length and punctuation ----------------------------------------------------------------

const LENGTH_SD_LIMIT = 2.5;

function checkLength(src: string, tgt: string, norm: LengthNorm): QaFlag | undefined {
  if (!(norm.sd > 0)) return undefined;
  const ratio = charCount(tgt) / charCount(src);
  const z = (Math.log(ratio) - norm.mean) / norm.sd;
  if (Math.abs(z) <= LENGTH_SD_LIMIT) return undefined;
  const direction = z > 0 ? 'long' : 'short';
  const [shown, usual] = [ratio, Math.exp(norm.mean)].map((x) => Math.round(x * 100) / 100);
  return {
    code: 'length',
    message: `The English is unusually ${direction} for its source: ${shown} characters per Chinese character where this document averages ${usual}.`,
    params: { direction, ratio: shown!, usual: usual! },
  };
}

// English endings a Chinese ending may become; a Chinese 。 or ； often becomes a comma when sentences are joined.
const ENDINGS: Record<string, string[]> = {
  '？': ['?'], '?': ['?'], '！': ['!'], '!': ['!'],
  '。': ['.', ';', ','], '．': ['.', ';', ','], '；': ['.', ';', ','], ';': ['.', ';', ','], '.': ['.', ';', ','],
  '…': ['…', '.'], '：': [':', '.'], ':': [':', '.'],
};

// The last code point, read from the end (spreading a long text into an array of characters cost more than the checks).
const lastMark = (s: string) => {
  const t = s.replace(/["”’'」』）)\]】》\s]+$/u, '');
  const cp = t.codePointAt(t.length - 2);
  return cp !== undefined && cp > 0xffff ? t.slice(-2) : t.slice(-1);
};

function checkPunctuation(src: string, tgt: string): QaFlag | undefined {
  const zh = lastMark(src);
  const allowed = ENDINGS[zh];
  const en = lastMark(tgt);
  if (!allowed || allowed.includes(en)) return undefined;
  const enIsMark = /^[\p{P}]$/u.test(en);
  return {
    code: 'punctuation',
    message: enIsMark
      ? `The Chinese ends with “${zh}” but the English ends with “${en}”.`
      : `The Chinese ends with “${zh}” but the English has no ending punctuation.`,
    params: { src: zh, tgt: enIsMark ? en : '' },
  };
}
