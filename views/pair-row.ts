// A pair's display row and its editor row: the two fragments one swap target alternates between.

import { html, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import type { WorkRow } from '../server/services/workspace.ts';
import type { DiffPart, TextDiff } from '../server/domain/text-diff.ts';
import type { QaFlag } from '../server/domain/qa-checks.ts';
import type { EditorAids } from '../server/domain/editor-aids.ts';
import { aidPanes, suggestionNote } from './editor-aids.ts';
import { diffView } from './diff-view.ts';
import { rowDiscussion } from './comment-threads.ts';
import type { RowDiscussion } from '../server/services/pair-comments.ts';
import { markedT, type Mark } from './marked-text.ts';
import { formatDecimal, formatDuration, formatTime } from './local-format.ts';
import { rowState, WEAK_SCORE, type MtKind } from '../server/domain/types.ts';

export const stateKey = (state: number | null, mtKind?: MtKind) => rowState(state, mtKind);
const pairUrl = (docId: number, p: { id: number }) => `/documents/${docId}/pairs/${p.id}`;

// A numbers flag names only the side that has something to say: missing figures, extra ones, or both; a punctuation
// flag, the English's mark or that it has none.
function flagKey(f: QaFlag): string {
  if (f.code === 'length') return f.params.direction === 'short' ? 'qa.lengthShort' : 'qa.lengthLong';
  // An English with no end mark at all: "(。 vs )" read as a rendering fault.
  if (f.code === 'punctuation' && !f.params.tgt) return 'qa.punctuationMissing';
  if (f.code !== 'numbers') return `qa.${f.code}`;
  return f.params.missing && f.params.extra ? 'qa.numbers' : f.params.missing ? 'qa.numbersMissing' : 'qa.numbersExtra';
}

// The words of the pair a reason quotes: the reader's language is the interface's, the quote is the text's.
const QUOTED: Record<string, Mark> = { zh: 'zh-CN', src: 'zh-CN', en: 'en', repeated: 'en', phrase: 'en', at: 'en', tgt: 'en' };

// A length flag's ratios are numbers, written as the reader's locale writes them.
function shownParams(ctx: ViewContext, f: QaFlag): QaFlag['params'] {
  if (f.code !== 'length') return f.params;
  return { ...f.params, ratio: formatDecimal(ctx, Number(f.params.ratio)), usual: formatDecimal(ctx, Number(f.params.usual)) };
}

/** The flags' reasons in the reader's language; `message`, the English sentence, is for the API and logs. */
export function flagList(ctx: ViewContext, flags: QaFlag[]): SafeHtml {
  if (!flags.length) return html``;
  return html`<ul class="flags" hx-ignore>${flags.map((f) => html`<li class="flag flag-${f.code}" data-qa="${f.code}">${markedT(ctx, flagKey(f), shownParams(ctx, f), QUOTED)}</li>`)}</ul>`;
}

function scoreCell(ctx: ViewContext, score: number | null): SafeHtml {
  if (score === null) return html`<td class="score none">—</td>`;
  const low = score < WEAK_SCORE;
  // Red says "low" only to those who see it, and a title only to a mouse: the words are in the cell for a screen reader.
  return html`<td class="score${low ? ' low' : ''}">${formatDecimal(ctx, score)}${low ? html`<span class="visually-hidden"> ${ctx.t('document.lowConfidence')}</span>` : ''}</td>`;
}

/** What the file the pair came from claimed, shown apart from the pair's own state: "imported as approved by rita". */
function importedClaim(ctx: ViewContext, p: WorkRow): SafeHtml {
  if (!p.importedAs) return html``;
  const state = ctx.t(`states.${stateKey(p.importedAs.state)}`);
  const text = p.importedAs.editor === null ? ctx.t('provenance.imported', { state }) : markedT(ctx, 'provenance.importedBy', { state, editor: p.importedAs.editor }, { editor: 'name' });
  return html`<span class="claim" data-testid="imported-claim" title="${ctx.t('provenance.title')}" hx-ignore>${text}</span>`;
}

// Time in the editor, when there was a second or more of it.
function editingTime(ctx: ViewContext, seconds: number): SafeHtml {
  const time = formatDuration(ctx, seconds);
  return time ? html`<span class="hter" data-testid="editing-time" title="${ctx.t('editor.timeTitle')}">${ctx.t('editor.time', { time })}</span>` : html``;
}

/** A row as pages show it: with its open discussion, when it has one. */
export type ShownRow = WorkRow & { discussion?: RowDiscussion };

/** `announce`: the row answers a save, approval or rejection, which the live region says (views/static/after-swap.js). */
export function pairRow(ctx: ViewContext, docId: number, p: ShownRow, opts: { openNext?: boolean; offerRepeats?: boolean; announce?: boolean } = {}): SafeHtml {
  if (p.noise) {
    return html`<tr class="pair noise" id="pair-${p.id}" data-testid="pair-row">
      <td class="idx">${p.index + 1}</td><td class="src" lang="zh-CN" hx-ignore>${p.src}</td>
      <td class="tgt" lang="en" hx-ignore><span class="lines">${p.tgt}</span></td>
      <td class="score none">—</td><td class="state">${ctx.t('states.noise')}</td><td></td></tr>`;
  }
  const state = stateKey(p.state, p.mtKind);
  const shape = `${p.srcSegments.length}:${p.tgtSegments.length}`;
  // data-version: the page's poll (views/static/live-rows.js) swaps in a row only when the server's is newer.
  return html`<tr class="pair state-${state}" id="pair-${p.id}" data-testid="pair-row" data-shape="${shape}" data-state="${state}" data-version="${p.version}"${opts.openNext ? html` data-open-next="true"` : ''}${opts.announce
    ? html` data-announce="${ctx.t('editor.rowNow', { n: p.index + 1, state: ctx.t(`states.${state}`) })}"` : ''}>
    <td class="idx">${p.index + 1}${shape !== '1:1' ? html`<span class="shape">${shape}</span>` : ''}</td>
    <td class="src" lang="zh-CN" hx-ignore>${p.srcSegments.map((s) => html`<span class="seg">${s.text}</span>`)}</td>
    <td class="tgt" hx-ignore>${p.tgt
      ? html`<span lang="en" class="lines">${p.tgt}</span>`
      : html`<span class="missing">${ctx.t('document.untranslated')}</span>`}${flagList(ctx, p.tgt ? p.flags : p.flags.filter((f) => f.code !== 'empty'))}${rowDiscussion(ctx, p.discussion)}</td>
    ${scoreCell(ctx, p.score)}
    <td class="state"><span class="badge badge-${state}">${ctx.t(`states.${state}`)}</span>${p.hter !== null && p.hter > 0
      ? html`<span class="hter" title="${ctx.t(p.hterApproximate ? 'bounded.hterApproximate' : 'editor.hterTitle')}">HTER ${p.hterApproximate ? html`<abbr class="approximate" data-testid="approximate">≈</abbr>` : ''}${formatDecimal(ctx, p.hter)}</span>` : ''}${editingTime(ctx, p.editSeconds)}${p.lastEditor
      ? html`<span class="editor-name" translate="no">${p.lastEditor}</span>` : ''}${importedClaim(ctx, p)}</td>
    <td class="actions"><button type="button" class="edit" data-edit aria-label="${ctx.t('editor.editRow', { n: p.index + 1 })}" hx-get="${pairUrl(docId, p)}/edit" hx-target="closest tr" hx-swap="outerHTML">${ctx.t('editor.edit')}</button>${opts.offerRepeats && p.tgt
      ? html`<div class="repeats-slot" hx-get="${pairUrl(docId, p)}/repeats" hx-trigger="load" hx-swap="outerHTML"></div>` : ''}</td>
  </tr>`;
}

/** Who changed the pair under the user and what it is now: saving over "approved by Wang" is not saving over a draft. */
function theirsLabel(ctx: ViewContext, p: ShownRow): SafeHtml | string {
  const state = ctx.t(`states.${stateKey(p.state, p.mtKind)}`);
  return p.lastEditor
    ? markedT(ctx, 'editor.theirsBy', { name: p.lastEditor, state }, { name: 'name' })
    : ctx.t('editor.theirsState', { state });
}

export interface EditorExtras {
  diff: TextDiff;
  aids: EditorAids;
  message?: string;
  /** After a stale save: the text the user tried to save, kept so nothing typed is lost. */
  attempted?: string;
  /** After refused input: the text as the user typed it, back in the box. */
  typed?: string;
  canReview: boolean;
  /** The pair's comment threads, shown first so a rejection's reason is the first thing the translator reads. */
  threads?: SafeHtml;
  /** The reviewer's reject form, with its own required fields. */
  reject?: SafeHtml;
  /** The reject form came back refused with a field to fix, which takes the focus instead of the text box. */
  rejectRefused?: boolean;
  /** Beside Approve: the offer to resolve the pair's open rejections with the approval (comment-threads.ts). */
  resolveOffer?: SafeHtml;
  /** What changed since the reviewer rejected the text, while that rejection is the latest review. */
  sinceRejection?: { by: string | null; at: string; diff: TextDiff };
}

/** The fix against the rejected text: what a re-review reads, the MT diff above being what the first review judged. */
function sinceRejectionPane(ctx: ViewContext, since: NonNullable<EditorExtras['sinceRejection']>): SafeHtml {
  const when = formatTime(ctx, since.at);
  return html`<div class="pane diff-pane since-rejection" data-testid="since-rejection"><h3>${since.by
    ? markedT(ctx, 'editor.sinceRejectionBy', { name: since.by, when }, { name: 'name' }) : ctx.t('editor.sinceRejection', { when })}</h3>
    <p lang="en" class="lines" hx-ignore>${diffView(since.diff.parts)}</p>${since.diff.approximate
      ? html`<p class="approximate">${ctx.t('bounded.diffApproximate')}</p>` : ''}</div>`;
}

// Filled and shown by views/static/drafts.js when this browser kept unsaved text for the pair.
function draftOffer(ctx: ViewContext): SafeHtml {
  return html`<div class="draft-offer" data-testid="draft-offer" role="status" hidden>
    <p>${ctx.t('safeEditing.draftFound')}</p>
    <blockquote lang="en" data-draft-text></blockquote>
    <p data-draft-older hidden>${ctx.t('safeEditing.draftOlder')}</p>
    <button type="button" data-draft-restore>${ctx.t('safeEditing.draftRestore')}</button>
    <button type="button" data-draft-discard>${ctx.t('safeEditing.draftDiscard')}</button>
  </div>`;
}

export function editorRow(ctx: ViewContext, docId: number, p: WorkRow, x: EditorExtras): SafeHtml {
  const url = pairUrl(docId, p);
  const state = stateKey(p.state, p.mtKind);
  const typed = x.attempted ?? x.typed;
  const suggested = typed === undefined ? x.aids.suggestion : undefined;
  const text = typed ?? suggested ?? p.tgt;
  return html`<tr class="pair editing state-${state}" id="pair-${p.id}" data-testid="pair-editor" data-discard-comment="${ctx.t('editor.discardComment')}">
  <td class="idx">${p.index + 1}</td>
  <td colspan="5">
    ${x.threads ?? ''}
    <form class="editor" hx-post="${url}/save" hx-target="closest tr" hx-swap="outerHTML" data-draft="${encodeURIComponent(ctx.user?.name ?? '')}:${docId}:${p.id}">
      <input type="hidden" name="version" value="${p.version}">
      <input type="hidden" name="opened_at" value="${Date.now()}">
      <div class="session-slot"></div>
      ${x.message ? html`<p class="error" role="alert" data-testid="editor-message">${x.message}</p>` : ''}
      ${draftOffer(ctx)}
      ${x.attempted !== undefined ? html`<div class="conflict" data-testid="conflict">
        <div><strong>${theirsLabel(ctx, p)}</strong><p lang="en" class="lines" hx-ignore>${p.tgt}</p></div>
        <div><strong>${ctx.t('editor.yours')}</strong><p lang="en" class="lines" hx-ignore>${x.attempted}</p></div></div>` : ''}
      <div class="editor-grid">
        <div class="pane"><h3>${ctx.t('editor.source')}</h3><p lang="zh-CN" class="source-text lines" id="source-${p.id}" hx-ignore>${p.src}</p></div>
        <div class="pane"><h3>${ctx.t(p.mt && p.mtKind === 'gloss' ? 'glossDraft.editorPane' : 'editor.mt')}</h3><p${p.mt ? html` lang="en"` : ''} class="mt-text lines" hx-ignore>${p.mt || html`<span class="missing">${ctx.t('editor.noMt')}</span>`}</p></div>
      </div>
      ${suggested !== undefined ? suggestionNote(ctx) : ''}
      <label class="target"><span>${ctx.t('editor.target')}</span>
        <textarea name="tgt" lang="en" rows="3"${x.rejectRefused ? '' : html` autofocus`} aria-describedby="source-${p.id}" data-testid="editor-text"${typed !== undefined && typed !== p.tgt ? html` data-unsaved` : ''}${suggested !== undefined ? html` class="suggested"` : ''}>${text}</textarea></label>
      <div class="pane diff-pane"><h3>${ctx.t('editor.diff')}</h3><p lang="en" data-testid="editor-diff" hx-ignore>${diffView(x.diff.parts)}</p>${x.diff.approximate
        ? html`<p class="approximate" data-testid="approximate">${ctx.t('bounded.diffApproximate')}</p>` : ''}</div>
      ${x.sinceRejection ? sinceRejectionPane(ctx, x.sinceRejection) : ''}
      ${flagList(ctx, p.flags)}
      ${aidPanes(ctx, x.aids, p.id)}
      <div class="buttons">
        <button type="submit" name="next" value="1" data-shortcut="save-next" aria-keyshortcuts="Control+Enter" class="primary">${ctx.t('editor.saveNext')}</button>
        <button type="submit" name="next" value="0">${ctx.t('editor.save')}</button>
        <button type="button" hx-post="${url}/confirm" hx-include="closest form" hx-target="closest tr" hx-swap="outerHTML">${ctx.t('editor.confirm')}</button>
        ${x.canReview ? html`
        <button type="button" data-shortcut="approve-next" aria-keyshortcuts="Control+Shift+Enter" hx-post="${url}/approve?next=1" hx-include="closest form" hx-target="closest tr" hx-swap="outerHTML">${ctx.t('editor.approveNext')}</button>${x.resolveOffer ?? ''}` : ''}
        ${p.tgt ? html`<button type="button" class="danger" data-testid="clear-translation" hx-post="${url}/clear" hx-include="closest form" hx-confirm="${ctx.t('safeEditing.clearConfirm')}" hx-target="closest tr" hx-swap="outerHTML">${ctx.t('safeEditing.clear')}</button>` : ''}
        <button type="button" data-shortcut="cancel" aria-keyshortcuts="Escape" hx-get="${url}/row" hx-target="closest tr" hx-swap="outerHTML">${ctx.t('editor.cancel')}</button>
        <button type="button" hx-get="${url}/history" hx-target="next .history" hx-swap="innerHTML">${ctx.t('editor.history')}</button>
      </div>
      <div class="history"></div>
    </form>
    ${x.reject ?? ''}
  </td></tr>`;
}
