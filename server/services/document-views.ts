// The reads behind the document page, its rows and progress fragments and the pair editor: each one read
// transaction, in which the kept caches check their freshness on the same snapshot (see read-scope.ts).

import type { User } from './accounts.ts';
import { documentHead, openableFilter } from './document-access.ts';
import type { EditorAidsService } from './editor-aids.ts';
import { threadsOfFound, type PairComments, type RowDiscussion } from './pair-comments.ts';
import { findPair } from './post-editing.ts';
import type { ReadScope } from './read-scope.ts';
import type { RowFilter, WorkRow, Workspace } from './workspace.ts';
import { lastRejection } from '../domain/last-rejection.ts';
import { State } from '../domain/types.ts';

/** Where a page stands in its document's history: `version` moves with alignment changes, `revision` with every save. */
export interface LiveSeen {
  revision: number;
  version: number;
}

export type LiveChanges = { now: LiveSeen } & (
  | { outcome: 'rows'; rows: (WorkRow & { discussion?: RowDiscussion })[] }
  | { outcome: 'many' }
  | { outcome: 'realigned' });

export function documentViews(deps: { workspace: Workspace; comments: PairComments; aids: EditorAidsService }) {
  const { workspace, comments, aids } = deps;
  const discussed = (scope: ReadScope, documentId: number, rows: WorkRow[]) => comments.withDiscussions(scope.tx, documentId, rows);

  return {
    /** The page: overview, sharing, source format, its first rows with their discussions, and the quality score. */
    page: (user: User, documentId: number, filter: RowFilter, limit: number) => workspace.read(async (scope) => {
      const { header, sharing, sourceFormat } = await documentHead(scope.tx, user, documentId);
      const overview = await workspace.overview(scope, documentId, header);
      // One read of the open threads for the rows' discussions and the quality score.
      const threads = await scope.tx.comments.openThreads(documentId);
      const rows = await comments.withDiscussions(scope.tx, documentId, await workspace.rows(scope, documentId, filter, 0, limit), threads);
      // The snapshot the rows were read at (read once per scope, so free here): the page asks what changed since.
      const { revision, version } = await scope.generation(documentId);
      return { page: { ...overview, sharing, sourceFormat }, rows, quality: await comments.quality(scope.tx, documentId, threads), seen: { revision, version: version ?? 0 } };
    }),

    /**
     * What changed in the document since the page read it at `seen`: nothing (one statement), the revised rows with their
     * discussions (at most `limit`), `many` past that, or `realigned` when the alignment moved and the page's rows are gone.
     */
    changes: (documentId: number, seen: LiveSeen, limit: number) => workspace.read(async (scope): Promise<LiveChanges> => {
      const { revision, version } = await scope.generation(documentId);
      const now = { revision, version: version ?? 0 };
      if (version !== seen.version) return { now, outcome: 'realigned' };
      if (revision <= seen.revision) return { now, outcome: 'rows', rows: [] };
      const rows = await workspace.revisedRows(scope, documentId, seen.revision, limit);
      return rows ? { now, outcome: 'rows', rows: await discussed(scope, documentId, rows) } : { now, outcome: 'many' };
    }),

    rows: (documentId: number, filter: RowFilter, offset: number, limit: number) =>
      workspace.read(async (scope) => discussed(scope, documentId, await workspace.rows(scope, documentId, filter, offset, limit))),

    /** The figures a change to a pair moves: the document's summary and counts, its post-editing effort and quality score. */
    progress: (documentId: number) => workspace.read(async (scope) => ({
      ...await workspace.overview(scope, documentId), quality: await comments.quality(scope.tx, documentId),
    })),

    /** One pair's row, with its open discussion. */
    row: (documentId: number, pairId: number) => workspace.read(async (scope) => {
      const pair = await findPair(scope.tx, pairId, documentId);
      return (await discussed(scope, documentId, [await workspace.row(scope, documentId, pair.idx)]))[0]!;
    }),

    /**
     * The pair editor's row, its aids (memory matches from documents this user may open, glossary terms), its threads,
     * and the text last rejected while that rejection stands (only a rejected or since-edited pair can have one).
     */
    editor: (user: User, documentId: number, pairId: number) => workspace.read(async (scope) => {
      const pair = await findPair(scope.tx, pairId, documentId);
      const row = await workspace.row(scope, documentId, pair.idx);
      const editorAids = await aids.of(scope.tx, row, () => openableFilter(scope.tx, user), await scope.glossary());
      const threads = await threadsOfFound(scope.tx, pair);
      // A rejection always starts a thread: a pair without one needs no look at its history.
      const mayBeRejected = threads.length > 0 && (row.state === State.rejected || row.state === State.translated);
      const rejection = mayBeRejected ? lastRejection(await scope.tx.pairs.history(pair.id)) : undefined;
      return { pair, row, aids: editorAids, threads, rejection };
    }),
  };
}
export type DocumentViews = ReturnType<typeof documentViews>;
