// A job as the page shows it: a progress bar that polls until the job ends, then its result or error, in the reader's language.

import { html, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import type { JobOutcome, JobView } from '../server/services/jobs.ts';
import { errorSentence, errorText } from './marked-text.ts';
import { importMessage } from './import-page.ts';

/** How often the page asks how a running job is doing. */
const POLL = '700ms';

export function jobProgress(ctx: ViewContext, job: JobView): SafeHtml {
  if (job.state === 'done') {
    return html`<span class="job" data-testid="job" data-job="${job.id}" data-state="done"><span class="ok" data-testid="job-result">${jobResult(ctx, job.result!)}</span>${
      job.kind === 'export' ? html` <a href="/jobs/${job.id}/file" download data-testid="job-download">${ctx.t('exportJobs.download')}</a>` : ''}${
      job.kind === 'import' && job.documentId !== null ? html` <a href="/documents/${job.documentId}" data-testid="job-document">${ctx.t('jobs.openDocument')}</a>` : ''}${
      job.kind === 'analysis' ? html` <a href="/documents/${job.documentId}/analysis" data-testid="job-analysis">${ctx.t('analysisJobs.show')}</a>` : ''}</span>`;
  }
  // A refused import polled by the import form reads as the refusal it shows when the job ends quickly, in the same place.
  if (job.state === 'failed' && job.kind === 'import' && job.error!.status < 500) return importMessage(ctx, { error: errorSentence(ctx, job.error!) });
  if (job.state === 'failed') {
    return html`<span class="job" data-testid="job" data-job="${job.id}" data-state="failed" role="alert"><span class="error" data-testid="job-error">${errorSentence(ctx, job.error!)}</span></span>`;
  }
  // No value while the amount of work is unknown: the browser draws a bar that says "busy".
  const bar = job.total === null ? html`<progress data-testid="job-bar"></progress>` : html`<progress data-testid="job-bar" value="${job.done}" max="${Math.max(job.total, 1)}"></progress>`;
  const words = runningWords(ctx, job);
  return html`<span class="job" data-testid="job" data-job="${job.id}" data-state="${job.state}" hx-get="/jobs/${job.id}" hx-trigger="every ${POLL}" hx-swap="outerHTML">${bar} <span class="job-words">${words}</span></span>`;
}

// While the amount of work is unknown, a kind's `_unknown` sentence where it has one (an export making a whole file at once).
const runningWords = (ctx: ViewContext, job: JobView) =>
  ctx.t(`jobs.running.${job.kind}`, { done: job.done, total: job.total ?? 0, context: job.total === null ? 'unknown' : undefined });

/** The sentences a job ended with, e.g. "12 rows drafted (gloss)." */
export const jobResult = (ctx: ViewContext, result: JobOutcome): string =>
  [result, ...(result.notes ?? [])].map((s) => ctx.t(s.key, s.params)).join(' ');

/** A finished import the user is sent straight on to its document from, unless its result has more to say (units skipped). */
export const goesToDocument = (job: JobView): boolean => job.state === 'done' && job.kind === 'import' && !job.result?.notes?.length;

/** The job as the JSON API answers it. */
export function jobJson(ctx: ViewContext, job: JobView) {
  return {
    id: job.id, kind: job.kind, documentId: job.documentId, state: job.state, progress: { done: job.done, total: job.total, message: runningWords(ctx, job) },
    result: job.result && { message: jobResult(ctx, job.result), ...job.result.value },
    error: job.error && { status: job.error.status, message: errorText(ctx, job.error) },
    createdAt: job.createdAt, finishedAt: job.finishedAt,
  };
}
