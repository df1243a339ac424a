// duiqi restore: a copy `duiqi backup` made goes back in place of the database, whatever the database's log holds.

import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database.ts';
import { ROOT } from '../support/start-workbench.ts';
import { runDuiqi } from '../support/run-duiqi.ts';
import { tempDir } from '../support/test-server.ts';

let dir: string;
let live: string;
let backup: string;

const duiqi = (args: string[], env: Record<string, string> = { DUIQI_DB: live }) => runDuiqi(args, dir, env);

const terms = (file: string) => {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare('SELECT zh FROM glossary_terms ORDER BY zh').pluck().all() as string[];
  } finally {
    db.close();
  }
};

/** Another process adds `count` terms and dies before any checkpoint, as a killed server does: they stay in the -wal file. */
function writeAndDie(file: string, count: number): void {
  const script = `const db = new (require('better-sqlite3'))(${JSON.stringify(file)});
    db.pragma('wal_autocheckpoint = 0');
    for (let i = 0; i < ${count}; i++) db.prepare("INSERT INTO glossary_terms (zh, en) VALUES (?, 'later')").run('later-' + i);
    process.kill(process.pid, 'SIGKILL');`;
  spawnSync(process.execPath, ['-e', script], { cwd: ROOT });
}

beforeAll(() => {
  dir = tempDir('duiqi-restore-');
  live = path.join(dir, 'live.sqlite');
  backup = path.join(dir, 'backup.sqlite');
  const db = openDatabase(live);
  db.prepare("INSERT INTO glossary_terms (zh, en) VALUES ('备份', 'backup')").run();
  db.close();
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('duiqi restore', () => {
  it('when the database was written after the backup and its server killed, then restore gives back exactly the backup', async () => {
    expect((await duiqi(['backup', 'backup.sqlite'])).code).toBe(0);
    writeAndDie(live, 200);
    expect(fs.statSync(`${live}-wal`).size, 'the later writes wait in the log').toBeGreaterThan(0);

    const result = await duiqi(['restore', 'backup.sqlite', '--force']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(fs.readdirSync(dir).sort(), 'no log is left beside either file').toEqual(['backup.sqlite', 'live.sqlite']);
    expect(terms(live)).toEqual(['备份']);
    const db = new Database(live, { readonly: true });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  it('when a server has the database open, then restore is refused with exit 2 and the database is kept', async () => {
    const server = new Database(live);
    server.prepare("INSERT INTO glossary_terms (zh, en) VALUES ('在用', 'in use')").run();
    try {
      const result = await duiqi(['restore', 'backup.sqlite', '--force']);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/^duiqi: The database .* is in use: stop every duiqi server that uses it, then restore\.\n$/);
      expect(terms(live)).toEqual(['在用', '备份']);
    } finally {
      server.close();
    }
  });

  it('when the database exists and --force is not given, then restore is refused with exit 2', async () => {
    const result = await duiqi(['restore', 'backup.sqlite']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/add --force/);
    expect(terms(live)).toEqual(['在用', '备份']);
  });

  it('when FILE is not a duiqi database, then restore is refused with exit 2 and one line', async () => {
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a database, only some words to fill a page or so of text\n'.repeat(20));
    const other = path.join(dir, 'other.sqlite');
    new Database(other).exec('CREATE TABLE t (x)').close();
    for (const [file, sentence] of [['notes.txt', 'is not a SQLite database'], ['other.sqlite', 'is not a duiqi database']]) {
      const result = await duiqi(['restore', file!, '--force']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(sentence);
      expect(result.stderr.split('\n')).toHaveLength(2);
    }
    expect(terms(live)).toEqual(['在用', '备份']);
    fs.rmSync(other);
  });

  it('when the database is no longer a SQLite file at all, then restore moves it aside and gives back the backup', async () => {
    const broken = path.join(dir, 'broken.sqlite');
    fs.writeFileSync(broken, crypto.randomBytes(64 * 1024));
    const result = await duiqi(['restore', 'backup.sqlite', '--force'], { DUIQI_DB: broken });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(terms(broken)).toEqual(['备份']);
    const aside = fs.readdirSync(dir).filter((f) => f.startsWith('broken.sqlite.unreadable-'));
    expect(aside).toHaveLength(1);
    expect(fs.statSync(path.join(dir, aside[0]!)).size).toBe(64 * 1024);
  });

  it('when DUIQI_DB names no file yet, then restore makes it from the backup', async () => {
    const fresh = path.join(dir, 'fresh.sqlite');
    const result = await duiqi(['restore', 'backup.sqlite'], { DUIQI_DB: fresh });
    expect(result.code).toBe(0);
    expect(terms(fresh)).toEqual(['备份']);
  });

  it('when the database is PostgreSQL, then restore is refused with exit 2 and names pg_restore', async () => {
    const result = await duiqi(['restore', 'backup.sqlite'], { DUIQI_DATABASE_URL: 'postgres://duiqi@127.0.0.1:1/duiqi' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/pg_restore/);
  });
});
