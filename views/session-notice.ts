// What a page shows when its session has ended under it, and the tab that signs the user in again.

import { html } from './html.ts';
import { layout } from './layout.ts';
import type { ViewContext } from './view-context.ts';

export const SIGNED_IN_PATH = '/signed-in';

/** Answers an htmx request made after the session ended; views/static/session.js places it and runs Retry. */
export function signedOutNotice(ctx: ViewContext) {
  return html`<div class="session-lost" role="alert" data-testid="session-lost">
    <p>${ctx.t('safeEditing.signedOut')}</p>
    <p><a href="/login?next=${encodeURIComponent(SIGNED_IN_PATH)}" target="_blank" rel="noopener" data-testid="session-sign-in">${ctx.t('safeEditing.signIn')}</a>
      <button type="button" class="primary" data-session-retry data-testid="session-retry">${ctx.t('safeEditing.retry')}</button></p>
    <p class="error" data-session-still-out hidden>${ctx.t('safeEditing.stillSignedOut')}</p>
  </div>`;
}

/**
 * Answers an htmx request of a user an admin deactivated meanwhile: signing in again would not help, so no Retry; placed
 * by views/static/session.js as the signed-out notice is, beside what they typed.
 */
export function deactivatedNotice(ctx: ViewContext) {
  return html`<div class="session-lost" role="alert" data-testid="account-deactivated"><p>${ctx.t('safeEditing.deactivated')}</p></div>`;
}

/** The page a deactivated user's open tab reaches instead of the login, which would only refuse them: why, and a way on for someone else. */
export function deactivatedPage(ctx: ViewContext) {
  return layout(ctx, ctx.t('safeEditing.deactivatedTitle'), html`
  <h1>${ctx.t('safeEditing.deactivatedTitle')}</h1>
  <p class="error" role="alert" data-testid="account-deactivated">${ctx.t('errors.deactivatedUnder')}</p>
  <p><a href="/login">${ctx.t('safeEditing.otherAccount')}</a></p>`);
}

/** Where the sign-in tab lands: it says to go back, where Retry sends what was kept. */
export function signedInPage(ctx: ViewContext) {
  return layout(ctx, ctx.t('safeEditing.signedInTitle'), html`
  <h1>${ctx.t('safeEditing.signedInTitle')}</h1>
  <p data-testid="signed-in">${ctx.t('safeEditing.signedInText', { name: ctx.user?.name ?? '' })}</p>`);
}
