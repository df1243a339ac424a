// The download form of a document: format and which pairs; a plain GET, so the browser saves the file itself.

import { html, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';

const FORMATS = [['tmx', 'TMX 1.4'], ['xliff', 'XLIFF 2.1'], ['json', 'JSON']] as const;
const FILTERS = ['approved', 'translated', 'all'] as const;

/**
 * The translated document in its source's format (for a structured import), and the side-by-side file
 * for reviewers; pairs with no English keep their Chinese, marked, and the page says how many.
 */
function translationLinks(ctx: ViewContext, docId: number, sourceFormat: string | undefined, untranslated: number): SafeHtml {
  return html`<p class="translation-downloads" data-testid="translation-downloads">
    ${sourceFormat ? html`<a href="/documents/${docId}/translation" download data-testid="translation-download">${ctx.t('translated.download', { format: `.${sourceFormat}` })}</a> · ` : ''}
    ${ctx.t('translated.sideBySide')} <a href="/documents/${docId}/bilingual?format=docx" download data-testid="review-docx">.docx</a>
    <a href="/documents/${docId}/bilingual?format=html" download data-testid="review-html">.html</a>
    ${untranslated > 0 ? html`<br><span class="meta" data-testid="translation-fallbacks">${ctx.t('translated.fallbacks', { count: untranslated })}</span>` : ''}</p>`;
}

export function exportDialog(ctx: ViewContext, docId: number, translation: { sourceFormat?: string; untranslated: number }): SafeHtml {
  return html`${translationLinks(ctx, docId, translation.sourceFormat, translation.untranslated)}<form class="export" method="get" action="/documents/${docId}/export" data-testid="export-dialog">
    <fieldset><legend>${ctx.t('export.format')}</legend>
      ${FORMATS.map(([value, label], i) => html`<label><input type="radio" name="format" value="${value}"${i === 0 ? html` checked` : ''}> ${label}</label> `)}
    </fieldset>
    <label>${ctx.t('export.pairs')} <select name="state">
      ${FILTERS.map((f) => html`<option value="${f}"${f === 'approved' ? html` selected` : ''}>${ctx.t(`export.filters.${f}`)}</option>`)}
    </select></label>
    <button type="submit">${ctx.t('export.download')}</button>
  </form>`;
}
