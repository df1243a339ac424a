// A pair's revisions, newest first, each with author, time, action and the diff it made, and a way back to
// any earlier text.

import { html, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import type { Revision } from '../server/services/post-editing.ts';
import { stateKey } from './pair-row.ts';
import { diffView } from './diff-view.ts';
import { REVIEW_APPROVAL, REVIEW_SPLIT } from '../server/domain/alignment-rows.ts';
import { formatTime } from './local-format.ts';
import type { MtKind } from '../server/domain/types.ts';

interface Current {
  /** The pair's text now: any other text it had can be restored, as a new revision. */
  text: string;
  restoreUrl: string;
  /** Whether the pair's machine-state text is the offline gloss: its drafts are named "gloss draft" throughout. */
  mtKind: MtKind;
}

function restoreButton(ctx: ViewContext, now: Current, version: number, text: string): SafeHtml {
  if (!text || text === now.text) return html``;
  return html`<button type="button" data-testid="restore-version" hx-post="${now.restoreUrl}" hx-vals='${JSON.stringify({ revision: String(version) })}'
    hx-include="closest form" hx-target="closest tr" hx-swap="outerHTML">${ctx.t('safeEditing.restore', { version })}</button>`;
}

const REVIEW_CODES: readonly string[] = [REVIEW_APPROVAL, REVIEW_SPLIT];

/**
 * What a revision says: a machine draft's or a realignment's note is a code, shown in the reader's language; anything
 * else is a reviewer's comment, shown as written (as are notes stored before the codes, in English).
 */
function revisionNote(ctx: ViewContext, action: string, comment: string): SafeHtml {
  const mt = action === 'mt' ? /^mt:([\w.-]+)(?::(\d+):(\d+))?$/.exec(comment) : null;
  if (mt) {
    const [, engine, names, unknown] = mt;
    const parts = names === undefined ? [ctx.t('history.mtNote', { engine })]
      : [ctx.t('history.glossNote'), ...(Number(names) ? [ctx.t('history.glossNames', { count: Number(names) })] : []),
        ...(Number(unknown) ? [ctx.t('history.glossUnknown', { count: Number(unknown) })] : [])];
    return html`<p class="note" data-testid="revision-note">${parts.join(ctx.t('history.noteSeparator'))}</p>`;
  }
  if (action === 'align' && REVIEW_CODES.includes(comment)) return html`<p class="note" data-testid="revision-note">${ctx.t(`align.review.${comment}`)}</p>`;
  return html`<blockquote class="comment" translate="no" hx-ignore>${comment}</blockquote>`;
}

export function historyFragment(ctx: ViewContext, revisions: Revision[], now: Current) {
  if (!revisions.length) return html`<p class="muted" data-testid="history">${ctx.t('history.empty')}</p>`;
  const oldest = revisions.at(-1)!;
  return html`<ol class="history-list" data-testid="history">${revisions.map((r) => html`<li>
    <div class="who"><strong>${r.author ?? ctx.t('history.unknownAuthor')}</strong> · ${ctx.t(`history.actions.${r.action}`)}
      · <time datetime="${r.createdAt}">${formatTime(ctx, r.createdAt)}</time> · v${r.version}
      · ${ctx.t(`states.${stateKey(r.oldState, now.mtKind)}`)} → ${ctx.t(`states.${stateKey(r.newState, now.mtKind)}`)}</div>
    ${r.source ? html`<div class="change source-change" data-testid="revision-source"><span class="muted">${ctx.t('sourceReplace.historyLabel')}</span>
      <span lang="zh-CN" hx-ignore>${diffView(r.source.diff)}</span></div>` : ''}
    ${r.oldText !== r.newText ? html`<div class="change" lang="en" hx-ignore>${diffView(r.diff)}</div>` : ''}
    ${r.batch ? html`<p class="note" data-testid="revision-batch">${ctx.t(`batches.history.${r.batch}`)}</p>` : ''}
    ${r.comment ? revisionNote(ctx, r.action, r.comment) : ''}
    ${restoreButton(ctx, now, r.version, r.newText)}
  </li>`)}${oldest.oldText && oldest.oldText !== now.text ? html`<li>
    <div class="who">${ctx.t('safeEditing.before')} · v${oldest.version - 1}</div>
    <div class="change lines" lang="en" hx-ignore>${oldest.oldText}</div>
    ${restoreButton(ctx, now, oldest.version - 1, oldest.oldText)}</li>` : ''}</ol>`;
}
