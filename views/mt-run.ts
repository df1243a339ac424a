// The "Machine-translate untranslated rows" form: it starts a job whose progress bar and result (views/job-progress.ts) fill #mt-status.

import { html, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';

export function mtForm(ctx: ViewContext, docId: number, untranslated: number): SafeHtml {
  const url = `/documents/${docId}/machine-translate`;
  return html`<form method="post" action="${url}" class="mt-form" hx-post="${url}" hx-target="#mt-status" hx-swap="innerHTML" hx-disable="find button">
    <input type="hidden" name="_csrf" value="${ctx.csrfToken}"><button type="submit" data-testid="mt-button">${ctx.t('mt.button')}</button>
    <span class="mt-running" data-testid="mt-running"><progress></progress> ${ctx.t('mtRun.running', { count: untranslated })}</span>
    <span id="mt-status" class="mt-status" role="status" aria-live="polite" data-testid="mt-status"></span></form>`;
}
