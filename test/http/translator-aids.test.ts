import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { glossary } from '../../server/services/glossary.ts';
import { machineTranslation } from '../../server/services/machine-translation.ts';
import { libreTranslateEngine } from '../../server/mt/libretranslate-engine.ts';
import { translationMemory } from '../../server/services/translation-memory.ts';
import { Client, type TestServer } from '../support/test-server.ts';
import { pairWith, startSeededServer } from '../support/seed.ts';
import { createRequire } from 'node:module';
import { upload } from '../transfer/transfer-support.ts';
import { parseGlossaryTbx } from '../../server/formats/glossary-tbx.ts';
import { MULTITERM } from '../formats/termbases.ts';

// Node can decode GB18030 but not encode it; express's own iconv-lite makes the fixture bytes.
const iconv = createRequire(import.meta.url)('iconv-lite') as { encode(text: string, encoding: string): Buffer };

let server: TestServer;
let docs: { demo: number; other: number };
let api: Awaited<ReturnType<typeof startSeededServer>>['api'];
let tokens: Record<string, string>;
const tokenOf = async (name: string) => tokens[name]!;

beforeAll(async () => {
  ({ server, docs, api, tokens } = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer']]));
  await glossary(server.store).seedDemo();
});
afterAll(() => server.close());

describe('the glossary', () => {
  it('when the demo glossary is seeded then 习近平 → Xi Jinping is in it', async () => {
    const list = (await api('lin', 'GET', '/api/glossary')).json() as { zh: string; en: string }[];
    expect(list).toContainEqual(expect.objectContaining({ zh: '习近平', en: 'Xi Jinping' }));
    expect(list).toContainEqual(expect.objectContaining({ zh: '一带一路', en: 'Belt and Road Initiative' }));
  });

  it('when a term is added in the browser then the table fragment shows it', async () => {
    const c = new Client(server.url);
    await c.login('lin');
    await c.get('/glossary');
    const res = await c.request('POST', '/glossary', { form: { zh: '青年', en: 'youth', note: '' }, headers: { 'X-CSRF-Token': c.csrf, 'HX-Request': 'true' } });
    expect(res.status).toBe(200);
    expect(res.text).toContain('青年');
    expect(await server.value("SELECT en FROM glossary_terms WHERE zh = '青年'")).toBe('youth');
  });

  it('when a translator deletes an entry someone else added then it is refused with a sentence and kept; their own and a reviewer\'s deletes go through', async () => {
    const lin = new Client(server.url);
    await lin.login('lin');
    await lin.get('/glossary');
    const hx = () => ({ 'X-CSRF-Token': lin.csrf, 'HX-Request': 'true' });
    await lin.request('POST', '/glossary', { form: { zh: '峰会', en: 'summit' }, headers: hx() });
    expect((await api('wang', 'POST', '/api/glossary', { zh: '会晤', en: 'meeting' })).status).toBe(201);
    const idOf = async (zh: string) => await server.value('SELECT id FROM glossary_terms WHERE zh = ?', [zh]) as number;
    // The page offers the button only where it would work: lin's entry, not wang's nor the demo's.
    const page = (await lin.get('/glossary')).text;
    expect(page).toContain(`/glossary/${await idOf('峰会')}/delete`);
    expect(page).not.toContain(`/glossary/${await idOf('会晤')}/delete`);
    expect(page).not.toContain(`/glossary/${await idOf('习近平')}/delete`);
    const refused = await lin.request('POST', `/glossary/${await idOf('会晤')}/delete`, { headers: hx() });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Only a reviewer or an admin may change or delete a glossary entry someone else added.');
    expect((await api('lin', 'DELETE', `/api/glossary/${await idOf('习近平')}`)).status).toBe(403);
    expect(await server.value("SELECT count(*) FROM glossary_terms WHERE zh IN ('会晤', '习近平')")).toBe(2);
    expect((await lin.request('POST', `/glossary/${await idOf('峰会')}/delete`, { headers: hx() })).status).toBe(200);
    expect((await api('wang', 'DELETE', `/api/glossary/${await idOf('会晤')}`)).status).toBe(204);
    expect(await server.value("SELECT count(*) FROM glossary_terms WHERE zh IN ('峰会', '会晤')")).toBe(0);
    // The same refusal in the reader's language.
    const zh = new Client(server.url);
    await zh.login('lin');
    zh.cookies.set('duiqi_lang', 'zh-CN');
    await zh.get('/glossary');
    const inChinese = await zh.request('POST', `/glossary/${await idOf('习近平')}/delete`, { headers: { 'X-CSRF-Token': zh.csrf, 'HX-Request': 'true' } });
    expect(inChinese.text).toContain('别人添加的术语条目只有审校或管理员可以修改或删除。');
  });

  it('when a translator adds terms already in the glossary then a note of someone else\'s stays unless a reviewer changes it; an add without a note keeps any note', async () => {
    const noteOf = async (zh: string) => await server.value('SELECT note FROM glossary_terms WHERE zh = ?', [zh]);
    const demoNote = 'President of the People\'s Republic of China';
    // The same terms without a note: nothing to refuse, and the demo's note stays.
    expect((await api('lin', 'POST', '/api/glossary', { zh: '习近平', en: 'Xi Jinping' })).status).toBe(201);
    expect(await noteOf('习近平')).toBe(demoNote);
    // Another note on an entry lin did not add: refused with a sentence naming it, in the page and the API.
    const lin = new Client(server.url);
    await lin.login('lin');
    await lin.get('/glossary');
    const refused = await lin.request('POST', '/glossary', { form: { zh: '习近平', en: 'Xi Jinping', note: 'the chairman' }, headers: { 'X-CSRF-Token': lin.csrf, 'HX-Request': 'true' } });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('Only a reviewer or an admin may change the note of 习近平 → Xi Jinping, which someone else added.');
    expect((await api('lin', 'POST', '/api/glossary/import', { csv: 'zh,en,note\n青年人,young people,\n习近平,Xi Jinping,the chairman\n' })).status).toBe(403);
    expect(await server.value("SELECT count(*) FROM glossary_terms WHERE zh = '青年人'")).toBe(0);
    expect(await noteOf('习近平')).toBe(demoNote);
    // Their own entry's note, and a reviewer any note.
    expect((await api('lin', 'POST', '/api/glossary', { zh: '双边', en: 'bilateral', note: 'adjective' })).status).toBe(201);
    expect((await api('lin', 'POST', '/api/glossary', { zh: '双边', en: 'bilateral', note: 'adjective, not a noun' })).status).toBe(201);
    expect(await noteOf('双边')).toBe('adjective, not a noun');
    expect((await api('wang', 'POST', '/api/glossary', { zh: '习近平', en: 'Xi Jinping', note: 'President of the PRC' })).status).toBe(201);
    expect(await noteOf('习近平')).toBe('President of the PRC');
  });

  it('when a term is refused then the add form comes back holding what was typed', async () => {
    const c = new Client(server.url);
    await c.login('lin');
    await c.get('/glossary');
    const res = await c.request('POST', '/glossary', { form: { zh: '合作共赢', en: 'win-win\u0007cooperation', note: '见“一带一路”' }, headers: { 'X-CSRF-Token': c.csrf, 'HX-Request': 'true' } });
    expect(res.status).toBe(400);
    expect(res.text).toContain('A glossary term may not contain control characters.');
    expect(res.text).toMatch(/name="zh"[^>]*value="合作共赢"/);
    expect(res.text).toMatch(/name="en"[^>]*value="win-win.cooperation"/);
    expect(res.text).toContain('value="见“一带一路”"');
    expect(await server.value("SELECT count(*) FROM glossary_terms WHERE zh = '合作共赢'")).toBe(0);
  });

  it.each([
    ['half a surrogate pair in a term', { zh: '金句\ud83d', en: 'golden line' }],
    ['U+FFFE in a term', { zh: '金句', en: 'golden\ufffeline' }],
    ['a control character in the note', { zh: '金句', en: 'golden line', note: 'quote\u0000d' }],
    ['half a surrogate pair in the note', { zh: '金句', en: 'golden line', note: '见\udc00' }],
    ['a note longer than the form allows', { zh: '金句', en: 'golden line', note: '注'.repeat(2001) }],
  ])('when an entry has %s then 400 with a sentence and nothing is stored', async (_what, entry) => {
    const res = await api('lin', 'POST', '/api/glossary', entry);
    expect(res.status).toBe(400);
    expect(res.json().error).toMatch(/control characters|The note of 金句 → golden line has more than 2000 characters/);
    expect(await server.value("SELECT count(*) FROM glossary_terms WHERE zh LIKE '金句%'")).toBe(0);
  });

  it('when a MultiTerm TBX file is uploaded then its Chinese-English concepts join the glossary, and the answer says in the reader\'s language what was skipped', async () => {
    // Without its definition: 习近平 is the demo's entry, whose note is not a translator's to change (below).
    const termbase = MULTITERM.replace(/<descrip type="definition">.*<\/descrip>/, '');
    const res = await upload(server, '/api/glossary/import-file', { source: { name: 'termbase.tbx', content: termbase } }, { token: await tokenOf('lin'), headers: { 'accept-language': 'zh-CN' } });
    expect(res.status, res.text).toBe(201);
    expect(res.json()).toEqual({ imported: 5, skipped: 1, message: '已导入 5 条。1 个概念缺少中文或英文术语，已跳过。' });
    const entries = (await api('lin', 'GET', '/api/glossary')).json() as { zh: string; en: string; note: string | null }[];
    expect(entries).toContainEqual(expect.objectContaining({ zh: '合作共赢', en: 'mutual benefit', note: 'Use either; “mutual benefit” in titles.' }));
  });

  it('when a glossary CSV saved as GB18030 is uploaded then its Chinese terms arrive intact', async () => {
    const csv = iconv.encode('zh,en,note\n中日韩合作,China-Japan-ROK cooperation,三方\n', 'gb18030');
    const res = await upload(server, '/api/glossary/import-file', { source: { name: '术语.csv', content: csv } }, { token: await tokenOf('lin') });
    expect(res.status, res.text).toBe(201);
    expect(res.json()).toEqual({ imported: 1 });
    expect(await server.value("SELECT note FROM glossary_terms WHERE zh = '中日韩合作'")).toBe('三方');
  });

  it('when the glossary is downloaded as TBX then it reads back as every entry with its note', async () => {
    const res = await fetch(`${server.url}/glossary.tbx`, { headers: { authorization: `Bearer ${await tokenOf('wang')}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('glossary.tbx');
    expect(res.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    const listed = (await api('wang', 'GET', '/api/glossary')).json() as { zh: string; en: string; note: string | null }[];
    expect(parseGlossaryTbx(await res.text()).entries).toEqual(listed.map(({ zh, en, note }) => ({ zh, en, ...(note ? { note } : {}) })));
  });

  it('when an uploaded TBX is refused then nothing of it is added: no file, or someone else\'s note changed', async () => {
    const before = await server.value('SELECT count(*) FROM glossary_terms');
    const none = await upload(server, '/api/glossary/import-file', {}, { token: await tokenOf('lin') });
    expect(none.status).toBe(400);
    expect(none.json().error).toBe('Choose a CSV or TBX file to import into the glossary.');
    // 习近平 → Xi Jinping is the demo's entry; a translator's file may not give it another note.
    const changed = MULTITERM.replace('中国国家主席 &amp; 总书记', 'another note').replace('<termEntry id="c3">', '<termEntry id="c9"><langSet xml:lang="zh"><tig><term>新词</term></tig></langSet><langSet xml:lang="en"><tig><term>new term</term></tig></langSet></termEntry>\n<termEntry id="c3">');
    const refused = await upload(server, '/api/glossary/import-file', { source: { name: 'mine.tbx', content: changed } }, { token: await tokenOf('lin') });
    expect(refused.status).toBe(403);
    expect(await server.value("SELECT count(*) FROM glossary_terms WHERE zh = '新词'")).toBe(0);
    expect(await server.value('SELECT count(*) FROM glossary_terms')).toBe(before);
  });

  it('when a CSV with a bad line is imported then 400 names the line and nothing is added', async () => {
    const c = new Client(server.url);
    await c.login('lin');
    await c.get('/glossary');
    const before = await server.value('SELECT count(*) FROM glossary_terms');
    const csv = 'zh,en\n地方,local\n"教育,体育",education and sports\n媒体\n';
    const res = await c.request('POST', '/glossary/import', { form: { csv }, headers: { 'X-CSRF-Token': c.csrf, 'HX-Request': 'true' } });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Line 4');
    expect(await server.value('SELECT count(*) FROM glossary_terms')).toBe(before);
    const ok = await c.request('POST', '/glossary/import', { form: { csv: 'zh,en\n地方,local\n"教育,体育",education and sports\n' }, headers: { 'X-CSRF-Token': c.csrf, 'HX-Request': 'true' } });
    expect(ok.status).toBe(200);
    expect(await server.value("SELECT en FROM glossary_terms WHERE zh = '教育,体育'")).toBe('education and sports');
  });

  it('when a pair lacks the agreed English of a glossary term then the QA flag shows on its row', async () => {
    const c = new Client(server.url);
    await c.login('lin');
    const page = await c.get(`/documents/${docs.demo}?qa=glossary`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-qa="glossary"');
    // 公平正义 is agreed as "fairness and justice"; the MT wrote "justice and justice".
    expect(page.text).toContain('justice and justice');
    // The reason quotes both terms, each marked with its language.
    expect(page.text).toContain('<span lang="zh-CN">公平正义</span> → <span lang="en">fairness and justice</span>');
    const rows = (html: string) => html.match(/data-testid="pair-row"/g)?.length ?? 0;
    const all = await c.get(`/documents/${docs.demo}`);
    expect(rows(page.text)).toBeGreaterThan(0);
    expect(rows(page.text)).toBeLessThan(rows(all.text));
  });
});

describe('the glossary a server keeps', () => {
  it('when a term is added or removed after pages were read then the next page and editor show the change at once', async () => {
    const c = new Client(server.url);
    await c.login('lin');
    const flagged = async () => (await c.get(`/documents/${docs.demo}?qa=glossary`)).text.includes('<span lang="en">cooperation-agreed</span>');
    const pair = await pairWith(server.store, docs.demo, '合作');
    const editor = async () => (await c.get(`/documents/${docs.demo}/pairs/${pair.id}/edit`)).text.includes('cooperation-agreed');
    expect([await flagged(), await editor()]).toEqual([false, false]);
    expect((await api('lin', 'POST', '/api/glossary', { zh: '合作', en: 'cooperation-agreed' })).status).toBe(201);
    expect([await flagged(), await editor()]).toEqual([true, true]);
    const added = ((await api('lin', 'GET', '/api/glossary')).json() as { id: number; en: string }[]).find((t) => t.en === 'cooperation-agreed')!;
    expect((await api('lin', 'DELETE', `/api/glossary/${added.id}`)).status).toBe(204);
    expect([await flagged(), await editor()]).toEqual([false, false]);
  });
});

describe('machine translation of untranslated rows', () => {
  it('when the offline engine runs then the two Chinese headlines get a rough English draft marked as such', async () => {
    const res = await api('lin', 'POST', `/api/documents/${docs.demo}/machine-translate`);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ translated: 2, engine: 'gloss' });
    const head = await pairWith(server.store, docs.demo, '金灿荣教授 精华精选');
    expect(head.state).toBe(10);
    expect(head.tgt).toMatch(/Jin Canrong/);
    expect(head.mt).toBe(head.tgt);
    const history = (await api('lin', 'GET', `/api/pairs/${head.id}/history`)).json();
    expect(history[0]).toMatchObject({ action: 'mt', author: 'lin' });
    expect(history[0].comment).toMatch(/gloss|word/i);
    const again = await api('lin', 'POST', `/api/documents/${docs.demo}/machine-translate`);
    expect(again.json().translated).toBe(0);
  });

  it('when the page\'s form runs it through htmx then the answer says how many rows were drafted, in the user\'s language', async () => {
    const c = new Client(server.url);
    await c.login('lin');
    await c.get(`/documents/${docs.other}`);
    c.cookies.set('duiqi_lang', 'zh-CN');
    const res = await c.request('POST', `/documents/${docs.other}/machine-translate`, { form: { _csrf: c.csrf }, headers: { 'HX-Request': 'true' } });
    expect(res.status).toBe(200);
    // The answer is the job's fragment, which polls itself until the job has ended, then says what it did.
    const job = /data-job="(\d+)"/.exec(res.text)![1];
    let done = res;
    while (!done.text.includes('data-state="done"')) {
      expect(done.text).toMatch(/data-state="(queued|running)"[^>]*hx-get="\/jobs\/\d+" hx-trigger="every /);
      await new Promise((r) => setTimeout(r, 50));
      done = await c.request('GET', `/jobs/${job}`, { headers: { 'HX-Request': 'true' } });
    }
    expect(done.headers.get('hx-trigger')).toBe('pair-changed, rows-drafted');
    expect(done.text).toContain('没有需要起草的行。');
    expect(done.text).not.toContain('hx-trigger');
    const plain = await c.request('POST', `/documents/${docs.other}/machine-translate`, { form: { _csrf: c.csrf } });
    expect(plain.status).toBe(303);
  });

  it('when DUIQI_MT_URL names a LibreTranslate server then its answers are used', async () => {
    const seen: unknown[] = [];
    const mtServer = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        const parsed = JSON.parse(body) as { q: string[]; source: string; target: string };
        seen.push({ url: req.url, ...parsed });
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ translatedText: parsed.q.map((q) => `EN(${q})`) }));
      });
    });
    await new Promise<void>((r) => mtServer.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(mtServer.address() as AddressInfo).port}`;
    try {
      const store = server.store;
      const docId = await (await import('../../server/services/import-document.ts')).importTextDocument(
        { store, align: (await import('../../server/services/workbench.ts')).defaultAligner() },
        { title: 'mt', createdBy: null, zh: { name: 'z', text: '第一句。第二句。' }, en: { name: 'e', text: 'The first sentence.' } },
      );
      const user = { id: 1, name: 'lin', role: 'translator' as const };
      // The translator clears a row's English: it is untranslated again and machine translation may fill it.
      const row = await pairWith(store, docId, '第二句');
      await (await import('../../server/services/post-editing.ts')).postEditing(store).act(user, row.id, { action: 'clear', version: row.version });
      const result = await machineTranslation(store, () => libreTranslateEngine(url)).translateMissing(user, docId);
      expect(result).toEqual({ translated: 1, engine: 'libretranslate' });
      expect(seen).toEqual([{ url: '/translate', q: [row.src], source: 'zh', target: 'en', format: 'text' }]);
      expect((await pairWith(store, docId, '第二句')).tgt).toBe(`EN(${row.src})`);
      // A real engine's draft is machine translation, not a gloss draft.
      expect((await pairWith(store, docId, '第二句')).mtKind).toBe('mt');
    } finally {
      mtServer.close();
    }
  });

  it('when the LibreTranslate server is down then a 502-class error says so and nothing is written', async () => {
    const engine = libreTranslateEngine('http://127.0.0.1:9', { timeoutMs: 2000 });
    await expect(engine.translate(['你好'], 'zh', 'en')).rejects.toThrow(/did not answer/);
  });
});

describe('the translation memory in the editor', () => {
  it('when an approved pair resembles the sentence being edited then the editor shows it with its similarity', async () => {
    const memory = translationMemory(server.store);
    await memory.load([{ src: '两国元首还就朝鲜半岛局势交换了看法。', tgt: 'The two heads of state also exchanged opinions on the Korean Peninsula.' }], 'test.tmx');
    const c = new Client(server.url);
    await c.login('lin');
    const pair = await pairWith(server.store, docs.demo, '两国元首还就朝鲜半岛局势交换了意见');
    const editor = await c.get(`/documents/${docs.demo}/pairs/${pair.id}/edit`);
    expect(editor.status).toBe(200);
    expect(editor.text).toContain('exchanged opinions on the Korean Peninsula');
    expect(editor.text).toMatch(/>\d{2}%</);
    expect(await server.store.read((tx) => memory.matches(tx, '完全不同的一句话，没有任何关系。'))).toEqual([]);
  });
});
