// What the aligner needs from outside: a zh→en lexicon, a Chinese word segmenter and romanization of names.

import type { Lexicon } from './cedict-lexicon.ts';

export interface TaggedWord {
  word: string;
  /** jieba's part-of-speech tag: nr person name, ns place, x unknown (found by the HMM), … */
  tag: string;
}

export interface AlignResources {
  lexicon: Lexicon;
  segmentChinese(sentence: string): TaggedWord[];
  /** Toneless pinyin syllables of a word: 金灿荣 → ['jin', 'can', 'rong']. */
  romanize(word: string): string[];
}
