// Our strict bead F1 agrees with the reference scorer align-f1.py, and parses what it parses.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { beadF1, recallByShape, weakBeads } from '../../server/align/bead-f1.ts';
import { parseBeads } from '../../server/align/bead-format.ts';
import { bibleDir, hasBible, sharedDir } from './shared-data.ts';

const script = path.join(sharedDir, 'tools/align-f1.py');
const hasPython = spawnSync('python3', ['--version']).status === 0;
const canCompare = hasBible && existsSync(script) && hasPython;
if (!canCompare) console.warn('bead-f1: ../shared or python3 is absent, the comparison with align-f1.py is skipped.');

describe('bead F1', () => {
  it('when a bead differs in any index then it does not count', () => {
    const gold = parseBeads('[0]:[0]\n[1,2]:[1]\n[3]:[]\n');
    const auto = parseBeads('[0]:[0]\n[1]:[1]\n[2]:[]\n[3]:[]\n');
    const s = beadF1([{ gold, auto }]);
    expect([s.correct, s.gold, s.auto]).toEqual([2, 3, 4]);
    expect(s.f1).toBeCloseTo((2 * (2 / 4) * (2 / 3)) / (2 / 4 + 2 / 3));
  });

  it('when gold beads have several shapes then recall is counted per shape', () => {
    const gold = parseBeads('[0]:[0]\n[1,2]:[1,2]\n[3]:[3]\n[4]:[]\n');
    const auto = parseBeads('[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n[4]:[]\n');
    expect(Object.fromEntries(recallByShape([{ gold, auto }]))).toEqual({ '1-1': { gold: 2, found: 2 }, '2-2': { gold: 1, found: 0 }, '1-0': { gold: 1, found: 1 } });
  });

  it('when some beads are under the weak mark then their share and the share of wrong beads among them are reported', () => {
    const gold = parseBeads('[0]:[0]\n[1]:[1]\n[2]:[2]\n[3]:[3]\n');
    const scored = (text: string, scores: number[]) => parseBeads(text).map((b, k) => ({ ...b, score: scores[k]! }));
    const auto = scored('[0]:[0]\n[1]:[1,2]\n[2]:[]\n[3]:[3]\n', [0.9, 0.3, 0.8, 0.4]);
    expect(weakBeads([{ gold, auto }])).toEqual({ weakShare: 0.5, wrongCaught: 0.5 });
  });

  it('when lines hold spaces or are blank then they parse as the reference scorer reads them', () => {
    expect(parseBeads(' [0, 1] : [2]\n\n[]:[3]\n')).toEqual([{ src: [0, 1], tgt: [2] }, { src: [], tgt: [3] }]);
  });

  it.skipIf(!canCompare)('when scoring the published baselines then it matches align-f1.py to three decimals', () => {
    for (const aligner of ['galechurch', 'hunalign', 'vecalign']) {
      const dir = path.join(bibleDir, 'baselines', aligner);
      const ids = ['001', '002'];
      const py = spawnSync('python3', [script, path.join(bibleDir, 'gold'), dir, ...ids], { encoding: 'utf8' }).stdout;
      const expected = Number(/F1 ([\d.]+)/.exec(py)![1]);
      const ours = beadF1(ids.map((id) => ({
        gold: parseBeads(readFileSync(path.join(bibleDir, `gold/${id}.align`), 'utf8')),
        auto: parseBeads(readFileSync(path.join(dir, `${id}.align`), 'utf8')),
      })));
      expect(ours.f1.toFixed(3)).toBe(expected.toFixed(3));
    }
  });
});
