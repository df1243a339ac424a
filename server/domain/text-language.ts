// Which of our two languages a text is written in, from its letters: Chinese characters against English words.

/** Enough of a long file to decide; the rest would only cost time. */
const SAMPLE = 200_000;
/** Below this many Chinese characters and Latin words together a text says too little (numbers, symbols, a name). */
const MIN_EVIDENCE = 3;

export type TextLanguage = 'zh' | 'en' | 'unknown';

export interface LanguageEvidence {
  /** Chinese characters (Han script, any plane). */
  han: number;
  /** Runs of Latin letters: a Chinese character carries about as much as an English word. */
  latinWords: number;
}

export function languageEvidence(text: string): LanguageEvidence {
  const sample = text.length > SAMPLE ? text.slice(0, SAMPLE) : text;
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latinWords = sample.match(/\p{Script=Latin}+/gu)?.length ?? 0;
  return { han, latinWords };
}

/**
 * Chinese when Chinese characters outnumber English words, English the other way round. Chinese wire text
 * with a few Latin acronyms and English text with Chinese names in brackets both come out right; a text of
 * numbers and symbols says nothing.
 */
export function textLanguage(text: string): TextLanguage {
  const { han, latinWords } = languageEvidence(text);
  if (han + latinWords < MIN_EVIDENCE) return 'unknown';
  if (han > latinWords) return 'zh';
  if (latinWords > han) return 'en';
  return 'unknown';
}
