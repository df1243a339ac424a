// File import over HTTP: the upload page and APIs (multipart), and the translation memory's TMX download; a document's
// downloads are in export-routes.ts.

import { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { DEFAULT_FETCH_TIMEOUT_MS, DEFAULT_MAX_UPLOAD } from '../config.ts';
import { fetchPage, type FetchLimits } from '../net/fetch-page.ts';
import type { EnglishOrigin, UploadedFile, UploadRequest } from '../services/import-file.ts';
import type { WorkPool } from '../threads/work-pool.ts';
import type { TranslationMemory } from '../services/translation-memory.ts';
import { memoryTmxChunks } from '../formats/tmx.ts';
import { inBlocks } from '../services/export-document.ts';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Jobs } from '../services/jobs.ts';
import { skippedNote, storedUpload } from '../services/job-handlers.ts';
import { goesToDocument, jobJson, jobProgress, jobResult } from '../../views/job-progress.ts';
import { requireUser } from '../http/auth.ts';
import { send, viewContext } from '../http/render.ts';
import { documentId, wantsAsync } from '../http/params.ts';
import { AppError, ForbiddenError, ValidationError } from '../domain/errors.ts';
import { fileIn, upload, type UploadFields } from '../http/upload.ts';
import { mayLoadMemory } from '../domain/shared-resources.ts';
import { importForm, importMessage, importPage, type ImportFormState } from '../../views/import-page.ts';
import { errorSentence } from '../../views/marked-text.ts';

function field(req: Request, name: string): string | undefined {
  const value = (req.body as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

// "team" (or nothing): everyone may open the new document; "members": only its importer, the members they add and admins.
function sharedField(req: Request): boolean {
  const access = field(req, 'access');
  if (access === undefined || access === '' || access === 'team') return true;
  if (access === 'members') return false;
  throw new ValidationError('"access" must be team or members.', 'errors.badField', { name: 'access' });
}

// Who wrote the English of two texts: "machine" (or nothing) or "human".
function englishOriginField(req: Request): EnglishOrigin {
  const origin = field(req, 'englishOrigin');
  if (origin === undefined || origin === '' || origin === 'machine') return 'machine';
  if (origin === 'human') return 'human';
  throw new ValidationError('"englishOrigin" must be machine or human.', 'errors.badField', { name: 'englishOrigin' });
}

/** A side's file, or the page at its web address, fetched by the server under `limits`. */
async function fileOrPage(req: Request, side: keyof UploadFields, limits: FetchLimits): Promise<UploadedFile | undefined> {
  const file = fileIn(req, side);
  const url = field(req, `${side}Url`)?.trim();
  if (!url) return file;
  if (file) throw new ValidationError('Give either a file or a web address for each side, not both.', 'fetch.fileAndUrl');
  const page = await fetchPage(url, limits);
  return { name: page.url, bytes: page.bytes };
}

async function uploadRequest(req: Request, limits: FetchLimits): Promise<UploadRequest> {
  return {
    title: field(req, 'title'), source: await fileOrPage(req, 'source', limits), translation: await fileOrPage(req, 'translation', limits),
    createdBy: req.user!.id, shared: sharedField(req), englishOrigin: englishOriginField(req),
  };
}

const asMemory = (req: Request) => req.query.memory === '1' || field(req, 'memory') === '1';

/** A refused upload re-renders the form with the sentence inline; anything else goes to the error middleware. */
const showOnForm: ErrorRequestHandler = (err, req, res, next) => {
  if (!(err instanceof AppError) || ![400, 403, 413].includes(err.status)) return next(err);
  const ctx = viewContext(req);
  const state: ImportFormState = {
    error: errorSentence(ctx, err), title: field(req, 'title'), access: field(req, 'access'), memory: asMemory(req),
    sourceUrl: field(req, 'sourceUrl'), translationUrl: field(req, 'translationUrl'), englishOrigin: field(req, 'englishOrigin'),
    chosen: ['source', 'translation'].map((side) => fileIn(req, side as keyof UploadFields)?.name).filter((n): n is string => n !== undefined),
  };
  if (!req.get('hx-request')) return send(res, importPage(ctx, state), err.status);
  // Only the message is swapped: the form, and the files chosen in it, stay as the user left them.
  res.set({ 'HX-Retarget': '#import-message', 'HX-Reswap': 'innerHTML' });
  send(res, importMessage(ctx, { ...state, chosen: undefined }), err.status);
};

/** How long the import form waits for its job before it shows the job's progress bar instead: a small import just ends. */
const FORM_WAITS_MS = 1500;

/** Imports are jobs that run on a work thread: decoding, splitting, aligning and writing a 5 MB pair takes seconds. */
export function transferRoutes(deps: {
  work: () => WorkPool; jobs: Jobs; memory: TranslationMemory;
  maxUpload?: number; fetch?: { allow: readonly string[]; timeoutMs: number };
}): Router {
  const { work, jobs } = deps;
  const startImport = async (req: Request) => jobs.create(req.user!, 'import', null, { upload: storedUpload(await uploadRequest(req, limits)) });
  const guard = upload(deps.maxUpload ?? DEFAULT_MAX_UPLOAD);
  const limits: FetchLimits = {
    allow: deps.fetch?.allow ?? [], timeoutMs: deps.fetch?.timeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS, maxBytes: deps.maxUpload ?? DEFAULT_MAX_UPLOAD,
  };
  const r = Router();

  r.get('/import', requireUser, (req, res) => {
    send(res, importPage(viewContext(req), { memory: asMemory(req) }));
  });

  /** A TMX loaded into the shared memory: said on the form, no job to follow. */
  async function loadMemoryFromForm(req: Request, res: Response) {
    if (!mayLoadMemory(req.user)) throw memoryRefused();
    const { units, skipped } = await work().importMemoryFile(fileIn(req, 'source') ?? noFile());
    send(res, (req.get('hx-request') ? importForm : importPage)(viewContext(req), { memory: true, loaded: units, skipped }));
  }

  /** Without htmx the form waits for its job: on to the document, or the outcome on the form when units were skipped. */
  async function importWithoutScript(req: Request, res: Response, jobId: number) {
    await jobs.outcome(req.user!, jobId);
    const job = await jobs.get(req.user!, jobId);
    if (!goesToDocument(job)) return send(res, importPage(viewContext(req), { done: jobProgress(viewContext(req), job) }), 201);
    res.redirect(303, `/documents/${job.documentId}`);
  }

  /**
   * With htmx the form waits a moment: an ended job goes on to the document unless units were skipped, which is said where
   * the message goes; a job still running shows its progress bar, which ends the same way (job-routes.ts).
   */
  async function importByHtmx(req: Request, res: Response, jobId: number) {
    const job = await jobs.settled(req.user!, jobId, FORM_WAITS_MS);
    if (job.state !== 'running' && job.state !== 'queued') {
      const ended = await jobs.outcome(req.user!, job.id);
      if (!ended.notes?.length) return res.set('HX-Redirect', `/documents/${ended.documentId}`).status(201).end();
    }
    res.set({ 'HX-Retarget': '#import-message', 'HX-Reswap': 'innerHTML' });
    send(res, jobProgress(viewContext(req), await jobs.get(req.user!, job.id)), job.state === 'done' ? 201 : 200);
  }

  async function importFromForm(req: Request, res: Response) {
    if (asMemory(req)) return loadMemoryFromForm(req, res);
    const started = await startImport(req);
    return req.get('hx-request') ? importByHtmx(req, res, started.id) : importWithoutScript(req, res, started.id);
  }
  r.post('/import', ...guard, importFromForm, showOnForm);

  r.post('/api/documents/import', ...guard, async (req, res) => {
    const job = await startImport(req);
    if (wantsAsync(req.get('prefer'))) return res.status(202).location(`/api/jobs/${job.id}`).json(jobJson(viewContext(req), job));
    const outcome = await jobs.outcome(req.user!, job.id);
    // Units the file skipped are said, in a sentence; otherwise the answer is the document alone, as it always was.
    if (!outcome.notes?.length) return res.status(201).json({ id: outcome.documentId });
    res.status(201).json({ id: outcome.documentId, skipped: outcome.value.skipped, message: jobResult(viewContext(req), outcome) });
  });

  // The memory as TMX, for another tool's memory or a backup of the team's work: what this user may see of it.
  for (const url of ['/memory.tmx', '/api/memory/export']) {
    r.get(url, requireUser, async (req, res) => {
      const units = await deps.memory.exportUnits(req.user!);
      // After attachment(), which would set application/octet-stream from the name (.tmx is not in Express's table).
      res.attachment('translation-memory.tmx').type('application/x-tmx+xml; charset=utf-8');
      await pipeline(Readable.from(inBlocks(memoryTmxChunks(units))), res);
    });
  }

  r.post('/api/memory/import', requireUser, memoryLoaders, ...guard, async (req, res) => {
    const { units, skipped } = await work().importMemoryFile(fileIn(req, 'source') ?? noFile());
    if (skipped === 0) return res.status(201).json({ units });
    const { key, params } = skippedNote(skipped);
    res.status(201).json({ units, skipped, message: viewContext(req).t(key, params) });
  });

  return r;
}

/** Refused before a byte of the file is read. */
const memoryLoaders: RequestHandler = (req, _res, next) => next(mayLoadMemory(req.user) ? undefined : memoryRefused());

function memoryRefused(): ForbiddenError {
  return new ForbiddenError('Only a reviewer or an admin may load a TMX file into the translation memory.', 'errors.memoryReviewers');
}

function noFile(): never {
  throw new ValidationError('Choose a TMX file to load into the translation memory.', 'errors.noMemoryFile');
}
