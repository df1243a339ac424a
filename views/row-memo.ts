// Rendered rows kept by what they show: a page of 200 rows re-renders only the rows that changed.

import { raw, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import type { WorkRow } from '../server/services/workspace.ts';

const LIMIT = 50_000;
const rendered = new Map<string, { fingerprint: string; markup: string }>();

/** `render(ctx, docId, row)` unless the same row, in the same language, was rendered before. */
export function memoRow(render: (ctx: ViewContext, docId: number, row: WorkRow) => SafeHtml, ctx: ViewContext, docId: number, row: WorkRow): SafeHtml {
  // Everything the row template reads, and nothing per request (no CSRF token, no user).
  const fingerprint = JSON.stringify([row.index, row.noise, row.src, row.tgt, row.srcSegments.map((s) => s.text), row.tgtSegments.length,
    row.state, row.score, row.flags, row.hter, row.editSeconds, row.lastEditor]);
  const slot = `${ctx.lang}\u0000${docId}\u0000${row.id}`;
  const hit = rendered.get(slot);
  if (hit?.fingerprint === fingerprint) return raw(hit.markup);
  if (rendered.size >= LIMIT) rendered.clear();
  const markup = render(ctx, docId, row).toString();
  rendered.set(slot, { fingerprint, markup });
  return raw(markup);
}
