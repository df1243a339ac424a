// Markdown in and out: headings, paragraphs and list items, read with marked's lexer; inline markup becomes plain text.

import { Lexer, type Token, type Tokens } from 'marked';
import { nonEmpty, utf8, type Block, type SourceDocument, type TextSourceFormat } from './blocks.ts';
import { ParseError } from '../parse-error.ts';

// As deep as an XML file may nest (xml-read.ts). marked lexes a nested block's text again at every level, by
// recursion: 20,000 `>` overflowed its stack (a 500), and a list nested 2,000 deep by indentation (4 MB) filled the
// work thread's heap after 24 s.
const MAX_DEPTH = 64;
// A line's container prefix: indentation, `>` and list markers before its text.
const CONTAINER = /[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$))/y;

/**
 * How deep a line's containers may nest at most: one level per `>` or list marker, and one per two columns of
 * indentation (a nested list item is indented past its parent's marker; a tab counts four) beyond the one
 * space that follows a marker.
 */
function lineDepth(line: string): number {
  let depth = 0;
  let columns = 0;
  CONTAINER.lastIndex = 0;
  for (let m = CONTAINER.exec(line); m; m = CONTAINER.exec(line)) {
    let indent = depth > 0 ? -1 : 0;
    for (const c of m[0]) if (c === ' ') indent++; else if (c === '\t') indent += 4;
    columns += Math.max(0, indent);
    depth++;
  }
  return depth + Math.floor(columns / 2);
}

/** Refuses a file nesting quotes or lists deeper than MAX_DEPTH before marked reads it. */
function checkDepth(source: string): void {
  let line = 1;
  for (let start = 0; start < source.length; line++) {
    const end = source.indexOf('\n', start);
    const stop = end < 0 ? source.length : end;
    // The prefix is what matters, and MAX_DEPTH levels fit in a few hundred characters.
    if (lineDepth(source.slice(start, Math.min(stop, start + 8 * MAX_DEPTH))) > MAX_DEPTH) {
      throw new ParseError(`The Markdown file nests elements more than ${MAX_DEPTH} deep.`, 'errors.fileDepth', { params: { format: 'Markdown', max: MAX_DEPTH }, line });
    }
    start = stop + 1;
  }
}

function inlineText(tokens: Token[] | undefined): string {
  let out = '';
  for (const t of tokens ?? []) {
    if (t.type === 'br') out += ' ';
    else if (t.type === 'html' || t.type === 'image') continue;
    else if ('tokens' in t && t.tokens) out += inlineText(t.tokens);
    else if ('text' in t) out += String(t.text);
  }
  return out;
}

function blocksOf(tokens: Token[]): Block[] {
  const out: Block[] = [];
  for (const t of tokens) {
    if (t.type === 'heading') out.push({ kind: 'heading', level: (t as Tokens.Heading).depth, text: inlineText(t.tokens) });
    else if (t.type === 'paragraph' || t.type === 'text') out.push({ kind: 'paragraph', text: inlineText(t.tokens ?? [{ type: 'text', raw: t.raw, text: t.text } as Token]) });
    else if (t.type === 'list') {
      for (const item of (t as Tokens.List).items) {
        // An item's first paragraph is the item; anything nested under it follows as its own blocks.
        const [first, ...rest] = blocksOf(item.tokens);
        if (first) out.push({ ...first, kind: first.kind === 'paragraph' ? 'item' : first.kind });
        out.push(...rest);
      }
    } else if (t.type === 'blockquote') out.push(...blocksOf((t as Tokens.Blockquote).tokens));
    else if (t.type === 'table') {
      const table = t as Tokens.Table;
      for (const row of [table.header, ...table.rows]) for (const cell of row) out.push({ kind: 'paragraph', text: inlineText(cell.tokens) });
    }
    // Code blocks, rules and raw HTML are not prose to translate.
  }
  return out;
}

export function readMarkdown(text: string): SourceDocument {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  checkDepth(source);
  return { blocks: nonEmpty(blocksOf(new Lexer({ gfm: true }).lex(source))) };
}

/**
 * Characters Markdown would read as markup, anywhere and at the start of a line. `~` anywhere: at the start
 * `~~~` opens a code fence that swallows the rest of the file, and GFM reads `~~x~~` as struck-through text.
 * Leading spaces go: four make a code block, and a paragraph shows none of them anyway.
 */
function escape(text: string): string {
  return text.replace(/^[ \t]+/, '').replace(/[\\`*_[\]<>|~]/g, '\\$&').replace(/^[#+\-=>]/, '\\$&').replace(/^(\d+)([.)])/, '$1\\$2');
}

export function writeMarkdown(doc: SourceDocument): string {
  let out = '';
  let previous: Block | undefined;
  for (const b of doc.blocks) {
    if (b.kind === 'noise') continue;
    const line = b.kind === 'heading' ? `${'#'.repeat(Math.min(6, b.level ?? 1))} ${escape(b.text)}`
      : b.kind === 'item' ? `- ${escape(b.text)}` : escape(b.text);
    // Items of one list stay together; everything else is a paragraph of its own.
    if (previous) out += previous.kind === 'item' && b.kind === 'item' ? '\n' : '\n\n';
    out += line;
    previous = b;
  }
  return `${out}\n`;
}

export const markdownFormat: TextSourceFormat = {
  name: 'md',
  extension: '.md',
  mediaType: 'text/markdown',
  accept: ['.md', '.markdown', 'text/markdown'],
  binary: false,
  read: readMarkdown,
  write: (doc) => utf8(writeMarkdown(doc)),
};
