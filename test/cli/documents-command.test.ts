// `duiqi documents …`: the same management as the document list, on the database DUIQI_DB names.
import { execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-server.ts';
import { ROOT } from '../support/start-workbench.ts';
import { openDatabase, type Db } from '../../server/db/open-database.ts';
import { insertDocument } from '../support/insert-document.ts';

const dir = tempDir('duiqi-cli-documents-');
const dbFile = path.join(dir, 'cli.sqlite');
let db: Db;

function duiqi(args: string[], file = dbFile): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'bin/duiqi.js'), ...args], {
      cwd: ROOT, env: { ...process.env, DUIQI_DB: file }, encoding: 'utf8',
    }, (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }));
  });
}

async function imported(title: string): Promise<number> {
  const zh = path.join(dir, 'zh.txt');
  const en = path.join(dir, 'en.txt');
  fs.writeFileSync(zh, '我们今天开会。');
  fs.writeFileSync(en, 'We meet today.');
  const r = await duiqi(['import', zh, en, '--title', title]);
  expect(r.stderr).toBe('');
  return Number(r.stdout.trim());
}

const ids = (stdout: string) => stdout.trim().split('\n').filter(Boolean).map((l) => Number(l.split('\t')[0]));

let first: number;
let second: number;
beforeAll(async () => {
  first = await imported('Beta minutes');
  second = await imported('Alpha minutes');
  db = openDatabase(dbFile);
}, 120_000);
afterAll(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('duiqi documents', () => {
  it('when documents are listed then each line says id, title, shelf, progress, owner and last activity, searched and sorted', async () => {
    const r = await duiqi(['documents', 'list', '--sort', 'title']);
    expect(r.code).toBe(0);
    expect(ids(r.stdout)).toEqual([second, first]);
    expect(r.stdout.split('\n')[0]).toMatch(new RegExp(`^${second}\\tAlpha minutes\\tactive\\t\\d+%\\t-\\t\\d{4}-\\d\\d-\\d\\dT`));
    expect(ids((await duiqi(['documents', 'list', '--q', 'beta'])).stdout)).toEqual([first]);
  });

  it('when a document is renamed, archived, deleted and restored then each step is stored and said in one line', async () => {
    const renamed = await duiqi(['documents', 'rename', String(first), '会议纪要']);
    expect(renamed.code).toBe(0);
    expect(renamed.stdout).toBe(`Renamed document ${first} "会议纪要".\n`);
    expect(db.prepare('SELECT title FROM documents WHERE id = ?').pluck().get(first)).toBe('会议纪要');
    expect((await duiqi(['documents', 'archive', String(first)])).code).toBe(0);
    expect(ids((await duiqi(['documents', 'list', '--state', 'archived'])).stdout)).toEqual([first]);
    expect((await duiqi(['documents', 'unarchive', String(first)])).code).toBe(0);
    const deleted = await duiqi(['documents', 'delete', String(first)]);
    expect(deleted.stdout).toMatch(/Moved to the trash \(restorable for 30 days\)/);
    expect(ids((await duiqi(['documents', 'list'])).stdout)).toEqual([second]);
    expect(ids((await duiqi(['documents', 'list', '--state', 'trash'])).stdout)).toEqual([first]);
    expect((await duiqi(['documents', 'restore', String(first)])).code).toBe(0);
    expect(db.prepare('SELECT count(*) FROM pairs WHERE document_id = ?').pluck().get(first)).toBe(1);
  });

  it('when the trash is emptied then its documents are gone for good', async () => {
    expect((await duiqi(['documents', 'delete', String(second)])).code).toBe(0);
    const r = await duiqi(['documents', 'empty-trash']);
    expect(r.stdout).toBe('Purged 1 document(s) from the trash.\n');
    expect(db.prepare('SELECT count(*) FROM documents WHERE id = ?').pluck().get(second)).toBe(0);
  });

  it('when one trashed document is purged then only it is gone for good, and a working one is refused', async () => {
    const third = await imported('Gamma minutes');
    const refused = await duiqi(['documents', 'purge', String(first)]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/is not in the trash: only a document in the trash can be deleted for good/);
    expect((await duiqi(['documents', 'delete', String(third)])).code).toBe(0);
    const r = await duiqi(['documents', 'purge', String(third)]);
    expect(r.stdout).toBe(`Deleted document ${third} "Gamma minutes" for good.\n`);
    expect(db.prepare('SELECT count(*) FROM documents WHERE id IN (?, ?)').pluck().get(first, third)).toBe(1);
  }, 60_000);

  it.each([
    [['documents'], /documents needs list/],
    [['documents', 'shred', '1'], /documents needs list/],
    [['documents', 'rename', '1'], /documents needs list/],
    [['documents', 'rename', 'x', 'Title'], /There is no document x\./],
    [['documents', 'rename', '1', '   '], /A title cannot be empty/],
    [['documents', 'delete', '9999'], /There is no document 9999/],
    [['documents', 'restore', '1'], /is not in the trash/],
    [['documents', 'list', '--sort', 'size'], /sort must be one of: created, title, activity, progress/],
    [['documents', 'archive', '1', '--q', 'x'], /takes no options/],
    [['documents', 'list', '--colour', 'red'], /Unknown option/],
  ])('when called as %j then it exits 2 with one sentence on stderr', async (args, message) => {
    const r = await duiqi(args as string[]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('duiqi documents list, its progress', () => {
  it('when 199 of 200 pairs are translated then the list says 99%, as the document list does, never 100%', async () => {
    const file = path.join(dir, 'nearly-done.sqlite');
    const own = openDatabase(file);
    const { documentId, pairIds } = insertDocument(own, 'Nearly done', Array.from({ length: 200 }, (_, i) => ({ zh: `第${i}句。`, en: `Sentence ${i}.` })));
    own.prepare(`UPDATE pairs SET state = 20 WHERE id IN (${pairIds.slice(1).join(',')})`).run();
    own.close();
    const r = await duiqi(['documents', 'list'], file);
    expect(r.stdout).toMatch(new RegExp(`^${documentId}\\tNearly done\\tactive\\t99%\\t`));
  });
});

describe('a reader that closes the pipe early', () => {
  it.each([[['documents', 'list']], [['export', 'FIRST', '--format', 'tmx', '--state', 'all']]])('when duiqi %j writes to a closed pipe then it ends quietly with 0', async (args) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/duiqi.js'), ...args.map((a) => (a === 'FIRST' ? String(first) : a))], {
      cwd: ROOT, env: { ...process.env, DUIQI_DB: dbFile },
    });
    // Closed before the command has written anything, as `| head -0` would: every write meets EPIPE.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
