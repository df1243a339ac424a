// Documents are managed: listed (searched, sorted, by shelf), renamed, archived, deleted to a trash kept 30
// days and restored from it; admins empty the trash. The creator of a document or an admin manages it.

import type { Store, Tx } from '../db/store.ts';
import type { DocumentShelf, DocumentSummaryRow } from '../db/documents-repo.ts';
import { toSummary, type DocumentSummary } from './documents.ts';
import { mayManage, mayOpen, type Actor } from './document-access.ts';
import { checkedTitle } from '../domain/document-title.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError, shown } from '../domain/errors.ts';

export const TRASH_DAYS = 30;
const DAY_MS = 86_400_000;

export const SHELVES = ['active', 'archived', 'trash'] as const satisfies readonly DocumentShelf[];
export const SORTS = ['created', 'title', 'activity', 'progress'] as const;
export type DocumentSort = (typeof SORTS)[number];

export interface DocumentListQuery {
  shelf: DocumentShelf;
  sort: DocumentSort;
  /** Ascending or descending; each sort has its natural one (newest activity first, the rest ascending). */
  descending: boolean;
  /** Part of the title, any case. */
  q?: string;
}

export interface DocumentEntry extends DocumentSummary {
  owner: string | null;
  lastActivityAt: string;
  archivedAt: string | null;
  trashedAt: string | null;
  /** When the trash purges it for good; null outside the trash. */
  purgeAt: string | null;
  /** Translated and approved pairs per pair, 0…1. */
  progress: number;
  /** Whether the reader may rename, archive, delete or restore it. */
  mayManage: boolean;
}

const pick = <T extends string>(raw: unknown, allowed: readonly T[], fallback: T, what: string): T => {
  if (raw === undefined || raw === '') return fallback;
  if (typeof raw === 'string' && (allowed as readonly string[]).includes(raw)) return raw as T;
  throw new ValidationError(`The ${what} must be one of ${allowed.join(', ')}, not "${shown(raw)}".`, 'lifecycle.badQuery', { what, allowed: allowed.join(', ') });
};

/** Reads `state`, `sort`, `dir` and `q` from a query string (the page's or the API's). */
export function parseListQuery(query: Record<string, unknown>): DocumentListQuery {
  const shelf = pick(query.state, SHELVES, 'active', 'state');
  const sort = pick(query.sort, SORTS, 'created', 'sort');
  const dir = pick(query.dir, ['asc', 'desc'] as const, sort === 'activity' ? 'desc' : 'asc', 'dir');
  const q = typeof query.q === 'string' && query.q.trim() ? query.q.trim().slice(0, 200) : undefined;
  return { shelf, sort, descending: dir === 'desc', ...(q ? { q } : {}) };
}

/** The order when it is not the sort's natural one, else undefined. */
export const explicitDir = (query: DocumentListQuery): 'asc' | 'desc' | undefined =>
  query.descending === (query.sort === 'activity') ? undefined : query.descending ? 'desc' : 'asc';

/** The query as the page's address says it, leaving out what is the default. */
export function listAddress(query: DocumentListQuery): string {
  const params = new URLSearchParams();
  if (query.q) params.set('q', query.q);
  if (query.shelf !== 'active') params.set('state', query.shelf);
  if (query.sort !== 'created') params.set('sort', query.sort);
  const dir = explicitDir(query);
  if (dir) params.set('dir', dir);
  const text = params.toString();
  return `/documents${text ? `?${text}` : ''}`;
}

const progressOf = (r: DocumentSummaryRow) => (r.pair_count ? (r.translated_count + r.approved_count) / r.pair_count : 0);

function toEntry(r: DocumentSummaryRow, actor: Actor): DocumentEntry {
  return {
    ...toSummary(r), owner: r.owner, lastActivityAt: r.last_activity_at, archivedAt: r.archived_at, trashedAt: r.trashed_at,
    purgeAt: r.trashed_at && new Date(Date.parse(r.trashed_at) + TRASH_DAYS * DAY_MS).toISOString(),
    progress: progressOf(r), mayManage: mayManage(actor, r.owner_id),
  };
}

function sorted(entries: DocumentEntry[], query: DocumentListQuery, lang: string): DocumentEntry[] {
  const collator = new Intl.Collator([lang, 'zh-CN', 'en'], { sensitivity: 'base', numeric: true });
  const byTitle = (a: DocumentEntry, b: DocumentEntry) => collator.compare(a.title, b.title) || a.id - b.id;
  const compare: Record<DocumentSort, (a: DocumentEntry, b: DocumentEntry) => number> = {
    created: (a, b) => a.id - b.id,
    title: byTitle,
    activity: (a, b) => (a.lastActivityAt < b.lastActivityAt ? -1 : a.lastActivityAt > b.lastActivityAt ? 1 : a.id - b.id),
    progress: (a, b) => a.progress - b.progress || byTitle(a, b),
  };
  const sign = query.descending ? -1 : 1;
  return entries.sort((a, b) => sign * compare[query.sort](a, b));
}

function archivedField(raw: unknown): boolean {
  if (raw === true || raw === '1' || raw === 'true') return true;
  if (raw === false || raw === '0' || raw === 'false') return false;
  throw new ValidationError('"archived" must be true or false.', 'errors.badField', { name: 'archived' });
}

const noDocument = (id: number) => new NotFoundError(`There is no document ${id}.`, 'errors.noDocument', { id });

export function documentLifecycle(store: Store, now: () => Date = () => new Date()) {
  const cutoff = () => new Date(now().getTime() - TRASH_DAYS * DAY_MS).toISOString();

  /** The document as this actor may manage it: 404 when they may not open it, 403 when they may open but not manage it. */
  async function managed(tx: Tx, actor: Actor, id: number, opts: { trashed?: boolean } = {}) {
    const doc = await tx.lifecycle.state(id);
    if (!doc || !(await mayOpen(tx, actor, id, opts.trashed))) throw noDocument(id);
    if (!mayManage(actor, doc.owner_id)) {
      throw new ForbiddenError('Only the creator of a document or an admin may rename, archive, delete or restore it.', 'lifecycle.notYours');
    }
    return doc;
  }

  async function entry(tx: Tx, actor: Actor, id: number): Promise<DocumentEntry> {
    return toEntry((await tx.documents.byId(id))!, actor);
  }

  const lifecycle = {
    /** Purges documents trashed more than 30 days ago; returns how many. A read finds them first, so a list read writes only when there are some. */
    async purgeExpired(): Promise<number> {
      const before = cutoff();
      if (!(await store.read((tx) => tx.lifecycle.anyTrashed(before)))) return 0;
      return store.write((tx) => tx.lifecycle.purge(before, now().toISOString()));
    },

    /** The documents on one shelf the actor may open, searched and sorted; the trash is purged of expired ones first. */
    async list(actor: Actor, query: DocumentListQuery, lang = 'en'): Promise<DocumentEntry[]> {
      await lifecycle.purgeExpired();
      const { rows, visible } = await store.read(async (tx) => ({
        rows: await tx.documents.list(query.shelf),
        visible: actor.role === 'admin' || actor.id === null ? undefined : await tx.access.visibleIds(actor.id),
      }));
      const needle = query.q?.toLocaleLowerCase();
      const entries = rows.filter((r) => (!visible || visible.has(r.id)) && (!needle || r.title.toLocaleLowerCase().includes(needle)));
      return sorted(entries.map((r) => toEntry(r, actor)), query, lang);
    },

    get: (actor: Actor, id: number): Promise<DocumentEntry> => store.read(async (tx) => {
      if (!(await mayOpen(tx, actor, id))) throw noDocument(id);
      return entry(tx, actor, id);
    }),

    /**
     * Renames it, archives it (hidden from the working list, still open) or takes it out of the archive: all that
     * is asked or, when one part is refused, none. Archiving an archived document again is no error. The fields
     * are read only once the actor may manage it, so a refused user learns nothing from a bad field.
     */
    change: (actor: Actor, id: number, c: { title?: unknown; archived?: unknown }): Promise<DocumentEntry> => store.write(async (tx) => {
      const doc = await managed(tx, actor, id);
      if (c.title === undefined && c.archived === undefined) {
        throw new ValidationError('Say what to change: "title", "archived" or both.', 'lifecycle.nothingToChange');
      }
      const title = c.title === undefined ? undefined : checkedTitle(c.title);
      const archived = c.archived === undefined ? undefined : archivedField(c.archived);
      const at = now().toISOString();
      if (title !== undefined) await tx.lifecycle.rename(id, title, at);
      if (archived !== undefined && archived !== (doc.archived_at !== null)) await tx.lifecycle.setArchived(id, archived ? at : null, at);
      return entry(tx, actor, id);
    }),

    /** Moves it to the trash: hidden everywhere, restorable for 30 days. */
    trash: (actor: Actor, id: number): Promise<DocumentEntry> => store.write(async (tx) => {
      await managed(tx, actor, id);
      await tx.lifecycle.trash(id, now().toISOString(), actor.id);
      return entry(tx, actor, id);
    }),

    restore: (actor: Actor, id: number): Promise<DocumentEntry> => store.write(async (tx) => {
      const doc = await managed(tx, actor, id, { trashed: true });
      if (doc.trashed_at === null) throw new ConflictError(`Document ${id} is not in the trash.`, 'lifecycle.notTrashed', { title: doc.title });
      await tx.lifecycle.restore(id, now().toISOString());
      return entry(tx, actor, id);
    }),

    /** Deletes one trashed document for good, at once: its creator or an admin, who confirmed it first. */
    purge: (actor: Actor, id: number): Promise<{ id: number; title: string }> => store.write(async (tx) => {
      const doc = await managed(tx, actor, id, { trashed: true });
      if (!(await tx.lifecycle.purgeOne(id, now().toISOString()))) {
        throw new ConflictError(`Document ${id} is not in the trash: only a trashed document may be deleted for good.`, 'documentManage.purgeNotTrashed', { title: doc.title });
      }
      return { id, title: doc.title };
    }),

    /** Admins only: purges every trashed document now; returns how many. */
    emptyTrash(actor: Actor): Promise<number> {
      if (actor.role !== 'admin') return Promise.reject(new ForbiddenError('Only an admin may empty the trash.', 'lifecycle.emptyAdmin'));
      return store.write((tx) => tx.lifecycle.purge(null, now().toISOString()));
    },
  };
  return lifecycle;
}
export type DocumentLifecycle = ReturnType<typeof documentLifecycle>;
