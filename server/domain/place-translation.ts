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
export function placeTranslation(structure: Pick<StoredStructure, 'blocks' | 'title'>, pairs: PlacedPair[], sourceText = ''): { doc: SourceDocument; fallbacks: number } {
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

/**
 * The translation of a plain-text source (or of a bilingual file's side, one unit a line): each line of the source
 * is a paragraph, and its pairs' English goes on that line, as placeTranslation puts it in a block. Paragraphs are
 * separated as in the source: by a blank line where the source leaves one, else by a line break.
 */
export function placePlainTranslation(sourceText: string, pairs: PlacedPair[]): { text: string; fallbacks: number } {
  const blocks: StoredBlock[] = [];
  for (const m of sourceText.matchAll(/[^\r\n]+/g)) {
    const lead = /^[\s\u3000]*/u.exec(m[0])![0].length;
    if (lead < m[0].length) blocks.push({ kind: 'paragraph', start: m.index + lead, end: m.index + m[0].length });
  }
  if (!blocks.length) blocks.push({ kind: 'paragraph', start: 0, end: 0 });
  const { doc, fallbacks } = placeTranslation({ blocks }, pairs, sourceText);
  const separator = /\S[ \t\u3000]*\r?\n[ \t\u3000]*\r?\n/u.test(sourceText) ? '\n\n' : '\n';
  const text = doc.blocks.map((b) => b.text).join(separator);
  return { text: text ? `${text}\n` : '', fallbacks };
}

/**
 * A document's Chinese texts as one, a blank line between them (the demo's headlines, then its article), and each
 * pair's start in it: `placed[i]` is the text that holds pair i's Chinese and where in it, null when none does.
 */
export function joinPlainSources(
  texts: { id: number; content: string }[], placed: { sourceId: number | null; start: number | null }[],
): { text: string; starts: (number | null)[] } {
  const bases = new Map<number, number>();
  let base = 0;
  for (const t of texts) {
    bases.set(t.id, base);
    base += t.content.length + 2;
  }
  return {
    text: texts.map((t) => t.content).join('\n\n'),
    starts: placed.map(({ sourceId, start }) => {
      const at = sourceId === null ? undefined : bases.get(sourceId);
      return at === undefined || start === null ? null : at + start;
    }),
  };
}
