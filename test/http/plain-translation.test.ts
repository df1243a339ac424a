// The translated plain text of a document made of several Chinese texts (the demo: headlines, then article), over HTTP.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatementTally } from '../../server/db/store.ts';
import { accounts } from '../../server/services/accounts.ts';
import { importDemoCorpus, readDemoCorpus } from '../../server/services/import-document.ts';
import { defaultAligner } from '../../server/services/workbench.ts';
import { addUser, onPostgres, startTestServer, type TestServer } from '../support/test-server.ts';

const tally: StatementTally = { statements: 0, texts: [] };
let server: TestServer;
let token: string;
let demo: number;

beforeAll(async () => {
  server = await startTestServer({ tally });
  await addUser(server.store, 'reader', 'translator');
  token = await accounts(server.store).createToken('reader');
  demo = await importDemoCorpus({ store: server.store, align: defaultAligner() });
});
afterAll(() => server?.close());

describe('the translation of a document of several plain texts', () => {
  it(`when it is downloaded then its pairs are read in one statement, whatever the number of texts, on ${onPostgres ? 'PostgreSQL' : 'SQLite'}`, async () => {
    const from = tally.texts!.length;
    const res = await fetch(`${server.url}/api/documents/${demo}/translation`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = await res.text();
    // The headlines come first, untranslated in the demo, then a blank line and the article's English.
    const [firstHeadline] = readDemoCorpus().zhHeadlines.text.trim().split('\n');
    expect(body.startsWith(`[untranslated] ${firstHeadline!.trim()}`)).toBe(true);
    expect(body).toContain('\n\nXi Jinping');
    const pairReads = tally.texts!.slice(from).filter((t) => /FROM pairs p WHERE p\.document_id/.test(t));
    expect(pairReads, pairReads.join('\n---\n')).toHaveLength(1);
  });
});
