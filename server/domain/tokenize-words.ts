// Splits a sentence into word tokens for diffing and edit-distance metrics, in Chinese or English.

import type { Lang } from './types.ts';

// A word keeps inner hyphens and apostrophes (Moon Jae-in, Korea’s); a number keeps its
// decimal point and thousands commas (3.5, 1,200) so a changed figure is one edit, not three.
const EN_TOKEN =
  /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+(?:['’\-‐][\p{L}\p{M}\p{N}]+)*|\s+|[^]/gu;

// Built lazily: a segmenter is cheap to reuse but nothing should be created at import time.
let zhSegmenter: Intl.Segmenter | undefined;

/**
 * Every piece of the text in order, whitespace runs included, so that `join('')` gives the
 * text back exactly; the diff works on these so its parts reassemble both sides.
 */
export function tokenizeWithSpaces(text: string, lang: Lang): string[] {
  if (lang === 'en') return text.match(EN_TOKEN) ?? [];
  zhSegmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const { segment } of zhSegmenter.segment(text)) {
    // ICU returns each space as its own segment; one run of whitespace is one piece.
    const last = out.length - 1;
    if (last >= 0 && isSpace(segment) && isSpace(out[last]!)) out[last] += segment;
    else out.push(segment);
  }
  return out;
}

/** Words, numbers and punctuation marks of a sentence; whitespace is not a token. */
export function tokenizeWords(text: string, lang: Lang): string[] {
  return tokenizeWithSpaces(text, lang).filter((t) => !isSpace(t));
}

function isSpace(token: string): boolean {
  return /^\s+$/u.test(token);
}
