// Builds alignment rows for the tests from plain sentence texts, and the demo article about Xi Jinping and Moon Jae-in.

import type { AlignRow, Sentence } from '../../server/domain/alignment-rows.ts';
import type { AlignContext } from '../../server/domain/align-ops.ts';
import { ValidationError } from '../../server/domain/errors.ts';
import type { ScoredBead } from '../../server/domain/types.ts';
import { State } from '../../server/domain/types.ts';

/** Sentence keys come from the row's key, so building the same rows twice gives equal rows. */
const sentences = (rowKey: string, side: 'z' | 'e', texts: string[]): Sentence[] =>
  texts.map((text, i) => ({ key: `${rowKey}${side}${i}`, text, paragraph: 0, start: i * 1000, end: i * 1000 + text.length }));

/** A row as imported: its English is the joined English sentences, state machine (or untranslated when empty). */
export function row(key: string, src: string[], tgt: string[], extra: Partial<AlignRow> = {}): AlignRow {
  const text = tgt.join(' ');
  return {
    key, src: sentences(key, 'z', src), tgt: sentences(key, 'e', tgt), tgtText: text, mtText: text, mtKind: 'mt',
    state: text ? State.machine : State.untranslated, score: 0.9, confirmedBy: null, needsReview: null, srcChanged: false, ...extra,
  };
}

/** Rows p0, p1, … from [Chinese sentences, English sentences] pairs. */
export const rows = (...pairs: [string[], string[]][]): AlignRow[] => pairs.map(([s, t], i) => row(`p${i}`, s, t));

/** Fresh keys n0, n1, … as the caller of an operation hands them out. */
export function context(extra: Partial<AlignContext> = {}): AlignContext {
  let n = 0;
  return { newKey: () => `n${n++}`, ...extra };
}

/** The i18n key of the ValidationError the action throws, or undefined when it goes through. */
export function refusalKey(action: () => unknown): string | undefined {
  try {
    action();
  } catch (e) {
    if (e instanceof ValidationError) return e.key;
    throw e;
  }
  return undefined;
}

export const srcTexts = (rs: AlignRow[]) => rs.map((r) => r.src.map((s) => s.text));
export const tgtTexts = (rs: AlignRow[]) => rs.map((r) => r.tgt.map((s) => s.text));

/**
 * A small length-based aligner: dynamic programming over 1-1, 1-2, 2-1, 1-0 and 0-1 beads, English
 * expected to be about four times as long as Chinese. Injected data for realign, not the project's aligner.
 */
export function lengthAligner(src: string[], tgt: string[]): ScoredBead[] {
  const moves = [[1, 1, 0], [1, 2, 0.2], [2, 1, 0.2], [1, 0, 1], [0, 1, 1]] as const;
  const len = (xs: string[], from: number, n: number) => xs.slice(from, from + n).reduce((a, x) => a + x.length, 0);
  const cost = (i: number, j: number, di: number, dj: number, penalty: number) => {
    const s = 4 * len(src, i, di);
    const t = len(tgt, j, dj);
    return Math.abs(s - t) / (s + t + 1) + penalty;
  };
  const best: number[][] = src.map(() => []).concat([[]]).map(() => Array<number>(tgt.length + 1).fill(Infinity));
  const back: [number, number][][] = best.map((r) => r.map(() => [0, 0] as [number, number]));
  best[0]![0] = 0;
  for (let i = 0; i <= src.length; i++) {
    for (let j = 0; j <= tgt.length; j++) {
      for (const [di, dj, penalty] of moves) {
        if (i < di || j < dj) continue;
        const c = best[i - di]![j - dj]! + cost(i - di, j - dj, di, dj, penalty);
        if (c < best[i]![j]!) { best[i]![j] = c; back[i]![j] = [di, dj]; }
      }
    }
  }
  const beads: ScoredBead[] = [];
  for (let i = src.length, j = tgt.length; i > 0 || j > 0;) {
    const [di, dj] = back[i]![j]!;
    const range = (from: number, n: number) => Array.from({ length: n }, (_, k) => from + k);
    beads.unshift({ src: range(i - di, di), tgt: range(j - dj, dj), score: Math.max(0, 1 - cost(i - di, j - dj, di, dj, 0)) });
    i -= di;
    j -= dj;
  }
  return beads;
}

export const zh = [
  '国家主席习近平11日在北京人民大会堂同韩国总统文在寅举行会谈。',
  '习近平指出，中韩是近邻，也是重要合作伙伴。',
  '在人文交流方面，习近平敦促双方用好中韩人文交流促进委员会平台，开展教育、体育、媒体、青年、地方等领域交流，不断增进两国人民的相互了解和友好感情。',
  '文在寅表示，韩方愿同中方加强各领域交流合作。',
];

export const en = [
  'Chinese President Xi Jinping held talks with visiting South Korean President Moon Jae-in at the Great Hall of the People in Beijing on the 11th.',
  'Xi pointed out that China and South Korea are close neighbors and important cooperative partners.',
  'In terms of people-to-people exchanges, Xi urged both sides to make good use of the platform of the China-South Korea people-to-people exchange promotion committee to carry out exchanges in education, sports, media, and exchanges.',
  'Youth and local levels to continuously enhance the mutual understanding and friendly feelings between the two peoples.',
  'Moon said South Korea is willing to strengthen exchanges and cooperation with China in various fields.',
];

/** The article as the segmenter left it: the English cut after "…and exchanges.", so the rows below slide. */
export const demoRows = () => rows([[zh[0]!], [en[0]!]], [[zh[1]!], [en[1]!]], [[zh[2]!], [en[2]!]], [[zh[3]!], [en[3]!]], [[], [en[4]!]]);
