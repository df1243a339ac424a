// Word .docx in and out: paragraphs, headings (by their style) and list items (by their numbering).

import { ParseError } from '../parse-error.ts';
import { readXml, elements, type XmlElement } from '../xml-read.ts';
import { xmlText, XML_DECLARATION } from '../xml-write.ts';
import { nonEmpty, utf8, type BinarySourceFormat, type Block, type SourceDocument } from './blocks.ts';
import { readZipEntries, writeZip } from './zip.ts';
import { symbolText } from './docx-symbols.ts';

const FORMAT = 'Word';
/** What the parts we read may unpack to together; a zip bomb stops here. */
export const MAX_DOCX_XML = 32 * 1024 * 1024;
const DOCUMENT = 'word/document.xml';
const STYLES = 'word/styles.xml';
// Containers whose paragraphs are the document's; text boxes, drawings and deleted text are not read.
const CONTAINERS = new Set(['w:body', 'w:tbl', 'w:tr', 'w:tc', 'w:sdt', 'w:sdtContent', 'w:customXml', 'w:ins', 'w:smartTag']);
const SKIPPED_IN_PARAGRAPH = new Set(['w:pPr', 'w:rPr', 'w:del', 'w:delText', 'w:instrText', 'w:drawing', 'w:pict', 'mc:AlternateContent', 'w:footnoteReference']);

type StyleKind = { heading: number } | 'caption' | 'item' | 'title';

/** Heading levels from the style's name ("heading 2", "Title"), as Word and LibreOffice name them whatever the UI language. */
function styleKinds(styles: XmlElement | undefined): Map<string, StyleKind> {
  const kinds = new Map<string, StyleKind>();
  for (const s of styles ? elements(styles, 'w:style') : []) {
    const id = s.attrs['w:styleId'];
    const name = (elements(s, 'w:name')[0]?.attrs['w:val'] ?? id ?? '').toLowerCase();
    const heading = /^heading\s*([1-6])$/.exec(name);
    if (!id) continue;
    if (heading) kinds.set(id, { heading: Number(heading[1]) });
    else if (name === 'title') kinds.set(id, 'title');
    else if (name === 'caption') kinds.set(id, 'caption');
    else if (/^list (bullet|number)/.test(name)) kinds.set(id, 'item');
  }
  return kinds;
}

function* paragraphs(el: XmlElement): Generator<XmlElement> {
  for (const c of elements(el)) {
    if (c.name === 'w:p') yield c;
    else if (CONTAINERS.has(c.name)) yield* paragraphs(c);
  }
}

function paragraphText(el: XmlElement): string {
  let out = '';
  for (const c of el.children) {
    if (typeof c === 'string') continue;
    if (c.name === 'w:t') out += c.children.filter((x): x is string => typeof x === 'string').join('');
    else if (c.name === 'w:tab' || c.name === 'w:br' || c.name === 'w:cr') out += ' ';
    // As mammoth reads them. A soft hyphen (w:softHyphen) reads as nothing, where mammoth keeps U+00AD: it only says
    // where Word may break a word, and inside one it would keep the glossary and the memory from matching it.
    else if (c.name === 'w:noBreakHyphen') out += '\u2011';
    else if (c.name === 'w:sym') out += symbolText(c.attrs['w:font'], c.attrs['w:char']);
    else if (!SKIPPED_IN_PARAGRAPH.has(c.name)) out += paragraphText(c);
  }
  return out;
}

function blockOf(p: XmlElement, kinds: Map<string, StyleKind>): Block {
  const pPr = elements(p, 'w:pPr')[0];
  const styleId = pPr && elements(pPr, 'w:pStyle')[0]?.attrs['w:val'];
  const kind = styleId ? kinds.get(styleId) : undefined;
  const text = paragraphText(p);
  if (kind === 'title') return { kind: 'heading', level: 1, text };
  if (kind === 'caption') return { kind: 'noise', text };
  if (typeof kind === 'object') return { kind: 'heading', level: kind.heading, text };
  if (kind === 'item' || (pPr && elements(pPr, 'w:numPr').length > 0)) return { kind: 'item', text };
  return { kind: 'paragraph', text };
}

export function readDocx(bytes: Uint8Array): SourceDocument {
  const parts = readZipEntries(bytes, [DOCUMENT, STYLES], MAX_DOCX_XML, FORMAT);
  const main = parts.get(DOCUMENT);
  if (!main) throw new ParseError('The Word file has no word/document.xml: it is not a .docx document.', 'formats.docxNoDocument');
  const doc = readXml(main.toString('utf8'), FORMAT);
  const body = elements(doc, 'w:body')[0];
  if (!body) throw new ParseError('The Word document has no body.', 'formats.docxNoBody');
  const styles = parts.get(STYLES);
  const kinds = styleKinds(styles ? readXml(styles.toString('utf8'), FORMAT) : undefined);
  return { blocks: nonEmpty([...paragraphs(body)].map((p) => blockOf(p, kinds))) };
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const WHERE = 'The Word document';

/** One paragraph of WordprocessingML, styled after the block's kind. */
export function paragraphXml(block: Block): string {
  const style = block.kind === 'heading' ? `Heading${Math.min(6, Math.max(1, block.level ?? 1))}`
    : block.kind === 'item' ? 'ListBullet' : block.kind === 'noise' ? 'Caption' : undefined;
  const pPr = style ? `<w:pPr><w:pStyle w:val="${style}"/>${block.kind === 'item' ? '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>' : ''}</w:pPr>` : '';
  return `<w:p>${pPr}<w:r><w:t xml:space="preserve">${xmlText(block.text, WHERE)}</w:t></w:r></w:p>`;
}

const headingStyles = [1, 2, 3, 4, 5, 6].map((n) => `<w:style w:type="paragraph" w:styleId="Heading${n}"><w:name w:val="heading ${n}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:keepNext/><w:outlineLvl w:val="${n - 1}"/></w:pPr><w:rPr><w:b/><w:sz w:val="${36 - n * 3}"/></w:rPr></w:style>`).join('');

const STYLES_XML = `${XML_DECLARATION}<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:eastAsia="SimSun"/><w:sz w:val="22"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>${headingStyles}<w:style w:type="paragraph" w:styleId="ListBullet"><w:name w:val="List Bullet"/><w:basedOn w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Caption"><w:name w:val="caption"/><w:basedOn w:val="Normal"/><w:rPr><w:i/></w:rPr></w:style><w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:left w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:right w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style></w:styles>`;
const NUMBERING_XML = `${XML_DECLARATION}<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="720" w:hanging="360"/></w:pPr></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`;
const CONTENT_TYPES = `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`;
const ROOT_RELS = `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
const DOCUMENT_RELS = `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>`;

function coreXml(title: string | undefined): string {
  return `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>${xmlText(title ?? '', WHERE)}</dc:title><dc:creator>duiqi</dc:creator></cp:coreProperties>`;
}

/** A whole .docx around body XML (paragraphs and tables), with the styles that paragraphXml names. */
export function docxPackage(bodyXml: string, title?: string): Uint8Array {
  const document = `${XML_DECLARATION}<w:document xmlns:w="${W}"><w:body>${bodyXml}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1440" w:bottom="1440" w:left="1440" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  return writeZip([
    { name: '[Content_Types].xml', data: utf8(CONTENT_TYPES) },
    { name: '_rels/.rels', data: utf8(ROOT_RELS) },
    { name: 'docProps/core.xml', data: utf8(coreXml(title)) },
    { name: 'word/document.xml', data: utf8(document) },
    { name: 'word/_rels/document.xml.rels', data: utf8(DOCUMENT_RELS) },
    { name: 'word/styles.xml', data: utf8(STYLES_XML) },
    { name: 'word/numbering.xml', data: utf8(NUMBERING_XML) },
  ]);
}

/** A table of cells (each a list of blocks) with equal columns. */
export function tableXml(rows: Block[][][]): string {
  const columns = rows[0]?.length ?? 1;
  const width = Math.floor(9026 / columns);
  const cell = (blocks: Block[]) => `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/></w:tcPr>${blocks.length ? blocks.map(paragraphXml).join('') : '<w:p/>'}</w:tc>`;
  const grid = Array.from({ length: columns }, () => `<w:gridCol w:w="${width}"/>`).join('');
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${rows.map((r) => `<w:tr>${r.map(cell).join('')}</w:tr>`).join('')}</w:tbl>`;
}

export const docxFormat: BinarySourceFormat = {
  name: 'docx',
  extension: '.docx',
  mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  accept: ['.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  binary: true,
  read: readDocx,
  write: (doc) => docxPackage(doc.blocks.map(paragraphXml).join(''), doc.title),
};
