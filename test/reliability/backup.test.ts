// duiqi backup: a consistent copy of the database while another process keeps writing to it.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDuiqi } from '../support/run-duiqi.ts';
import { checkDatabase, CommitLog, prepareWriterWorkspace, type DocumentShape } from './db-checks.ts';
import { ScriptProcess } from './writer-process.ts';

let dir: string;
let dbFile: string;
let beadsFile: string;
let shapes: DocumentShape[];

const duiqi = (args: string[], env: Record<string, string> = { DUIQI_DB: dbFile }) => runDuiqi(args, dir, env);

beforeAll(async () => {
  ({ dir, dbFile, beadsFile, shapes } = await prepareWriterWorkspace('duiqi-backup-', 'live.sqlite'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('duiqi backup', () => {
  it('when a writer commits all through the backup, then the copy is intact and holds every commit printed before it started', async () => {
    const writer = new ScriptProcess('crash-writer.ts', [dbFile, beadsFile, '7']);
    try {
      await writer.waitFor('ready');
      while (writer.output.split('\n').length < 2000) await new Promise((r) => setTimeout(r, 20));
      const before = new CommitLog();
      before.add(writer.output.split('\n').filter((l) => l !== 'ready').join('\n'));
      const result = await duiqi(['backup', 'copy.sqlite']);
      const printedDuring = writer.output.split('\n').length - before.size;
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(printedDuring, 'the writer kept committing while the backup ran').toBeGreaterThan(0);
      expect(checkDatabase(path.join(dir, 'copy.sqlite'), before, shapes)).toEqual([]);
    } finally {
      await writer.kill();
    }
    expect(fs.readdirSync(dir).filter((f) => f.includes('copy.sqlite')), 'no temporary file or journal is left').toEqual(['copy.sqlite']);
  });

  it('when FILE exists, then it is refused with exit 2 and one line, and kept as it was', async () => {
    const existing = path.join(dir, 'existing.sqlite');
    fs.writeFileSync(existing, 'keep me');
    const result = await duiqi(['backup', 'existing.sqlite']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^duiqi: "existing\.sqlite" exists already; add --force to replace it\.\n$/);
    expect(fs.readFileSync(existing, 'utf8')).toBe('keep me');
  });

  it('when FILE exists and --force is given, then it is replaced by a working copy', async () => {
    const existing = path.join(dir, 'forced.sqlite');
    fs.writeFileSync(existing, 'old');
    const result = await duiqi(['backup', 'forced.sqlite', '--force']);
    expect(result.code).toBe(0);
    expect(checkDatabase(existing, new CommitLog(), shapes)).toEqual([]);
  });

  it('when FILE is the database itself, by any path, then it is refused with exit 2 and the file is left in place', async () => {
    const inode = fs.statSync(dbFile).ino;
    fs.symlinkSync(dbFile, path.join(dir, 'link.sqlite'));
    for (const name of [dbFile, 'link.sqlite']) {
      const result = await duiqi(['backup', name, '--force']);
      expect(result.code).toBe(2);
      expect(result.stderr).toBe(`duiqi: "${name}" is the database itself: name another file for the copy.\n`);
    }
    expect(fs.statSync(dbFile).ino).toBe(inode);
  });

  it('when DUIQI_DB names no file, then it is refused with exit 2 and no database is created', async () => {
    const missing = path.join(dir, 'missing.sqlite');
    const result = await duiqi(['backup', 'never.sqlite'], { DUIQI_DB: missing });
    expect(result.code).toBe(2);
    expect(result.stderr.split('\n')).toHaveLength(2);
    expect(fs.existsSync(missing)).toBe(false);
    expect(fs.existsSync(path.join(dir, 'never.sqlite'))).toBe(false);
  });

  it('when the target directory does not exist, then it is refused with exit 2', async () => {
    const result = await duiqi(['backup', 'no/such/dir/copy.sqlite']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^duiqi: Cannot write "no\/such\/dir\/copy\.sqlite"/);
  });
});
