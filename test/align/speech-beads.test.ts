// Speech and its attribution: a Chinese quotation and the sentence after it, rendered as one English sentence, stay one bead.

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { align } from '../../server/align/align.ts';
import { formatBead } from '../../server/align/bead-format.ts';
import { loadAlignResources } from '../../server/align/load-resources.ts';
import { hasMac, macDir, readLines } from './shared-data.ts';

describe.skipIf(!hasMac)('speech in beads (MAC-Dev 002)', () => {
  it('when 小玄子喝道：“来得好。” and the next sentence become one English sentence then the bead holds both', () => {
    // MAC-Dev 002, Chinese sentences 200-225 and their English 328-374.
    const zh = readLines(path.join(macDir, '002.zh')).slice(200, 226);
    const en = readLines(path.join(macDir, '002.en')).slice(328, 375);
    const beads = align(zh, en, loadAlignResources()).map(formatBead);
    // Gold [210]:[348] [211,212]:[349] [213]:[350]; without the speech cost the search answered [211]:[348] [212,213]:[349,350].
    expect(beads).toEqual(expect.arrayContaining(['[10]:[20]', '[11,12]:[21]', '[13]:[22]']));
  });
});

if (!hasMac) console.warn('speech-beads: ../shared/data/mac-dev-zh-en is absent, the test is skipped.');
