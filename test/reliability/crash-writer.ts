// A writer process for the crash and backup tests: imports small documents and saves edits until it is killed.
// Usage: tsx crash-writer.ts DB_FILE BEADS_JSON SEED [--wait]
// It prints one line after each COMMIT: `import <documentId> <textIndex>` or `save <pairId> <version> <textHash>`.
// With --wait it loads its modules, prints `waiting`, and opens the database only when a line arrives on stdin.

import fs from 'node:fs';
import readline from 'node:readline';
import { openDatabase } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import { importTextDocument } from '../../server/services/import-document.ts';
import { postEditing } from '../../server/services/post-editing.ts';
import type { User } from '../../server/services/accounts.ts';
import { replayAligner, smallTexts } from './writer-texts.ts';
import { textHash, WRITER_NAME } from './db-checks.ts';

const [dbFile, beadsFile, seedText, wait] = process.argv.slice(2);
const pause = new Int32Array(new SharedArrayBuffer(4));
/** The pipe to the test is non-blocking: when the test is slow to read it is full (EAGAIN) and the line waits. */
function say(line: string): void {
  for (;;) {
    try {
      fs.writeSync(1, `${line}\n`);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EAGAIN') throw err;
      Atomics.wait(pause, 0, 0, 1);
    }
  }
}

if (wait === '--wait') {
  say('waiting');
  await new Promise((resolve) => readline.createInterface({ input: process.stdin }).once('line', resolve));
}

let seed = Number(seedText) >>> 0 || 1;
function random(): number {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}

const db = openDatabase(dbFile!);
const align = replayAligner(JSON.parse(fs.readFileSync(beadsFile!, 'utf8')));
const texts = smallTexts();
const store = sqliteStore(db);
const editing = postEditing(store);
const user = db.prepare('SELECT id, name, role FROM users WHERE name = ?').get(WRITER_NAME) as User;
const maxPair = db.prepare('SELECT coalesce(max(id), 0) FROM pairs').pluck();
const pairFrom = db.prepare('SELECT id, version FROM pairs WHERE id >= ? AND noise = 0 ORDER BY id LIMIT 1');
say('ready');

for (let n = 1; ; n++) {
  const top = maxPair.get() as number;
  if (top === 0 || random() < 0.1) {
    const k = Math.floor(random() * texts.length);
    const id = await importTextDocument({ store, align }, {
      title: `t${k} #${seedText}-${n}`, createdBy: user.id,
      zh: { name: `zh-${k}.txt`, text: texts[k]!.zh }, en: { name: `en-${k}.txt`, text: texts[k]!.en },
    });
    say(`import ${id} ${k}`);
  } else {
    const pair = pairFrom.get(1 + Math.floor(random() * top)) as { id: number; version: number } | undefined;
    if (!pair) continue;
    const sentence = texts[Math.floor(random() * texts.length)]!.en.split('\n')[0]!;
    const text = `${sentence} (edit ${seedText}-${n})`;
    const saved = await editing.act(user, pair.id, { action: 'save', version: pair.version, text });
    say(`save ${pair.id} ${saved.version} ${textHash(text)}`);
  }
}
