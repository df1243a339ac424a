// Guarantees stated in SQL, not assumed from one writer: each holds when two connections write the same rows.

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import { pairsRepo } from '../../server/db/pairs-repo.ts';
import { alignmentRepo } from '../../server/db/alignment-repo.ts';
import { documentsRepo } from '../../server/db/documents-repo.ts';
import { memoryRepo } from '../../server/db/memory-repo.ts';
import { postEditing } from '../../server/services/post-editing.ts';
import { accounts } from '../../server/services/accounts.ts';
import { loginCounters } from '../../server/db/login-counters-repo.ts';
import { insertDocument } from '../support/insert-document.ts';
import { tempDir } from '../support/test-server.ts';

let dir: string;
let a: Db;
let b: Db;
let pairId: number;
let documentId: number;

beforeEach(() => {
  dir = tempDir('duiqi-versioned-');
  const file = path.join(dir, 'duiqi.sqlite');
  a = openDatabase(file);
  b = openDatabase(file);
  const doc = insertDocument(a, '版本', [{ zh: '双方还就朝鲜半岛局势交换了意见。', en: 'The two sides exchanged views.' }]);
  pairId = doc.pairIds[0]!;
  documentId = doc.documentId;
});

afterEach(() => {
  a.close();
  b.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a pair update names the version it read', () => {
  it('when two connections read the same version and both write then exactly one write lands', () => {
    const seenByA = pairsRepo(a).pair(pairId)!;
    const seenByB = pairsRepo(b).pair(pairId)!;
    expect(pairsRepo(a).update(pairId, seenByA.version, 'Text of A.', 20, null, 0)).toBe(true);
    expect(pairsRepo(b).update(pairId, seenByB.version, 'Text of B.', 20, null, 0)).toBe(false);
    expect(pairsRepo(b).pair(pairId)).toMatchObject({ tgt_text: 'Text of A.', version: seenByA.version + 1 });
  });
});

describe('an alignment edit claims the document version it read', () => {
  it('when two connections claim the same version then one gets the next version and the other nothing', () => {
    const seen = alignmentRepo(a).documentVersion(documentId)!;
    expect(alignmentRepo(a).claimVersion(documentId, seen)).toBe(seen + 1);
    expect(alignmentRepo(b).claimVersion(documentId, seen)).toBeUndefined();
    expect(alignmentRepo(b).documentVersion(documentId)).toBe(seen + 1);
  });
});

describe('a document revision counter says what changed since a cache looked', () => {
  it('when a pair is saved then its document revision moves on by one and names that pair; the memory moves only for approvals', async () => {
    const user = await accounts(sqliteStore(a)).createUser('lin', 'reviewer', 'correct horse 12');
    const docs = documentsRepo(b);
    const before = docs.generationParts(documentId);
    const memory = memoryRepo(b).generation();
    const editing = postEditing(sqliteStore(a));
    await editing.act(user, pairId, { action: 'save', version: 1, text: 'Saved once.' });
    expect(docs.generationParts(documentId)).toEqual({ ...before, revision: before.revision + 1 });
    expect(docs.revisedPairs(documentId, before.revision, 100)!.map((r) => r.pair.id)).toEqual([pairId]);
    expect(docs.revisedPairs(documentId, before.revision + 1, 100)!.map((r) => r.pair.id)).toEqual([]);
    expect(memoryRepo(b).generation()).toBe(memory);
    await editing.act(user, pairId, { action: 'approve', version: 2 });
    expect(memoryRepo(b).generation()).not.toBe(memory);
  });

  it('when the alignment version is claimed then the revision moves with it', () => {
    const before = documentsRepo(b).generationParts(documentId);
    alignmentRepo(a).claimVersion(documentId, before.version!);
    expect(documentsRepo(b).generationParts(documentId)).toEqual({ ...before, revision: before.revision + 1, version: before.version! + 1 });
  });
});

describe('failed logins are counted by one upsert', () => {
  it('when two connections count failures of one account in turn then every failure is counted and a lock never shrinks', () => {
    const counters = [loginCounters(a), loginCounters(b)];
    const counts = Array.from({ length: 10 }, (_, i) => counters[i % 2]!.fail('a:lin', 1000 + i, 60_000));
    expect(counts).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    counters[0]!.lock('a:lin', 9000);
    counters[1]!.lock('a:lin', 5000);
    expect(counters[1]!.get('a:lin')).toEqual({ failures: 10, windowStart: 1000, lockedUntil: 9000 });
    expect(counters[0]!.fail('a:lin', 61_000, 60_000)).toBe(1);
  });
});
