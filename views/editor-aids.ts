// The pair editor's memory matches (with what differs in their source) and the row's glossary terms, each insertable.

import { html, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import type { EditorAids } from '../server/domain/editor-aids.ts';
import { diffView } from './diff-view.ts';
import { markedT } from './marked-text.ts';
import { matchPercent } from '../server/domain/fuzzy-match.ts';

export function suggestionNote(ctx: ViewContext): SafeHtml {
  return html`<p class="tm-suggestion" data-testid="tm-suggestion">${ctx.t('matches.suggestion')}</p>`;
}

/**
 * An insert button shows only its digit, the key's; its name says what it puts in, so a list of buttons is not "1", "2":
 * the words of a hidden label, then the English shown beside it, which keeps its own language. `pairId` keeps the ids apart.
 */
export function aidPanes(ctx: ViewContext, aids: EditorAids, pairId: number): SafeHtml {
  const id = (kind: string, n: number) => `${kind}-${pairId}-${n}`;
  return html`${aids.matches.length ? html`<div class="pane tm" data-testid="tm-matches"><h3>${ctx.t('editor.tm')} <span class="hint">${ctx.t('matches.keys')}</span></h3><ol>${
    aids.matches.map((m, i) => html`<li data-match="${i + 1}" data-tgt="${m.tgt}" hx-ignore>
      <button type="button" class="insert" data-insert-match="${i + 1}" aria-keyshortcuts="Control+${i + 1}" aria-labelledby="${id('insert-match', i + 1)} ${id('match-text', i + 1)}">${i + 1}</button>
      <span hidden id="${id('insert-match', i + 1)}">${ctx.t('matches.insertMatch', { n: i + 1 })}</span>
      <span class="sim${m.exact ? ' exact' : ''}"${m.approximate ? html` title="${ctx.t('bounded.similarityApproximate')}"` : ''}>${m.approximate ? '≥' : ''}${matchPercent(m.similarity)}%</span>
      <span lang="zh-CN" class="tm-src">${m.exact ? m.src : diffView(m.diff)}</span> → <span lang="en" class="tm-tgt" id="${id('match-text', i + 1)}">${m.tgt}</span>
      <span class="origin">${markedT(ctx, m.fromFile ? 'provenance.fromFile' : 'provenance.fromDocument', { origin: m.origin }, { origin: 'name' })}</span></li>`)}</ol></div>` : ''}${
  aids.terms.length ? html`<div class="pane terms" data-testid="glossary-terms"><h3>${ctx.t('matches.terms')} <span class="hint">${ctx.t('matches.termKeys')}</span></h3><ul>${
    aids.terms.map((t, i) => html`<li hx-ignore><button type="button" class="insert" data-insert-term="${i + 1}" data-text="${t.en}" aria-keyshortcuts="Control+Shift+${i + 1}" aria-labelledby="${id('insert-term', i + 1)} ${id('term-text', i + 1)}">${i + 1}</button>
      <span hidden id="${id('insert-term', i + 1)}">${ctx.t('matches.insertTerm', { n: i + 1 })}</span>
      <span lang="zh-CN">${t.zh}</span> → <span lang="en" id="${id('term-text', i + 1)}">${t.en}</span>${t.note ? html` <span class="muted" translate="no">${t.note}</span>` : ''}</li>`)}</ul></div>` : ''}`;
}
