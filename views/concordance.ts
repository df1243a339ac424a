// The concordance: its hits in context (KWIC) with the other side and where each stands, and its own page.

import { html, type SafeHtml } from './html.ts';
import { layout } from './layout.ts';
import type { ViewContext } from './view-context.ts';
import type { ConcordanceHit, ConcordancePage } from '../server/services/concordance.ts';
import { concordanceForm } from './concordance-form.ts';

const sideLang = (side: 'src' | 'tgt') => (side === 'src' ? 'zh-CN' : 'en');
const pageUrl = (query: string, after?: number) =>
  `/concordance?${new URLSearchParams(after === undefined ? { q: query } : { q: query, after: String(after) })}`;

function where(ctx: ViewContext, hit: ConcordanceHit): SafeHtml {
  if (hit.documentId === null) return html`<span class="origin">${ctx.t('concordance.memory')} <span translate="no">${hit.title}</span></span>`;
  return html`<a href="/documents/${hit.documentId}#row-${hit.row}" data-testid="concordance-link"><span translate="no">${hit.title}</span>
    · ${ctx.t('concordance.row', { row: hit.row })}</a>`;
}

function hitItem(ctx: ViewContext, hit: ConcordanceHit): SafeHtml {
  const other = hit.side === 'src' ? 'tgt' : 'src';
  return html`<li class="concordance-hit" data-testid="concordance-hit" hx-ignore>
    <p class="kwic" lang="${sideLang(hit.side)}"><span class="kwic-left">${hit.context.left}</span><mark>${hit.context.hit}</mark><span class="kwic-right">${hit.context.right}</span></p>
    <p class="kwic-other" lang="${sideLang(other)}">${hit.other || html`<span class="muted">${ctx.t('concordance.noText')}</span>`}</p>
    <p class="kwic-where">${where(ctx, hit)}</p>
  </li>`;
}

/** The hits of one page, a refusal, or nothing yet; the fragment the dialog fetches and the page includes. */
export function concordanceResults(ctx: ViewContext, result: { page?: ConcordancePage; error?: string }): SafeHtml {
  const { page, error } = result;
  // What a screen reader is told as the hits arrive is how many: the list itself is read by moving into it.
  return html`<div class="concordance-results" data-testid="concordance-results">
    ${error ? html`<p class="error" role="alert">${error}</p>` : ''}
    ${page && !page.hits.length ? html`<p class="muted" data-announce>${ctx.t('concordance.noHits', { query: page.query })}</p>` : ''}
    ${page?.hits.length ? html`<p class="visually-hidden" data-announce>${ctx.t(page.next === null ? 'concordance.hits' : 'concordance.hitsMore', { count: page.hits.length })}</p>` : ''}
    ${page?.hits.length ? html`<ol class="concordance-hits">${page.hits.map((h) => hitItem(ctx, h))}</ol>` : ''}
    ${page?.next !== null && page?.next !== undefined
      ? html`<p><a class="more" href="${pageUrl(page.query, page.next)}" data-testid="concordance-more">${ctx.t('concordance.more')}</a></p>` : ''}
  </div>`;
}

export function concordancePage(ctx: ViewContext, query: string, result: { page?: ConcordancePage; error?: string }): SafeHtml {
  return layout(ctx, ctx.t('concordance.title'), html`
  <h1>${ctx.t('concordance.title')}</h1>
  <p class="meta">${ctx.t('concordance.intro')}</p>
  ${concordanceForm(ctx, query, true)}
  ${concordanceResults(ctx, result)}`);
}
