// The download form of a document: format and which pairs; a plain GET, so the browser saves the file itself.

import { html, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';

const FORMATS = [['tmx', 'TMX 1.4'], ['xliff', 'XLIFF 2.1'], ['json', 'JSON']] as const;
const FILTERS = ['approved', 'translated', 'all'] as const;

export function exportDialog(ctx: ViewContext, docId: number): SafeHtml {
  return html`<form class="export" method="get" action="/documents/${docId}/export" data-testid="export-dialog">
    <fieldset><legend>${ctx.t('export.format')}</legend>
      ${FORMATS.map(([value, label], i) => html`<label><input type="radio" name="format" value="${value}"${i === 0 ? html` checked` : ''}> ${label}</label> `)}
    </fieldset>
    <label>${ctx.t('export.pairs')} <select name="state">
      ${FILTERS.map((f) => html`<option value="${f}"${f === 'approved' ? html` selected` : ''}>${ctx.t(`export.filters.${f}`)}</option>`)}
    </select></label>
    <button type="submit">${ctx.t('export.download')}</button>
  </form>`;
}
