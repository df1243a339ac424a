// Which rows "next flagged / rejected / unconfirmed / with an open error" stops at, and the request that asks for one.

import { ValidationError } from './errors.ts';
import { State } from './types.ts';

export const NAV_KINDS = ['flagged', 'rejected', 'unconfirmed', 'errors'] as const;
export type NavKind = (typeof NAV_KINDS)[number];

export interface NavRequest {
  /** The row to start from (0-based); -1 starts before the first. */
  from: number;
  dir: 1 | -1;
  kind: NavKind;
}

interface NavRow {
  id: number;
  index: number;
  noise: boolean;
  state: number | null;
  flags: unknown[];
}

/**
 * Page noise is never a stop; "unconfirmed" is what no person has translated yet (untranslated or machine); "errors" is a
 * row with an open thread carrying an error (`openErrors`: their pair ids), whatever its state: a rejected row a translator
 * has fixed is translated again, and its rejection stands until someone resolves it.
 */
export function isStop(kind: NavKind, row: NavRow, openErrors: ReadonlySet<number> = new Set()): boolean {
  if (row.noise) return false;
  if (kind === 'flagged') return row.flags.length > 0;
  if (kind === 'rejected') return row.state === State.rejected;
  if (kind === 'errors') return openErrors.has(row.id);
  return (row.state ?? State.untranslated) < State.translated;
}

export function parseNavRequest(query: Record<string, unknown>): NavRequest {
  const from = Number(query.from ?? -1);
  if (!Number.isSafeInteger(from) || from < -1) throw new ValidationError('A row number must be a whole number from 0.', 'errors.badOffset');
  const kind = String(query.kind ?? '');
  if (!(NAV_KINDS as readonly string[]).includes(kind)) {
    throw new ValidationError(`"kind" must be one of ${NAV_KINDS.join(', ')}.`, 'errors.badNavKind', { kinds: [...NAV_KINDS] });
  }
  // Left out it is next; anything else is refused, as an unknown kind is, rather than read as next.
  const dir = query.dir ?? 'next';
  if (dir !== 'next' && dir !== 'previous') throw new ValidationError('"dir" must be next or previous.', 'errors.badNavDir');
  return { from, dir: dir === 'previous' ? -1 : 1, kind: kind as NavKind };
}
