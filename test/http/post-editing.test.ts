import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestServer } from '../support/test-server.ts';
import { pairWith, startSeededServer } from '../support/seed.ts';

let server: TestServer;
let docs: { demo: number; other: number };
let api: Awaited<ReturnType<typeof startSeededServer>>['api'];

beforeAll(async () => {
  ({ server, docs, api } = await startSeededServer([['admin', 'admin'], ['lin', 'translator'], ['wang', 'reviewer']]));
});
afterAll(() => server.close());

const stored = async (id: number) => (await server.rows('SELECT tgt_text, state, version, last_editor_id FROM pairs WHERE id = ?', [id]))[0] as
  { tgt_text: string; state: number; version: number; last_editor_id: number | null };
const revisionCount = async (id: number) => (await server.value('SELECT count(*) FROM revisions WHERE pair_id = ?', [id]));

describe('PUT /api/pairs/:id', () => {
  it('when a translator fixes "justice and justice" with the current version then it is saved as translated', async () => {
    const pair = await pairWith(server.store, docs.demo, 'justice and justice');
    const fixed = pair.tgt.replace('international justice and justice', 'international fairness and justice');
    const res = await api('lin', 'PUT', `/api/pairs/${pair.id}`, { tgt: fixed, version: pair.version, seconds: 42 });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ version: pair.version + 1, state: 20 });
    expect(await stored(pair.id)).toMatchObject({ tgt_text: fixed, state: 20, version: pair.version + 1 });
    const mt = await server.value('SELECT mt_text FROM pairs WHERE id = ?', [pair.id]);
    expect(mt).toContain('justice and justice'); // the machine translation as imported is kept
  });

  it('when the version is stale then 409 with the current text, and nothing changes', async () => {
    const pair = await pairWith(server.store, docs.demo, 'level and level');
    await api('lin', 'PUT', `/api/pairs/${pair.id}`, { tgt: 'first edit.', version: pair.version });
    const before = await stored(pair.id);
    const res = await api('wang', 'PUT', `/api/pairs/${pair.id}`, { tgt: 'second edit from a stale page.', version: pair.version });
    expect(res.status).toBe(409);
    expect(res.json()).toMatchObject({ current: { text: 'first edit.', version: pair.version + 1 } });
    expect(await stored(pair.id)).toEqual(before);
    expect(await revisionCount(pair.id)).toBe(1);
  });

  it.each([
    [{ tgt: 'x' }, 400, /which version/],
    [{ tgt: 5, version: 1 }, 400, /"tgt" must be a string/],
    [{ tgt: 'a\u0001b', version: 1 }, 400, /control characters/],
  ])('when the body is %j then %i with a sentence', async (body, status, message) => {
    const pair = await pairWith(server.store, docs.demo, 'Moon Jae-in is in China');
    const res = await api('lin', 'PUT', `/api/pairs/${pair.id}`, body);
    expect(res.status).toBe(status);
    expect(res.json().error).toMatch(message);
  });

  it('when the English holds a character XML cannot carry (U+FFFE, a lone surrogate) then 400, and the document still exports as TMX', async () => {
    // Saved, either made every TMX and XLIFF export of the document a 400 until someone found and removed it; SQLite
    // stored the lone surrogate as bytes that read back as three U+FFFD.
    const pair = await pairWith(server.store, docs.other, 'Korean Peninsula');
    for (const tgt of ['The two sides\uFFFE exchanged views.', 'The two sides\uD800 exchanged views.']) {
      const res = await api('lin', 'PUT', `/api/pairs/${pair.id}`, { tgt, version: pair.version });
      expect(res.status).toBe(400);
      expect(res.json().error).toMatch(/control characters/);
    }
    expect(await stored(pair.id)).toMatchObject({ tgt_text: pair.tgt, version: pair.version });
    expect((await api('lin', 'GET', `/api/documents/${docs.other}/export?format=tmx&state=all`)).status).toBe(200);
  });

  it('when the pair is page noise then 400 and nothing is stored', async () => {
    const noise = await pairWith(server.store, docs.demo, 'Sponsor Advertisement');
    const res = await api('lin', 'PUT', `/api/pairs/${noise.id}`, { tgt: 'x', version: noise.version });
    expect(res.status).toBe(400);
    expect(await revisionCount(noise.id)).toBe(0);
  });

  it('when Chinese text outside the BMP and quotes are saved then they come back byte for byte', async () => {
    const pair = await pairWith(server.store, docs.other, 'Ding Xuexiang');
    const text = 'Ding Xuexiang “丁薛祥” 𠀀𪚥 attended 「the meeting」.';
    const res = await api('lin', 'PUT', `/api/pairs/${pair.id}`, { tgt: text, version: pair.version });
    expect(res.status).toBe(200);
    const pairs = (await api('lin', 'GET', `/api/documents/${docs.other}/pairs`)).json() as { id: number; tgt: string }[];
    expect(pairs.find((p) => p.id === pair.id)!.tgt).toBe(text);
  });
});

describe('the editing time a row shows', () => {
  it('when less than a second was spent then the row shows none, and longer times read in seconds or minutes in either language', async () => {
    const pair = await pairWith(server.store, docs.demo, 'Moon Jae-in congratulated');
    const row = async (lang: string) => {
      const c = new Client(server.url);
      await c.login('lin', undefined, { 'accept-language': lang });
      const html = (await c.get(`/documents/${docs.demo}/pairs/${pair.id}/row`, { 'accept-language': lang })).text;
      expect(html).not.toMatch(/>0 s editing<|>编辑 0 秒</);
      return /data-testid="editing-time"[^>]*>([^<]*)</.exec(html)?.[1] ?? null;
    };
    let version = pair.version;
    // Each save adds its time to the row's: 0.4 s, then 1.2 s more, then 753 s more.
    const save = async (seconds: number) => {
      const res = await api('lin', 'PUT', `/api/pairs/${pair.id}`, { tgt: `${pair.tgt} (${seconds})`, version, seconds });
      expect(res.status).toBe(200);
      version = res.json().version;
    };
    await save(0.4);
    expect(await row('en')).toBeNull();
    expect(await row('zh-CN')).toBeNull();
    await save(1.2);
    expect(await row('en')).toBe('2 s editing');
    expect(await row('zh-CN')).toBe('编辑 2 秒');
    await save(753);
    expect(await row('en')).toBe('12 min 35 s editing');
    expect(await row('zh-CN')).toBe('编辑 12 分 35 秒');
    // The document's effort line says its total the same way, never "0.0 min" or "12.6 min".
    const effort = async (lang: string) => {
      const c = new Client(server.url);
      await c.login('lin', undefined, { 'accept-language': lang });
      return /data-testid="effort"[^>]*>([^<]*)/.exec((await c.get(`/documents/${docs.demo}`, { 'accept-language': lang })).text)![1]!;
    };
    expect(await effort('en')).toMatch(/word edits, \d+ min( \d+ s)? in the editor$/);
    expect(await effort('zh-CN')).toMatch(/处词级改动，编辑用时 \d+ 分( \d+ 秒)?$/);
  });
});

describe('POST /api/pairs/:id/review', () => {
  it('when a translator tries to approve then 403 and the state stays', async () => {
    const pair = await pairWith(server.store, docs.demo, 'Korean Peninsula');
    const res = await api('lin', 'POST', `/api/pairs/${pair.id}/review`, { decision: 'approve', version: pair.version });
    expect(res.status).toBe(403);
    expect((await stored(pair.id)).state).toBe(pair.state);
  });

  it('when a reviewer approves the version they saw then it is approved', async () => {
    const pair = await pairWith(server.store, docs.demo, 'Korean Peninsula');
    const res = await api('wang', 'POST', `/api/pairs/${pair.id}/review`, { decision: 'approve', version: pair.version });
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ version: pair.version + 1, state: 30, resolved: [] });
  });

  it('when the text changed after the reviewer loaded it then the approval is refused with 409', async () => {
    const pair = await pairWith(server.store, docs.demo, 'Xinjiang-related issues');
    await api('lin', 'PUT', `/api/pairs/${pair.id}`, { tgt: 'Moon Jae-in said Hong Kong affairs are China’s internal affairs.', version: pair.version });
    const res = await api('wang', 'POST', `/api/pairs/${pair.id}/review`, { decision: 'approve', version: pair.version });
    expect(res.status).toBe(409);
    expect((await stored(pair.id)).state).toBe(20);
  });

  it('when a reviewer rejects without a comment then 400; with one the pair is rejected and the comment kept', async () => {
    const pair = await pairWith(server.store, docs.demo, 'And share the results');
    const bare = await api('wang', 'POST', `/api/pairs/${pair.id}/review`, { decision: 'reject', version: pair.version });
    expect(bare.status).toBe(400);
    const res = await api('wang', 'POST', `/api/pairs/${pair.id}/review`, { decision: 'reject', version: pair.version, comment: '“And share…” 是残句，请合并。' });
    expect(res.status).toBe(200);
    expect(res.json().state).toBe(25);
    const history = (await api('lin', 'GET', `/api/pairs/${pair.id}/history`)).json();
    expect(history[0]).toMatchObject({ action: 'reject', author: 'wang', comment: '“And share…” 是残句，请合并。' });
  });

  it('when the decision is neither approve nor reject then 400', async () => {
    const pair = await pairWith(server.store, docs.demo, 'Moon Jae-in is in China');
    const res = await api('wang', 'POST', `/api/pairs/${pair.id}/review`, { decision: 'maybe', version: pair.version });
    expect(res.status).toBe(400);
  });
});

describe('GET /api/pairs/:id/history', () => {
  it('when a pair was edited twice then the revisions come newest first with author, texts and diff', async () => {
    const pair = await pairWith(server.store, docs.demo, 'Over the past two years');
    await api('lin', 'PUT', `/api/pairs/${pair.id}`, { tgt: `${pair.tgt} Edit one.`, version: pair.version });
    await api('wang', 'PUT', `/api/pairs/${pair.id}`, { tgt: 'Edit two.', version: pair.version + 1 });
    const res = await api('lin', 'GET', `/api/pairs/${pair.id}/history`);
    expect(res.status).toBe(200);
    const revs = res.json();
    expect(revs.map((r: { version: number; author: string }) => [r.version, r.author])).toEqual([[pair.version + 2, 'wang'], [pair.version + 1, 'lin']]);
    expect(revs[1]).toMatchObject({ oldText: pair.tgt, newText: `${pair.tgt} Edit one.` });
    expect(revs[1].diff).toContainEqual({ op: 'insert', text: ' Edit one.' });
    // history replays to the stored text
    expect(revs[0].newText).toBe((await stored(pair.id)).tgt_text);
  });

  it('when a revision only breaks a line then the history page marks the break inside <ins>, the text escaped', async () => {
    const pair = await pairWith(server.store, docs.demo, 'historical significance');
    const text = (await stored(pair.id)).tgt_text;
    const broken = `${text} <b>Second</b> line.`.replace(' <b>', '\n<b>');
    expect((await api('lin', 'PUT', `/api/pairs/${pair.id}`, { tgt: `${text} <b>Second</b> line.`, version: (await stored(pair.id)).version })).status).toBe(200);
    expect((await api('lin', 'PUT', `/api/pairs/${pair.id}`, { tgt: broken, version: (await stored(pair.id)).version })).status).toBe(200);
    const c = new Client(server.url);
    await c.login('lin');
    const page = await c.get(`/documents/${docs.demo}/pairs/${pair.id}/history`);
    expect(page.status).toBe(200);
    const newest = page.text.split('<li>')[1]!;
    expect(newest).toContain('<span class="diff">');
    expect(newest).toMatch(/<ins><span class="break-mark">↵<\/span>\n<\/ins>&lt;b&gt;Second/);
  });
});

describe('the route × role table', () => {
  const routes = [
    { name: 'save', method: 'PUT', path: (id: number) => `/api/pairs/${id}`, body: (v: number) => ({ tgt: 'A revised sentence.', version: v }) },
    { name: 'confirm', method: 'POST', path: (id: number) => `/api/pairs/${id}/confirm`, body: (v: number) => ({ version: v }) },
    { name: 'approve', method: 'POST', path: (id: number) => `/api/pairs/${id}/review`, body: (v: number) => ({ decision: 'approve', version: v }) },
    { name: 'reject', method: 'POST', path: (id: number) => `/api/pairs/${id}/review`, body: (v: number) => ({ decision: 'reject', comment: 'no', version: v }) },
    { name: 'history', method: 'GET', path: (id: number) => `/api/pairs/${id}/history`, body: () => undefined },
  ];
  const expected: Record<string, Record<string, number>> = {
    anonymous: { save: 401, confirm: 401, approve: 401, reject: 401, history: 401 },
    translator: { save: 200, confirm: 200, approve: 403, reject: 403, history: 200 },
    reviewer: { save: 200, confirm: 200, approve: 200, reject: 200, history: 200 },
    admin: { save: 200, confirm: 200, approve: 200, reject: 200, history: 200 },
  };
  const who: Record<string, string | null> = { anonymous: null, translator: 'lin', reviewer: 'wang', admin: 'admin' };

  for (const [role, answers] of Object.entries(expected)) {
    for (const route of routes) {
      it(`when a ${role} calls ${route.name} then ${answers[route.name]}`, async () => {
        const pair = await pairWith(server.store, docs.other, '朝鲜半岛局势');
        const current = await stored(pair.id);
        const res = await api(who[role]!, route.method, route.path(pair.id), route.body(current.version));
        expect(res.status).toBe(answers[route.name]);
        if (res.status !== 200 && route.method !== 'GET') expect(await stored(pair.id)).toEqual(current);
      });
    }
  }

  it('when a pair id belongs to another document then the HTML routes answer 404', async () => {
    const c = new Client(server.url);
    await c.login('wang');
    const pair = await pairWith(server.store, docs.other, '朝鲜半岛局势');
    for (const path of [`/documents/${docs.demo}/pairs/${pair.id}/edit`, `/documents/${docs.demo}/pairs/${pair.id}/history`]) {
      expect((await c.get(path)).status).toBe(404);
    }
    await c.get(`/documents/${docs.other}`);
    const res = await c.request('POST', `/documents/${docs.demo}/pairs/${pair.id}/approve`, { form: { version: String((await stored(pair.id)).version), _csrf: c.csrf } });
    expect(res.status).toBe(404);
  });

  it('when an unknown or malformed pair id is used then 404', async () => {
    for (const id of ['999999', 'abc', '-1']) expect((await api('admin', 'GET', `/api/pairs/${id}/history`)).status).toBe(404);
  });
});
