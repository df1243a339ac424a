// The document list with segment, pair and progress counts.

import { html } from './html.ts';
import { layout } from './layout.ts';
import type { ViewContext } from './view-context.ts';
import type { DocumentSummary } from '../server/services/documents.ts';

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
      <td hx-ignore><a href="/documents/${d.id}">${d.title}</a></td>
      <td class="num">${d.pairCount}</td><td class="num">${d.srcSegmentCount}</td><td class="num">${d.tgtSegmentCount}</td>
      <td class="num">${d.counts.untranslated}</td><td class="num">${d.noiseCount}</td>
      <td>${d.createdAt.slice(0, 10)}</td></tr>`)}</tbody>
  </table>`}`);
}
