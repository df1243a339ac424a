// The review loop in the page: a pair's comment threads (top of its editor), the reviewer's reject form,
// the open discussion a row shows, and the document's quality score.

import { html, outOfBand, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import { langOf } from './text-lang.ts';
import type { DocumentQuality, RowDiscussion, Thread } from '../server/services/pair-comments.ts';
import { ERROR_CATEGORIES, SEVERITIES } from '../server/domain/quality-score.ts';
import { MAX_COMMENT } from '../server/services/pair-comments.ts';
import { formatDecimal, formatNumber, formatTime } from './local-format.ts';
import { roundDown } from '../server/domain/round-down.ts';
import { markedT } from './marked-text.ts';
import { charLimit } from './char-limit.ts';

/** A message beside one field of a form: which field, and the sentence; `typed`, what the refused field held. */
export interface FieldMessage {
  field: string;
  message: string;
  typed?: string;
}

const slotId = (form: string, field: string) => `${form}-${field}-error`;

/** The sentence slot beside a field; views/static/app.js fills it from the field's data-required when the browser refuses the form. */
function fieldError(form: string, field: string, error?: FieldMessage): SafeHtml {
  const message = error?.field === field ? error.message : '';
  return html`<span class="field-error" id="${slotId(form, field)}" data-field-error="${field}" data-testid="field-error-${field}" role="alert">${message}</span>`;
}

function errorTag(ctx: ViewContext, t: { category: string | null; severity: string | null }): SafeHtml {
  if (!t.category || !t.severity) return html``;
  return html`<span class="error-tag severity-${t.severity}" data-testid="error-tag">${ctx.t(`review.categories.${t.category}`)} · ${ctx.t(`review.severities.${t.severity}`)}</span>`;
}

/**
 * A thread without an error (a comment, or a rejection made through the API or imported without a category) counts
 * nowhere a rejection's error does; said on the thread, as a reviewer would otherwise take a rejection for one.
 */
function notAnError(ctx: ViewContext, t: { category: string | null }): SafeHtml {
  return t.category ? html`` : html`<span class="not-an-error" data-testid="not-an-error">${ctx.t('review.notAnError')}</span>`;
}

// As the history beside it and the documents list say a time: the reader's locale, in UTC as stored.
const when = (ctx: ViewContext, iso: string) => html`<time datetime="${iso}">${formatTime(ctx, iso)}</time>`;

// A comment box says its language is unknown (lang=""): a reviewer writes in either, whatever the interface's, and
// lang="en" had a screen reader and a spell checker take Chinese for English. What was written is marked by its own
// language when shown (langOf). The rejection's box keeps the interface's: its placeholder is the interface's words.
// A refused comment comes back as typed, marked and focused (views/static/app.js): nothing written is lost to a refusal.
function bodyField(ctx: ViewContext, form: string, label: string, error?: FieldMessage): SafeHtml {
  const refused = error?.field === 'body';
  return html`<label>${label} <textarea name="body" rows="2" required${charLimit(ctx, MAX_COMMENT)} lang=""
    data-required="${ctx.t('review.commentEmpty')}" aria-describedby="${slotId(form, 'body')}"${refused ? html` aria-invalid="true"` : ''}>${refused ? (error.typed ?? '') : ''}</textarea></label>${fieldError(form, 'body', error)}`;
}

// htmx 4 does not inherit hx-target: each form and button names the panel it replaces.
const swapPanel = (pairId: number) => html`hx-target="#threads-${pairId}" hx-swap="outerHTML"`;

function threadView(ctx: ViewContext, url: string, pairId: number, t: Thread, mayResolve: boolean, error?: FieldMessage & { thread: number | 'new' }): SafeHtml {
  const form = `reply-${t.id}`;
  return html`<article class="thread${t.resolvedAt ? ' resolved' : ''}" data-testid="thread" data-thread="${t.id}" data-resolved="${t.resolvedAt ? 'true' : 'false'}">
    <p class="thread-meta">${errorTag(ctx, t)}${notAnError(ctx, t)}${t.resolvedAt
      ? html` <span class="resolved-note" data-testid="resolved-note">${ctx.t('review.resolvedBy', { name: t.resolvedBy ?? ctx.t('history.unknownAuthor') })}</span>` : ''}</p>
    <ol class="thread-comments">${t.comments.map((c) => html`<li data-testid="thread-comment"><strong>${c.author ?? ctx.t('review.imported')}</strong> ${when(ctx, c.createdAt)}
      <blockquote${langOf(c.body)} hx-ignore>${c.body}</blockquote></li>`)}</ol>
    ${t.resolvedAt ? '' : html`<form class="reply" hx-post="${url}/comments/${t.id}/replies" ${swapPanel(pairId)} data-testid="reply-form">
      ${bodyField(ctx, form, ctx.t('review.reply'), error?.thread === t.id ? error : undefined)}
      <button type="submit">${ctx.t('review.send')}</button>
      ${mayResolve ? html`<button type="button" data-testid="resolve" hx-post="${url}/comments/${t.id}/resolve" ${swapPanel(pairId)}>${ctx.t('review.resolve')}</button>` : ''}
    </form>`}
  </article>`;
}

/** A pair's threads, open ones first, and a form to start one; each form swaps the whole panel. */
export function threadsPanel(ctx: ViewContext, url: string, pairId: number, threads: Thread[], user: { name: string; role: string },
  error?: FieldMessage & { thread: number | 'new' }): SafeHtml {
  const ordered = [...threads.filter((t) => !t.resolvedAt).reverse(), ...threads.filter((t) => t.resolvedAt)];
  const mayResolve = (t: Thread) => user.role !== 'translator' || t.author === user.name;
  return html`<section class="threads" id="threads-${pairId}" data-testid="threads" aria-label="${ctx.t('review.threads')}">
    ${ordered.map((t) => threadView(ctx, url, pairId, t, mayResolve(t), error))}
    <details${error?.thread === 'new' ? html` open` : ''}><summary>${ctx.t('review.newThread')}</summary>
      <form class="reply" hx-post="${url}/comments" ${swapPanel(pairId)} data-testid="new-thread-form">
        ${bodyField(ctx, `new-${pairId}`, ctx.t('review.comment'), error?.thread === 'new' ? error : undefined)}
        <button type="submit">${ctx.t('review.send')}</button></form></details>
  </section>`;
}

/** The reviewer's rejection: a comment for the translator, and the error's category and severity, all required. */
export function rejectForm(ctx: ViewContext, url: string, version: number, error?: FieldMessage, values: Record<string, string> = {}): SafeHtml {
  const form = `reject-${url.replace(/\D+/g, '-')}`;
  // The field the server refused is marked and takes the focus (views/static/app.js): the reviewer fixes it next.
  const refused = (name: string) => (error?.field === name ? html` aria-invalid="true" autofocus` : '');
  const select = (name: string, options: readonly string[], prefix: string) => html`<label>${ctx.t(`review.${name}`)}
    <select name="${name}" required data-required="${ctx.t(`review.${name}Required`)}" aria-describedby="${slotId(form, name)}"${refused(name)}>
      <option value="">—</option>${options.map((o) => html`<option value="${o}"${values[name] === o ? html` selected` : ''}>${ctx.t(`${prefix}.${o}`)}</option>`)}
    </select></label>${fieldError(form, name, error)}`;
  return html`<form class="reject" hx-post="${url}/reject" hx-target="closest tr" hx-swap="outerHTML" data-testid="reject-form">
    <input type="hidden" name="version" value="${version}">
    <fieldset><legend>${ctx.t('review.rejectTitle')}</legend>
      <label>${ctx.t('editor.comment')} <textarea name="comment" rows="4" required${charLimit(ctx, MAX_COMMENT)} data-testid="reject-comment" aria-keyshortcuts="Alt+R"${refused('comment')}
        placeholder="${ctx.t('editor.commentPlaceholder')}" data-required="${ctx.t('errors.rejectNeedsComment')}"
        aria-describedby="${slotId(form, 'comment')}">${values.comment ?? ''}</textarea></label>${fieldError(form, 'comment', error)}
      ${select('category', ERROR_CATEGORIES, 'review.categories')}
      ${select('severity', SEVERITIES, 'review.severities')}
      <button type="submit" class="danger" data-testid="reject">${ctx.t('editor.reject')}</button>
    </fieldset></form>`;
}

/**
 * Beside Approve: approving the corrected text usually settles the rejection, so resolving the pair's open errors with
 * it is offered ticked; a reviewer unticks it to keep the error on record. Empty when no error is open; sent again out of
 * band with the threads panel, so a thread resolved in the editor takes its offer away.
 */
export function resolveOnApprove(ctx: ViewContext, pairId: number, threads: Thread[], oob = false): SafeHtml {
  const open = threads.filter((t) => !t.resolvedAt && t.category && t.severity);
  const named = open.map((t) => `${ctx.t(`review.categories.${t.category}`)} · ${ctx.t(`review.severities.${t.severity}`)}`);
  return html`<span class="resolve-offer" id="resolve-offer-${pairId}"${outOfBand(oob)}>${open.length ? html`<label class="resolve-on-approve"><input type="checkbox" name="resolve_errors" value="1" checked data-testid="resolve-on-approve">
    ${ctx.t('review.resolveOnApprove', { count: open.length, errors: named.join(ctx.t('review.errorListSeparator')) })}</label>` : ''}</span>`;
}

/**
 * On a row: the newest open thread's first comment, and how many more are open; a thread without an error says so
 * here too, as in the editor and History, or the collapsed row would read as a rejection that counts.
 */
export function rowDiscussion(ctx: ViewContext, d: RowDiscussion | undefined): SafeHtml {
  if (!d) return html``;
  return html`<div class="discussion" data-testid="row-comment">${errorTag(ctx, d)}${notAnError(ctx, d)} <q${langOf(d.body)} hx-ignore>${d.body}</q>
    <span class="comment-author">— ${d.author ?? ctx.t('review.imported')}</span>${d.open > 1
      ? html` <span class="more-threads">${ctx.t('review.moreOpen', { count: d.open - 1 })}</span>` : ''}</div>`;
}

/**
 * The document's MQM-style score from its open errors (the README gives the formula). Two decimals, rounded down:
 * one major error in 2,000 words is 99.75, and a document with an open error never reads 100. The count of rows with
 * open errors links to the filter that lists them: what a reviewer reading it wants next.
 */
export function qualityLine(ctx: ViewContext, docId: number, q: DocumentQuality): SafeHtml {
  const shown = roundDown(q.score, 2);
  const rows = html`<a href="/documents/${docId}?errors=open" data-testid="open-errors-link">${ctx.t('review.qualityRows', { rows: formatNumber(ctx, q.rows) })}</a>`;
  return html`<p class="quality" data-testid="quality-score" data-score="${shown.toFixed(2)}" title="${ctx.t('review.qualityTitle')}">${q.errors
    ? markedT(ctx, 'review.quality', {
      score: formatDecimal(ctx, shown, 2), errors: formatNumber(ctx, q.errors), rows, penalty: formatNumber(ctx, q.penalty),
      per1000: formatDecimal(ctx, q.per1000, 2), words: formatNumber(ctx, q.sourceWords),
    }, {})
    : ctx.t('review.qualityClean')}</p>`;
}

/** The threads under a pair's history, oldest first, so the history tells the whole review. */
export function threadsInHistory(ctx: ViewContext, threads: Thread[]): SafeHtml {
  if (!threads.length) return html``;
  return html`<ol class="history-list history-threads" data-testid="history-threads">${threads.map((t) => html`<li>
    <div class="who">${ctx.t('review.thread')} ${errorTag(ctx, t)}${notAnError(ctx, t)}${t.resolvedAt ? html` · ${ctx.t('review.resolvedBy', { name: t.resolvedBy ?? '' })} ${when(ctx, t.resolvedAt)}` : ''}</div>
    ${t.comments.map((c) => html`<blockquote class="comment" hx-ignore><strong>${c.author ?? ctx.t('review.imported')}</strong> ${when(ctx, c.createdAt)}${ctx.t('format.colon')}<span${langOf(c.body)}>${c.body}</span></blockquote>`)}
  </li>`)}</ol>`;
}
