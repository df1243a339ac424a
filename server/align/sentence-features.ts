// Turns both sides' sentences into weighted word-id lists in one shared English id space, ready for lexical matching.

import type { AlignResources, TaggedWord } from './align-resources.ts';
import { clauseEnds } from './clause-cut.ts';
import type { Lexicon } from './lexicon-index.ts';
import { contentStems, stem } from './english-words.ts';
import { chineseNumberTokens, englishNumberTokens } from './numbers.ts';
import { hanCharacters, placedStems, tokensPart, type PlacedTokens } from './character-table.ts';
import { CHINESE_QUOTES, chineseQuotes, englishQuotes, inQuote, holdsSpeech } from './quotes.ts';
import type { LearnedTranslations } from './translation-table.ts';

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
  /** Where each of `words` first occurs, from 0 (start) to 1 (end). */
  positions: Float32Array;
  /** Weight of each of `words` as evidence of where a match sits: 0 for words used more than once. */
  placed: Float64Array;
}

/** One English sentence: its distinct content ids, sorted, with IDF weights. */
export interface TargetSentence {
  ids: Int32Array;
  weights: Float64Array;
  mass: number;
  length: number;
  /** Where each of `ids` first occurs, from 0 (start) to 1 (end). */
  positions: Float32Array;
  /** Weight of each of `ids` as evidence of where a match sits: 0 for words used more than once. */
  placed: Float64Array;
}

export interface DocumentFeatures {
  src: SourceSentence[];
  tgt: TargetSentence[];
}

/**
 * What a whole document tells about each of its parts: how many sentences, how rare each word
 * is, how long English runs per Chinese character. Parts of a long document aligned apart
 * share these, and so score sentences as the whole document would.
 */
export interface DocumentStatistics {
  srcSentences: number;
  tgtSentences: number;
  /** Number of Chinese sentences that contain each word, linked to English or not. */
  srcFrequency: Map<string, number>;
  /** Number of English sentences that contain each id (ids absent from the document are 0). */
  tgtFrequency: Map<number, number>;
  /** Chinese words the dictionary links to some English: until words are learned, only these weigh. */
  srcLinked: ReadonlySet<string>;
  /** Target characters per source character (about 3.3 for English per Chinese). */
  lengthRatio: number;
}

const HAN = /\p{Script=Han}/u;
/**
 * Words jieba tags as auxiliaries (u: 的 了 着 地 得 过) and modal particles (y: 吗 呢 吧 啊) are
 * grammar an English sentence renders by word order or not at all, and CC-CEDICT's glosses for
 * them are other senses (的: "taxi", "real"; 了: "finish", "cannot forget") that match English
 * words in almost any bead. Left out, MAC-Dev F1 with the join look refitted five chapters at a
 * time rose from 0.911 to 0.920; leaving out prepositions and conjunctions too gave 0.915, and
 * adverbs 0.903 (不 is one).
 */
const UNTRANSLATED_TAGS = /^[uy]/;
// Spaces and most punctuation carry no evidence.
const WORD_LIKE = /[\p{L}\p{N}]/u;
// Marks that a translation keeps: a question stays a question.
const PUNCTUATION_TOKENS: Record<string, string> = { '？': '?', '?': '?', '！': '!', '!': '!', '…': '…', ...CHINESE_QUOTES };

const ELLIPSIS = /…|\.\s?\.\s?\./;

/** Both sides read once: each Chinese sentence's words with their dictionary links, each English sentence's ids. */
export interface SegmentedDocument {
  /** Per Chinese sentence: each distinct word → English ids the lexicon gives it (often none). */
  src: Map<string, ReadonlySet<number>>[];
  tgt: Set<number>[];
  /** Per sentence, the words it uses more than once: such a word has no one place in it. */
  srcRepeated: ReadonlySet<string>[];
  tgtRepeated: ReadonlySet<number>[];
  srcLength: number[];
  tgtLength: number[];
  /** Per sentence, whether a quotation is still open where it ends: a bead rarely ends inside one on one side only. */
  srcInQuote: boolean[];
  tgtInQuote: boolean[];
  /** Per sentence, whether it holds words inside a quotation. */
  srcSpeech: boolean[];
  tgtSpeech: boolean[];
  /** Per sentence, where its clauses end (see clauseEnds): the places a translator may carry a clause across a boundary from. */
  srcClauseEnds: number[][];
  tgtClauseEnds: number[][];
  /** Per sentence, its Han characters and English content stems, placed: what the document's character table learns from (see character-table.ts). */
  srcHan: PlacedTokens;
  tgtStems: PlacedTokens;
  /** Where these sentences start in the whole document: 0 unless this is a part of one. */
  srcFrom: number;
  tgtFrom: number;
}

export function segmentDocument(src: string[], tgt: string[], resources: AlignResources): SegmentedDocument {
  const ids = new IdSpace(resources.lexicon);
  const wordCache = new Map<string, Set<number>>();
  const chinese = src.map((s) => {
    const words = resources.segmentChinese(s);
    return { links: chineseLinks(words, resources, ids, wordCache), repeated: repeatedWords(words) };
  });
  const english = tgt.map((s) => englishIds(s, ids));
  return {
    src: chinese.map((c) => c.links),
    srcRepeated: chinese.map((c) => c.repeated),
    tgt: english.map((e) => e.ids),
    tgtRepeated: english.map((e) => e.repeated),
    srcLength: src.map(visibleLength),
    tgtLength: tgt.map(visibleLength),
    srcInQuote: inQuote(src.map(chineseQuotes)),
    tgtInQuote: inQuote(tgt.map(englishQuotes)),
    srcSpeech: holdsSpeech(src, 'zh'),
    tgtSpeech: holdsSpeech(tgt, 'en'),
    srcClauseEnds: src.map(clauseEnds),
    tgtClauseEnds: tgt.map(clauseEnds),
    srcHan: hanCharacters(src),
    tgtStems: placedStems(tgt),
    srcFrom: 0,
    tgtFrom: 0,
  };
}

export function documentStatistics(doc: SegmentedDocument): DocumentStatistics {
  const srcFrequency = new Map<string, number>();
  const srcLinked = new Set<string>();
  for (const words of doc.src) {
    for (const [word, targets] of words) {
      srcFrequency.set(word, (srcFrequency.get(word) ?? 0) + 1);
      if (targets.size > 0) srcLinked.add(word);
    }
  }
  const tgtFrequency = new Map<number, number>();
  for (const set of doc.tgt) for (const id of set) tgtFrequency.set(id, (tgtFrequency.get(id) ?? 0) + 1);
  const srcChars = doc.srcLength.reduce((n, x) => n + x, 0);
  const tgtChars = doc.tgtLength.reduce((n, x) => n + x, 0);
  return {
    srcSentences: doc.src.length,
    tgtSentences: doc.tgt.length,
    srcFrequency,
    tgtFrequency,
    srcLinked,
    lengthRatio: srcChars > 0 && tgtChars > 0 ? tgtChars / srcChars : 1,
  };
}

/**
 * Total weight of each side's words over the whole document, learned words included: the
 * measure of one bead's evidence. Each word's rarity times the sentences holding it, so that a
 * part of the document needs only the statistics to know it.
 */
export function documentMass(stats: DocumentStatistics, learned?: LearnedTranslations): { src: number; tgt: number } {
  let src = 0;
  for (const [word, n] of stats.srcFrequency) if (stats.srcLinked.has(word) || learned?.has(word)) src += n * idf(stats.srcSentences, n);
  let tgt = 0;
  for (const n of stats.tgtFrequency.values()) tgt += n * idf(stats.tgtSentences, n);
  return { src, tgt };
}

/** Sentences src[srcFrom, srcTo) and tgt[tgtFrom, tgtTo) of a document. */
export interface Span {
  srcFrom: number;
  srcTo: number;
  tgtFrom: number;
  tgtTo: number;
}

/** A span of a whole document, as a document of its own that knows where it sits. */
export function documentPart(doc: SegmentedDocument, span: Span): SegmentedDocument {
  const { srcFrom, srcTo, tgtFrom, tgtTo } = span;
  return {
    src: doc.src.slice(srcFrom, srcTo),
    tgt: doc.tgt.slice(tgtFrom, tgtTo),
    srcRepeated: doc.srcRepeated.slice(srcFrom, srcTo),
    tgtRepeated: doc.tgtRepeated.slice(tgtFrom, tgtTo),
    srcLength: doc.srcLength.slice(srcFrom, srcTo),
    tgtLength: doc.tgtLength.slice(tgtFrom, tgtTo),
    srcInQuote: doc.srcInQuote.slice(srcFrom, srcTo),
    tgtInQuote: doc.tgtInQuote.slice(tgtFrom, tgtTo),
    srcSpeech: doc.srcSpeech.slice(srcFrom, srcTo),
    tgtSpeech: doc.tgtSpeech.slice(tgtFrom, tgtTo),
    srcClauseEnds: doc.srcClauseEnds.slice(srcFrom, srcTo),
    tgtClauseEnds: doc.tgtClauseEnds.slice(tgtFrom, tgtTo),
    srcHan: tokensPart(doc.srcHan, srcFrom, srcTo),
    tgtStems: tokensPart(doc.tgtStems, tgtFrom, tgtTo),
    srcFrom: doc.srcFrom + srcFrom,
    tgtFrom: doc.tgtFrom + tgtFrom,
  };
}

/** Weighted features of a segmented document (or part of one): IDF weights, dictionary links sorted for matching. */
export function documentFeatures(doc: SegmentedDocument, stats: DocumentStatistics): DocumentFeatures {
  const srcIdf = sourceIdf(stats);
  const tgtIdf = (id: number) => idf(stats.tgtSentences, stats.tgtFrequency.get(id) ?? 1);
  return {
    src: doc.src.map((words, k) => sourceSentence(words, undefined, doc.srcRepeated[k]!, srcIdf, doc.srcLength[k]!)),
    tgt: doc.tgt.map((set, k) => targetSentence(set, doc.tgtRepeated[k]!, tgtIdf, doc.tgtLength[k]!)),
  };
}

/** The features of a part of a document, from the whole's: the same, since rarities are the whole's. */
export function featuresPart(features: DocumentFeatures, span: Span): DocumentFeatures {
  return { src: features.src.slice(span.srcFrom, span.srcTo), tgt: features.tgt.slice(span.tgtFrom, span.tgtTo) };
}

/**
 * The same features with the document's own translations (see translation-table.ts) added to
 * the dictionary's. Only sentences holding a learned word change, and no word's rarity does:
 * the counts already include words the dictionary cannot link.
 */
export function withLearnedLinks(features: DocumentFeatures, doc: SegmentedDocument, stats: DocumentStatistics, learned: LearnedTranslations): DocumentFeatures {
  const srcIdf = sourceIdf(stats);
  return {
    ...features,
    src: features.src.map((s, k) => {
      const words = doc.src[k]!;
      return touches(words, learned) ? sourceSentence(words, learned, doc.srcRepeated[k]!, srcIdf, s.length) : s;
    }),
  };
}

function touches(words: Map<string, unknown>, learned: LearnedTranslations): boolean {
  for (const w of words.keys()) if (learned.has(w)) return true;
  return false;
}

function sourceIdf(stats: DocumentStatistics): (word: string) => number {
  return (word) => idf(stats.srcSentences, stats.srcFrequency.get(word) ?? 1);
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
  private ids = new Map<string, number>();
  private extra = 0;
  constructor(private known: Pick<Lexicon, 'stemId' | 'stemCount'>) {}
  id(token: string): number {
    let id = this.ids.get(token);
    if (id === undefined) this.ids.set(token, (id = this.known.stemId(token) ?? this.known.stemCount + this.extra++));
    return id;
  }
}

const NONE: ReadonlySet<never> = new Set();

function repeatedWords(words: TaggedWord[]): ReadonlySet<string> {
  const seen = new Set<string>();
  let repeated: Set<string> | undefined;
  for (const { word } of words) {
    if (seen.has(word)) (repeated ??= new Set()).add(word);
    else seen.add(word);
  }
  return repeated ?? NONE;
}

function englishIds(sentence: string, ids: IdSpace): { ids: Set<number>; repeated: ReadonlySet<number> } {
  const out = new Set<number>();
  let repeated: Set<number> | undefined;
  const add = (id: number) => {
    if (out.has(id)) (repeated ??= new Set()).add(id);
    else out.add(id);
  };
  for (const s of contentStems(sentence)) add(ids.id(s));
  for (const n of englishNumberTokens(sentence)) add(ids.id(n));
  for (const c of sentence) if (c === '?' || c === '!') add(ids.id(c));
  if (ELLIPSIS.test(sentence)) add(ids.id('…'));
  for (const q of englishQuotes(sentence)) add(ids.id(q));
  return { ids: out, repeated: repeated ?? NONE };
}

/** Chinese word → English ids it may translate to, for the distinct words of one sentence. */
function chineseLinks(words: TaggedWord[], resources: AlignResources, ids: IdSpace, cache: Map<string, Set<number>>): Map<string, ReadonlySet<number>> {
  const links = new Map<string, ReadonlySet<number>>();
  for (const { word, tag } of words) {
    if (!WORD_LIKE.test(word) && !Object.hasOwn(PUNCTUATION_TOKENS, word)) continue;
    if (UNTRANSLATED_TAGS.test(tag)) continue;
    const key = `${word}\t${tag.startsWith('nr')}`;
    let targets = cache.get(key);
    if (!targets) cache.set(key, (targets = wordTargets(word, tag, resources, ids)));
    const known = links.get(word);
    // Sets from the cache are shared between sentences; a word tagged two ways gets its own union.
    links.set(word, known && known !== targets ? new Set([...known, ...targets]) : targets);
  }
  return links;
}

function wordTargets(word: string, tag: string, resources: AlignResources, ids: IdSpace): Set<number> {
  const targets = new Set<number>();
  if (Object.hasOwn(PUNCTUATION_TOKENS, word)) targets.add(ids.id(PUNCTUATION_TOKENS[word]!));
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

/**
 * The words of a sentence that link to something, the dictionary's links and any learned ones,
 * packed as id * 1024 + word in one typed array: its numeric sort orders by id, then word,
 * without a set or an array per word (long documents hold tens of millions of links).
 */
function sourceSentence(links: Map<string, ReadonlySet<number>>, learned: LearnedTranslations | undefined, repeated: ReadonlySet<string>, idfOf: (w: string) => number, length: number): SourceSentence {
  const words: string[] = [];
  let count = 0;
  for (const [word, targets] of links) {
    const extra = learned?.get(word)?.length ?? 0;
    if (targets.size + extra === 0) continue;
    words.push(word);
    if (words.length <= 1024) count += targets.size + extra;
  }
  const linked = Math.min(1024, words.length);
  const linkTarget = new Int32Array(count);
  const linkWord = new Int32Array(count);
  // Packed in 32 bits while the ids allow (a document has some tens of thousands): sorting
  // integers is several times cheaper than sorting doubles, in the same order.
  const packed = new Uint32Array(count);
  let n = 0;
  let fits = true;
  const pack = (id: number, k: number) => {
    if (id >= PACKED_ID_LIMIT) fits = false;
    packed[n++] = id * 1024 + k;
  };
  for (let k = 0; k < linked; k++) {
    for (const id of links.get(words[k]!)!) pack(id, k);
    for (const id of learned?.get(words[k]!) ?? []) pack(id, k);
  }
  if (fits) {
    packed.sort();
    for (let k = 0; k < count; k++) {
      linkTarget[k] = packed[k]! >>> 10;
      linkWord[k] = packed[k]! & 1023;
    }
  } else {
    const sorted = new Float64Array(count);
    n = 0;
    for (let k = 0; k < linked; k++) {
      for (const id of links.get(words[k]!)!) sorted[n++] = id * 1024 + k;
      for (const id of learned?.get(words[k]!) ?? []) sorted[n++] = id * 1024 + k;
    }
    sorted.sort();
    for (let k = 0; k < count; k++) {
      linkTarget[k] = Math.floor(sorted[k]! / 1024);
      linkWord[k] = sorted[k]! % 1024;
    }
  }
  const weights = new Float64Array(words.length);
  const placed = new Float64Array(words.length);
  const positions = new Float32Array(words.length);
  let mass = 0;
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    weights[k] = idfOf(w);
    placed[k] = repeated.has(w) ? 0 : weights[k]!;
    positions[k] = (k + 0.5) / words.length;
    mass += weights[k]!;
  }
  return { words, weights, linkTarget, linkWord, mass, length, positions, placed };
}

// Ids below this pack with a word index under 1024 into 32 bits (see sourceSentence).
const PACKED_ID_LIMIT = 2 ** 22;

function targetSentence(set: Set<number>, repeated: ReadonlySet<number>, idfOf: (id: number) => number, length: number): TargetSentence {
  // The set holds the ids in the order the sentence first uses them: that order gives each its place.
  const ids = new Int32Array(set.size);
  const order = new Map<number, number>();
  for (const id of set) {
    ids[order.size] = id;
    order.set(id, (order.size + 0.5) / set.size);
  }
  ids.sort();
  const weights = new Float64Array(ids.length);
  const placed = new Float64Array(ids.length);
  const positions = new Float32Array(ids.length);
  let mass = 0;
  for (let k = 0; k < ids.length; k++) {
    weights[k] = idfOf(ids[k]!);
    placed[k] = repeated.has(ids[k]!) ? 0 : weights[k]!;
    positions[k] = order.get(ids[k]!)!;
    mass += weights[k]!;
  }
  return { ids, weights, mass, length, positions, placed };
}
