// What the auth middleware attaches to each request.

import type { Session, User } from '../services/accounts.ts';
import type { GateTarget } from '../services/document-access.ts';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      user?: User;
      session?: Session;
      /** The token forms and htmx requests must send back; session-bound once logged in. */
      csrfToken: string;
      /** Authenticated by an API token rather than a cookie: no CSRF check applies. */
      viaBearer: boolean;
      /** The session cookie names a session an admin's deactivation of the account ended: refusals say so. */
      deactivated?: boolean;
      /** The document gate's answer, read with the sign-in (see gateAhead). */
      gateChecked?: { target: GateTarget; allowed: boolean };
    }
  }
}

export function parseCookies(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    try {
      out[name] = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      // A malformed cookie is treated as absent.
    }
  }
  return out;
}
