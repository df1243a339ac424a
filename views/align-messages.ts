// What a successful alignment operation did, in the user's language, for the editor's message area.

import type { ViewContext } from './view-context.ts';
import { realignOutcome, type AlignmentResult, type RealignPreview, type ReplayResult, type UndoCounts } from '../server/services/alignment-editing.ts';
import { band } from './align-page.ts';
import { WEAK_SCORE } from '../server/domain/types.ts';
import { formatDecimal } from './local-format.ts';
import { documentIndex } from '../server/domain/row-numbers.ts';

/** The operation as the request named it; the service has already refused any that is not valid. */
export interface DoneOp {
  kind: string;
  row?: number;
  side?: string;
}

/** Rows are named by the document page's numbers, noise rows counted, as the rows stood when the change was asked for. */
export function alignOpMessage(ctx: ViewContext, op: DoneOp, result: AlignmentResult): string {
  const row = op.row ?? result.at;
  const number = (alignRow: number) => documentIndex(alignRow, result.noiseAt) + 1;
  const n = number(row);
  const side = op.side ? ctx.t(`alignEditor.sides.${op.side}`) : '';
  if (!result.removed && !result.inserted) return unchangedMessage(ctx, op.kind, op.kind === 'confirmAbove' ? number(row - 1) : n);
  switch (op.kind) {
    case 'moveUp': return ctx.t('alignEditor.done.moveUp', { side, n, m: number(row - 1) });
    case 'moveDown': return ctx.t('alignEditor.done.moveDown', { side, n, m: number(row + 1) });
    case 'shiftDown': return ctx.t('alignEditor.done.shiftDown', { side, n });
    case 'shiftUp': return ctx.t('alignEditor.done.shiftUp', { side, n });
    case 'merge': return ctx.t('alignEditor.done.merge', { a: n, b: number(row + 1) });
    case 'split': return ctx.t('alignEditor.done.split', { n });
    case 'splitSentence': return ctx.t('alignEditor.done.splitSentence', { n });
    case 'joinSentences': return ctx.t('alignEditor.done.joinSentences', { n });
    case 'confirm': return ctx.t('alignEditor.done.confirm', { n });
    case 'confirmAbove': return ctx.t('alignEditor.done.confirmAbove', { n: number(row - 1) });
    default: {
      const { key, params } = realignOutcome(result);
      return ctx.t(key, params);
    }
  }
}

/** An operation that changed nothing (and left no undo step) says so: a confirmed row confirmed again, a realign with nothing to move. */
export const unchangedMessage = (ctx: ViewContext, kind: string, n: number): string =>
  ctx.t(`alignEditor.unchanged.${['confirm', 'confirmAbove', 'realign'].includes(kind) ? kind : 'other'}`, { n });

/** Says whose change was undone or redone: the stack is shared by everyone aligning the document. */
export const replayMessage = (ctx: ViewContext, direction: 'undo' | 'redo', result: ReplayResult): string =>
  ctx.t(`alignCollab.${direction}${result.mine ? 'Mine' : 'Others'}`, { n: documentIndex(result.at, result.noiseAt) + 1, author: result.author ?? '?' });

/** The Undo button's words: whose change it would revert. */
export function undoLabel(ctx: ViewContext, counts: UndoCounts): string {
  if (!counts.undo) return ctx.t('align.undo');
  return counts.undoMine ? ctx.t('alignCollab.undoMineButton') : ctx.t('alignCollab.undoOthersButton', { author: counts.undoBy ?? '?' });
}

// The dialog lists this many new rows; the summary counts them all.
const PREVIEW_ROWS = 100;

/** A realign's preview for the page to show before it is applied: a summary, and each new row with its confidence. */
export function realignPreviewView(ctx: ViewContext, preview: RealignPreview) {
  const scores = preview.inserted.flatMap((r) => (r.score === null ? [] : [r.score]));
  const mean = scores.length ? scores.reduce((a, b) => a + b, 0) / scores.length : null;
  const low = scores.filter((s) => s < WEAK_SCORE).length;
  // The rows replaced are named as the page numbers them now, the new rows as it will once applied: noise rows among
  // them keep their place in the text, which may put them between other rows than before.
  const from = documentIndex(preview.at, preview.noiseAt) + 1;
  const to = documentIndex(preview.at + preview.removed - 1, preview.noiseAt) + 1;
  // Page-noise rows between the first and last row replaced are numbered in the span but not replaced: said apart,
  // so that "rows 16 to 21" never reads as 5 rows.
  const noise = to - from + 1 - preview.removed;
  const message = !preview.removed && !preview.inserted.length ? ctx.t('alignCollab.previewNone')
    // Said as applying it will say it: no row moves, only the confidence shown on some.
    : preview.rescored !== undefined ? ctx.t(preview.rescored === 1 ? 'alignCollab.previewRescoredOne' : 'alignCollab.previewRescored', { rows: preview.rescored, from, to })
    : ctx.t(noise > 0 ? 'alignCollab.previewSummaryNoise' : 'alignCollab.previewSummary', {
      from, to, removed: preview.removed, inserted: preview.inserted.length, count: noise,
      mean: mean === null ? '—' : formatDecimal(ctx, mean), low, weak: formatDecimal(ctx, WEAK_SCORE, 1),
    });
  const more = preview.inserted.length - PREVIEW_ROWS;
  return {
    version: preview.version, at: preview.at, removed: preview.removed, inserted: preview.inserted.length, message, low,
    more: more > 0 ? ctx.t('alignCollab.previewMore', { rows: more }) : null,
    rows: preview.inserted.slice(0, PREVIEW_ROWS).map((r, i) => ({
      band: band(r.score),
      text: ctx.t('alignCollab.previewRow', { n: documentIndex(preview.at + i, preview.noiseAtAfter) + 1, shape: `${r.src}:${r.tgt}`, score: r.score === null ? '—' : formatDecimal(ctx, r.score) }),
    })),
  };
}
