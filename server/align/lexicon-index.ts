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
// 2: word lists sorted by UTF-8 bytes, each with a table of where its words start.
const VERSION = 2;

/**
 * Layout, little-endian: magic, version, maxHeadwordLength, stem count, headword count, byte
 * lengths of the two texts, link count; the stems and the headwords, each sorted by their UTF-8
 * bytes and concatenated (padded to 4 bytes); where each stem and each headword starts; then per
 * headword the start of its links, and the links.
 */
export function packLexicon(parsed: ParsedLexicon): Uint8Array {
  // A stem's id is its place in parsed.stems: they keep their order, which must be the bytes' order.
  const stems = packedWords(parsed.stems, false);
  const headwords = packedWords([...parsed.headwords.keys()], true);
  const starts = new Int32Array(headwords.words.length + 1);
  headwords.words.forEach((h, k) => (starts[k + 1] = starts[k]! + parsed.headwords.get(h)!.length));
  const links = new Int32Array(starts[headwords.words.length]!);
  headwords.words.forEach((h, k) => links.set(parsed.headwords.get(h)!, starts[k]!));
  const header = Int32Array.of(MAGIC, VERSION, parsed.maxHeadwordLength, stems.words.length, headwords.words.length, stems.text.length, headwords.text.length, links.length);
  const parts = [header, stems.text, headwords.text, stems.offsets, headwords.offsets, starts, links].map((p) => new Uint8Array(p.buffer, p.byteOffset, p.byteLength));
  const out = new Uint8Array(parts.reduce((n, p) => n + padded(p.length), 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += padded(p.length);
  }
  return out;
}

/**
 * Opens packed bytes. Lookups search the UTF-8 bytes themselves: nothing is decoded or split,
 * so a short command pays for the few words it looks up, not for the whole dictionary.
 */
export function lexiconFromIndex(bytes: Uint8Array): Lexicon {
  // Read in place when aligned, as a whole file read is; copied otherwise (a pooled Buffer's slice).
  const ints = (from: number, count: number) => (bytes.byteOffset + from) % 4 === 0
    ? new Int32Array(bytes.buffer, bytes.byteOffset + from, count)
    : new Int32Array(new Uint8Array(bytes.subarray(from, from + 4 * count)).buffer);
  const [magic, version, maxHeadwordLength, stemCount, headwordCount, stemBytes, headwordBytes, linkCount] = ints(0, 8);
  if (magic !== MAGIC || version !== VERSION) throw new Error('not a duiqi lexicon index of this version');
  const stemsAt = 32;
  const headwordsAt = stemsAt + padded(stemBytes!);
  const stemOffsetsAt = headwordsAt + padded(headwordBytes!);
  const headwordOffsetsAt = stemOffsetsAt + padded(4 * (stemCount! + 1));
  const startsAt = headwordOffsetsAt + padded(4 * (headwordCount! + 1));
  const linksAt = startsAt + padded(4 * (headwordCount! + 1));
  const stems = { text: bytes.subarray(stemsAt, stemsAt + stemBytes!), offsets: ints(stemOffsetsAt, stemCount! + 1) };
  const headwords = { text: bytes.subarray(headwordsAt, headwordsAt + headwordBytes!), offsets: ints(headwordOffsetsAt, headwordCount! + 1) };
  const starts = ints(startsAt, headwordCount! + 1);
  const links = ints(linksAt, linkCount!);
  const encoder = new TextEncoder();
  return {
    lookup(headword) {
      const k = search(headwords, encoder.encode(headword));
      return k < 0 ? undefined : links.subarray(starts[k]!, starts[k + 1]!);
    },
    stemId(stem) {
      const k = search(stems, encoder.encode(stem));
      return k < 0 ? undefined : k;
    },
    stemCount: stemCount!,
    maxHeadwordLength: maxHeadwordLength!,
  };
}

interface PackedWords {
  text: Uint8Array;
  /** Word k is text[offsets[k], offsets[k + 1]). */
  offsets: Int32Array;
}

function packedWords(list: string[], sort: boolean): PackedWords & { words: string[] } {
  const encoder = new TextEncoder();
  const encoded = list.map((w) => ({ w, bytes: encoder.encode(w) }));
  const order = (a: { bytes: Uint8Array }, b: { bytes: Uint8Array }) => compareBytes(a.bytes, b.bytes, 0, b.bytes.length);
  if (sort) encoded.sort(order);
  else if (encoded.some((e, k) => k > 0 && order(encoded[k - 1]!, e) >= 0)) throw new Error('stems are not in byte order');
  const offsets = new Int32Array(encoded.length + 1);
  encoded.forEach((e, k) => (offsets[k + 1] = offsets[k]! + e.bytes.length));
  const text = new Uint8Array(offsets[encoded.length]!);
  encoded.forEach((e, k) => text.set(e.bytes, offsets[k]!));
  return { words: encoded.map((e) => e.w), text, offsets };
}

// Byte order of a against other[from, to): UTF-8 bytes sort as code points do.
function compareBytes(a: Uint8Array, other: Uint8Array, from: number, to: number): number {
  const n = Math.min(a.length, to - from);
  for (let i = 0; i < n; i++) {
    const d = a[i]! - other[from + i]!;
    if (d !== 0) return d;
  }
  return a.length - (to - from);
}

function search(packed: PackedWords, key: Uint8Array): number {
  let lo = 0;
  let hi = packed.offsets.length - 2;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const c = compareBytes(key, packed.text, packed.offsets[mid]!, packed.offsets[mid + 1]!);
    if (c === 0) return mid;
    if (c > 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function padded(n: number): number {
  return (n + 3) & ~3;
}
