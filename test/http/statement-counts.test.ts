// Round trips per request: the statements (BEGIN and COMMIT included) the store's driver executes for the load
// bench's requests and for an alignment edit and its undo, pinned per database so that a change which adds
// statements to them fails here. Lower a ceiling when a change saves statements.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatementTally } from '../../server/db/store.ts';
import { accounts } from '../../server/services/accounts.ts';
import { storeDocument } from '../support/insert-document.ts';
import { statementsPerRequest, type CountedDocument } from '../support/request-statements.ts';
import { addUser, onPostgres, startTestServer, type TestServer } from '../support/test-server.ts';

// SQLite runs an id counter's two statements per new row where PostgreSQL has sequences.
const CEILINGS: Record<string, { sqlite: number; postgres: number }> = {
  // The sign-in's read (2 statements, and on SQLite its BEGIN and COMMIT: a glance on PostgreSQL needs none), then one
  // read transaction for the whole request.
  // The glossary is kept between requests: its counter comes with the document's revision. The page reads the document's
  // header, sharing, members and source format as one statement (two on SQLite), its open threads once for rows and score.
  'document page': { sqlite: 10, postgres: 7 },
  'rows fragment': { sqlite: 8, postgres: 6 },
  // The editor reads a pair's comments only when it has threads, and who may open which document only for memory matches.
  'editor fragment': { sqlite: 10, postgres: 8 },
  // The gate reads a pair's document and whether the user may open it in one statement.
  save: { sqlite: 10, postgres: 7 },
  // The kept rows read the revised pairs with their sentences (one statement on PostgreSQL), the kept figures the revised pairs' figures.
  'document page after a save': { sqlite: 13, postgres: 9 },
  'rows fragment after a save': { sqlite: 11, postgres: 8 },
  'editor fragment after a save': { sqlite: 13, postgres: 10 },
  // The page's poll: the sign-in's read, then the document's generation alone when nothing changed; after a save the
  // revised pairs with their sentences (one statement on PostgreSQL), their figures (the QA norm) and open threads.
  'poll, nothing changed': { sqlite: 7, postgres: 5 },
  'poll after a save': { sqlite: 11, postgres: 8 },
  // SQLite writes the rows of an operation with a prepared statement each; PostgreSQL with a statement per kind of change.
  'alignment edit (merge)': { sqlite: 26, postgres: 20 },
  undo: { sqlite: 30, postgres: 22 },
};

const tally: StatementTally = { statements: 0, texts: [] };
let server: TestServer;
let counted: CountedDocument;

beforeAll(async () => {
  server = await startTestServer({ tally });
  await addUser(server.store, 'counter', 'admin');
  const token = await accounts(server.store).createToken('counter');
  const { documentId, pairIds } = await storeDocument(server.store, '计数 count', Array.from({ length: 600 }, (_, i) => ({
    zh: `第${i}句：双方交换了意见。`, en: `Sentence ${i}: the two sides exchanged views.`,
  })));
  counted = { url: server.url, token, documentId, pairId: pairIds[7]! };
});
afterAll(() => server?.close());

describe('statements per request', () => {
  it(`when each request of the bench's mix runs once on a warm server then it executes no more statements than its ceiling on ${onPostgres ? 'PostgreSQL' : 'SQLite'}`, async () => {
    const ran: Record<string, string[]> = {};
    const counts = await statementsPerRequest(tally, counted, ran);
    const ceilings = Object.fromEntries(Object.entries(CEILINGS).map(([k, v]) => [k, onPostgres ? v.postgres : v.sqlite]));
    expect(Object.keys(counts)).toEqual(Object.keys(ceilings));
    for (const [request, n] of Object.entries(counts)) expect(n, `${request}: ${n} statements (ceiling ${ceilings[request]}):\n${ran[request]!.map((t) => t.replace(/\s+/g, ' ').slice(0, 160)).join('\n')}`).toBeLessThanOrEqual(ceilings[request]!);
  });

  it('when the server counts then each request executes at least its BEGIN, one statement and COMMIT', async () => {
    const counts = await statementsPerRequest(tally, counted);
    for (const n of Object.values(counts)) expect(n).toBeGreaterThanOrEqual(3);
  });

  it(`when a glossary file of 2,000 terms is imported then it is written a few thousand terms a statement on PostgreSQL, a prepared statement a term on SQLite (${onPostgres ? 'PostgreSQL' : 'SQLite'})`, async () => {
    const csv = Array.from({ length: 2000 }, (_, i) => `术语${i},term ${i}`).join('\n');
    tally.statements = 0;
    const res = await fetch(`${server.url}/api/glossary/import`, {
      method: 'POST', headers: { Authorization: `Bearer ${counted.token}`, 'Content-Type': 'application/json' }, body: JSON.stringify({ csv }),
    });
    expect(res.status).toBe(201);
    // A statement a term (and a read beside each) took a 50,000-term termbase 85 s on PostgreSQL.
    expect(tally.statements).toBeLessThanOrEqual(onPostgres ? 10 : 2000 + 10);
  });
});

