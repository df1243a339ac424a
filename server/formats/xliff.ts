// XLIFF 2.1 adapter: one `unit` per pair, our state kept exactly in `subState`, our fields in the metadata module.
// Reading also takes XLIFF 1.x (xliff12.ts), which most CAT tools still write.

import {
  DEFAULT_TOOL_VERSION, SRC_LANG, TGT_LANG, defaultSegments, hasDefaultSegments, headerOf,
  joinChunks, stateFromName, stateName,
  type BilingualDocument, type BilingualHeader, type BilingualPair, type FormatAdapter, type SerializeOptions,
  type StateName,
} from './bilingual-document.ts';
import { ParseError } from './parse-error.ts';
import { XML_DECLARATION, xmlAttr, xmlText } from './xml-write.ts';
import { byAttr, child, elements, numberIn, readXml, requireChild, textOf, type XmlElement } from './xml-read.ts';
import { State, type StateValue } from '../domain/types.ts';
import { ValidationError } from '../domain/errors.ts';
import { XLIFF12_NS, isXliff1, parseXliff1 } from './xliff12.ts';
import { checkXliffLanguages, documentHeader, metaDate, metaText, pairMetas, readClaim, targetChanged } from './xliff-meta.ts';

const FORMAT = 'XLIFF';
/** XLIFF 2.1 keeps the 2.0 namespace; only `version` tells them apart. */
export const XLIFF_NS = 'urn:oasis:names:tc:xliff:document:2.0';
export const MDA_NS = 'urn:oasis:names:tc:xliff:metadata:2.0';
// Placeholders and codes stand for markup of the original format, not for text.
const CODE_ELEMENTS = new Set(['ph', 'sc', 'ec', 'sm', 'em']);

/**
 * XLIFF's four states form a line (initial → translated → reviewed → final) and assume a human
 * translation from `translated` on. Untouched machine output is therefore still `initial`; a rejected
 * translation exists but failed review, so it is `translated`; approval is a review outcome, so it is
 * `reviewed` — `final` would promise that nothing changes any more, which duiqi does not track.
 * `subState="duiqi:<name>"` carries our own state, so our files read back exactly.
 */
export const XLIFF_STATE: Record<StateName, 'initial' | 'translated' | 'reviewed'> = {
  untranslated: 'initial',
  machine: 'initial',
  translated: 'translated',
  rejected: 'translated',
  approved: 'reviewed',
};

const NMTOKEN = /^[\p{L}\p{N}._:\-\u00B7\u0300-\u036F\u203F\u2040]+$/u;

function meta(type: string, value: string, where: string, indent: string): string {
  return `${indent}<mda:meta type="${type}">${xmlText(value, where)}</mda:meta>\n`;
}

/**
 * Each side's aligned sentences, when they are not simply its text. The English ones are always written: they are the draft
 * a post-edit is measured from, and once another tool has changed the target its text no longer tells what they were.
 */
function segmentGroups(p: BilingualPair, where: string): { counts: string; groups: string } {
  let counts = '';
  let groups = '';
  for (const [side, appliesTo, text, segments] of [
    ['src', 'source', p.src, p.srcSegments],
    ['tgt', 'target', p.tgt, p.tgtSegments],
  ] as const) {
    if (hasDefaultSegments(text, segments) && (side === 'src' || segments.length === 0)) continue;
    // A metaGroup may not be empty, so the count alone says "no sentences".
    counts += meta(`${side}SegmentCount`, String(segments.length), where, '          ');
    if (segments.length === 0) continue;
    groups += `        <mda:metaGroup category="duiqi:${side}Segments" appliesTo="${appliesTo}">\n`;
    segments.forEach((s, i) => (groups += meta('sentence', s, `${where} ${appliesTo} sentence ${i + 1}`, '          ')));
    groups += '        </mda:metaGroup>\n';
  }
  return { counts, groups };
}

function serializeUnit(p: BilingualPair): string {
  const where = `Pair ${p.id}`;
  if (!NMTOKEN.test(p.id)) throw new ValidationError(`${where}: an XLIFF unit id must be an NMTOKEN (letters, digits, . - _ :).`, 'errors.xliffUnitId', { id: p.id });
  const name = stateName(p.state);
  const { counts, groups } = segmentGroups(p, where);
  let out = `    <unit id="${p.id}">\n      <mda:metadata>\n        <mda:metaGroup category="duiqi:pair">\n`;
  out += pairMetas(p, where).map(([type, value, at]) => meta(type, value, at, '          ')).join('');
  out += `${counts}        </mda:metaGroup>\n${groups}      </mda:metadata>\n`;
  if (p.comments.length > 0) {
    out += '      <notes>\n';
    p.comments.forEach((c, i) => (out += `        <note category="comment">${xmlText(c, `${where} comment ${i + 1}`)}</note>\n`));
    out += '      </notes>\n';
  }
  return `${out}      <segment state="${XLIFF_STATE[name]}" subState="duiqi:${name}">\n` +
    `        <source>${xmlText(p.src, `${where} source`)}</source>\n` +
    `        <target>${xmlText(p.tgt, `${where} target`)}</target>\n` +
    '      </segment>\n    </unit>\n';
}

function* serializeChunks(header: BilingualHeader, pairs: Iterable<BilingualPair>, opts: SerializeOptions = {}): Generator<string> {
  const exportedAt = (opts.exportedAt ?? new Date()).toISOString();
  let doc = meta('title', header.title, 'The document title', '        ');
  if (header.created !== null) doc += meta('created', header.created, 'Created', '        ');
  if (header.changed !== null) doc += meta('changed', header.changed, 'Changed', '        ');
  doc += meta('tool', `duiqi ${opts.toolVersion ?? DEFAULT_TOOL_VERSION}`, 'Tool version', '        ');
  doc += meta('exported', exportedAt, 'Export time', '        ');
  // xml:space="preserve": sentence text is exact, leading and trailing spaces included.
  yield `${XML_DECLARATION}<xliff xmlns="${XLIFF_NS}" xmlns:mda="${MDA_NS}" version="2.1" srcLang="${SRC_LANG}" trgLang="${TGT_LANG}" xml:space="preserve">\n` +
    `  <file id="f1">\n    <mda:metadata>\n      <mda:metaGroup category="duiqi:document">\n${doc}      </mda:metaGroup>\n    </mda:metadata>\n`;
  let count = 0;
  for (const pair of pairs) {
    count++;
    yield serializeUnit(pair);
  }
  // A <file> needs at least one unit or group; an empty group says "no pairs" validly.
  if (count === 0) yield '    <group id="empty"/>\n';
  yield '  </file>\n</xliff>\n';
}

/** The metas of every metaGroup of the given category under `parent`'s metadata, by type. */
function metas(parent: XmlElement, prefix: string, category: string): Map<string, XmlElement[]> {
  const groups = elements(parent, `${prefix}metadata`)
    .flatMap((md) => elements(md, `${prefix}metaGroup`))
    .filter((g) => g.attrs.category === category);
  return byAttr(groups.flatMap((g) => elements(g, `${prefix}meta`)), 'type');
}

function readState(segment: XmlElement, tgt: string): StateValue {
  const sub = segment.attrs.subState ?? '';
  if (sub.startsWith('duiqi:')) {
    const state = stateFromName(sub.slice('duiqi:'.length));
    if (state === undefined) {
      throw new ParseError(`The XLIFF subState "${sub}" is not a duiqi state.`, 'errors.fileXliffSubState', { params: { subState: sub }, line: segment.line });
    }
    return state;
  }
  return fileState(segment, tgt);
}

/** The segment's state as XLIFF says it to every tool, without our subState. */
function fileState(segment: XmlElement, tgt: string): StateValue {
  switch (segment.attrs.state ?? 'initial') {
    // Without our subState, a pre-filled initial target is the closest thing to machine output.
    case 'initial': return tgt === '' ? State.untranslated : State.machine;
    case 'translated': return State.translated;
    case 'reviewed':
    case 'final': return State.approved;
    default:
      throw new ParseError(`The XLIFF state "${segment.attrs.state}" is none of initial, translated, reviewed, final.`, 'errors.fileXliffState', {
        params: { state: segment.attrs.state }, line: segment.line,
      });
  }
}

function readContent(el: XmlElement | undefined): string {
  if (!el) return '';
  const cp = findCp(el);
  if (cp) {
    throw new ParseError('The XLIFF text holds a <cp> character that XML cannot carry; duiqi does not accept such characters.', 'errors.fileXliffCp', {
      line: cp.line,
    });
  }
  return textOf(el, CODE_ELEMENTS);
}

function findCp(el: XmlElement): XmlElement | undefined {
  for (const c of elements(el)) {
    const found = c.name === 'cp' ? c : findCp(c);
    if (found) return found;
  }
  return undefined;
}

function readSegments(pair: Map<string, XmlElement[]>, unit: XmlElement, prefix: string, side: 'src' | 'tgt', text: string): string[] {
  const count = numberIn(pair.get(`${side}SegmentCount`)?.[0], FORMAT, 'sentenceCount');
  if (count === undefined) return defaultSegments(text);
  const segments = (metas(unit, prefix, `duiqi:${side}Segments`).get('sentence') ?? []).map((m) => textOf(m));
  if (segments.length !== count) {
    throw new ParseError(`The XLIFF unit promises ${count} sentences but holds ${segments.length}.`, 'errors.fileXliffSentences', {
      params: { promised: count, held: segments.length }, line: unit.line,
    });
  }
  return segments;
}

/**
 * One side of a unit split into segments, as one text. The <ignorable>s between segments hold what is not
 * translated, typically the space between two sentences; an ignorable's source stands for a target it leaves
 * out. An ignorable joins in only after a segment with text on this side and before another: around the text,
 * or after a sentence not yet translated, it would leave a space at an end or a doubled one.
 */
function joinParts(parts: XmlElement[], side: (part: XmlElement) => XmlElement | undefined): string {
  let out = '';
  let between = '';
  let afterText = false;
  for (const part of parts) {
    const el = side(part);
    if (part.name === 'ignorable') {
      if (afterText) between += readContent(el);
    } else if (el) {
      out += (out === '' ? '' : between) + readContent(el);
      between = '';
      afterText = true;
    } else afterText = false;
  }
  return out;
}

function readUnit(unit: XmlElement, position: number, prefix: string): BilingualPair {
  // One pair per unit: a unit split into several segments is read back as their joined text.
  const segments = elements(unit, 'segment');
  if (segments.length === 0) throw new ParseError('An XLIFF unit has no <segment>.', 'errors.fileXliffNoSegment', { line: unit.line });
  const parts = elements(unit).filter((el) => el.name === 'segment' || el.name === 'ignorable');
  const src = joinParts(parts, (p) => requireChild(p, 'source', FORMAT));
  const tgt = joinParts(parts, (p) => child(p, 'target') ?? (p.name === 'ignorable' ? child(p, 'source') : undefined));
  const m = metas(unit, prefix, 'duiqi:pair');
  const pair: BilingualPair = {
    id: unit.attrs.id ?? String(position + 1),
    index: numberIn(m.get('index')?.[0], FORMAT, 'index') ?? position,
    src,
    tgt,
    srcSegments: readSegments(m, unit, prefix, 'src', src),
    tgtSegments: readSegments(m, unit, prefix, 'tgt', tgt),
    // A unit is only as far along as its least advanced segment: one final sentence does not make the pair approved.
    state: Math.min(...segments.map((s) => readState(s, tgt))) as StateValue,
    score: numberIn(m.get('score')?.[0], FORMAT, 'score') ?? null,
    editDistance: numberIn(m.get('editDistance')?.[0], FORMAT, 'editDistance') ?? null,
    version: numberIn(m.get('version')?.[0], FORMAT, 'version') ?? 1,
    lastEditor: metaText(m, 'lastEditor'),
    changedAt: metaDate(m, 'changedAt'),
    comments: elements(unit, 'notes').flatMap((n) => elements(n, 'note')).map((n) => textOf(n)),
    ...(metaText(m, 'draft') === 'gloss' ? { draft: 'gloss' as const } : {}),
    ...readClaim(m),
  };
  return targetChanged(m, tgt) ? changedElsewhere(pair, segments) : pair;
}

/**
 * A unit of our file whose target another tool changed since: XLIFF 2 lets a tool change the text and keep the state (and
 * so our subState), which would read the edit back as our old state. The edit is a translation done there; where the tool
 * also set a state of its own that says more (reviewed or final), that state, as XLIFF 1.2 reads a tool's states. Our other
 * values stay, and the aligned English sentences stay the draft the post-edit done there is measured from.
 */
function changedElsewhere(pair: BilingualPair, segments: XmlElement[]): BilingualPair {
  const { importedAs: _claim, draft: _draft, ...ours } = pair;
  const kept = segments.every((s) => (s.attrs.state ?? 'initial') === XLIFF_STATE[stateName(pair.state)]);
  const said = Math.min(...segments.map((s) => fileState(s, pair.tgt)));
  const state = (pair.tgt === '' ? State.untranslated : kept ? State.translated : Math.max(State.translated, said)) as StateValue;
  return { ...ours, state, editDistance: null, lastEditor: null, changedAt: null };
}

function unitsOf(parent: XmlElement): XmlElement[] {
  return elements(parent).flatMap((el) => (el.name === 'unit' ? [el] : el.name === 'group' ? unitsOf(el) : []));
}

function parse(input: string): BilingualDocument {
  const root = readXml(input, FORMAT);
  if (root.name === 'xliff' && isXliff1(root)) return parseXliff1(root);
  if (root.name !== 'xliff' || root.attrs.xmlns !== XLIFF_NS) {
    throw new ParseError(`This is not an XLIFF file: its root must be <xliff xmlns="${XLIFF_NS}"> (XLIFF 2) or <xliff xmlns="${XLIFF12_NS}"> (XLIFF 1.2).`, 'errors.fileXliffRoot', {
      params: { namespace: XLIFF_NS, namespace12: XLIFF12_NS }, line: root.line,
    });
  }
  const version = root.attrs.version ?? '';
  if (!/^2\.\d/.test(version)) {
    throw new ParseError(`duiqi reads XLIFF 2.x and 1.x; this file says version "${version}".`, 'errors.fileFormatVersion', {
      params: { format: FORMAT, supported: '2.x and 1.x', version }, line: root.line,
    });
  }
  checkXliffLanguages(root.attrs.srcLang ?? '', root.attrs.trgLang ?? '', root.line);
  // The metadata module may be bound to any prefix on the root; we read the one the file chose.
  const binding = Object.entries(root.attrs).find(([k, v]) => k.startsWith('xmlns:') && v === MDA_NS);
  const prefix = binding ? `${binding[0].slice('xmlns:'.length)}:` : 'mda:';
  const files = elements(root, 'file');
  if (files.length === 0) throw new ParseError('The XLIFF file has no <file> element.', 'errors.fileXliffNoFile', { line: root.line });
  const d = metas(files[0]!, prefix, 'duiqi:document');
  return { ...documentHeader(d), pairs: files.flatMap(unitsOf).map((u, i) => readUnit(u, i, prefix)) };
}

export const xliff: FormatAdapter = {
  name: 'xliff',
  extension: '.xlf',
  mediaType: 'application/xliff+xml',
  parse,
  serialize: (doc, opts) => joinChunks(serializeChunks(headerOf(doc), doc.pairs, opts)),
  serializeChunks,
};
