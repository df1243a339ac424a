// Use case: export a document as TMX, XLIFF or JSON, piece by piece, for the download route and the CLI.

import type { Db } from '../db/open-database.ts';
import { documentTransferRepo, type ExportPairRow } from '../db/documents-repo.ts';
import { documents } from './documents.ts';
import { adapterFor, formatAdapters } from '../formats/adapters.ts';
import { SRC_LANG, TGT_LANG, type BilingualHeader, type BilingualPair, type FormatAdapter, type SerializeOptions } from '../formats/bilingual-document.ts';
import { wordEditDistance } from '../domain/edit-distance.ts';
import { ValidationError } from '../domain/errors.ts';
import { State, type StateValue } from '../domain/types.ts';

/** Which pairs leave: approved only (the default), everything at least translated, or every non-noise pair. */
export const EXPORT_STATE_FILTERS = { approved: State.approved, translated: State.translated, all: State.untranslated } as const;
export type ExportStateFilter = keyof typeof EXPORT_STATE_FILTERS;

export interface ExportRequest {
  documentId: number;
  format: unknown;
  state?: unknown;
}

export interface DocumentExport {
  adapter: FormatAdapter;
  /** ASCII only, safe in any header; `fileName` is the real (often Chinese) name for RFC 5987's `filename*`. */
  asciiFileName: string;
  fileName: string;
  /** The file in blocks of about 64 KB; the first is already made, so header errors throw before any byte is sent. */
  chunks: Generator<string>;
}

const BLOCK = 64 * 1024;

export function exportFormat(raw: unknown): FormatAdapter {
  const adapter = typeof raw === 'string' ? adapterFor(raw) : undefined;
  if (!adapter) {
    const names = formatAdapters.map((a) => a.name).join(', ');
    throw new ValidationError(`The export format must be one of ${names}, not "${String(raw ?? '')}".`, 'errors.exportFormat', { names: formatAdapters.map((a) => a.name) });
  }
  return adapter;
}

export function exportStateFilter(raw: unknown): ExportStateFilter {
  if (raw === undefined || raw === '') return 'approved';
  if (typeof raw === 'string' && Object.hasOwn(EXPORT_STATE_FILTERS, raw)) return raw as ExportStateFilter;
  throw new ValidationError(`The state filter must be all, translated or approved, not "${String(raw)}".`, 'errors.exportState');
}

function parseList(json: string): string[] {
  return JSON.parse(json) as string[];
}

function toBilingualPair(row: ExportPairRow): BilingualPair {
  const srcSegments = parseList(row.src_segments);
  return {
    // Document-relative ids (1-based positions), so a file exported, imported and exported again is the same file.
    id: String(row.idx + 1),
    index: row.idx,
    src: srcSegments.join(''),
    tgt: row.tgt_text,
    srcSegments,
    tgtSegments: parseList(row.tgt_segments),
    state: row.state as StateValue,
    score: row.score,
    editDistance: row.mt_text === '' ? null : wordEditDistance(row.mt_text, row.tgt_text, 'en').edits,
    version: row.version,
    lastEditor: row.last_editor,
    changedAt: row.changed_at,
    comments: parseList(row.comments),
    ...(row.imported_state === null ? {} : { importedAs: { state: row.imported_state as StateValue, editor: row.imported_editor } }),
  };
}

/** Joins small pieces into blocks: one write per tu would mean 100,000 tiny HTTP chunks. */
function* inBlocks(pieces: Iterable<string>): Generator<string> {
  let block = '';
  for (const piece of pieces) {
    block += piece;
    if (block.length >= BLOCK) {
      yield block;
      block = '';
    }
  }
  if (block) yield block;
}

/** Pulls the first block now, so an error in it reaches the caller before a response has started. */
function started(gen: Generator<string>): Generator<string> {
  const first = gen.next();
  return (function* () {
    if (!first.done) yield first.value;
    yield* gen;
  })();
}

/** A download's names from the document's title: an ASCII one for any header and the full one for `filename*`. */
export function fileNames(title: string, id: number, extension: string): { asciiFileName: string; fileName: string } {
  const ascii = title.replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^[_.]+|_+$/g, '').slice(0, 100);
  // Path separators, quotes and controls never belong in a saved file's name, whatever the script.
  const full = title.replace(/[\\/:*?"<>|\p{Cc}]+/gu, '_').trim().slice(0, 150);
  return {
    asciiFileName: `${/[A-Za-z0-9]/.test(ascii) ? ascii : `document-${id}`}${extension}`,
    fileName: `${full || `document-${id}`}${extension}`,
  };
}

/** Checks what can be checked before the first byte (format, filter, document, XML-safe text), then streams. */
export function exportDocument(db: Db, request: ExportRequest, opts: SerializeOptions = {}): DocumentExport {
  const adapter = exportFormat(request.format);
  const minState = EXPORT_STATE_FILTERS[exportStateFilter(request.state)];
  const doc = documents(db).get(request.documentId);
  const repo = documentTransferRepo(db);
  if (adapter.name !== 'json') {
    const unsafe = repo.firstXmlUnsafePair(doc.id, minState);
    if (unsafe !== undefined) {
      throw new ValidationError(
        `Pair ${unsafe + 1} contains a control character that XML cannot carry; remove it or export as JSON.`,
        'errors.exportXmlChar', { pair: unsafe + 1 },
      );
    }
  }
  const header: BilingualHeader = {
    title: doc.title, srcLang: SRC_LANG, tgtLang: TGT_LANG, created: doc.createdAt, changed: repo.lastChange(doc.id),
  };
  const pairs = (function* () {
    for (const row of repo.exportPairs(doc.id, minState)) yield toBilingualPair(row);
  })();
  return { adapter, ...fileNames(doc.title, doc.id, adapter.extension), chunks: started(inBlocks(adapter.serializeChunks(header, pairs, opts))) };
}
