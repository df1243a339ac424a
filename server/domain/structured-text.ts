// A structured document as a source text: blocks laid out one per paragraph, their sentences, and the way back.

import type { Block, SourceDocument, SourceFormatName } from '../formats/source/blocks.ts';
import { splitBlockSpans, type SentenceSpan } from './split-sentences.ts';
import type { Lang } from './types.ts';

/** A block as stored: everything but its text, which is `content.slice(start, end)` of its source. */
export type StoredBlock = Omit<Block, 'text'> & { start: number; end: number };

export interface StoredStructure {
  format: SourceFormatName;
  title?: string;
  blocks: StoredBlock[];
}

/** A sentence of a side, or one of its noise blocks (kept whole, never aligned). */
export type SideItem = SentenceSpan & { noise?: boolean };

/** Blocks separated by blank lines, so the text reads as the paragraphs it came from. */
export function layOutBlocks(format: SourceFormatName, doc: SourceDocument): { text: string; structure: StoredStructure } {
  let text = '';
  const blocks = doc.blocks.map(({ text: blockText, ...rest }) => {
    if (text) text += '\n\n';
    const start = text.length;
    text += blockText;
    return { ...rest, start, end: text.length };
  });
  return { text, structure: { format, ...(doc.title ? { title: doc.title } : {}), blocks } };
}

/** Each block's sentences (paragraph = the block's position), noise blocks whole; an English cue's sentences keep its lines. */
export function blockItems(text: string, structure: StoredStructure, lang: Lang): SideItem[] {
  return structure.blocks.flatMap((b, paragraph): SideItem[] => {
    const blockText = text.slice(b.start, b.end);
    if (b.kind === 'noise') return [{ text: blockText, paragraph, start: b.start, end: b.end, noise: true }];
    return splitBlockSpans(blockText, lang, b.kind === 'cue' && lang === 'en').map((s) => ({ ...s, paragraph, start: b.start + s.start, end: b.start + s.end }));
  });
}
