// A pair's revisions, newest first, each with author, time, action and the diff it made, and a way back to
// any earlier text.

import { html, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import type { Revision } from '../server/services/post-editing.ts';
import { stateKey } from './pair-row.ts';
import { diffView } from './diff-view.ts';

interface Current {
  /** The pair's text now: any other text it had can be restored, as a new revision. */
  text: string;
  restoreUrl: string;
}

function restoreButton(ctx: ViewContext, now: Current, version: number, text: string): SafeHtml {
  if (!text || text === now.text) return html``;
  return html`<button type="button" data-testid="restore-version" hx-post="${now.restoreUrl}" hx-vals='${JSON.stringify({ revision: String(version) })}'
    hx-include="closest form" hx-target="closest tr" hx-swap="outerHTML">${ctx.t('safeEditing.restore', { version })}</button>`;
}

export function historyFragment(ctx: ViewContext, revisions: Revision[], now: Current) {
  if (!revisions.length) return html`<p class="muted" data-testid="history">${ctx.t('history.empty')}</p>`;
  const oldest = revisions.at(-1)!;
  return html`<ol class="history-list" data-testid="history">${revisions.map((r) => html`<li>
    <div class="who"><strong>${r.author ?? ctx.t('history.unknownAuthor')}</strong> · ${ctx.t(`history.actions.${r.action}`)}
      · <time datetime="${r.createdAt}">${r.createdAt.replace('T', ' ').slice(0, 19)}</time> · v${r.version}
      · ${ctx.t(`states.${stateKey(r.oldState)}`)} → ${ctx.t(`states.${stateKey(r.newState)}`)}</div>
    ${r.oldText !== r.newText ? html`<div class="change" lang="en" hx-ignore>${diffView(r.diff)}</div>` : ''}
    ${r.comment ? html`<blockquote class="comment" hx-ignore>${r.comment}</blockquote>` : ''}
    ${restoreButton(ctx, now, r.version, r.newText)}
  </li>`)}${oldest.oldText && oldest.oldText !== now.text ? html`<li>
    <div class="who">${ctx.t('safeEditing.before')} · v${oldest.version - 1}</div>
    <div class="change" lang="en" hx-ignore>${oldest.oldText}</div>
    ${restoreButton(ctx, now, oldest.version - 1, oldest.oldText)}</li>` : ''}</ol>`;
}
