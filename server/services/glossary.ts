// Use cases for the glossary: list, add, remove, CSV import and export; the demo's seed terms.

import fs from 'node:fs';
import path from 'node:path';
import type { Db } from '../db/open-database.ts';
import { glossaryRepo, type GlossaryRow } from '../db/glossary-repo.ts';
import { parseGlossaryCsv, serializeGlossaryCsv } from '../domain/glossary-csv.ts';
import { NotFoundError, ValidationError } from '../domain/errors.ts';
import { CORPUS_DIR } from './import-document.ts';

const MAX_TERM = 200;

function checkTerm(zh: string, en: string): void {
  if (!zh.trim() || !en.trim()) throw new ValidationError('A glossary entry needs a Chinese term and an English term.', 'errors.glossaryEmpty');
  // SQLite's length() stops at a NUL, so "\0" would pass here and fail the table's CHECK with a 500.
  if (/\p{Cc}/u.test(zh + en)) throw new ValidationError('A glossary term may not contain control characters.', 'errors.glossaryControl');
  if (zh.length > MAX_TERM || en.length > MAX_TERM) throw new ValidationError(`A glossary term may have at most ${MAX_TERM} characters.`, 'errors.glossaryLong', { max: MAX_TERM });
}

export function glossary(db: Db) {
  const repo = glossaryRepo(db);
  return {
    list: (): GlossaryRow[] => repo.list(),
    add(zh: string, en: string, note?: string): void {
      checkTerm(zh, en);
      repo.upsert(zh.trim(), en.trim(), note?.trim() || null);
    },
    remove(id: number): void {
      if (!repo.remove(id)) throw new NotFoundError(`There is no glossary entry ${id}.`, 'errors.noGlossaryEntry');
    },
    /** All rows or none: a bad line refuses the whole file. */
    importCsv(text: string): number {
      const entries = parseGlossaryCsv(text);
      entries.forEach((e) => checkTerm(e.zh, e.en));
      db.transaction(() => entries.forEach((e) => repo.upsert(e.zh.trim(), e.en.trim(), e.note?.trim() || null))).immediate();
      return entries.length;
    },
    exportCsv: (): string => serializeGlossaryCsv(repo.list().map((r) => ({ zh: r.zh, en: r.en, ...(r.note ? { note: r.note } : {}) }))),
    /** The demo's agreed terms, loaded once into an empty glossary. */
    seedDemo(): void {
      if (repo.count() === 0) this.importCsv(fs.readFileSync(path.join(CORPUS_DIR, 'glossary.csv'), 'utf8'));
    },
  };
}
export type Glossary = ReturnType<typeof glossary>;
