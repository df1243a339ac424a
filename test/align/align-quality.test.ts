// Gold data guards quality: our own small news and fiction cases, the shared Bible set and the MAC-Dev literary chapters.

import path from 'node:path';
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { align } from '../../server/align/align.ts';
import { beadF1, recallByShape, weakBeads } from '../../server/align/bead-f1.ts';
import { formatBead, parseBeads } from '../../server/align/bead-format.ts';
import { loadAlignResources } from '../../server/align/load-resources.ts';
import { WEAK_SCORE } from '../../server/domain/types.ts';
import type { Bead } from '../../server/domain/types.ts';
import { bibleDir, fixturesDir, hasBible, hasMac, macDir, readLines } from './shared-data.ts';

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

  // The whole book: a slice holds too few weak beads (about 70) for a stable ratio.
  it.skipIf(!hasBible)('when a bead of Bible 001 scores under 0.5 then it is at least three times as likely to be wrong', () => {
    const gold = parseBeads(readFileSync(path.join(bibleDir, 'gold/001.align'), 'utf8'));
    const goldSet = new Set(gold.map(formatBead));
    const rate = (beads: { src: number[]; tgt: number[] }[]) => beads.filter((b) => !goldSet.has(formatBead(b))).length / Math.max(1, beads.length);
    const auto = align(readLines(path.join(bibleDir, '001.zh')), readLines(path.join(bibleDir, '001.en')), resources);
    const low = auto.filter((b) => b.score < WEAK_SCORE);
    const high = auto.filter((b) => b.score >= WEAK_SCORE);
    expect(rate(low)).toBeGreaterThanOrEqual(3 * rate(high));
  }, 120_000);
});

describe.skipIf(!hasMac)('literary alignment quality (MAC-Dev)', () => {
  const IDS = ['001', '002', '003', '004', '005', '006'];
  const runs = () => IDS.map((id) => ({
    gold: parseBeads(readFileSync(path.join(macDir, `gold/${id}.align`), 'utf8')),
    auto: align(readLines(path.join(macDir, `${id}.zh`)), readLines(path.join(macDir, `${id}.en`)), resources),
  }));
  let aligned: ReturnType<typeof runs>;
  beforeAll(() => {
    aligned = runs();
  }, 300_000);

  it('when aligning the six chapters then strict F1 stays above the floor', () => {
    expect(beadF1(aligned).f1).toBeGreaterThanOrEqual(0.925);
  });

  it('when a translator joined two sentences into one then at least 85 % of such beads are found', () => {
    const twoOne = recallByShape(aligned).get('2-1')!;
    expect(twoOne.found / twoOne.gold).toBeGreaterThanOrEqual(0.85);
  });

  // The target: half of each (before the character table and the five-sentence operating point, 2-3 4 of 12).
  it('when a translator recast two sentences as two or three then the last look finds at least 15 of the 25 2-2 beads and 6 of the 12 2-3', () => {
    const shapes = recallByShape(aligned);
    expect(shapes.get('2-2')).toMatchObject({ gold: 25 });
    expect(shapes.get('2-2')!.found).toBeGreaterThanOrEqual(15);
    expect(shapes.get('2-3')).toMatchObject({ gold: 12 });
    expect(shapes.get('2-3')!.found).toBeGreaterThanOrEqual(6);
  });

  it('when beads score under 0.5 then they are few and hold half of the wrong ones', () => {
    const { weakShare, wrongCaught } = weakBeads(aligned);
    expect(weakShare).toBeLessThanOrEqual(0.15);
    expect(wrongCaught).toBeGreaterThanOrEqual(0.5);
  });
});

if (!hasBible) console.warn('align-quality: ../shared/data/bible-zh-en is absent, the Bible floors are skipped.');
if (!hasMac) console.warn('align-quality: ../shared/data/mac-dev-zh-en is absent, the literary floors are skipped.');
