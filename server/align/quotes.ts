// Quotation marks on both sides: tokens for the lexical evidence, and whether a sentence ends inside a quotation.

import type { AnchorCandidate } from './span-scorer.ts';

/** Chinese marks as the tokens English opening and closing quotes also become. */
export const CHINESE_QUOTES: Record<string, string> = { '“': '“', '「': '“', '”': '”', '」': '”' };

// Most sentences hold no quotation mark: one regular expression tells, before a walk through their characters.
const CHINESE_MARK = /[“”「」]/;
const ENGLISH_MARK = /["'‘’“”]/;

export function chineseQuotes(sentence: string): string[] {
  if (!CHINESE_MARK.test(sentence)) return [];
  const out: string[] = [];
  for (const c of sentence) if (c in CHINESE_QUOTES) out.push(CHINESE_QUOTES[c]!);
  return out;
}

/** Opening and closing quotation marks of an English sentence, apostrophes (don't, boys') left out. */
export function englishQuotes(sentence: string): string[] {
  return englishQuoteMarks(sentence).map((m) => m.mark);
}

interface PlacedMark {
  at: number;
  mark: string;
}

function englishQuoteMarks(sentence: string): PlacedMark[] {
  if (!ENGLISH_MARK.test(sentence)) return [];
  const out: PlacedMark[] = [];
  let open = false;
  for (let i = 0; i < sentence.length; i++) {
    const c = sentence[i]!;
    const before = sentence[i - 1] ?? ' ';
    const after = sentence[i + 1] ?? ' ';
    let mark: string | undefined;
    if (c === '“' || c === '”') mark = c;
    // A straight quote opens before a word and closes after one: a quotation running on from the
    // previous sentence ends with one, which alternation alone would read as opening.
    else if (c === '"') mark = /\s/.test(before) === /\s/.test(after) ? (open ? '”' : '“') : /\s/.test(before) ? '“' : '”';
    else if (c === "'" || c === '‘' || c === '’') {
      if (/\p{L}/u.test(before) && /\p{L}/u.test(after)) continue;
      if (/[\s(\[—-]/.test(before) && !/\s/.test(after)) mark = '“';
      else if (/[\s,.;:!?—)-]/.test(after) && /[.!?,—…]/.test(before)) mark = '”';
    }
    if (mark) {
      out.push({ at: i, mark });
      open = mark === '“';
    }
  }
  return out;
}

function chineseQuoteMarks(sentence: string): PlacedMark[] {
  if (!CHINESE_MARK.test(sentence)) return [];
  const out: PlacedMark[] = [];
  for (let i = 0; i < sentence.length; i++) if (sentence[i]! in CHINESE_QUOTES) out.push({ at: i, mark: CHINESE_QUOTES[sentence[i]!]! });
  return out;
}

const WORD = /[\p{L}\p{N}]/u;

/**
 * Per sentence, whether it holds speech (words inside a quotation, one left open by an earlier
 * sentence included). A translator who keeps the dialogue's quotes keeps speech in the bead that
 * renders it: “……” 他说。 read as two sentences becomes "…," he said. as one.
 */
export function holdsSpeech(sentences: string[], side: 'zh' | 'en'): boolean[] {
  let open = false;
  return sentences.map((sentence) => {
    const marks = side === 'zh' ? chineseQuoteMarks(sentence) : englishQuoteMarks(sentence);
    // Without marks, a sentence outside a quotation stays outside it throughout.
    if (marks.length === 0 && !open) return false;
    let speech = false;
    let next = 0;
    for (let i = 0; i < sentence.length; i++) {
      while (next < marks.length && marks[next]!.at === i) open = marks[next++]!.mark === '“';
      if (open && WORD.test(sentence[i]!)) speech = true;
    }
    while (next < marks.length) open = marks[next++]!.mark === '“';
    return speech;
  });
}

/** Per sentence, whether a quotation is open where it ends; the last mark decides, so one unbalanced quote does not open the rest of the text. */
export function inQuote(marks: string[][]): boolean[] {
  let open = false;
  return marks.map((m) => (open = m.length > 0 ? m.at(-1) === '“' : open));
}

/**
 * How far anchored pairs agree on ending inside a quotation beyond what chance gives (Cohen's
 * kappa, 0 when they do not): a translator who keeps the dialogue's quotes makes a bead that
 * ends inside a quotation on one side only unlikely; one who drops them teaches nothing.
 */
export function quoteAgreement(anchors: AnchorCandidate[], srcInQuote: boolean[], tgtInQuote: boolean[]): number {
  if (anchors.length === 0) return 0;
  let agree = 0;
  let srcOpen = 0;
  let tgtOpen = 0;
  for (const a of anchors) {
    const s = srcInQuote[a.src]!;
    const t = tgtInQuote[a.tgt]!;
    if (s === t) agree++;
    if (s) srcOpen++;
    if (t) tgtOpen++;
  }
  const n = anchors.length;
  const chance = (srcOpen / n) * (tgtOpen / n) + (1 - srcOpen / n) * (1 - tgtOpen / n);
  return chance >= 1 ? 0 : Math.max(0, (agree / n - chance) / (1 - chance));
}
