// The structure of a source document as every format reader returns it and every writer takes it.

export type BlockKind = 'heading' | 'paragraph' | 'item' | 'cue' | 'noise';

/** A subtitle cue's number (an .srt counter, a .vtt identifier or '') and its time codes as written. */
export interface CueTiming {
  id: string;
  start: string;
  end: string;
  /** WebVTT cue settings ("line:0 align:start"), kept as written. */
  settings?: string;
}

export interface Block {
  kind: BlockKind;
  /**
   * One line: line breaks inside a paragraph read as spaces. A subtitle cue keeps its lines (see `cueLines`): where a
   * cue breaks is the subtitler's choice, and a single line break cannot end a cue early as a blank line would.
   */
  text: string;
  /** Headings only: 1 to 6. */
  level?: number;
  /** Subtitle cues only. */
  cue?: CueTiming;
}

export interface SourceDocument {
  /** The document's own title (a page's <title>), when it has one. */
  title?: string;
  blocks: Block[];
}

export type SourceFormatName = 'docx' | 'md' | 'html' | 'srt' | 'vtt';

interface FormatInfo {
  name: SourceFormatName;
  extension: string;
  mediaType: string;
  /** What a browser's file chooser may offer for it. */
  accept: string[];
}

/** A text format reads decoded text; a binary one (a zip) reads the bytes. Writers return bytes either way. */
export type SourceFormat = FormatInfo & (
  | { binary: false; read(text: string): SourceDocument; write(doc: SourceDocument): Uint8Array }
  | { binary: true; read(bytes: Uint8Array): SourceDocument; write(doc: SourceDocument): Uint8Array }
);

export type TextSourceFormat = Extract<SourceFormat, { binary: false }>;
export type BinarySourceFormat = Extract<SourceFormat, { binary: true }>;

// Runs of white space but the ideographic space (U+3000), which is the author's, as in "第一章　雨夜", and stays as
// plain text keeps it; JavaScript's \s would count it as a space.
const SPACES = /[^\S\u3000]+/g;

/** A block's text on one line, with runs of white space as one space. */
export function oneLine(text: string): string {
  // A line break between two Chinese characters is a hard wrap, not a space.
  return text.replace(/([\p{Script=Han}\u3000-\u303f\uff00-\uffef])[ \t]*\n\s*(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu, '$1')
    .replace(SPACES, ' ').trim();
}

/** A cue's text: each line's white space as in `oneLine`, the lines kept, empty ones dropped (a blank line would end the cue). */
export function cueLines(text: string): string {
  return text.split(/\r\n?|\n/).map((line) => line.replace(SPACES, ' ').trim()).filter((line) => line !== '').join('\n');
}

/** Drops blocks left empty, so that no format hands on an empty paragraph. */
export function nonEmpty(blocks: Block[]): Block[] {
  return blocks.map((b) => ({ ...b, text: oneLine(b.text) })).filter((b) => b.text !== '');
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
