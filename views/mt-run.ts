// The "Machine-translate untranslated rows" form: it starts a job whose progress bar and result (views/job-progress.ts) fill #mt-status.

import { html, outOfBand, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import { formatNumber } from './local-format.ts';

/**
 * The button, while there is an untranslated row to draft; its holder stays when there is none, for the page's figures
 * (pageFigures) to send it anew as rows get or lose their English. Only this part is sent: a running job's progress, in
 * #mt-status beside it, is left as it is.
 */
export function mtAction(ctx: ViewContext, untranslated: number, oob = false): SafeHtml {
  return html`<span id="mt-action" class="mt-action"${outOfBand(oob)}>${untranslated > 0
    ? html`<button type="submit" data-testid="mt-button">${ctx.t('mt.button')}</button>
    <span class="mt-running" data-testid="mt-running"><progress></progress> ${ctx.t('mtRun.running', { count: untranslated, rows: formatNumber(ctx, untranslated) })}</span>` : ''}</span>`;
}

export function mtForm(ctx: ViewContext, docId: number, untranslated: number): SafeHtml {
  const url = `/documents/${docId}/machine-translate`;
  return html`<form method="post" action="${url}" class="mt-form" hx-post="${url}" hx-target="#mt-status" hx-swap="innerHTML" hx-disable="find button">
    <input type="hidden" name="_csrf" value="${ctx.csrfToken}">${mtAction(ctx, untranslated)}
    <span id="mt-status" class="mt-status" role="status" aria-live="polite" data-testid="mt-status"></span></form>`;
}
