// The alignment editor: rows with confidence bands, a strip of weak rows, keyboard operations, undo and redo.

import { html, type SafeHtml } from './html.ts';
import { layout } from './layout.ts';
import type { ViewContext } from './view-context.ts';
import type { AlignRow } from '../server/domain/alignment-rows.ts';

export const ALIGN_PAGE = 200;
export const WEAK = 0.5;

export interface AlignPageView {
  docId: number;
  title: string;
  version: number;
  rows: AlignRow[];
  /** Index of the first row shown. */
  from: number;
  total: number;
  undo: number;
  redo: number;
  /** Indices of rows a person should look at: weak, not 1:1, empty side or marked for review. */
  weak: number[];
  onlyIrregular: boolean;
}

export function isIrregular(r: AlignRow): boolean {
  return r.src.length !== 1 || r.tgt.length !== 1 || (r.score !== null && r.score < WEAK) || r.needsReview !== null;
}

function band(score: number | null): string {
  if (score === null) return 'none';
  return score >= 0.8 ? 'high' : score >= WEAK ? 'mid' : 'low';
}

function side(ctx: ViewContext, r: AlignRow, which: 'src' | 'tgt'): SafeHtml {
  const sentences = r[which];
  if (!sentences.length) return html`<td class="${which} empty-side"><span class="missing">${ctx.t('align.emptySide')}</span></td>`;
  return html`<td class="${which}" lang="${which === 'src' ? 'zh-CN' : 'en'}" hx-ignore>${sentences.map((s, i) =>
    html`<span class="sentence" data-sentence="${i}" data-key="${s.key}">${s.text}</span>`)}</td>`;
}

export function alignRows(ctx: ViewContext, view: AlignPageView): SafeHtml {
  const shown = view.rows.map((r, i) => ({ r, index: view.from + i }))
    .filter(({ r }) => !view.onlyIrregular || isIrregular(r));
  return html`${shown.map(({ r, index }) => {
    const shape = `${r.src.length}:${r.tgt.length}`;
    return html`<tr class="arow band-${band(r.score)}${shape !== '1:1' ? ' irregular' : ''}${r.confirmedBy ? ' confirmed' : ''}${r.needsReview ? ' review' : ''}"
      id="row-${index}" data-row="${index}" data-testid="align-row" data-shape="${shape}" data-confirmed="${r.confirmedBy ? 'yes' : 'no'}">
      <td class="idx">${index + 1}<span class="shape">${shape !== '1:1' ? shape : ''}</span></td>
      <td class="conf"><span class="band"></span>${r.score === null ? '—' : r.score.toFixed(2)}</td>
      ${side(ctx, r, 'src')}${side(ctx, r, 'tgt')}
      <td class="status">${r.confirmedBy ? html`<span class="ok">${ctx.t('align.confirmedBy', { name: r.confirmedBy })}</span>` : html`<span class="muted">${ctx.t('align.automatic')}</span>`}
        ${r.needsReview ? html`<span class="flag" title="${ctx.t(`align.review.${r.needsReview}`)}">${ctx.t(`align.review.${r.needsReview}`)}</span>` : ''}</td>
    </tr>`;
  })}${view.from + view.rows.length < view.total && !view.onlyIrregular
    ? html`<tr class="more" hx-get="/documents/${view.docId}/align/rows?from=${view.from + view.rows.length}" hx-trigger="revealed" hx-swap="outerHTML"><td colspan="5">${ctx.t('document.loading')}</td></tr>`
    : ''}`;
}

// Weak rows as marks on a strip beside the rows; SVG attributes, not inline styles, so the CSP holds.
function weakStrip(ctx: ViewContext, view: AlignPageView): SafeHtml {
  return html`<svg class="weak-strip" data-testid="weak-strip" viewBox="0 0 10 1000" preserveAspectRatio="none" role="list" aria-label="${ctx.t('align.weakStrip')}">
    ${view.weak.map((i) => html`<a href="/documents/${view.docId}/align?from=${Math.max(0, i - 5)}#row-${i}" role="listitem"><rect x="0" width="10" y="${((1000 * i) / Math.max(1, view.total)).toFixed(1)}" height="${Math.max(2, 1000 / Math.max(1, view.total)).toFixed(1)}"><title>${ctx.t('align.row', { n: i + 1 })}</title></rect></a>`)}
  </svg>`;
}

export function alignPage(ctx: ViewContext, view: AlignPageView): SafeHtml {
  return layout(ctx, `${ctx.t('align.title')} · ${view.title}`, html`
  <h1 hx-ignore>${view.title}</h1>
  <p class="meta"><a href="/documents/${view.docId}">${ctx.t('align.backToDocument')}</a> · ${ctx.t('align.summary', { rows: view.total, weak: view.weak.length })}</p>
  <div class="align-toolbar" id="align-toolbar" data-doc="${view.docId}" data-version="${view.version}" data-undo="${view.undo}" data-redo="${view.redo}">
    <button type="button" data-action="undo"${view.undo ? '' : html` disabled`}>${ctx.t('align.undo')}</button>
    <button type="button" data-action="redo"${view.redo ? '' : html` disabled`}>${ctx.t('align.redo')}</button>
    <button type="button" data-action="next-weak">${ctx.t('align.nextWeak')}</button>
    <button type="button" data-action="realign">${ctx.t('align.realign')}</button>
    <a href="/documents/${view.docId}/align${view.onlyIrregular ? '' : '?irregular=1'}">${view.onlyIrregular ? ctx.t('align.showAll') : ctx.t('align.onlyIrregular')}</a>
    <span class="align-message" role="status" aria-live="polite" data-testid="align-message"></span>
  </div>
  <div class="align-toolbar row-tools" role="toolbar" aria-label="${ctx.t('align.rowTools')}">
    <span class="muted">${ctx.t('align.rowTools')}:</span>
    ${([['move-up', 'moveUp'], ['move-down', 'moveDown'], ['shift-down', 'shiftDown'], ['shift-up', 'shiftUp'], ['shift-both-down', 'shiftBothDown'],
      ['shift-both-up', 'shiftBothUp'], ['merge', 'merge'], ['split', 'split'], ['join', 'join'], ['split-sentence', 'splitSentence'],
      ['confirm', 'confirm'], ['confirm-above', 'confirmAbove'], ['next-unconfirmed', 'nextUnconfirmed']] as const)
      .map(([action, key]) => html`<button type="button" data-action="${action}" title="${ctx.t(`align.keys.${key === 'shiftBothDown' || key === 'shiftBothUp' ? 'shiftBoth' : key === 'shiftDown' || key === 'shiftUp' ? 'shift' : key === 'splitSentence' ? 'breakSentence' : key}`)}">${ctx.t(`align.buttons.${key}`)}</button>`)}
  </div>
  <details class="shortcuts" open><summary>${ctx.t('shortcuts.title')}</summary>
    <ul class="keys">
      <li><kbd>↑</kbd> <kbd>↓</kbd> ${ctx.t('align.keys.row')}</li>
      <li><kbd>←</kbd> <kbd>→</kbd> ${ctx.t('align.keys.side')}</li>
      <li><kbd>Alt</kbd>+<kbd>↑</kbd> ${ctx.t('align.keys.moveUp')}</li>
      <li><kbd>Alt</kbd>+<kbd>↓</kbd> ${ctx.t('align.keys.moveDown')}</li>
      <li><kbd>Shift</kbd>+<kbd>↓</kbd> / <kbd>↑</kbd> ${ctx.t('align.keys.shift')}</li>
      <li><kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>↓</kbd> / <kbd>↑</kbd> ${ctx.t('align.keys.shiftBoth')}</li>
      <li><kbd>M</kbd> ${ctx.t('align.keys.merge')}</li>
      <li><kbd>S</kbd> ${ctx.t('align.keys.split')}</li>
      <li><kbd>[</kbd> <kbd>]</kbd> ${ctx.t('align.keys.sentence')}</li>
      <li><kbd>J</kbd> ${ctx.t('align.keys.join')}</li>
      <li><kbd>B</kbd> ${ctx.t('align.keys.breakSentence')}</li>
      <li><kbd>C</kbd> ${ctx.t('align.keys.confirm')}</li>
      <li><kbd>Shift</kbd>+<kbd>C</kbd> ${ctx.t('align.keys.confirmAbove')}</li>
      <li><kbd>R</kbd> ${ctx.t('align.keys.realign')}</li>
      <li><kbd>N</kbd> ${ctx.t('align.keys.nextWeak')}</li>
      <li><kbd>U</kbd> ${ctx.t('align.keys.nextUnconfirmed')}</li>
      <li><kbd>Ctrl</kbd>+<kbd>Z</kbd> / <kbd>Ctrl</kbd>+<kbd>Y</kbd> ${ctx.t('align.keys.undoRedo')}</li>
    </ul></details>
  <div class="align-layout">
    <table class="align" data-testid="align-table" tabindex="0">
      <thead><tr><th>#</th><th>${ctx.t('align.confidence')}</th><th>${ctx.t('document.source')}</th><th>${ctx.t('document.target')}</th><th>${ctx.t('align.status')}</th></tr></thead>
      <tbody id="align-rows" data-from="${view.from}">${alignRows(ctx, view)}</tbody>
    </table>
    ${weakStrip(ctx, view)}
  </div>
  <dialog id="split-sentence-dialog">
    <form method="dialog"><p>${ctx.t('align.splitHelp')}</p>
      <textarea id="split-sentence-text" rows="3" cols="70" readonly></textarea>
      <button value="ok">${ctx.t('align.splitHere')}</button> <button value="cancel">${ctx.t('editor.cancel')}</button></form>
  </dialog>
  <script src="/static/align.js" defer></script>`);
}
