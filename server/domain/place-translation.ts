// Rebuilds a structured source in the target language: each pair's current English goes into the block its
// Chinese starts in; a pair with no English keeps its Chinese, marked, and is counted.

import { cueLines, oneLine, type Block, type SourceDocument } from '../formats/source/blocks.ts';
import type { StoredBlock, StoredStructure } from './structured-text.ts';

/** Put before the source text of a pair that has no English yet, in every format. */
export const UNTRANSLATED_MARK = '[untranslated] ';

export interface PlacedPair {
  /** Offset of the pair's first source sentence in the source text; null for a pair with no source sentence. */
  srcStart: number | null;
  src: string;
  tgt: string;
}

function blockAt(blocks: StoredBlock[], offset: number): number {
  let lo = 0;
  let hi = blocks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (blocks[mid]!.start <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The translated document and how many pairs fell back to their source. A pair whose sentences span
 * several blocks fills the first; the blocks it emptied are left out, and a subtitle cue it emptied
 * lengthens the cue that holds its text, so every time code stays one of the source's. Noise is left out.
 * `sourceText` is the laid-out source the offsets point into: two pairs of one cue whose Chinese stands on
 * two lines there go on two lines.
 */
export function placeTranslation(structure: StoredStructure, pairs: PlacedPair[], sourceText = ''): { doc: SourceDocument; fallbacks: number } {
  const { blocks } = structure;
  const parts: string[][] = blocks.map(() => []);
  let fallbacks = 0;
  let current = 0;
  let lastStart: number | null = null;
  for (const p of pairs) {
    if (p.srcStart !== null) current = blockAt(blocks, p.srcStart);
    const cue = blocks[current]!.kind === 'cue';
    // A block is one line (see Block): a line break typed in the editor would end a Markdown paragraph early and
    // start a list or a heading; it reads as a space, as in the source. A cue keeps its lines, blank ones dropped.
    const english = cue ? cueLines(p.tgt) : oneLine(p.tgt);
    if (!english) fallbacks++;
    if (english || p.src) {
      const text = english || `${UNTRANSLATED_MARK}${p.src}`;
      const onNewLine = cue && lastStart !== null && p.srcStart !== null && sourceText.slice(lastStart, p.srcStart).includes('\n');
      parts[current]!.push(parts[current]!.length === 0 ? text : `${onNewLine ? '\n' : ' '}${text}`);
    }
    if (p.srcStart !== null) lastStart = p.srcStart;
  }
  const out: Block[] = [];
  blocks.forEach((b, i) => {
    if (b.kind === 'noise') return;
    const { start: _start, end: _end, ...shape } = b;
    if (parts[i]!.length) out.push({ ...shape, text: parts[i]!.join('') });
    else if (b.cue && out.at(-1)?.cue) out[out.length - 1] = { ...out.at(-1)!, cue: { ...out.at(-1)!.cue!, end: b.cue.end } };
  });
  return { doc: { ...(structure.title ? { title: structure.title } : {}), blocks: out }, fallbacks };
}
