import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestServer, type TestServer } from '../support/test-server.ts';
import { seedDocuments } from '../support/seed.ts';
import { ROOT } from '../support/start-workbench.ts';
import { download, tokenFor, withoutExportTime } from './transfer-support.ts';

let server: TestServer;
let token: string;
let other: number;
let approvedId: number;

beforeAll(async () => {
  server = await startTestServer();
  token = await tokenFor(server.store, 'wang', 'reviewer');
  other = (await seedDocuments(server.store)).other;
  const pairs = await (await fetch(`${server.url}/api/documents/${other}/pairs`, { headers: { authorization: `Bearer ${token}` } })).json() as
    { id: number; version: number }[];
  const pair = pairs[1]!;
  approvedId = pair.id;
  const call = (method: string, url: string, body: unknown) => fetch(server.url + url, {
    method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body),
  });
  const saved = await call('PUT', `/api/pairs/${pair.id}`, { tgt: 'Ding Xuexiang and others attended the meeting.', version: pair.version });
  expect(saved.status).toBe(200);
  const { version } = await saved.json() as { version: number };
  expect((await call('POST', `/api/pairs/${pair.id}/review`, { decision: 'approve', version })).status).toBe(200);
});
afterAll(() => server.close());

const tuCount = (tmx: string) => tmx.match(/<tu /g)?.length ?? 0;

describe('the export state filter', () => {
  it('when one pair is approved then the default export holds exactly that pair', async () => {
    const res = await download(server, `/api/documents/${other}/export?format=json`, token);
    const doc = JSON.parse(res.text) as { pairs: { id: string; state: number; tgt: string }[] };
    expect(doc.pairs).toHaveLength(1);
    expect(doc.pairs[0]).toMatchObject({ state: 30, tgt: 'Ding Xuexiang and others attended the meeting.' });
    const idx = server.db.prepare('SELECT idx FROM pairs WHERE id = ?').pluck().get(approvedId) as number;
    expect(doc.pairs[0]!.id).toBe(String(idx + 1));
  });

  it('when state=translated then pairs at least translated are in it, and state=all adds the machine drafts', async () => {
    const translated = await download(server, `/api/documents/${other}/export?format=tmx&state=translated`, token);
    expect(tuCount(translated.text)).toBe(1);
    const all = await download(server, `/api/documents/${other}/export?format=tmx&state=all`, token);
    const nonNoise = server.db.prepare('SELECT count(*) FROM pairs WHERE document_id = ? AND noise = 0').pluck().get(other);
    expect(tuCount(all.text)).toBe(nonNoise);
  });

  it('when the browser download is asked for then a logged-in user gets the same file and a stranger the login page', async () => {
    const url = `/documents/${other}/export?format=xliff&state=approved`;
    const stranger = await new Client(server.url).get(url);
    expect(stranger.status).toBe(303);
    expect(stranger.headers.get('location')).toMatch(/^\/login\?next=/);
    const browser = new Client(server.url);
    await browser.login('wang');
    const res = await browser.get(url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="/);
    const api = await download(server, `/api${url}`, token);
    expect(withoutExportTime(res.text)).toBe(withoutExportTime(api.text));
  });

  it('when a demo export is checked against the TMX 1.4 DTD then xmllint accepts it', async (ctx) => {
    const dtd = path.resolve(ROOT, '../shared/data/tmx14.dtd');
    const probe = spawnSync('xmllint', ['--version']);
    if (probe.error || !fs.existsSync(dtd)) {
      ctx.skip(`xmllint or ${dtd} is not available`);
      return;
    }
    const demo = server.db.prepare('SELECT min(id) FROM documents').pluck().get() as number;
    for (const id of [demo, other]) {
      const res = await download(server, `/api/documents/${id}/export?format=tmx&state=all`, token);
      const file = path.join(server.dir, `export-${id}.tmx`);
      fs.writeFileSync(file, res.text);
      const lint = spawnSync('xmllint', ['--noout', '--dtdvalid', dtd, file], { encoding: 'utf8' });
      expect(lint.stderr).toBe('');
      expect(lint.status).toBe(0);
    }
  });
});
