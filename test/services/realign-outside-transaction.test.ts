// Realign aligns on a read of the rows, outside any write transaction, and writes only if the document did not move.

import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type Db } from '../../server/db/open-database.ts';
import { alignmentEditing } from '../../server/services/alignment-editing.ts';
import { accounts, type User } from '../../server/services/accounts.ts';
import { pairsRepo } from '../../server/db/pairs-repo.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import { ConflictError } from '../../server/domain/errors.ts';
import type { Aligner } from '../../server/domain/assemble-pairs.ts';
import { insertDocument } from '../support/insert-document.ts';
import { tempDir } from '../support/test-server.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

// Two connections to one file, as the request thread and a work thread have.
async function twoConnections(): Promise<{ main: Db; work: Db; user: User; doc: number; pairIds: number[] }> {
  const dir = tempDir();
  dirs.push(dir);
  const file = path.join(dir, 'duiqi.sqlite');
  const main = openDatabase(file);
  const user = await accounts(sqliteStore(main)).createUser('lin', 'translator', 'password-123');
  const { documentId: doc, pairIds } = insertDocument(main, 'realign', [
    { zh: '中韩两国是近邻。', en: 'China and South Korea are close neighbours.' },
    { zh: '双方同意加强合作。', en: 'Both sides agreed to strengthen cooperation.' },
  ]);
  return { main, work: openDatabase(file), user, doc, pairIds };
}

const oneToOne: Aligner = (src) => src.map((_, i) => ({ src: [i], tgt: [i], score: 0.9 }));

describe('realign', () => {
  it('when the aligner runs then no write transaction is open, so another connection can save meanwhile', async () => {
    const { main, work, user, doc, pairIds } = await twoConnections();
    let savedDuringAlign = false;
    const aligner: Aligner = (src, tgt) => {
      // BEGIN IMMEDIATE on the other connection fails at once (busy) if this one held the write lock. The aligner
      // is synchronous, so the save goes straight through the repository, as a save on another thread would.
      main.pragma('busy_timeout = 0');
      const pairs = pairsRepo(main);
      main.transaction(() => {
        pairs.update(pairIds[0]!, 1, 'China and the ROK are close neighbours.', 20, user.id, 0);
        pairs.insertRevision({ pairId: pairIds[0]!, version: 2, authorId: user.id, action: 'save', oldText: 'China and South Korea are close neighbours.',
          newText: 'China and the ROK are close neighbours.', oldState: 10, newState: 20, comment: null, seconds: 0 });
      }).immediate();
      savedDuringAlign = true;
      return oneToOne(src, tgt);
    };
    const editing = alignmentEditing(sqliteStore(work), () => aligner);
    const version = (await editing.view(doc)).version;
    await expect(editing.apply(user, doc, version, { kind: 'realign' })).rejects.toThrow(ConflictError);
    expect(savedDuringAlign).toBe(true);
    // The save stands and the realign wrote nothing.
    expect((await editing.view(doc)).version).toBe(version);
    expect(await editing.counts(doc)).toMatchObject({ undo: 0, redo: 0, undoBy: null });
    expect((await editing.view(doc)).rows[0]!.tgtText).toBe('China and the ROK are close neighbours.');
  });

  it('when nothing moved while it aligned then it writes its rows and a new version', async () => {
    const { work, user, doc } = await twoConnections();
    const editing = alignmentEditing(sqliteStore(work), () => (src, tgt) => [{ src: src.map((_, i) => i), tgt: tgt.map((_, i) => i), score: 0.5 }]);
    const version = (await editing.view(doc)).version;
    expect(await editing.apply(user, doc, version, { kind: 'realign' })).toMatchObject({ version: version + 1, at: 0, inserted: 1 });
    expect((await editing.view(doc)).rows).toHaveLength(1);
  });
});
