// Gold data guards quality: our own small news and fiction cases, and a slice of the shared Bible set.

import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { align } from '../../server/align/align.ts';
import { beadF1 } from '../../server/align/bead-f1.ts';
import { formatBead, parseBeads } from '../../server/align/bead-format.ts';
import { loadAlignResources } from '../../server/align/load-resources.ts';
import type { Bead } from '../../server/domain/types.ts';
import { bibleDir, fixturesDir, hasBible, readLines } from './shared-data.ts';

const resources = loadAlignResources();
const FIXTURES = ['news-economy', 'novel-winter', 'novel-market', 'novel-river', 'essay-desk', 'feature-canal'];

function alignFixture(name: string) {
  const file = (ext: string) => path.join(fixturesDir, `${name}.${ext}`);
  return {
    gold: parseBeads(readFileSync(file('align'), 'utf8')),
    auto: align(readLines(file('zh')), readLines(file('en')), resources),
  };
}

/** The gold beads that lie wholly before the given English line, and the sentences they use. */
function bibleSlice(id: string, tgtLines: number) {
  const gold: Bead[] = [];
  for (const b of parseBeads(readFileSync(path.join(bibleDir, `gold/${id}.align`), 'utf8'))) {
    if (b.tgt.some((j) => j >= tgtLines)) break;
    gold.push(b);
  }
  const srcLines = Math.max(...gold.flatMap((b) => b.src)) + 1;
  const src = readLines(path.join(bibleDir, `${id}.zh`)).slice(0, srcLines);
  const tgt = readLines(path.join(bibleDir, `${id}.en`)).slice(0, tgtLines);
  return { gold, src, tgt };
}

describe('alignment quality', () => {
  it('when aligning our news and fiction fixtures then strict F1 stays above the floor', () => {
    const score = beadF1(FIXTURES.map(alignFixture));
    expect(score.f1).toBeGreaterThanOrEqual(0.9);
  });

  it.skipIf(!hasBible)('when aligning the first 1,500 Bible verses then strict F1 stays above the floor', () => {
    const { gold, src, tgt } = bibleSlice('001', 1500);
    const auto = align(src, tgt, resources);
    expect(beadF1([{ gold, auto }]).f1).toBeGreaterThanOrEqual(0.85);
  });

  it.skipIf(!hasBible)('when a bead scores under 0.5 then it is at least three times as likely to be wrong', () => {
    const { gold, src, tgt } = bibleSlice('001', 1500);
    const goldSet = new Set(gold.map(formatBead));
    const rate = (beads: { src: number[]; tgt: number[] }[]) => beads.filter((b) => !goldSet.has(formatBead(b))).length / Math.max(1, beads.length);
    const auto = align(src, tgt, resources);
    const low = auto.filter((b) => b.score < 0.5);
    const high = auto.filter((b) => b.score >= 0.5);
    expect(rate(low)).toBeGreaterThanOrEqual(3 * rate(high));
  });
});

if (!hasBible) console.warn('align-quality: ../shared/data/bible-zh-en is absent, the Bible floors are skipped.');
