// The glossary a page at a time: a termbase of hundreds of entries is found by a piece of a term or note and paged,
// and an entry's terms are changed in place (by whoever may delete it), refusals kept in the form as typed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glossary } from '../../server/services/glossary.ts';
import { Client, type TestServer } from '../support/test-server.ts';
import { startSeededServer } from '../support/seed.ts';

let server: TestServer;
let api: Awaited<ReturnType<typeof startSeededServer>>['api'];
let tokens: Record<string, string>;
let lin: Client;
const hx = () => ({ 'X-CSRF-Token': lin.csrf, 'HX-Request': 'true' });
const idOf = async (zh: string) => await server.value('SELECT id FROM glossary_terms WHERE zh = ?', [zh]) as number;
const rowsOf = (html: string) => [...html.matchAll(/<td lang="zh-CN" id="term-\d+" hx-ignore>([^<]*)<\/td>/g)].map((m) => m[1]);

beforeAll(async () => {
  ({ server, api, tokens } = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer'], ['mei', 'reviewer']]));
  // 250 entries in code-point order 术语000 … 术语249, every tenth with a note.
  const csv = Array.from({ length: 250 }, (_, i) => `术语${String(i).padStart(3, '0')},term ${i}${i % 10 === 0 ? `,Note ${i}: 100% sure` : ''}`).join('\n');
  await glossary(server.store).importCsv(`zh,en,note\n${csv}`);
  lin = new Client(server.url);
  await lin.login('lin');
});
afterAll(() => server.close());

describe('the glossary a page at a time', () => {
  it('when the glossary holds 250 entries then the page shows the first 100, says so, and links to the next page', async () => {
    const page = (await lin.get('/glossary')).text;
    expect(rowsOf(page)).toHaveLength(100);
    expect(rowsOf(page)[0]).toBe('术语000');
    expect(page).toContain('Entries 1–100 of 250');
    expect(page).toContain('href="/glossary?page=2"');
    expect(page).not.toContain('rel="prev"');
    const last = (await lin.get('/glossary?page=3')).text;
    expect(rowsOf(last)).toEqual(Array.from({ length: 50 }, (_, i) => `术语${200 + i}`));
    expect(last).toContain('Entries 201–250 of 250');
    expect(last).toContain('href="/glossary?page=2"');
    expect(last).not.toContain('rel="next"');
    // A page past the end, or no number at all, shows a page there is.
    expect(rowsOf((await lin.get('/glossary?page=99')).text)[0]).toBe('术语200');
    expect(rowsOf((await lin.get('/glossary?page=x')).text)[0]).toBe('术语000');
  });

  it('when a piece of a term, of the English in another case or of a note is looked for then only those entries are listed, in Chinese too', async () => {
    const found = (await lin.get('/glossary/entries?q=%E6%9C%AF%E8%AF%AD12')).text; // 术语12
    expect(rowsOf(found)).toEqual(Array.from({ length: 10 }, (_, i) => `术语${120 + i}`));
    expect(found).toContain('Entries 1–10 of 10 holding “术语12”');
    const one = (await lin.get('/glossary/entries?q=TERM+249')).text;
    expect(rowsOf(one)).toEqual(['术语249']);
    expect(one).toContain('Entry 1 of 1 holding “TERM 249”'); // not Entries 1–1
    expect(rowsOf((await lin.get('/glossary/entries?q=100%25')).text)).toHaveLength(25);
    const none = (await lin.get('/glossary/entries?q=%E5%B3%B0%E4%BC%9A')).text; // 峰会
    expect(rowsOf(none)).toEqual([]);
    expect(none).toContain('No entry holds “峰会”.');
    const zh = new Client(server.url);
    await zh.login('lin');
    zh.cookies.set('duiqi_lang', 'zh-CN');
    expect((await zh.get('/glossary/entries?q=%E6%9C%AF%E8%AF%AD12')).text).toContain('含“术语12”的条目：第 1–10 条，共 10 条');
    expect((await zh.get('/glossary/entries?q=%E6%9C%AF%E8%AF%AD249')).text).toContain('含“术语249”的条目：第 1 条，共 1 条');
    // Paging keeps the search.
    const paged = (await lin.get('/glossary?q=term&page=2')).text;
    expect(paged).toContain('Entries 101–200 of 250 holding “term”');
    expect(paged).toContain('href="/glossary?q=term&amp;page=3"');
  });

  it('when a translator changes their own entry then the table shows the new terms where they were looking, and the API changes one too', async () => {
    await lin.get('/glossary');
    await lin.request('POST', '/glossary', { form: { zh: '峰会', en: 'summitt', note: '' }, headers: hx() });
    const id = await idOf('峰会');
    const form = await lin.request('GET', `/glossary/${id}/edit?q=%E5%B3%B0`, { headers: hx() });
    expect(form.status).toBe(200);
    expect(form.text).toContain('value="summitt"');
    expect(form.text).toContain(`hx-post="/glossary/${id}/edit?q=%E5%B3%B0"`);
    const saved = await lin.request('POST', `/glossary/${id}/edit?q=%E5%B3%B0`, { form: { zh: '峰会', en: 'summit', note: 'a meeting of leaders' }, headers: hx() });
    expect(saved.status).toBe(200);
    expect(saved.text).toContain('Changed');
    expect(rowsOf(saved.text)).toEqual(['峰会']);
    expect(await server.value('SELECT en || \'|\' || note FROM glossary_terms WHERE id = ?', [id])).toBe('summit|a meeting of leaders');
    const patched = await api('lin', 'PATCH', `/api/glossary/${id}`, { zh: '峰会', en: 'summit meeting' });
    expect(patched.status).toBe(200);
    // A patch changes what it names: the note it leaves out stays; a null note clears it.
    expect(patched.json()).toEqual({ id, zh: '峰会', en: 'summit meeting', note: 'a meeting of leaders' });
    expect((await api('lin', 'PATCH', `/api/glossary/${id}`, { note: null })).json()).toEqual({ id, zh: '峰会', en: 'summit meeting', note: null });
    // Sent with the entry as the script last read it: a change made since is refused, not overwritten unseen.
    const stale = await api('lin', 'PATCH', `/api/glossary/${id}`, { en: 'summit talks', was_zh: '峰会', was_en: 'summit' });
    expect(stale.status).toBe(409);
    expect(stale.json().message).toContain('it is now 峰会 → summit meeting');
    expect(await server.value('SELECT en FROM glossary_terms WHERE id = ?', [id])).toBe('summit meeting');
    const fresh = await api('lin', 'PATCH', `/api/glossary/${id}`, { en: 'summit talks', was_zh: '峰会', was_en: 'summit meeting' });
    expect(fresh.json()).toEqual({ id, zh: '峰会', en: 'summit talks', note: null });
    expect((await api('lin', 'PATCH', `/api/glossary/${id}`, { en: 'summit meeting' })).status).toBe(200);
  });

  it('when a change would repeat another entry or leave a term empty then it is refused with a sentence and the form keeps what was typed', async () => {
    const id = await idOf('峰会');
    const duplicate = await lin.request('POST', `/glossary/${id}/edit`, { form: { zh: '术语001', en: 'term 1', note: 'typed note' }, headers: hx() });
    expect(duplicate.status).toBe(400);
    expect(duplicate.text).toContain('术语001 → term 1 is already in the glossary.');
    expect(duplicate.text).toContain('data-testid="glossary-edit-form"');
    expect(duplicate.text).toContain('value="typed note"');
    const empty = await lin.request('POST', `/glossary/${id}/edit`, { form: { zh: '峰会', en: '  ' }, headers: hx() });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('A glossary entry needs a Chinese term and an English term.');
    expect((await api('lin', 'PATCH', `/api/glossary/${id}`, { zh: '术语001', en: 'term 1' })).status).toBe(400);
    expect(await server.value('SELECT en FROM glossary_terms WHERE id = ?', [id])).toBe('summit meeting');
  });

  it('when a translator tries to change an entry someone else added then it is refused and kept; a reviewer may change it', async () => {
    const id = await idOf('术语007');
    expect((await lin.get('/glossary')).text).not.toContain(`/glossary/${id}/edit`);
    expect((await lin.request('GET', `/glossary/${id}/edit`, { headers: hx() })).status).toBe(403);
    const refused = await lin.request('POST', `/glossary/${id}/edit`, { form: { zh: '术语007', en: 'hijacked' }, headers: hx() });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Only a reviewer or an admin may change or delete a glossary entry someone else added.');
    expect(refused.text).not.toContain('data-testid="glossary-edit-form"');
    expect((await api('lin', 'PATCH', `/api/glossary/${id}`, { zh: '术语007', en: 'hijacked' })).status).toBe(403);
    expect((await api('wang', 'PATCH', `/api/glossary/${id}`, { zh: '术语007', en: 'term seven' })).status).toBe(200);
    expect(await server.value('SELECT en FROM glossary_terms WHERE id = ?', [id])).toBe('term seven');
    expect((await api('wang', 'PATCH', '/api/glossary/999999', { zh: 'x', en: 'y' })).status).toBe(404);
  });

  it('when two reviewers edit one entry at once then the second save is refused with the entry as it now is, keeps what was typed, and a save after it replaces it', async () => {
    const id = await idOf('术语011');
    const [wang, mei] = [new Client(server.url), new Client(server.url)];
    await wang.login('wang');
    await mei.login('mei');
    await Promise.all([wang.get('/glossary'), mei.get('/glossary')]);
    const headers = (c: Client, lang = 'en') => ({ 'X-CSRF-Token': c.csrf, 'HX-Request': 'true', 'Accept-Language': lang });
    const seen = (html: string) => Object.fromEntries([...html.matchAll(/name="(was_\w+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const opened = seen((await wang.request('GET', `/glossary/${id}/edit`, { headers: headers(wang) })).text);
    expect(opened).toEqual({ was_zh: '术语011', was_en: 'term 11', was_note: '' });
    const meiSeen = seen((await mei.request('GET', `/glossary/${id}/edit`, { headers: headers(mei) })).text);
    expect((await mei.request('POST', `/glossary/${id}/edit`, { form: { zh: '术语011', en: 'term eleven', note: 'per the client', ...meiSeen }, headers: headers(mei) })).status).toBe(200);

    const late = await wang.request('POST', `/glossary/${id}/edit`, { form: { zh: '术语011', en: 'eleventh term', note: '', ...opened }, headers: headers(wang, 'zh-CN') });
    expect(late.status).toBe(409);
    expect(late.text).toContain('你打开此条目后，有人修改了它：现在是 术语011 → term eleven。');
    expect(late.text).toContain('value="eleventh term"');
    expect(seen(late.text)).toEqual({ was_zh: '术语011', was_en: 'term eleven', was_note: 'per the client' });
    expect(await server.value('SELECT en FROM glossary_terms WHERE id = ?', [id])).toBe('term eleven');

    const knowingly = await wang.request('POST', `/glossary/${id}/edit`, { form: { zh: '术语011', en: 'eleventh term', note: '', ...seen(late.text) }, headers: headers(wang) });
    expect(knowingly.status).toBe(200);
    expect(await server.value('SELECT en FROM glossary_terms WHERE id = ?', [id])).toBe('eleventh term');
  });
});

describe('POST /api/glossary/import', () => {
  it('when the request holds no "csv" or "tbx" text then it is refused with a sentence, in Chinese under zh-CN, and nothing is imported', async () => {
    const before = await server.value('SELECT COUNT(*) FROM glossary_terms');
    for (const body of [{}, { CSV: '会晤,meeting' }, { csv: '' }]) {
      const res = await api('wang', 'POST', '/api/glossary/import', body);
      expect(res.status).toBe(400);
      expect(res.json()).toMatchObject({ status: 400, message: 'Send the text of a CSV or TBX glossary as "csv" or "tbx".' });
    }
    const zh = await new Client(server.url).request('POST', '/api/glossary/import', { json: {}, headers: { authorization: `Bearer ${tokens.wang}`, 'accept-language': 'zh-CN' } });
    expect(zh.json()).toMatchObject({ status: 400, message: '请在 "csv" 或 "tbx" 字段中发送 CSV 或 TBX 术语表的文本。' });
    expect(await server.value('SELECT COUNT(*) FROM glossary_terms')).toBe(before);
  });
});
