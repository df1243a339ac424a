// The review loop in files and figures: thread comments leave as TMX and XLIFF notes and come back as threads;
// rejected pairs are their own count and stay out of a "translated and approved" export.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestServer, type TestServer } from '../support/test-server.ts';
import { HARD_EN, HARD_ZH, apiJson, download, tokenFor, upload, withoutExportTime } from './transfer-support.ts';
import { ROOT } from '../support/start-workbench.ts';

let server: TestServer;
let lin: string;
let wang: string;
let doc: number;

const REJECTION = '「𠀀」要保留原字 & 别写成“字”。';
const REPLY = 'Kept 𠀀 <as is>.';

const json = (token: string, method: string, url: string, body?: unknown) => apiJson(server, token, method, url, body);

beforeAll(async () => {
  server = await startTestServer();
  lin = await tokenFor(server.store, 'lin', 'translator');
  wang = await tokenFor(server.store, 'wang', 'reviewer');
  const res = await upload(server, '/api/documents/import', {
    source: { name: '改革.txt', content: HARD_ZH }, translation: { name: 'reform.txt', content: HARD_EN },
  }, { token: lin });
  expect(res.status).toBe(201);
  doc = res.json().id as number;
  // Pair 1 approved, pair 2 rejected with a thread of two comments, pair 3 translated.
  const pairs = (await json(lin, 'GET', `/api/documents/${doc}/pairs`)).body as unknown as { id: number; version: number }[];
  expect(pairs.length).toBeGreaterThanOrEqual(3);
  const [first, second, third] = pairs;
  expect((await json(wang, 'POST', `/api/pairs/${first!.id}/review`, { decision: 'approve', version: first!.version })).status).toBe(200);
  const rejected = await json(wang, 'POST', `/api/pairs/${second!.id}/review`, {
    decision: 'reject', version: second!.version, comment: REJECTION, category: 'accuracy', severity: 'critical',
  });
  expect(rejected.status).toBe(200);
  const [thread] = (await json(lin, 'GET', `/api/pairs/${second!.id}/comments`)).body as unknown as { id: number }[];
  expect((await json(lin, 'POST', `/api/pairs/${second!.id}/comments/${thread!.id}/replies`, { body: REPLY })).status).toBe(201);
  expect((await json(lin, 'PUT', `/api/pairs/${third!.id}`, { tgt: 'The two countries will keep working together in 2025.', version: third!.version })).status).toBe(200);
});
afterAll(() => server.close());

const tus = (tmx: string) => tmx.split('<tu ').slice(1);
const units = (xliff: string) => xliff.split('<unit ').slice(1);

describe('thread comments in exports', () => {
  it('when exported as TMX then each comment of the rejected pair is a note of its tu, in order, and xmllint accepts the file against the TMX 1.4 DTD', async (ctx) => {
    const res = await download(server, `/api/documents/${doc}/export?format=tmx&state=all`, lin);
    expect(res.status).toBe(200);
    const rejected = tus(res.text).find((tu) => tu.includes('<prop type="x-duiqi-state">rejected</prop>'))!;
    expect(rejected).toContain('<note>「𠀀」要保留原字 &amp; 别写成“字”。</note>\n      <note>Kept 𠀀 &lt;as is&gt;.</note>');
    expect(tus(res.text).filter((tu) => tu.includes('<note>'))).toHaveLength(1);
    const dtd = path.resolve(ROOT, '../shared/data/tmx14.dtd');
    if (spawnSync('xmllint', ['--version']).error || !fs.existsSync(dtd)) return ctx.skip(`xmllint or ${dtd} is not available`);
    const file = path.join(server.dir, 'notes.tmx');
    fs.writeFileSync(file, res.text);
    const lint = spawnSync('xmllint', ['--noout', '--dtdvalid', dtd, file], { encoding: 'utf8' });
    expect(lint.stderr).toBe('');
    expect(lint.status).toBe(0);
  });

  it('when exported as XLIFF 2.1 then the unit carries <notes> with one <note> per comment', async () => {
    const res = await download(server, `/api/documents/${doc}/export?format=xliff&state=all`, lin);
    const noted = units(res.text).filter((u) => u.includes('<notes>'));
    expect(noted).toHaveLength(1);
    const unit = noted[0]!;
    expect(unit).toMatch(/<notes>\s*<note category="comment">「𠀀」要保留原字 &amp; 别写成“字”。<\/note>\s*<note category="comment">Kept 𠀀 &lt;as is&gt;\.<\/note>\s*<\/notes>/);
  });

  it('when our own TMX and XLIFF exports are imported then every note comes back as a thread comment and leaves again unchanged', async () => {
    for (const format of ['tmx', 'xliff'] as const) {
      const first = (await download(server, `/api/documents/${doc}/export?format=${format}&state=all`, lin)).text;
      const imported = await upload(server, '/api/documents/import', { source: { name: `copy.${format}`, content: first } }, { token: lin });
      expect(imported.status).toBe(201);
      const copy = imported.json().id as number;
      const bodies = (await server.rows<{ body: string }>(`SELECT c.body FROM thread_comments c JOIN comment_threads t ON t.id = c.thread_id
        WHERE t.document_id = ? ORDER BY t.id, c.id`, [copy])).map((r) => r.body);
      expect(bodies).toEqual([REJECTION, REPLY]);
      const again = (await download(server, `/api/documents/${copy}/export?format=${format}&state=all`, lin)).text;
      const notes = (file: string) => file.match(/<note[^>]*>[^<]*<\/note>/g);
      expect(notes(again)).toEqual(notes(first));
      const twice = await upload(server, '/api/documents/import', { source: { name: `copy2.${format}`, content: again } }, { token: lin });
      const third = (await download(server, `/api/documents/${twice.json().id as number}/export?format=${format}&state=all`, lin)).text;
      expect(withoutExportTime(third).replace(/x-duiqi-title">[^<]*/, '')).toBe(withoutExportTime(again).replace(/x-duiqi-title">[^<]*/, ''));
    }
  });
});

describe('rejected pairs in counts, filters and exports', () => {
  it('when state=translated then translated and approved pairs leave and the rejected one stays out', async () => {
    const res = await download(server, `/api/documents/${doc}/export?format=json&state=translated`, lin);
    const states = (JSON.parse(res.text) as { pairs: { state: number }[] }).pairs.map((p) => p.state);
    expect(states.sort()).toEqual([20, 30]);
    const all = JSON.parse((await download(server, `/api/documents/${doc}/export?format=json&state=all`, lin)).text) as { pairs: { state: number }[] };
    expect(all.pairs.map((p) => p.state)).toContain(25);
  });

  it('when the document is summarised then rejected is its own count and its own segment of the progress bar', async () => {
    const summary = (await json(lin, 'GET', `/api/documents/${doc}`)).body as { counts: Record<string, number> };
    expect(summary.counts).toMatchObject({ translated: 1, rejected: 1, approved: 1 });
    const c = new Client(server.url);
    await c.login('lin', 'correct horse 12');
    const bar = await c.get(`/documents/${doc}/progress`);
    expect(bar.text).toMatch(/<rect class="bar-rejected" data-state="rejected" data-count="1"/);
    expect(bar.text).toMatch(/<rect class="bar-translated" data-state="translated" data-count="1"/);
    expect(bar.text).toMatch(/data-testid="quality-score" data-score="(\d+\.\d\d)"/);
    const page = await c.get(`/documents/${doc}`);
    expect(page.text).toContain('translated and approved (not rejected)');
  });

  it('when the rows are filtered by "rejected" then only the rejected pair is listed, with its comment', async () => {
    const c = new Client(server.url);
    await c.login('lin', 'correct horse 12');
    const rows = await c.get(`/documents/${doc}/rows?state=rejected`);
    expect(rows.text.match(/data-testid="pair-row"/g)).toHaveLength(1);
    expect(rows.text).toContain('data-state="rejected"');
    expect(rows.text).toContain('「𠀀」要保留原字 &amp; 别写成“字”。');
  });

  it('when the critical error is open then the score counts 10 points over the source words, and resolving it gives 100 again', async () => {
    const words = (await server.rows<{ text: string }>(`SELECT s.text FROM segments s JOIN pairs p ON p.id = s.pair_id
      WHERE s.document_id = ? AND s.side = 'src' AND p.noise = 0 ORDER BY s.id`, [doc])).map((r) => r.text).join('');
    const { sourceWordCount } = await import('../../server/domain/quality-score.ts');
    const c = new Client(server.url);
    await c.login('wang', 'correct horse 12');
    const score = async () => Number(/data-testid="quality-score" data-score="([\d.]+)"/.exec((await c.get(`/documents/${doc}/progress`)).text)![1]);
    // Shown to two decimals, rounded down (never 100 while an error is open).
    expect(await score()).toBe(Math.floor(100 * Math.max(0, 100 * (1 - 10 / sourceWordCount(words)))) / 100);
    const pair = await server.value<number>('SELECT id FROM pairs WHERE document_id = ? AND state = 25', [doc]);
    const [thread] = (await json(wang, 'GET', `/api/pairs/${pair}/comments`)).body as unknown as { id: number }[];
    expect((await json(wang, 'POST', `/api/pairs/${pair}/comments/${thread!.id}/resolve`)).status).toBe(200);
    expect(await score()).toBe(100);
  });
});
