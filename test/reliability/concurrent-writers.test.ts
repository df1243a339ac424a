// Single writer, no busy errors: two processes editing the same pairs at once lose no edit and never see SQLITE_BUSY.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import { accounts } from '../../server/services/accounts.ts';
import { tempDir } from '../support/test-server.ts';
import { ScriptProcess } from './writer-process.ts';
import { insertDocument } from '../support/insert-document.ts';

const EDITS = 50;
let dir: string;
let dbFile: string;
let pairIds: number[];

beforeAll(async () => {
  dir = tempDir('duiqi-writers-');
  dbFile = path.join(dir, 'duiqi.sqlite');
  const db = openDatabase(dbFile);
  await accounts(sqliteStore(db)).createUser('alice', 'translator', 'correct horse 12');
  await accounts(sqliteStore(db)).createUser('bob', 'translator', 'correct horse 12');
  pairIds = insertDocument(db, '并发', ['双方还就朝鲜半岛局势交换了意见。', '丁薛祥等参加会见。', '两国始终是亲密的朋友。']).pairIds;
  db.close();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('two processes editing the same pairs', () => {
  it('when both read, modify and write 50 times at once, then all 100 saves are in the history and no busy error reached them', async () => {
    const writers = ['alice', 'bob'].map((name) => new ScriptProcess('edit-writer.ts', [dbFile, name, pairIds.join(','), String(EDITS)]));
    await Promise.all(writers.map((w) => w.waitFor('waiting')));
    for (const w of writers) w.send('go');
    const codes = await Promise.all(writers.map((w) => w.exited));
    expect(writers.map((w) => w.errors)).toEqual(['', '']);
    expect(codes).toEqual([0, 0]);
    const reports = writers.map((w) => JSON.parse(w.output.trim().split('\n').at(-1)!) as { saves: number; retries: number; busy: string[] });
    expect(reports.map((r) => r.busy)).toEqual([[], []]);
    expect(reports.map((r) => r.saves)).toEqual([EDITS, EDITS]);

    const db = openDatabase(dbFile);
    try {
      const saves = db.prepare("SELECT count(*) FROM revisions WHERE action = 'save' AND pair_id IN (?, ?, ?)").pluck().get(...pairIds);
      expect(saves).toBe(2 * EDITS);
      // Each edit appended its own mark to what it read: a lost update would drop a mark from the final text.
      const finalText = (db.prepare('SELECT group_concat(tgt_text, \' \') FROM pairs WHERE id IN (?, ?, ?)').pluck().get(...pairIds)) as string;
      for (const name of ['alice', 'bob']) {
        for (let i = 0; i < EDITS; i++) expect(finalText).toContain(`[${name}-${i}]`);
      }
      const versions = db.prepare('SELECT version FROM revisions WHERE pair_id = ? ORDER BY version').pluck();
      for (const id of pairIds) {
        const list = versions.all(id) as number[];
        expect(list).toEqual(list.map((_, i) => i + 2));
      }
    } finally {
      db.close();
    }
    console.log(`concurrent-writers: ${reports.map((r) => r.retries).join(' + ')} retries after 409`);
  });
});
