// Builds the view context from a request and sends rendered HTML.

import type { Request, Response } from 'express';
import type { SafeHtml } from '../../views/html.ts';
import type { ViewContext } from '../../views/view-context.ts';

// i18next's t() costs microseconds a call and a page of rows makes thousands; the strings are loaded
// once at start, so a string without options is the same for every request in that language.
const plainStrings = new Map<string, string>();

export function viewContext(req: Request): ViewContext {
  const lang = req.language ?? '';
  return {
    t: (key, options) => {
      if (!req.t) return key;
      if (options) return String(req.t(key, options));
      const memoKey = `${lang}\u0000${key}`;
      let text = plainStrings.get(memoKey);
      if (text === undefined) plainStrings.set(memoKey, (text = String(req.t(key))));
      return text;
    },
    lang: req.language === 'zh-CN' ? 'zh-CN' : 'en',
    csrfToken: req.csrfToken ?? '',
    user: req.user ? { name: req.user.name, role: req.user.role } : null,
    path: req.originalUrl,
  };
}

// Pieces stay under glibc's initial mmap threshold (128 KB): a freed mmapped buffer raises the threshold,
// after which page-sized buffers come from the arena, which fragments and grows under load.
const PIECE_BYTES = 64 * 1024;

/**
 * Sends a page in pieces of at most 64 KB joined from the UTF-8 parts it was kept in, in one corked write:
 * one 150-180 KB buffer per request made the server's C heap grow by a tenth over three minutes of load,
 * and writing each of a page's 400 parts on its own cost more than joining them.
 */
export function send(res: Response, page: SafeHtml, status = 200): void {
  const pieces = joinedPieces(page.chunks());
  res.status(status).type('html').set('Content-Length', String(pieces.reduce((n, c) => n + c.byteLength, 0)));
  // For HEAD, Node's response drops the body itself and keeps the length.
  res.cork();
  for (const piece of pieces) res.write(piece);
  res.end();
  res.uncork();
}

function joinedPieces(chunks: Uint8Array[]): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let group: Uint8Array[] = [];
  let size = 0;
  for (const chunk of chunks) {
    if (size + chunk.byteLength > PIECE_BYTES && group.length) {
      pieces.push(Buffer.concat(group, size));
      group = [];
      size = 0;
    }
    group.push(chunk);
    size += chunk.byteLength;
  }
  if (group.length) pieces.push(group.length === 1 ? group[0]! : Buffer.concat(group, size));
  return pieces;
}

/** Only same-site paths may be redirect targets: no open redirects through ?next=. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '/documents';
}
