// Confirming rows a person checked, and realigning the unconfirmed rows between them with an injected aligner.

import {
  REVIEW_APPROVAL, REVIEW_SPLIT, carriesSourceChange, draftState, edited, emptyRow, joinTexts, patchBetween, sameRow, sideText,
  type AlignRow, type RowPatch, type Sentence,
} from './alignment-rows.ts';
import type { Aligner } from './assemble-pairs.ts';
import { ValidationError } from './errors.ts';
import { State, sameShownScore, type ScoredBead } from './types.ts';
import { rowAt, type KeySource } from './move-sentences.ts';

function checkBy(by: string): void {
  if (!by.trim()) throw new ValidationError('Say who confirms the rows.', 'errors.alignConfirmBy');
}

/** Confirms one row; a row someone already confirmed keeps their name, and the patch is empty: nothing changed. */
export function confirm(rows: readonly AlignRow[], index: number, by: string): RowPatch {
  const row = rowAt(rows, index);
  checkBy(by);
  return patchBetween(rows, index, index + 1, [row.confirmedBy ? row : { ...row, confirmedBy: by }]);
}

/**
 * Confirms every row above `index`; rows someone already confirmed keep their name. The first row has none above it:
 * refused, named by `number` (the document page's number), rather than logged as a change that changed nothing.
 */
export function confirmAbove(rows: readonly AlignRow[], index: number, by: string, number = (row: number) => row + 1): RowPatch {
  if (index !== rows.length) rowAt(rows, index);
  checkBy(by);
  if (index === 0) {
    throw new ValidationError(`There is no row to confirm above row ${number(0)}.`, 'errors.alignNothingAbove', { row: number(0) });
  }
  const above = rows.slice(0, index).map((r) => (r.confirmedBy ? r : { ...r, confirmedBy: by }));
  return patchBetween(rows, 0, index, above);
}

/** Where each old row's English lands: the new row holding its first English sentence, else its first Chinese one. */
function homes(run: readonly AlignRow[], newRowOf: Map<string, number>): number[] {
  let last = 0;
  return run.map((r) => {
    const first = r.tgt[0] ?? r.src[0];
    last = first ? newRowOf.get(first.key)! : last;
    return last;
  });
}

/**
 * Realigns one run of unconfirmed rows. Unedited English follows its sentences into the new rows; a
 * person's text goes whole to the new row holding the start of its row, other new rows get their
 * sentences' English, and rows where it no longer matches the sentences are marked for review.
 */
function realignRun(run: readonly AlignRow[], align: Aligner, ctx: KeySource): AlignRow[] {
  const src = run.flatMap((r) => r.src);
  const tgt = run.flatMap((r) => r.tgt);
  if (!src.length && !tgt.length) return [...run];
  const beads = align(src.map((s) => s.text), tgt.map((s) => s.text));
  const used = (side: 'src' | 'tgt') => beads.flatMap((b) => b[side]).join();
  if (used('src') !== src.map((_, i) => i).join() || used('tgt') !== tgt.map((_, i) => i).join()) {
    throw new Error('The aligner must use every sentence once, in order.');
  }
  const newRowOf = new Map<string, number>();
  beads.forEach((b, n) => {
    for (const i of b.src) newRowOf.set(src[i]!.key, n);
    for (const i of b.tgt) newRowOf.set(tgt[i]!.key, n);
  });
  const home = homes(run, newRowOf);
  const texts = beads.map(() => ({ tgt: '', mt: '', gloss: false, approved: false, srcChanged: false, split: false, review: null as string | null }));
  run.forEach((old, o) => {
    const sentenceRows = [...new Set([...old.src, ...old.tgt].map((s) => newRowOf.get(s.key)!))];
    for (const n of sentenceRows) {
      texts[n]!.approved ||= old.state === State.approved;
      texts[n]!.srcChanged ||= Boolean(old.srcChanged);
    }
    const own = (n: number) => sideText(old.tgt.filter((s) => newRowOf.get(s.key) === n), 'tgt');
    const place = (field: 'tgt' | 'mt', text: string, plain: boolean) => {
      const rowsOf = new Set([...(plain ? [] : [home[o]!]), ...old.tgt.map((s) => newRowOf.get(s.key)!)]);
      for (const n of rowsOf) {
        const placed = plain || n !== home[o] ? own(n) : text;
        texts[n]![field] = joinTexts(texts[n]![field], placed, old.tgt.find((s) => newRowOf.get(s.key) === n)?.lineBefore);
        if (field === 'mt' && placed && old.mtKind === 'gloss') texts[n]!.gloss = true;
      }
    };
    place('tgt', old.tgtText, !edited(old));
    place('mt', old.mtText, old.mtText === sideText(old.tgt, 'tgt'));
    const moved = sentenceRows.some((n) => n !== home[o]);
    if (edited(old) && moved) for (const n of sentenceRows) texts[n]!.split = true;
    texts[home[o]!]!.review ??= old.needsReview;
  });
  const drafts = beads.map((b, n) => draftRow(b, src, tgt, texts[n]!));
  return withKeys(drafts, run, ctx);
}

const signature = (r: Pick<AlignRow, 'src' | 'tgt' | 'tgtText' | 'mtText'>) =>
  JSON.stringify([r.src.map((s) => s.key), r.tgt.map((s) => s.key), r.tgtText, r.mtText]);

/**
 * Gives realigned rows their keys: a row the aligner left as it was stays that row (its state and
 * review reason with it); the others reuse the run's remaining keys in order, then fresh ones.
 */
function withKeys(drafts: AlignRow[], run: readonly AlignRow[], ctx: KeySource): AlignRow[] {
  const bySignature = new Map(run.map((r) => [signature(r), r]));
  // A new confidence no one could tell from the old one is no change to show, log or undo.
  const kept = drafts.map((d) => {
    const old = bySignature.get(signature(d));
    return old ? { ...old, score: sameShownScore(old.score, d.score) ? old.score : d.score } : undefined;
  });
  const taken = new Set(kept.map((k) => k?.key));
  const spare = run.map((r) => r.key).filter((k) => !taken.has(k));
  return drafts.map((d, n) => kept[n] ?? { ...d, key: spare.shift() ?? ctx.newKey() });
}

function draftRow(
  b: ScoredBead, src: readonly Sentence[], tgt: readonly Sentence[],
  t: { tgt: string; mt: string; gloss: boolean; approved: boolean; srcChanged: boolean; split: boolean; review: string | null },
): AlignRow {
  const row: AlignRow = {
    ...emptyRow(''), src: b.src.map((i) => src[i]!), tgt: b.tgt.map((i) => tgt[i]!), tgtText: t.tgt, mtText: t.mt, mtKind: t.gloss ? 'gloss' : 'mt', score: b.score,
  };
  const state = !row.tgtText.trim() ? State.untranslated : t.approved ? State.translated : draftState(row);
  return {
    ...row, state, needsReview: t.split ? REVIEW_SPLIT : t.approved ? REVIEW_APPROVAL : t.review,
    srcChanged: carriesSourceChange(state, [{ srcChanged: t.srcChanged }]),
  };
}

// Rows the aligner must not touch: a person confirmed them, or they hold a page's headline entries, which
// pair by their place in the headline list (an aligner would merge the untranslated ones into neighbours).
const anchored = (r: AlignRow) => Boolean(r.confirmedBy) || r.src.some((s) => s.kind === 'headline') || r.tgt.some((s) => s.kind === 'headline');

/**
 * Realigns from the first unconfirmed row to the end: confirmed rows and headline rows stay as anchors,
 * and each maximal run of other rows between them is aligned on its own.
 */
export function realign(rows: readonly AlignRow[], align: Aligner, ctx: KeySource): RowPatch {
  const from = rows.findIndex((r) => !anchored(r));
  if (from < 0) return { at: rows.length, removed: [], inserted: [] };
  const out: AlignRow[] = [];
  let run: AlignRow[] = [];
  const flush = () => {
    if (run.length) out.push(...realignRun(run, align, ctx));
    run = [];
  };
  for (const row of rows.slice(from)) {
    if (anchored(row)) {
      flush();
      out.push(row);
    } else run.push(row);
  }
  flush();
  return patchBetween(rows, from, rows.length, out);
}

/**
 * How many rows a realign's patch gave only a new confidence, when that is all it did (every row stays as it was, its
 * sentences, English and state with it); undefined when it changed anything else, or nothing.
 */
export function onlyRescored(patch: RowPatch): number | undefined {
  const { removed, inserted } = patch;
  if (!removed.length || removed.length !== inserted.length) return undefined;
  const unscored = (r: AlignRow) => ({ ...r, score: null });
  if (!removed.every((r, i) => sameRow(unscored(r), unscored(inserted[i]!)))) return undefined;
  return inserted.filter((r, i) => r.score !== removed[i]!.score).length;
}
