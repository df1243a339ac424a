// Reads XLIFF 1.2 (and 1.1, 1.0), what Trados Studio (.sdlxliff), memoQ (.mqxliff), OmegaT and most
// CAT tools still exchange: one pair per trans-unit, its sentences from the tool's own segmentation.
// duiqi writes XLIFF 2.1 only; a 1.2 file is read so that work done elsewhere can be aligned and reviewed here.

import { SRC_LANG, TGT_LANG, defaultSegments, isChinese, isEnglish, type BilingualDocument, type BilingualPair } from './bilingual-document.ts';
import { ParseError } from './parse-error.ts';
import { child, elements, textOf, type XmlElement } from './xml-read.ts';
import { State, type StateValue } from '../domain/types.ts';

const FORMAT = 'XLIFF';
export const XLIFF12_NS = 'urn:oasis:names:tc:xliff:document:1.2';
export const XLIFF11_NS = 'urn:oasis:names:tc:xliff:document:1.1';
// Trados keeps each sentence's status in its own namespace, not in XLIFF's `state`.
const SDL_NS = 'http://sdl.com/FileTypes/SdlXliff/1.0';

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

function draftState(tgt: string): StateValue {
  return tgt === '' ? State.untranslated : State.machine;
}

function xliffState(unit: XmlElement, target: XmlElement | undefined, tgt: string): StateValue {
  if (tgt === '') return State.untranslated;
  if (unit.attrs.approved === 'yes') return State.approved;
  const state = target?.attrs.state;
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

function readUnit(unit: XmlElement, position: number, sdl: string | undefined): BilingualPair {
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
  const states = sdlStates(unit, sdl);
  const state = tgt === '' ? State.untranslated : states.length > 0 ? (Math.min(...states) as StateValue) : xliffState(unit, target, tgt);
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
  const srcLang = file.attrs['source-language'] ?? '';
  const trgLang = file.attrs['target-language'] ?? '';
  if (!isChinese(srcLang)) {
    throw new ParseError(`The XLIFF source language is "${srcLang}", but duiqi aligns Chinese (zh) to English.`, 'errors.fileSrcLang', {
      params: { format: FORMAT, lang: srcLang }, line: file.line,
    });
  }
  if (trgLang !== '' && !isEnglish(trgLang)) {
    throw new ParseError(`The XLIFF target language is "${trgLang}", but duiqi aligns Chinese to English (en).`, 'errors.fileTgtLang', {
      params: { format: FORMAT, lang: trgLang }, line: file.line,
    });
  }
}

/** An XLIFF 1.x document: every <file>'s trans-units, groups opened, in order. */
export function parseXliff1(root: XmlElement): BilingualDocument {
  const files = elements(root, 'file');
  if (files.length === 0) throw new ParseError('The XLIFF file has no <file> element.', 'errors.fileXliffNoFile', { line: root.line });
  files.forEach(checkLanguages);
  const binding = Object.entries(root.attrs).find(([k, v]) => k.startsWith('xmlns:') && v === SDL_NS);
  const sdl = binding ? `${binding[0].slice('xmlns:'.length)}:` : undefined;
  const units = files.flatMap((f) => elements(f, 'body').flatMap(unitsOf));
  return {
    title: '',
    srcLang: SRC_LANG,
    tgtLang: TGT_LANG,
    created: null,
    changed: null,
    pairs: units.map((u, i) => readUnit(u, i, sdl)),
  };
}
