// Search and replace on the document page, the offer to propagate a saved translation, and what a batch of changes
// did (with its undo).

import { html, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import type { ReplacePlan, ReplaceQuery } from '../server/domain/replace-text.ts';
import type { BatchResult, LastBatch, UndoResult } from '../server/services/edit-batch.ts';
import type { Repeats } from '../server/services/propagation.ts';
import { MAX_FIND, MAX_REPLACEMENT } from '../server/domain/replace-text.ts';
import { markedT } from './marked-text.ts';
import { diffSideView } from './diff-view.ts';
import { formatNumber } from './local-format.ts';
import { charLimit } from './char-limit.ts';

/** Row numbers as the reader counts them (from 1), listed the reader's way. */
const rowList = (ctx: ViewContext, indexes: readonly number[]) =>
  indexes.map((i) => formatNumber(ctx, i + 1)).join(ctx.t('batches.rowSeparator'));

const seenField = (rows: readonly { id: number; version: number }[]) => rows.map((r) => `${r.id}:${r.version}`).join(',');

export function replacePanel(ctx: ViewContext, docId: number): SafeHtml {
  return html`<details class="replace" id="replace-panel" data-testid="replace-panel">
    <summary>${ctx.t('replace.title')} <kbd>Ctrl</kbd>+<kbd>H</kbd></summary>
    <form class="replace-form" hx-post="/documents/${docId}/replace/preview" hx-target="#replace-preview" hx-swap="innerHTML">
      <label>${ctx.t('replace.find')} <input name="find" required${charLimit(ctx, MAX_FIND)} data-testid="replace-find" data-required="${ctx.t('replace.emptyFind')}"></label>
      <label>${ctx.t('replace.with')} <input name="replace" ${charLimit(ctx, MAX_REPLACEMENT)} data-testid="replace-with"></label>
      <fieldset><legend>${ctx.t('replace.side')}</legend>
        <label><input type="radio" name="side" value="en" checked> ${ctx.t('replace.sideEn')}</label>
        <label><input type="radio" name="side" value="zh" data-testid="replace-side-zh"> ${ctx.t('replace.sideZh')}</label></fieldset>
      <label><input type="checkbox" name="regex" value="1" data-testid="replace-regex"> ${ctx.t('replace.regex')}</label>
      <label><input type="checkbox" name="matchCase" value="1" data-testid="replace-case"> ${ctx.t('replace.matchCase')}</label>
      <label><input type="checkbox" name="includeApproved" value="1" data-testid="replace-approved"> ${ctx.t('replace.includeApproved')}</label>
      <button type="submit" data-testid="replace-preview-button">${ctx.t('replace.preview')}</button>
    </form>
    <div id="replace-preview" class="replace-preview" aria-live="polite" data-testid="replace-preview"></div>
  </details>
  <div id="batch-status" class="batch-status" role="status" aria-live="polite" data-testid="batch-status"
    hx-get="/documents/${docId}/batches/last" hx-trigger="load" hx-swap="innerHTML"></div>`;
}


function planNotes(ctx: ViewContext, plan: ReplacePlan): SafeHtml {
  return html`${plan.approvedLeft ? html`<p class="note" data-testid="replace-approved-left">${ctx.t('replace.approvedLeft', { count: plan.approvedLeft })}</p>` : ''}${
    plan.refused.map((r) => html`<p class="note" data-testid="replace-refused">${ctx.t('replace.refusedRow', { row: formatNumber(ctx, r.index + 1), reason: ctx.t(r.key, r.params) })}</p>`)}`;
}

export function replacePreview(ctx: ViewContext, docId: number, q: ReplaceQuery, plan: ReplacePlan): SafeHtml {
  const zh = q.side === 'zh';
  const lang = zh ? 'zh-CN' : 'en';
  const matches = plan.changes.reduce((n, c) => n + c.matches, 0);
  // Each number picks its own plural: one row may hold several matches ("1 row will change (2 matches)").
  const summary = !plan.changes.length ? ctx.t('replace.noMatch')
    : ctx.t(zh ? 'sourceReplace.willChange' : 'replace.willChange', {
      count: plan.changes.length, rows: formatNumber(ctx, plan.changes.length),
      matches: ctx.t('replace.matchCount', { count: matches, n: formatNumber(ctx, matches) }),
    });
  return html`<p class="replace-summary" data-testid="replace-summary">${summary}</p>${planNotes(ctx, plan)}
  ${plan.changes.length ? html`<table class="replace-changes" data-testid="replace-changes">
    <thead><tr><th>#</th><th>${ctx.t('replace.before')}</th><th>${ctx.t('replace.after')}</th></tr></thead>
    <tbody>${plan.changes.map((c) => html`<tr data-testid="replace-change" data-pair="${c.id}"><td class="idx">${formatNumber(ctx, c.index + 1)}</td>
      <td lang="${lang}" hx-ignore>${diffSideView(c.parts, 'before')}</td><td lang="${lang}" hx-ignore>${diffSideView(c.parts, 'after')}</td></tr>`)}</tbody></table>` : ''}
  ${zh && plan.changes.length ? html`<p class="note" data-testid="replace-source-note">${ctx.t('sourceReplace.note')}</p>` : ''}
  ${plan.changes.length ? html`
  <form hx-post="/documents/${docId}/replace" hx-target="#replace-preview" hx-swap="innerHTML" hx-disable="find button">
    ${(['find', 'replace', 'side'] as const).map((k) => html`<input type="hidden" name="${k}" value="${q[k]}">`)}
    ${(['regex', 'matchCase', 'includeApproved'] as const).map((k) => q[k] ? html`<input type="hidden" name="${k}" value="1">` : '')}
    <input type="hidden" name="rows" value="${seenField(plan.changes)}">
    <button type="submit" class="primary" data-testid="replace-apply">${ctx.t('replace.apply', { count: plan.changes.length })}</button>
  </form>` : ''}`;
}

function staleNote(ctx: ViewContext, stale: readonly number[]): SafeHtml {
  return stale.length ? html`<p class="warning" data-testid="batch-stale">${ctx.t('batches.staleRows', { rows: rowList(ctx, stale), count: stale.length })}</p>` : html``;
}

const undoButton = (ctx: ViewContext, docId: number, batchId: number) =>
  html`<button type="button" data-testid="batch-undo" hx-post="/documents/${docId}/batches/${batchId}/undo" hx-target="closest .batch-result" hx-swap="outerHTML">${ctx.t('batches.undo')}</button>`;

const RESULT_KEYS = { replace: 'batches.replaced', sourceReplace: 'sourceReplace.replaced', propagate: 'batches.propagated' } as const;

/**
 * What a replacement (of the English or the Chinese) or a propagation changed, with the undo of the whole; `data-changed-pairs`
 * lets the page show the rows anew. A replacement's result shows under its preview: it also empties #batch-status, whose
 * "Your last change" (a propagation, or what a reload offered) is no longer the last one. A propagation's result replaces it.
 */
export function batchResult(ctx: ViewContext, docId: number, kind: keyof typeof RESULT_KEYS, r: BatchResult): SafeHtml {
  return html`<div class="batch-result" data-testid="batch-result" data-changed-pairs="${r.pairIds.join(' ')}">
    <p class="ok">${ctx.t(RESULT_KEYS[kind], { count: r.applied.length, rows: rowList(ctx, r.applied) })}</p>
    ${staleNote(ctx, r.stale)}${undoButton(ctx, docId, r.batchId)}</div>${kind === 'propagate' ? '' : html`<div id="batch-status" hx-swap-oob="innerHTML"></div>`}`;
}

/** The user's latest change of many rows, still undoable after a reload. */
export function lastBatch(ctx: ViewContext, docId: number, last: LastBatch | undefined): SafeHtml {
  if (!last) return html``;
  const s = last.summary;
  const what = s.kind === 'replace'
    ? markedT(ctx, s.side === 'zh' ? 'sourceReplace.lastReplace' : 'batches.lastReplace', { find: s.find, replace: s.replace, count: last.pairs }, { find: 'name', replace: 'name' })
    : markedT(ctx, 'batches.lastPropagate', { row: formatNumber(ctx, s.row + 1), text: s.text, count: last.pairs }, { text: 'en' });
  return html`<div class="batch-result" data-testid="batch-last"><p hx-ignore>${what}</p>${undoButton(ctx, docId, last.id)}</div>`;
}

export function undoResult(ctx: ViewContext, r: UndoResult): SafeHtml {
  const changed = r.changedSince.filter((i): i is number => i !== null);
  const gone = r.changedSince.length - changed.length;
  return html`<div class="batch-result" data-testid="batch-undone" data-changed-pairs="${r.pairIds.join(' ')}">
    <p class="ok">${ctx.t('batches.undone', { count: r.reverted.length })}</p>
    ${changed.length ? html`<p class="warning" data-testid="batch-changed-since">${ctx.t('batches.changedSince', { rows: rowList(ctx, changed), count: changed.length })}</p>` : ''}
    ${gone ? html`<p class="warning">${ctx.t('batches.gone', { count: gone })}</p>` : ''}</div>`;
}

/** Loaded into a row after its save: how many other rows have the same Chinese, and the button to give them this English. */
export function repeatsOffer(ctx: ViewContext, docId: number, r: Repeats): SafeHtml {
  if (!r.targets.length) {
    return r.approvedLeft ? html`<p class="repeats note" data-testid="repeat-approved">${ctx.t('propagate.onlyApproved', { count: r.approvedLeft })}</p>` : html``;
  }
  return html`<form class="repeats" data-testid="repeat-offer" hx-post="/documents/${docId}/pairs/${r.pair.id}/propagate" hx-target="#batch-status" hx-swap="innerHTML" hx-disable="find button">
    <p>${ctx.t('propagate.offer', { count: r.targets.length, rows: rowList(ctx, r.targets.map((t) => t.index)) })}${
      r.approvedLeft ? ` ${ctx.t('propagate.approvedLeft', { count: r.approvedLeft })}` : ''}</p>
    <input type="hidden" name="version" value="${r.pair.version}"><input type="hidden" name="rows" value="${seenField(r.targets)}">
    <button type="submit" data-testid="propagate">${ctx.t('propagate.apply', { count: r.targets.length })}</button></form>`;
}
