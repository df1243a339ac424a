// A compact zh→en word index built from CC-CEDICT text: headword → ids of the English stems of its glosses.

import { contentStems } from './english-words.ts';

export interface Lexicon {
  /** Ids of English stems (in `vocabulary`) that translate a Chinese headword, or undefined. */
  lookup(headword: string): Int32Array | undefined;
  /** English stem → id; the aligner extends it per document without changing it. */
  vocabulary: ReadonlyMap<string, number>;
  /** Longest headword, for greedy splitting of words the dictionary lacks. */
  maxHeadwordLength: number;
}

// Glosses that point elsewhere or classify rather than translate.
const SKIPPED_GLOSS = /^(variant of|old variant|see |see also|CL:|used in|abbr\. for|erhua variant|surname )/;
// Very common characters have dozens of senses; beyond this many stems they are noise.
const MAX_STEMS = 16;

/** Parses CC-CEDICT lines (`trad simp [pin yin] /gloss/gloss/`), indexing both scripts. */
export function buildLexicon(cedictText: string): Lexicon {
  const vocabulary = new Map<string, number>();
  const perHeadword = new Map<string, Set<number>>();
  let maxHeadwordLength = 1;
  for (const line of cedictText.split('\n')) {
    if (line.startsWith('#') || line.length < 4) continue;
    const space1 = line.indexOf(' ');
    const space2 = line.indexOf(' ', space1 + 1);
    const slash = line.indexOf('/');
    if (space1 < 0 || space2 < 0 || slash < 0) continue;
    const stems = new Set<number>();
    for (const gloss of line.slice(slash + 1).split('/')) {
      if (!gloss || SKIPPED_GLOSS.test(gloss)) continue;
      for (const s of contentStems(gloss.replace(/\([^)]*\)/g, ' ').replace(/[^\x00-\x7f]+/g, ' '))) {
        let id = vocabulary.get(s);
        if (id === undefined) vocabulary.set(s, (id = vocabulary.size));
        stems.add(id);
      }
    }
    if (stems.size === 0) continue;
    for (const headword of new Set([line.slice(0, space1), line.slice(space1 + 1, space2)])) {
      const known = perHeadword.get(headword);
      if (known) for (const id of stems) known.add(id);
      else perHeadword.set(headword, new Set(stems));
      maxHeadwordLength = Math.max(maxHeadwordLength, headword.length);
    }
  }
  return packLexicon(perHeadword, vocabulary, maxHeadwordLength);
}

// One flat Int32Array and one Map of offsets instead of 120k small sets.
function packLexicon(perHeadword: Map<string, Set<number>>, vocabulary: Map<string, number>, maxHeadwordLength: number): Lexicon {
  let total = 0;
  for (const ids of perHeadword.values()) total += Math.min(ids.size, MAX_STEMS);
  const flat = new Int32Array(total);
  const where = new Map<string, number>();
  let at = 0;
  for (const [headword, ids] of perHeadword) {
    const n = Math.min(ids.size, MAX_STEMS);
    where.set(headword, at * 64 + n);
    let k = 0;
    for (const id of ids) {
      if (k === n) break;
      flat[at + k++] = id;
    }
    at += n;
  }
  return {
    lookup(headword) {
      const packed = where.get(headword);
      if (packed === undefined) return undefined;
      const start = Math.floor(packed / 64);
      return flat.subarray(start, start + (packed % 64));
    },
    vocabulary,
    maxHeadwordLength,
  };
}
