// Go to row N, and next / previous row with a QA flag, rejected, unconfirmed or with an open error: the fields, buttons and keys both pages list.

import { html, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';

/** A number field the G key focuses. */
export function goToRow(ctx: ViewContext, total: number): SafeHtml {
  return html`<form class="go-to-row" data-testid="go-to-row" novalidate><label>${ctx.t('navigation.goTo')}
    <input type="number" name="row" min="1" max="${Math.max(1, total)}" inputmode="numeric"></label>
    <button type="submit">${ctx.t('navigation.go')}</button></form>`;
}

const KINDS = [['flagged', 'F'], ['rejected', 'X'], ['unconfirmed', 'U'], ['errors', 'E']] as const;

/** The document page's bar: go to a row, jump to the next row of a kind, and a message for "none further". */
export function rowNavigation(ctx: ViewContext, docId: number, total: number): SafeHtml {
  return html`<div class="row-nav" id="row-nav" data-doc="${docId}" data-no-row="${ctx.t('navigation.noRow', { total })}"
    data-hidden-row="${ctx.t('navigation.hiddenByFilter', { row: '{row}', shown: '{shown}' })}" data-hidden-to-end="${ctx.t('navigation.hiddenToEnd', { row: '{row}' })}" data-failed="${ctx.t('navigation.failed')}"
    ${KINDS.map(([kind]) => html` data-none-${kind}="${ctx.t(`navigation.none.${kind}`)}"`)}>
    ${goToRow(ctx, total)}
    ${KINDS.map(([kind, key]) => html`<button type="button" data-nav="${kind}" title="${key} / Shift+${key}" aria-keyshortcuts="${key}">${ctx.t(`navigation.next.${kind}`)}</button> `)}
    <span class="nav-message" role="status" aria-live="polite" data-testid="nav-message"></span>
    <details class="shortcuts"><summary>${ctx.t('navigation.keysTitle')}</summary><ul>
      <li><kbd>G</kbd> ${ctx.t('navigation.keys.goTo')}</li>
      ${KINDS.map(([kind, key]) => html`<li><kbd>${key}</kbd> / <kbd>Shift</kbd>+<kbd>${key}</kbd> ${ctx.t(`navigation.keys.${kind}`)}</li>`)}
      <li><kbd>Ctrl</kbd>+<kbd>1</kbd>…<kbd>9</kbd> ${ctx.t('matches.keys')}</li>
      <li><kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>1</kbd>…<kbd>9</kbd> ${ctx.t('matches.termKeys')}</li>
      <li><kbd>Ctrl</kbd>+<kbd>K</kbd> ${ctx.t('concordance.key')}</li></ul></details>
  </div>`;
}
