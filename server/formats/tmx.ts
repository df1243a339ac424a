// TMX 1.4b adapter: one `tu` per pair, duiqi's own fields as `x-duiqi-*` props, comments as notes.

import {
  DEFAULT_TOOL_VERSION, SRC_LANG, TGT_LANG, defaultSegments, hasDefaultSegments, headerOf, isChinese, isEnglish,
  isRealDateTime, joinChunks, stateFromName, stateName,
  type BilingualDocument, type BilingualHeader, type BilingualPair, type FormatAdapter, type ImportedClaim, type SerializeOptions,
} from './bilingual-document.ts';
import { ParseError } from './parse-error.ts';
import { XML_DECLARATION, xmlAttr, xmlText } from './xml-write.ts';
import { byAttr, elements, numberIn, readXml, requireChild, textOf, type XmlElement } from './xml-read.ts';
import { State, type StateValue } from '../domain/types.ts';

const FORMAT = 'TMX';
// Native codes of other tools' inline markup: their content is formatting, not text.
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'it', 'ph', 'ut']);

/** TMX dates are `YYYYMMDDThhmmssZ` (UTC, whole seconds). */
export function toTmxDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`"${iso}" is not a date.`);
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z').replace(/[-:]/g, '');
}

/**
 * A date of the file as ISO 8601, or null when it cannot be read. TMX writes `YYYYMMDDThhmmssZ`; other tools write
 * ISO 8601 ("2024-05-01T10:00:00Z"), read when it names one moment: with its zone, and a day and time that exist.
 * A date only says when a unit changed, so an unreadable one is left out rather than refusing the file.
 */
function fromTmxDate(value: string | undefined): string | null {
  if (value === undefined) return null;
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(value.trim());
  const iso = m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : value.trim();
  return isRealDateTime(iso) ? new Date(iso).toISOString() : null;
}

function prop(type: string, value: string, where: string, indent: string): string {
  return `${indent}<prop type="${type}">${xmlText(value, where)}</prop>\n`;
}

function tuv(lang: string, text: string, segments: string[], where: string): string {
  let out = `      <tuv xml:lang="${lang}">\n`;
  if (!hasDefaultSegments(text, segments)) {
    // The count tells "no sentences" apart from "one sentence equal to the whole text".
    out += prop('x-duiqi-segment-count', String(segments.length), where, '        ');
    segments.forEach((s, i) => (out += prop('x-duiqi-segment', s, `${where} sentence ${i + 1}`, '        ')));
  }
  return `${out}        <seg>${xmlText(text, where)}</seg>\n      </tuv>\n`;
}

/** `document` repeats the title on every unit: a memory that merges many files keeps each unit's origin. */
function serializeTu(p: BilingualPair, document: string): string {
  const where = `Pair ${p.id}`;
  let attrs = `tuid="${xmlAttr(p.id, `${where} id`)}"`;
  if (p.changedAt !== null) attrs += ` changedate="${toTmxDate(p.changedAt)}"`;
  if (p.lastEditor !== null) attrs += ` changeid="${xmlAttr(p.lastEditor, `${where} last editor`)}"`;
  let out = `    <tu ${attrs}>\n`;
  out += prop('x-duiqi-document', document, where, '      ');
  out += prop('x-duiqi-index', String(p.index), where, '      ');
  out += prop('x-duiqi-state', stateName(p.state), where, '      ');
  if (p.score !== null) out += prop('x-duiqi-score', String(p.score), where, '      ');
  if (p.editDistance !== null) out += prop('x-duiqi-edit-distance', String(p.editDistance), where, '      ');
  if (p.draft) out += prop('x-duiqi-draft', p.draft, where, '      ');
  out += prop('x-duiqi-version', String(p.version), where, '      ');
  if (p.importedAs) {
    out += prop('x-duiqi-imported-state', stateName(p.importedAs.state), where, '      ');
    if (p.importedAs.editor !== null) out += prop('x-duiqi-imported-editor', p.importedAs.editor, `${where} imported editor`, '      ');
  }
  p.comments.forEach((c, i) => (out += `      <note>${xmlText(c, `${where} comment ${i + 1}`)}</note>\n`));
  out += tuv(SRC_LANG, p.src, p.srcSegments, `${where} source`);
  out += tuv(TGT_LANG, p.tgt, p.tgtSegments, `${where} target`);
  return `${out}    </tu>\n`;
}

function* serializeChunks(header: BilingualHeader, pairs: Iterable<BilingualPair>, opts: SerializeOptions = {}): Generator<string> {
  const exportedAt = (opts.exportedAt ?? new Date()).toISOString();
  let attrs = `creationtool="duiqi" creationtoolversion="${xmlAttr(opts.toolVersion ?? DEFAULT_TOOL_VERSION, 'Tool version')}"` +
    ` segtype="sentence" o-tmf="duiqi" adminlang="en" srclang="${SRC_LANG}" datatype="plaintext"`;
  if (header.created !== null) attrs += ` creationdate="${toTmxDate(header.created)}"`;
  if (header.changed !== null) attrs += ` changedate="${toTmxDate(header.changed)}"`;
  yield `${XML_DECLARATION}<tmx version="1.4">\n  <header ${attrs}>\n` +
    prop('x-duiqi-title', header.title, 'The document title', '    ') +
    prop('x-duiqi-exported', toTmxDate(exportedAt), 'The export time', '    ') +
    '  </header>\n  <body>\n';
  for (const pair of pairs) yield serializeTu(pair, header.title);
  yield '  </body>\n</tmx>\n';
}

/** A unit of the translation memory as it is exported: a loaded unit, or a pair approved here. */
export interface MemoryExportUnit {
  key: string;
  src: string;
  tgt: string;
  /** The memory file's title for a loaded unit, the document's for an approved pair. */
  origin: string;
  approvedHere: boolean;
}

/**
 * The translation memory as plain TMX 1.4b, one `tu` per unit, for any tool's memory: where each unit came from
 * (`x-duiqi-origin`) and whether a reviewer here approved it (`x-duiqi-approved`: yes; a loaded unit says no).
 */
export function* memoryTmxChunks(units: Iterable<MemoryExportUnit>, opts: SerializeOptions = {}): Generator<string> {
  const exportedAt = (opts.exportedAt ?? new Date()).toISOString();
  yield `${XML_DECLARATION}<tmx version="1.4">\n  <header creationtool="duiqi" creationtoolversion="${xmlAttr(opts.toolVersion ?? DEFAULT_TOOL_VERSION, 'Tool version')}"` +
    ` segtype="sentence" o-tmf="duiqi" adminlang="en" srclang="${SRC_LANG}" datatype="plaintext">\n` +
    prop('x-duiqi-title', 'Translation memory', 'The title', '    ') +
    prop('x-duiqi-exported', toTmxDate(exportedAt), 'The export time', '    ') +
    '  </header>\n  <body>\n';
  for (const u of units) {
    const where = `Memory unit ${u.key}`;
    yield `    <tu tuid="${xmlAttr(u.key, where)}">\n` +
      prop('x-duiqi-origin', u.origin, where, '      ') +
      prop('x-duiqi-approved', u.approvedHere ? 'yes' : 'no', where, '      ') +
      `      <tuv xml:lang="${SRC_LANG}"><seg>${xmlText(u.src, `${where} source`)}</seg></tuv>\n` +
      `      <tuv xml:lang="${TGT_LANG}"><seg>${xmlText(u.tgt, `${where} target`)}</seg></tuv>\n    </tu>\n`;
  }
  yield '  </body>\n</tmx>\n';
}

function props(el: XmlElement): Map<string, XmlElement[]> {
  return byAttr(elements(el, 'prop'), 'type');
}

function langOf(el: XmlElement): string {
  return el.attrs['xml:lang'] ?? el.attrs.lang ?? '';
}

function readSide(variant: XmlElement | undefined): { text: string; segments: string[] } {
  if (!variant) return { text: '', segments: [] };
  const text = textOf(requireChild(variant, 'seg', FORMAT), CODE_ELEMENTS);
  const p = props(variant);
  const count = numberIn(p.get('x-duiqi-segment-count')?.[0], FORMAT, 'sentenceCount');
  if (count === undefined) return { text, segments: defaultSegments(text) };
  const segments = (p.get('x-duiqi-segment') ?? []).map((s) => textOf(s));
  if (segments.length !== count) {
    throw new ParseError(`The TMX variant promises ${count} sentences but holds ${segments.length}.`, 'errors.fileTmxSentences', {
      params: { promised: count, held: segments.length }, line: variant.line,
    });
  }
  return { text, segments };
}

function readState(el: XmlElement | undefined, tgt: string): StateValue {
  // A plain TM entry with a target is a translation; only duiqi's own prop says more.
  if (!el) return tgt === '' ? State.untranslated : State.translated;
  const state = stateFromName(textOf(el));
  if (state === undefined) {
    throw new ParseError(`The TMX state "${textOf(el)}" is not one duiqi knows.`, 'errors.fileTmxState', { params: { state: textOf(el) }, line: el.line });
  }
  return state;
}

function readClaim(p: Map<string, XmlElement[]>): { importedAs?: ImportedClaim } {
  const state = p.get('x-duiqi-imported-state')?.[0];
  if (!state) return {};
  const editor = p.get('x-duiqi-imported-editor')?.[0];
  return { importedAs: { state: readState(state, ''), editor: editor ? textOf(editor) : null } };
}

/**
 * A unit's Chinese and English variants, or why it has none to read: no Chinese variant, or Chinese paired only
 * with another language. A unit with Chinese alone is an untranslated sentence, as other tools write one.
 */
function sidesOf(tu: XmlElement): { zh: XmlElement; en: XmlElement | undefined } | ParseError {
  const variants = elements(tu, 'tuv');
  const zh = variants.find((v) => isChinese(langOf(v)));
  const en = variants.find((v) => isEnglish(langOf(v)));
  const other = variants.find((v) => v !== zh && v !== en);
  if (!zh) {
    return new ParseError('A TMX translation unit has no Chinese (zh) variant; duiqi reads Chinese to English.', 'errors.fileTmxNoChinese', { line: tu.line });
  }
  if (!en && other) {
    return new ParseError(`A TMX translation unit pairs Chinese with "${langOf(other)}", not English (en).`, 'errors.fileTmxNotEnglish', {
      params: { lang: langOf(other) }, line: other.line,
    });
  }
  return { zh, en };
}

function readTu(tu: XmlElement, position: number, { zh, en }: { zh: XmlElement; en: XmlElement | undefined }): BilingualPair {
  const p = props(tu);
  const src = readSide(zh);
  const tgt = readSide(en);
  return {
    id: tu.attrs.tuid ?? String(position + 1),
    index: numberIn(p.get('x-duiqi-index')?.[0], FORMAT, 'index') ?? position,
    src: src.text,
    tgt: tgt.text,
    srcSegments: src.segments,
    tgtSegments: tgt.segments,
    state: readState(p.get('x-duiqi-state')?.[0], tgt.text),
    score: numberIn(p.get('x-duiqi-score')?.[0], FORMAT, 'score') ?? null,
    editDistance: numberIn(p.get('x-duiqi-edit-distance')?.[0], FORMAT, 'editDistance') ?? null,
    version: numberIn(p.get('x-duiqi-version')?.[0], FORMAT, 'version') ?? 1,
    lastEditor: tu.attrs.changeid ?? null,
    changedAt: fromTmxDate(tu.attrs.changedate),
    comments: elements(tu, 'note').map((n) => textOf(n)),
    ...(p.get('x-duiqi-draft')?.[0] && textOf(p.get('x-duiqi-draft')![0]!) === 'gloss' ? { draft: 'gloss' as const } : {}),
    ...readClaim(p),
  };
}

function parse(text: string): BilingualDocument {
  const root = readXml(text, FORMAT);
  if (root.name !== 'tmx') {
    throw new ParseError(`This is not a TMX file: its root element is <${root.name}>, not <tmx>.`, 'errors.fileTmxRoot', {
      params: { root: root.name }, line: root.line,
    });
  }
  const version = root.attrs.version ?? '';
  if (!/^1\.\d/.test(version)) {
    throw new ParseError(`duiqi reads TMX 1.x; this file says version "${version}".`, 'errors.fileFormatVersion', {
      params: { format: FORMAT, supported: '1.x', version }, line: root.line,
    });
  }
  const header = requireChild(root, 'header', FORMAT);
  const srclang = header.attrs.srclang ?? '';
  if (!isChinese(srclang) && srclang !== '*all*') {
    throw new ParseError(`The TMX source language is "${srclang}", but duiqi aligns Chinese (zh) to English.`, 'errors.fileSrcLang', {
      params: { format: FORMAT, lang: srclang }, line: header.line,
    });
  }
  const p = props(header);
  const title = p.get('x-duiqi-title')?.[0];
  return {
    title: title ? textOf(title) : '',
    srcLang: SRC_LANG,
    tgtLang: TGT_LANG,
    created: fromTmxDate(header.attrs.creationdate),
    changed: fromTmxDate(header.attrs.changedate),
    ...readUnits(requireChild(root, 'body', FORMAT)),
  };
}

/**
 * The units with Chinese and English. A memory in several languages (zh-CN, en, ja) may lack one of them in some
 * units: those are skipped and counted, so the rest still imports. With no unit left, the first one's reason refuses the file.
 */
function readUnits(body: XmlElement): { pairs: BilingualPair[]; skipped?: number } {
  const pairs: BilingualPair[] = [];
  let refusal: ParseError | undefined;
  let skipped = 0;
  for (const [position, tu] of elements(body, 'tu').entries()) {
    const sides = sidesOf(tu);
    if (sides instanceof ParseError) {
      refusal ??= sides;
      skipped++;
    } else pairs.push(readTu(tu, position, sides));
  }
  if (pairs.length === 0 && refusal) throw refusal;
  return skipped > 0 ? { pairs, skipped } : { pairs };
}

export const tmx: FormatAdapter = {
  name: 'tmx',
  extension: '.tmx',
  mediaType: 'application/x-tmx+xml',
  parse,
  serialize: (doc, opts) => joinChunks(serializeChunks(headerOf(doc), doc.pairs, opts)),
  serializeChunks,
};
