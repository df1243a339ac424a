// A document's own character translations: IBM model 1 over its aligned beads, Chinese characters against English content words, placed in the span of two beads for the join look.

import type { Bead } from '../domain/types.ts';
import type { SpanScores } from './span-scorer.ts';

/**
 * The tokens of a document's sentences on one side, flat: sentence k holds tokens[start[k] to
 * start[k + 1]), each with where it starts in its sentence, from 0 to 1 by visible characters (as
 * the scorer places words). Flat typed arrays: Bible 006 holds 823,000 Han characters, which as
 * strings in arrays per sentence took the aligner past its 1 GiB.
 */
export interface PlacedTokens {
  tokens: Int32Array;
  places: Float64Array;
  start: Int32Array;
}

/** The links of a span without its boundary and cuts (see SpanMatches). */
export interface PlacedLinks {
  src: Float64Array;
  tgt: Float64Array;
  weight: Float64Array;
}

// Function words English has and Chinese mostly leaves unsaid: they would link to every character.
const STOP = new Set(('the a an and or but of to in on at by for with from as is was were be been are it its he she they them his her '
  + 'their him i you we me my your our this that these those there then than so not no do did does had has have would could will '
  + 'shall should can may might what which who whom when where how all any some into out up down over about just very too also only').split(' '));
// EM rounds: IBM model 1 settles in a handful.
const ROUNDS = 5;
// A character links to an English word from this probability: t(word | character) sums to 1, so
// each character has at most ten links (on MAC-Dev 0.05-0.2 gave the join look the same beads but one).
const MIN_PROBABILITY = 0.1;
// At most this many beads teach the table, spread evenly over a long document: its cost stays bounded
// (Bible 006's 23,000 beads would take 12 million character-word meetings a round, and tables of
// 3,000 beads took its two threads to 1,017 MiB of their 1,024; 2,000 to 972 MiB, 1,000 to 951 MiB but
// F1 0.871 rather than 0.872), and a few thousand beads teach a document's common characters as
// well as all of them do. A MAC-Dev chapter has 200-350.
const MAX_BEADS = 2000;

// The Han script of the Basic Multilingual Plane (\p{Script=Han} there), as code ranges: a regular expression per character cost 1.5 s over Bible 006.
const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3005 || c === 0x3007 || (c >= 0x3021 && c <= 0x3029) || (c >= 0x2e80 && c <= 0x2fd5);
const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x3000 || c === 0x2028 || c === 0x2029 || c === 0xfeff || (c >= 0x2000 && c <= 0x200a);
const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);

/** Chinese sentences' Han characters (by code): no dictionary and no segmenter, so nothing is lost to either. */
export function hanCharacters(sentences: readonly string[]): PlacedTokens {
  return flat(sentences, (sentence, push) => {
    const visible = visibleLength(sentence);
    let seen = 0;
    for (let i = 0; i < sentence.length; i++) {
      const c = sentence.charCodeAt(i);
      if (isSpace(c)) continue;
      if (isHan(c)) push(c, seen / visible);
      seen++;
    }
  });
}

/**
 * English sentences' content words, lower-cased, -s, -es, -ed and -ing cut (protests, protested:
 * protest), numbered in `ids` (one numbering for the whole document, so that parts agree).
 */
export function placedStems(sentences: readonly string[], ids = new Map<string, number>()): PlacedTokens {
  return flat(sentences, (sentence, push) => {
    const visible = visibleLength(sentence);
    let seen = 0;
    for (let i = 0; i < sentence.length;) {
      const c = sentence.charCodeAt(i);
      if (!isLetter(c)) {
        if (!isSpace(c)) seen++;
        i++;
        continue;
      }
      let j = i;
      while (j < sentence.length && isLetter(sentence.charCodeAt(j))) j++;
      const word = sentence.slice(i, j).toLowerCase();
      const stem = word.replace(/(?:ing|ed|es|s)$/, '');
      if (!STOP.has(word) && stem.length > 2) push(ids.get(stem) ?? (ids.set(stem, ids.size), ids.size - 1), seen / visible);
      seen += j - i;
      i = j;
    }
  });
}

function visibleLength(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (!isSpace(s.charCodeAt(i))) n++;
  return Math.max(1, n);
}

function flat(sentences: readonly string[], each: (sentence: string, push: (token: number, place: number) => void) => void): PlacedTokens {
  const tokens: number[] = [];
  const places: number[] = [];
  const start = new Int32Array(sentences.length + 1);
  sentences.forEach((sentence, k) => {
    each(sentence, (token, place) => {
      tokens.push(token);
      places.push(place);
    });
    start[k + 1] = tokens.length;
  });
  return { tokens: Int32Array.from(tokens), places: Float64Array.from(places), start };
}

/** Sentences [from, to) of a side's tokens, as tokens of their own. */
export function tokensPart(t: PlacedTokens, from: number, to: number): PlacedTokens {
  const a = t.start[from]!, b = t.start[to]!;
  return { tokens: t.tokens.slice(a, b), places: t.places.slice(a, b), start: t.start.slice(from, to + 1).map((v) => v - a) };
}

/** Per Chinese character, the English stems it translates with their probability t(stem | character): those at or above MIN_PROBABILITY. */
export type CharacterTable = ReadonlyMap<number, { stems: Int32Array; probs: Float64Array }>;

/**
 * The character table of IBM model 1 (with an empty character that absorbs untranslated
 * English), learned from the beads of a path.
 */
export function learnCharacterTable(path: readonly Bead[], src: PlacedTokens, tgt: PlacedTokens): CharacterTable {
  const matched = path.filter((b) => b.src.length > 0 && b.tgt.length > 0).map((b) => ({ s0: b.src[0]!, s1: b.src.at(-1)! + 1, t0: b.tgt[0]!, t1: b.tgt.at(-1)! + 1 }));
  const step = Math.max(1, matched.length / MAX_BEADS);
  // Characters and stems renumbered densely, character 0 the empty one.
  const srcId = new Map<number, number>([[-1, 0]]);
  const tgtId = new Map<number, number>();
  const dense = (ids: Map<number, number>, t: number) => ids.get(t) ?? (ids.set(t, ids.size), ids.size - 1);
  const beads: { f: number[]; e: number[] }[] = [];
  for (let k = 0; k < matched.length; k += step) {
    const b = matched[Math.floor(k)]!;
    const f = [0];
    for (let i = src.start[b.s0]!; i < src.start[b.s1]!; i++) f.push(dense(srcId, src.tokens[i]!));
    const e: number[] = [];
    for (let i = tgt.start[b.t0]!; i < tgt.start[b.t1]!; i++) e.push(dense(tgtId, tgt.tokens[i]!));
    beads.push({ f, e });
  }
  // Every meeting of a character and a stem in a bead, as the pair it counts for; rows of one English token end at rowEnd.
  const E = tgtId.size;
  const pairOf = new Map<number, number>();
  const pairs: number[] = [];
  const meet = new Int32Array(beads.reduce((n, b) => n + b.f.length * b.e.length, 0));
  const rowEnd: number[] = [];
  let m = 0;
  for (const { f, e } of beads) {
    for (const w of e) {
      for (const c of f) {
        const key = c * E + w;
        let p = pairOf.get(key);
        if (p === undefined) pairOf.set(key, (p = pairs.length)), pairs.push(key);
        meet[m++] = p;
      }
      rowEnd.push(m);
    }
  }
  const ownerOf = Int32Array.from(pairs, (key) => Math.floor(key / E));
  let prob = new Float64Array(pairs.length).fill(1);
  for (let round = 0; round < ROUNDS; round++) {
    const count = new Float64Array(pairs.length);
    let from = 0;
    for (const to of rowEnd) {
      let z = 0;
      for (let m = from; m < to; m++) z += prob[meet[m]!]!;
      for (let m = from; m < to; m++) count[meet[m]!]! += prob[meet[m]!]! / z;
      from = to;
    }
    const total = new Float64Array(srcId.size);
    for (let p = 0; p < pairs.length; p++) total[ownerOf[p]!]! += count[p]!;
    prob = count.map((v, p) => v / total[ownerOf[p]!]!);
  }
  const srcToken = [...srcId.keys()];
  const tgtToken = [...tgtId.keys()];
  const links = new Map<number, [number, number][]>();
  for (let p = 0; p < pairs.length; p++) {
    if (ownerOf[p] === 0 || prob[p]! < MIN_PROBABILITY) continue;
    const c = srcToken[ownerOf[p]!]!;
    const list = links.get(c) ?? [];
    list.push([tgtToken[pairs[p]! % E]!, prob[p]!]);
    links.set(c, list);
  }
  return new Map([...links].map(([c, list]) => [c, { stems: Int32Array.from(list, (l) => l[0]), probs: Float64Array.from(list, (l) => l[1]) }]));
}

/**
 * The table's links between the sentences src[s0, s1) and tgt[t0, t1) taken as one span, placed
 * in it by characters as the scorer places word matches (`srcLength`, `tgtLength`: visible
 * characters per sentence), each weighed by its probability.
 */
export function placedCharacterLinks(
  table: CharacterTable, src: PlacedTokens, tgt: PlacedTokens, srcLength: ArrayLike<number>, tgtLength: ArrayLike<number>,
  s0: number, s1: number, t0: number, t1: number,
): PlacedLinks {
  const english = new Map<number, number[]>();
  forPlaced(tgt, tgtLength, t0, t1, (t, place) => {
    const list = english.get(t);
    if (list) list.push(place);
    else english.set(t, [place]);
  });
  const out = { src: [] as number[], tgt: [] as number[], weight: [] as number[] };
  forPlaced(src, srcLength, s0, s1, (c, place) => {
    const links = table.get(c);
    if (!links) return;
    for (let k = 0; k < links.stems.length; k++) {
      for (const there of english.get(links.stems[k]!) ?? []) {
        out.src.push(place);
        out.tgt.push(there);
        out.weight.push(links.probs[k]!);
      }
    }
  });
  return { src: Float64Array.from(out.src), tgt: Float64Array.from(out.tgt), weight: Float64Array.from(out.weight) };
}

function forPlaced(t: PlacedTokens, length: ArrayLike<number>, from: number, to: number, visit: (token: number, place: number) => void): void {
  let total = 0;
  for (let k = from; k < to; k++) total += length[k]!;
  if (total === 0) return;
  let before = 0;
  for (let k = from; k < to; k++) {
    for (let i = t.start[k]!; i < t.start[k + 1]!; i++) visit(t.tokens[i]!, (before + t.places[i]! * length[k]!) / total);
    before += length[k]!;
  }
}

/** What a document needs for its character table: per sentence its placed tokens and visible length. */
export interface CharacterText {
  srcHan: PlacedTokens;
  tgtStems: PlacedTokens;
  srcLength: ArrayLike<number>;
  tgtLength: ArrayLike<number>;
}

/**
 * The scores with the links of the document's character table: the join look weighs a cut of two
 * beads' span over them too. A translator's recast clause shows in characters the dictionary does
 * not gloss the way the translator put them ("百分之一的精度" ↔ "one percent precision").
 */
export function withCharacterLinks(spans: SpanScores, text: CharacterText, table: CharacterTable): SpanScores {
  // Placed again each time they are asked for (the look asks for most boundaries twice: joining, then each bead's
  // odds for its confidence), not kept: kept for every boundary of Bible 006 they took its peak from 924 to 981 MiB
  // of the 1 GiB allowed, for 0.3-1.7 s of its 14 s (npx tsx test/bench/align-bible.ts 006, alternated, load 1.3).
  return {
    ...spans,
    characterLinks: (s0, s1, t0, t1) => placedCharacterLinks(table, text.srcHan, text.tgtStems, text.srcLength, text.tgtLength, s0, s1, t0, t1),
  };
}
