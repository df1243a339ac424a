// A document: one row per bead, Chinese left, English right, score and state; rows load in pages.

import { html, type SafeHtml } from './html.ts';
import { layout } from './layout.ts';
import type { ViewContext } from './view-context.ts';
import type { DocumentSummary, PairView } from '../server/services/documents.ts';

export const ROWS_PER_PAGE = 200;
const LOW_CONFIDENCE = 0.5;

const STATE_KEYS: Record<number, string> = { 0: 'untranslated', 10: 'machine', 20: 'translated', 25: 'rejected', 30: 'approved' };

function scoreCell(ctx: ViewContext, score: number | null): SafeHtml {
  if (score === null) return html`<td class="score none">—</td>`;
  const low = score < LOW_CONFIDENCE;
  return html`<td class="score${low ? ' low' : ''}" title="${low ? ctx.t('document.lowConfidence') : ''}">${score.toFixed(2)}</td>`;
}

function row(ctx: ViewContext, p: PairView): SafeHtml {
  if (p.noise) {
    return html`<tr class="pair noise" id="pair-${p.id}" data-testid="pair-row">
      <td class="idx">${p.index + 1}</td><td class="src"></td>
      <td class="tgt" lang="en" hx-disable>${p.tgt}</td>
      <td class="score none">—</td><td class="state">${ctx.t('states.noise')}</td></tr>`;
  }
  const state = STATE_KEYS[p.state ?? 0] ?? 'untranslated';
  const shape = `${p.srcSegments.length}:${p.tgtSegments.length}`;
  return html`<tr class="pair state-${state}" id="pair-${p.id}" data-testid="pair-row" data-shape="${shape}">
    <td class="idx">${p.index + 1}${shape !== '1:1' ? html`<span class="shape">${shape}</span>` : ''}</td>
    <td class="src" lang="zh-CN" hx-disable>${p.srcSegments.map((s) => html`<span class="seg">${s.text}</span>`)}</td>
    <td class="tgt" lang="en" hx-disable>${p.tgt
      ? p.tgtSegments.map((s) => html`<span class="seg">${s.text}</span>`)
      : html`<span class="missing">${ctx.t('document.untranslated')}</span>`}</td>
    ${scoreCell(ctx, p.score)}
    <td class="state">${ctx.t(`states.${state}`)}</td>
  </tr>`;
}

/** A page of rows; the last row of a full page fetches the next page when it scrolls into view. */
export function rowsFragment(ctx: ViewContext, docId: number, pairs: PairView[], offset: number): SafeHtml {
  const more = pairs.length === ROWS_PER_PAGE;
  return html`${pairs.map((p) => row(ctx, p))}${more
    ? html`<tr class="more" hx-get="/documents/${docId}/rows?offset=${offset + ROWS_PER_PAGE}" hx-trigger="revealed" hx-swap="outerHTML">
        <td colspan="5">${ctx.t('document.loading')}</td></tr>`
    : ''}`;
}

export function documentPage(ctx: ViewContext, doc: DocumentSummary, pairs: PairView[]) {
  return layout(ctx, doc.title, html`
  <h1 hx-disable>${doc.title}</h1>
  <p class="meta">${ctx.t('document.summary', {
    pairs: doc.pairCount, src: doc.srcSegmentCount, tgt: doc.tgtSegmentCount, untranslated: doc.counts.untranslated, noise: doc.noiseCount,
  })}${doc.pageDate ? html` · ${ctx.t('document.pageDate', { date: doc.pageDate })}` : ''}</p>
  <table class="pairs" data-testid="pairs">
    <thead><tr><th>#</th><th>${ctx.t('document.source')}</th><th>${ctx.t('document.target')}</th>
      <th>${ctx.t('document.score')}</th><th>${ctx.t('document.state')}</th></tr></thead>
    <tbody id="rows">${rowsFragment(ctx, doc.id, pairs, 0)}</tbody>
  </table>`);
}
