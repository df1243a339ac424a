// The review loop over HTTP: a rejection starts a thread with its error, others reply, someone resolves it;
// outsiders of a members-only document get the same 404 as for a missing pair.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/test-server.ts';
import { pairWith, startSeededServer } from '../support/seed.ts';
import { upload } from '../transfer/transfer-support.ts';

let seeded: Awaited<ReturnType<typeof startSeededServer>>;
let api: Awaited<ReturnType<typeof startSeededServer>>['api'];
let secret: { doc: number; pair: number; version: number };

beforeAll(async () => {
  seeded = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer'], ['mei', 'translator'], ['root', 'admin']]);
  api = seeded.api;
  const res = await upload(seeded.server, '/api/documents/import', {
    source: { name: '机密.txt', content: '董事会决定关闭苏州工厂。' }, translation: { name: 'secret.txt', content: 'The board decided to close the Suzhou plant.' },
  }, { token: seeded.tokens.wang, fields: { access: 'members' } });
  expect(res.status).toBe(201);
  const doc = res.json().id as number;
  const [pair] = (await api('wang', 'GET', `/api/documents/${doc}/pairs`)).json() as { id: number; version: number }[];
  secret = { doc, pair: pair!.id, version: pair!.version };
});
afterAll(() => seeded.server.close());

// Portable SQL, so that the checks of what was stored run on both databases.
const value = (sql: string, params?: unknown[]) => seeded.server.value(sql, params);
const row = async (sql: string, params?: unknown[]) => (await seeded.server.rows(sql, params))[0];
const htmx = (c: Client) => ({ 'X-CSRF-Token': c.csrf, 'HX-Request': 'true' });

async function signedIn(name: string): Promise<Client> {
  const c = new Client(seeded.server.url);
  await c.login(name);
  await c.get('/documents');
  return c;
}

describe('the comment thread API', () => {
  it('when a reviewer rejects with a comment, category and severity then a thread holds them, the translator replies and the reviewer resolves it', async () => {
    const pair = await pairWith(seeded.server.store, seeded.docs.demo, 'Moon Jae-in is in China');
    const rejected = await api('wang', 'POST', `/api/pairs/${pair.id}/review`, {
      decision: 'reject', version: pair.version, comment: '“state visit” is missing.', category: 'accuracy', severity: 'major',
    });
    expect(rejected.status).toBe(200);
    expect(rejected.json()).toEqual({ version: pair.version + 1, state: 25 });

    const listed = await api('lin', 'GET', `/api/pairs/${pair.id}/comments`);
    expect(listed.status).toBe(200);
    const [thread] = listed.json() as { id: number; category: string; severity: string; author: string; resolvedAt: string | null; comments: { author: string; body: string }[] }[];
    expect(thread).toMatchObject({ category: 'accuracy', severity: 'major', author: 'wang', resolvedAt: null, comments: [{ author: 'wang', body: '“state visit” is missing.' }] });
    const stored = await row('SELECT t.revision_id, r.action FROM comment_threads t JOIN revisions r ON r.id = t.revision_id WHERE t.id = ?', [thread!.id]);
    expect(stored).toEqual({ revision_id: expect.any(Number), action: 'reject' });

    const reply = await api('lin', 'POST', `/api/pairs/${pair.id}/comments/${thread!.id}/replies`, { body: 'Added “state visit”, please look again.' });
    expect(reply.status).toBe(201);
    expect(reply.json().comments.map((c: { author: string }) => c.author)).toEqual(['wang', 'lin']);

    const refused = await api('lin', 'POST', `/api/pairs/${pair.id}/comments/${thread!.id}/resolve`);
    expect(refused.status).toBe(403);
    expect(refused.json().error).toMatch(/Only a reviewer, an admin or whoever started a thread may resolve it/);

    const resolved = await api('wang', 'POST', `/api/pairs/${pair.id}/comments/${thread!.id}/resolve`);
    expect(resolved.status).toBe(200);
    expect(resolved.json()).toMatchObject({ resolvedBy: 'wang', resolvedAt: expect.any(String) });
    const late = await api('lin', 'POST', `/api/pairs/${pair.id}/comments/${thread!.id}/replies`, { body: 'One more thing.' });
    expect(late.status).toBe(400);
    expect(late.json().error).toMatch(/resolved/);
  });

  it('when a translator starts a thread then they may resolve their own thread', async () => {
    const pair = await pairWith(seeded.server.store, seeded.docs.other, 'Korean Peninsula');
    const started = await api('lin', 'POST', `/api/pairs/${pair.id}/comments`, { body: '朝鲜半岛: “Korean Peninsula” per the glossary?' });
    expect(started.status).toBe(201);
    expect(started.json()).toMatchObject({ author: 'lin', category: null, severity: null });
    const resolved = await api('lin', 'POST', `/api/pairs/${pair.id}/comments/${started.json().id}/resolve`);
    expect(resolved.status).toBe(200);
  });

  it.each([
    ['an empty body', { body: '   ' }, 400, /cannot be empty/],
    ['a body that is not a string', { body: 5 }, 400, /cannot be empty/],
    ['a control character', { body: 'a\u0001b' }, 400, /control characters/],
    // JSON can carry half a surrogate pair; stored, it would come back as U+FFFD and break the XLIFF notes.
    ['half a surrogate pair', { body: '“金句”\ud83d' }, 400, /control characters/],
    ['U+FFFE', { body: 'a\ufffeb' }, 400, /control characters/],
    ['too long a body', { body: 'x'.repeat(2001) }, 400, /at most 2000/],
  ])('when a comment has %s then 400 with a sentence and nothing is stored', async (_what, body, status, message) => {
    const pair = await pairWith(seeded.server.store, seeded.docs.other, 'Ding Xuexiang');
    const before = await value('SELECT count(*) FROM thread_comments');
    const res = await api('lin', 'POST', `/api/pairs/${pair.id}/comments`, body);
    expect(res.status).toBe(status);
    expect(res.json().error).toMatch(message);
    expect(await value('SELECT count(*) FROM thread_comments')).toBe(before);
  });

  it('when a rejection names an unknown category or a category without severity then 400 and the pair is unchanged', async () => {
    const pair = await pairWith(seeded.server.store, seeded.docs.demo, 'Korean Peninsula');
    for (const error of [{ category: 'grammar', severity: 'minor' }, { category: 'style' }]) {
      const res = await api('wang', 'POST', `/api/pairs/${pair.id}/review`, { decision: 'reject', version: pair.version, comment: 'Style.', ...error });
      expect(res.status).toBe(400);
      expect(res.json().error).toMatch(/must be one of/);
    }
    expect(await row('SELECT state, version FROM pairs WHERE id = ?', [pair.id])).toEqual({ state: pair.state, version: pair.version });
  });

  it('when two reviewers reject the same version at once then one rejection and its thread are stored, the other is a 409 that starts no thread', async () => {
    const pair = await pairWith(seeded.server.store, seeded.docs.demo, 'justice and justice');
    const threads = () => value('SELECT count(*) FROM comment_threads WHERE pair_id = ?', [pair.id]);
    const [a, b] = await Promise.all(['Twice “justice”.', 'Repeated word.'].map((comment) =>
      api('wang', 'POST', `/api/pairs/${pair.id}/review`, { decision: 'reject', version: pair.version, comment, category: 'fluency', severity: 'minor' })));
    expect([a!.status, b!.status].sort()).toEqual([200, 409]);
    expect(await row('SELECT state, version FROM pairs WHERE id = ?', [pair.id])).toEqual({ state: 25, version: pair.version + 1 });
    expect(await threads()).toBe(1);
    const stale = await api('wang', 'POST', `/api/pairs/${pair.id}/review`, { decision: 'reject', version: pair.version, comment: 'Late.', category: 'style', severity: 'minor' });
    expect(stale.status).toBe(409);
    expect(await threads()).toBe(1);
  });

  it('when a thread is named under another pair or by a word then 404', async () => {
    const a = await pairWith(seeded.server.store, seeded.docs.other, 'Ding Xuexiang');
    const b = await pairWith(seeded.server.store, seeded.docs.other, 'Korean Peninsula');
    const { id } = (await api('lin', 'POST', `/api/pairs/${a.id}/comments`, { body: 'Check the name.' })).json() as { id: number };
    expect((await api('lin', 'POST', `/api/pairs/${b.id}/comments/${id}/replies`, { body: 'x' })).status).toBe(404);
    const word = await api('lin', 'POST', `/api/pairs/${a.id}/comments/first/resolve`);
    expect(word.status).toBe(404);
    expect(word.json().error).toMatch(/no comment thread "first"/);
  });

  it('when someone who may not open the document asks for its threads then 404, as for a missing pair, and nothing is stored', async () => {
    const started = await api('wang', 'POST', `/api/pairs/${secret.pair}/comments`, { body: 'Confidential: check the date.' });
    expect(started.status).toBe(201);
    const thread = started.json().id as number;
    const before = await value('SELECT count(*) FROM thread_comments');
    for (const [method, url, body] of [
      ['GET', `/api/pairs/${secret.pair}/comments`, undefined],
      ['POST', `/api/pairs/${secret.pair}/comments`, { body: 'hello' }],
      ['POST', `/api/pairs/${secret.pair}/comments/${thread}/replies`, { body: 'hello' }],
      ['POST', `/api/pairs/${secret.pair}/comments/${thread}/resolve`, undefined],
    ] as const) {
      const res = await api('mei', method, url, body);
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('Confidential');
    }
    const page = await (await signedIn('mei')).get(`/documents/${secret.doc}/pairs/${secret.pair}/comments`);
    expect(page.status).toBe(404);
    expect(page.text).not.toContain('Confidential');
    expect(await value('SELECT count(*) FROM thread_comments')).toBe(before);
    // An admin may open every document, so every thread.
    expect((await api('root', 'GET', `/api/pairs/${secret.pair}/comments`)).json()).toHaveLength(1);
  });
});

describe('the review loop in the editor', () => {
  it('when the translator fixes a rejected pair then the reviewer\'s editor shows the changes since the rejection, until an approval settles it', async () => {
    const pair = await pairWith(seeded.server.store, seeded.docs.other, 'Ding Xuexiang');
    const edit = (c: Client) => c.get(`/documents/${seeded.docs.other}/pairs/${pair.id}/edit`);
    const rejected = await api('wang', 'POST', `/api/pairs/${pair.id}/review`, { decision: 'reject', version: pair.version, comment: 'Say where: “attended the meeting”.', category: 'accuracy', severity: 'minor' });
    expect(rejected.status, rejected.text).toBe(200);
    const wang = await signedIn('wang');
    // Nothing changed since the rejection: nothing to show.
    expect((await edit(wang)).text).not.toContain('data-testid="since-rejection"');
    const fixed = pair.tgt.replace('attended', 'attended the meeting');
    const saved = await api('lin', 'PUT', `/api/pairs/${pair.id}`, { tgt: fixed, version: rejected.json().version });
    expect(saved.status).toBe(200);
    const since = /<div class="pane diff-pane since-rejection" data-testid="since-rejection">([\s\S]*?)<\/div>/.exec((await edit(wang)).text)?.[1];
    expect(since).toMatch(/Changes since <[^>]*>wang<\/[^>]*> rejected it \(/);
    expect(since).toMatch(/attended<ins> the meeting<\/ins>/);
    const zh = await signedIn('wang');
    zh.cookies.set('duiqi_lang', 'zh-CN');
    expect((await edit(zh)).text).toMatch(/退回后的改动/);
    expect((await api('wang', 'POST', `/api/pairs/${pair.id}/review`, { decision: 'approve', version: saved.json().version })).status).toBe(200);
    expect((await edit(wang)).text).not.toContain('data-testid="since-rejection"');
  });

  it('when a reviewer opens a document then its shortcuts list Alt+R to the rejection\'s comment, in both languages, and the comment box tells its key', async () => {
    const pair = await pairWith(seeded.server.store, seeded.docs.demo, 'level and level');
    const key = '<kbd>Alt</kbd>+<kbd>R</kbd> ';
    const wang = await signedIn('wang');
    expect((await wang.get(`/documents/${seeded.docs.demo}`)).text).toContain(`${key}go to the rejection&#39;s comment (on a row, its editor opens there), and from there back to the English (reviewers; ⌥R on a Mac)</li>`);
    expect((await wang.get(`/documents/${seeded.docs.demo}/pairs/${pair.id}/edit`)).text).toMatch(/<textarea name="comment"[^>]* aria-keyshortcuts="Alt\+R"/);
    // Only a reviewer's rows open at the comment: a translator's editor has none.
    expect((await wang.get(`/documents/${seeded.docs.demo}`)).text).toMatch(/data-testid="pairs" data-may-reject[\s>]/);
    expect((await (await signedIn('lin')).get(`/documents/${seeded.docs.demo}`)).text).not.toContain('data-may-reject');
    wang.cookies.set('duiqi_lang', 'zh-CN');
    expect((await wang.get(`/documents/${seeded.docs.demo}`)).text).toContain(`${key}转到退回理由（在某一行上按则打开其编辑器并定位到此处），再按一次回到英文译文（审校；Mac 上为 ⌥R）</li>`);
  });

  it('when a reviewer rejects with an empty comment then the editor comes back with the sentence beside the comment field, and no conflict', async () => {
    const pair = await pairWith(seeded.server.store, seeded.docs.demo, 'level and level');
    const c = await signedIn('wang');
    const editor = await c.get(`/documents/${seeded.docs.demo}/pairs/${pair.id}/edit`);
    expect(editor.text).toMatch(/<textarea name="comment"[^>]* required/);
    const res = await c.request('POST', `/documents/${seeded.docs.demo}/pairs/${pair.id}/reject`, {
      form: { version: String(pair.version), comment: '', category: 'style', severity: 'minor' }, headers: htmx(c),
    });
    expect(res.status).toBe(400);
    expect(res.text).toMatch(/data-testid="field-error-comment" role="alert">Say why you reject this pair/);
    expect(res.text).not.toContain('data-testid="conflict"');
    expect(res.text).not.toContain('data-testid="editor-message"');
    expect(res.text).toMatch(/<option value="style" selected>/); // the choices made are kept
    const missing = await c.request('POST', `/documents/${seeded.docs.demo}/pairs/${pair.id}/reject`, {
      form: { version: String(pair.version), comment: 'Repeated word.', category: '', severity: 'minor' }, headers: htmx(c),
    });
    expect(missing.status).toBe(400);
    expect(missing.text).toMatch(/data-testid="field-error-category" role="alert">Pick the error/);
    expect(missing.text).toContain('Repeated word.</textarea>');
    expect(await value('SELECT state FROM pairs WHERE id = ?', [pair.id])).toBe(pair.state);
    // The role decides before the fields: a translator's empty rejection is a 403, not a form to fix.
    const lin = await signedIn('lin');
    const refused = await lin.request('POST', `/documents/${seeded.docs.demo}/pairs/${pair.id}/reject`, { form: { version: String(pair.version) }, headers: htmx(lin) });
    expect(refused.status).toBe(403);
  });

  it('when the pair changed while a reviewer wrote a rejection then the 409 editor keeps the comment, category and severity, in their language', async () => {
    const pair = await pairWith(seeded.server.store, seeded.docs.demo, 'main direction');
    const saved = await api('lin', 'PUT', `/api/pairs/${pair.id}`, { version: pair.version, tgt: 'The main direction has held for two years.' });
    expect(saved.status).toBe(200);
    const wang = await signedIn('wang');
    const res = await wang.request('POST', `/documents/${seeded.docs.demo}/pairs/${pair.id}/reject`, {
      form: { version: String(pair.version), comment: '“稳定发展”漏译了。', category: 'accuracy', severity: 'major' },
      headers: { ...htmx(wang), 'Accept-Language': 'zh-CN' },
    });
    expect(res.status).toBe(409);
    expect(res.text).toContain('“稳定发展”漏译了。</textarea>');
    expect(res.text).toMatch(/<option value="accuracy" selected>/);
    expect(res.text).toMatch(/<option value="major" selected>/);
    expect(res.text).toContain('你的退回意见保留在下方');
    expect(res.text).toContain(`name="version" value="${pair.version + 1}"`);
    expect(await value('SELECT COUNT(*) FROM comment_threads WHERE pair_id = ?', [pair.id])).toBe(0);
  });

  it('when a reviewer rejects in the editor then the row shows the comment, the translator sees it atop the editor and replies, and the reviewer resolves it', async () => {
    const real = await pairWith(seeded.server.store, seeded.docs.demo, 'close friends and partners');
    const wang = await signedIn('wang');
    const base = `/documents/${seeded.docs.demo}/pairs/${real.id}`;
    const row = await wang.request('POST', `${base}/reject`, {
      form: { version: String(real.version), comment: 'Tense: the visit is in the past.', category: 'fluency', severity: 'minor' }, headers: htmx(wang),
    });
    expect(row.status).toBe(200);
    expect(row.text).toContain('data-state="rejected"');
    expect(row.text).toMatch(/data-testid="row-comment">.*Tense: the visit is in the past\./s);

    const lin = await signedIn('lin');
    const filtered = await lin.get(`/documents/${seeded.docs.demo}/rows?state=rejected`);
    expect(filtered.text).toContain('Tense: the visit is in the past.');
    const editor = await lin.get(`${base}/edit`);
    expect(editor.text.indexOf('data-testid="threads"')).toBeGreaterThan(-1);
    expect(editor.text.indexOf('data-testid="threads"')).toBeLessThan(editor.text.indexOf('class="editor"'));
    expect(editor.text).not.toContain('data-testid="reject-form"'); // a translator does not reject
    const thread = /data-thread="(\d+)"/.exec(editor.text)![1]!;
    // htmx 4 does not inherit hx-target: the reply form itself names the panel it replaces.
    expect(editor.text).toContain(`hx-target="#threads-${real.id}" hx-swap="outerHTML" data-testid="reply-form"`);
    const replied = await lin.request('POST', `${base}/comments/${thread}/replies`, { form: { body: 'Changed to “paid”.' }, headers: htmx(lin) });
    expect(replied.status).toBe(200);
    expect(replied.headers.get('hx-trigger')).toBe('pair-changed');
    expect(replied.text).toContain('Changed to “paid”.');
    expect(replied.text).not.toContain('data-testid="resolve"'); // the reviewer's thread: not the translator's to resolve
    const empty = await lin.request('POST', `${base}/comments/${thread}/replies`, { form: { body: ' ' }, headers: htmx(lin) });
    expect(empty.status).toBe(400);
    expect(empty.text).toMatch(/data-testid="field-error-body" role="alert">Write a comment first/);
    expect(empty.text).toMatch(/aria-invalid="true"> <\/textarea>/);

    const history = await wang.get(`${base}/history`);
    expect(history.text).toContain('data-testid="history-threads"');
    expect(history.text).toContain('Changed to “paid”.');
    // A comment's time reads as the history's own times do, in the reader's language: not "2026-12-05 07:31".
    const times = (html: string) => [...html.matchAll(/<time datetime="[^"]+">([^<]*)<\/time>/g)].map((m) => m[1]!);
    expect(times(history.text).length).toBeGreaterThan(1);
    for (const time of times(history.text)) expect(time).toMatch(/ UTC$/);
    const inChinese = await wang.get(`${base}/history`, { 'accept-language': 'zh-CN' });
    for (const time of times(inChinese.text)) expect(time).toMatch(/年.*（UTC）$/);
    const resolved = await wang.request('POST', `${base}/comments/${thread}/resolve`, { headers: htmx(wang) });
    expect(resolved.status).toBe(200);
    expect(resolved.text).toContain('data-testid="resolved-note"');
    // The editor's offer to resolve it with an approval goes with it.
    expect(resolved.text).toContain(`<span class="resolve-offer" id="resolve-offer-${real.id}" hx-swap-oob="true"></span>`);
    expect(replied.text).not.toContain('resolve-offer'); // a translator's editor has no such offer to update
    // A reply written while the reviewer resolved the thread is not lost: it waits, as typed, in a new comment's box.
    const late = await lin.request('POST', `${base}/comments/${thread}/replies`, { form: { body: '改好了 “paid” 𠮷, see the second clause.' }, headers: htmx(lin) });
    expect(late.status).toBe(400);
    const newThread = late.text.slice(late.text.indexOf('data-testid="new-thread-form"'));
    expect(late.text).toMatch(/<details open><summary>/);
    expect(newThread).toMatch(/aria-invalid="true">改好了 “paid” 𠮷, see the second clause\.<\/textarea>/);
    expect(newThread).toMatch(/role="alert">This thread was resolved while you wrote: your reply is kept here as a new comment\./);
    const lateZh = await lin.request('POST', `${base}/comments/${thread}/replies`, { form: { body: '还有一处。' }, headers: { ...htmx(lin), 'accept-language': 'zh-CN' } });
    expect(lateZh.text).toContain('您写回复时此讨论已被解决');
    expect(lateZh.text).toContain('>还有一处。</textarea>');
    const after = await wang.get(`${base}/row`);
    expect(after.text).not.toContain('data-testid="row-comment"');
  });
});

/** A new document of two pairs, imported by wang. */
async function twoPairs(): Promise<{ doc: number; pairs: { id: number; version: number }[] }> {
  const res = await upload(seeded.server, '/api/documents/import', {
    source: { name: '合作.txt', content: '双方同意加强合作。会议在北京举行。' }, translation: { name: 'cooperation.txt', content: 'Both sides agreed to cooperate. The meeting was held in Beijing.' },
  }, { token: seeded.tokens.wang });
  expect(res.status).toBe(201);
  const doc = res.json().id as number;
  const pairs = (await api('wang', 'GET', `/api/documents/${doc}/pairs`)).json() as { id: number; version: number }[];
  expect(pairs).toHaveLength(2);
  return { doc, pairs };
}

describe('the quality score', () => {
  it('when errors are open on a row and on a row that became noise then the page and the progress fragment score the same, counting only the row', async () => {
    const { doc, pairs } = await twoPairs();
    for (const [p, severity] of [[pairs[0]!, 'major'], [pairs[1]!, 'critical']] as const) {
      const rejected = await api('wang', 'POST', `/api/pairs/${p.id}/review`, { decision: 'reject', version: p.version, comment: '需要修改。', category: 'accuracy', severity });
      expect(rejected.status).toBe(200);
    }
    const wang = await signedIn('wang');
    const score = (html: string) => /<p class="quality"[^>]*>[\s\S]*?<\/p>/.exec(html)?.[0];
    const both = score((await wang.get(`/documents/${doc}`)).text);
    expect(both).toMatch(/data-score/);
    await seeded.server.rows('UPDATE pairs SET noise = 1, state = NULL WHERE id = ?', [pairs[1]!.id]);
    const page = score((await wang.get(`/documents/${doc}`)).text);
    expect(page).not.toEqual(both);
    expect(page).toEqual(score((await wang.get(`/documents/${doc}/progress`, { 'HX-Request': 'true' })).text));
  });
});

describe('a rejection without an error', () => {
  it('when a rejection comes through the API without a category then its thread says it is a comment, not counted as an error, and the page says what counts, in both languages', async () => {
    const { doc, pairs } = await twoPairs();
    const [plain, counted] = pairs as [{ id: number; version: number }, { id: number; version: number }];
    expect((await api('wang', 'POST', `/api/pairs/${plain.id}/review`, { decision: 'reject', version: plain.version, comment: 'Look again.' })).status).toBe(200);
    expect((await api('wang', 'POST', `/api/pairs/${counted.id}/review`, { decision: 'reject', version: counted.version, comment: 'Wrong city.', category: 'accuracy', severity: 'major' })).status).toBe(200);
    const wang = await signedIn('wang');
    const threads = async (pair: number) => (await wang.get(`/documents/${doc}/pairs/${pair}/comments`, { 'HX-Request': 'true' })).text;
    const note = '<span class="not-an-error" data-testid="not-an-error">';
    expect(await threads(plain.id)).toContain(`${note}comment, not counted as an error</span>`);
    expect(await threads(counted.id)).not.toContain(note);
    // The history says it of the thread too.
    expect((await wang.get(`/documents/${doc}/pairs/${plain.id}/history`, { 'HX-Request': 'true' })).text).toContain(`${note}comment, not counted as an error</span>`);
    const page = (await wang.get(`/documents/${doc}`)).text;
    // The collapsed row's preview of the thread says it too; the counted rejection's preview carries its error instead.
    const preview = (pair: number) => new RegExp(`<tr[^>]*id="pair-${pair}"[\\s\\S]*?</tr>`).exec(page)![0];
    expect(preview(plain.id)).toMatch(new RegExp(`data-testid="row-comment">${note}comment, not counted as an error</span> <q`));
    expect(preview(counted.id)).toContain('data-testid="error-tag"');
    expect(preview(counted.id)).not.toContain(note);
    expect(page).toContain('<dt>Review: open errors</dt><dd>Rows with an open thread that carries an error');
    expect(page).toContain('is marked “comment, not counted as an error”: none of this applies to it.</dd>');
    expect(page).toContain('open errors: 1 ·'); // the plain rejection is not one
    wang.cookies.set('duiqi_lang', 'zh-CN');
    expect(await threads(plain.id)).toContain(`${note}评论，不计为错误</span>`);
    const row = (await wang.get(`/documents/${doc}/pairs/${plain.id}/row`, { 'HX-Request': 'true' })).text;
    expect(row).toContain(`data-testid="row-comment">${note}评论，不计为错误</span>`);
    expect((await wang.get(`/documents/${doc}`)).text).toContain('<dt>审校：未解决错误</dt><dd>有未解决讨论且该讨论带有错误');
  });
});

describe('approving a pair with an open rejection', () => {
  async function rejectedPairs() {
    const { doc, pairs } = await twoPairs();
    for (const p of pairs) {
      const rejected = await api('wang', 'POST', `/api/pairs/${p.id}/review`, { decision: 'reject', version: p.version, comment: 'Say which sides.', category: 'accuracy', severity: 'major' });
      expect(rejected.status).toBe(200);
      const fixed = await api('lin', 'PUT', `/api/pairs/${p.id}`, { tgt: 'China and Korea agreed to cooperate more closely.', version: p.version + 1 });
      expect(fixed.status).toBe(200);
    }
    return { doc, pairs: pairs.map((p) => ({ id: p.id, version: p.version + 2 })) };
  }
  const openErrors = (doc: number) => value('SELECT count(*) FROM comment_threads WHERE document_id = ? AND resolved_at IS NULL AND severity IS NOT NULL', [doc]);
  const score = async (c: Client, doc: number) => /data-testid="quality-score" data-score="([\d.]+)"/.exec((await c.get(`/documents/${doc}`)).text)?.[1];

  it('when a reviewer approves through the API with resolveErrors then the rejection is resolved with it and the score follows; without it the error stays on record', async () => {
    const { doc, pairs: [kept, closed] } = await rejectedPairs();
    const wang = await signedIn('wang');
    expect(await openErrors(doc)).toBe(2);

    const plain = await api('wang', 'POST', `/api/pairs/${kept!.id}/review`, { decision: 'approve', version: kept!.version });
    expect(plain.json()).toEqual({ version: kept!.version + 1, state: 30, resolved: [] });
    expect(await openErrors(doc)).toBe(2);
    const before = Number(await score(wang, doc));
    expect(before).toBeLessThan(100);

    const approved = await api('wang', 'POST', `/api/pairs/${closed!.id}/review`, { decision: 'approve', version: closed!.version, resolveErrors: true });
    expect(approved.status).toBe(200);
    const thread = await row('SELECT id, resolved_by, resolved_at FROM comment_threads WHERE pair_id = ?', [closed!.id]) as { id: number; resolved_by: number; resolved_at: string | null };
    expect(approved.json()).toEqual({ version: closed!.version + 1, state: 30, resolved: [thread.id] });
    expect(thread.resolved_by).toBe(await value("SELECT id FROM users WHERE name = 'wang'"));
    expect(thread.resolved_at).not.toBeNull();
    expect(await openErrors(doc)).toBe(1);
    expect(Number(await score(wang, doc))).toBeGreaterThan(before);
  });

  it.each([
    ['with a rejection', { decision: 'reject', comment: 'No.', resolveErrors: true }],
    ['as a word', { decision: 'approve', resolveErrors: 'yes' }],
  ])('when resolveErrors comes %s then 400 and nothing changes', async (_, body) => {
    const { doc, pairs: [p] } = await rejectedPairs();
    const res = await api('wang', 'POST', `/api/pairs/${p!.id}/review`, { version: p!.version, ...body });
    expect(res.status).toBe(400);
    expect(res.json().error).toMatch(/resolveErrors/);
    expect(await value('SELECT version FROM pairs WHERE id = ?', [p!.id])).toBe(p!.version);
    expect(await openErrors(doc)).toBe(2);
  });

  it('when the editor of a pair with an open rejection is opened by a reviewer then Approve offers to resolve it, ticked; unticked, the error stays', async () => {
    const { doc, pairs: [kept, closed] } = await rejectedPairs();
    const wang = await signedIn('wang');
    const lin = await signedIn('lin');
    const editor = (c: Client, p: { id: number }, headers = {}) => c.get(`/documents/${doc}/pairs/${p.id}/edit`, headers);
    const offer = /<input type="checkbox" name="resolve_errors" value="1" checked data-testid="resolve-on-approve">\s*([^<]*)<\/label>/;
    expect(offer.exec((await editor(wang, closed!)).text)?.[1]).toBe('and resolve the open rejection (accuracy · major)');
    expect(offer.exec((await editor(wang, closed!, { 'accept-language': 'zh-CN' })).text)?.[1]).toBe("同时解决 1 条未解决的退回（准确性 · 严重）");
    expect((await editor(lin, closed!)).text).not.toContain('resolve-on-approve');

    const approve = (p: { id: number; version: number }, extra: Record<string, string>) => wang.request('POST', `/documents/${doc}/pairs/${p.id}/approve`, {
      form: { version: String(p.version), tgt: 'China and Korea agreed to cooperate more closely.', ...extra }, headers: htmx(wang),
    });
    const closing = await approve(closed!, { resolve_errors: '1' });
    expect(closing.status).toBe(200);
    expect(closing.text).toContain('data-state="approved"');
    expect(closing.text).not.toContain('data-testid="row-comment"');
    expect(await openErrors(doc)).toBe(1);
    expect((await editor(wang, closed!)).text).not.toContain('resolve-on-approve');

    const keeping = await approve(kept!, {});
    expect(keeping.text).toContain('data-state="approved"');
    expect(keeping.text).toContain('data-testid="row-comment"');
    expect(await openErrors(doc)).toBe(1);
  });
});
