// The document list with segment, pair and progress counts.

import { html } from './html.ts';
import { layout } from './layout.ts';
import type { ViewContext } from './view-context.ts';
import type { DocumentSummary } from '../server/services/documents.ts';
import { formatDay, formatNumber } from './local-format.ts';

export function documentsPage(ctx: ViewContext, docs: DocumentSummary[]) {
  return layout(ctx, ctx.t('documents.title'), html`
  <h1>${ctx.t('documents.title')}</h1>
  ${docs.length === 0 ? html`<p>${ctx.t('documents.empty')}</p>` : html`
  <table class="documents">
    <thead><tr>
      <th>${ctx.t('documents.name')}</th><th>${ctx.t('documents.pairs')}</th>
      <th>${ctx.t('documents.srcSegments')}</th><th>${ctx.t('documents.tgtSegments')}</th>
      <th>${ctx.t('documents.untranslated')}</th><th>${ctx.t('documents.noise')}</th><th>${ctx.t('documents.created')}</th>
    </tr></thead>
    <tbody>${docs.map((d) => html`<tr data-testid="document-${d.id}">
      <td translate="no" hx-ignore><a href="/documents/${d.id}">${d.title}</a></td>
      ${[d.pairCount, d.srcSegmentCount, d.tgtSegmentCount, d.counts.untranslated, d.noiseCount].map((n) => html`<td class="num">${formatNumber(ctx, n)}</td>`)}
      <td><time datetime="${d.createdAt}">${formatDay(ctx, d.createdAt)}</time></td></tr>`)}</tbody>
  </table>`}`);
}
