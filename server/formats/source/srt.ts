// SubRip .srt in and out: numbered cues whose numbers and time codes are kept as written.

import { ParseError } from '../parse-error.ts';
import { utf8, type Block, type SourceDocument, type TextSourceFormat } from './blocks.ts';
import { cueGroups, timedCue } from './subtitle-cues.ts';

const FORMAT = 'SRT';

export function readSrt(text: string): SourceDocument {
  const blocks: Block[] = [];
  cueGroups(text).forEach(({ lines, line }, n) => {
    // The counter line is optional in the wild; a group that starts with its timing has none.
    const numbered = /^\d+$/.test(lines[0]!.trim());
    const id = numbered ? lines[0]!.trim() : '';
    const cue = id || String(n + 1);
    const timing = numbered ? lines[1] : lines[0];
    const block = timedCue(FORMAT, cue, numbered ? line + 1 : line, timing, lines.slice(numbered ? 2 : 1));
    if (block.text) blocks.push({ ...block, cue: { ...block.cue!, id } });
  });
  if (blocks.length === 0) throw new ParseError(`The ${FORMAT} file holds no cue with text.`, 'formats.noCues', { params: { format: FORMAT } });
  return { blocks };
}

export function writeSrt(doc: SourceDocument): string {
  return doc.blocks.filter((b) => b.cue).map((b, i) => `${b.cue!.id || i + 1}\n${b.cue!.start} --> ${b.cue!.end}\n${b.text}\n`).join('\n');
}

export const srtFormat: TextSourceFormat = {
  name: 'srt',
  extension: '.srt',
  mediaType: 'application/x-subrip',
  accept: ['.srt'],
  binary: false,
  read: readSrt,
  write: (doc) => utf8(writeSrt(doc)),
};
