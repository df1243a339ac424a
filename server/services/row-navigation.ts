// Use case: the next or previous row of a document that is flagged, rejected, unconfirmed or has an open error.

import { isStop, type NavRequest } from '../domain/row-navigation.ts';
import { matchesFilter, openErrorPairs, type RowFilter, type Workspace } from './workspace.ts';

// Read in the pages the document view keeps, so a jump over a long document reuses them.
const SCAN_PAGE = 500;

export function rowNavigation(workspace: Workspace) {
  return {
    /**
     * The index of the row, or null when there is none further that way. Under the page's filter only the rows it
     * lists count: "next rejected" on a page of translated rows would otherwise land on whatever row follows a hidden one.
     */
    find: (documentId: number, req: NavRequest, filter: RowFilter = {}): Promise<number | null> => workspace.read(async (scope) => {
      const openErrors = await openErrorPairs(scope, documentId, req.kind === 'errors' ? { errors: 'open' } : filter);
      const stop = (r: Parameters<typeof matchesFilter>[0]) => isStop(req.kind, r, openErrors) && matchesFilter(r, filter, openErrors);
      if (req.dir > 0) {
        for (let offset = req.from + 1; ; offset += SCAN_PAGE) {
          const rows = await workspace.rows(scope, documentId, {}, offset, SCAN_PAGE);
          const hit = rows.find(stop);
          if (hit) return hit.index;
          if (rows.length < SCAN_PAGE) return null;
        }
      }
      for (let end = req.from; end > 0; end -= SCAN_PAGE) {
        const offset = Math.max(0, end - SCAN_PAGE);
        const hit = (await workspace.rows(scope, documentId, {}, offset, end - offset)).findLast(stop);
        if (hit) return hit.index;
      }
      return null;
    }),
  };
}
export type RowNavigation = ReturnType<typeof rowNavigation>;
