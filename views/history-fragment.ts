// A pair's revisions, newest first, each with author, time, action and the diff it made.

import { html } from './html.ts';
import type { ViewContext } from './view-context.ts';
import type { Revision } from '../server/services/post-editing.ts';
import { stateKey } from './pair-row.ts';
import { diffView } from './diff-view.ts';

export function historyFragment(ctx: ViewContext, revisions: Revision[]) {
  if (!revisions.length) return html`<p class="muted" data-testid="history">${ctx.t('history.empty')}</p>`;
  return html`<ol class="history-list" data-testid="history">${revisions.map((r) => html`<li>
    <div class="who"><strong>${r.author ?? ctx.t('history.unknownAuthor')}</strong> · ${ctx.t(`history.actions.${r.action}`)}
      · <time datetime="${r.createdAt}">${r.createdAt.replace('T', ' ').slice(0, 19)}</time> · v${r.version}
      · ${ctx.t(`states.${stateKey(r.oldState)}`)} → ${ctx.t(`states.${stateKey(r.newState)}`)}</div>
    ${r.oldText !== r.newText ? html`<div class="change" lang="en" hx-ignore>${diffView(r.diff)}</div>` : ''}
    ${r.comment ? html`<blockquote class="comment" hx-ignore>${r.comment}</blockquote>` : ''}
  </li>`)}</ol>`;
}
