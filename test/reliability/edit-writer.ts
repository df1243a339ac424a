// A writer process for the concurrent-writers test: read-modify-write edits through the real service, retrying on 409.
// Usage: tsx edit-writer.ts DB_FILE USER_NAME PAIR_IDS EDITS — it prints `waiting`, starts on a line on stdin,
// and ends with one JSON line: {"saves", "retries", "busy"} (busy: SQLite busy errors that reached this caller).

import fs from 'node:fs';
import readline from 'node:readline';
import { openDatabase } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import { postEditing } from '../../server/services/post-editing.ts';
import { StaleVersionError } from '../../server/domain/review-workflow.ts';
import type { User } from '../../server/services/accounts.ts';

const [dbFile, userName, pairList, editsText] = process.argv.slice(2);
const db = openDatabase(dbFile!);
const editing = postEditing(sqliteStore(db));
const user = db.prepare('SELECT id, name, role FROM users WHERE name = ?').get(userName) as User;
const pairs = pairList!.split(',').map(Number);

fs.writeSync(1, 'waiting\n');
await new Promise((resolve) => readline.createInterface({ input: process.stdin }).once('line', resolve));
// An open stdin would keep this process alive after its last edit.
process.stdin.destroy();

let saves = 0;
let retries = 0;
const busy: string[] = [];
for (let i = 0; i < Number(editsText); i++) {
  const id = pairs[i % pairs.length]!;
  for (;;) {
    const pair = await editing.find(id);
    // Time passes between reading and writing, as while a user types: the other process may save meanwhile.
    await new Promise((r) => setTimeout(r, 1 + Math.random() * 3));
    try {
      await editing.act(user, id, { action: 'save', version: pair.version, text: `${pair.tgt_text} [${userName}-${i}]` });
      saves++;
      break;
    } catch (err) {
      if (err instanceof StaleVersionError) {
        retries++;
        continue;
      }
      if (String((err as { code?: string }).code).startsWith('SQLITE_BUSY')) {
        busy.push((err as Error).message);
        continue;
      }
      throw err;
    }
  }
  // A pause of up to 2 ms between edits, as between requests, so the two processes interleave instead of taking turns.
  await new Promise((r) => setTimeout(r, Math.random() * 2));
}
fs.writeSync(1, `${JSON.stringify({ saves, retries, busy })}\n`);
db.close();
