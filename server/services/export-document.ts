// Use case: export a document as TMX, XLIFF or JSON, piece by piece, for the download route and the CLI.

import type { Store } from '../db/store.ts';
import type { ExportPairRow } from '../db/documents-repo.ts';
import { documentReads } from './documents.ts';
import { adapterFor, formatAdapters } from '../formats/adapters.ts';
import { SRC_LANG, TGT_LANG, markLineBreaks, type BilingualHeader, type BilingualPair, type FormatAdapter, type SerializeOptions } from '../formats/bilingual-document.ts';
import { wordEditDistance } from '../domain/edit-distance.ts';
import { ValidationError } from '../domain/errors.ts';
import { State, type StateValue } from '../domain/types.ts';

/**
 * Which pairs leave: approved only (the default), translated and approved (never rejected ones), or every
 * non-noise pair.
 */
export const EXPORT_STATE_FILTERS = {
  approved: [State.approved],
  translated: [State.translated, State.approved],
  all: [State.untranslated, State.machine, State.translated, State.rejected, State.approved],
} as const;
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
  chunks: AsyncGenerator<string>;
  /** How many pairs the blocks made so far hold (or are about to): an export job's progress. */
  pairsRead(): number;
}

const BLOCK = 64 * 1024;
// Pairs per read: each page is its own short read, so a slow download holds no transaction open.
const PAGE = 500;

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

/** The English sentences with their line breaks (a subtitle cue's lines), as the files list them. */
function englishSegments(row: ExportPairRow): string[] {
  const breaks = JSON.parse(row.tgt_line_before) as number[];
  return markLineBreaks(parseList(row.tgt_segments).map((text, i) => ({ text, lineBefore: breaks[i] === 1 })));
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
    tgtSegments: englishSegments(row),
    state: row.state as StateValue,
    score: row.score,
    // A gloss is no machine translation to measure a post-edit from.
    editDistance: row.mt_text === '' || row.mt_kind === 'gloss' ? null : wordEditDistance(row.mt_text, row.tgt_text, 'en').edits,
    version: row.version,
    lastEditor: row.last_editor,
    changedAt: row.changed_at,
    comments: parseList(row.comments),
    ...(row.mt_kind === 'gloss' && row.mt_text !== '' ? { draft: 'gloss' as const } : {}),
    ...(row.imported_state === null ? {} : { importedAs: { state: row.imported_state as StateValue, editor: row.imported_editor } }),
  };
}

/**
 * The serializers pull pairs from a plain iterable, while the pages come from the store, which may answer
 * later: before each step of the serializer the buffer is topped up, so the pair that step pulls is there.
 */
async function* serializePaged(pieces: (pairs: Iterable<BilingualPair>) => Generator<string>, page: (after: number) => Promise<ExportPairRow[]>,
  counter: { pairs: number }): AsyncGenerator<string> {
  const buffer: BilingualPair[] = [];
  let after = -1;
  let more = true;
  const source: Iterable<BilingualPair> = {
    [Symbol.iterator]: () => ({
      next: () => {
        if (buffer.length) {
          counter.pairs++;
          return { value: buffer.shift()!, done: false };
        }
        if (more) throw new Error('A serializer pulled more than one pair ahead of the export\'s pages.');
        return { value: undefined, done: true };
      },
    }),
  };
  const steps = pieces(source);
  for (;;) {
    while (more && buffer.length < 2) {
      const rows = await page(after);
      buffer.push(...rows.map(toBilingualPair));
      if (rows.length < PAGE) more = false;
      else after = rows.at(-1)!.idx;
    }
    const step = steps.next();
    if (step.done) return;
    yield step.value;
  }
}

/** Joins small pieces into blocks: one write per tu would mean 100,000 tiny HTTP chunks. */
export async function* inBlocks(pieces: AsyncIterable<string> | Iterable<string>): AsyncGenerator<string> {
  let block = '';
  for await (const piece of pieces) {
    block += piece;
    if (block.length >= BLOCK) {
      yield block;
      block = '';
    }
  }
  if (block) yield block;
}

/** Pulls the first block now, so an error in it reaches the caller before a response has started. */
async function started(gen: AsyncGenerator<string>): Promise<AsyncGenerator<string>> {
  const first = await gen.next();
  return (async function* () {
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
export async function exportDocument(store: Store, request: ExportRequest, opts: SerializeOptions = {}): Promise<DocumentExport> {
  const adapter = exportFormat(request.format);
  const states = EXPORT_STATE_FILTERS[exportStateFilter(request.state)];
  const { doc, unsafe, changed } = await store.read(async (tx) => {
    const doc = await documentReads.get(tx, request.documentId);
    return {
      doc, changed: await tx.transfer.lastChange(doc.id),
      unsafe: adapter.name === 'json' ? undefined : await tx.transfer.firstXmlUnsafePair(doc.id, states),
    };
  });
  if (unsafe !== undefined) {
    throw new ValidationError(
      `Pair ${unsafe + 1} contains a control character that XML cannot carry; remove it or export as JSON.`,
      'errors.exportXmlChar', { pair: unsafe + 1 },
    );
  }
  const header: BilingualHeader = { title: doc.title, srcLang: SRC_LANG, tgtLang: TGT_LANG, created: doc.createdAt, changed };
  const counter = { pairs: 0 };
  const pieces = serializePaged((pairs) => adapter.serializeChunks(header, pairs, opts),
    (after) => store.read((tx) => tx.transfer.exportPage(doc.id, states, after, PAGE)), counter);
  return { adapter, ...fileNames(doc.title, doc.id, adapter.extension), chunks: await started(inBlocks(pieces)), pairsRead: () => counter.pairs };
}
