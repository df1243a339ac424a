// A big document's match analysis as a job over HTTP, on either database: a document just under the threshold is
// analysed at once, one just over it by a job whose analysis is the immediate one; requests for the same state join the
// job; the page shows its progress in both languages and then the table; the result answers to the document's rule.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser, Client, startTestServer, type TestServer } from '../support/test-server.ts';
import { storeDocument } from '../support/insert-document.ts';
import { upload } from '../transfer/transfer-support.ts';
import { accounts } from '../../server/services/accounts.ts';
import { computeMatchAnalysis } from '../../server/services/match-analysis.ts';
import { translationMemory } from '../../server/services/translation-memory.ts';

/** The threshold under test: a document of more pairs than this is analysed by a job. */
const ROWS = 30;
let server: TestServer;
const tokens: Record<string, string> = {};
const ids: Record<string, number> = {};

const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="test" creationtool="test" creationtoolversion="1"/>
<body><tu><tuv xml:lang="zh-CN"><seg>中韩两国是近邻。</seg></tuv><tuv xml:lang="en"><seg>China and South Korea are close neighbours.</seg></tuv></tu>
<tu><tuv xml:lang="zh-CN"><seg>提升务实合作的水平和层次。</seg></tuv><tuv xml:lang="en"><seg>Raise the level of practical cooperation.</seg></tuv></tu></body></tmx>`;

/** `count` pairs in every band: the TMX's exact match, a fuzzy one, repetitions and sentences matching nothing. */
function rows(count: number, tag: string) {
  const kinds = ['中韩两国是近邻。', '提升务实合作的水平。', `${tag}维护国际公平正义。`];
  return Array.from({ length: count }, (_, i) => ({ zh: i % 4 === 3 ? `${tag}第${i}句与众不同。` : kinds[i % 4]!, en: `Sentence ${i}.` }));
}

const api = (who: string, url: string, headers: Record<string, string> = {}) =>
  new Client(server.url).request('GET', url, { headers: { authorization: `Bearer ${tokens[who]}`, ...headers } });
const analysisJobs = (doc: number) => server.value<number>("SELECT count(*) FROM jobs WHERE kind = 'analysis' AND document_id = ?", [doc]);
const jobOf = async (who: string, id: number, lang = 'en') => (await api(who, `/api/jobs/${id}`, { 'accept-language': lang })).json();
const done = (who: string, id: number) => expect.poll(async () => (await jobOf(who, id)).state, { timeout: 60_000 }).toBe('done');
/** The analysis as the use case makes it in the request, straight from the service: what the job must equal. */
const immediate = async (doc: number, who: string) =>
  computeMatchAnalysis(server.store, translationMemory(server.store), doc, { id: ids[who]!, role: who === 'root' ? 'admin' : 'translator' });

beforeAll(async () => {
  // Slices of 7 pairs: a job's analysis is added up from five, repetitions of earlier slices among them.
  server = await startTestServer({ exportJobs: { jobRows: ROWS, keepHours: 24 }, analysisSlice: 7 });
  for (const [name, role] of [['lin', 'translator'], ['zhou', 'translator'], ['wang', 'reviewer'], ['root', 'admin']] as const) {
    await addUser(server.store, name, role);
    ids[name] = await server.value<number>('SELECT id FROM users WHERE name = ?', [name]);
    tokens[name] = await accounts(server.store).createToken(name);
  }
  expect((await upload(server, '/api/memory/import', { source: { name: 'm.tmx', content: TMX } }, { token: tokens.wang })).status).toBe(201);
});
afterAll(async () => {
  await server?.close();
});

describe('the match analysis of a big document as a job', () => {
  it('when a document is just under the threshold then its analysis is immediate; just over it, a job whose analysis is the immediate one', async () => {
    const under = await storeDocument(server.store, '小文档', rows(ROWS, '甲'));
    const over = await storeDocument(server.store, '大文档', rows(ROWS + 1, '乙'));

    const now = await api('lin', `/api/documents/${under.documentId}/analysis`);
    expect(now.status, now.text).toBe(200);
    expect(now.json()).toMatchObject(await immediate(under.documentId, 'lin'));
    const page = await api('lin', `/documents/${under.documentId}/analysis`);
    expect(page.text).toContain('data-testid="analysis-table"');
    expect(await analysisJobs(under.documentId)).toBe(0);

    const started = await api('lin', `/api/documents/${over.documentId}/analysis`, { prefer: 'respond-async' });
    expect(started.status, started.text).toBe(202);
    const { id, kind } = started.json() as { id: number; kind: string };
    expect(kind).toBe('analysis');
    expect(started.headers.get('location')).toBe(`/api/jobs/${id}`);
    await done('lin', id);
    const status = await jobOf('lin', id);
    const expected = await immediate(over.documentId, 'lin');
    // Every band has pairs: the comparison covers them all.
    expect(expected.bands.filter((b) => b.pairs > 0).map((b) => b.band)).toEqual(['repetition', '100', '75-84', 'none']);
    expect(status.result).toMatchObject({ message: `Analysis ready: ${ROWS + 1} pairs.`, analysis: expected });
    expect(status.progress).toEqual({ done: ROWS + 1, total: ROWS + 1, message: `Looking up the best matches: ${ROWS + 1} of ${ROWS + 1} pairs…` });
    expect((await jobOf('lin', id, 'zh-CN')).progress.message).toBe(`正在查找最佳匹配：已完成 ${ROWS + 1} / ${ROWS + 1} 个句对……`);
    expect((await jobOf('lin', id, 'zh-CN')).result.message).toBe(`分析完成：共 ${ROWS + 1} 个句对。`);

    // The result is kept: the API without Prefer, the CSV and the page answer it at once, and no other job is made.
    const waited = await api('lin', `/api/documents/${over.documentId}/analysis`);
    expect(waited.status).toBe(200);
    expect(waited.json()).toMatchObject({ document: { id: over.documentId, title: '大文档' }, ...expected });
    const csv = await api('lin', `/documents/${over.documentId}/analysis.csv`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(`"total","Total",${ROWS + 1},`);
    expect((await api('lin', `/documents/${over.documentId}/analysis`)).text).toContain(`data-band="total" data-pairs="${ROWS + 1}"`);
    expect(await analysisJobs(over.documentId)).toBe(1);
  }, 120_000);

  it('when a client knowing nothing of jobs asks for a big document\'s analysis or CSV then the request waits for the job and answers it', async () => {
    const over = await storeDocument(server.store, '等待', rows(ROWS + 1, '丙'));
    const [json, csv] = await Promise.all([
      api('lin', `/api/documents/${over.documentId}/analysis`),
      api('lin', `/documents/${over.documentId}/analysis.csv`, { 'accept-language': 'zh-CN' }),
    ]);
    expect(json.status, json.text).toBe(200);
    expect(json.json()).toMatchObject(await immediate(over.documentId, 'lin'));
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(`"total","合计",${ROWS + 1},`);
    // The two requests, one state: one job.
    expect(await analysisJobs(over.documentId)).toBe(1);
    // With Prefer, a kept result is answered at once rather than as a job.
    expect((await api('lin', `/api/documents/${over.documentId}/analysis`, { prefer: 'respond-async' })).status).toBe(200);
    // A changed document is analysed again, by a new job.
    await server.rows('UPDATE documents SET version = version + 1 WHERE id = ?', [over.documentId]);
    expect((await api('lin', `/documents/${over.documentId}/analysis.csv`, { prefer: 'respond-async' })).status).toBe(202);
    expect(await analysisJobs(over.documentId)).toBe(2);
  }, 120_000);

  it('when requests for the same state come while its job runs then they join it', async () => {
    const over = await storeDocument(server.store, '同时', rows(ROWS + 1, '丁'));
    const answers = await Promise.all([1, 2, 3].map(() => api('lin', `/api/documents/${over.documentId}/analysis`, { prefer: 'respond-async' })));
    const started = answers.filter((a) => a.status === 202).map((a) => (a.json() as { id: number }).id);
    expect(started.length).toBeGreaterThan(0);
    expect(new Set(started).size).toBe(1);
    expect(await analysisJobs(over.documentId)).toBe(1);
  }, 120_000);

  it.each([
    ['en', 'its matches are looked up in the background', 'Ask again whether the analysis is ready'],
    ['zh-CN', '匹配在后台查找', '再次查看分析是否完成'],
  ])('when the page of a big document is opened in %s then it shows the job\'s progress, which goes on to the table', async (lang, note, refresh) => {
    const over = await storeDocument(server.store, `页面 ${lang}`, rows(ROWS + 1, `戊${lang}`));
    const page = await api('lin', `/documents/${over.documentId}/analysis`, { 'accept-language': lang });
    expect(page.status).toBe(200);
    expect(page.text).toContain(note);
    expect(page.text).toContain(refresh);
    expect(page.text).not.toContain('data-testid="analysis-table"');
    const id = Number(/data-job="(\d+)"/.exec(page.text)![1]);
    await done('lin', id);
    const fragment = await api('lin', `/jobs/${id}`, { 'hx-request': 'true', 'accept-language': lang });
    expect(fragment.headers.get('hx-redirect')).toBe(`/documents/${over.documentId}/analysis`);
    expect(fragment.text).toContain(lang === 'en' ? 'Show the analysis' : '显示分析结果');
    // The refresh link (no script) asks again: now the table, from the job's result.
    const again = await api('lin', `/documents/${over.documentId}/analysis`, { 'accept-language': lang });
    expect(again.text).toContain(`data-band="total" data-pairs="${ROWS + 1}"`);
    expect(await analysisJobs(over.documentId)).toBe(1);
  }, 120_000);

  it('when a document is not shared then its analysis and its job answer 404 to who may not open it, its starter too once removed, and an admin sees them', async () => {
    const over = await storeDocument(server.store, '私密分析', rows(ROWS + 1, '己'));
    const root = (url: string, json: unknown) => new Client(server.url).request('POST', url, { json, headers: { authorization: `Bearer ${tokens.root}` } });
    expect((await root(`/api/documents/${over.documentId}/access`, { shared: false, add: ['lin'] })).status).toBe(200);
    for (const url of [`/api/documents/${over.documentId}/analysis`, `/documents/${over.documentId}/analysis.csv`, `/documents/${over.documentId}/analysis`]) {
      expect((await api('zhou', url, { prefer: 'respond-async' })).status, url).toBe(404);
    }
    expect(await analysisJobs(over.documentId)).toBe(0);
    const started = await api('lin', `/api/documents/${over.documentId}/analysis`, { prefer: 'respond-async' });
    expect(started.status).toBe(202);
    const { id } = started.json() as { id: number };
    await done('lin', id);
    expect((await api('zhou', `/api/jobs/${id}`)).status).toBe(404);
    expect((await api('zhou', `/jobs/${id}`)).status).toBe(404);
    expect((await api('root', `/api/jobs/${id}`)).status).toBe(200);
    // Its starter loses the result with the document.
    expect((await root(`/api/documents/${over.documentId}/access`, { remove: ['lin'] })).status).toBe(200);
    expect((await api('lin', `/api/jobs/${id}`)).status).toBe(404);
    expect((await api('lin', `/api/documents/${over.documentId}/analysis`)).status).toBe(404);
    expect((await new Client(server.url).request('GET', `/api/jobs/${id}`)).status).toBe(401);
  }, 120_000);
});
