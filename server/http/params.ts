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

/** A document revision or alignment version a page last saw (the live poll's `since` and `version`): a counter from 0. */
export function counterField(raw: unknown): number {
  const n = typeof raw === 'string' && /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(n)) throw new ValidationError('The revision and version the page last saw must be whole numbers from 0.', 'errors.badLiveSince');
  return n;
}

/** The version a restore brings back: refused in its own words, the request's `version` being there and right. */
export function revisionField(raw: unknown): number {
  try {
    return versionField(raw);
  } catch {
    throw new ValidationError('Say which version to restore ("revision": a whole number).', 'errors.noRestoreVersion');
  }
}

export function textField(raw: unknown, name: string): string {
  if (typeof raw !== 'string') throw new ValidationError(`"${name}" must be a string.`, 'errors.badField', { name });
  return raw;
}

export function optionalText(raw: unknown, name: string): string | undefined {
  return raw === undefined || raw === null ? undefined : textField(raw, name);
}

export const batchId = (raw: unknown) => positiveId(raw, 'change', 'batches.noBatch');

/** The most rows one batch names: a search-and-replace's limit, with room for a propagation of as many repeats. */
const MAX_SEEN = 5000;

/**
 * The rows a user saw before applying a batch, pair id → version: "12:3,15:1" from a form, or
 * [{pairId, version}] in JSON. A malformed entry is refused, so nothing is applied on a misread.
 */
export function seenVersions(raw: unknown): Map<number, number> {
  const entries: [unknown, unknown][] = typeof raw === 'string'
    ? raw.split(',').filter((s) => s.trim()).map((s) => s.trim().split(':') as [string, string])
    : Array.isArray(raw) ? raw.map((e) => [(e as { pairId?: unknown })?.pairId, (e as { version?: unknown })?.version]) : [];
  if (entries.length > MAX_SEEN) throw new ValidationError(`At most ${MAX_SEEN} rows can be changed at once.`, 'batches.tooManyRows', { max: MAX_SEEN });
  const seen = new Map<number, number>();
  for (const [id, version] of entries) {
    const n = typeof id === 'number' ? id : typeof id === 'string' && /^\d{1,15}$/.test(id) ? Number(id) : NaN;
    if (!Number.isSafeInteger(n) || n < 1) throw new ValidationError('The rows to change must be listed as pair id and version.', 'batches.badRows');
    seen.set(n, versionField(version));
  }
  return seen;
}
