// JSON adapter: the document as `bilingual-document.schema.json` describes it, pretty-printed and streamable.

import {
  DEFAULT_TOOL_VERSION, MAX_WHOLE, SRC_LANG, TGT_LANG, headerOf, isChinese, isEnglish, isRealDateTime, isStateValue, joinChunks,
  type BilingualDocument, type BilingualHeader, type BilingualPair, type FormatAdapter, type SerializeOptions,
} from './bilingual-document.ts';
import { ParseError } from './parse-error.ts';
import { jsonReason } from './parser-reasons.ts';
import type { StateValue } from '../domain/types.ts';

export const JSON_FORMAT = 'duiqi-bilingual';
export const JSON_FORMAT_VERSION = 1;

/** Own keys in schema order, so the file reads the same whatever objects the caller passed. */
function pairObject(p: BilingualPair): BilingualPair {
  return {
    id: p.id, index: p.index, src: p.src, tgt: p.tgt, srcSegments: p.srcSegments, tgtSegments: p.tgtSegments,
    state: p.state, score: p.score, editDistance: p.editDistance, version: p.version, lastEditor: p.lastEditor,
    changedAt: p.changedAt, comments: p.comments, ...(p.draft ? { draft: p.draft } : {}),
    ...(p.importedAs ? { importedState: p.importedAs.state, importedEditor: p.importedAs.editor } : {}),
  } as BilingualPair;
}

/** Yields exactly `JSON.stringify(document, null, 2)`, one pair at a time. */
function* serializeChunks(header: BilingualHeader, pairs: Iterable<BilingualPair>, opts: SerializeOptions = {}): Generator<string> {
  const head = JSON.stringify({
    format: JSON_FORMAT,
    formatVersion: JSON_FORMAT_VERSION,
    tool: `duiqi ${opts.toolVersion ?? DEFAULT_TOOL_VERSION}`,
    exportedAt: (opts.exportedAt ?? new Date()).toISOString(),
    title: header.title,
    srcLang: SRC_LANG,
    tgtLang: TGT_LANG,
    created: header.created,
    changed: header.changed,
  }, null, 2);
  yield `${head.slice(0, -2)},\n  "pairs": [`;
  let count = 0;
  for (const pair of pairs) {
    yield `${count++ === 0 ? '' : ','}\n    ${JSON.stringify(pairObject(pair), null, 2).replace(/\n/g, '\n    ')}`;
  }
  yield count === 0 ? ']\n}\n' : '\n  ]\n}\n';
}

/** `expected` ends the English sentence; `key` names the whole translated one, which gets `path` and `params`. */
function fail(path: string, expected: string, key: string, params: Record<string, unknown> = {}): never {
  throw new ParseError(`In the JSON file, ${path} must be ${expected}.`, key, { params: { path, ...params } });
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function str(v: unknown, path: string): string {
  return typeof v === 'string' ? v : fail(path, 'a string', 'errors.fileJsonString');
}
function nullableStr(v: unknown, path: string): string | null {
  return v === null ? null : str(v, path);
}
/**
 * A date string that names no single moment (junk, 30 February, no zone) is left out, as TMX's and XLIFF's are: it only
 * says when something changed. A value that is not a string is a broken file.
 */
function nullableDate(v: unknown, path: string): string | null {
  if (typeof v === 'string') return isRealDateTime(v) ? v : null;
  return v === null ? null : fail(path, 'a real ISO 8601 date-time or null', 'errors.fileJsonDate');
}
function int(v: unknown, path: string, min: number): number {
  return Number.isInteger(v) && (v as number) >= min && (v as number) <= MAX_WHOLE
    ? (v as number) : fail(path, `a whole number from ${min} to ${MAX_WHOLE}`, 'errors.fileJsonWholeNumber', { min, max: MAX_WHOLE });
}
function strings(v: unknown, path: string): string[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : fail(path, 'an array of strings', 'errors.fileJsonStrings');
}

function readPair(v: unknown, i: number): BilingualPair {
  const path = `pairs[${i}]`;
  if (!isObject(v)) fail(path, 'an object', 'errors.fileJsonObject');
  const score = v.score;
  if (score !== null && (typeof score !== 'number' || score < 0 || score > 1)) {
    fail(`${path}.score`, 'a number from 0 to 1 or null', 'errors.fileJsonScore');
  }
  if (!isStateValue(v.state)) fail(`${path}.state`, 'one of 0, 10, 20, 25, 30', 'errors.fileJsonState');
  const claimed = v.importedState !== undefined;
  if (claimed && !isStateValue(v.importedState)) fail(`${path}.importedState`, 'one of 0, 10, 20, 25, 30', 'errors.fileJsonState');
  if (v.draft !== undefined && v.draft !== 'gloss') fail(`${path}.draft`, '"gloss" or absent', 'glossDraft.fileJsonDraft');
  return {
    id: str(v.id, `${path}.id`) || fail(`${path}.id`, 'a non-empty string', 'errors.fileJsonNonEmpty'),
    index: int(v.index, `${path}.index`, 0),
    src: str(v.src, `${path}.src`),
    tgt: str(v.tgt, `${path}.tgt`),
    srcSegments: strings(v.srcSegments, `${path}.srcSegments`),
    tgtSegments: strings(v.tgtSegments, `${path}.tgtSegments`),
    state: v.state,
    score,
    editDistance: v.editDistance === null ? null : int(v.editDistance, `${path}.editDistance`, 0),
    version: int(v.version, `${path}.version`, 1),
    lastEditor: nullableStr(v.lastEditor, `${path}.lastEditor`),
    changedAt: nullableDate(v.changedAt, `${path}.changedAt`),
    comments: strings(v.comments, `${path}.comments`),
    ...(v.draft === 'gloss' ? { draft: 'gloss' as const } : {}),
    ...(claimed ? { importedAs: { state: v.importedState as StateValue, editor: nullableStr(v.importedEditor ?? null, `${path}.importedEditor`) } } : {}),
  };
}

function lineOfSyntaxError(text: string, err: Error): number | undefined {
  const line = /line (\d+)/.exec(err.message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(err.message);
  return position ? text.slice(0, Number(position[1])).split('\n').length : undefined;
}

function parse(text: string): BilingualDocument {
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') throw new ParseError('The JSON file is empty.', 'errors.fileEmpty', { params: { format: 'JSON' } });
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (err) {
    const detail = (err as Error).message;
    const line = lineOfSyntaxError(body, err as Error);
    throw new ParseError(`The JSON file is not valid JSON: ${detail}`, line === undefined ? 'errors.fileJsonSyntaxNoLine' : 'errors.fileJsonSyntax', {
      params: { detail, reason: jsonReason(detail) }, line, cause: err,
    });
  }
  if (!isObject(doc) || doc.format !== JSON_FORMAT) {
    fail('"format"', `"${JSON_FORMAT}" (this is not a duiqi bilingual document)`, 'errors.fileJsonFormat', { value: JSON_FORMAT });
  }
  if (doc.formatVersion !== JSON_FORMAT_VERSION) {
    fail('"formatVersion"', String(JSON_FORMAT_VERSION), 'errors.fileJsonValue', { value: JSON_FORMAT_VERSION });
  }
  const srcLang = str(doc.srcLang, '"srcLang"');
  const tgtLang = str(doc.tgtLang, '"tgtLang"');
  if (!isChinese(srcLang)) {
    throw new ParseError(`The JSON source language is "${srcLang}", but duiqi aligns Chinese (zh) to English.`, 'errors.fileSrcLangNoLine', {
      params: { format: 'JSON', lang: srcLang },
    });
  }
  if (!isEnglish(tgtLang)) {
    throw new ParseError(`The JSON target language is "${tgtLang}", but duiqi aligns Chinese to English (en).`, 'errors.fileTgtLangNoLine', {
      params: { format: 'JSON', lang: tgtLang },
    });
  }
  if (!Array.isArray(doc.pairs)) fail('"pairs"', 'an array', 'errors.fileJsonArray');
  return {
    title: str(doc.title, '"title"'),
    srcLang: SRC_LANG,
    tgtLang: TGT_LANG,
    created: nullableDate(doc.created, '"created"'),
    changed: nullableDate(doc.changed, '"changed"'),
    pairs: doc.pairs.map(readPair),
  };
}

export const json: FormatAdapter = {
  name: 'json',
  extension: '.json',
  mediaType: 'application/json',
  parse,
  serialize: (doc, opts) => joinChunks(serializeChunks(headerOf(doc), doc.pairs, opts)),
  serializeChunks,
};
