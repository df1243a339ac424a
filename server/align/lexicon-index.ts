// The dictionary index as bytes: written once at install, opened in milliseconds, searched without building maps.

import type { ParsedLexicon } from './cedict-lexicon.ts';

export interface Lexicon {
  /** Ids of English stems that translate a Chinese headword, or undefined. */
  lookup(headword: string): Int32Array | undefined;
  /** The id of an English stem the dictionary knows; a document's other words get ids from `stemCount` up. */
  stemId(stem: string): number | undefined;
  stemCount: number;
  /** Longest headword, for greedy splitting of words the dictionary lacks. */
  maxHeadwordLength: number;
}

const MAGIC = 0x584c5144; // "DQLX"
const VERSION = 1;

/**
 * Layout, little-endian: magic, version, maxHeadwordLength, stem count, headword count, byte
 * lengths of the two texts, link count; the stems and the headwords, each sorted and joined by
 * newlines (UTF-8, padded to 4 bytes); then per headword the start of its links, and the links.
 */
export function packLexicon(parsed: ParsedLexicon): Uint8Array {
  const encoder = new TextEncoder();
  const stemText = encoder.encode(parsed.stems.join('\n'));
  const headwords = [...parsed.headwords.keys()].sort(compare);
  const headwordText = encoder.encode(headwords.join('\n'));
  const starts = new Int32Array(headwords.length + 1);
  headwords.forEach((h, k) => (starts[k + 1] = starts[k]! + parsed.headwords.get(h)!.length));
  const links = new Int32Array(starts[headwords.length]!);
  headwords.forEach((h, k) => links.set(parsed.headwords.get(h)!, starts[k]!));
  const header = Int32Array.of(MAGIC, VERSION, parsed.maxHeadwordLength, parsed.stems.length, headwords.length, stemText.length, headwordText.length, links.length);
  const parts = [new Uint8Array(header.buffer), stemText, headwordText, new Uint8Array(starts.buffer), new Uint8Array(links.buffer)];
  const out = new Uint8Array(parts.reduce((n, p) => n + padded(p.length), 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += padded(p.length);
  }
  return out;
}

/** Opens packed bytes; the word lists are split on the first lookup, so a caller that never looks pays nothing. */
export function lexiconFromIndex(bytes: Uint8Array): Lexicon {
  // Copied, so the ints are aligned whatever the buffer's offset (a Buffer's slice would not copy).
  const ints = (from: number, count: number) => new Int32Array(new Uint8Array(bytes.subarray(from, from + 4 * count)).buffer);
  const [magic, version, maxHeadwordLength, stemCount, headwordCount, stemBytes, headwordBytes, linkCount] = ints(0, 8);
  if (magic !== MAGIC || version !== VERSION) throw new Error('not a duiqi lexicon index of this version');
  const stemsAt = 32;
  const headwordsAt = stemsAt + padded(stemBytes!);
  const startsAt = headwordsAt + padded(headwordBytes!);
  const linksAt = startsAt + padded(4 * (headwordCount! + 1));
  const starts = ints(startsAt, headwordCount! + 1);
  const links = ints(linksAt, linkCount!);
  const decoder = new TextDecoder();
  let stems: string[] | undefined;
  let headwords: string[] | undefined;
  return {
    lookup(headword) {
      headwords ??= decoder.decode(bytes.subarray(headwordsAt, headwordsAt + headwordBytes!)).split('\n');
      const k = search(headwords, headword);
      return k < 0 ? undefined : links.subarray(starts[k]!, starts[k + 1]!);
    },
    stemId(stem) {
      stems ??= decoder.decode(bytes.subarray(stemsAt, stemsAt + stemBytes!)).split('\n');
      const k = search(stems, stem);
      return k < 0 ? undefined : k;
    },
    stemCount: stemCount!,
    maxHeadwordLength: maxHeadwordLength!,
  };
}

// Code-unit order, the order binary search compares in.
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function search(sorted: string[], key: string): number {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = sorted[mid]!;
    if (v === key) return mid;
    if (v < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function padded(n: number): number {
  return (n + 3) & ~3;
}
