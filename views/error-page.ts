// An error as a page, or as a fragment for htmx requests.

import { html, type SafeHtml } from './html.ts';
import { layout } from './layout.ts';
import type { ViewContext } from './view-context.ts';

export function errorFragment(message: SafeHtml | string) {
  return html`<div class="error" role="alert" hx-ignore>${message}</div>`;
}

export function errorPage(ctx: ViewContext, status: number, message: SafeHtml | string) {
  return layout(ctx, ctx.t('errors.title', { status }), html`<h1>${ctx.t('errors.title', { status })}</h1>${errorFragment(message)}`);
}
