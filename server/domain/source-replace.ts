// Replacing in a row's Chinese: each source sentence on its own, so the row keeps its sentences and its alignment.
// What a sentence may not become (empty, two sentences, too long) is refused for its row with the reason.

import { MAX_SENTENCE, splitSentences } from './split-sentences.ts';
import type { DiffPart } from './text-diff.ts';
import { State } from './types.ts';
import { NOT_XML_CHAR } from './control-characters.ts';

/** A row's Chinese sentences before and after a replacement, and the row's mark before it: enough to undo it. */
export interface SourceChange {
  old: string[];
  new: string[];
  /** Whether the row was already marked "Chinese changed since translation". */
  wasMarked: boolean;
}

export type SourceReplaced =
  | { text: string; segments: string[]; parts: DiffPart[]; matches: number }
  | { refused: string; params?: Record<string, unknown> };


/**
 * Every match of `re` inside each sentence (a match never spans two), or null when none matches. `replaceIn` is the
 * replacement of one text, as the English side uses it.
 */
export function replaceInSource(segments: readonly string[], replaceIn: (text: string) => { text: string; parts: DiffPart[]; matches: number; overflow?: true } | null): SourceReplaced | null {
  const parts: DiffPart[] = [];
  const out: string[] = [];
  let matches = 0;
  for (const sentence of segments) {
    const hit = replaceIn(sentence);
    if (!hit) {
      out.push(sentence);
      if (sentence) parts.push({ op: 'equal', text: sentence });
      continue;
    }
    if (hit.overflow || hit.text.length > MAX_SENTENCE) return { refused: 'sourceReplace.sentenceTooLong', params: { max: MAX_SENTENCE } };
    if (!hit.text.trim()) return { refused: 'sourceReplace.emptySentence' };
    if (NOT_XML_CHAR.test(hit.text)) return { refused: 'errors.controlChars' };
    // A replacement bringing an end of sentence (。！？ or a line break) would make one sentence two: the rows stay aligned as they are.
    if (splitSentences(hit.text, 'zh').length > Math.max(1, splitSentences(sentence, 'zh').length)) return { refused: 'sourceReplace.splitsSentence' };
    out.push(hit.text);
    parts.push(...hit.parts);
    matches += hit.matches;
  }
  return matches ? { text: out.join(''), segments: out, parts, matches } : null;
}

/**
 * The state a row keeps when its Chinese changes: an approval was given to a translation of the old Chinese, so an
 * approved row goes back to translated (a reviewer approves it again); other states stay, marked while translated.
 */
export function stateAfterSourceChange(state: number): number {
  return state === State.approved ? State.translated : state;
}

/** Whether the row has English (a draft or a translation) made for its old Chinese, to be marked as such. */
export const marksSourceChange = (state: number) => state !== State.untranslated;
