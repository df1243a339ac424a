// Sentence segmentation for Chinese and English plain text, with paragraph numbers and offsets.

import type { Lang } from './types.ts';

export interface SentenceSpan {
  text: string;
  paragraph: number;
  /** Offsets in UTF-16 code units into the text that was split. */
  start: number;
  end: number;
  /** Kept lines only (see `splitBlockSpans`): a line break stands between this sentence and the one before it. */
  lineBefore?: boolean;
}

const ZH_TERMINATORS = '。！？；!?…';
const CLOSERS = '”’」』）)】》〉"\'］]';
// Abbreviations after which a full stop does not end an English sentence even before a capital.
const EN_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'jr', 'sr', 'vs', 'gen', 'gov', 'sen', 'rep', 'lt', 'col',
  'capt', 'sgt', 'rev', 'hon', 'pres', 'fig', 'vol', 'pp', 'p', 'ave', 'rd', 'inc', 'ltd', 'co', 'corp',
  'dept', 'univ', 'approx', 'cf', 'e.g', 'i.e', 'u.s', 'u.k', 'u.n', 'u.s.a', 'no', 'nos', 'art',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec', 'mt', 'ft',
  'tel', 'ext', 'ch', 'chap',
]);
// "No." abbreviates "number" only before a numeral; elsewhere it is the word "no" ending a sentence.
// So do a telephone number's "Tel." and "ext." and a chapter's "ch.": a contact line is one sentence.
const BEFORE_NUMBER_ONLY = new Set(['no', 'nos', 'art', 'p', 'pp', 'vol', 'fig', 'tel', 'ext', 'ch', 'chap']);

/**
 * Paragraphs are separated by blank lines when the text has any (single newlines inside are
 * hard wraps); otherwise every non-empty line is a paragraph, as in web pages and subtitles.
 */
export function splitParagraphs(text: string): { text: string; start: number; end: number }[] {
  const blankSeparated = /\n[ \t\u3000]*\n/.test(text);
  const separator = blankSeparated ? /\n(?:[ \t\u3000]*\n)+/g : /\n+/g;
  const out: { text: string; start: number; end: number }[] = [];
  let from = 0;
  const push = (end: number) => {
    const raw = text.slice(from, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body) out.push({ text: body, start: from + lead, end: from + lead + body.length });
  };
  for (const m of text.matchAll(separator)) {
    push(m.index);
    from = m.index + m[0].length;
  }
  push(text.length);
  return out;
}

function isCloser(ch: string | undefined): boolean {
  return ch !== undefined && CLOSERS.includes(ch);
}

/** The word before a full stop at `dot`, lower-cased, with inner dots kept ("u.s"). */
function wordBefore(p: string, dot: number): string {
  let i = dot;
  while (i > 0 && /[A-Za-z.]/.test(p[i - 1]!)) i--;
  return p.slice(i, dot).replace(/^\.+/, '').toLowerCase();
}

function endsEnglishSentence(p: string, dot: number, next: string): boolean {
  const ch = p[dot]!;
  if (ch === '!' || ch === '?') return !/^\p{Ll}/u.test(next); // “Why?” she asked.
  if (ch === '…' || p.slice(dot - 2, dot + 1) === '...') return /^[\p{Lu}\p{Lo}“"'‘(\[]/u.test(next) && !stammers(p, dot, next);
  const word = wordBefore(p, dot);
  if (/^\p{Lu}$/u.test(p[dot - 1] ?? '') && word.length === 1 && !/[A-Za-z]/.test(p[dot - 2] ?? '')) {
    return false; // an initial: "J. R. Smith"
  }
  if (EN_ABBREVIATIONS.has(word)) {
    if (BEFORE_NUMBER_ONLY.has(word)) return !/^\d/.test(next);
    return false;
  }
  return /^[\p{Lu}\p{Lo}\d“"'‘(\[]/u.test(next);
}

/** A speaker who breaks off and starts the word again ("I... I've got", "Wh... What") goes on with one sentence. */
function stammers(p: string, dot: number, next: string): boolean {
  const before = /([A-Za-z][A-Za-z']*)\s*[.…]*$/.exec(p.slice(Math.max(0, dot - 20), dot + 1))?.[1];
  return before !== undefined && next.toLowerCase().startsWith(before.toLowerCase());
}

const SPACES = /\s*/y;
const ELLIPSIS = /^[…]+$|^\.{3,}$/;
// Quotation marks whose nesting a Chinese paragraph tracks; straight quotes open and close alike and are left out.
const ZH_OPENERS = '“「『‘';
const ZH_QUOTE_CLOSERS = '”」』’';
// Closing marks that can only close, so one set off by a space still belongs to the sentence before it (“……。 ”).
const SPACED_CLOSERS = '”」』’）】》〉';
// Words that attribute the speech a quotation just closed: “……吗？”汪淼问。 is one sentence, as is “……？”他问道，“……”.
// A colon (韦小宝道：“……”) opens new speech instead; 知道, 难道 are not speaking, nor is 一面说，一面…… narration's.
const ZH_ATTRIBUTION = /^(?!一面|一边)[^\s，。！？；：、“”「」『』‘’（）…—]{0,8}?(?:(?<!听)说|问|答|喊|嚷|吼|骂|嘀咕|(?<![知难街味轨频])道)[。，！]/u;
const EN_SPEECH_VERBS = 'asked|said|replied|cried|shouted|answered|exclaimed|whispered|muttered|called|demanded|protested|snapped|added';
// "Why?" Wang asked. — a name, up to three capitalised words, then a verb of speech ending the clause ("He asked the
// other boy …" is a sentence of its own).
const EN_ATTRIBUTION = new RegExp(`^(?:[A-Z][\\w'’-]*\\s+){1,3}(?:${EN_SPEECH_VERBS})[.,;!?]`);

/** Sentences of one paragraph, as [start, end) offsets into it. */
function sentenceBounds(p: string, lang: Lang): [number, number][] {
  const bounds: [number, number][] = [];
  let start = 0;
  let i = 0;
  // How many Chinese quotations are open at i: an ellipsis inside one is a speaker's hesitation (“我叫…… 叫小玄子。”).
  let depth = 0;
  const track = (ch: string) => {
    if (lang !== 'zh') return;
    if (ZH_OPENERS.includes(ch)) depth++;
    else if (ZH_QUOTE_CLOSERS.includes(ch) && depth > 0) depth--;
  };
  while (i < p.length) {
    const ch = p[i]!;
    const zhStop = ZH_TERMINATORS.includes(ch) && (lang === 'zh' || /[\u3000-\u9fff\uff00-\uffef]/.test(ch));
    const enStop = '.!?…'.includes(ch);
    if (!zhStop && !enStop) {
      track(ch);
      i++;
      continue;
    }
    let end = i + 1;
    while (end < p.length && (ZH_TERMINATORS.includes(p[end]!) || p[end] === '.' || isCloser(p[end]))) track(p[end++]!);
    if (lang === 'zh') end = spacedClosersEnd(p, end, track);
    // Only the next few characters decide; slicing the rest of the paragraph at every stop was quadratic.
    SPACES.lastIndex = end;
    SPACES.test(p);
    const after = SPACES.lastIndex;
    const spaced = after > end;
    const next = p.slice(after, after + 16);
    const stops = p.slice(i, end - countClosersBack(p, end));
    const closesQuote = stops.length < end - i;
    let boundary: boolean;
    if (next === '') boundary = true;
    else if (closesQuote && /[?!？！…]/.test(stops) && (ZH_ATTRIBUTION.test(next) || EN_ATTRIBUTION.test(next))) boundary = false;
    else if (zhStop && (lang === 'zh' || !spaced)) boundary = !(lang === 'zh' && depth > 0 && !closesQuote && ELLIPSIS.test(stops));
    else if (!spaced) boundary = false; // 3.14, U.S.-made, "word.Word" in URLs
    else boundary = endsEnglishSentence(p, end - 1 - countClosersBack(p, end), next);
    if (boundary) {
      bounds.push([start, end]);
      start = after;
    }
    i = end;
  }
  if (start < p.length && p.slice(start).trim()) bounds.push([start, p.length]);
  return bounds;
}

/**
 * Past closing marks and ellipses set off by spaces after a Chinese stop, which end the sentence before them: in
 * “……。 ”韦小宝道 the quotation closes after the space, and in 传奇啊！” ……他们 the trailing dots follow the speech.
 */
function spacedClosersEnd(p: string, end: number, track: (ch: string) => void): number {
  let k = end;
  while (k < p.length && /[ \t\u3000]/.test(p[k]!)) k++;
  if (k === end || k >= p.length || !(SPACED_CLOSERS.includes(p[k]!) || p[k] === '…')) return end;
  while (k < p.length && (SPACED_CLOSERS.includes(p[k]!) || p[k] === '…')) track(p[k++]!);
  return k;
}

function countClosersBack(p: string, end: number): number {
  let n = 0;
  while (isCloser(p[end - 1 - n])) n++;
  return n;
}

/**
 * The longest sentence kept whole, in UTF-16 code units. Real sentences stay far below it (the
 * longest in the alignment dev sets has about 600); a line without a full stop, or a file of one
 * 10 MB line, is cut into pieces this long at most, so no per-sentence computation meets a
 * megabyte of text.
 */
export const MAX_SENTENCE = 2000;

// Where a too-long sentence is best cut: after a clause mark, else at a space, else anywhere.
const CLAUSE_END = /[，,；;：:、）)」』”’]/u;

/** [start, end) pieces of at most `max` code units covering text[from, to), cut as late as a good place allows. */
export function boundedPieces(text: string, from: number, to: number, max = MAX_SENTENCE): [number, number][] {
  const pieces: [number, number][] = [];
  let start = from;
  while (to - start > max) {
    const floor = start + (max >> 1);
    let cut = start + max;
    let clause = -1;
    let space = -1;
    for (let k = cut; k > floor && clause < 0; k--) {
      if (CLAUSE_END.test(text[k - 1]!)) clause = k;
      else if (space < 0 && /\s/.test(text[k - 1]!)) space = k;
    }
    cut = clause > 0 ? clause : space > 0 ? space : cut;
    // Never between the halves of a surrogate pair.
    if (/[\uD800-\uDBFF]/.test(text[cut - 1]!)) cut--;
    pieces.push([start, cut]);
    start = cut;
    while (start < to && /\s/.test(text[start]!)) start++;
  }
  if (to > start) pieces.push([start, to]);
  return pieces;
}

/** Sentences as a file gave them, each longer than MAX_SENTENCE cut as `splitSentenceSpans` cuts it. */
export function boundedSentences(sentences: readonly string[]): string[] {
  return sentences.flatMap((s) => (s.length <= MAX_SENTENCE ? [s] : boundedPieces(s, 0, s.length).map(([a, b]) => s.slice(a, b))));
}

/** Splits text into sentences of at most MAX_SENTENCE code units, keeping paragraph numbers and offsets into `text`. */
export function splitSentenceSpans(text: string, lang: Lang): SentenceSpan[] {
  return splitParagraphs(text).flatMap((para, paragraph) => paragraphSpans(para, paragraph, lang, false));
}

/**
 * The sentences of one block of a structured file: one paragraph whatever its lines, so a subtitle cue of two lines
 * that is one sentence stays one. With `keepLines` (an English cue) a sentence keeps the line breaks inside it, and
 * one that starts a line says so, for the sentences of one row to be joined as the cue was written.
 */
export function splitBlockSpans(text: string, lang: Lang, keepLines: boolean): SentenceSpan[] {
  const body = text.trim();
  if (!body) return [];
  const start = text.length - text.trimStart().length;
  return paragraphSpans({ text: body, start }, 0, lang, keepLines);
}

function paragraphSpans(para: { text: string; start: number }, paragraph: number, lang: Lang, keepLines: boolean): SentenceSpan[] {
  let previousEnd = -1;
  return sentenceBounds(para.text, lang).flatMap(([s, e]) => boundedPieces(para.text, s, e)).map(([s, e]) => {
    const raw = para.text.slice(s, e);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    const start = para.start + s + lead;
    const lineBefore = keepLines && previousEnd >= 0 && para.text.slice(previousEnd, s + lead).includes('\n');
    previousEnd = s + lead + body.length;
    return { text: keepLines ? body : unwrap(body, lang), paragraph, start, end: start + body.length, ...(lineBefore ? { lineBefore } : {}) };
  });
}

// Hard-wrapped lines inside a paragraph join with a space in English and with nothing in Chinese.
function unwrap(sentence: string, lang: Lang): string {
  if (!sentence.includes('\n')) return sentence;
  return lang === 'zh'
    ? sentence.replace(/\s*\n\s*/g, (_m, offset: number) => (/[A-Za-z0-9]$/.test(sentence.slice(0, offset)) ? ' ' : ''))
    : sentence.replace(/\s*\n\s*/g, ' ');
}

export function splitSentences(text: string, lang: Lang): string[] {
  return splitSentenceSpans(text, lang).map((s) => s.text);
}
