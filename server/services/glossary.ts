// Use cases for the glossary: list, add, remove, CSV and TBX import and export; the demo's seed terms.

import fs from 'node:fs';
import path from 'node:path';
import type { Store, Tx } from '../db/store.ts';
import type { GlossaryRow, TermsAndNote } from '../db/glossary-repo.ts';
import { parseGlossaryCsv, serializeGlossaryCsv, type GlossaryEntry } from '../domain/glossary-csv.ts';
import { parseGlossaryTbx, serializeGlossaryTbx } from '../formats/glossary-tbx.ts';
import { decodeText } from '../domain/decode-text.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../domain/errors.ts';
import { NOT_XML_CHAR } from '../domain/control-characters.ts';
import type { User } from './accounts.ts';
import { GLOSSARY_PAGE_SIZE, MAX_GLOSSARY_NOTE, MAX_GLOSSARY_TERM, mayChangeEntry } from '../domain/shared-resources.ts';
import { CORPUS_DIR } from './import-document.ts';
import type { UploadedFile } from './import-file.ts';
import { firstChars, longerThan } from '../domain/text-length.ts';

/** How many entries a glossary file gave, and how many of its concepts it skipped (a TBX's other languages). */
export interface GlossaryImport {
  imported: number;
  skipped: number;
}

/** One page of the glossary as the page shows it: the entries found, how many there are in all, and where it starts. */
export interface GlossaryPage {
  rows: GlossaryRow[];
  /** Entries the text finds (all of them without one). */
  total: number;
  /** The page's number from 1, brought within the pages there are. */
  page: number;
  text: string;
}

/** A TBX file starts with markup; anything else is read as CSV. */
const isTbx = (text: string) => /^\s*</.test(text.replace(/^\uFEFF/, ''));

const MAX_TERM = MAX_GLOSSARY_TERM;
const MAX_NOTE = MAX_GLOSSARY_NOTE;

function checkEntry(zh: string, en: string, note = ''): void {
  if (!zh.trim() || !en.trim()) throw new ValidationError('A glossary entry needs a Chinese term and an English term.', 'errors.glossaryEmpty');
  // SQLite's length() stops at a NUL, so "\0" would pass here and fail the table's CHECK with a 500 (PostgreSQL's text
  // refuses it outright); half a surrogate pair or U+FFFE would be stored as U+FFFD or break the exports.
  if (/\p{Cc}/u.test(zh + en) || NOT_XML_CHAR.test(zh + en)) throw new ValidationError('A glossary term may not contain control characters.', 'errors.glossaryControl');
  if (longerThan(zh, MAX_TERM) || longerThan(en, MAX_TERM)) throw new ValidationError(`A glossary term may have at most ${MAX_TERM} characters.`, 'errors.glossaryLong', { max: MAX_TERM });
  if (NOT_XML_CHAR.test(note)) throw new ValidationError('A glossary note may not contain control characters.', 'errors.glossaryNoteControl');
  // Named, since a file's entries are checked all at once and the reader must find the one.
  if (longerThan(note, MAX_NOTE)) throw new ValidationError(`The note of ${zh} → ${en} has more than ${MAX_NOTE} characters.`, 'errors.glossaryNoteLong', { zh, en, max: MAX_NOTE });
}

/**
 * New entries, or new notes on existing pairs of terms. Adding terms already there without a note leaves the note;
 * changing the note of someone else's entry is a reviewer's or an admin's, as deleting it is. A file's entries are
 * read and written a few thousand at a time: one statement each made a 50,000-term TBX take 85 s on PostgreSQL.
 */
async function addEntries(tx: Tx, user: User | undefined, file: { zh: string; en: string; note?: string }[]): Promise<void> {
  // The same terms twice in a file are one entry, its last note the one kept, as one add after another would leave it.
  const entries = new Map<string, { zh: string; en: string; note: string | null; notes: Set<string> }>();
  for (const e of file) {
    const [zh, en, note] = [e.zh.trim(), e.en.trim(), e.note?.trim() || null];
    const entry = entries.get(`${zh}\u0000${en}`) ?? entries.set(`${zh}\u0000${en}`, { zh, en, note: null, notes: new Set() }).get(`${zh}\u0000${en}`)!;
    if (note !== null) entry.note = note;
    if (note !== null) entry.notes.add(note);
  }
  if (user) {
    for (const existing of await tx.glossary.byTermsMany([...entries.values()])) {
      const { zh, en, notes } = entries.get(`${existing.zh}\u0000${existing.en}`)!;
      if ([...notes].some((n) => n !== existing.note) && !mayChangeEntry(user, existing)) {
        throw new ForbiddenError(`Only a reviewer or an admin may change the note of ${zh} → ${en}, which someone else added.`, 'errors.glossaryNoteNotYours', { zh, en });
      }
    }
  }
  await tx.glossary.upsertMany([...entries.values()].map(({ zh, en, note }) => ({ zh, en, note })), user?.id ?? null);
}

/** The entry, when there is one and `user` may edit or delete it. */
function changeable(user: User, entry: GlossaryRow | undefined): GlossaryRow {
  if (!entry) throw new NotFoundError('There is no such glossary entry.', 'errors.noGlossaryEntry');
  if (!mayChangeEntry(user, entry)) throw new ForbiddenError('Only a reviewer or an admin may change or delete a glossary entry someone else added.', 'errors.glossaryNotYours');
  return entry;
}

const sameTerms = (entry: TermsAndNote, seen: TermsAndNote) => entry.zh === seen.zh && entry.en === seen.en && (entry.note ?? '') === (seen.note ?? '');

/** Someone saved the entry while this editor was open: the second save would have undone theirs without a word. */
function changedSince(now: GlossaryRow): ConflictError {
  return new ConflictError(`Someone changed this entry since you opened it: it is now ${now.zh} → ${now.en}. Your terms are kept below: save again to replace it.`,
    'glossary.changedSince', { zh: now.zh, en: now.en, note: now.note ?? '' });
}

export function glossary(store: Store) {
  const list = (): Promise<GlossaryRow[]> => store.read((tx) => tx.glossary.list());
  const entries = async (): Promise<GlossaryEntry[]> => (await list()).map((r) => ({ zh: r.zh, en: r.en, ...(r.note ? { note: r.note } : {}) }));
  const addAll = async (file: GlossaryEntry[], user?: User): Promise<number> => {
    file.forEach((e) => checkEntry(e.zh, e.en, e.note));
    await store.write(async (tx) => addEntries(tx, user, file));
    return file.length;
  };
  return {
    list,
    /** The entries whose terms or note hold `text`, one page of them. */
    async page(text: string, page: number): Promise<GlossaryPage> {
      const wanted = firstChars(text.trim(), MAX_TERM);
      return store.read(async (tx) => {
        const total = await tx.glossary.countFound(wanted);
        const last = Math.max(1, Math.ceil(total / GLOSSARY_PAGE_SIZE));
        const at = Math.min(Math.max(1, Math.floor(page) || 1), last);
        return { rows: await tx.glossary.find(wanted, GLOSSARY_PAGE_SIZE, (at - 1) * GLOSSARY_PAGE_SIZE), total, page: at, text: wanted };
      });
    },
    /** The entry, for its edit form; only to someone who may change it. */
    async editable(user: User, id: number): Promise<GlossaryRow> {
      return store.read(async (tx) => changeable(user, await tx.glossary.entry(id)));
    },
    /**
     * New terms or note for an entry, each kept when not given (an empty note clears it); its author stays. Terms
     * another entry already pairs are refused, not merged. Answers the entry as it now is.
     */
    async update(user: User, id: number, change: { zh?: string; en?: string; note?: string }, seen?: TermsAndNote): Promise<GlossaryRow> {
      return store.write(async (tx) => {
        const entry = changeable(user, await tx.glossary.entry(id));
        if (seen && !sameTerms(entry, seen)) throw changedSince(entry);
        const [zh, en, note] = [change.zh ?? entry.zh, change.en ?? entry.en, change.note ?? entry.note ?? ''];
        checkEntry(zh, en, note);
        const [z, e, n] = [zh.trim(), en.trim(), note.trim() || null];
        const other = await tx.glossary.byTerms(z, e);
        if (other && other.id !== id) throw new ValidationError(`${z} → ${e} is already in the glossary.`, 'errors.glossaryDuplicate', { zh: z, en: e });
        // The condition is in the UPDATE: on PostgreSQL another server's save may come between the read and the write.
        if (!(seen ? await tx.glossary.updateSeen(id, seen, z, e, n) : await tx.glossary.update(id, z, e, n))) {
          throw changedSince((await tx.glossary.entry(id)) ?? entry);
        }
        return { ...entry, zh: z, en: e, note: n };
      });
    },
    async add(user: User, zh: string, en: string, note?: string): Promise<void> {
      checkEntry(zh, en, note);
      await store.write(async (tx) => addEntries(tx, user, [{ zh, en, note }]));
    },
    /** The agreed terms are the team's: a translator takes back only an entry of their own. */
    async remove(user: User, id: number): Promise<void> {
      await store.write(async (tx) => {
        changeable(user, await tx.glossary.entry(id));
        await tx.glossary.remove(id);
      });
    },
    /** All rows or none: a bad line refuses the whole file. The user is the author of the entries it adds. */
    importCsv: async (text: string, user?: User): Promise<number> => addAll(parseGlossaryCsv(text), user),
    /** A TBX termbase's Chinese-English pairs, all or none; concepts without both languages are counted, not refused. */
    async importTbx(text: string, user?: User): Promise<GlossaryImport> {
      const { entries, skipped } = parseGlossaryTbx(text);
      return { imported: await addAll(entries, user), skipped };
    },
    /** Pasted or uploaded text, CSV or TBX by its content. */
    async importText(text: string, user?: User): Promise<GlossaryImport> {
      return isTbx(text) ? this.importTbx(text, user) : { imported: await this.importCsv(text, user), skipped: 0 };
    },
    /** An uploaded file, in whatever encoding it came (GB18030 from older tools too). */
    importFile(file: UploadedFile, user?: User): Promise<GlossaryImport> {
      return this.importText(decodeText(file.bytes, file.name).text, user);
    },
    exportCsv: async (): Promise<string> => serializeGlossaryCsv(await entries()),
    exportTbx: async (): Promise<string> => serializeGlossaryTbx(await entries()),
    /** The demo's agreed terms, loaded once into an empty glossary. */
    async seedDemo(): Promise<void> {
      if ((await store.read((tx) => tx.glossary.count())) === 0) await this.importCsv(fs.readFileSync(path.join(CORPUS_DIR, 'glossary.csv'), 'utf8'));
    },
  };
}
export type Glossary = ReturnType<typeof glossary>;
