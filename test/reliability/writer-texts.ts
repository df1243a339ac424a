// Small real Chinese-English documents for the writer processes, and an aligner that replays recorded beads.

import fs from 'node:fs';
import path from 'node:path';
import type { Aligner } from '../../server/domain/assemble-pairs.ts';
import type { ScoredBead } from '../../server/domain/types.ts';
import { CORPUS_DIR } from '../../server/services/import-document.ts';

export interface SmallText {
  zh: string;
  en: string;
}

/** Consecutive paragraph pairs of the demo article: 2 to 5 sentences a side. */
export function smallTexts(): SmallText[] {
  const lines = (file: string) => fs.readFileSync(path.join(CORPUS_DIR, file), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  const zh = lines('article.zh.txt').slice(0, 8);
  // The English page opens with a dateline and five headline links; an advert sits after the eighth paragraph.
  const en = lines('page.en.txt').slice(6, 14);
  return zh.slice(0, -1).map((_, i) => ({ zh: `${zh[i]}\n\n${zh[i + 1]}`, en: `${en[i]}\n\n${en[i + 1]}` }));
}

const key = (src: string[], tgt: string[]) => JSON.stringify([src, tgt]);

/** Wraps the real aligner and keeps what it said, so a child process can replay it without loading a lexicon. */
export function recordingAligner(align: Aligner): { align: Aligner; beads: Record<string, ScoredBead[]> } {
  const beads: Record<string, ScoredBead[]> = {};
  return {
    beads,
    align: (src, tgt) => (beads[key(src, tgt)] = align(src, tgt)),
  };
}

export function replayAligner(beads: Record<string, ScoredBead[]>): Aligner {
  return (src, tgt) => {
    const found = beads[key(src, tgt)];
    if (!found) throw new Error('no recorded beads for these sentences');
    return found;
  };
}
