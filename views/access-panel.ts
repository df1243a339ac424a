// Who can open a document, on its page: the whole team or only its creator and members; the creator
// and admins change it here.

import { html, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import type { DocumentSharing } from '../server/services/document-access.ts';
import { charLimit } from './char-limit.ts';

export function accessPanel(ctx: ViewContext, docId: number, s: DocumentSharing, message?: string): SafeHtml {
  const base = `/documents/${docId}`;
  const swap = html`hx-target="#access" hx-swap="outerHTML"`;
  return html`<details class="access" id="access" data-testid="access"${message ? html` open` : ''}>
    <summary>${ctx.t('access.title')}${ctx.t('format.colon')}${s.shared ? ctx.t('access.team') : ctx.t('access.membersOnly')}</summary>
    ${message ? html`<p class="error" role="alert">${message}</p>` : ''}
    <p class="meta">${s.shared ? ctx.t('access.teamExplained') : ctx.t('access.membersExplained')}${s.owner
      ? html` ${ctx.t('access.owner')} <span translate="no" hx-ignore>${s.owner}</span>.` : ''}</p>
    ${s.mayManage ? html`<form method="post" action="${base}/sharing" hx-post="${base}/sharing" ${swap}>
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}">
      <input type="hidden" name="shared" value="${s.shared ? '0' : '1'}">
      <button type="submit" data-testid="sharing-toggle">${s.shared ? ctx.t('access.makePrivate') : ctx.t('access.makeShared')}</button>
    </form>` : ''}
    <h3>${ctx.t('access.members')}</h3>
    ${s.members.length ? html`<ul class="members" data-testid="members">${s.members.map((m) => html`<li>
      <span translate="no" hx-ignore>${m.name}</span> <span class="muted">(${ctx.t(`roles.${m.role}`)})</span>${s.mayManage ? html`
      <form method="post" action="${base}/members/delete" hx-post="${base}/members/delete" ${swap} class="inline">
        <input type="hidden" name="_csrf" value="${ctx.csrfToken}"><input type="hidden" name="name" value="${m.name}">
        <button type="submit" class="danger">${ctx.t('access.remove')}</button></form>` : ''}</li>`)}</ul>`
      : html`<p class="muted">${ctx.t('access.noMembers')}</p>`}
    ${s.mayManage ? html`<form method="post" action="${base}/members" hx-post="${base}/members" ${swap} class="member-add">
      <input type="hidden" name="_csrf" value="${ctx.csrfToken}">
      <input name="name" required${charLimit(ctx, 64)} placeholder="${ctx.t('access.userName')}" aria-label="${ctx.t('access.userName')}">
      <button type="submit">${ctx.t('access.add')}</button>
    </form>` : ''}
  </details>`;
}
