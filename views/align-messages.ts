// What a successful alignment operation did, in the user's language, for the editor's message area.

import type { ViewContext } from './view-context.ts';
import type { AlignmentResult } from '../server/services/alignment-editing.ts';

/** The operation as the request named it; the service has already refused any that is not valid. */
export interface DoneOp {
  kind: string;
  row?: number;
  side?: string;
}

export function alignOpMessage(ctx: ViewContext, op: DoneOp, result: AlignmentResult): string {
  const n = (op.row ?? result.at) + 1;
  const side = op.side ? ctx.t(`alignEditor.sides.${op.side}`) : '';
  switch (op.kind) {
    case 'moveUp': return ctx.t('alignEditor.done.moveUp', { side, n, m: n - 1 });
    case 'moveDown': return ctx.t('alignEditor.done.moveDown', { side, n, m: n + 1 });
    case 'shiftDown': return ctx.t('alignEditor.done.shiftDown', { side, n });
    case 'shiftUp': return ctx.t('alignEditor.done.shiftUp', { side, n });
    case 'merge': return ctx.t('alignEditor.done.merge', { a: n, b: n + 1 });
    case 'split': return ctx.t('alignEditor.done.split', { n });
    case 'splitSentence': return ctx.t('alignEditor.done.splitSentence', { n });
    case 'joinSentences': return ctx.t('alignEditor.done.joinSentences', { n });
    case 'confirm': return ctx.t('alignEditor.done.confirm', { n });
    case 'confirmAbove': return ctx.t('alignEditor.done.confirmAbove', { n: n - 1 });
    default: return ctx.t('alignEditor.done.realign', { n: result.at + 1, removed: result.removed, inserted: result.inserted });
  }
}

export const replayMessage = (ctx: ViewContext, direction: 'undo' | 'redo', result: AlignmentResult): string =>
  ctx.t(`alignEditor.done.${direction}`, { n: result.at + 1 });
