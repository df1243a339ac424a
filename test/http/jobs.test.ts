// Long work as jobs over HTTP, on either database: machine translation, imports and realign started without waiting,
// their progress and result through GET /api/jobs/:id, a failure's sentence, who may see a job, and the synchronous path kept.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, Client, startTestServer, type TestServer } from '../support/test-server.ts';
import { storeDocument } from '../support/insert-document.ts';
import { startFakeTranslator, type FakeTranslator } from '../support/fake-translator.ts';
import { libreTranslateEngine } from '../../server/mt/libretranslate-engine.ts';
import { accounts } from '../../server/services/accounts.ts';
import { upload } from '../transfer/transfer-support.ts';

let server: TestServer;
let translator: FakeTranslator;
const tokens: Record<string, string> = {};

const api = (who: string, method: string, url: string, opts: { json?: unknown; headers?: Record<string, string> } = {}) =>
  new Client(server.url).request(method, url, { json: opts.json, headers: { authorization: `Bearer ${tokens[who]}`, ...opts.headers } });
const job = async (who: string, id: number, lang = 'en') => (await api(who, 'GET', `/api/jobs/${id}`, { headers: { 'accept-language': lang } })).json();
const untranslated = (documentId: number) => server.value<number>('SELECT count(*) FROM pairs WHERE document_id = ? AND state = 0', [documentId]);

beforeAll(async () => {
  translator = await startFakeTranslator();
  server = await startTestServer({ mt: () => libreTranslateEngine(translator.url) });
  for (const [name, role] of [['lin', 'translator'], ['zhou', 'translator'], ['root', 'admin']] as const) {
    await addUser(server.store, name, role);
    tokens[name] = await accounts(server.store).createToken(name);
  }
});
afterAll(async () => {
  translator.release(Infinity);
  await server?.close();
  await translator?.close();
});

describe('machine translation as a job', () => {
  it('when it is started with Prefer: respond-async then it answers 202 at once, and the job shows its progress, then its result', async () => {
    const { documentId } = await storeDocument(server.store, '六十句', Array.from({ length: 60 }, (_, i) => `第${i + 1}句。`));
    const started = await api('lin', 'POST', `/api/documents/${documentId}/machine-translate`, { headers: { prefer: 'respond-async' } });
    expect(started.status).toBe(202);
    const { id } = started.json();
    expect(started.headers.get('location')).toBe(`/api/jobs/${id}`);
    expect(started.json()).toMatchObject({ kind: 'translate', documentId, result: null, error: null });
    await expect.poll(async () => (await job('lin', id)).progress, { timeout: 60_000 }).toEqual({ done: 0, total: 60, message: 'Drafting English: 0 of 60 rows…' });
    expect((await job('lin', id)).state).toBe('running');
    translator.release();
    await expect.poll(async () => (await job('lin', id)).progress, { timeout: 60_000 }).toMatchObject({ done: 25, total: 60 });
    // Drafts are stored a batch at a time.
    expect(await untranslated(documentId)).toBe(35);
    translator.release(2);
    await expect.poll(async () => (await job('lin', id)).state, { timeout: 60_000 }).toBe('done');
    expect(await job('lin', id)).toMatchObject({
      progress: { done: 60, total: 60 }, error: null,
      result: { message: '60 rows drafted (libretranslate).', translated: 60, engine: 'libretranslate' },
    });
    expect((await job('lin', id, 'zh-CN')).result.message).toBe('已起草 60 行机器译文（libretranslate）。');
    expect(typeof (await job('lin', id)).finishedAt).toBe('string');
    expect(await untranslated(documentId)).toBe(0);
  });

  it('when the translation server fails then the job fails with a sentence in the reader\'s language, and what was drafted stays', async () => {
    const { documentId } = await storeDocument(server.store, '三十句', Array.from({ length: 30 }, (_, i) => `第${i + 1}句话。`));
    const started = await api('lin', 'POST', `/api/documents/${documentId}/machine-translate`, { headers: { prefer: 'respond-async' } });
    const { id } = started.json();
    translator.release();
    await expect.poll(async () => (await job('lin', id)).progress, { timeout: 60_000 }).toMatchObject({ done: 25, total: 30 });
    translator.failNext();
    translator.release();
    await expect.poll(async () => (await job('lin', id)).state, { timeout: 60_000 }).toBe('failed');
    const failed = await job('lin', id);
    expect(failed.error.status).toBe(502);
    expect(failed.error.message).toMatch(/machine translation server/);
    expect(failed.result).toBeNull();
    expect((await job('lin', id, 'zh-CN')).error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(await untranslated(documentId)).toBe(5);
  });

  it('when the API is called without Prefer then it waits for the job and answers as before, and the job is kept for whoever reads it later', async () => {
    const { documentId } = await storeDocument(server.store, '两句', ['第一句。', '第二句。']);
    translator.release(1);
    const res = await api('lin', 'POST', `/api/documents/${documentId}/machine-translate`);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ translated: 2, engine: 'libretranslate' });
    const jobs = await server.value<number>('SELECT count(*) FROM jobs');
    expect((await api('lin', 'GET', `/api/jobs/${jobs}`)).json()).toMatchObject({ kind: 'translate', documentId, state: 'done' });
  });

  it('when a document is not shared then its job answers 404 to a user who may not open it, and shows to its starter and an admin', async () => {
    const { documentId } = await storeDocument(server.store, '私密', ['保密的句子。']);
    expect((await api('root', 'POST', `/api/documents/${documentId}/access`, { json: { shared: false, add: ['lin'] } })).status).toBe(200);
    translator.release(1);
    const { id } = (await api('lin', 'POST', `/api/documents/${documentId}/machine-translate`, { headers: { prefer: 'respond-async' } })).json();
    expect((await api('zhou', 'GET', `/api/jobs/${id}`)).status).toBe(404);
    expect((await api('zhou', 'GET', `/jobs/${id}`)).status).toBe(404);
    expect((await api('zhou', 'GET', `/api/jobs/${id}`)).json().error).toBe(`There is no job ${id}.`);
    expect((await api('lin', 'GET', `/api/jobs/${id}`)).status).toBe(200);
    expect((await api('root', 'GET', `/api/jobs/${id}`)).status).toBe(200);
    expect((await api('zhou', 'POST', `/api/documents/${documentId}/machine-translate`)).status).toBe(404);
    expect((await new Client(server.url).request('GET', `/api/jobs/${id}`)).status).toBe(401);
    expect((await api('lin', 'GET', '/api/jobs/999999')).status).toBe(404);
  });
});

describe('imports and realign as jobs', () => {
  const ZH = '今天天气很好。我们去公园散步。公园里有很多人。孩子们在放风筝。';
  const EN = 'The weather is fine today. We go for a walk in the park. There are many people in the park. The children are flying kites.';
  const documents = () => server.value<number>('SELECT count(*) FROM documents');

  it('when texts are imported with Prefer: respond-async then the job aligns them and names the document it made, with how many pairs', async () => {
    const res = await upload(server, '/api/documents/import', { source: { name: '散步.zh.txt', content: ZH }, translation: { name: 'walk.en.txt', content: EN } },
      { token: tokens.lin, headers: { prefer: 'respond-async' } });
    expect(res.status).toBe(202);
    const { id, documentId: before } = res.json() as { id: number; documentId: number | null };
    expect(before).toBeNull();
    await expect.poll(async () => (await job('lin', id)).state, { timeout: 60_000 }).toBe('done');
    const done = await job('lin', id);
    expect(done.result).toMatchObject({ message: 'Document imported: 4 pairs (“散步”).', id: done.documentId });
    expect((await job('lin', id, 'zh-CN')).result.message).toBe('文档已导入：共 4 对（“散步”）。');
    expect(await server.value('SELECT title FROM documents WHERE id = ?', [done.documentId])).toBe('散步');
    // Its files are let go once it has ended.
    expect(await server.value('SELECT input FROM jobs WHERE id = ?', [id])).toBe('{}');
    // The page's fragment of the ended import sends the browser on to the document.
    const fragment = await api('lin', 'GET', `/jobs/${id}`, { headers: { 'hx-request': 'true' } });
    expect(fragment.headers.get('hx-redirect')).toBe(`/documents/${done.documentId}`);
    expect(fragment.text).toContain('Document imported: 4 pairs');
  });

  it('when an import job fails then it says why and leaves no document; without Prefer the request answers the same 400 as before', async () => {
    const count = await documents();
    const res = await upload(server, '/api/documents/import', { source: { name: 'walk.en.txt', content: EN }, translation: { name: '散步.zh.txt', content: ZH } },
      { token: tokens.lin, headers: { prefer: 'respond-async' } });
    const { id } = res.json() as { id: number };
    await expect.poll(async () => (await job('lin', id)).state, { timeout: 60_000 }).toBe('failed');
    expect((await job('lin', id)).error).toEqual({ status: 400, message: 'The files are swapped: "walk.en.txt" is English and "散步.zh.txt" is Chinese. Choose the Chinese text first and its English translation second.' });
    expect(await documents()).toBe(count);
    // The import form that polled it shows the refusal where a quick refusal shows, in the reader's language.
    const fragment = await api('lin', 'GET', `/jobs/${id}`, { headers: { 'hx-request': 'true', 'accept-language': 'zh-CN' } });
    expect(fragment.text).toMatch(/<p class="error" role="alert" data-testid="import-error">两个文件放反了/);
    expect(fragment.text).not.toContain('hx-trigger');
    const sync = await upload(server, '/api/documents/import', { source: { name: 'bad.tmx', content: '<tmx version="1.4"><body><tu>' } }, { token: tokens.lin });
    expect(sync.status).toBe(400);
    expect(await documents()).toBe(count);
    // Another user does not see the job of an import that made no document.
    expect((await api('zhou', 'GET', `/api/jobs/${id}`)).status).toBe(404);
  });

  it('when a realign is asked for with Prefer: respond-async then it is a job whose result says what changed; a stale version fails it with 409', async () => {
    const { documentId } = await storeDocument(server.store, '重排', [{ zh: '今天天气很好。', en: 'We go for a walk in the park.' }, { zh: '我们去公园散步。', en: 'The weather is fine today.' }]);
    const { version } = (await api('lin', 'GET', `/api/documents/${documentId}/alignment`)).json();
    const res = await api('lin', 'POST', `/api/documents/${documentId}/alignment/ops`, { json: { version, op: { kind: 'realign' } }, headers: { prefer: 'respond-async' } });
    expect(res.status).toBe(202);
    const { id } = res.json();
    await expect.poll(async () => (await job('lin', id)).state, { timeout: 60_000 }).toBe('done');
    const done = await job('lin', id);
    expect(done.result).toMatchObject({ version: version + 1, at: 0 });
    expect(done.result.message).toMatch(/^Realigned/);
    expect((await api('lin', 'GET', `/api/documents/${documentId}/alignment`)).json().version).toBe(version + 1);
    const stale = await api('lin', 'POST', `/api/documents/${documentId}/alignment/ops`, { json: { version, op: { kind: 'realign' } }, headers: { prefer: 'respond-async' } });
    await expect.poll(async () => (await job('lin', stale.json().id)).state, { timeout: 60_000 }).toBe('failed');
    expect((await job('lin', stale.json().id)).error.status).toBe(409);
    // Without Prefer the request waits for its job and answers the 409 itself.
    expect((await api('lin', 'POST', `/api/documents/${documentId}/alignment/ops`, { json: { version, op: { kind: 'realign' } } })).status).toBe(409);
  });
});
