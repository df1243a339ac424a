// What the document page's figures mean, said once where a keyboard and a screen reader reach it: the rows' titles
// (HTER, editing time, the imported claim, the quality score) show only to a mouse; and what counts as an open error.

import { html, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import { formatDecimal } from './local-format.ts';
import { WEAK_SCORE } from '../server/domain/types.ts';

export function figuresHelp(ctx: ViewContext): SafeHtml {
  const terms: [string, string][] = [
    [ctx.t('document.score'), ctx.t('figures.score', { weak: formatDecimal(ctx, WEAK_SCORE, 1) })],
    ['HTER', ctx.t('editor.hterTitle')],
    ['≈', ctx.t('bounded.hterApproximate')],
    [ctx.t('editor.time', { time: '…' }), ctx.t('editor.timeTitle')],
    [ctx.t('provenance.imported', { state: '…' }), ctx.t('provenance.title')],
    [ctx.t('figures.quality'), ctx.t('review.qualityTitle')],
    [ctx.t('figures.openErrorsTerm'), ctx.t('figures.openErrors', { comment: ctx.t('review.notAnError') })],
  ];
  return html`<details class="shortcuts figures-help" data-testid="figures-help"><summary>${ctx.t('figures.title')}</summary>
    <dl>${terms.map(([term, meaning]) => html`<dt>${term}</dt><dd>${meaning}</dd>`)}</dl></details>`;
}
