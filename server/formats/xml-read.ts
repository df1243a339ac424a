// Reads an XML file into a small element tree; refuses DTD declarations, entities and anything not well-formed, with the line.

import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { ParseError } from './parse-error.ts';
import { xmlReason } from './parser-reasons.ts';
import { MAX_WHOLE } from './bilingual-document.ts';

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  line: number;
}
export type XmlNode = XmlElement | string;

const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/y;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
// Our files nest five deep; a limit turns a hostile nesting bomb into a sentence, not a stack overflow.
const MAX_DEPTH = 64;

// Entities stay unexpanded by the library: we decode the five predefined ones and character
// references ourselves, in one pass, so `&amp;#13;` stays the text `&#13;`.
const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  captureMetaData: true,
});
// The typings say `Symbol` (the wrapper object); the value is a primitive symbol.
const META = XMLParser.getMetaDataSymbol() as unknown as symbol;

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

/** Parses `text` as XML; `format` names the file type in error sentences ("TMX", "XLIFF"). */
export function readXml(text: string, format: string): XmlElement {
  // XML end-of-line handling (§2.11), done first so offsets and line numbers agree with the parser's.
  const xml = blankExternalDoctype(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if (xml.trim() === '') throw new ParseError(`The ${format} file is empty.`, 'errors.fileEmpty', { params: { format } });
  const lineAt = lineLocator(xml);

  const declaration = /<!(DOCTYPE|ENTITY)/i.exec(xml);
  if (declaration) {
    const kind = declaration[1]!.toUpperCase();
    throw new ParseError(
      `The ${format} file contains a <!${kind}> declaration; duiqi refuses DTDs and entity declarations so that no file can expand entities or reach other files.`,
      'errors.fileDeclaration', { params: { format, kind }, line: lineAt(declaration.index) },
    );
  }
  checkCharacters(xml, format, lineAt);
  checkReferences(xml, format, lineAt);

  const verdict = XMLValidator.validate(xml);
  if (verdict !== true) {
    const detail = verdict.err.msg;
    throw new ParseError(`The ${format} file is not well-formed XML: ${detail}`, 'errors.fileXmlSyntax', {
      params: { format, detail, reason: xmlReason(detail) }, line: verdict.err.line,
    });
  }
  let parsed: OrderedNode[];
  try {
    parsed = parser.parse(xml) as OrderedNode[];
  } catch (err) {
    // The validator lets through a few things the parser then throws on, e.g. an unclosed `<?x` after the root.
    const detail = (err as Error).message;
    throw new ParseError(`The ${format} file is not well-formed XML: ${detail}`, 'errors.fileXmlSyntaxNoLine', {
      params: { format, detail, reason: xmlReason(detail) }, cause: err,
    });
  }
  const roots = parsed.filter((n) => !('#text' in n));
  if (roots.length !== 1) {
    throw new ParseError(`The ${format} file must have exactly one root element; it has ${roots.length}.`, 'errors.fileRoots', {
      params: { format, roots: roots.length },
    });
  }
  return toElement(roots[0]!, lineAt, 0, format);
}

// A DOCTYPE that only names its DTD (`<!DOCTYPE tmx SYSTEM "tmx14.dtd">`, as OmegaT and older XLIFF tools write):
// nothing in it can declare an entity, and the DTD is never fetched, so it is read past. One with declarations
// of its own (an internal subset, `[...]`) stays refused.
const QUOTED = `(?:"[^"]*"|'[^']*')`;
// Each part matches one way only (a PI cannot run on past its "?>", a comment past its "-->"), so a prolog of many
// PIs and no DOCTYPE fails in linear time instead of trying every way to split it.
const PI = '<\\?[^?]*(?:\\?(?!>)[^?]*)*\\?>';
const COMMENT = '<!--[^-]*(?:-(?!->)[^-]*)*-->';
const EXTERNAL_DOCTYPE = new RegExp(
  `^((?:\\s*(?:${PI}|${COMMENT}))*\\s*)(<!DOCTYPE\\s+[\\w:.-]+(?:\\s+(?:SYSTEM\\s+${QUOTED}|PUBLIC\\s+${QUOTED}\\s+${QUOTED}))?\\s*>)`);

/** The text with such a DOCTYPE in its prolog turned to spaces (line breaks kept, so lines and offsets stay true). */
function blankExternalDoctype(xml: string): string {
  const m = EXTERNAL_DOCTYPE.exec(xml);
  if (!m) return xml;
  return m[1]! + m[2]!.replace(/[^\n]/g, ' ') + xml.slice(m[0].length);
}

function lineLocator(xml: string): (offset: number) => number {
  const breaks: number[] = [];
  for (let i = xml.indexOf('\n'); i !== -1; i = xml.indexOf('\n', i + 1)) breaks.push(i);
  return (offset) => {
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid]! < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
}

function label(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

function isXmlChar(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xd7ff) ||
    (cp >= 0xe000 && cp <= 0xfffd) || (cp >= 0x10000 && cp <= 0x10ffff);
}

function checkCharacters(xml: string, format: string, lineAt: (offset: number) => number): void {
  NOT_XML_CHAR.lastIndex = 0;
  const bad = NOT_XML_CHAR.exec(xml);
  if (bad) {
    const char = label(bad[0].codePointAt(0)!);
    throw new ParseError(
      `The ${format} file contains ${char}, a character that XML 1.0 does not allow.`,
      'errors.fileXmlChar', { params: { format, char }, line: lineAt(bad.index) },
    );
  }
}

/** Every `&` outside comments, CDATA and processing instructions must start a predefined or character reference. */
function checkReferences(xml: string, format: string, lineAt: (offset: number) => number): void {
  const masked = xml.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, (m) => m.replace(/[^\n]/g, ' '));
  for (let i = masked.indexOf('&'); i !== -1; i = masked.indexOf('&', i + 1)) {
    REFERENCE.lastIndex = i;
    const ref = REFERENCE.exec(masked);
    if (!ref) {
      const near = /^&[^\s<&;]{0,30};?/.exec(masked.slice(i, i + 32))![0];
      throw new ParseError(
        `The ${format} file has "${near}", which is neither &amp;, &lt;, &gt;, &quot;, &apos; nor a character reference; other entities are not allowed.`,
        'errors.fileEntity', { params: { format, near }, line: lineAt(i) },
      );
    }
    if (ref[1] === undefined) {
      const cp = ref[2] !== undefined ? Number(ref[2]) : parseInt(ref[3]!, 16);
      if (!isXmlChar(cp)) {
        const char = label(Math.min(cp, 0x7fffffff));
        throw new ParseError(
          `The ${format} file refers to ${char} (${ref[0]}), a character that XML 1.0 does not allow.`,
          'errors.fileXmlCharRef', { params: { format, char, reference: ref[0] }, line: lineAt(i) },
        );
      }
    }
  }
}

function decode(raw: string): string {
  return raw.replace(/&(?:(amp|lt|gt|quot|apos)|#([0-9]+)|#x([0-9a-fA-F]+));/g, (_m, name, dec, hex) =>
    name ? PREDEFINED[name]! : String.fromCodePoint(dec !== undefined ? Number(dec) : parseInt(hex, 16)));
}

function toElement(node: OrderedNode, lineAt: (offset: number) => number, depth: number, format: string): XmlElement {
  const name = Object.keys(node).find((k) => k !== ':@')!;
  const meta = (node as Record<symbol, { startIndex?: number } | undefined>)[META];
  const line = lineAt(meta?.startIndex ?? 0);
  if (depth > MAX_DEPTH) {
    throw new ParseError(`The ${format} file nests elements more than ${MAX_DEPTH} deep.`, 'errors.fileDepth', { params: { format, max: MAX_DEPTH }, line });
  }
  const attrs: Record<string, string> = {};
  for (const [key, value] of Object.entries(node[':@'] ?? {})) {
    // Attribute-value normalization (§3.3.3): literal tabs and line feeds read as spaces.
    attrs[key] = decode(String(value).replace(/[\t\n]/g, ' '));
  }
  const children: XmlNode[] = [];
  for (const child of node[name] as OrderedNode[]) {
    if ('#text' in child) children.push(decode(String(child['#text'])));
    else if ('#cdata' in child) children.push((child['#cdata'] as { '#text'?: string }[]).map((t) => t['#text'] ?? '').join(''));
    else children.push(toElement(child, lineAt, depth + 1, format));
  }
  return { name, attrs, children, line };
}

export function elements(parent: XmlElement, name?: string): XmlElement[] {
  return parent.children.filter((c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name));
}

export function child(parent: XmlElement, name: string): XmlElement | undefined {
  return elements(parent, name)[0];
}

export function requireChild(parent: XmlElement, name: string, format: string): XmlElement {
  const found = child(parent, name);
  if (!found) {
    throw new ParseError(`The ${format} <${parent.name}> element has no <${name}>.`, 'errors.fileMissingChild', {
      params: { format, parent: parent.name, child: name }, line: parent.line,
    });
  }
  return found;
}

/** The text of an element; inline elements named in `skip` (native codes, placeholders) contribute nothing. */
export function textOf(el: XmlElement, skip: ReadonlySet<string> = new Set()): string {
  let out = '';
  for (const c of el.children) {
    if (typeof c === 'string') out += c;
    else if (!skip.has(c.name)) out += textOf(c, skip);
  }
  return out;
}

/** Elements keyed by one of their attributes (TMX `prop type`, XLIFF `mda:meta type`), in document order. */
export function byAttr(els: XmlElement[], attr: string): Map<string, XmlElement[]> {
  const map = new Map<string, XmlElement[]>();
  for (const el of els) {
    const key = el.attrs[attr] ?? '';
    map.set(key, [...(map.get(key) ?? []), el]);
  }
  return map;
}

// The numbers our files carry: the words of the English sentence, the key of the translated one, whether it is whole, its range.
const NUMBERS = {
  sentenceCount: { what: 'sentence count', key: 'errors.fileBadSentenceCount', integer: true, min: 0, max: MAX_WHOLE },
  index: { what: 'index', key: 'errors.fileBadIndex', integer: true, min: 0, max: MAX_WHOLE },
  score: { what: 'score', key: 'errors.fileBadScore', integer: false, min: 0, max: 1 },
  editDistance: { what: 'edit distance', key: 'errors.fileBadEditDistance', integer: true, min: 0, max: MAX_WHOLE },
  version: { what: 'version', key: 'errors.fileBadVersion', integer: true, min: 1, max: MAX_WHOLE },
} as const;

/** The number an element holds, or undefined without the element; anything else is the file's fault. */
export function numberIn(el: XmlElement | undefined, format: string, field: keyof typeof NUMBERS): number | undefined {
  if (!el) return undefined;
  const { what, key, integer, min, max } = NUMBERS[field];
  const text = textOf(el);
  const value = Number(text);
  if (text.trim() === '' || !(value >= min && value <= max) || (integer && !Number.isInteger(value))) {
    throw new ParseError(`The ${format} ${what} "${text}" is not ${integer ? 'a whole number' : 'a number'} from ${min} to ${max}.`, key, {
      params: { format, text, min, max }, line: el.line,
    });
  }
  return value;
}
