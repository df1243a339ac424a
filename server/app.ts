// Builds the Express application from its dependencies; never listens by itself.

import { languageHandlers } from './http/language.ts';
import express from 'express';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { i18n } from 'i18next';
import type { Store, Work } from './db/store.ts';
import { accounts as accountsService } from './services/accounts.ts';
import { documents as documentsService } from './services/documents.ts';
import { authenticate, csrfProtection, passwordChangeGate } from './http/auth.ts';
import { errorHandler } from './http/error-handler.ts';
import { authRoutes } from './routes/auth-routes.ts';
import { documentPages, documentRoutes } from './routes/document-routes.ts';
import { apiRoutes } from './routes/api-routes.ts';
import { accountRoutes } from './routes/account-routes.ts';
import { userAdminRoutes } from './routes/user-admin-routes.ts';
import { userAdmin } from './services/user-admin.ts';
import { pairApiRoutes } from './routes/pair-api-routes.ts';
import { postEditing } from './services/post-editing.ts';
import { pairComments } from './services/pair-comments.ts';
import { commentApiRoutes } from './routes/comment-api-routes.ts';
import { commentRoutes } from './routes/comment-routes.ts';
import { workspace as workspaceService } from './services/workspace.ts';
import { NotFoundError } from './domain/errors.ts';
import type { MtEngine } from './domain/mt-engine.ts';
import type { Aligner } from './domain/assemble-pairs.ts';
import { DEFAULT_LIMITS, LoginThrottle } from './domain/login-throttle.ts';
import { storedCounters } from './services/login-counters.ts';
import { glossary as glossaryService } from './services/glossary.ts';
import { translationMemory } from './services/translation-memory.ts';
import { editorAids } from './services/editor-aids.ts';
import { documentViews } from './services/document-views.ts';
import { rowNavigation } from './services/row-navigation.ts';
import { rowNavigationRoutes } from './routes/row-navigation-routes.ts';
import { configuredEngine, machineTranslation } from './services/machine-translation.ts';
import { glossaryFileRoutes, glossaryRoutes } from './routes/glossary-routes.ts';
import { mtRoutes } from './routes/mt-routes.ts';
import { alignmentRoutes } from './routes/alignment-routes.ts';
import { alignmentEditing } from './services/alignment-editing.ts';
import { defaultAligner } from './services/workbench.ts';
import { transferRoutes } from './routes/transfer-routes.ts';
import { accessRoutes } from './routes/access-routes.ts';
import { documentLifecycleRoutes } from './routes/document-lifecycle-routes.ts';
import { documentLifecycle } from './services/document-lifecycle.ts';
import { documentAccess } from './services/document-access.ts';
import { documentGate } from './http/document-access.ts';
import { knownDevices } from './services/known-devices.ts';
import { workPool, type WorkPool } from './threads/work-pool.ts';
import { translatedDocuments } from './services/translated-document.ts';
import { documentCharts } from './services/document-charts.ts';
import { concordance } from './services/concordance.ts';
import { concordanceRoutes } from './routes/concordance-routes.ts';
import { analysisRoutes } from './routes/analysis-routes.ts';
import { matchAnalysis, SLICE } from './services/match-analysis.ts';
import { editBatchRoutes } from './routes/edit-batch-routes.ts';
import { searchReplace } from './services/search-replace.ts';
import { propagation } from './services/propagation.ts';
import { editBatches } from './services/edit-batch.ts';
import { jobs as jobsService, type JobQueue } from './services/jobs.ts';
import { jobHandlers } from './services/job-handlers.ts';
import { inProcessQueue } from './services/job-queue-in-process.ts';
import { jobRoutes } from './routes/job-routes.ts';
import { exportRoutes } from './routes/export-routes.ts';
import { exportJobs } from './services/export-jobs.ts';
import { DEFAULT_EXPORT_JOB_SETTINGS, DEFAULT_LIVE_POLL_MS, DEFAULT_MAX_UPLOAD, type ExportJobSettings } from './config.ts';
import type { AlignmentEditing, AlignmentResult } from './services/alignment-editing.ts';

export interface AppDeps {
  store: Store;
  i18n: i18n;
  /** The machine-translation engine, made on first use (the offline gloss loads a dictionary). */
  mt?: () => MtEngine;
  /** The largest uploaded file in bytes; 20 MB when not given. */
  maxUpload?: number;
  loginThrottle?: LoginThrottle;
  /** Page import by URL: hosts allowed although not public ("host:port"), and the deadline; none and 15 s when not given. */
  fetch?: { allow: readonly string[]; timeoutMs: number };
  /** The sentence aligner for realigning; loaded on first use. */
  aligner?: () => Aligner;
  /** Express's `trust proxy`: which proxies' X-Forwarded-For names the client (DUIQI_TRUST_PROXY); none when not given. */
  trustProxy?: number | string;
  /** Where imports and realigns run; worker threads on the database file when not given. */
  work?: WorkPool;
  /** Where jobs run: pg-boss on PostgreSQL; this process when not given, without resuming what a stopped server left. */
  jobQueue?: JobQueue;
  /** From how many pairs exports are jobs, and how long their files are kept; 2,000 pairs and 24 hours when not given. */
  exportJobs?: ExportJobSettings;
  /** How often an open document page asks what others changed (DEFAULT_LIVE_POLL_MS when not given). */
  livePollMs?: number;
  /** Pairs an analysis job bands a work-thread task (SLICE when not given): tests make a small document take several. */
  analysisSlice?: number;
}

const require = createRequire(import.meta.url);
const HTMX = require.resolve('htmx.org/dist/htmx.min.js');
const STATIC_DIR = path.resolve(import.meta.dirname, '../views/static');

export function createApp(deps: AppDeps) {
  const { store } = deps;
  const accounts = accountsService(store);
  const documents = documentsService(store);
  const editing = postEditing(store);
  const comments = pairComments(store);
  const workspace = workspaceService(store);
  const memory = translationMemory(store);
  const access = documentAccess(store);
  // Made on first use: a database in memory (route listings in tests) never imports.
  let pool = deps.work;
  const work = () => (pool ??= workPool(store.address));
  // Jobs write on this thread outside any request: like requests (see below), they wait while a work thread holds
  // SQLite's write lock rather than in its busy handler, which would stop the thread.
  const jobStore: Store = { ...store, write: async <T>(w: Work<T>): Promise<Awaited<T>> => {
    if (pool) await pool.writeLockFree();
    return store.write(w);
  } };
  const mt = machineTranslation(jobStore, deps.mt ?? configuredEngine(store));
  // A realign is a job (which runs it on a work thread); its preview runs on one directly, unless the tests' aligner is given.
  const alignment: AlignmentEditing = alignmentEditing(store, deps.aligner ?? defaultAligner, {
    async realign(user, documentId, version) {
      const job = await jobs.create(user, 'realign', documentId, { version });
      return (await jobs.outcome(user, job.id)).value as unknown as AlignmentResult;
    },
    previewRealign: (documentId, version) => (deps.aligner ? alignment.previewRealign(documentId, version) : work().previewRealign(documentId, version)),
  });
  const jobs = jobsService(jobStore, deps.jobQueue ?? inProcessQueue(store, { resume: false }), jobHandlers({
    store: jobStore, mt,
    // With an aligner of its own (tests) the realign stays on this thread.
    realign: deps.aligner ? alignment.realign : (...args) => work().realign(...args),
    importUpload: (upload) => work().importUpload(upload),
    runExport: (job) => exports.run(job),
    runAnalysis: (job) => analysis.run(job),
  }));
  const translated = translatedDocuments(store);
  const exports = exportJobs(jobStore, () => jobs, translated, deps.exportJobs ?? DEFAULT_EXPORT_JOB_SETTINGS);
  // A big document's analysis (more pairs than a big export) is a job, as its export is, banded in slices on the work
  // threads so that imports interleave; a small one's is made in the request.
  const analysis = matchAnalysis(jobStore, {
    whole: (documentId, user) => work().analyseMatches(documentId, user),
    slice: (...args) => work().analyseMatchSlice(...args),
  }, () => jobs, { jobRows: (deps.exportJobs ?? DEFAULT_EXPORT_JOB_SETTINGS).jobRows, slice: deps.analysisSlice ?? SLICE });
  // Files past their retention time go at each new export and once an hour, whichever server does it, for as long as
  // the job queue serves: stopping it stops the hourly sweep.
  jobs.serve([{ what: 'Removing old export files', everyMs: 3600_000, run: exports.sweep }])
    .catch((err: unknown) => console.error('Jobs could not be started:', err));
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  // Behind nginx every request comes from the proxy's address: the login throttle needs the client's.
  app.set('trust proxy', deps.trustProxy ?? false);
  // Express hashes every response body for an ETag; a page changes with every save and carries the
  // session's CSRF token, so a browser's If-None-Match would rarely match, and the hash cost 2 % under load.
  app.set('etag', false);

  app.use((_req, res, next) => {
    res.set({
      'Content-Security-Policy': "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
    });
    next();
  });
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/static/htmx.min.js', (_req, res) => res.sendFile(HTMX, { maxAge: '1h' }));
  app.use('/static', express.static(STATIC_DIR, { maxAge: '1h', index: false }));
  // Browsers ask for /favicon.ico whatever the page says: the same icon, rather than a 404 in every console.
  app.get('/favicon.ico', (_req, res) => res.redirect(301, '/static/favicon.svg'));

  // Everything past the static files is someone's documents or session: no shared or browser cache may keep it.
  app.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  // The language first: a body the parsers refuse is answered in the reader's language too.
  const language = languageHandlers(deps.i18n);
  app.use(language.detected);
  app.use(express.urlencoded({ extended: false, limit: '1mb' }));
  app.use(express.json({ limit: '1mb' }));
  app.use(authenticate(accounts));
  app.use(language.account);
  app.use(documentGate(access));
  // Last before the routes, so nothing lies between it and a handler's write but the store's own awaits, which
  // on SQLite settle within the same turn of the event loop: requests that may write wait while a work thread
  // writes (see WorkPool.writeLockFree); reads never need to.
  app.use(async (req, _res, next) => {
    if (pool && !['GET', 'HEAD', 'OPTIONS'].includes(req.method)) await pool.writeLockFree();
    next();
  });
  // Before the downloads and uploads too: a session signed in with a one-time password opens nothing else.
  app.use(passwordChangeGate);
  // Before the CSRF check: an upload's _csrf field is in its multipart body, which these routes parse and then check.
  app.use(exportRoutes(exports));
  app.use(transferRoutes({ work, jobs, memory, maxUpload: deps.maxUpload, fetch: deps.fetch }));
  app.use(glossaryFileRoutes({ glossary: glossaryService(store), work, maxUpload: deps.maxUpload ?? DEFAULT_MAX_UPLOAD }));
  app.use(csrfProtection);

  app.get('/', (_req, res) => res.redirect(303, '/documents'));
  app.use(authRoutes(accounts, deps.loginThrottle ?? new LoginThrottle(DEFAULT_LIMITS, Date.now, storedCounters(store)), knownDevices(store)));
  app.use(accountRoutes(accounts));
  app.use(userAdminRoutes(accounts, userAdmin(store)));
  app.use(accessRoutes(access));
  app.use('/api', pairApiRoutes(editing, comments));
  app.use('/api', commentApiRoutes(comments));
  const views = documentViews({ workspace, comments, aids: editorAids(memory) });
  const livePollMs = deps.livePollMs ?? DEFAULT_LIVE_POLL_MS;
  app.use(documentLifecycleRoutes(documentLifecycle(store), documentPages(views, exports, livePollMs)));
  app.use('/api', apiRoutes(documents));
  app.use(glossaryRoutes(glossaryService(store)));
  app.use(mtRoutes(mt, jobs));
  app.use(jobRoutes(jobs));
  app.use(rowNavigationRoutes(rowNavigation(workspace)));
  app.use(concordanceRoutes(concordance(store)));
  // Seconds of matching for a big document: on a work thread, its result kept until the document or the memory changes.
  app.use(analysisRoutes(analysis));
  // A user's pattern may backtrack for its whole second: on a work thread, so no one else waits for it.
  const replace = searchReplace(store, (documentId, q) => work().planReplace(documentId, q));
  app.use(editBatchRoutes({ replace, propagation: propagation(store), batches: editBatches(store) }));
  app.use(alignmentRoutes({ alignment, documents, jobs }));
  app.use('/api', (req) => {
    throw new NotFoundError(`There is no API route ${req.method} ${req.originalUrl}.`, 'errors.noApiRoute', { method: req.method, path: req.originalUrl });
  });
  app.use(commentRoutes(comments));
  app.use(documentRoutes({
    documents, editing, comments, charts: documentCharts(workspace), views, exports, livePollMs,
  }));
  app.use((req) => {
    throw new NotFoundError(`There is no page ${req.originalUrl}.`, 'errors.notFound');
  });
  app.use(errorHandler);
  return app;
}
