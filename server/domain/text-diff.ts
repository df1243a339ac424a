// Word-level diff between two versions of a sentence (machine draft → post-edit) for display.

import { diffArrays } from 'diff';
import { tokenizeWithSpaces } from './tokenize-words.ts';
import type { Lang } from './types.ts';

export interface DiffPart {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

export interface TextDiff {
  parts: DiffPart[];
  /**
   * The texts differ too much for their length to be diffed word by word within the budget: the
   * parts then keep the common start and end and show everything between as one replacement.
   */
  approximate: boolean;
}

/** Token steps the diff may take (edit length × tokens): long and very different texts fall back to one replacement. */
const DIFF_BUDGET = 2_000_000;

/**
 * Diffs word tokens with the spaces between them kept as tokens, so the equal and delete
 * parts join to `before` exactly and the equal and insert parts join to `after` exactly.
 * A replacement comes out as one delete then one insert; a lone space between two changes
 * joins them, as a reader sees "And" → "The two peoples" as one edit, not three.
 */
export function diffTexts(before: string, after: string, lang: Lang): TextDiff {
  const a = tokenizeWithSpaces(before, lang);
  const b = tokenizeWithSpaces(after, lang);
  // Myers' diff takes about (n + m) × edits steps: the edits allowed shrink as the texts grow.
  const maxEditLength = Math.max(2, Math.floor(DIFF_BUDGET / (a.length + b.length + 1)));
  const exact = diffArrays(a, b, { maxEditLength });
  const changes = exact ?? coarseChanges(a, b);
  const parts: DiffPart[] = [];
  let del = '';
  let ins = '';
  const equal = (text: string) => {
    const last = parts[parts.length - 1];
    if (last?.op === 'equal') last.text += text;
    else if (text) parts.push({ op: 'equal', text });
  };
  const flush = () => {
    // Whitespace both sides share at the ends of a replacement is not part of the edit.
    const lead = commonWhitespace(del, ins, 'start');
    const trail = commonWhitespace(del.slice(lead.length), ins.slice(lead.length), 'end');
    equal(lead);
    const d = del.slice(lead.length, del.length - trail.length);
    const i = ins.slice(lead.length, ins.length - trail.length);
    if (d) parts.push({ op: 'delete', text: d });
    if (i) parts.push({ op: 'insert', text: i });
    equal(trail);
    del = ins = '';
  };
  changes.forEach((change, k) => {
    const text = change.value.join('');
    if (change.removed) del += text;
    else if (change.added) ins += text;
    else if ((del || ins) && /^\s+$/u.test(text) && changes[k + 1]) {
      del += text;
      ins += text;
    } else {
      flush();
      equal(text);
    }
  });
  flush();
  return { parts, approximate: exact === undefined };
}

/** The common start, one removal and one addition, the common end: a true diff, found in linear time. */
function coarseChanges(a: string[], b: string[]): { value: string[]; added?: boolean; removed?: boolean }[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && end < b.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return [
    { value: a.slice(0, start) },
    { value: a.slice(start, a.length - end), removed: true },
    { value: b.slice(start, b.length - end), added: true },
    { value: a.slice(a.length - end) },
  ].filter((c) => c.value.length > 0);
}

function commonWhitespace(a: string, b: string, end: 'start' | 'end'): string {
  const re = end === 'start' ? /^\s+/u : /\s+$/u;
  const wa = a.match(re)?.[0] ?? '';
  const wb = b.match(re)?.[0] ?? '';
  if (!wa || !wb) return '';
  if (end === 'start') {
    let n = 0;
    while (n < wa.length && n < wb.length && wa[n] === wb[n]) n++;
    return wa.slice(0, n);
  }
  let n = 0;
  while (n < wa.length && n < wb.length && wa[wa.length - 1 - n] === wb[wb.length - 1 - n]) n++;
  return wa.slice(wa.length - n);
}
