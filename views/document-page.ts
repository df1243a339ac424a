// A document: progress, post-edit effort, filters and one row per bead (Chinese left, English right), in pages.

import { html, outOfBand, type SafeHtml } from './html.ts';
import { actionsHeader, layout } from './layout.ts';
import type { ViewContext } from './view-context.ts';
import type { Progress, RowFilter } from '../server/services/workspace.ts';
import type { DocumentSummary } from '../server/services/documents.ts';
import type { LiveSeen } from '../server/services/document-views.ts';
import type { PostEditEffort } from '../server/domain/edit-distance.ts';
import { pairRow } from './pair-row.ts';
import { memoRow } from './row-memo.ts';
import { ROW_STATES, type Role } from '../server/domain/types.ts';
import { mayDo } from '../server/domain/review-workflow.ts';
import { QA_CODES } from '../server/domain/qa-checks.ts';
import { accessPanel } from './access-panel.ts';
import type { DocumentSharing } from '../server/services/document-access.ts';
import { exportDialog, fallbacksNote } from './export-dialog.ts';
import { replacePanel } from './search-replace.ts';
import { rowNavigation } from './row-navigation.ts';
import { mtAction, mtForm } from './mt-run.ts';
import { qualityLine } from './comment-threads.ts';
import { figuresHelp } from './figures-help.ts';
import type { DocumentQuality } from '../server/services/pair-comments.ts';
import type { ShownRow } from './pair-row.ts';
import { formatDateLine, formatDecimal, formatDuration, formatNumber, formatPercent } from './local-format.ts';
import { charLimit } from './char-limit.ts';
import { MAX_TITLE } from '../server/domain/document-title.ts';

export const ROWS_PER_PAGE = 200;

function filterQuery(f: RowFilter): string {
  return new URLSearchParams(Object.entries(f).filter(([, v]) => v) as [string, string][]).toString();
}

/** A page of rows; the last row of a full page fetches the next page when it scrolls into view. */
export function rowsFragment(ctx: ViewContext, docId: number, rows: ShownRow[], offset: number, filter: RowFilter): SafeHtml {
  const more = rows.length === ROWS_PER_PAGE;
  const query = filterQuery({ ...filter });
  return html`${rows.map((p) => memoRow(pairRow, ctx, docId, p))}${more
    ? html`<tr class="more" hx-get="/documents/${docId}/rows?offset=${offset + ROWS_PER_PAGE}${query ? `&${query}` : ''}" hx-trigger="revealed" hx-swap="outerHTML">
        <td colspan="6">${ctx.t('document.loading')}</td></tr>`
    : ''}${!rows.length && offset === 0 ? html`<tr><td colspan="6" class="muted">${ctx.t('document.noRows')}</td></tr>` : ''}`;
}

// An SVG bar: its widths are attributes, which the Content-Security-Policy allows where inline styles are not.
const progressParts = (p: Progress) =>
  [['approved', p.approved], ['translated', p.translated], ['rejected', p.rejected], ['machine', p.machine], ['gloss', p.gloss], ['untranslated', p.untranslated]] as const;

/** The progress bar itself: approved, translated, rejected, machine, gloss-draft and untranslated pairs as shares of the whole. */
export function progressSvg(ctx: ViewContext, p: Progress): SafeHtml {
  const parts = progressParts(p);
  let x = 0;
  const bars = parts.map(([k, n]) => {
    const w = p.total ? (100 * n) / p.total : 0;
    const bar = html`<rect class="bar-${k}" data-state="${k}" data-count="${n}" x="${x.toFixed(2)}%" y="0" width="${w.toFixed(2)}%" height="100%"><title>${ctx.t(`states.${k}`)}${ctx.t('format.colon')}${formatNumber(ctx, n)}</title></rect>`;
    x += w;
    return bar;
  });
  return html`<svg class="progress" role="img" aria-label="${parts.map(([k, n]) => `${ctx.t(`states.${k}`)} ${formatNumber(ctx, n)}`).join(ctx.t('format.listSeparator'))}" width="100%" height="10">${bars}</svg>`;
}

export function progressBar(ctx: ViewContext, docId: number, p: Progress, quality: DocumentQuality): SafeHtml {
  const parts = progressParts(p);
  return html`<div id="progress" data-testid="progress" hx-get="/documents/${docId}/progress" hx-trigger="pair-changed from:body" hx-swap="outerHTML">
  ${progressSvg(ctx, p)}
  <p class="legend">${parts.map(([k, n]) => html`<span class="key key-${k}">${ctx.t(`states.${k}`)} ${formatNumber(ctx, n)}</span> `)}</p>${qualityLine(ctx, docId, quality)}</div>`;
}

// The figures a save changes outside the progress bar carry ids: the progress fragment sends them anew (pageFigures).

function effortLine(ctx: ViewContext, e: PostEditEffort, oob = false): SafeHtml {
  // Before any pair is worked, "0 of 0 … (0%), mean HTER 0.00" read as machine translation no one needed to change.
  const effort = e.pairs === 0 ? ctx.t('document.effortNone') : ctx.t('document.effort', {
    changed: formatNumber(ctx, e.changed), pairs: formatNumber(ctx, e.pairs), share: formatPercent(ctx, e.changedShare),
    hter: formatDecimal(ctx, e.meanHter), edits: formatNumber(ctx, e.totalEdits),
  });
  // The time as each row says its own ("4 s", "12 min 35 s"); none under a second, where "0.0 min" told nothing.
  const time = formatDuration(ctx, e.totalSeconds);
  return html`<p class="effort" id="effort" data-testid="effort"${outOfBand(oob)}>${time ? ctx.t('document.effortTimed', { effort, time }) : effort}${e.approximatePairs > 0 ? html` <span class="approximate" data-testid="approximate">${ctx.t('bounded.effortApproximate', { pairs: formatNumber(ctx, e.approximatePairs) })}</span>` : ''}</p>`;
}

function filters(ctx: ViewContext, docId: number, f: RowFilter): SafeHtml {
  return html`<form class="filters" method="get" action="/documents/${docId}" data-rows="/documents/${docId}/rows" hx-sync="this:replace" data-testid="filters">
    <label>${ctx.t('filters.state')} <select name="state"><option value="">${ctx.t('filters.all')}</option>
      ${ROW_STATES.map((s) => html`<option value="${s}"${f.state === s ? html` selected` : ''}>${ctx.t(`states.${s}`)}</option>`)}</select></label>
    <label>${ctx.t('filters.qa')} <select name="qa"><option value="">${ctx.t('filters.all')}</option>
      <option value="any"${f.qa === 'any' ? html` selected` : ''}>${ctx.t('filters.anyFlag')}</option>
      ${QA_CODES.map((c) => html`<option value="${c}"${f.qa === c ? html` selected` : ''}>${ctx.t(`qa.names.${c}`)}</option>`)}</select></label>
    <label>${ctx.t('filters.errors')} <select name="errors"><option value="">${ctx.t('filters.all')}</option>
      <option value="open"${f.errors === 'open' ? html` selected` : ''}>${ctx.t('filters.openErrors')}</option></select></label>
    <label>${ctx.t('filters.text')} <input type="search" name="q" value="${f.q ?? ''}" placeholder="${ctx.t('filters.textPlaceholder')}"></label>
    <noscript><button type="submit">${ctx.t('filters.apply')}</button></noscript>
  </form>`;
}

/** A rename the server refused: the title as typed, and why. */
export interface RenameRefusal {
  title: string;
  message: string;
}

/**
 * Renaming it and deleting it to the trash, for its creator and admins: plain forms that come back here, or go to the
 * trash. A refused rename opens them again with the title as typed and the sentence beside it.
 */
function manageForms(ctx: ViewContext, doc: DocumentSummary, refused?: RenameRefusal): SafeHtml {
  const base = `/documents/${doc.id}`;
  const csrf = html`<input type="hidden" name="_csrf" value="${ctx.csrfToken}">`;
  return html`<details class="manage" data-testid="manage-document"${refused ? html` open` : ''}><summary>${ctx.t('documentManage.manage')}</summary>
    <form method="post" action="${base}/rename" class="inline">${csrf}<input type="hidden" name="back" value="${base}">
      <label>${ctx.t('lifecycle.newTitle')} <input name="title" value="${refused ? refused.title : doc.title}" required${charLimit(ctx, MAX_TITLE)} translate="no"
        data-testid="page-rename-title"${refused ? html` aria-invalid="true" aria-describedby="page-rename-error"` : ''}></label>
      <button type="submit" data-testid="page-rename-save">${ctx.t('lifecycle.save')}</button>
      ${refused ? html`<span class="error" id="page-rename-error" role="alert">${refused.message}</span>` : ''}</form>
    <form method="post" action="${base}/delete" class="inline">${csrf}<input type="hidden" name="list" value="/documents?state=trash">
      <button type="submit" class="danger" data-testid="page-delete">${ctx.t('lifecycle.delete')}</button>
      <span class="muted">${ctx.t('documentManage.deleteExplained', { days: 30 })}</span></form></details>`;
}

function summaryLine(ctx: ViewContext, doc: DocumentSummary, oob = false): SafeHtml {
  return html`<p class="meta" id="doc-summary" data-testid="doc-summary"${outOfBand(oob)}>${ctx.t('document.summary', {
    pairs: formatNumber(ctx, doc.pairCount), src: formatNumber(ctx, doc.srcSegmentCount), tgt: formatNumber(ctx, doc.tgtSegmentCount),
    untranslated: formatNumber(ctx, doc.counts.untranslated), noise: formatNumber(ctx, doc.noiseCount),
  })}${doc.pageDate ? html` · <span data-testid="page-date">${ctx.t('document.pageDate', { date: formatDateLine(ctx, doc.pageDate) })}</span>` : ''}</p>`;
}

/**
 * What the progress fragment answers after a change to a pair: the bar, and out of band the other figures that count
 * pairs by state (the summary's untranslated, the post-editing effort, the downloads' note) and the machine-translation
 * button, which is there while a row is untranslated, so none of them is left stale.
 */
export function pageFigures(ctx: ViewContext, doc: DocumentSummary, progress: Progress, effort: PostEditEffort, quality: DocumentQuality): SafeHtml {
  return html`${progressBar(ctx, doc.id, progress, quality)}${summaryLine(ctx, doc, true)}${effortLine(ctx, effort, true)}${
    fallbacksNote(ctx, doc.counts.untranslated, true)}${mtAction(ctx, doc.counts.untranslated, true)}`;
}

// Alt+R on a row opens its editor at the rejection's comment, which only reviewers' editors have (views/static/app.js).
const mayReview = (ctx: ViewContext) => !!ctx.user && mayDo(ctx.user.role as Role, 'reject');

/** What the page's poll for others' changes needs: where the rows were read in the document's history, and how often to ask. */
export interface LivePoll {
  seen: LiveSeen;
  pollMs: number;
}

export function documentPage(ctx: ViewContext, view: { doc: DocumentSummary; progress: Progress; effort: PostEditEffort; sharing: DocumentSharing; sourceFormat?: string; exportByJob: boolean; live: LivePoll },
  rows: ShownRow[], filter: RowFilter, quality: DocumentQuality, refusedRename?: RenameRefusal): SafeHtml {
  const { doc } = view;
  return layout(ctx, doc.title, html`
  <h1 translate="no" hx-ignore>${doc.title}</h1>
  ${summaryLine(ctx, doc)}
  ${progressBar(ctx, doc.id, view.progress, quality)}
  ${effortLine(ctx, view.effort)}
  ${figuresHelp(ctx)}
  <details class="shortcuts"><summary>${ctx.t('shortcuts.title')}</summary><ul>
    <li><kbd>Ctrl</kbd>+<kbd>Enter</kbd> ${ctx.t('shortcuts.saveNext')}</li>
    <li><kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Enter</kbd> ${ctx.t('shortcuts.approveNext')}</li>
    <li><kbd>Alt</kbd>+<kbd>R</kbd> ${ctx.t('shortcuts.rejectComment')}</li>
    <li><kbd>Esc</kbd> ${ctx.t('shortcuts.cancel')}</li>
    <li><kbd>Ctrl</kbd>+<kbd>H</kbd> ${ctx.t('replace.shortcut')}</li></ul></details>
  ${mtForm(ctx, doc.id, doc.counts.untranslated)}
  <p class="doc-actions"><a href="/documents/${doc.id}/align" data-testid="align-link">${ctx.t('align.open')}</a>
    · <a href="/documents/${doc.id}/charts" data-testid="charts-link">${ctx.t('charts.open')}</a>
    · <a href="/documents/${doc.id}/analysis" data-testid="analysis-link">${ctx.t('analysis.open')}</a></p>
  ${view.sharing.mayManage ? manageForms(ctx, doc, refusedRename) : ''}
  ${exportDialog(ctx, doc.id, { sourceFormat: view.sourceFormat, untranslated: doc.counts.untranslated, byJob: view.exportByJob })}
  ${accessPanel(ctx, doc.id, view.sharing)}
  ${replacePanel(ctx, doc.id)}
  ${filters(ctx, doc.id, filter)}
  ${rowNavigation(ctx, doc.id, doc.pairCount + doc.noiseCount)}
  <h2 class="visually-hidden">${ctx.t('documents.pairs')}</h2>
  <p class="live-notice" id="live-notice" data-testid="live-notice" hidden></p>
  <table class="pairs" id="pairs" tabindex="-1" data-testid="pairs"${mayReview(ctx) ? html` data-may-reject` : ''}
    data-live="/documents/${doc.id}/changes" data-revision="${view.live.seen.revision}" data-version="${view.live.seen.version}" data-poll-ms="${view.live.pollMs}">
    <thead><tr><th>#</th><th>${ctx.t('document.source')}</th><th>${ctx.t('document.target')}</th>
      <th>${ctx.t('document.score')}</th><th>${ctx.t('document.state')}</th>${actionsHeader(ctx)}</tr></thead>
    <tbody id="rows">${rowsFragment(ctx, doc.id, rows, 0, filter)}</tbody>
  </table>
  <script src="/static/app.js" defer></script>
  <script src="/static/drafts.js" defer></script>
  <script src="/static/filters.js" defer></script>
  <script src="/static/editor-aids.js" defer></script>
  <script src="/static/row-nav.js" defer></script>
  <script src="/static/mt-run.js" defer></script>
  <script src="/static/search-replace.js" defer></script>
  <script src="/static/live-rows.js" defer></script>`, { skip: { href: '#pairs', label: ctx.t('narrow.skipToRows') } });
}
