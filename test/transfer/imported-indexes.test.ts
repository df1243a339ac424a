// Imported files with gaps or odd numbers in their pair indexes: rows, editor and saves still work (issue 12, finding 3).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { seedDocuments } from '../support/seed.ts';
import { download, tokenFor, upload } from './transfer-support.ts';

let server: TestServer;
let lin: string;
let wang: string;
let demo: number;

const call = async (method: string, url: string, token: string, body?: unknown) => {
  const res = await fetch(server.url + url, {
    method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) };
};
const form = (url: string, token: string, fields: Record<string, string>) => fetch(server.url + url, {
  method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded', 'hx-request': 'true' },
  body: new URLSearchParams(fields).toString(),
});
const indexesOf = (doc: number) => server.db.prepare('SELECT idx FROM pairs WHERE document_id = ? ORDER BY idx').pluck().all(doc) as number[];

beforeAll(async () => {
  server = await startTestServer();
  lin = await tokenFor(server.store, 'lin', 'translator');
  wang = await tokenFor(server.store, 'wang', 'reviewer');
  demo = (await seedDocuments(server.store)).demo;
  const pairs = (await call('GET', `/api/documents/${demo}/pairs`, lin)).json() as { id: number; version: number; noise: boolean; tgt: string }[];
  for (const p of pairs.filter((x) => !x.noise && x.tgt).slice(2, 5)) {
    expect((await call('POST', `/api/pairs/${p.id}/review`, wang, { decision: 'approve', version: p.version })).status).toBe(200);
  }
});
afterAll(() => server.close());

describe('importing an approved-only export', () => {
  for (const format of ['json', 'tmx', 'xliff'] as const) {
    it(`when three approved demo rows are exported as ${format}, imported and edited then every fragment and the save answer 200`, async () => {
      const file = await download(server, `/api/documents/${demo}/export?format=${format}`, lin);
      const imported = await upload(server, '/api/documents/import', { source: { name: `approved.${format}`, content: file.text } }, { token: lin });
      expect(imported.status).toBe(201);
      const doc = imported.json().id as number;
      expect(indexesOf(doc)).toEqual([0, 1, 2]);
      const pairs = (await call('GET', `/api/documents/${doc}/pairs`, lin)).json() as { id: number; version: number; tgt: string }[];
      expect(pairs.map((p) => p.tgt)).toHaveLength(3);
      expect((await call('GET', `/documents/${doc}`, lin)).status).toBe(200);
      expect((await call('GET', `/documents/${doc}/rows?offset=0`, lin)).status).toBe(200);
      for (const p of pairs) {
        expect((await call('GET', `/documents/${doc}/pairs/${p.id}/edit`, lin)).status).toBe(200);
        expect((await call('GET', `/documents/${doc}/pairs/${p.id}/row`, lin)).status).toBe(200);
      }
      const target = pairs[1]!;
      const saved = await form(`/documents/${doc}/pairs/${target.id}/save`, lin, { tgt: 'A sentence saved after the import.', version: String(target.version) });
      expect(saved.status).toBe(200);
      expect(await saved.text()).toContain('A sentence saved after the import.');
      const after = (await call('GET', `/api/documents/${doc}/pairs`, lin)).json() as { id: number; version: number; tgt: string }[];
      expect(after[1]).toMatchObject({ id: target.id, version: target.version + 1, tgt: 'A sentence saved after the import.' });
    });
  }

  it('when a file gives indexes with gaps, negative or huge then the document gets 0…n-1 in the file\'s order', async () => {
    const file = JSON.parse((await download(server, `/api/documents/${demo}/export?format=json`, lin)).text) as { pairs: { index: number; src: string }[] };
    [file.pairs[0]!.index, file.pairs[1]!.index, file.pairs[2]!.index] = [9_000_000, 40, 7];
    const imported = await upload(server, '/api/documents/import', { source: { name: 'gaps.json', content: JSON.stringify(file) } }, { token: lin });
    expect(imported.status).toBe(201);
    const doc = imported.json().id as number;
    const pairs = (await call('GET', `/api/documents/${doc}/pairs`, lin)).json() as { index: number; src: string }[];
    expect(pairs.map((p) => p.index)).toEqual([0, 1, 2]);
    expect(pairs.map((p) => p.src)).toEqual([file.pairs[2]!.src, file.pairs[1]!.src, file.pairs[0]!.src]);
  });
});
