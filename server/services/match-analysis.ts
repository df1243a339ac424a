// Use case: a document's match analysis against the translation memory, for quoting and planning. The matching runs
// on a work thread (a 100,000-pair document takes seconds), a big document's as a job in slices, and its result is kept
// while nothing it depends on changes.

import { createHash, randomUUID } from 'node:crypto';
import type { Store } from '../db/store.ts';
import type { DocumentHeaderRow } from '../db/documents-repo.ts';
import { ConflictError, NotFoundError } from '../domain/errors.ts';
import { bestMatches } from '../domain/fuzzy-match.ts';
import {
  addTallies, noTallies, repetitions, summarise, tallySlice, type BestMatch, type MatchAnalysis, type Tallies,
} from '../domain/match-analysis.ts';
import { openableFilter, openableKey, type Actor } from './document-access.ts';
import { MIN_SIMILARITY, type TranslationMemory } from './translation-memory.ts';
import { documentReads } from './documents.ts';
import type { JobOutcome, Jobs, JobView, RunningJob } from './jobs.ts';
import type { User } from './accounts.ts';

export interface DocumentAnalysis {
  doc: Pick<DocumentHeaderRow, 'id' | 'title'>;
  analysis: MatchAnalysis;
}

/** Results kept: one per document state and reader's view of the memory, the oldest dropped first. */
const KEPT = 32;

const noDocument = (id: number) => new NotFoundError(`There is no document ${id}.`, 'errors.noDocument', { id });

/** A document's lookups by the Chinese as the matcher compares it, valid while the memory and what the reader may open are. */
export type LookupMemo = (state: string) => Map<string, BestMatch | null>;

/**
 * Lookups kept between analyses (on a work thread): a save revises the document, so its kept analysis is made again,
 * but changes no lookup unless it changed the Chinese. The last `size` states are kept.
 */
export function lookupMemo(size = 2): LookupMemo {
  const memos = new Map<string, Map<string, BestMatch | null>>();
  return (state) => {
    let memo = memos.get(state);
    if (!memo) {
      memos.set(state, (memo = new Map()));
      if (memos.size > size) memos.delete(memos.keys().next().value!);
    }
    return memo;
  };
}

/** A document read for its analysis, to be banded in slices: each slice a work-thread task of its own. */
export interface PreparedAnalysis {
  /** The document's revision and alignment version when it was read: slices of one analysis must all have read the same. */
  revision: string;
  pairs: number;
  slice(from: number, to: number): Tallies;
}

/**
 * Reads what a document's analysis needs, in one transaction: each non-noise pair's Chinese, and the memory's units this
 * user may see, leaving out the document's own pairs (a document must not match itself). The matching is done outside
 * it, slice by slice.
 */
export async function prepareAnalysis(
  store: Store, memory: TranslationMemory, documentId: number, user: Actor, memo: LookupMemo = lookupMemo(),
): Promise<PreparedAnalysis> {
  const { pairs, units, index, openable, state, revision } = await store.read(async (tx) => {
    if (!(await tx.documents.exists(documentId))) throw noDocument(documentId);
    const g = await tx.documents.generationParts(documentId);
    return {
      pairs: await tx.batches.documentTexts(documentId), ...(await memory.snapshot(tx)), openable: await openableFilter(tx, user),
      state: [documentId, await tx.memory.generation(), await openableKey(tx, user)].join('|'), revision: `${g.revision}|${g.version}`,
    };
  });
  // Left out: the document's own approved pairs and those of documents this user may not open, usually few; a lookup
  // asks about every candidate it compares, so a set of them rather than a question to the units and the filter each time.
  const blocked = new Set<string>();
  for (const u of units.values()) if (u.document_id !== null && (u.document_id === documentId || !openable(u.document_id))) blocked.add(u.key);
  const skip = blocked.size ? (id: string) => blocked.has(id) : undefined;
  // Most pairs of a memory-heavy document are found whole: a set of the usable units' Chinese answers them without a lookup.
  const whole = new Set<string>();
  index.ids.forEach((id, k) => {
    if (!blocked.has(id)) whole.add(index.chars[k]!.join(''));
  });
  const found = memo(state);
  const lookUp = (src: string) => bestMatches(src, index, { min: MIN_SIMILARITY, limit: 1, skip })[0] ?? null;
  const best = (src: string, key: string): BestMatch | null => {
    if (key && whole.has(key)) return { similarity: 1 };
    let match = found.get(key);
    if (match === undefined) found.set(key, (match = lookUp(src)));
    return match;
  };
  const srcs = pairs.map((p) => p.src_text);
  const repeats = repetitions(srcs);
  return { revision, pairs: srcs.length, slice: (from, to) => tallySlice(srcs, repeats, from, to, best) };
}

/** The whole analysis in one go: a small document's, in the request (on a work thread). */
export async function computeMatchAnalysis(
  store: Store, memory: TranslationMemory, documentId: number, user: Actor, memo: LookupMemo = lookupMemo(),
): Promise<MatchAnalysis> {
  const prepared = await prepareAnalysis(store, memory, documentId, user, memo);
  return summarise(prepared.slice(0, prepared.pairs), prepared.pairs);
}

/** One slice of an analysis as a work thread answers it, with what the thread read (see PreparedAnalysis). */
export interface AnalysisSlice {
  revision: string;
  pairs: number;
  tallies: Tallies;
}

/** Where an analysis runs: whole (a small document's) or a slice of one read once for `run` (a job's). */
export interface AnalysisWork {
  whole(documentId: number, user: Actor): Promise<MatchAnalysis>;
  slice(run: string, documentId: number, user: Actor, from: number, to: number): Promise<AnalysisSlice>;
}

/**
 * Pairs a work-thread task of an analysis job bands: each slice is a task of its own, so an import queued meanwhile
 * waits for one slice (about a second at 100,000 pairs against 40,000 units), not for the whole analysis.
 */
export const SLICE = 4_000;

/**
 * How a request takes an analysis not yet made: `wait` for it (the CSV and the API without `Prefer`: at once for a small
 * document, else its job's), the `page` shows a big document's job, and `async` (`Prefer: respond-async`) answers the
 * job whatever the document's size.
 */
export type AnalysisMode = 'wait' | 'page' | 'async';

/** The analysis, or the job making it (a big document's, or when the client asked for a job). */
export type AnalysisAnswer = DocumentAnalysis | { doc: DocumentAnalysis['doc']; job: JobView };

/** What an analysis job keeps as its result's value: the analysis and the state it was made for, to be found again by it. */
interface AnalysisValue {
  state: string;
  analysis: MatchAnalysis;
}

/**
 * `work` runs the analysis where it should (the server's work threads). A document of more than `settings.jobRows`
 * pairs is analysed by a job (as big exports are), which a request for the same state joins, `settings.slice` pairs a task.
 */
export function matchAnalysis(store: Store, work: AnalysisWork, jobs: () => Jobs, settings: { jobRows: number; slice: number }) {
  // Analyses made here, settled or not, by state; a job's result is found in the database by any server.
  const kept = new Map<string, Promise<MatchAnalysis>>();
  // Jobs this server is starting, by state: two requests at once start one job.
  const starting = new Map<string, Promise<number>>();
  const keep = (state: string, analysis: Promise<MatchAnalysis>) => {
    kept.set(state, analysis);
    analysis.catch(() => kept.delete(state));
    if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
    return analysis;
  };

  /** The document's state as its analysis depends on it: its revision and alignment version, the memory's counter and what this user may open. */
  const current = (user: Actor, documentId: number) => store.read(async (tx) => {
    const header = await tx.documents.header(documentId);
    if (!header) throw noDocument(documentId);
    const g = await tx.documents.generationParts(documentId);
    const sees = createHash('sha1').update(await openableKey(tx, user)).digest('base64');
    return { doc: { id: header.id, title: header.title }, state: [documentId, g.revision, g.version, await tx.memory.generation(), sees].join('|') };
  });

  /** The job of this state, running or done (joined or its result used again), else a new one. */
  async function jobFor(user: User, documentId: number, state: string): Promise<number> {
    const recent = await store.read((tx) => tx.jobs.recent(documentId, 'analysis'));
    const same = recent.find((j) => (j.state === 'done' ? (JSON.parse(j.result!) as JobOutcome).value.state : (JSON.parse(j.input) as Partial<AnalysisValue>).state) === state);
    if (same) return same.id;
    let id = starting.get(state);
    if (!id) {
      id = jobs().create(user, 'analysis', documentId, { state }).then((job) => job.id);
      starting.set(state, id);
      void id.finally(() => starting.delete(state)).catch(() => undefined);
    }
    return id;
  }

  return {
    /** The analysis as of now, kept by the document's state, or the job making it (see AnalysisMode). */
    async of(user: User, documentId: number, mode: AnalysisMode = 'wait'): Promise<AnalysisAnswer> {
      const { doc, state } = await current(user, documentId);
      const made = kept.get(state);
      if (made) return { doc, analysis: await made };
      const pairs = await store.read(async (tx) => (await documentReads.get(tx, documentId)).pairCount);
      if (pairs <= settings.jobRows && mode !== 'async') return { doc, analysis: await keep(state, work.whole(documentId, user)) };
      const id = await jobFor(user, documentId, state);
      if (mode !== 'wait') {
        const job = await jobs().get(user, id);
        if (job.state !== 'done') return { doc, job };
      }
      const value = (await jobs().outcome(user, id)).value as unknown as AnalysisValue;
      return { doc, analysis: await keep(state, Promise.resolve(value.analysis)) };
    },

    /**
     * Runs an analysis job: the document as it is, read once on a work thread and banded a slice a task, so that other
     * work interleaves; its progress the pairs banded. Kept with the state it was asked for.
     */
    async run(job: RunningJob): Promise<JobOutcome> {
      const run = `${job.id}:${randomUUID()}`;
      const tallies = noTallies();
      let first: AnalysisSlice | undefined;
      for (let from = 0; !first || from < first.pairs; from += settings.slice) {
        const slice = await work.slice(run, job.documentId!, job.user, from, from + settings.slice);
        first ??= slice;
        // Another thread read the slice (several work threads) after the document changed: the slices do not add up.
        if (slice.revision !== first.revision || slice.pairs !== first.pairs) {
          throw new ConflictError('The document changed while it was being analysed; open the analysis again.', 'analysisJobs.changed');
        }
        addTallies(tallies, slice.tallies);
        await job.progress(Math.min(from + settings.slice, first.pairs), first.pairs);
      }
      const analysis = summarise(tallies, first.pairs);
      const value: AnalysisValue = { state: job.input.state as string, analysis };
      return { key: 'analysisJobs.ready', params: { count: analysis.total.pairs }, value: { ...value } };
    },
  };
}
export type MatchAnalysisService = ReturnType<typeof matchAnalysis>;
