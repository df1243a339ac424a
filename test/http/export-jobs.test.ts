// Big exports as jobs over HTTP, on either database: a document just under the threshold downloads at once, one just
// over it through a job, byte for byte the same file as the immediate export makes; progress and the result's link through
// GET /api/jobs/:id; the file under the document's access rule; and its removal after the retention time.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, Client, startTestServer, type TestServer } from '../support/test-server.ts';
import { storeDocument } from '../support/insert-document.ts';
import type { AddressInfo } from 'node:net';
import { accounts } from '../../server/services/accounts.ts';
import { createApp } from '../../server/app.ts';
import { createI18n } from '../../server/http/i18n.ts';
import { openStoreAt } from '../../server/db/open-store.ts';
import { inProcessQueue } from '../../server/services/job-queue-in-process.ts';
import { exportDocument } from '../../server/services/export-document.ts';
import { translatedDocuments } from '../../server/services/translated-document.ts';
import { exportTime } from '../support/export-time.ts';
import type { StatementTally } from '../../server/db/store.ts';

/** The threshold under test: a document of more pairs than this is exported by a job. */
const ROWS = 30;
let server: TestServer;
// The statements the server's store runs: a HEAD of a stored file must read none of its parts.
const tally: StatementTally = { statements: 0 };
const tokens: Record<string, string> = {};

async function get(who: string, url: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${tokens[who]}`, ...headers } });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}
const api = (who: string, method: string, url: string, headers: Record<string, string> = {}) =>
  new Client(server.url).request(method, url, { headers: { authorization: `Bearer ${tokens[who]}`, ...headers } });
const job = async (who: string, id: number, lang = 'en') => (await api(who, 'GET', `/api/jobs/${id}`, { 'accept-language': lang })).json();
const exportJobs = () => server.value<number>("SELECT count(*) FROM jobs WHERE kind = 'export'");

/** Long rows of Chinese (full-width punctuation, “quotes”, a character beyond the BMP), so the file is stored in several parts. */
function rows(count: number, tag: string) {
  return Array.from({ length: count }, (_, i) => ({
    zh: `${tag}第${i + 1}句：“长征”𠮷${'中国与韩国的合作，'.repeat(1200)}。`,
    en: `${tag} sentence ${i + 1}: "the Long March" ${'cooperation between China and Korea, '.repeat(250)}.`,
  }));
}

/**
 * What the immediate export makes for the document as it is now, read straight from the use case, at the export time
 * `like` states (the one line of a file that depends on the clock).
 */
async function immediate(documentId: number, format: string, like: Buffer): Promise<Buffer> {
  const file = await exportDocument(server.store, { documentId, format, state: 'all' }, { exportedAt: exportTime(like) });
  let text = '';
  for await (const block of file.chunks) text += block;
  return Buffer.from(text, 'utf8');
}

/** Starts the export as a job, waits for it, and downloads its file through the link its status gives. */
async function throughJob(who: string, url: string) {
  const started = await api(who, 'GET', url, { prefer: 'respond-async' });
  expect(started.status).toBe(202);
  const { id } = started.json() as { id: number };
  expect(started.headers.get('location')).toBe(`/api/jobs/${id}`);
  await expect.poll(async () => (await job(who, id)).state, { timeout: 60_000 }).toBe('done');
  const status = await job(who, id);
  expect(status.result.download).toBe(`/api/jobs/${id}/file`);
  return { id, status, file: await get(who, status.result.download) };
}

beforeAll(async () => {
  server = await startTestServer({ exportJobs: { jobRows: ROWS, keepHours: 24 }, tally });
  for (const [name, role] of [['lin', 'translator'], ['zhou', 'translator'], ['root', 'admin']] as const) {
    await addUser(server.store, name, role);
    tokens[name] = await accounts(server.store).createToken(name);
  }
});
afterAll(async () => {
  await server?.close();
});

describe('exports of a big document as jobs', () => {
  it.each(['tmx', 'xliff', 'xliff12', 'json'])('when a %s export is just under the threshold then it is immediate; just over it, a job whose file is the same bytes as the immediate export', async (format) => {
    const under = await storeDocument(server.store, `小文档 ${format}`, rows(ROWS, '甲'));
    const over = await storeDocument(server.store, `大文档 ${format}`, rows(ROWS + 1, '乙'));
    const jobsBefore = await exportJobs();

    const now = await get('lin', `/api/documents/${under.documentId}/export?format=${format}&state=all`);
    expect(now.status).toBe(200);
    expect(await exportJobs()).toBe(jobsBefore);
    expect(now.bytes.equals(await immediate(under.documentId, format, now.bytes))).toBe(true);
    // The same small document as a job, when the client asks for one: the same bytes and headers.
    const small = await throughJob('lin', `/api/documents/${under.documentId}/export?format=${format}&state=all`);
    expect(small.file.bytes.equals(await immediate(under.documentId, format, small.file.bytes))).toBe(true);
    expect(small.file.headers.get('content-type')).toBe(now.headers.get('content-type'));
    expect(small.file.headers.get('content-disposition')).toBe(now.headers.get('content-disposition'));

    const big = await throughJob('lin', `/api/documents/${over.documentId}/export?format=${format}&state=all`);
    const expected = await immediate(over.documentId, format, big.file.bytes);
    // Several parts in the database, read back as one file.
    expect(expected.length).toBeGreaterThan(2 * 256 * 1024);
    expect(big.file.status).toBe(200);
    expect(big.file.bytes.equals(expected)).toBe(true);
    expect(big.status.progress).toMatchObject({ done: ROWS + 1, total: ROWS + 1 });
    expect(big.status.result).toMatchObject({ bytes: expected.length, fileName: `大文档 ${format}.${({ json: 'json', tmx: 'tmx', xliff: 'xlf', xliff12: 'xliff12.xlf' } as Record<string, string>)[format]}` });
    expect(big.status.result.message).toMatch(/^Export ready: “大文档/);
    expect((await job('lin', big.id, 'zh-CN')).result.message).toMatch(/^导出完成：“大文档/);
    // A client that knows nothing of jobs still gets the file from the same request: the request waits for the job.
    const waited = await get('lin', `/api/documents/${over.documentId}/export?format=${format}&state=all`);
    expect(waited.status).toBe(200);
    expect(waited.bytes.equals(await immediate(over.documentId, format, waited.bytes))).toBe(true);
    expect(await exportJobs()).toBe(jobsBefore + 3);
  }, 120_000);

  it('when the side-by-side file of a big document is asked for then a job makes it, the same as the immediate one, with the count of untranslated pairs', async () => {
    const over = await storeDocument(server.store, '对照', [...rows(ROWS, '丙'), '没有译文的一句。']);
    const big = await throughJob('lin', `/api/documents/${over.documentId}/bilingual?format=html`);
    const made = await translatedDocuments(server.store).review(over.documentId, 'html', ['Chinese', 'English']);
    expect(big.file.bytes.equals(Buffer.from(made.bytes))).toBe(true);
    expect(big.file.headers.get('x-duiqi-untranslated')).toBe('1');
    expect(big.file.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const docx = await get('lin', `/api/documents/${over.documentId}/bilingual?format=docx`);
    expect(docx.status).toBe(200);
    expect(docx.bytes.subarray(0, 2).toString('latin1')).toBe('PK');
  }, 120_000);

  it('when a big document\'s export is asked for with HEAD then it answers the GET\'s headers and makes no job', async () => {
    const over = await storeDocument(server.store, '只看头', [...rows(ROWS, '己'), '没有译文的一句。']);
    const before = await exportJobs();
    const head = async (url: string, headers: Record<string, string> = {}) => {
      const res = await fetch(`${server.url}${url}`, { method: 'HEAD', headers: { authorization: `Bearer ${tokens.lin}`, ...headers } });
      return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition') };
    };
    const urls = [`/api/documents/${over.documentId}/export?format=tmx&state=all`, `/documents/${over.documentId}/export?format=xliff&state=all`,
      `/api/documents/${over.documentId}/bilingual?format=html`, `/api/documents/${over.documentId}/bilingual?format=docx`];
    const heads = [];
    for (const url of urls) heads.push(await head(url));
    expect(heads.map((h) => h.status)).toEqual([200, 200, 200, 200]);
    expect((await head(urls[0]!, { prefer: 'respond-async' })).status).toBe(202);
    // Refused as the GET refuses: a bad format. A plain text's translation is a plain text.
    expect((await head(`/api/documents/${over.documentId}/export?format=docx`)).status).toBe(400);
    expect(await head(`/api/documents/${over.documentId}/translation`)).toMatchObject({ status: 200, type: 'text/plain; charset=utf-8' });
    expect(await exportJobs()).toBe(before);
    expect(await server.value<number>('SELECT count(*) FROM jobs WHERE document_id = ?', [over.documentId])).toBe(0);

    // The GETs (each through a job, as the document is big) send the files with the headers HEAD gave.
    for (const [i, url] of urls.entries()) {
      const res = await get('lin', url);
      expect(res.status).toBe(200);
      expect({ status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition') }).toEqual(heads[i]);
    }
    expect(await exportJobs()).toBe(before + urls.length);
  }, 120_000);

  it('when an export job\'s file is asked for with HEAD then it answers the GET\'s headers and reads none of the file\'s parts', async () => {
    const over = await storeDocument(server.store, '只看文件头', rows(ROWS + 1, '庚'));
    const { id } = await throughJob('lin', `/api/documents/${over.documentId}/export?format=tmx&state=all`);
    const parts = await server.value<number>('SELECT count(*) FROM job_files WHERE job_id = ?', [id]);
    expect(parts).toBeGreaterThan(1);
    const counted = async (method: string) => {
      const before = tally.statements;
      const res = await fetch(`${server.url}/api/jobs/${id}/file`, { method, headers: { authorization: `Bearer ${tokens.lin}` } });
      const bytes = (await res.arrayBuffer()).byteLength;
      return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), bytes, statements: tally.statements - before };
    };
    const head = await counted('HEAD');
    const got = await counted('GET');
    expect({ ...head, bytes: 0, statements: 0 }).toEqual({ ...got, bytes: 0, statements: 0 });
    expect(head.status).toBe(200);
    expect(head.bytes).toBe(0);
    expect(got.bytes).toBeGreaterThan(256 * 1024);
    // The GET reads each part in a transaction of its own; the HEAD only checks that the file is still there.
    expect(got.statements - head.statements).toBeGreaterThanOrEqual(parts);
  }, 120_000);

  it('when the export is refused (a bad format) then it answers 400 at once and makes no job', async () => {
    const over = await storeDocument(server.store, '格式', rows(ROWS + 1, '丁'));
    const before = await exportJobs();
    const res = await api('lin', 'GET', `/api/documents/${over.documentId}/export?format=docx`, { prefer: 'respond-async' });
    expect(res.status).toBe(400);
    expect(res.json().error).toMatch(/The export format must be one of/);
    expect(await exportJobs()).toBe(before);
  });

  it('when a document is not shared then its export\'s file answers 404 to a user who may not open it, and 200 to a member and an admin', async () => {
    const over = await storeDocument(server.store, '私密导出', rows(ROWS + 1, '戊'));
    const shared = await new Client(server.url).request('POST', `/api/documents/${over.documentId}/access`,
      { json: { shared: false, add: ['lin'] }, headers: { authorization: `Bearer ${tokens.root}` } });
    expect(shared.status).toBe(200);
    const { id } = await throughJob('lin', `/api/documents/${over.documentId}/export?format=tmx&state=all`);
    expect((await get('zhou', `/api/jobs/${id}/file`)).status).toBe(404);
    expect((await get('zhou', `/jobs/${id}/file`)).status).toBe(404);
    expect((await get('root', `/api/jobs/${id}/file`)).status).toBe(200);
    expect((await get('lin', `/api/jobs/${id}/file`)).status).toBe(200);
    // Its starter loses the file with the document.
    const members = await new Client(server.url).request('POST', `/api/documents/${over.documentId}/access`,
      { json: { remove: ['lin'] }, headers: { authorization: `Bearer ${tokens.root}` } });
    expect(members.status).toBe(200);
    expect((await get('lin', `/api/jobs/${id}/file`)).status).toBe(404);
    expect((await new Client(server.url).request('GET', `/api/jobs/${id}/file`)).status).toBe(401);
    // A job that is no export has no file.
    expect((await get('root', '/api/jobs/999999/file')).status).toBe(404);
  }, 120_000);

  it('when an export\'s file is older than the retention time then it answers 410 with a sentence, and the next export removes its parts', async () => {
    const over = await storeDocument(server.store, '过期', rows(ROWS + 1, '己'));
    const { id } = await throughJob('lin', `/api/documents/${over.documentId}/export?format=json&state=all`);
    const parts = () => server.value<number>('SELECT count(*) FROM job_files WHERE job_id = ?', [id]);
    expect(await parts()).toBeGreaterThan(1);
    const longAgo = new Date(Date.now() - 25 * 3600_000).toISOString();
    await server.rows('UPDATE jobs SET finished_at = ? WHERE id = ?', [longAgo, id]);
    const gone = await api('lin', 'GET', `/api/jobs/${id}/file`);
    expect(gone.status).toBe(410);
    expect(gone.json().error).toBe('This export\'s file was removed 24 hours after it was made; export the document again.');
    expect((await api('lin', 'GET', `/api/jobs/${id}/file`, { 'accept-language': 'zh-CN' })).json().message).toBe('此导出的文件已在生成 24 小时后删除；请重新导出文档。');
    // The job's record stays; its file goes at the next export.
    expect((await job('lin', id)).state).toBe('done');
    await throughJob('lin', `/api/documents/${over.documentId}/export?format=tmx&state=all`);
    expect(await parts()).toBe(0);
  }, 120_000);

  it('when an export made through one app server is downloaded through another on the same database then it is the same file', async () => {
    const over = await storeDocument(server.store, '两台服务器', rows(ROWS + 1, '庚'));
    const made = await throughJob('lin', `/api/documents/${over.documentId}/export?format=tmx&state=all`);
    // A second app on the same database (the same SQLite file, or the same PostgreSQL database), with no job of its own.
    const store = await openStoreAt(server.store.address!);
    const jobQueue = inProcessQueue(store, { resume: false });
    const app = createApp({ store, i18n: await createI18n(), jobQueue });
    const other = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => other.once('listening', resolve));
    try {
      const res = await fetch(`http://127.0.0.1:${(other.address() as AddressInfo).port}/api/jobs/${made.id}/file`, { headers: { authorization: `Bearer ${tokens.lin}` } });
      expect(res.status).toBe(200);
      expect(Buffer.from(await res.arrayBuffer()).equals(made.file.bytes)).toBe(true);
      expect(res.headers.get('content-disposition')).toBe(made.file.headers.get('content-disposition'));
    } finally {
      await new Promise((resolve) => other.close(resolve));
      await jobQueue.stop();
      await store.close();
    }
  }, 120_000);
});
