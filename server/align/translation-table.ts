// A document's own word translations, learned from the beads of a first alignment pass with IBM model 1.

/** One bead of a first pass: per Chinese sentence, its words with their dictionary links; per English sentence, its ids. */
export interface TrainingBead {
  src: ReadonlyMap<string, ReadonlySet<number>>[];
  tgt: Iterable<number>[];
}

/** Chinese word → English ids it translates in this document, beyond the dictionary's. */
export type LearnedTranslations = ReadonlyMap<string, readonly number[]>;

// EM rounds: IBM model 1 settles in a handful.
const ROUNDS = 5;
// Dictionary translations start this many times likelier than other pairs, so that words the
// dictionary already explains do not hand their English to the words around them.
const DICTIONARY_PRIOR = 8;
// A learned link needs this many beads of evidence and this probability. Literary translators
// render a word several ways, each taking less than a third of its probability: at 0.2 the
// document's own renderings count (MAC-Dev 0.883 -> 0.890, Bible 006 unchanged at 0.871).
const MIN_BEADS = 2;
const MIN_PROBABILITY = 0.2;
const NULL_WORD = 0;

/**
 * Chinese word → English ids it translates in this document but not in the dictionary, by
 * t(english | chinese) of IBM model 1 (with an empty word that absorbs untranslated English).
 * This is hunalign's second pass: it adapts the evidence to the document's own vocabulary.
 */
export function learnTranslations(beads: TrainingBead[]): Map<string, number[]> {
  const corpus = denseCorpus(beads);
  const pairs = pairIndex(corpus);
  const { pairWord, pairTgt, at, slot, beadsWith } = pairs;
  const isDictionary = (p: number) => pairWord[p] !== NULL_WORD
    && (corpus.dictionary.get(corpus.wordName[pairWord[p]!]!)?.has(corpus.tgtName[pairTgt[p]!]!) ?? false);
  // Pairs are numbered word by word (see pairIndex): each word's dictionary entry is looked up once.
  const prob = new Float64Array(pairWord.length);
  let entry: ReadonlySet<number> | undefined;
  for (let p = 0; p < prob.length; p++) {
    if (p === 0 || pairWord[p] !== pairWord[p - 1]) entry = pairWord[p] === NULL_WORD ? undefined : corpus.dictionary.get(corpus.wordName[pairWord[p]!]!);
    prob[p] = entry?.has(corpus.tgtName[pairTgt[p]!]!) ? DICTIONARY_PRIOR : 1;
  }
  const count = new Float64Array(prob.length);
  const total = new Float64Array(corpus.wordName.length);
  const denominator = new Float64Array(corpus.tgt.length);
  for (let round = 0; round < ROUNDS; round++) {
    denominator.fill(0);
    for (let m = 0; m < at.length; m++) denominator[slot[m]!]! += prob[at[m]!]!;
    count.fill(0);
    for (let m = 0; m < at.length; m++) count[at[m]!]! += prob[at[m]!]! / denominator[slot[m]!]!;
    total.fill(0);
    for (let p = 0; p < count.length; p++) total[pairWord[p]!]! += count[p]!;
    for (let p = 0; p < count.length; p++) prob[p] = count[p]! / total[pairWord[p]!]!;
  }
  const learned = new Map<string, number[]>();
  for (let p = 0; p < prob.length; p++) {
    if (pairWord[p] === NULL_WORD || beadsWith[p]! < MIN_BEADS || prob[p]! < MIN_PROBABILITY || isDictionary(p)) continue;
    const word = corpus.wordName[pairWord[p]!]!;
    const e = corpus.tgtName[pairTgt[p]!]!;
    const list = learned.get(word);
    if (list) list.push(e);
    else learned.set(word, [e]);
  }
  return learned;
}

/** The beads with both sides' words renumbered densely; every bead's words start with the empty word. */
function denseCorpus(beads: TrainingBead[]) {
  const wordId = new Map<string, number>();
  const wordName = [''];
  const tgtId = new Map<number, number>();
  const tgtName: number[] = [];
  const dictionary = new Map<string, ReadonlySet<number>>();
  const src: number[] = [];
  const srcStart = [0];
  const tgt: number[] = [];
  const tgtStart = [0];
  // Marks the words already taken for the current bead, so each counts once per bead.
  const seenWord: number[] = [];
  const seenTgt: number[] = [];
  beads.forEach((b, k) => {
    src.push(NULL_WORD);
    for (const sentence of b.src) {
      for (const [w, links] of sentence) {
        let id = wordId.get(w);
        if (id === undefined) {
          wordId.set(w, (id = wordName.length));
          wordName.push(w);
          dictionary.set(w, links);
        }
        if (seenWord[id] === k) continue;
        seenWord[id] = k;
        src.push(id);
      }
    }
    srcStart.push(src.length);
    for (const sentence of b.tgt) {
      for (const e of sentence) {
        let id = tgtId.get(e);
        if (id === undefined) {
          tgtId.set(e, (id = tgtName.length));
          tgtName.push(e);
        }
        if (seenTgt[id] === k) continue;
        seenTgt[id] = k;
        tgt.push(id);
      }
    }
    tgtStart.push(tgt.length);
  });
  return {
    wordName, tgtName, dictionary,
    src: Int32Array.from(src), srcStart: Int32Array.from(srcStart),
    tgt: Int32Array.from(tgt), tgtStart: Int32Array.from(tgtStart),
  };
}

/**
 * Every (word, English) pair that meets in some bead, numbered word by word, with the number
 * of beads it meets in. Meeting m, in the same word-by-word order, is pair at[m] and counts
 * towards the English word in tgt slot slot[m]. Linear in the meetings: no sorting.
 */
function pairIndex(corpus: ReturnType<typeof denseCorpus>) {
  const { src, srcStart, tgt, tgtStart, wordName, tgtName } = corpus;
  const beadCount = srcStart.length - 1;
  // Beads of each word, grouped by a counting sort.
  const postingStart = new Int32Array(wordName.length + 1);
  for (let k = 0; k < src.length; k++) postingStart[src[k]! + 1]!++;
  for (let w = 0; w < wordName.length; w++) postingStart[w + 1]! += postingStart[w]!;
  const postings = new Int32Array(src.length);
  const fill = postingStart.slice(0, wordName.length);
  let meetings = 0;
  for (let b = 0; b < beadCount; b++) {
    for (let k = srcStart[b]!; k < srcStart[b + 1]!; k++) postings[fill[src[k]!]!++] = b;
    meetings += (srcStart[b + 1]! - srcStart[b]!) * (tgtStart[b + 1]! - tgtStart[b]!);
  }
  // Pairs are numbered in order of first meeting, word by word; `owner` marks which word last claimed an English id.
  const owner = new Int32Array(tgtName.length).fill(-1);
  const forEachMeeting = (visit: (w: number, e: number, s: number) => void) => {
    owner.fill(-1);
    for (let w = 0; w < wordName.length; w++) {
      for (let k = postingStart[w]!; k < postingStart[w + 1]!; k++) {
        const b = postings[k]!;
        for (let s = tgtStart[b]!; s < tgtStart[b + 1]!; s++) visit(w, tgt[s]!, s);
      }
    }
  };
  let pairs = 0;
  forEachMeeting((w, e) => {
    if (owner[e] !== w) [owner[e], pairs] = [w, pairs + 1];
  });
  const at = new Int32Array(meetings);
  const slot = new Int32Array(meetings);
  const pairWord = new Int32Array(pairs);
  const pairTgt = new Int32Array(pairs);
  const beadsWith = new Int32Array(pairs);
  const pairOfTgt = new Int32Array(tgtName.length);
  let p = 0;
  let m = 0;
  forEachMeeting((w, e, s) => {
    if (owner[e] !== w) {
      owner[e] = w;
      pairOfTgt[e] = p;
      pairWord[p] = w;
      pairTgt[p++] = e;
    }
    beadsWith[pairOfTgt[e]!]!++;
    at[m] = pairOfTgt[e]!;
    slot[m++] = s;
  });
  return { pairWord, pairTgt, beadsWith, at, slot };
}
