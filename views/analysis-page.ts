// A document's match analysis: its page (a table of bands) and the same table as CSV.

import { html, type SafeHtml } from './html.ts';
import { layout } from './layout.ts';
import type { ViewContext } from './view-context.ts';
import { formatNumber } from './local-format.ts';
import type { DocumentAnalysis } from '../server/services/match-analysis.ts';
import type { JobView } from '../server/services/jobs.ts';
import { jobProgress } from './job-progress.ts';

/** A share with one decimal, as a quote reads it (a 100 % band of 0.4 % is not "0%"). */
const percent = (ctx: ViewContext, share: number) =>
  new Intl.NumberFormat(ctx.lang, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);

export function analysisPage(ctx: ViewContext, { doc, analysis }: DocumentAnalysis): SafeHtml {
  return layout(ctx, `${ctx.t('analysis.title')} · ${doc.title}`, html`
  <p class="doc-actions"><a href="/documents/${doc.id}" data-testid="back-to-document">${ctx.t('analysis.backToDocument')}</a>
    · <a href="/documents/${doc.id}/analysis.csv" data-testid="analysis-csv" download>${ctx.t('analysis.download')}</a></p>
  <h1 hx-ignore>${ctx.t('analysis.title')}${ctx.t('format.colon')}<span translate="no">${doc.title}</span></h1>
  <p>${ctx.t('analysis.intro')} ${ctx.t('analysis.floor')}</p>
  <p class="meta">${ctx.t('analysis.words')}</p>
  <table class="analysis" data-testid="analysis-table">
    <caption>${ctx.t('analysis.caption')}</caption>
    <thead><tr><th scope="col">${ctx.t('analysis.band')}</th><th scope="col" class="num">${ctx.t('analysis.pairs')}</th>
      <th scope="col" class="num">${ctx.t('analysis.wordsHead')}</th><th scope="col" class="num">${ctx.t('analysis.share')}</th></tr></thead>
    <tbody>${analysis.bands.map((b) => html`<tr data-band="${b.band}" data-pairs="${b.pairs}" data-words="${b.words}">
      <th scope="row">${ctx.t(`analysis.bands.${b.band}`)}</th><td class="num">${formatNumber(ctx, b.pairs)}</td>
      <td class="num">${formatNumber(ctx, b.words)}</td><td class="num">${percent(ctx, b.share)}</td></tr>`)}</tbody>
    <tfoot><tr data-band="total" data-pairs="${analysis.total.pairs}" data-words="${analysis.total.words}">
      <th scope="row">${ctx.t('analysis.total')}</th><td class="num">${formatNumber(ctx, analysis.total.pairs)}</td>
      <td class="num">${formatNumber(ctx, analysis.total.words)}</td><td class="num">${percent(ctx, analysis.total.words ? 1 : 0)}</td></tr></tfoot>
  </table>`);
}

/**
 * A big document's analysis while its job runs: the job's progress bar, which reloads the page with the table once
 * the job has ended, and for a browser without scripts a link that asks again (joining the same job).
 */
export function analysisWaitPage(ctx: ViewContext, doc: DocumentAnalysis['doc'], job: JobView): SafeHtml {
  return layout(ctx, `${ctx.t('analysis.title')} · ${doc.title}`, html`
  <p class="doc-actions"><a href="/documents/${doc.id}" data-testid="back-to-document">${ctx.t('analysis.backToDocument')}</a></p>
  <h1 hx-ignore>${ctx.t('analysis.title')}: <span translate="no">${doc.title}</span></h1>
  <p data-testid="analysis-job-note">${ctx.t('analysisJobs.note')}</p>
  <p>${jobProgress(ctx, job)}</p>
  <p class="meta"><a href="/documents/${doc.id}/analysis" data-testid="analysis-refresh">${ctx.t('analysisJobs.refresh')}</a></p>`);
}

const cell = (value: string | number) => (typeof value === 'number' ? String(value) : `"${value.replaceAll('"', '""')}"`);

/**
 * The table for a spreadsheet, CRLF-ended as RFC 4180 says: the band's fixed name, its name in the reader's language,
 * pairs, words and the share as a fraction (unrounded, so the rows add up). No cell holds text a user typed.
 */
export function analysisCsv(ctx: ViewContext, { analysis }: DocumentAnalysis): string {
  const rows: (string | number)[][] = [['band', ctx.t('analysis.band'), ctx.t('analysis.pairs'), ctx.t('analysis.wordsHead'), ctx.t('analysis.share')]];
  for (const b of analysis.bands) rows.push([b.band, ctx.t(`analysis.bands.${b.band}`), b.pairs, b.words, b.share]);
  rows.push(['total', ctx.t('analysis.total'), analysis.total.pairs, analysis.total.words, analysis.total.words ? 1 : 0]);
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
