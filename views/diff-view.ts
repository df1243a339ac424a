// A word diff as markup: insertions and deletions marked, equal text as it is.

import { html, type SafeHtml } from './html.ts';
import type { DiffPart } from '../server/domain/text-diff.ts';

export function diffView(parts: DiffPart[]): SafeHtml {
  return html`<span class="diff">${parts.map((p) =>
    p.op === 'equal' ? p.text : p.op === 'insert' ? html`<ins>${p.text}</ins>` : html`<del>${p.text}</del>`)}</span>`;
}
