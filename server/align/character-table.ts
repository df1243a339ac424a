// A document's own character translations: IBM model 1 over its aligned beads, Chinese characters against English content words, placed in the span of two beads for the join look.

import type { SpanBead } from './banded-search.ts';
import type { SpanScores } from './span-scorer.ts';

/** A sentence's tokens and where each starts in it, from 0 to 1 by visible characters (as the scorer places words). */
export interface PlacedTokens {
  tokens: string[];
  places: number[];
}

/** The word matches of a span without their boundary and cuts (see SpanMatches). */
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
// (Bible 006's 23,000 beads would take 12 million character-word meetings a round), and a few
// thousand beads teach a document's common characters as well as all of them do.
const MAX_BEADS = 3000;

/** A Chinese sentence's Han characters: no dictionary and no segmenter, so nothing is lost to either. */
export function hanCharacters(sentence: string): PlacedTokens {
  return placed(sentence, /\p{Script=Han}/gu, (m) => m);
}

/** An English sentence's content words, lower-cased, -s, -es, -ed and -ing cut (protests, protested: protest). */
export function placedStems(sentence: string): PlacedTokens {
  return placed(sentence, /[A-Za-z]+/g, (m) => {
    const word = m.toLowerCase();
    if (STOP.has(word)) return undefined;
    const stem = word.replace(/(?:ing|ed|es|s)$/, '');
    return stem.length > 2 ? stem : undefined;
  });
}

function placed(sentence: string, token: RegExp, keep: (match: string) => string | undefined): PlacedTokens {
  const visible = sentence.replace(/\s+/g, '').length;
  const out: PlacedTokens = { tokens: [], places: [] };
  let seen = 0;
  let from = 0;
  for (const m of sentence.matchAll(token)) {
    seen += sentence.slice(from, m.index).replace(/\s+/g, '').length;
    from = m.index;
    const t = keep(m[0]);
    if (t === undefined) continue;
    out.tokens.push(t);
    out.places.push(visible > 0 ? seen / visible : 0);
  }
  return out;
}

/**
 * Per Chinese character, the English stems it translates in this document with their
 * probability t(stem | character) of IBM model 1 (with an empty character that absorbs untranslated
 * English), learned from the beads of a path: those at or above MIN_PROBABILITY.
 */
export function learnCharacterTable(path: readonly SpanBead[], src: readonly PlacedTokens[], tgt: readonly PlacedTokens[]): Map<string, Map<string, number>> {
  const matched = path.filter((b) => b.s1 > b.s0 && b.t1 > b.t0);
  const step = Math.max(1, matched.length / MAX_BEADS);
  const beads: { f: number[]; e: number[] }[] = [];
  const srcId = new Map<string, number>([['', 0]]);
  const tgtId = new Map<string, number>();
  const id = (ids: Map<string, number>, t: string) => ids.get(t) ?? (ids.set(t, ids.size), ids.size - 1);
  for (let k = 0; k < matched.length; k += step) {
    const b = matched[Math.floor(k)]!;
    const f = [0];
    for (let z = b.s0; z < b.s1; z++) for (const t of src[z]!.tokens) f.push(id(srcId, t));
    const e: number[] = [];
    for (let w = b.t0; w < b.t1; w++) for (const t of tgt[w]!.tokens) e.push(id(tgtId, t));
    beads.push({ f, e });
  }
  // Each pair (character, stem) that meets in a bead gets one slot; prob starts uniform.
  const E = tgtId.size;
  const pairOf = new Map<number, number>();
  const pairs: number[] = [];
  const meetings = beads.map(({ f, e }) => e.map((w) => f.map((c) => {
    const key = c * E + w;
    let p = pairOf.get(key);
    if (p === undefined) pairOf.set(key, (p = pairs.length)), pairs.push(key);
    return p;
  })));
  let prob = new Float64Array(pairs.length).fill(1);
  for (let round = 0; round < ROUNDS; round++) {
    const count = new Float64Array(pairs.length);
    for (const bead of meetings) {
      for (const row of bead) {
        let z = 0;
        for (const p of row) z += prob[p]!;
        for (const p of row) count[p]! += prob[p]! / z;
      }
    }
    const total = new Float64Array(srcId.size);
    for (let p = 0; p < pairs.length; p++) total[Math.floor(pairs[p]! / E)]! += count[p]!;
    prob = count.map((v, p) => v / total[Math.floor(pairs[p]! / E)]!);
  }
  const srcName = [...srcId.keys()];
  const tgtName = [...tgtId.keys()];
  const table = new Map<string, Map<string, number>>();
  for (let p = 0; p < pairs.length; p++) {
    const c = Math.floor(pairs[p]! / E);
    if (c === 0 || prob[p]! < MIN_PROBABILITY) continue;
    const links = table.get(srcName[c]!) ?? new Map<string, number>();
    links.set(tgtName[pairs[p]! % E]!, prob[p]!);
    table.set(srcName[c]!, links);
  }
  return table;
}

/**
 * The table's links between the sentences src[s0, s1) and tgt[t0, t1) taken as one span, placed
 * in it by characters as the scorer places word matches (`srcLength`, `tgtLength`: visible
 * characters per sentence), each weighed by its probability.
 */
export function placedCharacterLinks(
  table: ReadonlyMap<string, ReadonlyMap<string, number>>,
  src: readonly PlacedTokens[], tgt: readonly PlacedTokens[], srcLength: ArrayLike<number>, tgtLength: ArrayLike<number>,
  s0: number, s1: number, t0: number, t1: number,
): PlacedLinks {
  const english = new Map<string, number[]>();
  forPlaced(tgt, tgtLength, t0, t1, (t, at) => {
    const list = english.get(t);
    if (list) list.push(at);
    else english.set(t, [at]);
  });
  const out = { src: [] as number[], tgt: [] as number[], weight: [] as number[] };
  forPlaced(src, srcLength, s0, s1, (c, at) => {
    const links = table.get(c);
    if (!links) return;
    for (const [stem, p] of links) {
      for (const place of english.get(stem) ?? []) {
        out.src.push(at);
        out.tgt.push(place);
        out.weight.push(p);
      }
    }
  });
  return { src: Float64Array.from(out.src), tgt: Float64Array.from(out.tgt), weight: Float64Array.from(out.weight) };
}

function forPlaced(sentences: readonly PlacedTokens[], length: ArrayLike<number>, from: number, to: number, visit: (token: string, at: number) => void): void {
  let total = 0;
  for (let k = from; k < to; k++) total += length[k]!;
  if (total === 0) return;
  let before = 0;
  for (let k = from; k < to; k++) {
    const { tokens, places } = sentences[k]!;
    for (let i = 0; i < tokens.length; i++) visit(tokens[i]!, (before + places[i]! * length[k]!) / total);
    before += length[k]!;
  }
}

/** What a document needs for its character table: per sentence its placed tokens and visible length. */
export interface CharacterText {
  srcHan: readonly PlacedTokens[];
  tgtStems: readonly PlacedTokens[];
  srcLength: ArrayLike<number>;
  tgtLength: ArrayLike<number>;
}

/**
 * The scores with the character links of the table that the path's beads teach: the join look
 * weighs a cut of two beads' span over them too. A translator's recast clause shows in characters
 * the dictionary does not gloss the way the translator put them ("百分之一的精度" ↔ "one percent precision").
 */
export function withCharacterLinks(spans: SpanScores, text: CharacterText, path: readonly SpanBead[]): SpanScores {
  const table = learnCharacterTable(path, text.srcHan, text.tgtStems);
  return {
    ...spans,
    characterLinks: (s0, s1, t0, t1) => placedCharacterLinks(table, text.srcHan, text.tgtStems, text.srcLength, text.tgtLength, s0, s1, t0, t1),
  };
}
