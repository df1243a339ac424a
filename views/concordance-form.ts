// The concordance's search form, on its page and in the Ctrl+K dialog every page of a signed-in user carries.

import { html, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import { MAX_QUERY_CHARS } from '../server/services/concordance.ts';
import { charLimit } from './char-limit.ts';

export function concordanceForm(ctx: ViewContext, query: string, autofocus: boolean): SafeHtml {
  return html`<form class="concordance-form" method="get" action="/concordance" role="search">
    <label>${ctx.t('concordance.label')} <input type="search" name="q" value="${query}" ${charLimit(ctx, MAX_QUERY_CHARS)} required
      placeholder="${ctx.t('concordance.placeholder')}" autocomplete="off" data-testid="concordance-query"${autofocus ? html` autofocus` : ''}></label>
    <button type="submit">${ctx.t('concordance.search')}</button>
  </form>`;
}

/** Opened by Ctrl+K (views/static/concordance.js) on every page; the page itself without script. */
export function concordanceDialog(ctx: ViewContext): SafeHtml {
  return html`<dialog class="concordance-dialog" id="concordance-dialog" aria-labelledby="concordance-dialog-title" data-testid="concordance-dialog">
    <h2 id="concordance-dialog-title">${ctx.t('concordance.title')} <kbd>Ctrl</kbd>+<kbd>K</kbd></h2>
    ${concordanceForm(ctx, '', false)}
    <div class="concordance-slot"></div>
    <form method="dialog"><button type="submit">${ctx.t('concordance.close')}</button></form>
  </dialog>
  <script src="/static/concordance.js" defer></script>`;
}
