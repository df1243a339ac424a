// Use cases of alignment editing: apply an operation, undo, redo; each one transaction on a versioned document.

import type { Store, Tx } from '../db/store.ts';
import type { LoggedOp } from '../db/alignment-repo.ts';
import { applyOperation, parseAlignOp, type AlignOp } from '../domain/align-ops.ts';
import { invertPatch, type AlignRow, type RowPatch } from '../domain/alignment-rows.ts';
import type { LoadedAlignment } from '../domain/alignment-layout.ts';
import { noiseAtAfter, placeNoise, regionOf, withNoisePlaces } from '../domain/region-layout.ts';
import type { Aligner } from '../domain/assemble-pairs.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import type { User } from './accounts.ts';
import { realignPreviews } from './realign-previews.ts';
import { onlyRescored } from '../domain/realign-rows.ts';
import { documentIndex, noisePlaces, rowNumber, type NoiseRow } from '../domain/row-numbers.ts';

export interface AlignmentView extends UndoCounts {
  version: number;
  rows: AlignRow[];
  /** The page-noise rows between them, which the document page numbers and the alignment leaves as they are. */
  noise: NoiseRow[];
}

/** What an operation did, with the undo stack as it left it (read in its transaction). */
export interface AlignmentResult extends UndoCounts {
  version: number;
  /** First row the change touched, for the UI to refresh from. */
  at: number;
  removed: number;
  inserted: number;
  /** Where the page-noise rows stood when the change was asked for (rows before each), to name rows as the document page numbers them. */
  noiseAt: number[];
  /** A realign that moved no row and only refreshed confidences a translator sees: how many rows' confidence changed. */
  rescored?: number;
}

/** What undo or redo replayed: the result, and whose change it was. */
export interface ReplayResult extends AlignmentResult {
  author: string | null;
  mine: boolean;
}

/** What a realign would do, computed but not written: the rows it would replace and the rows it would put there. */
export interface RealignPreview {
  /** The version the preview was computed on: applying the realign with it gives exactly these rows. */
  version: number;
  at: number;
  removed: number;
  inserted: { score: number | null; src: number; tgt: number }[];
  /** As in AlignmentResult: to name the rows as the document page numbers them. */
  noiseAt: number[];
  /** Each noise row's `at` once the realign is applied: to name the new rows as the document page will number them. */
  noiseAtAfter: number[];
  /** As in AlignmentResult: the realign would move no row, only refresh this many rows' confidence. */
  rescored?: number;
}

/**
 * What a realign did, as an i18n key and its values (rows named by the document page's numbers): nothing, only new
 * confidences on rows that stay as they were, or rows replaced.
 */
export function realignOutcome(result: AlignmentResult): { key: string; params: Record<string, number> } {
  const number = (row: number) => documentIndex(row, result.noiseAt) + 1;
  const n = number(result.at);
  if (!result.removed && !result.inserted) return { key: 'alignEditor.unchanged.realign', params: { n } };
  if (result.rescored !== undefined) {
    return {
      key: result.rescored === 1 ? 'alignEditor.done.rescoredOne' : 'alignEditor.done.rescored',
      params: { rows: result.rescored, from: n, to: number(result.at + result.removed - 1) },
    };
  }
  return { key: 'alignEditor.done.realign', params: { n, removed: result.removed, inserted: result.inserted } };
}

/** Who the undo stack's next change belongs to, for the Undo button to say. */
export interface UndoCounts {
  undo: number;
  redo: number;
  undoBy: string | null;
  undoMine: boolean;
}

/** Replaces row and sentence keys a write gave new ids to, anywhere in a stored patch. */
function remapKeys<T>(value: T, keys: Map<string, string>): T {
  if (!keys.size) return value;
  return JSON.parse(JSON.stringify(value), (k, v) => (k === 'key' && typeof v === 'string' ? keys.get(v) ?? v : v)) as T;
}

// Field by field, so rows built by different code paths compare equal whatever their key order; offsets are
// left out because storage keeps a cross-file join's span as it can.
const canonical = (rows: AlignRow[]) => JSON.stringify(rows.map((r) => [r.key, r.src.map((s) => [s.key, s.text]),
  r.tgt.map((s) => [s.key, s.text]), r.tgtText, r.mtText, r.state, r.score, r.confirmedBy, r.needsReview, Boolean(r.srcChanged)]));
const sameRows = (a: AlignRow[], b: AlignRow[]) => canonical(a) === canonical(b);

/** Where a realign runs when not here: the server hands it to a work thread (see threads/work-pool.ts). */
export interface RealignElsewhere {
  realign(user: User, documentId: number, expectedVersion: number): Promise<AlignmentResult>;
  previewRealign(documentId: number, expectedVersion: number): Promise<RealignPreview>;
}

// A page told this loads the rows as they are now and retries, keeping its cursor, rather than reloading.
const CHANGED = { changed: true } as const;

/**
 * Thrown inside an operation's write transaction when its patch changes nothing (a confirmed row confirmed again, a
 * realign with nothing to move): the version claim rolls back with it, and no undo step is logged, so Undo still
 * reverts the user's last real change.
 */
class Unchanged {
  constructor(readonly at: number, readonly noise: NoiseRow[]) {}
}
const changesNothing = (patch: RowPatch) => !patch.removed.length && !patch.inserted.length;

/** `rescored` for a realign's answer and its preview, when new confidences are all its patch brings. */
function rescoredOf(patch: RowPatch): { rescored?: number } {
  const rescored = onlyRescored(patch);
  return rescored === undefined ? {} : { rescored };
}

export function alignmentEditing(store: Store, aligner: () => Aligner, elsewhere?: RealignElsewhere) {
  const previews = realignPreviews();
  function refuseVersion(documentId: number, version: number | undefined): never {
    if (version === undefined) throw new NotFoundError(`There is no document ${documentId}.`, 'errors.noDocument', { id: documentId });
    throw new ConflictError(`The alignment of this document changed since you loaded it (now version ${version}): someone else edited it. Load the changes and try again.`,
      'alignCollab.stale', { version }, CHANGED);
  }

  async function checkVersion(tx: Tx, documentId: number, expected: number): Promise<void> {
    const version = await tx.alignment.documentVersion(documentId);
    if (version !== expected) refuseVersion(documentId, version);
  }

  /** The version check of a write: the document moves to its next version, or nothing is written (409 or 404). */
  async function claimVersion(tx: Tx, documentId: number, expected: number): Promise<number> {
    return (await tx.alignment.claimVersion(documentId, expected)) ?? refuseVersion(documentId, await tx.alignment.documentVersion(documentId));
  }

  /**
   * Writes a patch and records what changed in each row's history; the caller claimed the document's next version.
   * The patch written carries where the noise rows stood and now stand among its rows, for undo and redo to restore.
   */
  async function write(tx: Tx, user: User, documentId: number, loaded: LoadedAlignment, unplaced: RowPatch): Promise<RowPatch> {
    const patch = withNoisePlaces(loaded, unplaced);
    const keys = await tx.alignment.write(documentId, loaded, patch);
    const before = new Map(patch.removed.map((r) => [r.key, r]));
    await tx.pairs.recordRevisions(documentId, patch.inserted.flatMap((row) => {
      const old = before.get(row.key);
      if (old && old.tgtText === row.tgtText && old.state === row.state) return [];
      return [{
        pairId: Number((keys.get(row.key) ?? row.key).slice(1)), authorId: user.id, action: 'align',
        oldText: old?.tgtText ?? '', newText: row.tgtText, oldState: old?.state ?? null, newState: row.state, comment: row.needsReview, seconds: 0,
      }];
    }));
    // A row or sentence restored by undo comes back with a new id; earlier logged patches must name it so.
    const restored = new Map([...keys].filter(([old]) => /^[ps]\d+$/.test(old)));
    if (restored.size) await tx.alignment.rewritePatches(documentId, (p) => remapKeys(p, restored));
    return remapKeys(patch, keys);
  }

  const REPLAY = {
    undo: {
      nothing: ['There is nothing to undo.', 'errors.nothingToUndo'], changed: 'These rows changed after that alignment edit, so it cannot be undone.',
      others: ['The last alignment change is %s, not yours. Undo it anyway?', 'alignCollab.othersChange'],
    },
    redo: {
      nothing: ['There is nothing to redo.', 'errors.nothingToRedo'], changed: 'These rows changed since that edit was undone, so it cannot be redone.',
      others: ['The next change to redo is %s, not yours. Redo it anyway?', 'alignCollab.othersRedo'],
    },
  } as const;

  async function undoCounts(tx: Tx, documentId: number, user?: User): Promise<UndoCounts> {
    const { undo, redo, lastAuthor, lastAuthorId } = await tx.alignment.counts(documentId);
    return { undo, redo, undoBy: undo ? lastAuthor : null, undoMine: undo > 0 && lastAuthorId === user?.id };
  }

  /**
   * The stack is the document's, shared by everyone aligning it, so undo and redo replay another person's change only
   * when asked for that very change (`consent`, its id); otherwise 409 names whose change it is, for the page to ask.
   */
  function checkConsent(user: User, logged: LoggedOp, consent: number | undefined, direction: 'undo' | 'redo', noiseAt: number[]): void {
    if (logged.authorId === user.id || consent === logged.id) return;
    const author = logged.author ?? '?';
    const n = documentIndex((JSON.parse(logged.patch) as RowPatch).at, noiseAt) + 1;
    const [sentence, key] = REPLAY[direction].others;
    throw new ConflictError(sentence.replace('%s', `${author}'s (from row ${n})`), key, { author, n }, { ask: { op: logged.id, author, direction } });
  }

  /** Undo applies the last done operation's inverse, redo the first undone one again, if its rows are as it expects. */
  function replay(user: User, documentId: number, expectedVersion: number, direction: 'undo' | 'redo', consent?: number): Promise<ReplayResult> {
    const words = REPLAY[direction];
    return store.write(async (tx) => {
      const version = await claimVersion(tx, documentId, expectedVersion);
      const logged = direction === 'undo' ? await tx.alignment.lastDone(documentId) : await tx.alignment.firstUndone(documentId);
      if (!logged) throw new ConflictError(words.nothing[0], words.nothing[1]);
      const loaded = await tx.alignment.load(documentId);
      const { rows, noise } = loaded;
      checkConsent(user, logged, consent, direction, noisePlaces(noise));
      const recorded = JSON.parse(logged.patch) as RowPatch;
      const patch = direction === 'undo' ? invertPatch(recorded) : recorded;
      if (!sameRows(rows.slice(patch.at, patch.at + patch.removed.length), patch.removed)) {
        throw new ConflictError(words.changed, 'errors.undoChanged');
      }
      const stored = await write(tx, user, documentId, loaded, patch);
      await tx.alignment.markOp(logged.id, direction === 'undo', direction === 'undo' ? invertPatch(stored) : stored);
      return { ...(await result(tx, user, documentId, version, stored, noise)), author: logged.author, mine: logged.authorId === user.id };
    });
  }

  const result = async (tx: Tx, user: User, documentId: number, version: number, patch: RowPatch, noise: NoiseRow[]): Promise<AlignmentResult> => ({
    version, at: patch.at, removed: patch.removed.length, inserted: patch.inserted.length, noiseAt: noisePlaces(noise), ...(await undoCounts(tx, documentId, user)),
  });

  /** The answer to an operation that changed nothing: the version it was asked at, no rows, the stack as it is. */
  async function unlessUnchanged(user: User, documentId: number, expectedVersion: number, work: () => Promise<AlignmentResult>): Promise<AlignmentResult> {
    try {
      return await work();
    } catch (err) {
      if (!(err instanceof Unchanged)) throw err;
      return store.read(async (tx) => ({
        version: expectedVersion, at: err.at, removed: 0, inserted: 0, noiseAt: noisePlaces(err.noise), ...(await undoCounts(tx, documentId, user)),
      }));
    }
  }

  // Who confirms is the signed-in user, whatever the request says.
  const parsedOp = (user: User, rawOp: unknown): AlignOp => parseAlignOp(rawOp && typeof rawOp === 'object' ? { ...rawOp, by: user.name } : rawOp);

  function applyHere(user: User, documentId: number, expectedVersion: number, op: AlignOp): Promise<AlignmentResult> {
    if (op.kind === 'realign') return realign(user, documentId, expectedVersion);
    return unlessUnchanged(user, documentId, expectedVersion, () => store.write(async (tx) => {
      const version = await claimVersion(tx, documentId, expectedVersion);
      const loaded = await tx.alignment.load(documentId);
      let fresh = 0;
      const patch = applyOperation(loaded.rows, op, { newKey: () => `n${fresh++}`, by: user.name, number: rowNumber(loaded.noise) });
      if (changesNothing(patch)) throw new Unchanged(patch.at, loaded.noise);
      const stored = await write(tx, user, documentId, loaded, patch);
      await tx.alignment.recordOp(documentId, user.id, op, stored);
      return result(tx, user, documentId, version, stored, loaded.noise);
    }));
  }

  /**
   * The aligner runs outside any write transaction, on the rows as one read saw them: a realign of 20,000 rows
   * takes seconds, and holding the write lock that long would stall every other writer. The patch is then
   * written only if neither the alignment (the version) nor any pair's text or state (the document's revision)
   * moved meanwhile; otherwise 409, and nothing is written.
   */
  async function realignPatch(documentId: number, expectedVersion: number, by?: string) {
    const seen = await store.read(async (tx) => {
      await checkVersion(tx, documentId, expectedVersion);
      return { ...(await tx.alignment.load(documentId)), revision: (await tx.documents.generationParts(documentId)).revision };
    });
    let fresh = 0;
    return { seen, patch: applyOperation(seen.rows, { kind: 'realign', by }, { newKey: () => `n${fresh++}`, align: aligner(), by }) };
  }

  async function realign(user: User, documentId: number, expectedVersion: number): Promise<AlignmentResult> {
    const op: AlignOp = { kind: 'realign', by: user.name };
    const { seen, patch } = await realignPatch(documentId, expectedVersion, user.name);
    return unlessUnchanged(user, documentId, expectedVersion, () => store.write(async (tx) => {
      const version = await claimVersion(tx, documentId, expectedVersion);
      if (changesNothing(patch)) throw new Unchanged(patch.at, seen.noise);
      // The claim itself moved the revision on by one; anything more is a save made while the aligner ran.
      if ((await tx.documents.generationParts(documentId)).revision !== seen.revision + 1) {
        throw new ConflictError('Rows of this document were edited while it was being realigned. Load the changes and try again.', 'bounded.realignMoved', undefined, CHANGED);
      }
      const stored = await write(tx, user, documentId, seen, patch);
      await tx.alignment.recordOp(documentId, user.id, op, stored);
      return { ...(await result(tx, user, documentId, version, stored, seen.noise)), ...rescoredOf(patch) };
    }));
  }

  /**
   * The realign a preview shows is the one applying it with the same version writes: the aligner is deterministic and
   * the write refuses rows that moved since. Nothing is written here.
   */
  async function previewRealign(documentId: number, expectedVersion: number): Promise<RealignPreview> {
    const { seen, patch } = await realignPatch(documentId, expectedVersion);
    const region = regionOf(seen, patch);
    return {
      version: expectedVersion, at: patch.at, removed: patch.removed.length,
      inserted: patch.inserted.map((r) => ({ score: r.score, src: r.src.length, tgt: r.tgt.length })), noiseAt: noisePlaces(seen.noise),
      noiseAtAfter: noiseAtAfter(seen, patch, region, placeNoise(region, patch)), ...rescoredOf(patch),
    };
  }

  return {
    counts: (documentId: number, user?: User): Promise<UndoCounts> => store.read((tx) => undoCounts(tx, documentId, user)),

    /** The rows as one read sees them; whose is the undo stack's top, as `user` would hear it. */
    view: (documentId: number, user?: User): Promise<AlignmentView> => store.read(async (tx) => {
      const version = await tx.alignment.documentVersion(documentId);
      if (version === undefined) throw new NotFoundError(`There is no document ${documentId}.`, 'errors.noDocument', { id: documentId });
      const { rows, noise } = await tx.alignment.load(documentId);
      return { version, rows, noise, ...(await undoCounts(tx, documentId, user)) };
    }),

    /** One operation, on this thread. */
    apply: (user: User, documentId: number, expectedVersion: number, rawOp: unknown): Promise<AlignmentResult> =>
      applyHere(user, documentId, expectedVersion, parsedOp(user, rawOp)),

    /** As `apply`, but a realign goes to `realignElsewhere` when there is one. */
    async perform(user: User, documentId: number, expectedVersion: number, rawOp: unknown): Promise<AlignmentResult> {
      const op = parsedOp(user, rawOp);
      if (op.kind === 'realign' && elsewhere) return elsewhere.realign(user, documentId, expectedVersion);
      return applyHere(user, documentId, expectedVersion, op);
    },

    realign,
    previewRealign,
    /**
     * As `previewRealign`, on a work thread when there is one (the aligner takes seconds on a long document): shared
     * with a preview of the same version under way, and one of the user's at a time.
     */
    preview: (user: User, documentId: number, expectedVersion: number) => previews.run(user.id, `${documentId}:${expectedVersion}`,
      () => (elsewhere ? elsewhere.previewRealign(documentId, expectedVersion) : previewRealign(documentId, expectedVersion))),

    /** Undoes the last operation if the rows it made are still as it left them, and it is the user's or they consented; else 409. */
    undo: (user: User, documentId: number, expectedVersion: number, consent?: number) => replay(user, documentId, expectedVersion, 'undo', consent),
    redo: (user: User, documentId: number, expectedVersion: number, consent?: number) => replay(user, documentId, expectedVersion, 'redo', consent),
  };
}
export type AlignmentEditing = ReturnType<typeof alignmentEditing>;
