// Turns parsed sides and alignment beads into document rows: one pair per bead, noise rows in place.

import type { PageItem } from './parse-page.ts';
import type { SentenceSpan } from './split-sentences.ts';
import type { SideItem } from './structured-text.ts';
import type { ScoredBead } from './types.ts';
import { State } from './types.ts';
import { ValidationError } from './errors.ts';

export type SourceKey = 'page' | 'headlines' | 'article' | 'src' | 'tgt';

export interface DraftSegment {
  side: 'src' | 'tgt';
  source: SourceKey;
  idx: number;
  text: string;
  kind: 'sentence' | 'headline' | 'dateline' | 'noise';
  paragraph: number;
  start: number;
  end: number;
  meta?: Record<string, unknown>;
  /** A line break of its cue stands before this sentence (see `splitBlockSpans`): stored with it, for the row's text. */
  lineBefore?: boolean;
}

export interface DraftPair {
  score: number | null;
  noise: boolean;
  state: number | null;
  mtText: string;
  /** The English as it starts; the machine text when not given (a machine draft is its own first text). */
  tgtText?: string;
  segments: DraftSegment[];
}

export type Aligner = (src: string[], tgt: string[]) => ScoredBead[];

/** Joins a bead's sentences the way each script writes them: no space between Chinese sentences. */
export function joinSentences(texts: string[], lang: 'zh' | 'en'): string {
  return lang === 'zh' ? texts.join('') : texts.join(' ');
}

/** A row's English as its file wrote it: the sentences of one subtitle cue on their lines, the rest joined by a space. */
export function englishText(sentences: readonly { text: string; lineBefore?: boolean }[]): string {
  return sentences.map((x, i) => (i === 0 ? '' : x.lineBefore ? '\n' : ' ') + x.text).join('');
}

function sentencePair(bead: ScoredBead, src: DraftSegment[], tgt: DraftSegment[]): DraftPair {
  const s = bead.src.map((i) => src[i]!);
  const t = bead.tgt.map((i) => tgt[i]!);
  const mtText = englishText(t);
  return { score: bead.score, noise: false, state: mtText ? State.machine : State.untranslated, mtText, segments: [...s, ...t] };
}

function noisePair(segment: DraftSegment): DraftPair {
  return { score: null, noise: true, state: null, mtText: '', segments: [segment] };
}

/** Noise items keyed by how many sentences of their side precede them. */
function noiseAfterSentences(items: DraftSegment[]): Map<number, DraftSegment[]> {
  const noiseAfter = new Map<number, DraftSegment[]>();
  let seen = 0;
  for (const item of items) {
    if (item.kind === 'noise' || item.kind === 'dateline') noiseAfter.set(seen, [...(noiseAfter.get(seen) ?? []), item]);
    else seen++;
  }
  return noiseAfter;
}

const isSentence = (s: DraftSegment) => s.kind !== 'noise' && s.kind !== 'dateline';

/**
 * Interleaves noise rows after the bead holding the sentence that preceded them on their side, so the
 * document reads in page order. `srcItems` and `tgtItems` list every item of each side in page order.
 */
function interleave(beads: ScoredBead[], srcItems: DraftSegment[], tgtItems: DraftSegment[]): DraftPair[] {
  const noise = { src: noiseAfterSentences(srcItems), tgt: noiseAfterSentences(tgtItems) };
  const pairs: DraftPair[] = [...(noise.src.get(0) ?? []), ...(noise.tgt.get(0) ?? [])].map(noisePair);
  const src = srcItems.filter(isSentence);
  const tgt = tgtItems.filter(isSentence);
  for (const bead of beads) {
    pairs.push(sentencePair(bead, src, tgt));
    // Noise between two sentences of one bead follows the bead, so none is dropped.
    for (const side of ['src', 'tgt'] as const) {
      for (const i of bead[side]) pairs.push(...(noise[side].get(i + 1) ?? []).map(noisePair));
    }
  }
  return pairs;
}

function renumber(pairs: DraftPair[]): DraftPair[] {
  const next = { src: 0, tgt: 0 };
  for (const p of pairs) for (const s of p.segments) s.idx = next[s.side]++;
  return pairs;
}

function spanSegments(spans: SideItem[], side: 'src' | 'tgt', source: SourceKey): DraftSegment[] {
  return spans.map((s, idx) => ({
    side, source, idx, text: s.text, kind: s.noise ? 'noise' : 'sentence', paragraph: s.paragraph, start: s.start, end: s.end, ...(s.lineBefore ? { lineBefore: true } : {}),
  }));
}

/** Two texts, split (noise blocks of a structured document kept in place) and aligned. */
export function assembleTextPairs(src: SideItem[], tgt: SideItem[], align: Aligner): DraftPair[] {
  const srcSegs = spanSegments(src, 'src', 'src');
  const tgtSegs = spanSegments(tgt, 'tgt', 'tgt');
  const texts = (items: SideItem[]) => items.filter((i) => !i.noise).map((i) => i.text);
  return renumber(interleave(align(texts(src), texts(tgt)), srcSegs, tgtSegs));
}

/**
 * A web page and its Chinese source: headline entries pair with the Chinese titles entry by entry
 * (the page's own Chinese titles are source segments with no English yet); the article is aligned.
 */
export function assemblePagePairs(
  page: PageItem[],
  zhHeadlines: SentenceSpan[],
  zhArticle: SentenceSpan[],
  align: Aligner,
): DraftPair[] {
  const headlines = page.filter((i) => i.kind === 'headline');
  if (headlines.length !== zhHeadlines.length) {
    throw new ValidationError(
      `The page has ${headlines.length} headline entries but the Chinese headline file has ${zhHeadlines.length} lines.`,
      'errors.headlineCount', { page: headlines.length, zh: zhHeadlines.length },
    );
  }
  const pageSeg = (i: PageItem): DraftSegment => ({
    side: 'tgt', source: 'page', idx: 0, text: i.text, kind: i.kind, paragraph: i.paragraph, start: i.start, end: i.end,
    ...(i.kind === 'headline' ? { meta: { time: i.time, tags: i.tags } } : {}),
  });
  const pairs: DraftPair[] = page.filter((i) => i.kind === 'dateline').map((i) => noisePair(pageSeg(i)));
  headlines.forEach((h, n) => {
    const zh = zhHeadlines[n]!;
    if (h.lang === 'zh' && h.text !== zh.text) {
      throw new ValidationError(
        `Headline ${n + 1} is Chinese on the page ("${h.text}") but the Chinese headline file says "${zh.text}".`,
        'errors.headlineMismatch', { n: n + 1 },
      );
    }
    const src: DraftSegment = { side: 'src', source: 'headlines', idx: 0, text: zh.text, kind: 'headline', paragraph: zh.paragraph, start: zh.start, end: zh.end, meta: { time: h.time, tags: h.tags } };
    const tgt = h.lang === 'en' ? [pageSeg(h)] : [];
    pairs.push({
      score: null, noise: false, state: tgt.length ? State.machine : State.untranslated,
      mtText: tgt.map((t) => t.text).join(' '), segments: [src, ...tgt],
    });
  });
  const body = page.filter((i) => i.kind === 'sentence' || i.kind === 'noise').map(pageSeg);
  const articleSrc = spanSegments(zhArticle, 'src', 'article');
  const beads = align(articleSrc.map((s) => s.text), body.filter((b) => b.kind === 'sentence').map((b) => b.text));
  pairs.push(...interleave(beads, articleSrc, body));
  return renumber(pairs);
}
