// Turns both sides' sentences into weighted word-id lists in one shared English id space, ready for lexical matching.

import type { AlignResources, TaggedWord } from './align-resources.ts';
import { contentStems, stem } from './english-words.ts';
import { chineseNumberTokens, englishNumberTokens } from './numbers.ts';

/** One Chinese sentence: its distinct words and the English ids each may translate to. */
export interface SourceSentence {
  /** Distinct Chinese words that can be linked (have at least one English id). */
  words: string[];
  /** IDF weight of each of `words`. */
  weights: Float64Array;
  /** Links sorted by English id: linkTarget[k] translates words[linkWord[k]]. */
  linkTarget: Int32Array;
  linkWord: Int32Array;
  /** Sum of `weights`. */
  mass: number;
  /** Non-space characters. */
  length: number;
}

/** One English sentence: its distinct content ids, sorted, with IDF weights. */
export interface TargetSentence {
  ids: Int32Array;
  weights: Float64Array;
  mass: number;
  length: number;
}

export interface DocumentFeatures {
  src: SourceSentence[];
  tgt: TargetSentence[];
  /** Number of English sentences that contain each id (ids absent from the document are 0). */
  tgtFrequency: Map<number, number>;
  srcFrequency: Map<string, number>;
}

const HAN = /\p{Script=Han}/u;
// Marks that a translation keeps: a question stays a question.
const PUNCTUATION_TOKENS: Record<string, string> = { '？': '?', '?': '?', '！': '!', '!': '!' };

export function documentFeatures(src: string[], tgt: string[], resources: AlignResources): DocumentFeatures {
  const ids = new IdSpace(resources.lexicon.vocabulary);
  const wordCache = new Map<string, Set<number>>();
  const srcLinks = src.map((s) => chineseLinks(resources.segmentChinese(s), resources, ids, wordCache));
  const tgtIds = tgt.map((s) => englishIds(s, ids));

  const srcFrequency = new Map<string, number>();
  for (const links of srcLinks) for (const word of links.keys()) srcFrequency.set(word, (srcFrequency.get(word) ?? 0) + 1);
  const tgtFrequency = new Map<number, number>();
  for (const set of tgtIds) for (const id of set) tgtFrequency.set(id, (tgtFrequency.get(id) ?? 0) + 1);

  const srcIdf = (w: string) => idf(src.length, srcFrequency.get(w) ?? 1);
  const tgtIdf = (id: number) => idf(tgt.length, tgtFrequency.get(id) ?? 1);
  return {
    src: srcLinks.map((links, k) => sourceSentence(links, srcIdf, visibleLength(src[k]!))),
    tgt: tgtIds.map((set, k) => targetSentence(set, tgtIdf, visibleLength(tgt[k]!))),
    tgtFrequency,
    srcFrequency,
  };
}

// Rare words weigh more; +1 keeps words found in every sentence above zero.
function idf(sentences: number, frequency: number): number {
  return Math.log(1 + sentences / frequency);
}

function visibleLength(s: string): number {
  return s.replace(/\s+/g, '').length;
}

// The lexicon's stems keep their ids; a document's other words get ids after them.
class IdSpace {
  private extra = new Map<string, number>();
  constructor(private known: ReadonlyMap<string, number>) {}
  id(token: string): number {
    const id = this.known.get(token) ?? this.extra.get(token);
    if (id !== undefined) return id;
    const fresh = this.known.size + this.extra.size;
    this.extra.set(token, fresh);
    return fresh;
  }
}

function englishIds(sentence: string, ids: IdSpace): Set<number> {
  const out = new Set<number>();
  for (const s of contentStems(sentence)) out.add(ids.id(s));
  for (const n of englishNumberTokens(sentence)) out.add(ids.id(n));
  for (const c of sentence) if (c in PUNCTUATION_TOKENS) out.add(ids.id(PUNCTUATION_TOKENS[c]!));
  return out;
}

/** Chinese word → English ids it may translate to, for the words of one sentence. */
function chineseLinks(words: TaggedWord[], resources: AlignResources, ids: IdSpace, cache: Map<string, Set<number>>): Map<string, Set<number>> {
  const links = new Map<string, Set<number>>();
  for (const { word, tag } of words) {
    const key = `${word}\t${tag.startsWith('nr')}`;
    let targets = cache.get(key);
    if (!targets) cache.set(key, (targets = wordTargets(word, tag, resources, ids)));
    if (targets.size === 0) continue;
    const known = links.get(word);
    if (known) for (const id of targets) known.add(id);
    else links.set(word, new Set(targets));
  }
  return links;
}

function wordTargets(word: string, tag: string, resources: AlignResources, ids: IdSpace): Set<number> {
  const targets = new Set<number>();
  if (word in PUNCTUATION_TOKENS) targets.add(ids.id(PUNCTUATION_TOKENS[word]!));
  for (const n of chineseNumberTokens(word)) targets.add(ids.id(n));
  if (HAN.test(word)) {
    const entry = resources.lexicon.lookup(word);
    if (entry) for (const id of entry) targets.add(id);
    else for (const id of lookupPieces(word, resources)) targets.add(id);
    if (!entry || tag.startsWith('nr')) for (const s of nameSpellings(resources.romanize(word))) targets.add(ids.id(s));
  } else {
    for (const s of contentStems(word)) targets.add(ids.id(s));
  }
  return targets;
}

// A word the dictionary lacks is read as its longest dictionary pieces, left to right.
function lookupPieces(word: string, resources: AlignResources): number[] {
  const { lexicon } = resources;
  const out: number[] = [];
  let i = 0;
  while (i < word.length) {
    let n = Math.min(lexicon.maxHeadwordLength, word.length - i);
    while (n > 1 && !lexicon.lookup(word.slice(i, i + n))) n--;
    const entry = lexicon.lookup(word.slice(i, i + n));
    if (entry) out.push(...entry);
    i += n;
  }
  return out;
}

// 金灿荣 is written "Jin Canrong" in English: family name, then the given name as one word.
function nameSpellings(syllables: string[]): string[] {
  if (syllables.length < 2 || syllables.length > 4 || !syllables.every((s) => /^[a-zü]+$/.test(s))) return [];
  const plain = syllables.map((s) => s.replace('ü', 'u'));
  return [plain[0]!, plain.slice(1).join(''), plain.join('')].map(stem);
}

function sourceSentence(links: Map<string, Set<number>>, idfOf: (w: string) => number, length: number): SourceSentence {
  const words = [...links.keys()];
  const weights = Float64Array.from(words, idfOf);
  // Packed as id * 1024 + word so a numeric typed-array sort orders by id, then word.
  const packed: number[] = [];
  words.slice(0, 1024).forEach((w, k) => {
    for (const id of links.get(w)!) packed.push(id * 1024 + k);
  });
  const sorted = Float64Array.from(packed).sort();
  return {
    words,
    weights,
    linkTarget: Int32Array.from(sorted, (p) => Math.floor(p / 1024)),
    linkWord: Int32Array.from(sorted, (p) => p % 1024),
    mass: weights.reduce((s, x) => s + x, 0),
    length,
  };
}

function targetSentence(set: Set<number>, idfOf: (id: number) => number, length: number): TargetSentence {
  const ids = Int32Array.from(set).sort();
  const weights = Float64Array.from(ids, idfOf);
  return { ids, weights, mass: weights.reduce((s, x) => s + x, 0), length };
}
