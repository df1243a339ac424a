// The structured source formats, and which one a file is: by its content first, by its name second.

import path from 'node:path';
import type { SourceFormat, SourceFormatName, TextSourceFormat } from './blocks.ts';
import { docxFormat } from './docx.ts';
import { htmlFormat } from './html-page.ts';
import { markdownFormat } from './markdown.ts';
import { srtFormat } from './srt.ts';
import { vttFormat } from './vtt.ts';

export const sourceFormats: readonly SourceFormat[] = [docxFormat, htmlFormat, markdownFormat, srtFormat, vttFormat];

export function sourceFormat(name: SourceFormatName): SourceFormat {
  return sourceFormats.find((f) => f.name === name)!;
}

/** A zip archive's first local header: a .docx, whatever its name says. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

const BY_EXTENSION: Record<string, SourceFormatName> = {
  '.docx': 'docx', '.html': 'html', '.htm': 'html', '.xhtml': 'html', '.md': 'md', '.markdown': 'md', '.srt': 'srt', '.vtt': 'vtt',
};

/**
 * The text format a decoded file is in, or undefined for plain text. A WebVTT header, an .srt
 * first cue, an HTML start or a Markdown heading on the first line decide; otherwise the
 * extension does. A `.txt` file is always plain text.
 */
export function detectTextFormat(name: string, text: string): TextSourceFormat | undefined {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.txt') return undefined;
  const start = text.slice(0, 4096).replace(/^\uFEFF/, '').replace(/^(\s*<!--[\s\S]*?-->)*\s*/, '');
  if (/^WEBVTT(?:[ \t\r\n]|$)/.test(start)) return vttFormat;
  if (/^\d+[ \t]*\r?\n[ \t]*\d{1,3}:\d{2}:\d{2}[,.]\d{3}[ \t]+-->/.test(start)) return srtFormat;
  if (/^(?:<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(start)) return htmlFormat;
  if (/^#{1,6}[ \t]+\S/.test(start)) return markdownFormat;
  const byName = BY_EXTENSION[ext];
  return byName && byName !== 'docx' ? sourceFormat(byName) as TextSourceFormat : undefined;
}

/** Whether the file must be read as a .docx: a zip archive, or a name that says so. */
export function isDocxFile(name: string, bytes: Uint8Array): boolean {
  return isZip(bytes) || path.extname(name).toLowerCase() === '.docx';
}
