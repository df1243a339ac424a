// The neutral in-memory model that every file format adapter reads and writes, and the adapter contract.

import { State, type StateValue } from '../domain/types.ts';

/** One aligned bead with its translation, as exported: what TMX calls a `tu` and XLIFF a `unit`. */
export interface BilingualPair {
  id: string;
  /** Position in the document, 0-based; exports may skip rows (noise), so it is kept, not implied. */
  index: number;
  /** Joined source text (Chinese sentences join without spaces). */
  src: string;
  tgt: string;
  /** The sentences the aligner saw; a 2-1 bead has two source sentences, a 0-1 bead none. */
  srcSegments: string[];
  /** The English sentences; one that a line break stands before (a subtitle cue's next line) starts with a line feed (`markLineBreaks`). */
  tgtSegments: string[];
  state: StateValue;
  /** Aligner confidence in [0, 1]. */
  score: number | null;
  /** Edit distance between the machine translation and the post-edited target. */
  editDistance: number | null;
  version: number;
  lastEditor: string | null;
  /** ISO 8601 (`Date.toISOString()`); TMX keeps whole seconds only, as its date format does. */
  changedAt: string | null;
  comments: string[];
  /** 'gloss' when the pair's draft is the offline word-by-word gloss: a rough draft, not machine translation. */
  draft?: 'gloss';
  /**
   * What a file this pair was imported from claimed (its state and editor), kept as provenance and written
   * back out; absent for a pair made here. `state` and `lastEditor` are then the workbench's own.
   */
  importedAs?: ImportedClaim;
}

export interface ImportedClaim {
  state: StateValue;
  editor: string | null;
}

/** Everything about a document but its pairs: what a streaming export writes before the first pair. */
export interface BilingualHeader {
  title: string;
  srcLang: 'zh-CN';
  tgtLang: 'en';
  /** ISO 8601; null when an imported file carries no date. */
  created: string | null;
  changed: string | null;
}

export interface BilingualDocument extends BilingualHeader {
  pairs: BilingualPair[];
  /** Units of the file left out for want of a Chinese or an English side (a TMX in several languages); none when absent. */
  skipped?: number;
}

export interface SerializeOptions {
  /** Written into the file as the export time; the only part of the output that is not the document. */
  exportedAt?: Date;
  toolVersion?: string;
}

export interface FormatAdapter {
  readonly name: 'tmx' | 'xliff' | 'xliff12' | 'json';
  readonly extension: string;
  readonly mediaType: string;
  parse(text: string): BilingualDocument;
  serialize(doc: BilingualDocument, opts?: SerializeOptions): string;
  /** Yields the file piece by piece, pulling one pair at a time, so 100,000 pairs stream in flat memory. */
  serializeChunks(header: BilingualHeader, pairs: Iterable<BilingualPair>, opts?: SerializeOptions): Generator<string>;
}

export const DEFAULT_TOOL_VERSION = '0.1.0';
export const SRC_LANG = 'zh-CN';
export const TGT_LANG = 'en';

/**
 * The largest index, version or count a file may give: far beyond any real document, and small enough that
 * a version can still count up by one for every later edit without leaving the integers.
 */
export const MAX_WHOLE = 2_147_483_647;

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

/** An ISO 8601 date-time (RFC 3339) naming a real moment: 2026-02-30 or 25:00 is not one. */
export function isRealDateTime(text: string): boolean {
  const m = DATE_TIME.exec(text);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const daysInMonth = new Date(Date.UTC(2000, month, 0)).getUTCDate() - (month === 2 && !isLeap(year) ? 1 : 0);
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59 &&
    (m[9] === undefined || (Number(m[9]) <= 23 && Number(m[10]) <= 59));
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export type StateName = keyof typeof State;

const stateNames = new Map<number, StateName>(
  (Object.entries(State) as [StateName, StateValue][]).map(([name, value]) => [value, name]),
);

export function stateName(state: StateValue): StateName {
  const name = stateNames.get(state);
  if (!name) throw new RangeError(`Unknown state ${state}.`);
  return name;
}

export function stateFromName(name: string): StateValue | undefined {
  return Object.hasOwn(State, name) ? State[name as StateName] : undefined;
}

export function isStateValue(value: unknown): value is StateValue {
  return typeof value === 'number' && stateNames.has(value);
}

/**
 * BCP 47 tags for Chinese (zh, zh-CN, zh-Hans-CN …) and English (en, en-GB …), case-insensitive. An underscore
 * reads as a hyphen: some CAT tools write locale names (`zh_CN`, `en_US`) where TMX and XLIFF ask for tags.
 */
export function isChinese(lang: string): boolean {
  return /^zh([-_]|$)/i.test(lang);
}
export function isEnglish(lang: string): boolean {
  return /^en([-_]|$)/i.test(lang);
}

/**
 * The sentence list a pair has when it was never split: its whole text, or nothing for an empty side.
 * Files write the list only when it differs from this, which is the common one-to-one bead.
 */
export function defaultSegments(text: string): string[] {
  return text === '' ? [] : [text];
}

export function hasDefaultSegments(text: string, segments: string[]): boolean {
  const d = defaultSegments(text);
  return d.length === segments.length && d.every((s, i) => s === segments[i]);
}

export function headerOf(doc: BilingualDocument): BilingualHeader {
  return { title: doc.title, srcLang: doc.srcLang, tgtLang: doc.tgtLang, created: doc.created, changed: doc.changed };
}

export function joinChunks(chunks: Iterable<string>): string {
  let out = '';
  for (const chunk of chunks) out += chunk;
  return out;
}

/** An English sentence as stored: its text, and whether a line break, not a space, stands before it (a subtitle cue's next line). */
export interface LinedSentence {
  text: string;
  lineBefore?: boolean;
}

/**
 * The English sentences as the files list them: a line break before a sentence is a line feed at its start, a literal LF
 * as the target text holds one between the cue's lines, so every format carries it as text without markup of its own.
 */
export function markLineBreaks(sentences: readonly LinedSentence[]): string[] {
  return sentences.map((s) => (s.lineBefore ? `\n${s.text}` : s.text));
}

/** The sentences of a file's list, each line feed at a start read back as the line break before that sentence. */
export function readLineBreaks(list: readonly string[]): LinedSentence[] {
  return list.map((s) => (s.startsWith('\n') ? { text: s.slice(1), lineBefore: true } : { text: s }));
}
