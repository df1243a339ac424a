// Use cases of downloads (bilingual files, the translated document, the side-by-side file): made at once for a small
// document, as a job for a big one (or when the client asks), whose file is stored in the database in parts so that
// any app server can send it, and removed after the retention time.

import type { Store } from '../db/store.ts';
import type { ExportJobSettings } from '../config.ts';
import type { User } from './accounts.ts';
import type { JobOutcome, Jobs, JobView, RunningJob } from './jobs.ts';
import { documentReads } from './documents.ts';
import { mayOpen } from './document-access.ts';
import { EXPORT_STATE_FILTERS, exportDocument, exportFormat, exportStateFilter, fileNames } from './export-document.ts';
import { reviewFormat, type TranslatedDocuments, type TranslatedHead } from './translated-document.ts';
import { ConflictError, GoneError, NotFoundError, ValidationError } from '../domain/errors.ts';

export type ExportKind = 'bilingual' | 'translation' | 'review';

/** What to export, as a request asks for it and a job keeps it (in JSON, for any server to run it again). */
export interface ExportOrder {
  kind: ExportKind;
  documentId: number;
  /** bilingual: tmx, xliff, xliff12 or json; review: docx or html. */
  format?: string;
  /** bilingual: which pairs (approved, translated, all). */
  state?: string;
  /** review: the column heads, in the language of whoever asked. */
  heads?: [string, string];
  /** bilingual: when it was asked for, as the file says; a job run again after a restart makes the same bytes. */
  exportedAt?: string;
}

/** A file to send: its headers and its bytes in pieces. */
export interface ExportFile {
  contentType: string;
  asciiFileName: string;
  fileName: string;
  /** The translated and side-by-side files: pairs with no English, their Chinese standing in their place. */
  untranslated?: number;
  pieces: AsyncIterable<string | Uint8Array> | Iterable<Uint8Array>;
}

/** What a file is sent as, known before it is made (without the count of untranslated pairs, which making it finds). */
export type ExportHead = Pick<ExportFile, 'contentType' | 'asciiFileName' | 'fileName'>;

/** The most bytes of one stored part: a download reads one part at a time, whatever the file's size. */
const PART = 256 * 1024;
const HOUR_MS = 3600_000;

/** What the file's stored result says, for its download. */
interface StoredFile {
  download: string;
  contentType: string;
  asciiFileName: string;
  fileName: string;
  untranslated?: number;
  bytes: number;
}

/** Refuses a bad order before any work: a wrong format is the request's 400, not a failed job. */
function checked(order: ExportOrder): void {
  if (order.kind === 'bilingual') {
    exportFormat(order.format);
    exportStateFilter(order.state);
  } else if (order.kind === 'review') {
    reviewFormat(order.format);
  } else if (order.kind !== 'translation') {
    throw new ValidationError(`The export must be bilingual, translation or review, not "${String(order.kind)}".`, 'exportJobs.badKind');
  }
}

const translatedHead = (file: TranslatedHead): ExportHead => ({
  contentType: file.mediaType.startsWith('application/vnd.') ? file.mediaType : `${file.mediaType}; charset=utf-8`,
  asciiFileName: file.asciiFileName, fileName: file.fileName,
});

const bilingualType = (mediaType: string) => `${mediaType}; charset=utf-8`;

export function exportJobs(store: Store, jobs: () => Jobs, translated: TranslatedDocuments, settings: ExportJobSettings) {
  /** The file as the immediate export makes it, and how many pairs it has read so far (for a job's progress). */
  async function make(order: ExportOrder): Promise<{ file: ExportFile; pairsRead: () => number }> {
    if (order.kind === 'bilingual') {
      const made = await exportDocument(store, { documentId: order.documentId, format: order.format, state: order.state },
        order.exportedAt ? { exportedAt: new Date(order.exportedAt) } : {});
      return {
        file: { contentType: bilingualType(made.adapter.mediaType), asciiFileName: made.asciiFileName, fileName: made.fileName, pieces: made.chunks },
        pairsRead: made.pairsRead,
      };
    }
    const file = order.kind === 'translation'
      ? await translated.translation(order.documentId)
      : await translated.review(order.documentId, order.format, order.heads ?? ['Chinese', 'English']);
    return { file: { ...translatedHead(file), untranslated: file.fallbacks, pieces: [file.bytes] }, pairsRead: () => 0 };
  }

  /** The stored file of export job `id`, part after part, each read on its own: a slow download holds no transaction. */
  async function* storedParts(id: number, size: number): AsyncGenerator<Uint8Array> {
    let sent = 0;
    for (let part = 0; sent < size; part++) {
      const bytes = await store.read((tx) => tx.jobs.filePart(id, part));
      // Removed mid-download by the retention sweep: the download fails rather than end as a cut file.
      if (!bytes) throw new Error(`Export ${id}'s file was removed while it was being sent.`);
      sent += bytes.length;
      yield bytes;
    }
  }

  /** The file of a finished export job, for whoever may open its document. */
  async function stored(user: User, id: number): Promise<ExportFile> {
    const found = await store.read(async (tx) => {
      const job = await tx.jobs.get(id);
      if (!job || job.kind !== 'export' || job.documentId === null || !(await mayOpen(tx, user, job.documentId))) return undefined;
      return { job, first: job.state === 'done' ? await tx.jobs.filePart(id, 0) : undefined };
    });
    if (!found) throw new NotFoundError(`There is no export ${id}.`, 'exportJobs.notFound', { id });
    const { job, first } = found;
    if (job.state !== 'done') {
      throw new ConflictError(`Export ${id} has not made its file (it is ${job.state}); GET /api/jobs/${id} says when it has.`, 'exportJobs.notReady', { id });
    }
    const file = (JSON.parse(job.result!) as JobOutcome).value as unknown as StoredFile;
    const expired = Date.parse(job.finishedAt!) < Date.now() - settings.keepHours * HOUR_MS;
    if (expired || (file.bytes > 0 && !first)) {
      throw new GoneError(`This export's file was removed ${settings.keepHours} hours after it was made; export the document again.`,
        'exportJobs.gone', { hours: settings.keepHours });
    }
    return { contentType: file.contentType, asciiFileName: file.asciiFileName, fileName: file.fileName, untranslated: file.untranslated, pieces: storedParts(id, file.bytes) };
  }

  /** Stores the export job and hands it to the queue; each new one also removes the files past their retention time. */
  async function begin(user: User, order: ExportOrder): Promise<JobView> {
    checked(order);
    await sweep();
    return jobs().create(user, 'export', order.documentId, { order: { ...order, exportedAt: new Date().toISOString() } });
  }

  /** Removes the files of exports made longer ago than the retention time. */
  const sweep = () => store.write((tx) => tx.jobs.dropFilesBefore(new Date(Date.now() - settings.keepHours * HOUR_MS).toISOString()));

  return {
    /** Whether a document of `pairCount` pairs is exported by a job. */
    byJob: (pairCount: number) => pairCount > settings.jobRows,

    /**
     * The file at once for a small document; otherwise (or when `async`) an export job. Without `async` the request
     * waits for the job and answers its file, as a client that knows nothing of jobs expects.
     */
    async start(user: User, order: ExportOrder, async: boolean): Promise<{ file: ExportFile } | { job: JobView }> {
      checked(order);
      const doc = await store.read((tx) => documentReads.get(tx, order.documentId));
      if (!async && doc.pairCount <= settings.jobRows) return { file: (await make(order)).file };
      const job = await begin(user, order);
      if (async) return { job };
      await jobs().outcome(user, job.id);
      return { file: await stored(user, job.id) };
    },

    /**
     * What `start` would send the file as, or the refusal it would give, without making the file or starting a job: the
     * answer to a HEAD request, which must not set work going.
     */
    async head(order: ExportOrder): Promise<ExportHead> {
      checked(order);
      if (order.kind === 'translation') return translatedHead(await translated.translationHead(order.documentId));
      if (order.kind === 'review') return translatedHead(await translated.reviewHead(order.documentId, order.format));
      const adapter = exportFormat(order.format);
      const doc = await store.read((tx) => documentReads.get(tx, order.documentId));
      return { contentType: bilingualType(adapter.mediaType), ...fileNames(doc.title, doc.id, adapter.extension) };
    },

    begin,

    stored,
    sweep,

    /** Runs an export job: from the first byte on every run (one begun again after a restart too), in parts, with its progress. */
    async run(job: RunningJob): Promise<JobOutcome> {
      const order = job.input.order as ExportOrder;
      await store.write((tx) => tx.jobs.dropFile(job.id));
      const total = order.kind === 'bilingual'
        ? await store.read((tx) => tx.transfer.exportCount(order.documentId, EXPORT_STATE_FILTERS[exportStateFilter(order.state)]))
        : null;
      await job.progress(0, total);
      return writeParts(job, order, total).catch(async (err: unknown) => {
        // A failed export's parts are of no use to anyone.
        await store.write((tx) => tx.jobs.dropFile(job.id));
        throw err;
      });
    },
  };

  async function writeParts(job: RunningJob, order: ExportOrder, total: number | null): Promise<JobOutcome> {
    const { file, pairsRead } = await make(order);
    let part = 0;
    let bytes = 0;
    for await (const piece of file.pieces) {
      const buffer = typeof piece === 'string' ? Buffer.from(piece, 'utf8') : Buffer.from(piece.buffer, piece.byteOffset, piece.byteLength);
      for (let at = 0; at < buffer.length; at += PART) {
        const slice = buffer.subarray(at, at + PART);
        await store.write(async (tx) => {
          await tx.jobs.addFilePart(job.id, part, slice);
          await tx.jobs.progress(job.id, pairsRead(), total);
        });
        part++;
        bytes += slice.length;
      }
    }
    const value: StoredFile = {
      download: `/api/jobs/${job.id}/file`, contentType: file.contentType, asciiFileName: file.asciiFileName, fileName: file.fileName, bytes,
      ...(file.untranslated === undefined ? {} : { untranslated: file.untranslated }),
    };
    return { key: 'exportJobs.ready', params: { fileName: file.fileName, kb: Math.max(1, Math.round(bytes / 1024)) }, value: { ...value } };
  }
}
export type ExportJobs = ReturnType<typeof exportJobs>;
