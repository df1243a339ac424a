// TBX, the termbase exchange format of MultiTerm, memoQ, Phrase, Smartcat and OmegaT: reads TBX 2 (<martif>, the one
// most tools write) and TBX 3 (<tbx>, ISO 30042:2019); writes TBX 2, which they all read.

import type { GlossaryEntry } from '../domain/glossary-csv.ts';
import { isChinese, isEnglish } from './bilingual-document.ts';
import { ParseError } from './parse-error.ts';
import { elements, readXml, textOf, type XmlElement } from './xml-read.ts';
import { XML_DECLARATION, xmlText } from './xml-write.ts';

const FORMAT = 'TBX';
/** A concept with many synonyms on both sides gives their every pairing: bounded, so a hostile file cannot ask for millions. */
export const MAX_TBX_ENTRIES = 50_000;

export interface TbxGlossary {
  entries: GlossaryEntry[];
  /** Concepts with no Chinese or no English term (a termbase in more languages than ours): left out, and counted. */
  skipped: number;
}

/** Every element of the given names below `el`, in document order (termEntry sits in body, or in groups some tools add). */
function descendants(el: XmlElement, names: ReadonlySet<string>): XmlElement[] {
  return elements(el).flatMap((c) => (names.has(c.name) ? [c] : descendants(c, names)));
}

const clean = (text: string) => text.replace(/\s+/g, ' ').trim();

/** The terms of one language section: TBX 2's tig/term and ntig/termGrp/term, TBX 3's termSec/term. */
function termsOf(section: XmlElement): string[] {
  return descendants(section, new Set(['term'])).map((t) => clean(textOf(t))).filter((t) => t !== '');
}

/** What a concept says about itself: its notes and definitions, as one note. */
function noteOf(concept: XmlElement): string | undefined {
  const said = elements(concept)
    .filter((e) => e.name === 'note' || (e.name === 'descrip' && ['definition', 'context', 'explanation'].includes(e.attrs.type ?? '')))
    .map((e) => clean(textOf(e))).filter((n) => n !== '');
  return said.length > 0 ? said.join('; ') : undefined;
}

export function parseGlossaryTbx(text: string): TbxGlossary {
  const root = readXml(text, FORMAT);
  if (root.name !== 'martif' && root.name !== 'tbx') {
    throw new ParseError(`This is not a TBX file: its root is <${root.name}>, not <martif> (TBX 2) or <tbx> (TBX 3).`, 'errors.fileTbxRoot', {
      params: { root: root.name }, line: root.line,
    });
  }
  const concepts = descendants(root, new Set(['termEntry', 'conceptEntry']));
  const pairs: { zh: string[]; en: string[]; note?: string; line: number }[] = [];
  let skipped = 0;
  let total = 0;
  for (const concept of concepts) {
    const sections = elements(concept).filter((e) => e.name === 'langSet' || e.name === 'langSec');
    const lang = (s: XmlElement) => s.attrs['xml:lang'] ?? s.attrs.lang ?? '';
    const zh = sections.filter((s) => isChinese(lang(s))).flatMap(termsOf);
    const en = sections.filter((s) => isEnglish(lang(s))).flatMap(termsOf);
    if (zh.length === 0 || en.length === 0) {
      skipped++;
      continue;
    }
    total += zh.length * en.length;
    if (total > MAX_TBX_ENTRIES) {
      throw new ParseError(`The TBX file gives more than ${MAX_TBX_ENTRIES} Chinese-English term pairs; split it into smaller files.`, 'errors.fileTbxTooMany', {
        params: { max: MAX_TBX_ENTRIES }, line: concept.line,
      });
    }
    pairs.push({ zh, en, note: noteOf(concept), line: concept.line });
  }
  if (pairs.length === 0) {
    throw new ParseError('The TBX file has no concept with both a Chinese and an English term.', 'errors.fileTbxNoPairs', { line: root.line });
  }
  // Synonyms on each side are each an agreed rendering: every Chinese term with every English one.
  const entries = pairs.flatMap(({ zh, en, note }) => zh.flatMap((z) => en.map((e) => ({ zh: z, en: e, ...(note ? { note } : {}) }))));
  return { entries, skipped };
}

/** TBX 2 (TBX-Basic's structure): one termEntry per entry, its note first, then the Chinese and the English term. */
export function serializeGlossaryTbx(entries: readonly GlossaryEntry[]): string {
  let out = `${XML_DECLARATION}<martif type="TBX" xml:lang="en">\n  <martifHeader>\n    <fileDesc><sourceDesc><p>duiqi glossary</p></sourceDesc></fileDesc>\n  </martifHeader>\n  <text>\n    <body>\n`;
  entries.forEach((e, i) => {
    const where = `Glossary entry ${e.zh}`;
    out += `      <termEntry id="e${i + 1}">\n`;
    if (e.note) out += `        <note>${xmlText(e.note, `${where} note`)}</note>\n`;
    out += `        <langSet xml:lang="zh-CN"><tig><term>${xmlText(e.zh, where)}</term></tig></langSet>\n`;
    out += `        <langSet xml:lang="en"><tig><term>${xmlText(e.en, where)}</term></tig></langSet>\n`;
    out += '      </termEntry>\n';
  });
  return `${out}    </body>\n  </text>\n</martif>\n`;
}
