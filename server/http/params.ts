// Reads ids and fields from requests: an id that is not a positive whole number names nothing, so it is a 404.

import { NotFoundError, ValidationError } from '../domain/errors.ts';

function positiveId(raw: unknown, what: string, key: string): number {
  const text = String(raw);
  if (!/^[1-9]\d{0,15}$/.test(text)) throw new NotFoundError(`There is no ${what} "${text}".`, key, { id: text });
  return Number(text);
}

export const documentId = (raw: unknown) => positiveId(raw, 'document', 'errors.noDocument');
export const pairId = (raw: unknown) => positiveId(raw, 'pair', 'errors.noPair');
export const threadId = (raw: unknown) => positiveId(raw, 'comment thread', 'review.noThread');
export const userId = (raw: unknown) => positiveId(raw, 'user', 'errors.noUser');
export const tokenId = (raw: unknown) => positiveId(raw, 'API token', 'errors.noToken');
export const jobId = (raw: unknown) => positiveId(raw, 'job', 'jobs.notFound');

/** RFC 7240: a client that sends `Prefer: respond-async` gets 202 and the job at once instead of waiting for its end. */
export const wantsAsync = (prefer: string | undefined) => /(^|[,\s])respond-async([,;\s]|$)/i.test(prefer ?? '');

export function versionField(raw: unknown): number {
  // Only a number or digits: String() of a JSON object whose toString is not a function would throw a TypeError.
  const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new ValidationError('The request must say which version it applies to ("version": a whole number).', 'errors.noVersion');
  return n;
}

export function textField(raw: unknown, name: string): string {
  if (typeof raw !== 'string') throw new ValidationError(`"${name}" must be a string.`, 'errors.badField', { name });
  return raw;
}

export function optionalText(raw: unknown, name: string): string | undefined {
  return raw === undefined || raw === null ? undefined : textField(raw, name);
}
