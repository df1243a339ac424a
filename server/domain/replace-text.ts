// Search and replace over a document's texts: the query checked and compiled once, then each row's matches and
// the text they make, as a save would store it.

import { ValidationError } from './errors.ts';
import { regexReason } from '../formats/parser-reasons.ts';
import { MAX_TEXT, savedText } from './review-workflow.ts';
import type { DiffPart } from './text-diff.ts';
import { State } from './types.ts';
import { replaceInSource } from './source-replace.ts';
import { charCount, longerThan } from './text-length.ts';

export type ReplaceSide = 'zh' | 'en';

export interface ReplaceQuery {
  find: string;
  replace: string;
  regex: boolean;
  matchCase: boolean;
  /** Which side is searched and replaced: the English, or the Chinese sentences (never re-split, so the rows stay aligned). */
  side: ReplaceSide;
  /** Approved rows are left alone unless the user asks for them. */
  includeApproved: boolean;
}

export interface ReplaceRow {
  id: number;
  index: number;
  version: number;
  state: number;
  src: string;
  tgt: string;
  /** The Chinese sentences `src` joins, for a replacement on the Chinese side. */
  segments?: readonly string[];
}

/** A row's new text, computed from the text it had at `version` (the state it had then too). */
export interface RowEdit {
  id: number;
  index: number;
  version: number;
  state: number;
  oldText: string;
  newText: string;
  /** On the Chinese side: the row's sentences before and after (`oldText`/`newText` are them joined). */
  segments?: { old: readonly string[]; new: readonly string[] };
}

/** One row the replacement changes, the changed spans marked. */
export interface RowChange extends RowEdit {
  /** Equal text, and each match as a delete (what it was) then an insert (what it becomes). */
  parts: DiffPart[];
  matches: number;
}

export interface ReplacePlan {
  changes: RowChange[];
  /** Approved rows that match but are left as they are. */
  approvedLeft: number;
  /** Rows whose result a save would refuse (empty, too long), with the sentence's key. */
  refused: { index: number; key: string; params?: Record<string, unknown> }[];
}

export const MAX_FIND = 500;
export const MAX_REPLACEMENT = 1000;
/** Rows one replacement may change: a preview lists every change, so it must stay readable and its apply bounded. */
export const MAX_CHANGED_ROWS = 1000;

const flag = (v: unknown) => v === true || v === '1' || v === 'on' || v === 'true';

/** The query from a form or a JSON body; a missing or overlong field is refused with a sentence. */
export function parseReplaceQuery(body: Record<string, unknown>): ReplaceQuery {
  const find = typeof body.find === 'string' ? body.find.normalize('NFC') : '';
  const replace = typeof body.replace === 'string' ? body.replace.normalize('NFC') : '';
  if (!find) throw new ValidationError('Type what to search for.', 'replace.emptyFind');
  if (longerThan(find, MAX_FIND)) throw new ValidationError(`The search may have at most ${MAX_FIND} characters.`, 'replace.findTooLong', { max: MAX_FIND });
  if (longerThan(replace, MAX_REPLACEMENT)) {
    throw new ValidationError(`The replacement may have at most ${MAX_REPLACEMENT} characters.`, 'replace.replacementTooLong', { max: MAX_REPLACEMENT });
  }
  const side = body.side === undefined || body.side === 'en' ? 'en' : body.side === 'zh' ? 'zh' : undefined;
  if (!side) throw new ValidationError('"side" must be "zh" or "en".', 'replace.badSide');
  return { find, replace, regex: flag(body.regex), matchCase: flag(body.matchCase), side, includeApproved: flag(body.includeApproved) };
}

/** The search as a global Unicode expression (a non-BMP character is one character); a bad pattern is refused. */
export function compileFind(q: ReplaceQuery): RegExp {
  const source = q.regex ? q.find : q.find.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  try {
    return new RegExp(source, q.matchCase ? 'gu' : 'giu');
  } catch (err) {
    const detail = (err as Error).message.replace(/^Invalid regular expression: /, '');
    throw new ValidationError(`This regular expression is not valid: ${detail}`, 'replace.badRegex', { detail, reason: regexReason((err as Error).message) });
  }
}

// $$, $&, $`, $', $1…$99 and $<name>, as String.prototype.replace reads a replacement.
function expand(template: string, m: RegExpExecArray, text: string): string {
  return template.replace(/\$(\$|&|`|'|\d{1,2}|<([^>]*)>)/g, (all, token: string, name: string | undefined) => {
    if (token === '$') return '$';
    if (token === '&') return m[0];
    if (token === '`') return text.slice(0, m.index);
    if (token === "'") return text.slice(m.index + m[0].length);
    if (name !== undefined) return m.groups ? m.groups[name] ?? '' : all;
    const two = Number(token);
    if (token.length === 2 && two >= 1 && two < m.length) return m[two] ?? '';
    const one = Number(token[0]);
    return one >= 1 && one < m.length ? (m[one] ?? '') + token.slice(1) : all;
  });
}

/**
 * The text with every match replaced and the parts that show it; null when nothing matches. A result growing past
 * the longest translation stops there, marked `overflow`, so a replacement cannot build a huge string.
 */
export function replaceInText(text: string, re: RegExp, q: Pick<ReplaceQuery, 'replace' | 'regex'>): { text: string; parts: DiffPart[]; matches: number; overflow?: true } | null {
  const parts: DiffPart[] = [];
  let out = '';
  // Characters of `out`, counted piece by piece as a translation's length is: 𠮷 is one.
  let chars = 0;
  let last = 0;
  let matches = 0;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const end = m.index + m[0].length;
    // An empty match moves on by one character, a whole surrogate pair when it is one.
    if (end === m.index) re.lastIndex = end + ((text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1);
    const by = q.regex ? expand(q.replace, m, text) : q.replace;
    if (m.index > last) parts.push({ op: 'equal', text: text.slice(last, m.index) });
    if (m[0]) parts.push({ op: 'delete', text: m[0] });
    if (by) parts.push({ op: 'insert', text: by });
    const piece = text.slice(last, m.index) + by;
    out += piece;
    chars += charCount(piece);
    last = end;
    matches++;
    if (chars > MAX_TEXT) return { text: out, parts, matches, overflow: true };
    if (re.lastIndex > text.length) break;
  }
  if (!matches) return null;
  if (last < text.length) parts.push({ op: 'equal', text: text.slice(last) });
  return { text: out + text.slice(last), parts, matches };
}

/**
 * What a replacement does to a document's rows, in their order. On the English side only translated text is replaced
 * (an untranslated row has none); on the Chinese side each sentence of every row, whatever its state.
 */
export function planReplace(rows: readonly ReplaceRow[], q: ReplaceQuery): ReplacePlan {
  const re = compileFind(q);
  const plan: ReplacePlan = { changes: [], approvedLeft: 0, refused: [] };
  for (const row of rows) {
    if (q.side === 'zh') {
      planSource(plan, row, re, q);
      continue;
    }
    const text = row.tgt;
    if (row.state === State.untranslated) continue;
    const hit = replaceInText(text, re, q);
    if (!hit) continue;
    if (row.state === State.approved && !q.includeApproved) {
      plan.approvedLeft++;
      continue;
    }
    if (hit.overflow) {
      plan.refused.push({ index: row.index, key: 'errors.textTooLong', params: { max: MAX_TEXT } });
      continue;
    }
    let newText: string;
    try {
      newText = savedText(hit.text);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      plan.refused.push({ index: row.index, key: err.key as string, params: err.params });
      continue;
    }
    if (newText === row.tgt) continue;
    addChange(plan, { id: row.id, index: row.index, version: row.version, state: row.state, oldText: text, newText, parts: hit.parts, matches: hit.matches });
  }
  return plan;
}

function addChange(plan: ReplacePlan, change: RowChange): void {
  if (plan.changes.length === MAX_CHANGED_ROWS) {
    throw new ValidationError(`The search matches more than ${MAX_CHANGED_ROWS} rows: narrow it down.`, 'replace.tooMany', { max: MAX_CHANGED_ROWS });
  }
  plan.changes.push(change);
}

// A row's Chinese, sentence by sentence; a row whose result a sentence may not take is refused as a whole.
function planSource(plan: ReplacePlan, row: ReplaceRow, re: RegExp, q: ReplaceQuery): void {
  const segments = row.segments ?? [row.src];
  const hit = replaceInSource(segments, (text) => replaceInText(text, re, q));
  if (!hit) return;
  if (row.state === State.approved && !q.includeApproved) {
    plan.approvedLeft++;
    return;
  }
  if ('refused' in hit) {
    plan.refused.push({ index: row.index, key: hit.refused, params: hit.params });
    return;
  }
  if (hit.segments.every((s, i) => s === segments[i])) return;
  addChange(plan, { id: row.id, index: row.index, version: row.version, state: row.state, oldText: row.src, newText: hit.text,
    parts: hit.parts, matches: hit.matches, segments: { old: segments, new: hit.segments } });
}
