// A saved web page in: Readability finds the article; what the page shows inside it besides (ads, share bars,
// headline lists, captions) is kept as noise in place; navigation, sidebars and comments around it are left out.
// Out: a plain HTML document with the same headings, paragraphs and lists.

import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { ParseError } from '../parse-error.ts';
import { isNoise } from '../../domain/parse-page.ts';
import { oneLine, utf8, type Block, type SourceDocument, type TextSourceFormat } from './blocks.ts';

const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'HEAD', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'OBJECT', 'CANVAS']);
const TEXT_BLOCKS = new Set(['H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'P', 'LI', 'FIGCAPTION', 'PRE', 'DT', 'DD', 'TD', 'TH', 'CAPTION', 'BLOCKQUOTE']);
const INLINE = new Set(['A', 'ABBR', 'B', 'BDI', 'BDO', 'BR', 'CITE', 'CODE', 'DATA', 'DFN', 'EM', 'I', 'KBD', 'MARK', 'Q', 'RUBY', 'RT', 'RP', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'WBR', 'FONT', 'LABEL']);

interface PageNode {
  tagName: string;
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<PageNode>;
  parentNode: PageNode | null;
  querySelectorAll?(selector: string): ArrayLike<PageNode>;
}

interface Found {
  tag: string;
  text: string;
  /** A list item that is nothing but a link: an entry of a headline list. */
  linkOnly: boolean;
}

function hasBlockChild(el: PageNode): boolean {
  return Array.from(el.childNodes).some((c) => c.nodeType === 1 && !INLINE.has(c.tagName));
}

function linkOnly(el: PageNode): boolean {
  const links = Array.from(el.querySelectorAll?.('a') ?? []).map((a) => oneLine(a.textContent ?? '')).join(' ');
  return links !== '' && links.length >= oneLine(el.textContent ?? '').length * 0.8;
}

/** Every run of text on the page in reading order, with the element that holds it. */
function textRuns(root: PageNode): Found[] {
  const out: Found[] = [];
  const walk = (el: PageNode) => {
    let loose = '';
    const flush = () => {
      if (oneLine(loose)) out.push({ tag: 'DIV', text: oneLine(loose), linkOnly: false });
      loose = '';
    };
    for (const c of Array.from(el.childNodes)) {
      if (c.nodeType === 3) loose += c.textContent ?? '';
      else if (c.nodeType !== 1 || SKIP.has(c.tagName)) continue;
      else if (INLINE.has(c.tagName)) loose += c.tagName === 'BR' ? '\n' : c.textContent ?? '';
      else if (TEXT_BLOCKS.has(c.tagName) && !(c.tagName === 'LI' && hasBlockChild(c)) && c.tagName !== 'BLOCKQUOTE') {
        flush();
        const text = oneLine(c.textContent ?? '');
        if (text) out.push({ tag: c.tagName, text, linkOnly: c.tagName === 'LI' && linkOnly(c) });
      } else {
        flush();
        walk(c);
      }
    }
    flush();
  };
  walk(root);
  return out;
}

function articleBlock(f: Found): Block {
  const heading = /^H([1-6])$/.exec(f.tag);
  if (heading) return { kind: 'heading', level: Number(heading[1]), text: f.text };
  if (f.tag === 'FIGCAPTION' || f.tag === 'CAPTION' || f.linkOnly) return { kind: 'noise', text: f.text };
  if (f.tag === 'LI') return { kind: 'item', text: f.text };
  return { kind: isNoise(f.text) ? 'noise' : 'paragraph', text: f.text };
}

/** linkedom makes no <html> element for a fragment; Readability needs one. */
function pageDocument(html: string) {
  return parseHTML(/<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`).document;
}

function noArticle(cause?: unknown): ParseError {
  return new ParseError('The web page has no article that could be found: no run of paragraphs to read.', 'formats.htmlNoArticle', { cause });
}

// Readability's work grows with the depth of every element it scores: a 24 KB page of 2,000 nested <div>s held the work
// thread 46 s, 256 of them 0.5 s. Browsers' parsers stop nesting at 512; real pages stay far under 128.
const MAX_DEPTH = 128;

/** Refuses a page whose elements nest deeper than MAX_DEPTH, counted without recursion. */
function checkDepth(root: PageNode): void {
  const stack: [PageNode, number][] = [[root, 0]];
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top;
    if (depth > MAX_DEPTH) {
      throw new ParseError(`The web page nests elements more than ${MAX_DEPTH} deep.`, 'formats.htmlTooDeep', { params: { max: MAX_DEPTH } });
    }
    for (const c of Array.from(node.childNodes)) if (c.nodeType === 1) stack.push([c, depth + 1]);
  }
}

export function readHtmlPage(html: string): SourceDocument {
  let article: ReturnType<Readability<PageNode>['parse']>;
  const read = pageDocument(html);
  checkDepth(read.documentElement as unknown as PageNode);
  try {
    article = new Readability<PageNode>(read as unknown as Document, { serializer: (node) => node as unknown as PageNode }).parse();
  } catch (err) {
    // Readability gives up on some broken documents by throwing; for the reader that is a page without an article.
    throw noArticle(err);
  }
  const kept = new Set(article?.content ? textRuns(article.content).map((f) => f.text) : []);
  const title = oneLine(article?.title ?? '');
  // A fresh copy of the page: Readability has taken apart the one it read.
  const page = textRuns(pageDocument(html).body as unknown as PageNode);
  const inArticle = (f: Found) => kept.has(f.text) || (f.tag.startsWith('H') && f.text === title);
  const first = page.findIndex(inArticle);
  let last = page.findLastIndex(inArticle);
  // A headline list that closes the article ("Related stories") belongs to the page as noise, whether Readability kept it or not.
  while (page[last + 1]?.linkOnly) last++;
  const blocks = first < 0 ? [] : page.slice(first, last + 1).map((f) => (inArticle(f) ? articleBlock(f) : { kind: 'noise' as const, text: f.text }));
  // Readability returns whatever text it finds; an article has at least one paragraph that is not page furniture.
  if (!blocks.some((b) => b.kind === 'paragraph' || b.kind === 'item')) throw noArticle();
  // Readability's title often carries the site's name; the page's own top heading does not.
  const shown = blocks.find((b) => b.kind === 'heading' && b.level === 1)?.text ?? title;
  return { ...(shown ? { title: shown } : {}), blocks };
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/** Blocks as HTML: headings and paragraphs as such, list items in a list, cues as paragraphs. */
function blocksHtml(blocks: Block[]): string {
  let out = '';
  blocks.forEach((b, i) => {
    const text = escapeHtml(b.text);
    if (b.kind === 'item') {
      out += `${blocks[i - 1]?.kind === 'item' ? '' : '<ul>\n'}<li>${text}</li>\n${blocks[i + 1]?.kind === 'item' ? '' : '</ul>\n'}`;
    } else if (b.kind === 'heading') out += `<h${b.level ?? 1}>${text}</h${b.level ?? 1}>\n`;
    else out += `<p>${text}</p>\n`;
  });
  return out;
}

/** A whole page around body HTML; `style` is the page's own small stylesheet. */
export function htmlPage(title: string, lang: string, body: string, style = ''): string {
  return `<!DOCTYPE html>\n<html lang="${lang}">\n<head>\n<meta charset="utf-8">\n<title>${escapeHtml(title)}</title>\n${style ? `<style>${style}</style>\n` : ''}</head>\n<body>\n${body}</body>\n</html>\n`;
}

export const htmlFormat: TextSourceFormat = {
  name: 'html',
  extension: '.html',
  mediaType: 'text/html',
  accept: ['.html', '.htm', '.xhtml', 'text/html'],
  binary: false,
  read: readHtmlPage,
  write: (doc) => utf8(htmlPage(doc.title ?? '', 'en', blocksHtml(doc.blocks.filter((b) => b.kind !== 'noise')))),
};

