// The alignment editor: rows with confidence bands, a strip of weak rows, keyboard operations, undo and redo.

import { html, type SafeHtml } from './html.ts';
import { layout } from './layout.ts';
import { goToRow } from './row-navigation.ts';
import type { ViewContext } from './view-context.ts';
import { edited, type AlignRow } from '../server/domain/alignment-rows.ts';
import { WEAK_SCORE, scoreBand } from '../server/domain/types.ts';
import { formatDecimal, formatNumber } from './local-format.ts';
import { documentIndex, documentRowCount, noiseIndex, noisePlaces, type NoiseRow } from '../server/domain/row-numbers.ts';

export const ALIGN_PAGE = 200;

export interface AlignPageView {
  docId: number;
  title: string;
  version: number;
  rows: AlignRow[];
  /** Index of the first row shown. */
  from: number;
  total: number;
  /** The page-noise rows: not aligned, but counted in the numbers, as the document page counts them. */
  noise: NoiseRow[];
  undo: number;
  redo: number;
  /** The Undo button's words: whose change it would revert. */
  undoLabel: string;
  /** Indices of rows a person should look at: weak, not 1:1, empty side or marked for review. */
  weak: number[];
  onlyIrregular: boolean;
}

export function isIrregular(r: AlignRow): boolean {
  return r.src.length !== 1 || r.tgt.length !== 1 || (r.score !== null && r.score < WEAK_SCORE) || r.needsReview !== null;
}

export const band = scoreBand;

// An English sentence after a line break of its row (a subtitle cue's second line) starts a line here too: the translator
// sees which sentences a merge or a move will put on their own line.
function sentenceSpans(r: AlignRow, which: 'src' | 'tgt'): SafeHtml {
  return html`${r[which].map((s, i) => html`${i > 0 && s.lineBefore ? html`<br class="line-before">` : ''}<span class="sentence" data-sentence="${i}" data-key="${s.key}">${s.text}</span>`)}`;
}

function side(ctx: ViewContext, r: AlignRow, which: 'src' | 'tgt'): SafeHtml {
  const sentences = r[which];
  if (which === 'tgt' && edited(r) && r.tgtText) return english(ctx, r);
  if (!sentences.length) return html`<td class="${which} empty-side"><span class="missing">${ctx.t('align.emptySide')}</span></td>`;
  return html`<td class="${which}" lang="${which === 'src' ? 'zh-CN' : 'en'}" hx-ignore>${sentenceSpans(r, which)}</td>`;
}

// A post-edited or machine-drafted row shows the English a reader will get; the sentences the alignment
// moves (the imported English, or the draft) open on demand.
function english(ctx: ViewContext, r: AlignRow): SafeHtml {
  // The summary is the interface's words: only the English is marked English.
  return html`<td class="tgt current" hx-ignore><p class="current-en lines" lang="en" data-testid="current-en">${r.tgtText}</p>
    <details class="imported"><summary>${ctx.t(r.tgt.length ? 'alignEditor.showImported' : 'alignEditor.showMt')}</summary><span lang="en">${r.tgt.length
      ? sentenceSpans(r, 'tgt') : html`<span class="mt-draft lines">${r.mtText}</span>`}</span></details></td>`;
}

// A page-noise row where the document page has it, with its number, so the numbers run on; the cursor passes it by.
function noiseRow(ctx: ViewContext, row: NoiseRow, number: number): SafeHtml {
  return html`<tr class="noise" id="row-${number - 1}" data-testid="align-noise"><td class="idx">${number}</td><td class="conf"></td>
    <td class="src" lang="zh-CN" hx-ignore>${row.src}</td><td class="tgt" lang="en" hx-ignore><span class="lines">${row.tgt}</span></td><td class="status muted">${ctx.t('states.noise')}</td></tr>`;
}

// The noise rows that stand before alignment row `index` (or, with index = total, after the last row): each page of rows
// brings those before its own rows, so pages loaded one after another show each noise row once.
function noiseAt(ctx: ViewContext, view: AlignPageView, index: number): SafeHtml[] {
  const places = noisePlaces(view.noise);
  return view.noise.flatMap((row, j) => (row.at === index ? [noiseRow(ctx, row, noiseIndex(j, places) + 1)] : []));
}

/**
 * Rows numbered as the document page numbers them: the noise rows count, and show where they stand. The confidence
 * cell says its band's colour in words to a screen reader, which hears it with the row's number and status as the
 * description of the cursor's cell (views/static/align.js).
 */
export function alignRows(ctx: ViewContext, view: AlignPageView): SafeHtml {
  const places = noisePlaces(view.noise);
  const number = (index: number) => documentIndex(index, places) + 1;
  const shown = view.rows.map((r, i) => ({ r, index: view.from + i }))
    .filter(({ r }) => !view.onlyIrregular || isIrregular(r));
  const withNoise = (index: number) => (view.onlyIrregular ? [] : noiseAt(ctx, view, index));
  const before = view.from > 0 && !view.onlyIrregular
    ? html`<tr class="more more-before" data-before="${Math.max(0, view.from - ALIGN_PAGE)}"><td colspan="5"><a href="/documents/${view.docId}/align?from=${Math.max(0, view.from - ALIGN_PAGE)}">${ctx.t('alignEditor.earlierRows', { rows: formatNumber(ctx, number(view.from) - 1) })}</a></td></tr>`
    : '';
  return html`${before}${shown.map(({ r, index }) => {
    const shape = `${r.src.length}:${r.tgt.length}`;
    const n = number(index);
    return html`${withNoise(index)}<tr class="arow band-${band(r.score)}${shape !== '1:1' ? ' irregular' : ''}${r.confirmedBy ? ' confirmed' : ''}${r.needsReview ? ' review' : ''}"
      id="row-${n - 1}" data-row="${index}" data-n="${n}" data-key="${r.key}" data-testid="align-row" data-shape="${shape}" data-confirmed="${r.confirmedBy ? 'yes' : 'no'}" data-state="${r.state}">
      <td class="idx">${n}<span class="shape">${shape !== '1:1' ? shape : ''}</span></td>
      <td class="conf"><span class="band"></span>${r.score === null ? '—' : formatDecimal(ctx, r.score)}<span class="visually-hidden"> ${ctx.t(`align.bands.${band(r.score)}`)}</span></td>
      ${side(ctx, r, 'src')}${side(ctx, r, 'tgt')}
      <td class="status">${r.confirmedBy ? html`<span class="ok">${ctx.t('align.confirmedBy', { name: r.confirmedBy })}</span>` : html`<span class="muted">${ctx.t('align.automatic')}</span>`}
        ${r.needsReview ? html`<span class="flag">${ctx.t(`align.review.${r.needsReview}`)}</span>` : ''}</td>
    </tr>`;
  })}${view.from + view.rows.length < view.total && !view.onlyIrregular
    ? html`<tr class="more more-after" data-after="${view.from + view.rows.length}"><td colspan="5"><a href="/documents/${view.docId}/align?from=${view.from + view.rows.length}">${ctx.t('alignEditor.laterRows', {
      rows: formatNumber(ctx, documentRowCount(view.total, places) - number(view.from + view.rows.length - 1)) })}</a></td></tr>`
    : withNoise(view.total)}`;
}

// Weak rows as marks on a strip that maps the whole document to its height, a mark where its row is;
// SVG attributes, not inline styles, so the CSP holds. The cursor's place is the one mark the script moves.
// It carries the document page's row count and where the noise rows stand, for the page to number rows and go to one.
export function weakStrip(ctx: ViewContext, view: AlignPageView): SafeHtml {
  const y = (i: number) => ((1000 * i) / Math.max(1, view.total)).toFixed(1);
  const h = Math.max(2, 1000 / Math.max(1, view.total)).toFixed(1);
  const places = noisePlaces(view.noise);
  return html`<svg class="weak-strip" data-testid="weak-strip" data-total="${view.total}" data-rows="${documentRowCount(view.total, places)}" data-noise="${places.join(' ')}" viewBox="0 0 10 1000" preserveAspectRatio="none" role="list" aria-label="${ctx.t('align.weakStrip')}">
    <rect class="strip-cursor" x="0" width="10" y="0" height="${h}"></rect>
    ${view.weak.map((i) => html`<g role="listitem"><a href="/documents/${view.docId}/align?from=${Math.max(0, i - 5)}#row-${documentIndex(i, places)}" data-row="${i}"><rect x="0" width="10" y="${y(i)}" height="${h}"><title>${ctx.t('align.row', { n: documentIndex(i, places) + 1 })}</title></rect></a></g>`)}
  </svg>`;
}

const KEYS: [SafeHtml, string][] = [
  [html`<kbd>↑</kbd> <kbd>↓</kbd>`, 'align.keys.row'],
  [html`<kbd>←</kbd> <kbd>→</kbd>`, 'align.keys.side'],
  [html`<kbd>Alt</kbd>+<kbd>↑</kbd>`, 'align.keys.moveUp'],
  [html`<kbd>Alt</kbd>+<kbd>↓</kbd>`, 'align.keys.moveDown'],
  [html`<kbd>Shift</kbd>+<kbd>↓</kbd> / <kbd>↑</kbd>`, 'align.keys.shift'],
  [html`<kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>↓</kbd> / <kbd>↑</kbd>`, 'align.keys.shiftBoth'],
  [html`<kbd>M</kbd>`, 'align.keys.merge'],
  [html`<kbd>S</kbd>`, 'align.keys.split'],
  [html`<kbd>[</kbd> <kbd>]</kbd>`, 'align.keys.sentence'],
  [html`<kbd>J</kbd>`, 'align.keys.join'],
  [html`<kbd>B</kbd>`, 'align.keys.breakSentence'],
  [html`<kbd>C</kbd>`, 'align.keys.confirm'],
  [html`<kbd>Shift</kbd>+<kbd>C</kbd>`, 'align.keys.confirmAbove'],
  [html`<kbd>R</kbd>`, 'align.keys.realign'],
  [html`<kbd>N</kbd> / <kbd>Shift</kbd>+<kbd>N</kbd>`, 'alignEditor.keys.weak'],
  [html`<kbd>U</kbd> / <kbd>Shift</kbd>+<kbd>U</kbd>`, 'alignEditor.keys.unconfirmed'],
  [html`<kbd>G</kbd>`, 'navigation.keys.goTo'],
  [html`<kbd>T</kbd>`, 'alignEditor.keys.imported'],
  [html`<kbd>Ctrl</kbd>+<kbd>Z</kbd> / <kbd>Ctrl</kbd>+<kbd>Y</kbd>`, 'align.keys.undoRedo'],
];

// Each tool on the selected row: its action, its words, what its key does (the title, for a mouse) and the key, which
// aria-keyshortcuts gives a screen reader as the shortcuts list gives a sighted reader.
const ROW_TOOLS = [
  ['move-up', 'moveUp', 'moveUp', 'Alt+ArrowUp'],
  ['move-down', 'moveDown', 'moveDown', 'Alt+ArrowDown'],
  ['shift-down', 'shiftDown', 'shift', 'Shift+ArrowDown'],
  ['shift-up', 'shiftUp', 'shift', 'Shift+ArrowUp'],
  ['shift-both-down', 'shiftBothDown', 'shiftBoth', 'Control+Shift+ArrowDown'],
  ['shift-both-up', 'shiftBothUp', 'shiftBoth', 'Control+Shift+ArrowUp'],
  ['merge', 'merge', 'merge', 'M'],
  ['split', 'split', 'split', 'S'],
  ['join', 'join', 'join', 'J'],
  ['split-sentence', 'splitSentence', 'breakSentence', 'B'],
  ['confirm', 'confirm', 'confirm', 'C'],
  ['confirm-above', 'confirmAbove', 'confirmAbove', 'Shift+C'],
  ['next-unconfirmed', 'nextUnconfirmed', 'nextUnconfirmed', 'U'],
] as const;

export function alignPage(ctx: ViewContext, view: AlignPageView): SafeHtml {
  const rowCount = documentRowCount(view.total, noisePlaces(view.noise));
  return layout(ctx, `${ctx.t('align.title')} · ${view.title}`, html`
  <h1 translate="no" hx-ignore>${view.title}</h1>
  <p class="meta"><a href="/documents/${view.docId}">${ctx.t('align.backToDocument')}</a> · <span id="align-summary" data-testid="align-summary"
    data-template="${ctx.t('align.summary', { rows: '{{rows}}', weak: '{{weak}}' })}">${ctx.t('align.summary', { rows: formatNumber(ctx, rowCount), weak: formatNumber(ctx, view.weak.length) })}</span></p>
  <details class="shortcuts"><summary>${ctx.t('shortcuts.title')}</summary>
    <ul class="keys">${KEYS.map(([keys, text]) => html`<li>${keys} ${ctx.t(text)}</li>`)}</ul></details>
  <div class="align-head" id="align-head">
  <div class="align-toolbar" id="align-toolbar" data-doc="${view.docId}" data-version="${view.version}" data-undo="${view.undo}" data-redo="${view.redo}"
    data-none-weak="${ctx.t('alignEditor.noneWeak')}" data-none-unconfirmed="${ctx.t('alignEditor.noneUnconfirmed')}" data-no-row="${ctx.t('navigation.noRow', { total: '{{total}}' })}"
    data-load-changes="${ctx.t('alignCollab.loadChanges')}" data-loaded="${ctx.t('alignCollab.loaded', { rows: '{{rows}}' })}" data-loaded-one="${ctx.t('alignCollab.loadedOne')}"
    data-loaded-none="${ctx.t('alignCollab.loadedNone')}" data-undo-others="${ctx.t('alignCollab.undoOthersConfirm', { author: '{{author}}' })}"
    data-redo-others="${ctx.t('alignCollab.redoOthersConfirm', { author: '{{author}}' })}" data-previewing="${ctx.t('alignCollab.previewing')}"
    data-noise-row="${ctx.t('alignEditor.noiseRow', { n: '{{n}}', m: '{{m}}' })}">
    <button type="button" data-action="undo" data-testid="undo" aria-keyshortcuts="Control+Z"${view.undo ? '' : html` disabled`}>${view.undoLabel}</button>
    <button type="button" data-action="redo" aria-keyshortcuts="Control+Y"${view.redo ? '' : html` disabled`}>${ctx.t('align.redo')}</button>
    <button type="button" data-action="next-weak" aria-keyshortcuts="N">${ctx.t('align.nextWeak')}</button>
    <button type="button" data-action="realign" aria-keyshortcuts="R">${ctx.t('align.realign')}</button>
    <a href="/documents/${view.docId}/align${view.onlyIrregular ? '' : '?irregular=1'}">${view.onlyIrregular ? ctx.t('align.showAll') : ctx.t('align.onlyIrregular')}</a>
    ${goToRow(ctx, rowCount)}
  </div>
  <div class="align-toolbar row-tools" role="toolbar" aria-label="${ctx.t('align.rowTools')}">
    <span class="muted">${ctx.t('align.rowTools')}${ctx.t('format.colon')}</span>
    ${ROW_TOOLS.map(([action, words, help, keys]) => html`<button type="button" data-action="${action}" title="${ctx.t(`align.keys.${help}`)}" aria-keyshortcuts="${keys}">${ctx.t(`align.buttons.${words}`)}</button>`)}
  </div>
  <p class="align-message" id="align-message" role="status" aria-live="polite" data-testid="align-message"></p>
  </div>
  <div class="align-layout">
    <table class="align" data-testid="align-table" tabindex="0" role="grid" aria-label="${ctx.t('align.title')}">
      <thead><tr><th>#</th><th>${ctx.t('align.confidence')}</th><th>${ctx.t('document.source')}</th><th>${ctx.t('document.target')}</th><th>${ctx.t('align.status')}</th></tr></thead>
      <tbody id="align-rows" data-from="${view.from}">${alignRows(ctx, view)}</tbody>
    </table>
    ${weakStrip(ctx, view)}
  </div>
  <dialog id="split-sentence-dialog" aria-labelledby="split-sentence-title">
    <form method="dialog"><h2 id="split-sentence-title">${ctx.t('align.splitTitle')}</h2>
      <p><label for="split-sentence-text">${ctx.t('align.splitHelp')}</label></p>
      <textarea id="split-sentence-text" rows="3" cols="70" readonly></textarea>
      <button value="ok">${ctx.t('align.splitHere')}</button> <button value="cancel">${ctx.t('editor.cancel')}</button></form>
  </dialog>
  <dialog id="realign-dialog" data-testid="realign-dialog" aria-labelledby="realign-title" aria-describedby="realign-summary">
    <form method="dialog"><h2 id="realign-title">${ctx.t('alignCollab.previewTitle')}</h2><p id="realign-summary"></p>
      <ol class="realign-rows" tabindex="0" aria-label="${ctx.t('alignCollab.previewRows')}"></ol>
      <button value="ok">${ctx.t('alignCollab.apply')}</button> <button value="cancel">${ctx.t('editor.cancel')}</button></form>
  </dialog>
  <script src="/static/align.js" defer></script>`, { ownLiveRegion: true });
}
