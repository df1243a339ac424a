// Rendered rows kept by what they show: a page of 200 rows re-renders only the rows that changed.

import { raw, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import type { WorkRow } from '../server/services/workspace.ts';

const LIMIT = 50_000;
const rendered = new Map<string, { fingerprint: string; markup: string }>();

/** `render(ctx, docId, row)` unless the same row, in the same language, was rendered before. */
export function memoRow(render: (ctx: ViewContext, docId: number, row: WorkRow) => SafeHtml, ctx: ViewContext, docId: number, row: WorkRow): SafeHtml {
  // Everything the row template reads, and nothing per request (no CSRF token, no user). Sentences by id
  // and length: the source text alone would not tell ["AB", "C"] from ["A", "BC"].
  const fingerprint = [row.index, row.noise, row.state, row.score, row.hter, row.editSeconds, row.lastEditor,
    row.srcSegments.map((s) => `${s.id}:${s.text.length}`).join(','), row.tgtSegments.length,
    row.flags.length ? JSON.stringify(row.flags) : '', row.src, row.tgt].join('\u0001');
  const slot = `${ctx.lang}\u0000${docId}\u0000${row.id}`;
  const hit = rendered.get(slot);
  if (hit?.fingerprint === fingerprint) return raw(hit.markup);
  if (rendered.size >= LIMIT) rendered.clear();
  const markup = render(ctx, docId, row).toString();
  rendered.set(slot, { fingerprint, markup });
  return raw(markup);
}
