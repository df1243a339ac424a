// The download form of a document: format and which pairs; a plain GET, so the browser saves the file itself. For a big
// document the buttons start an export job instead, whose progress bar ends in its download link (views/job-progress.ts).

import { html, outOfBand, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import { formatNumber } from './local-format.ts';

const FORMATS = [['tmx', 'TMX 1.4'], ['xliff', 'XLIFF 2.1'], ['xliff12', 'XLIFF 1.2'], ['json', 'JSON']] as const;
const FILTERS = ['approved', 'translated', 'all'] as const;

/**
 * The translated document in its source's format (a plain text for a text or bilingual-file import), and the
 * side-by-side file for reviewers; pairs with no English keep their Chinese, marked, and the page says how many.
 */
function translationLinks(ctx: ViewContext, docId: number, sourceFormat: string | undefined, untranslated: number, byJob: boolean): SafeHtml {
  // Without scripts the link's GET waits for the job and downloads its file.
  const job = (query: string) => (byJob ? html` hx-post="/documents/${docId}/exports?${query}" hx-target="#export-status" hx-swap="innerHTML"` : '');
  return html`<p class="translation-downloads" data-testid="translation-downloads">
    <a href="/documents/${docId}/translation" download${job('kind=translation')} data-testid="translation-download">${ctx.t('translated.download', { format: `.${sourceFormat ?? 'txt'}` })}</a> ·
    ${ctx.t('translated.sideBySide')} <a href="/documents/${docId}/bilingual?format=docx" download${job('kind=review&format=docx')} data-testid="review-docx">.docx</a>
    <a href="/documents/${docId}/bilingual?format=html" download${job('kind=review&format=html')} data-testid="review-html">.html</a>
    ${fallbacksNote(ctx, untranslated)}</p>`;
}

/** How many pairs the downloads fill with their Chinese; its holder stays when there are none, for the progress fragment to update. */
export function fallbacksNote(ctx: ViewContext, untranslated: number, oob = false): SafeHtml {
  return html`<span id="translation-fallbacks"${outOfBand(oob)}>${untranslated > 0
    ? html`<br><span class="meta" data-testid="translation-fallbacks">${ctx.t('translated.fallbacks', { pairs: formatNumber(ctx, untranslated) })}</span>` : ''}</span>`;
}

/** `byJob`: the document is big enough for its exports to be jobs (services/export-jobs.ts). */
export function exportDialog(ctx: ViewContext, docId: number, translation: { sourceFormat?: string; untranslated: number; byJob: boolean }): SafeHtml {
  const { byJob } = translation;
  return html`${translationLinks(ctx, docId, translation.sourceFormat, translation.untranslated, byJob)}<form class="export" method="get" action="/documents/${docId}/export"${byJob ? html` hx-post="/documents/${docId}/exports" hx-target="#export-status" hx-swap="innerHTML" hx-disable="find button"` : ''} data-testid="export-dialog">
    ${byJob ? html`<input type="hidden" name="kind" value="bilingual">` : ''}
    <fieldset><legend>${ctx.t('export.format')}</legend>
      ${FORMATS.map(([value, label], i) => html`<label><input type="radio" name="format" value="${value}"${i === 0 ? html` checked` : ''}> ${label}</label> `)}
    </fieldset>
    <label>${ctx.t('export.pairs')} <select name="state">
      ${FILTERS.map((f) => html`<option value="${f}"${f === 'approved' ? html` selected` : ''}>${ctx.t(`export.filters.${f}`)}</option>`)}
    </select></label>
    <button type="submit">${ctx.t('export.download')}</button>
  </form>${byJob ? html`<p class="meta export-job"><span>${ctx.t('exportJobs.note')}</span>
    <span id="export-status" role="status" aria-live="polite" data-testid="export-status"></span></p>` : ''}`;
}
