// WebVTT .vtt in and out: cues with their identifiers, time codes and settings; notes and styles skipped.

import { ParseError } from '../parse-error.ts';
import { cueLines, utf8, type Block, type SourceDocument, type TextSourceFormat } from './blocks.ts';
import { cueGroups, timedCue } from './subtitle-cues.ts';

const FORMAT = 'WebVTT';
// Cue text is markup: `&` and `<` are written as references, and `>` too so that no "-->" ends a cue early.
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lrm: '\u200e', rlm: '\u200f' };

/** The references cue text uses (YouTube writes `&amp;`); an unknown one stays as written. */
function decodeReferences(text: string): string {
  return text.replace(/&(?:([a-z]+)|#(\d{1,7})|#x([\da-f]{1,6}));/gi, (ref, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? ref;
    const cp = dec !== undefined ? Number(dec) : parseInt(hex!, 16);
    // A control character or a lone surrogate is no text to translate: the reference stays as written.
    const text = cp >= 0x20 && !(cp >= 0x7f && cp <= 0x9f) && !(cp >= 0xd800 && cp <= 0xdfff) && cp <= 0x10ffff;
    return text ? String.fromCodePoint(cp) : ref;
  });
}

export function readVtt(text: string): SourceDocument {
  const groups = cueGroups(text);
  if (!/^WEBVTT(?:[ \t]|$)/.test(groups[0]?.lines[0] ?? '')) {
    throw new ParseError('A WebVTT file starts with the line "WEBVTT".', 'formats.vttHeader');
  }
  const blocks: Block[] = [];
  groups.slice(1).forEach(({ lines, line }, n) => {
    if (/^(NOTE|STYLE|REGION)(?:\s|$)/.test(lines[0]!)) return;
    const hasId = !lines[0]!.includes('-->');
    const id = hasId ? lines[0]!.trim() : '';
    const timing = hasId ? lines[1] : lines[0];
    const cue = id || String(n + 1);
    const block = timedCue(FORMAT, cue, hasId ? line + 1 : line, timing, lines.slice(hasId ? 2 : 1));
    const text = cueLines(decodeReferences(block.text));
    if (text) blocks.push({ ...block, text, cue: { ...block.cue!, id } });
  });
  if (blocks.length === 0) throw new ParseError(`The ${FORMAT} file holds no cue with text.`, 'formats.noCues', { params: { format: FORMAT } });
  return { blocks };
}

export function writeVtt(doc: SourceDocument): string {
  const cues = doc.blocks.filter((b) => b.cue).map((b) => {
    const c = b.cue!;
    return `${c.id ? `${c.id}\n` : ''}${c.start} --> ${c.end}${c.settings ? ` ${c.settings}` : ''}\n${b.text.replace(/[&<>]/g, (ch) => ESCAPES[ch]!)}\n`;
  });
  return ['WEBVTT\n', ...cues].join('\n');
}

export const vttFormat: TextSourceFormat = {
  name: 'vtt',
  extension: '.vtt',
  mediaType: 'text/vtt',
  accept: ['.vtt', 'text/vtt'],
  binary: false,
  read: readVtt,
  write: (doc) => utf8(writeVtt(doc)),
};
