// Documents are managed: rename, archive, delete to the trash, restore, empty the trash, and the list's search
// and sort, through the JSON API and the forms, with who may do what and what was stored.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/test-server.ts';
import { startSeededServer } from '../support/seed.ts';
import { upload } from '../transfer/transfer-support.ts';

let seeded: Awaited<ReturnType<typeof startSeededServer>>;
const ZH = { 'accept-language': 'zh-CN' };

beforeAll(async () => {
  seeded = await startSeededServer([['lin', 'translator'], ['mei', 'translator'], ['wang', 'reviewer'], ['root', 'admin']]);
});
afterAll(() => seeded.server.close());

/** A document imported by `who` over the API (its creator). */
async function importAs(who: string, title: string, fields: Record<string, string> = {}): Promise<number> {
  const res = await upload(seeded.server, '/api/documents/import', {
    source: { name: 'zh.txt', content: '我们今天开会。明天继续讨论。' }, translation: { name: 'en.txt', content: 'We meet today. We go on tomorrow.' },
  }, { token: seeded.tokens[who], fields: { title, ...fields } });
  expect(res.status).toBe(201);
  return res.json().id as number;
}

const api = (who: string, method: string, url: string, json?: unknown) => seeded.api(who, method, url, json);
// Portable SQL, so that the checks of what was stored run on both databases.
const value = (sql: string, params?: unknown[]) => seeded.server.value(sql, params);
const column = (id: number, name: string) => value(`SELECT ${name} FROM documents WHERE id = ?`, [id]);
const ids = (res: { json: () => unknown }) => (res.json() as { id: number }[]).map((d) => d.id);

async function browser(name: string, headers: Record<string, string> = {}): Promise<Client> {
  const c = new Client(seeded.server.url);
  await c.login(name, undefined, headers);
  await c.get('/documents', headers);
  return c;
}

describe('the JSON API', () => {
  it('when the creator renames a document then the title is stored trimmed and the list shows owner, progress and last activity', async () => {
    const doc = await importAs('lin', 'Draft one');
    const res = await api('lin', 'PATCH', `/api/documents/${doc}`, { title: '  会议纪要 Minutes  ' });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ id: doc, title: '会议纪要 Minutes', owner: 'lin', archivedAt: null, trashedAt: null, progress: 0, mayManage: true });
    expect(await column(doc, 'title')).toBe('会议纪要 Minutes');
    const entry = ((await api('lin', 'GET', '/api/documents')).json() as { id: number; lastActivityAt: string; owner: string }[]).find((d) => d.id === doc)!;
    expect(entry.owner).toBe('lin');
    expect(entry.lastActivityAt).toBe(await column(doc, 'changed_at'));
  });

  it('when a title is blank, too long, not text, or nothing is asked then it answers 400 in the reader\'s language and stores nothing', async () => {
    const doc = await importAs('lin', 'Keep me');
    for (const [body, en, zh] of [
      [{ title: '   ' }, /cannot be empty/, /标题不能为空/],
      [{ title: 'x'.repeat(501) }, /at most 500/, /500/],
      [{ title: 'a\u0007b' }, /control characters/, /控制字符/],
      // XML cannot carry these: the document would export as TMX and XLIFF no more (its title is in their header).
      [{ title: 'a\uFFFEb' }, /control characters/, /控制字符/],
      [{ title: 'a\uD800b' }, /control characters/, /控制字符/],
      [{ title: { toString: 1 } }, /must be text/, /标题必须是文字/],
      [{ archived: 'maybe' }, /The field "archived" is not valid/, /字段“archived”无效/],
      [{}, /Say what to change/, /请说明要修改什么/],
    ] as const) {
      const res = await seeded.api('lin', 'PATCH', `/api/documents/${doc}`, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toMatch(en);
      const zhRes = await new Client(seeded.server.url).request('PATCH', `/api/documents/${doc}`, { json: body, headers: { ...ZH, authorization: `Bearer ${seeded.tokens.lin}` } });
      expect(zhRes.json().message, JSON.stringify(body)).toMatch(zh);
    }
    // A rename with a bad archived flag stores neither.
    expect((await api('lin', 'PATCH', `/api/documents/${doc}`, { title: 'New', archived: 'maybe' })).status).toBe(400);
    expect(await column(doc, 'title')).toBe('Keep me');
  });

  it('when a document is archived then it leaves the default list, shows under state=archived, still opens, and comes back when un-archived', async () => {
    const doc = await importAs('lin', 'Old report');
    const res = await api('lin', 'PATCH', `/api/documents/${doc}`, { archived: true });
    expect(res.status).toBe(200);
    expect(res.json().archivedAt).toEqual(expect.any(String));
    expect(ids(await api('lin', 'GET', '/api/documents'))).not.toContain(doc);
    expect(ids(await api('lin', 'GET', '/api/documents?state=archived'))).toContain(doc);
    expect((await api('mei', 'GET', `/api/documents/${doc}/pairs`)).status).toBe(200);
    // Archiving twice is no error and keeps the first time.
    const first = await column(doc, 'archived_at');
    expect((await api('lin', 'PATCH', `/api/documents/${doc}`, { archived: true })).status).toBe(200);
    expect(await column(doc, 'archived_at')).toBe(first);
    expect((await api('lin', 'PATCH', `/api/documents/${doc}`, { archived: false })).json().archivedAt).toBeNull();
    expect(ids(await api('lin', 'GET', '/api/documents'))).toContain(doc);
  });

  it('when a document is deleted then it is in the trash, answers 404 everywhere, and a restore brings it back with its pairs and history', async () => {
    const doc = await importAs('lin', 'Mis-click');
    const pairs = (await api('lin', 'GET', `/api/documents/${doc}/pairs`)).json() as { id: number; version: number }[];
    expect((await api('lin', 'PUT', `/api/pairs/${pairs[0]!.id}`, { tgt: 'We met today.', version: pairs[0]!.version })).status).toBe(200);
    const deleted = await api('lin', 'DELETE', `/api/documents/${doc}`);
    expect(deleted.status).toBe(200);
    expect(deleted.json().trashedAt).toEqual(expect.any(String));
    expect(Date.parse(deleted.json().purgeAt) - Date.parse(deleted.json().trashedAt)).toBe(30 * 86_400_000);
    expect(await column(doc, 'trashed_by')).toBe(await value("SELECT id FROM users WHERE name = 'lin'"));
    for (const who of ['lin', 'root']) {
      for (const url of [`/api/documents/${doc}`, `/api/documents/${doc}/pairs`, `/api/documents/${doc}/export?format=tmx`, `/api/pairs/${pairs[0]!.id}/history`]) {
        expect((await api(who, 'GET', url)).status, `${who} ${url}`).toBe(404);
      }
      expect(ids(await api(who, 'GET', '/api/documents'))).not.toContain(doc);
      expect(ids(await api(who, 'GET', '/api/documents?state=trash'))).toContain(doc);
    }
    const page = await (await browser('lin')).get(`/documents/${doc}`);
    expect(page.status).toBe(404);
    expect((await api('lin', 'DELETE', `/api/documents/${doc}`)).status).toBe(404);
    const restored = await api('lin', 'POST', `/api/documents/${doc}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.json().trashedAt).toBeNull();
    const back = (await api('lin', 'GET', `/api/documents/${doc}/pairs`)).json() as { id: number; tgt: string }[];
    expect(back.map((p) => p.id)).toEqual(pairs.map((p) => p.id));
    expect(back[0]!.tgt).toBe('We met today.');
    expect((await api('lin', 'GET', `/api/pairs/${pairs[0]!.id}/history`)).json()).toHaveLength(1);
    const again = await api('lin', 'POST', `/api/documents/${doc}/restore`);
    expect(again.status).toBe(409);
    expect(again.json().message).toMatch(/is not in the trash/);
  });

  it('when someone other than the creator or an admin manages a document then it is refused: 403 for a member, 404 for one who cannot open it', async () => {
    const team = await importAs('lin', 'Team doc');
    for (const [method, url, body] of [['PATCH', `/api/documents/${team}`, { title: 'Mine now' }], ['DELETE', `/api/documents/${team}`, undefined]] as const) {
      const res = await api('mei', method, url, body);
      expect(res.status).toBe(403);
      expect(res.json().message).toMatch(/Only the creator of a document or an admin/);
    }
    const zh = await new Client(seeded.server.url).request('DELETE', `/api/documents/${team}`, { headers: { ...ZH, authorization: `Bearer ${seeded.tokens.wang}` } });
    expect(zh.status).toBe(403);
    expect(zh.json().message).toBe('只有文档的创建者或管理员可以重命名、归档、删除或恢复它。');
    // A member of a members-only document works on it but may not delete it; a stranger does not see it at all.
    const secret = await importAs('lin', 'Members only', { access: 'members' });
    expect((await api('lin', 'POST', `/api/documents/${secret}/access`, { add: ['mei'] })).status).toBe(200);
    expect((await api('mei', 'DELETE', `/api/documents/${secret}`)).status).toBe(403);
    expect((await api('wang', 'DELETE', `/api/documents/${secret}`)).status).toBe(404);
    expect((await api('root', 'PATCH', `/api/documents/${team}`, { title: 'Renamed by admin' })).status).toBe(200);
    expect(await column(secret, 'trashed_at')).toBeNull();
    // Someone else's trash: a member sees it there but may not restore it; only admins empty the trash.
    expect((await api('lin', 'DELETE', `/api/documents/${secret}`)).status).toBe(200);
    expect(ids(await api('mei', 'GET', '/api/documents?state=trash'))).toContain(secret);
    expect(ids(await api('wang', 'GET', '/api/documents?state=trash'))).not.toContain(secret);
    expect((await api('mei', 'POST', `/api/documents/${secret}/restore`)).status).toBe(403);
    expect((await api('wang', 'POST', `/api/documents/${secret}/restore`)).status).toBe(404);
    const refused = await api('lin', 'DELETE', '/api/trash');
    expect(refused.status).toBe(403);
    expect(await column(secret, 'id')).toBe(secret);
    expect((await api('lin', 'POST', `/api/documents/${secret}/restore`)).status).toBe(200);
  });

  it('when the list is searched and sorted then it answers in that order, and a bad sort or state is a 400 with a sentence', async () => {
    const [b, a, c] = [await importAs('lin', 'Beta 报告'), await importAs('lin', 'alpha 报告'), await importAs('lin', 'Gamma 报告')];
    const pairs = (await api('lin', 'GET', `/api/documents/${c}/pairs`)).json() as { id: number; version: number }[];
    for (const p of pairs) await api('lin', 'POST', `/api/pairs/${p.id}/confirm`, { version: p.version });
    const list = async (q: string) => ids(await api('lin', 'GET', `/api/documents?q=${encodeURIComponent('报告')}&${q}`));
    expect(await list('sort=title')).toEqual([a, b, c]);
    expect(await list('sort=title&dir=desc')).toEqual([c, b, a]);
    expect((await list('sort=activity'))[0]).toBe(c);
    expect((await list('sort=progress&dir=desc'))[0]).toBe(c);
    expect((await list('sort=progress')).at(-1)).toBe(c);
    expect(await list('')).toEqual([b, a, c]);
    expect(ids(await api('lin', 'GET', '/api/documents?q=ALPHA'))).toEqual([a]);
    for (const q of ['sort=size', 'state=deleted', 'dir=up']) {
      const res = await api('lin', 'GET', `/api/documents?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.json().message).toMatch(/must be one of/);
    }
    const zh = await new Client(seeded.server.url).request('GET', '/api/documents?sort=size', { headers: { ...ZH, authorization: `Bearer ${seeded.tokens.lin}` } });
    expect(zh.json().message).toBe('参数“sort”只能是以下之一：created, title, activity, progress。');
  });

  it('when a document is in the trash then its approved pairs are no memory suggestion until it is restored', async () => {
    const [source, other] = [await importAs('lin', 'Approved source 来源'), await importAs('lin', 'Other')];
    const pair = ((await api('wang', 'GET', `/api/documents/${source}/pairs`)).json() as { id: number; version: number }[])[0]!;
    expect((await api('wang', 'POST', `/api/pairs/${pair.id}/review`, { decision: 'approve', version: pair.version })).status).toBe(200);
    const target = ((await api('lin', 'GET', `/api/documents/${other}/pairs`)).json() as { id: number }[])[0]!;
    const lin = await browser('lin');
    const editor = () => lin.get(`/documents/${other}/pairs/${target.id}/edit`).then((r) => r.text);
    expect(await editor()).toContain('Approved source 来源');
    await api('lin', 'DELETE', `/api/documents/${source}`);
    expect(await editor()).not.toContain('Approved source 来源');
    await api('lin', 'POST', `/api/documents/${source}/restore`);
    expect(await editor()).toContain('Approved source 来源');
  });

  it('when an admin empties the trash then its documents are purged for good, remembered in purged_documents, and their ids never come back', async () => {
    const doc = await importAs('lin', 'Purge me');
    expect((await api('lin', 'DELETE', `/api/documents/${doc}`)).status).toBe(200);
    const res = await api('root', 'DELETE', '/api/trash');
    expect(res.status).toBe(200);
    expect(res.json().purged).toBeGreaterThanOrEqual(1);
    expect(await column(doc, 'id')).toBeUndefined();
    expect(await value('SELECT count(*) FROM pairs WHERE document_id = ?', [doc])).toBe(0);
    expect(await value('SELECT title FROM purged_documents WHERE id = ?', [doc])).toBe('Purge me');
    expect(ids(await api('root', 'GET', '/api/documents?state=trash'))).toEqual([]);
    // The purged document had the highest id: a new one must not take it (caches know documents by id).
    expect(await importAs('lin', 'After the purge')).toBe(doc + 1);
  });

  it('when a trashed document is older than 30 days then reading the list purges it, and a younger one stays', async () => {
    const [old, young] = [await importAs('lin', 'Forty days'), await importAs('lin', 'Ten days')];
    for (const d of [old, young]) expect((await api('lin', 'DELETE', `/api/documents/${d}`)).status).toBe(200);
    const ago = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    await seeded.server.rows('UPDATE documents SET trashed_at = ? WHERE id = ?', [ago(40), old]);
    await seeded.server.rows('UPDATE documents SET trashed_at = ? WHERE id = ?', [ago(10), young]);
    expect(ids(await api('lin', 'GET', '/api/documents?state=trash'))).toEqual([young]);
    expect(await column(old, 'id')).toBeUndefined();
    expect((await api('lin', 'POST', `/api/documents/${young}/restore`)).status).toBe(200);
  });
});

describe('the document list page and its forms', () => {
  const hx = (c: Client, extra: Record<string, string> = {}) => ({ 'X-CSRF-Token': c.csrf, 'HX-Request': 'true', ...extra });

  it('when the list is opened then each document shows its progress bar, owner and last activity, with actions only for whoever manages it', async () => {
    const doc = await importAs('lin', 'Shown on the list');
    const lin = await browser('lin');
    const page = await lin.get('/documents');
    const start = page.text.slice(page.text.indexOf(`data-testid="document-${doc}"`));
    const row = start.slice(0, start.indexOf('</tr>'));
    expect(row).toMatch(/<svg class="progress"[\s\S]*<td translate="no" hx-ignore>lin<\/td>[\s\S]*<time datetime="[^"]+">/);
    expect(row).toContain(`data-testid="delete-${doc}"`);
    const mei = await browser('mei');
    const other = (await mei.get('/documents')).text;
    expect(other).toContain(`data-testid="document-${doc}"`);
    expect(other).not.toContain(`data-testid="delete-${doc}"`);
    const zh = await (await browser('lin', ZH)).get('/documents', ZH);
    expect(zh.text).toContain('最近活动');
    expect(zh.text).toContain('回收站');
  });

  it('when a reviewer rejects one row and another is translated then the list links to the rejected row and the row to review, in both languages', async () => {
    const doc = await importAs('lin', 'Waiting work');
    const rowOf = (text: string) => { const start = text.slice(text.indexOf(`data-testid="document-${doc}"`)); return start.slice(0, start.indexOf('</tr>')); };
    const lin = await browser('lin');
    expect(rowOf((await lin.get('/documents')).text)).not.toContain('waiting-');
    const [first, second] = (await api('lin', 'GET', `/api/documents/${doc}/pairs`)).json() as { id: number; version: number }[];
    expect((await api('lin', 'PUT', `/api/pairs/${first!.id}`, { version: first!.version, tgt: 'We are meeting today.' })).status).toBe(200);
    expect((await api('lin', 'PUT', `/api/pairs/${second!.id}`, { version: second!.version, tgt: 'We go on tomorrow.' })).status).toBe(200);
    expect((await api('wang', 'POST', `/api/pairs/${second!.id}/review`, { decision: 'reject', version: second!.version + 1, comment: 'Continue what?', category: 'accuracy', severity: 'minor' })).status).toBe(200);
    const row = rowOf((await lin.get('/documents')).text);
    expect(row).toContain(`<a href="/documents/${doc}?state=rejected" data-testid="waiting-rejected-${doc}">1 rejected row</a>`);
    expect(row).toContain(`<a href="/documents/${doc}?state=translated" data-testid="waiting-translated-${doc}">1 row to review</a>`);
    const zhRow = rowOf((await (await browser('lin', ZH)).get('/documents', ZH)).text);
    expect(zhRow).toContain('>1 行被退回</a>');
    expect(zhRow).toContain('>1 行待审校</a>');
    // The filter each link opens lists exactly those rows.
    expect((await lin.get(`/documents/${doc}?state=rejected`)).text).toContain('Continue what?');
  });

  it('when a document is renamed, archived, deleted and restored by forms then htmx gets the list back with what was done, and a plain form goes back to the list', async () => {
    const doc = await importAs('lin', 'Form doc');
    const lin = await browser('lin');
    const renamed = await lin.request('POST', `/documents/${doc}/rename`, { form: { title: '表单文档', list: '/documents?sort=title' }, headers: hx(lin) });
    expect(renamed.status).toBe(200);
    expect(renamed.text).toContain('Renamed to “表单文档”.');
    expect(renamed.text).toContain('name="list" value="/documents?sort=title"');
    expect(await column(doc, 'title')).toBe('表单文档');
    const archived = await lin.request('POST', `/documents/${doc}/archive`, { form: { archived: '1' }, headers: hx(lin) });
    expect(archived.text).toContain('is archived');
    expect(archived.text).not.toContain(`data-testid="document-${doc}"`);
    expect((await lin.get('/documents?state=archived')).text).toContain(`data-testid="document-${doc}"`);
    const plain = await lin.request('POST', `/documents/${doc}/archive`, { form: { archived: '0', list: '/documents?state=archived', _csrf: lin.csrf } });
    expect(plain.status).toBe(303);
    expect(plain.headers.get('location')).toBe('/documents?state=archived');
    expect(await column(doc, 'archived_at')).toBeNull();
    const deleted = await lin.request('POST', `/documents/${doc}/delete`, { form: {}, headers: hx(lin) });
    expect(deleted.text).toContain('moved to the trash');
    expect(deleted.text).toContain('data-testid="undo-delete"');
    expect(await column(doc, 'trashed_at')).not.toBeNull();
    const trash = await lin.get('/documents?state=trash');
    expect(trash.text).toContain(`data-testid="restore-${doc}"`);
    expect(trash.text).toContain('purged for good on');
    const restored = await lin.request('POST', `/documents/${doc}/restore`, { form: { list: '/documents?state=trash' }, headers: hx(lin) });
    expect(restored.text).toContain('is restored');
    expect(await column(doc, 'trashed_at')).toBeNull();
  });

  it('when a form is refused then htmx gets the list with the sentence beside the form, in the reader\'s language, and nothing is stored', async () => {
    const doc = await importAs('lin', 'Refusals');
    const lin = await browser('lin', ZH);
    const blank = await lin.request('POST', `/documents/${doc}/rename`, { form: { title: '  ' }, headers: hx(lin, ZH) });
    expect(blank.status).toBe(400);
    expect(blank.text).toMatch(/<details class="rename" open>/);
    expect(blank.text).toContain(`id="rename-error-${doc}" role="alert">标题不能为空。`);
    expect(await column(doc, 'title')).toBe('Refusals');
    const mei = await browser('mei', ZH);
    const refused = await mei.request('POST', `/documents/${doc}/delete`, { form: {}, headers: hx(mei, ZH) });
    expect(refused.status).toBe(403);
    expect(refused.text).toContain('只有文档的创建者或管理员可以重命名、归档、删除或恢复它。');
    expect(await column(doc, 'trashed_at')).toBeNull();
    const plain = await mei.request('POST', `/documents/${doc}/delete`, { form: { _csrf: mei.csrf }, headers: ZH });
    expect(plain.status).toBe(403);
    expect(plain.text).toContain('只有文档的创建者或管理员');
    const empty = await mei.request('POST', '/trash/empty', { form: {}, headers: hx(mei, ZH) });
    expect(empty.status).toBe(403);
    const badSort = await mei.get('/documents?sort=size', ZH);
    expect(badSort.status).toBe(400);
    expect(badSort.text).toContain('参数“sort”只能是以下之一');
  });

  it('when an admin empties the trash from the page then it is purged and the list says how many', async () => {
    const doc = await importAs('lin', 'Trash by form');
    await api('lin', 'DELETE', `/api/documents/${doc}`);
    const root = await browser('root');
    expect((await root.get('/documents?state=trash')).text).toContain('data-testid="empty-trash"');
    const res = await root.request('POST', '/trash/empty', { form: { list: '/documents?state=trash' }, headers: hx(root) });
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/Purged \d+ document\(s\) from the trash/);
    expect(await column(doc, 'id')).toBeUndefined();
  });

  it('when the owner or an admin deletes ONE trashed document for good then only it is purged, after a confirmation, and others are refused', async () => {
    const [doc, kept] = [await importAs('lin', 'Purge just me'), await importAs('lin', 'Stay in the trash')];
    const lin = await browser('lin');
    const working = await lin.request('POST', `/documents/${doc}/purge`, { form: { list: '/documents?state=trash' }, headers: hx(lin) });
    expect(working.status).toBe(409);
    expect(working.text).toContain('is not in the trash: only a document in the trash can be deleted for good');
    for (const d of [doc, kept]) await api('lin', 'DELETE', `/api/documents/${d}`);
    const trash = (await lin.get('/documents?state=trash')).text;
    expect(trash).toContain(`data-testid="purge-${doc}"`);
    expect(trash).toContain('hx-confirm="Delete “Purge just me” for good, with all its pairs and history? This cannot be undone."');
    const mei = await browser('mei');
    // Another translator of the shared document may not purge it, as they may not restore it.
    expect((await mei.request('POST', `/documents/${doc}/purge`, { form: {}, headers: hx(mei) })).status).toBe(403);
    expect(await column(doc, 'id')).toBe(doc);
    expect(await column(doc, 'id')).toBe(doc);
    const res = await lin.request('POST', `/documents/${doc}/purge`, { form: { list: '/documents?state=trash' }, headers: hx(lin) });
    expect(res.status).toBe(200);
    expect(res.text).toContain('“Purge just me” was deleted for good.');
    expect(await column(doc, 'id')).toBeUndefined();
    expect(await value('SELECT count(*) FROM pairs WHERE document_id = ?', [doc])).toBe(0);
    expect(await value('SELECT title FROM purged_documents WHERE id = ?', [doc])).toBe('Purge just me');
    expect(await column(kept, 'trashed_at')).not.toBeNull();
    const byApi = await api('root', 'DELETE', `/api/trash/${kept}`);
    expect(byApi.status).toBe(200);
    expect(byApi.json()).toEqual({ purged: { id: kept, title: 'Stay in the trash' } });
    expect((await api('root', 'DELETE', `/api/trash/${kept}`)).status).toBe(404);
  });

  it('when a plain form\'s title is refused then the page it came from answers 400 with the form open, the title as typed and the sentence in the reader\'s language', async () => {
    const doc = await importAs('lin', 'Kept title');
    const lin = await browser('lin');
    const linZh = await browser('lin', ZH);
    const tooLong = '长'.repeat(501);
    const post = (c: Client, form: Record<string, string>, headers: Record<string, string> = {}) =>
      c.request('POST', `/documents/${doc}/rename`, { form: { _csrf: c.csrf, ...form }, headers });
    const typed = (text: string, testid: string) => new RegExp(`<input name="title" value="([^"]*)"[^>]*data-testid="${testid}"`).exec(text)?.[1];

    // From the list: the list page again (the list it was on), the rename form open.
    const blank = await post(lin, { title: '   ', list: '/documents?sort=title' });
    expect(blank.status).toBe(400);
    expect(blank.text).toContain('<h1>Documents</h1>');
    expect(blank.text).toMatch(/<details class="rename" open>/);
    expect(blank.text).toContain(`id="rename-error-${doc}" role="alert">A title cannot be empty.</span>`);
    expect(typed(blank.text, `rename-title-${doc}`)).toBe('   ');
    expect(blank.text).toContain('name="list" value="/documents?sort=title"');
    const long = await post(linZh, { title: tooLong }, ZH);
    expect(long.status).toBe(400);
    expect(long.text).toContain(`id="rename-error-${doc}" role="alert">标题最多 500 个字符。</span>`);
    expect(typed(long.text, `rename-title-${doc}`)).toBe(tooLong);

    // From the document page: the document page again, its manage form open.
    const fromPage = await post(linZh, { title: '  ', back: `/documents/${doc}` }, ZH);
    expect(fromPage.status).toBe(400);
    expect(fromPage.text).toContain('<h1 translate="no" hx-ignore>Kept title</h1>');
    expect(fromPage.text).toContain('<details class="manage" data-testid="manage-document" open>');
    expect(fromPage.text).toContain('id="page-rename-error" role="alert">标题不能为空。</span>');
    expect(typed(fromPage.text, 'page-rename-title')).toBe('  ');
    const control = await post(lin, { title: 'Bell\u0007 title', back: `/documents/${doc}` });
    expect(control.status).toBe(400);
    expect(control.text).toContain('id="page-rename-error" role="alert">A title may not contain control characters.</span>');
    expect(typed(control.text, 'page-rename-title')).toBe('Bell\u0007 title');

    // The htmx form gets the list fragment with the same sentence and what was typed.
    const hxLong = await lin.request('POST', `/documents/${doc}/rename`, { form: { title: tooLong }, headers: hx(lin) });
    expect(hxLong.status).toBe(400);
    expect(hxLong.text.startsWith('<div id="document-list"')).toBe(true);
    expect(hxLong.text).toContain(`id="rename-error-${doc}" role="alert">A title may have at most 500 characters.</span>`);
    expect(typed(hxLong.text, `rename-title-${doc}`)).toBe(tooLong);
    expect(await column(doc, 'title')).toBe('Kept title');
  });

  it('when the owner renames or deletes from the document page then it comes back to the page renamed, or shows the trash holding it', async () => {
    const doc = await importAs('lin', 'Page doc');
    const lin = await browser('lin');
    const page = (await lin.get(`/documents/${doc}`)).text;
    expect(page).toContain('data-testid="manage-document"');
    expect(page).toContain(`<form method="post" action="/documents/${doc}/rename" class="inline">`);
    expect((await (await browser('mei')).get(`/documents/${doc}`)).text).not.toContain('data-testid="manage-document"');
    const renamed = await lin.request('POST', `/documents/${doc}/rename`, { form: { _csrf: lin.csrf, title: '页面上改名', back: `/documents/${doc}` } });
    expect(renamed.status).toBe(303);
    expect(renamed.headers.get('location')).toBe(`/documents/${doc}`);
    expect((await lin.get(`/documents/${doc}`)).text).toContain('<h1 translate="no" hx-ignore>页面上改名</h1>');
    // Only a document page is a way back: any other address goes to the list.
    const elsewhere = await lin.request('POST', `/documents/${doc}/rename`, { form: { _csrf: lin.csrf, title: '页面上改名', back: 'https://evil.example/' } });
    expect(elsewhere.headers.get('location')).toBe('/documents');
    const deleted = await lin.request('POST', `/documents/${doc}/delete`, { form: { _csrf: lin.csrf, list: '/documents?state=trash' } });
    expect(deleted.status).toBe(303);
    expect(deleted.headers.get('location')).toBe('/documents?state=trash');
    expect((await lin.get('/documents?state=trash')).text).toContain(`data-testid="restore-${doc}"`);
  });

  it('when the list fragment is asked with a search and a sort then it holds just those rows in that order', async () => {
    const [x, y] = [await importAs('lin', 'zz-fragment B'), await importAs('lin', 'zz-fragment A')];
    const lin = await browser('lin');
    const res = await lin.get('/document-list?q=zz-fragment&sort=title&state=&dir=', { 'HX-Request': 'true' });
    expect(res.status).toBe(200);
    expect(res.text.startsWith('<div id="document-list"')).toBe(true);
    expect(res.text.indexOf(`document-${y}"`)).toBeLessThan(res.text.indexOf(`document-${x}"`));
    expect((await lin.get('/document-list?q=no-such-title')).text).toContain('data-testid="no-documents"');
  });
});
