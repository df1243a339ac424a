// Crash safety: a writer process killed with SIGKILL at random moments leaves every commit it printed, and nothing half-done.

import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkDatabase, CommitLog, prepareWriterWorkspace, type DocumentShape } from './db-checks.ts';
import { ScriptProcess } from './writer-process.ts';

const KILLS = 60;
const MIN_KILLS = 50;
// Past the budget it stops at the minimum: a busy machine makes the test longer, never weaker.
const BUDGET_MS = 45_000;

let dir: string;
let dbFile: string;
let beadsFile: string;
let shapes: DocumentShape[];

beforeAll(async () => {
  ({ dir, dbFile, beadsFile, shapes } = await prepareWriterWorkspace('duiqi-crash-', 'duiqi.sqlite'));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a writer killed with SIGKILL', () => {
  it('when it is killed at random moments, then the file stays intact and holds every commit it printed', { timeout: 900_000 }, async () => {
    const seed = Date.now() % 1_000_000;
    let state = seed;
    const random = () => ((state = (state * 48271) % 2147483647) / 2147483647);
    const log = new CommitLog();
    const started = Date.now();
    // A warm writer waits with its modules loaded, so each cycle costs a kill, not a start-up.
    const writer = (n: number) => new ScriptProcess('crash-writer.ts', [dbFile, beadsFile, String(seed * 1000 + n), '--wait']);
    let next = writer(0);
    let kills = 0;
    let checked = 0;
    while (kills < MIN_KILLS || (kills < KILLS && Date.now() - started < BUDGET_MS)) {
      const current = next;
      await current.waitFor('waiting');
      current.send('go');
      next = writer(kills + 1);
      // One kill in eight lands while the writer opens the database; the rest while it writes.
      if (random() < 0.125) await new Promise((r) => setTimeout(r, random() * 30));
      else {
        await current.waitFor('ready');
        await new Promise((r) => setTimeout(r, 20 + random() * 400));
      }
      await current.kill();
      expect(current.errors, `writer ${kills} wrote to stderr (seed ${seed})`).toBe('');
      log.add(current.output.split('\n').filter((l) => l !== 'waiting' && l !== 'ready').join('\n'));
      kills++;
      expect(checkDatabase(dbFile, log, shapes, checked), `after kill ${kills} (seed ${seed})`).toEqual([]);
      checked = log.saves.length;
    }
    await next.kill();
    expect(checkDatabase(dbFile, log, shapes), `all commits at the end (seed ${seed})`).toEqual([]);
    console.log(`crash-safety: ${kills} kills, ${log.imports.length} imports and ${log.saves.length} saves printed, ${((Date.now() - started) / 1000).toFixed(1)} s`);
    expect(log.imports.length).toBeGreaterThan(0);
  });
});
