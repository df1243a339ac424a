// Rendered rows kept per row object and language, as UTF-8: the workspace hands out the same row object
// until something the row shows changes, so a page of 200 rows renders and encodes only the rows that did.

import { SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import type { WorkRow } from '../server/services/workspace.ts';

const rendered = new WeakMap<WorkRow, Map<string, SafeHtml>>();

/** `render(ctx, docId, row)` unless this row object was rendered before in this language for this document. */
export function memoRow(render: (ctx: ViewContext, docId: number, row: WorkRow) => SafeHtml, ctx: ViewContext, docId: number, row: WorkRow): SafeHtml {
  let byLanguage = rendered.get(row);
  if (!byLanguage) rendered.set(row, (byLanguage = new Map()));
  const slot = `${ctx.lang}\u0000${docId}`;
  let markup = byLanguage.get(slot);
  if (markup === undefined) byLanguage.set(slot, (markup = SafeHtml.encoded(render(ctx, docId, row).toString())));
  return markup;
}
