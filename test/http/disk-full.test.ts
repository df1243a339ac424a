// A database that cannot grow: the write is refused with a sentence in the user's language, nothing of it is kept,
// and the server goes on once there is room again. SQLite's max_page_count stands in for a full disk.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageError } from '../../server/db/storage-errors.ts';
import { UnavailableError } from '../../server/domain/errors.ts';
import { addUser, Client, onPostgres, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  await addUser(server.store, 'lin', 'translator');
});
afterAll(() => server.close());

const term = (i: number) => ({ zh: `词${i}${'长'.repeat(190)}`, en: `term ${i}`, note: 'n'.repeat(400) });

describe.skipIf(onPostgres)('when the disk is full', () => {
  it('then adding a glossary entry answers 503 with the sentence in Chinese, keeps nothing of it, and works again once there is room', async () => {
    const c = new Client(server.url);
    await c.login('lin');
    await c.get('/glossary');
    const pages = server.db.pragma('page_count', { simple: true }) as number;
    server.db.pragma(`max_page_count = ${pages}`);
    let refused: Awaited<ReturnType<Client['request']>> | undefined;
    let i = 0;
    for (; i < 200 && !refused; i++) {
      const res = await c.request('POST', '/glossary', { form: term(i), headers: { 'X-CSRF-Token': c.csrf, 'HX-Request': 'true', 'Accept-Language': 'zh-CN' } });
      if (res.status !== 200) refused = res;
    }
    expect(refused?.status).toBe(503);
    expect(refused?.text).toContain('服务器磁盘已满，内容没有保存。请告知管理员。');
    expect(await server.value('SELECT count(*) FROM glossary_terms WHERE en = ?', [`term ${i - 1}`])).toBe(0);

    const api = await c.request('POST', '/api/glossary', { json: term(i), headers: { 'X-CSRF-Token': c.csrf } });
    expect(api.status).toBe(503);
    expect(api.json()).toMatchObject({ status: 503, error: 'The server\'s disk is full, so nothing was saved. Please tell your administrator.' });

    server.db.pragma('max_page_count = 1073741823');
    const again = await c.request('POST', '/api/glossary', { json: term(i), headers: { 'X-CSRF-Token': c.csrf } });
    expect(again.status).toBe(201);
  });
});

describe('storageError', () => {
  it('when PostgreSQL says disk_full (53100) then it is the same refusal; any other error stays as it was', () => {
    expect(storageError(Object.assign(new Error('could not extend file'), { code: '53100' }))).toBeInstanceOf(UnavailableError);
    const other = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    expect(storageError(other)).toBe(other);
  });
});
