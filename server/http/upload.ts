// Multipart uploads held in memory: the import form and API, the glossary file import.

import type { Request, RequestHandler } from 'express';
import multer from 'multer';
import type { UploadedFile } from '../services/import-file.ts';
import { csrfProtection, requireUser } from './auth.ts';
import { PayloadTooLargeError, ValidationError } from '../domain/errors.ts';

export type UploadFields = { source?: Express.Multer.File[]; translation?: Express.Multer.File[] };

function megabytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${bytes} bytes`;
}

/**
 * Multipart parsing into memory (no file name from the client reaches the file system), with the
 * CSRF check after it: a form's `_csrf` field is only readable once the body is parsed. The routers
 * that use it are mounted before the app-wide CSRF check for that.
 */
export function upload(maxUpload: number): RequestHandler[] {
  const parse = multer({
    storage: multer.memoryStorage(),
    // Browsers send UTF-8 file names without saying so; busboy's default, Latin-1, garbles every Chinese name.
    defParamCharset: 'utf8',
    limits: { fileSize: maxUpload, files: 2, fields: 8, fieldSize: 64 * 1024, parts: 10 },
  }).fields([{ name: 'source', maxCount: 1 }, { name: 'translation', maxCount: 1 }]);
  const parseOrRefuse: RequestHandler = (req, res, next) => parse(req, res, (err: unknown) => {
    if (!err) return next();
    if (!(err instanceof multer.MulterError)) return next(unreadableUpload(req, err as Error));
    if (err.code === 'LIMIT_FILE_SIZE') {
      return next(new PayloadTooLargeError(`The file is larger than the upload limit of ${megabytes(maxUpload)}.`,
        'errors.tooLarge', { limit: megabytes(maxUpload) }));
    }
    next(new ValidationError(`The upload was refused: ${err.message}${err.field ? ` (${err.field})` : ''}.`, 'errors.badUpload'));
  });
  return [requireUser, parseOrRefuse, csrfProtection];
}

/**
 * busboy's own errors (a bad part header, a body cut short, no boundary) are the client's: 400. A client
 * that went away mid-upload is worth one line in the log, not a stack trace: nobody is left to answer.
 */
function unreadableUpload(req: Request, err: Error): ValidationError {
  if (req.readableAborted) console.warn(`Upload aborted by the client: ${req.method} ${req.originalUrl} (${err.message})`);
  return new ValidationError(`The upload could not be read as a form with files: ${err.message}.`, 'errors.badUpload');
}

/** Browsers send an empty part for a file input left empty: that is no file. */
export function fileIn(req: Request, field: keyof UploadFields): UploadedFile | undefined {
  const file = (req.files as UploadFields | undefined)?.[field]?.[0];
  if (!file || (file.size === 0 && file.originalname === '')) return undefined;
  return { name: file.originalname || field, bytes: file.buffer };
}

