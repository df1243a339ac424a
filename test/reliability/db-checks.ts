// What a database must show after a crash or in a backup: intact pages, whole documents, every printed commit.

import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import { importTextDocument } from '../../server/services/import-document.ts';
import { defaultAligner } from '../../server/services/workbench.ts';
import { accounts } from '../../server/services/accounts.ts';
import { tempDir } from '../support/test-server.ts';
import { recordingAligner, smallTexts } from './writer-texts.ts';
import type { ScoredBead } from '../../server/domain/types.ts';

export const WRITER_NAME = 'writer';

export const textHash = (text: string) => crypto.createHash('sha256').update(text).digest('hex').slice(0, 16);

export interface DocumentShape {
  pairs: number;
  segments: number;
  sources: number;
}

/** Imports each small text into a memory database with the real aligner: the beads to replay and the rows each import writes. */
export async function prepareTexts(): Promise<{ beads: Record<string, ScoredBead[]>; shapes: DocumentShape[] }> {
  const recorder = recordingAligner(defaultAligner());
  const db = openDatabase(':memory:');
  const store = sqliteStore(db);
  const shapes: DocumentShape[] = [];
  for (const [k, t] of smallTexts().entries()) {
    const id = await importTextDocument({ store, align: recorder.align }, {
      title: `t${k}`, createdBy: null, zh: { name: `zh-${k}.txt`, text: t.zh }, en: { name: `en-${k}.txt`, text: t.en },
    });
    shapes.push(shapeOf(db, id));
  }
  await store.close();
  return { beads: recorder.beads, shapes };
}

function shapeOf(db: Database.Database, id: number): DocumentShape {
  const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table} WHERE document_id = ?`).pluck().get(id) as number;
  return { pairs: count('pairs'), segments: count('segments'), sources: count('sources') };
}

/** The commits a writer printed, in order; a line cut off by the kill is not one. */
export class CommitLog {
  imports: { id: number; k: number }[] = [];
  saves: { pair: number; version: number; hash: string }[] = [];

  add(output: string): void {
    const lines = output.split('\n');
    lines.pop();
    for (const line of lines) {
      const [kind, a, b, c] = line.split(' ');
      if (kind === 'import') this.imports.push({ id: Number(a), k: Number(b) });
      if (kind === 'save') this.saves.push({ pair: Number(a), version: Number(b), hash: c! });
    }
  }

  get size(): number {
    return this.imports.length + this.saves.length;
  }
}

/**
 * Problems found in the database file: pages, foreign keys, documents not whole, printed commits missing.
 * `fromSave` skips saves already checked by an earlier call (revisions are never deleted).
 */
export function checkDatabase(file: string, log: CommitLog, shapes: DocumentShape[], fromSave = 0): string[] {
  const db = new Database(file, { fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  const problems: string[] = [];
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return [`integrity_check: ${integrity}`];
    const orphans = db.pragma('foreign_key_check') as unknown[];
    if (orphans.length) problems.push(`foreign_key_check: ${JSON.stringify(orphans.slice(0, 3))}`);
    const docs = db.prepare(`SELECT d.id, d.title,
        (SELECT count(*) FROM pairs p WHERE p.document_id = d.id) AS pairs,
        (SELECT count(*) FROM segments s WHERE s.document_id = d.id) AS segments,
        (SELECT count(*) FROM sources s WHERE s.document_id = d.id) AS sources
      FROM documents d`).all() as ({ id: number; title: string } & DocumentShape)[];
    const present = new Set<number>();
    for (const d of docs) {
      present.add(d.id);
      const want = shapes[Number(/^t(\d+) /.exec(d.title)?.[1] ?? -1)];
      if (!want || want.pairs !== d.pairs || want.segments !== d.segments || want.sources !== d.sources) {
        problems.push(`document ${d.id} "${d.title}" has ${d.pairs}/${d.segments}/${d.sources} pairs/segments/sources, not ${JSON.stringify(want)}`);
      }
    }
    for (const i of log.imports) if (!present.has(i.id)) problems.push(`printed import ${i.id} is missing`);
    const revision = db.prepare('SELECT new_text FROM revisions WHERE pair_id = ? AND version = ?').pluck();
    for (const s of log.saves.slice(fromSave)) {
      const text = revision.get(s.pair, s.version) as string | undefined;
      if (text === undefined || textHash(text) !== s.hash) problems.push(`printed save ${s.pair} v${s.version} is missing`);
    }
    const latest = new Map(log.saves.map((s) => [s.pair, s]));
    const pair = db.prepare('SELECT tgt_text, version FROM pairs WHERE id = ?');
    for (const s of latest.values()) {
      const row = pair.get(s.pair) as { tgt_text: string; version: number } | undefined;
      if (!row || row.version < s.version || (row.version === s.version && textHash(row.tgt_text) !== s.hash)) {
        problems.push(`pair ${s.pair} lost its printed version ${s.version}`);
      }
    }
  } finally {
    db.close();
  }
  return problems.slice(0, 10);
}

export interface WriterWorkspace {
  dir: string;
  dbFile: string;
  beadsFile: string;
  shapes: DocumentShape[];
}

/** A temporary folder with a migrated database holding the writer account, and the aligner's beads for the writer scripts. */
export async function prepareWriterWorkspace(prefix: string, dbName: string): Promise<WriterWorkspace> {
  const dir = tempDir(prefix);
  const dbFile = path.join(dir, dbName);
  const beadsFile = path.join(dir, 'beads.json');
  const prepared = await prepareTexts();
  fs.writeFileSync(beadsFile, JSON.stringify(prepared.beads));
  const store = sqliteStore(openDatabase(dbFile));
  await accounts(store).createUser(WRITER_NAME, 'translator', 'correct horse 12');
  await store.close();
  return { dir, dbFile, beadsFile, shapes: prepared.shapes };
}
