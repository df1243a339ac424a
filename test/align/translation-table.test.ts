// The document's own translation table: learned from first-pass beads, never repeating the dictionary.

import { describe, expect, it } from 'vitest';
import { learnTranslations, type TrainingBead } from '../../server/align/translation-table.ts';

const NONE = new Set<number>();
// English ids: 1 intreat, 2 lord, 3 go, 4 ward, 5 season.
const bead = (words: [string, ReadonlySet<number>][], tgt: number[]): TrainingBead => ({ src: [new Map(words)], tgt: [tgt] });

describe('learnTranslations', () => {
  it('when a word the dictionary lacks keeps meeting the same English word then it learns that link', () => {
    const beads = [
      bead([['祈求', NONE], ['耶和华', new Set([2])]], [1, 2]),
      bead([['祈求', NONE], ['去', new Set([3])]], [1, 3]),
      bead([['监', NONE], ['日子', new Set([5])]], [4, 5]),
    ];
    const learned = learnTranslations(beads);
    expect(learned.get('祈求')).toEqual([1]);
  });

  it('when a pair is already in the dictionary or met only once then nothing is learned for it', () => {
    const beads = [
      bead([['耶和华', new Set([2])]], [2]),
      bead([['耶和华', new Set([2])]], [2]),
      bead([['监', NONE]], [4]),
    ];
    const learned = learnTranslations(beads);
    expect(learned.has('耶和华')).toBe(false);
    expect(learned.has('监')).toBe(false);
  });

  it('when there are no beads then the table is empty', () => {
    expect(learnTranslations([]).size).toBe(0);
  });
});
