// Downloads: bilingual files, the translated document and the side-by-side file, at once or through an export job
// (its progress in the page, its file at /api/jobs/:id/file once it has ended).

import { Router, type Request, type Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ExportFile, ExportHead, ExportJobs, ExportKind, ExportOrder } from '../services/export-jobs.ts';
import { csrfProtection, requireUser } from '../http/auth.ts';
import { send, viewContext } from '../http/render.ts';
import { documentId, jobId, wantsAsync } from '../http/params.ts';
import { jobJson, jobProgress } from '../../views/job-progress.ts';

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

function order(req: Request, kind: ExportKind, fields: Record<string, unknown>): ExportOrder {
  const { t } = viewContext(req);
  return {
    kind, documentId: documentId(req.params.id), format: text(fields.format), state: text(fields.state),
    ...(kind === 'review' ? { heads: [t('translated.headSource'), t('translated.headTarget')] as [string, string] } : {}),
  };
}

function setFileHeaders(res: Response, file: ExportHead & { untranslated?: number }): void {
  res.set({
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.asciiFileName}"; filename*=UTF-8''${encodeRfc5987(file.fileName)}`,
    ...(file.untranslated === undefined ? {} : { 'X-Duiqi-Untranslated': String(file.untranslated) }),
  });
}

/** Sends a file as it comes; a failure after the first byte (a pair changed mid-export) destroys the socket: never a cut file. */
async function sendFile(res: Response, file: ExportFile): Promise<void> {
  setFileHeaders(res, file);
  // A HEAD answers the headers alone: its pieces (a stored file's parts, one read each) are never read.
  if (res.req.method === 'HEAD') return void res.end();
  await pipeline(Readable.from(file.pieces, { objectMode: false }), res);
}

export function exportRoutes(exports: ExportJobs): Router {
  const r = Router();

  /** A GET download: the file, or (big document, or `Prefer: respond-async`) its job, 202 with where to follow it. */
  const download = (kind: ExportKind) => async (req: Request, res: Response) => {
    const async = wantsAsync(req.get('prefer'));
    const started = await exports.start(req.user!, order(req, kind, req.query), async);
    if ('file' in started) return sendFile(res, started.file);
    res.status(202).location(`/api/jobs/${started.job.id}`).json(jobJson(viewContext(req), started.job));
  };
  /**
   * A HEAD of a download: the GET's status and headers, or its refusal, but neither the file nor a job is made (a GET of
   * a big document would start one). With `Prefer: respond-async` the GET's 202 has no job to point to.
   */
  const head = (kind: ExportKind) => async (req: Request, res: Response) => {
    const file = await exports.head(order(req, kind, req.query));
    if (wantsAsync(req.get('prefer'))) return void res.status(202).type('json').end();
    setFileHeaders(res, file);
    res.end();
  };
  for (const [path, kind] of [['export', 'bilingual'], ['translation', 'translation'], ['bilingual', 'review']] as const) {
    for (const url of [`/api/documents/:id/${path}`, `/documents/:id/${path}`]) {
      r.head(url, requireUser, head(kind));
      r.get(url, requireUser, download(kind));
    }
  }

  // The document page's buttons for a big document: the job's progress bar, which ends in its download link.
  r.post('/documents/:id/exports', requireUser, csrfProtection, async (req, res) => {
    const fields = { ...req.query, ...(req.body as Record<string, unknown> | undefined) };
    send(res, jobProgress(viewContext(req), await exports.begin(req.user!, order(req, text(fields.kind) as ExportKind, fields))));
  });

  const stored = async (req: Request, res: Response) => sendFile(res, await exports.stored(req.user!, jobId(req.params.id)));
  r.get('/api/jobs/:id/file', requireUser, stored);
  r.get('/jobs/:id/file', requireUser, stored);
  return r;
}

/** RFC 5987 `value-chars`: encodeURIComponent leaves a few characters that the grammar does not allow. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
