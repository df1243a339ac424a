// XLIFF 1.2 (reading 1.1 and 1.0 too), what Trados Studio (.sdlxliff), memoQ (.mqxliff), OmegaT and most CAT tools
// still exchange: one pair per trans-unit, its sentences from the tool's own segmentation. duiqi writes it for tools
// that open no XLIFF 2 (OmegaT among them): plain source and target any 1.2 tool reads, and our own values in our
// namespace, which those tools carry along or ignore and which make our files read back exactly.

import {
  DEFAULT_TOOL_VERSION, SRC_LANG, TGT_LANG, defaultSegments, hasDefaultSegments, headerOf, joinChunks, stateFromName, stateName,
  type BilingualDocument, type BilingualHeader, type BilingualPair, type FormatAdapter, type SerializeOptions, type StateName,
} from './bilingual-document.ts';
import { ParseError } from './parse-error.ts';
import { byAttr, child, elements, numberIn, readXml, textOf, type XmlElement } from './xml-read.ts';
import { XML_DECLARATION, xmlAttr, xmlText } from './xml-write.ts';
import { checkXliffLanguages, documentHeader, metaDate, metaText, pairMetas, readClaim, targetChanged } from './xliff-meta.ts';
import { State, type StateValue } from '../domain/types.ts';

const FORMAT = 'XLIFF';
export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2';
export const XLIFF11_NS = 'urn:oasis:names:tc:xliff:document:1.1';
// Trados keeps each sentence's status in its own namespace, not in XLIFF's `state`.
const SDL_NS = 'http://sdl.com/FileTypes/SdlXliff/1.0';
/** Our values in a 1.2 file: a namespace of our own, as XLIFF 1.2 lets a tool add elements in one. */
export const DUIQI12_NS = 'urn:x-duiqi:xliff-metadata';

// Native codes: their content is the original format's markup. <g> and <mrk> wrap text and keep it;
// <x/>, <bx/>, <ex/> are empty anyway.
const CODE_ELEMENTS = new Set(['bpt', 'ept', 'ph', 'it']);

/** True for the root of an XLIFF 1.x file: the 1.2 or 1.1 namespace, or 1.0's version without one. */
export function isXliff1(root: XmlElement): boolean {
  const ns = root.attrs.xmlns;
  return ns === XLIFF12_NS || ns === XLIFF11_NS || (ns === undefined && /^1\.\d$/.test(root.attrs.version ?? ''));
}

// XLIFF 1.2's `state` values (and x- ones of a tool's own): a target awaiting review is a translation;
// final and signed-off are review outcomes. A target still marked new or needing translation is a draft to
// post-edit, the nearest thing to machine output, as XLIFF 2's `initial` reads.
const TRANSLATED = new Set(['translated', 'needs-review-translation', 'needs-review-adaptation', 'needs-review-l10n']);
const APPROVED = new Set(['final', 'signed-off']);
const DRAFT = new Set(['new', 'needs-translation', 'needs-adaptation', 'needs-l10n']);

// Trados's confirmation levels (sdl:seg conf).
const SDL_STATE: Record<string, StateValue> = {
  Draft: State.machine,
  Translated: State.translated,
  RejectedTranslation: State.rejected,
  ApprovedTranslation: State.approved,
  RejectedSignOff: State.rejected,
  ApprovedSignOff: State.approved,
};

// memoQ (.mqxliff) keeps each unit's status in `mq:status`, bound to "MQXliff" in the files memoQ writes (the namespace
// URI below is read too). Its statuses follow its translation grid's colours; read as Trados's confirmations are, case
// aside (memoQ's own API spells PreTranslated, its files Pretranslated).
const MQ_NS = ['MQXliff', 'http://www.memoq.com/memoq/xliff'];
const MQ_STATE: Record<string, StateValue> = {
  notstarted: State.machine,
  editing: State.machine,
  partiallyedited: State.machine,
  pretranslated: State.machine,
  machinetranslated: State.machine,
  assembledfromfragments: State.machine,
  manuallyconfirmed: State.translated,
  confirmed: State.translated,
  automaticallyconfirmed: State.translated,
  translatorconfirmed: State.translated,
  rejected: State.rejected,
  reviewer1confirmed: State.approved,
  reviewer2confirmed: State.approved,
  proofread: State.approved,
};

/** The prefixes (with their colons) a file bound the namespaces of the tools whose statuses we read. */
interface ToolPrefixes {
  sdl: string | undefined;
  mq: string | undefined;
}

function draftState(tgt: string): StateValue {
  return tgt === '' ? State.untranslated : State.machine;
}

function xliffState(unit: XmlElement, target: XmlElement | undefined, tgt: string, mq: string | undefined): StateValue {
  if (tgt === '') return State.untranslated;
  if (unit.attrs.approved === 'yes') return State.approved;
  const state = target?.attrs.state;
  // memoQ's status speaks only where the file's own XLIFF state is silent.
  const memoq = state === undefined && mq ? MQ_STATE[(unit.attrs[`${mq}status`] ?? '').toLowerCase()] : undefined;
  if (memoq !== undefined) return memoq;
  // Machine output a tool marked as such, whatever state it gave it.
  if (target?.attrs['state-qualifier'] === 'mt-suggestion' && !APPROVED.has(state ?? '')) return State.machine;
  if (state === undefined || state.startsWith('x-') || DRAFT.has(state)) return draftState(tgt);
  if (TRANSLATED.has(state)) return State.translated;
  if (APPROVED.has(state)) return State.approved;
  throw new ParseError(`The XLIFF 1.2 state "${state}" is not one XLIFF 1.2 defines.`, 'errors.fileXliff12State', { params: { state }, line: target!.line });
}

/** The sentences of a side as the tool segmented it: <mrk mtype="seg"> inside, in order, keyed by mid. */
function segMarks(el: XmlElement | undefined): Map<string, XmlElement> {
  const marks = new Map<string, XmlElement>();
  const walk = (e: XmlElement): void => {
    for (const c of elements(e)) {
      if (c.name === 'mrk' && c.attrs.mtype === 'seg') marks.set(c.attrs.mid ?? String(marks.size), c);
      else if (!CODE_ELEMENTS.has(c.name)) walk(c);
    }
  };
  if (el) walk(el);
  return marks;
}

const read = (el: XmlElement | undefined): string => (el ? textOf(el, CODE_ELEMENTS) : '');

/** Trados's per-sentence statuses of a unit, by mid: the least advanced one is the pair's. */
function sdlStates(unit: XmlElement, sdl: string | undefined): StateValue[] {
  if (!sdl) return [];
  const defs = elements(unit, `${sdl}seg-defs`).flatMap((d) => elements(d, `${sdl}seg`));
  return defs.flatMap((s) => (s.attrs.conf && SDL_STATE[s.attrs.conf] !== undefined ? [SDL_STATE[s.attrs.conf]!] : []));
}

/** Our metas of an element (a unit, the file header) by type, or undefined when it has none: a file from another tool. */
function ownMetas(parent: XmlElement, own: string | undefined): Map<string, XmlElement[]> | undefined {
  const metadata = own ? child(parent, `${own}metadata`) : undefined;
  return metadata && byAttr(elements(metadata, `${own}meta`), 'type');
}

function ownSentences(unit: XmlElement, own: string, side: 'src' | 'tgt', text: string): string[] {
  const list = elements(child(unit, `${own}metadata`)!, `${own}sentences`).find((l) => l.attrs.side === side);
  return list ? elements(list, `${own}s`).map((s) => textOf(s)) : defaultSegments(text);
}

/** The target's state attributes as the writer puts them, to compare with TARGET_STATE. */
function stateAttrs(target: XmlElement): string {
  const qualifier = target.attrs['state-qualifier'];
  return `state="${target.attrs.state ?? ''}"${qualifier ? ` state-qualifier="${qualifier}"` : ''}`;
}

/**
 * A unit of our own file: texts exactly as written (xml:space="preserve"), every value from our metadata. A unit
 * translated or confirmed in another tool since (OmegaT, say: its target or state no longer what we wrote) keeps our
 * values but takes that tool's text and state, as a unit from that tool would: the work done there is not lost.
 */
function readOwnUnit(unit: XmlElement, m: Map<string, XmlElement[]>, own: string, tools: ToolPrefixes): BilingualPair {
  const src = textOf(child(unit, 'source')!);
  const target = child(unit, 'target');
  const tgt = target ? textOf(target) : '';
  const name = metaText(m, 'state') ?? '';
  const state = stateFromName(name);
  if (state === undefined) {
    throw new ParseError(`The duiqi state "${name}" of this XLIFF 1.2 unit is not one duiqi has.`, 'errors.fileXliff12OwnState', { params: { state: name }, line: unit.line });
  }
  const pair: BilingualPair = {
    id: unit.attrs.id ?? '',
    index: numberIn(m.get('index')?.[0], FORMAT, 'index') ?? 0,
    src,
    tgt,
    srcSegments: ownSentences(unit, own, 'src', src),
    tgtSegments: ownSentences(unit, own, 'tgt', tgt),
    state,
    score: numberIn(m.get('score')?.[0], FORMAT, 'score') ?? null,
    editDistance: numberIn(m.get('editDistance')?.[0], FORMAT, 'editDistance') ?? null,
    version: numberIn(m.get('version')?.[0], FORMAT, 'version') ?? 1,
    lastEditor: metaText(m, 'lastEditor'),
    changedAt: metaDate(m, 'changedAt'),
    comments: elements(unit, 'note').map((n) => textOf(n)),
    ...(metaText(m, 'draft') === 'gloss' ? { draft: 'gloss' as const } : {}),
    ...readClaim(m),
  };
  const textChanged = targetChanged(m, tgt);
  const stateChanged = (target !== undefined && tgt !== '' && stateAttrs(target) !== TARGET_STATE[name as StateName])
    || (unit.attrs.approved === 'yes') !== (state === State.approved);
  if (!textChanged && !stateChanged) return pair;
  // The aligned English sentences stay ours: they are the draft the post-edit done there is measured from.
  const elsewhere = readForeignUnit(unit, pair.index, tools);
  const { importedAs: _claim, draft: _draft, ...ours } = pair;
  // Text changed there is at least translated, as in XLIFF 2.1: a tool may edit a target and leave the state we wrote
  // (machine, or an approval the edit no longer has); a state the tool set itself above that counts.
  const worked = !textChanged || elsewhere.tgt === '' ? elsewhere.state : stateChanged ? Math.max(State.translated, elsewhere.state) as StateValue : State.translated;
  return { ...ours, tgt: elsewhere.tgt, state: worked, editDistance: null, lastEditor: null, changedAt: null };
}

function readUnit(unit: XmlElement, position: number, tools: ToolPrefixes, own: string | undefined): BilingualPair {
  const m = ownMetas(unit, own);
  return m && child(unit, 'source') ? readOwnUnit(unit, m, own!, tools) : readForeignUnit(unit, position, tools);
}

/** A unit as another tool wrote it: its text with codes left out, its tool's segmentation, its XLIFF, Trados or memoQ state. */
function readForeignUnit(unit: XmlElement, position: number, tools: ToolPrefixes): BilingualPair {
  const source = child(unit, 'source');
  if (!source) {
    throw new ParseError(`The ${FORMAT} <trans-unit> element has no <source>.`, 'errors.fileMissingChild', {
      params: { format: FORMAT, parent: 'trans-unit', child: 'source' }, line: unit.line,
    });
  }
  const target = child(unit, 'target');
  const srcMarks = segMarks(child(unit, 'seg-source'));
  const tgtMarks = segMarks(target);
  let src: string;
  let tgt: string;
  let srcSegments: string[];
  let tgtSegments: string[];
  if (srcMarks.size > 0) {
    // Segmented by the tool: the sentences are its marks; what lies between them (spaces, codes) joins them.
    srcSegments = [...srcMarks.values()].map(read).filter((s) => s.trim() !== '');
    tgtSegments = [...srcMarks.keys()].map((mid) => read(tgtMarks.get(mid))).filter((s) => s.trim() !== '');
    src = read(child(unit, 'seg-source')).trim();
    tgt = read(target).trim();
    // A target the tool left unsegmented is one sentence, whatever the source's marks.
    if (tgtMarks.size === 0) tgtSegments = defaultSegments(tgt);
  } else {
    src = read(source).trim();
    tgt = read(target).trim();
    srcSegments = defaultSegments(src);
    tgtSegments = defaultSegments(tgt);
  }
  const states = sdlStates(unit, tools.sdl);
  const state = tgt === '' ? State.untranslated : states.length > 0 ? (Math.min(...states) as StateValue) : xliffState(unit, target, tgt, tools.mq);
  return {
    id: unit.attrs.id ?? String(position + 1),
    index: position,
    src,
    tgt,
    srcSegments,
    tgtSegments,
    state,
    score: null,
    editDistance: null,
    version: 1,
    lastEditor: null,
    changedAt: null,
    comments: elements(unit, 'note').map((n) => textOf(n).trim()).filter((n) => n !== ''),
  };
}

function unitsOf(parent: XmlElement): XmlElement[] {
  return elements(parent).flatMap((el) => (el.name === 'trans-unit' ? [el] : el.name === 'group' ? unitsOf(el) : []));
}

function checkLanguages(file: XmlElement): void {
  checkXliffLanguages(file.attrs['source-language'] ?? '', file.attrs['target-language'] ?? '', file.line);
}

/** An XLIFF 1.x document: every <file>'s trans-units, groups opened, in order. */
export function parseXliff1(root: XmlElement): BilingualDocument {
  const files = elements(root, 'file');
  if (files.length === 0) throw new ParseError('The XLIFF file has no <file> element.', 'errors.fileXliffNoFile', { line: root.line });
  files.forEach(checkLanguages);
  const tools = { sdl: prefixOf(root, SDL_NS), mq: prefixOf(root, ...MQ_NS) };
  const own = prefixOf(root, DUIQI12_NS);
  const header = child(files[0]!, 'header');
  const d = (header && ownMetas(header, own)) ?? new Map<string, XmlElement[]>();
  const units = files.flatMap((f) => elements(f, 'body').flatMap(unitsOf));
  return { ...documentHeader(d), pairs: units.map((u, i) => readUnit(u, i, tools, own)) };
}

/** The prefix (with its colon) a file bound to a namespace (one of several names for it) on its root, as it chose it. */
function prefixOf(root: XmlElement, ...namespaces: string[]): string | undefined {
  const binding = Object.entries(root.attrs).find(([k, v]) => k.startsWith('xmlns:') && namespaces.includes(v));
  return binding ? `${binding[0].slice('xmlns:'.length)}:` : undefined;
}

// Our states as XLIFF 1.2 says them to other tools, as the target's attributes. Machine output is a target still to
// translate, marked as an MT suggestion; a rejected translation is still a translation (as in XLIFF 2); an approval
// is signed off.
const TARGET_STATE: Record<StateName, string> = {
  untranslated: 'state="needs-translation"',
  machine: 'state="needs-translation" state-qualifier="mt-suggestion"',
  translated: 'state="translated"',
  rejected: 'state="translated"',
  approved: 'state="signed-off"',
};

function meta(type: string, value: string, where: string, indent: string): string {
  return `${indent}<duiqi:meta type="${type}">${xmlText(value, where)}</duiqi:meta>\n`;
}

/**
 * A side's aligned sentences, when they are not simply its text. The English ones are always written: they are the draft
 * a post-edit is measured from, and once another tool has changed the target its text no longer tells what they were.
 */
function sentences(side: 'src' | 'tgt', text: string, list: string[], where: string): string {
  if (hasDefaultSegments(text, list) && (side === 'src' || list.length === 0)) return '';
  const items = list.map((s, i) => `<duiqi:s>${xmlText(s, `${where} ${side === 'src' ? 'source' : 'target'} sentence ${i + 1}`)}</duiqi:s>`).join('');
  return `          <duiqi:sentences side="${side}">${items}</duiqi:sentences>\n`;
}

function serializeUnit(p: BilingualPair): string {
  const where = `Pair ${p.id}`;
  const name = stateName(p.state);
  let out = `      <trans-unit id="${xmlAttr(p.id, where)}"${p.state === State.approved ? ' approved="yes"' : ''}>\n` +
    `        <source>${xmlText(p.src, `${where} source`)}</source>\n`;
  if (p.tgt !== '') out += `        <target ${TARGET_STATE[name]}>${xmlText(p.tgt, `${where} target`)}</target>\n`;
  p.comments.forEach((c, i) => (out += `        <note>${xmlText(c, `${where} comment ${i + 1}`)}</note>\n`));
  out += '        <duiqi:metadata>\n';
  out += meta('state', name, where, '          ');
  out += pairMetas(p, where).map(([type, value, at]) => meta(type, value, at, '          ')).join('');
  out += sentences('src', p.src, p.srcSegments, where) + sentences('tgt', p.tgt, p.tgtSegments, where);
  return `${out}        </duiqi:metadata>\n      </trans-unit>\n`;
}

function* serializeChunks(header: BilingualHeader, pairs: Iterable<BilingualPair>, opts: SerializeOptions = {}): Generator<string> {
  const exportedAt = (opts.exportedAt ?? new Date()).toISOString();
  const tool = xmlAttr(opts.toolVersion ?? DEFAULT_TOOL_VERSION, 'Tool version');
  let doc = meta('title', header.title, 'The document title', '        ');
  if (header.created !== null) doc += meta('created', header.created, 'Created', '        ');
  if (header.changed !== null) doc += meta('changed', header.changed, 'Changed', '        ');
  // xml:space="preserve" (on <file>, where 1.2 allows it): sentence text is exact, leading and trailing spaces
  // included. `original` names the document as a tool lists its files; `date` is the export time.
  yield `${XML_DECLARATION}<xliff xmlns="${XLIFF12_NS}" xmlns:duiqi="${DUIQI12_NS}" version="1.2">\n` +
    `  <file original="${xmlAttr(header.title, 'The document title')}" source-language="${SRC_LANG}" target-language="${TGT_LANG}" datatype="plaintext" date="${exportedAt}" xml:space="preserve">\n` +
    `    <header>\n      <tool tool-id="duiqi" tool-name="duiqi" tool-version="${tool}"/>\n      <duiqi:metadata>\n${doc}      </duiqi:metadata>\n    </header>\n    <body>\n`;
  for (const pair of pairs) yield serializeUnit(pair);
  yield '    </body>\n  </file>\n</xliff>\n';
}

function parse(input: string): BilingualDocument {
  const root = readXml(input, FORMAT);
  if (root.name !== 'xliff' || !isXliff1(root)) {
    throw new ParseError(`This is not an XLIFF 1.2 file: its root must be <xliff xmlns="${XLIFF12_NS}">.`, 'errors.fileXliff12Root', {
      params: { namespace: XLIFF12_NS }, line: root.line,
    });
  }
  return parseXliff1(root);
}

/** XLIFF 1.2 for the tools that open no XLIFF 2; importing goes through the XLIFF adapter, which reads both. */
export const xliff12: FormatAdapter = {
  name: 'xliff12',
  // Told apart from the XLIFF 2.1 download of the same document, which a browser would save as "name (1).xlf".
  extension: '.xliff12.xlf',
  mediaType: 'application/xliff+xml',
  parse,
  serialize: (doc, opts) => joinChunks(serializeChunks(headerOf(doc), doc.pairs, opts)),
  serializeChunks,
};
