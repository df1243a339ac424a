// The charts page over HTTP, on whichever database the test servers run (the PostgreSQL pass included).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestServer } from '../support/test-server.ts';
import { startSeededServer } from '../support/seed.ts';

let server: TestServer;
let docs: { demo: number; other: number };
let api: Awaited<ReturnType<typeof startSeededServer>>['api'];

beforeAll(async () => {
  ({ server, docs, api } = await startSeededServer([['lin', 'translator']]));
});
afterAll(() => server.close());

describe('document charts', () => {
  it('when a pair has been translated then the charts page draws the document', async () => {
    const pairs = (await api('lin', 'GET', `/api/documents/${docs.demo}/pairs`)).json() as { id: number; version: number; noise: boolean }[];
    const pair = pairs.find((p) => !p.noise)!;
    expect((await api('lin', 'PUT', `/api/pairs/${pair.id}`, { tgt: 'Charted.', version: pair.version })).status).toBe(200);
    const c = new Client(server.url);
    await c.login('lin');
    const page = await c.get(`/documents/${docs.demo}/charts`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<svg');
  });
});
