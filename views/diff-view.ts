// A word diff as markup: insertions and deletions marked, equal text as it is, line breaks kept and a changed one shown.

import { html, type SafeHtml } from './html.ts';
import type { DiffPart } from '../server/domain/text-diff.ts';

// A line break added or removed is white space, which nothing would show: a mark stands for it.
const BREAK_MARK = html`<span class="break-mark">↵</span>`;

/** The text with each line break marked; an inserted break also breaks the line, a deleted one stands in the new text no more. */
function marked(text: string, breaks: boolean): (SafeHtml | string)[] {
  return text.split(/\r?\n/).flatMap((line, i) => (i === 0 ? [line] : [BREAK_MARK, breaks ? '\n' : '', line]));
}

const insertion = (text: string) => html`<ins>${marked(text, true)}</ins>`;
const deletion = (text: string, breaks: boolean) => html`<del>${marked(text, breaks)}</del>`;

/** The `.diff` element keeps the texts' own line breaks (white-space: pre-line); its markup has no white space of its own. */
export function diffView(parts: DiffPart[]): SafeHtml {
  return html`<span class="diff">${parts.map((p) => (p.op === 'equal' ? p.text : p.op === 'insert' ? insertion(p.text) : deletion(p.text, false)))}</span>`;
}

/**
 * One side of the diff, as a before/after pair of columns shows it: the old text with its deletions marked, or the new
 * one with its insertions; line breaks kept as in `diffView`, a deleted one breaking the line of the old text it stood in.
 */
export function diffSideView(parts: DiffPart[], side: 'before' | 'after'): SafeHtml {
  return html`<span class="diff">${parts.map((p) => (p.op === 'equal' ? p.text
    : side === 'before' ? (p.op === 'delete' ? deletion(p.text, true) : '')
    : p.op === 'insert' ? insertion(p.text) : ''))}</span>`;
}
