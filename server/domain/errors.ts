// Typed errors that the domain throws and one HTTP middleware turns into a status and a sentence.

export class AppError extends Error {
  readonly status: number = 500;
  /**
   * i18next key of the human sentence shown in the UI; `message` stays the English sentence for APIs and logs.
   * `details` are facts a page script acts on (what it may offer next), sent beside the sentence in JSON answers.
   */
  constructor(message: string, readonly key?: string, readonly params?: Record<string, unknown>, readonly details?: Record<string, unknown>) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  override readonly status = 400;
}
export class UnauthorizedError extends AppError {
  override readonly status = 401;
}
/** The session or token was ended by an admin deactivating its account: said as such, not as an ended session. */
export class DeactivatedError extends UnauthorizedError {
  constructor() {
    super('Your account was deactivated by an admin: it can no longer sign in or save. Ask an admin to reactivate it.', 'errors.deactivatedUnder');
  }
}
export class ForbiddenError extends AppError {
  override readonly status = 403;
}
export class NotFoundError extends AppError {
  override readonly status = 404;
}
export class ConflictError extends AppError {
  override readonly status = 409;
}
/** What was there is no more, for good: an export's file past its retention time. */
export class GoneError extends AppError {
  override readonly status = 410;
}
export class PayloadTooLargeError extends AppError {
  override readonly status = 413;
}
/** The server cannot store anything now (its disk is full): nothing of the request was written, and it may be sent again later. */
export class UnavailableError extends AppError {
  override readonly status = 503;
}
/** The same person asked again before the work they asked for was done. */
export class TooManyRequestsError extends AppError {
  override readonly status = 429;
}

/**
 * The `reason` value of an error's params: why, as a sentence of its own (a parser's diagnosis that duiqi
 * recognised), said in the reader's language in place of the English `detail`.
 */
export interface Reason {
  key: string;
  params: Record<string, string>;
}

/** A value from a request as text for an error sentence, whatever it is: String() throws on {"toString": 1}. */
export function shown(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
}

/** What of an error crosses to another thread: an AppError's status, sentence and key; anything else only as a failure. */
export interface ErrorParts {
  status: number;
  message: string;
  key?: string;
  params?: Record<string, unknown>;
  details?: Record<string, unknown>;
}

export function errorParts(err: unknown): ErrorParts {
  if (err instanceof AppError) return { status: err.status, message: err.message, key: err.key, params: err.params, details: err.details };
  return { status: 500, message: err instanceof Error ? err.stack ?? err.message : String(err) };
}

/** An AppError thrown on a worker thread, as the request thread answers it: the same status, sentence and key. */
export class TransferredError extends AppError {
  override readonly status: number;
  constructor(parts: ErrorParts) {
    super(parts.message, parts.key, parts.params, parts.details);
    this.status = parts.status;
  }
}

export function errorFromParts(parts: ErrorParts): Error {
  return parts.status === 500 ? new Error(`On a work thread: ${parts.message}`) : new TransferredError(parts);
}
