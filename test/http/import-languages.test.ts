// Import checks each side's language and says who wrote the English (issue 15, items 3 and 4).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { storedCounts, tokenFor, upload, uploadForm } from '../transfer/transfer-support.ts';
import { State } from '../../server/domain/types.ts';

let server: TestServer;
let lin: string;

const ZH = '习近平会见韩国总统文在寅。双方同意推进“一带一路”建设。\n\n两国元首还就朝鲜半岛局势交换了意见。';
const EN = 'Xi Jinping met South Korean President Moon Jae-in. Both sides agreed to advance the Belt and Road. The two heads of state also exchanged views on the Korean Peninsula.';
const zh = { name: 'zh.txt', content: ZH };
const en = { name: 'en.txt', content: EN };

beforeAll(async () => {
  server = await startTestServer();
  lin = await tokenFor(server.store, 'lin', 'translator');
});
afterAll(() => server.close());

const pairsOf = (id: number) => server.rows<{ state: number; tgt: string; mt: string }>(
  'SELECT state, tgt_text AS tgt, mt_text AS mt FROM pairs WHERE document_id = ? AND noise = 0 ORDER BY idx', [id]);

describe('the languages of the two files', () => {
  it.each([
    ['swapped', { source: en, translation: zh }, 'The files are swapped: "en.txt" is English and "zh.txt" is Chinese.', '两个文件放反了'],
    ['English twice', { source: en, translation: { ...en, name: 'en2.txt' } }, '"en.txt" is English, not Chinese', '“en.txt”是英文，不是中文'],
    ['Chinese twice', { source: zh, translation: { ...zh, name: 'zh2.txt' } }, '"zh2.txt" is Chinese, not English', '“zh2.txt”是中文，不是英文'],
  ])('when the files are %s then the import is refused with a sentence saying what to choose, and nothing is written', async (_what, files, english, chinese) => {
    const before = await storedCounts(server);
    const api = await upload(server, '/api/documents/import', files, { token: lin });
    expect(api.status).toBe(400);
    expect(api.json().error).toContain(english);
    const zhApi = await upload(server, '/api/documents/import', files, { token: lin, headers: { 'accept-language': 'zh-CN' } });
    expect(zhApi.json().message).toContain(chinese);
    expect(await storedCounts(server)).toEqual(before);
  });

  it('when a side has too few words to tell then it is not refused for its language', async () => {
    const res = await upload(server, '/api/documents/import', { source: { name: 'n.txt', content: '2019。' }, translation: { name: 'm.txt', content: '2019.' } }, { token: lin });
    expect(res.status).toBe(201);
  });
});

describe('who wrote the English', () => {
  it('when the English is said to be a human translation then its pairs start translated, with no machine text behind them', async () => {
    const res = await upload(server, '/api/documents/import', { source: zh, translation: en }, { token: lin, fields: { englishOrigin: 'human' } });
    expect(res.status).toBe(201);
    const pairs = await pairsOf(res.json().id as number);
    expect(pairs.length).toBeGreaterThan(1);
    for (const p of pairs) expect(p).toMatchObject({ state: State.translated, mt: '' });
    expect(pairs.map((p) => p.tgt).join(' ')).toBe(EN);
  });

  it('when nothing is said then the English is a machine draft, as before', async () => {
    const res = await upload(server, '/api/documents/import', { source: zh, translation: en }, { token: lin });
    for (const p of await pairsOf(res.json().id as number)) expect(p.state).toBe(State.machine);
  });

  it('when a human translation is realigned then its rows stay translated', async () => {
    const id = (await upload(server, '/api/documents/import', { source: zh, translation: en }, { token: lin, fields: { englishOrigin: 'human' } })).json().id as number;
    const view = await (await fetch(`${server.url}/api/documents/${id}/alignment`, { headers: { authorization: `Bearer ${lin}` } })).json() as { version: number };
    const res = await fetch(`${server.url}/api/documents/${id}/alignment/ops`, {
      method: 'POST', headers: { authorization: `Bearer ${lin}`, 'content-type': 'application/json' }, body: JSON.stringify({ version: view.version, op: { kind: 'realign' } }),
    });
    expect(res.status).toBe(200);
    for (const p of await pairsOf(id)) expect(p.state).toBe(State.translated);
  });

  it('when the origin is neither machine nor human then 400 names the field', async () => {
    const res = await upload(server, '/api/documents/import', { source: zh, translation: en }, { token: lin, fields: { englishOrigin: 'robot' } });
    expect(res.status).toBe(400);
    expect(res.json().error).toBe('"englishOrigin" must be machine or human.');
  });
});

describe('a refused form', () => {
  it('when the form is sent by htmx then only the message is swapped in, so the chosen files stay chosen', async () => {
    const res = await uploadForm(server, { source: en, translation: zh }, { token: lin });
    expect(res.status).toBe(400);
    expect(res.headers.get('hx-retarget')).toBe('#import-message');
    expect(res.headers.get('hx-reswap')).toBe('innerHTML');
    expect(res.text).toContain('The files are swapped');
    expect(res.text).not.toContain('<form');
  });

  it('when the form is sent without script then the page keeps the choices and names the files to choose again', async () => {
    const res = await upload(server, '/import', { source: en, translation: zh }, { token: lin, fields: { title: '我的标题', englishOrigin: 'human', access: 'members' } });
    expect(res.status).toBe(400);
    expect(res.text).toContain('value="我的标题"');
    expect(res.text).toMatch(/value="human" data-testid="import-human" checked/);
    expect(res.text).toMatch(/<option value="members" selected>/);
    expect(res.text).toContain('Choose the files again (<span translate="no">en.txt</span>, <span translate="no">zh.txt</span>)');
  });

  it('when the refusal is read in Chinese then the file names it quotes are marked as names, not left as English words', async () => {
    const res = await upload(server, '/import', { source: en, translation: zh }, { token: lin, headers: { 'accept-language': 'zh-CN' } });
    expect(res.status).toBe(400);
    expect(res.text).toContain('两个文件放反了：“<span translate="no">en.txt</span>”是英文，“<span translate="no">zh.txt</span>”是中文。');
    expect(res.text).toContain('请重新选择文件（<span translate="no">en.txt</span>、<span translate="no">zh.txt</span>）');
  });
});
