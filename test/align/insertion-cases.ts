// The sentences the insertion test slips into our fixtures, one per case: shared by the test and by test/bench/fit-confidence.ts, which judges a refit by them.

import path from 'node:path';
import { fixturesDir, readLines } from './shared-data.ts';

const FIXTURES = ['news-economy', 'novel-winter', 'novel-market', 'novel-river', 'essay-desk', 'feature-canal'];
const ENGLISH = [
  'The weather in the mountains had been unusually cold that spring.',
  'Nobody in the village remembered who had planted the old pear tree by the well.',
  'He later told me that he had never cared much for music.',
];
const CHINESE = ['那年春天山里格外冷。', '村里没有人记得井边那棵老梨树是谁种的。', '他后来告诉我，他从来不怎么喜欢音乐。'];

export interface InsertionCase {
  src: string[];
  tgt: string[];
  /** Which side holds the added sentence, and its line. */
  side: 'src' | 'tgt';
  at: number;
}

const insert = (lines: string[], at: number, line: string) => [...lines.slice(0, at), line, ...lines.slice(at)];

/** 36 cases: a sentence added a quarter, half and three quarters into each fixture, on each side. */
export function insertionCases(): InsertionCase[] {
  return FIXTURES.flatMap((name) => {
    const zh = readLines(path.join(fixturesDir, `${name}.zh`));
    const en = readLines(path.join(fixturesDir, `${name}.en`));
    return [0, 1, 2].flatMap((k): InsertionCase[] => {
      const at = Math.floor((Math.min(zh.length, en.length) * (k + 1)) / 4);
      return [
        { src: zh, tgt: insert(en, at, ENGLISH[k]!), side: 'tgt', at },
        { src: insert(zh, at, CHINESE[k]!), tgt: en, side: 'src', at },
      ];
    });
  });
}
