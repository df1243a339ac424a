// Documents someone may not open: every route that names a document or a pair answers as if it did not
// exist, lists and translation-memory suggestions leave it out, and only its creator or an admin changes that.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createI18n } from '../../server/http/i18n.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import { Client } from '../support/test-server.ts';
import { startSeededServer } from '../support/seed.ts';
import { listRoutes, type RouteInfo } from '../support/route-list.ts';
import { upload } from '../transfer/transfer-support.ts';

// The private document's text, so a leak can be looked for in any answer.
const SECRET_ZH = '董事会决定于二〇二七年三月关闭苏州工厂。';
const SECRET_EN = 'The board decided to close the Suzhou plant in March 2027.';

let seeded: Awaited<ReturnType<typeof startSeededServer>>;
let secret: { doc: number; pair: number };
let routes: RouteInfo[];

beforeAll(async () => {
  seeded = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer'], ['mei', 'translator'], ['root', 'admin']]);
  const res = await upload(seeded.server, '/api/documents/import', {
    source: { name: '机密.txt', content: SECRET_ZH }, translation: { name: 'secret.txt', content: SECRET_EN },
  }, { token: seeded.tokens.wang, fields: { access: 'members' } });
  expect(res.status).toBe(201);
  const doc = res.json().id as number;
  // An approved pair, so it would be a translation-memory suggestion if the memory ignored access.
  const pairs = (await seeded.api('wang', 'GET', `/api/documents/${doc}/pairs`)).json() as { id: number; version: number }[];
  expect((await seeded.api('wang', 'POST', `/api/pairs/${pairs[0]!.id}/review`, { decision: 'approve', version: pairs[0]!.version })).status).toBe(200);
  secret = { doc, pair: pairs[0]!.id };
  routes = listRoutes(createApp({ store: sqliteStore(openDatabase(':memory:')), i18n: await createI18n() }));
});
afterAll(() => seeded.server.close());

/** Routes that name a document or a pair, with the secret document's ids in place of the parameters. */
function routesOnSecret(): { route: RouteInfo; url: string }[] {
  return routes.flatMap((route) => {
    const p = route.path;
    let url: string;
    if (p.startsWith('/api/pairs/:id')) url = p.replace(':id', String(secret.pair));
    else if (/^\/(api\/)?documents\/:(doc|id)/.test(p)) url = p.replace(/:(doc|id)/, String(secret.doc)).replace(':pair', String(secret.pair));
    else return [];
    return [{ route, url }];
  });
}

async function asUser(name: string): Promise<Client> {
  const c = new Client(seeded.server.url);
  await c.login(name);
  await c.get('/documents');
  return c;
}

describe('a document shared with members only', () => {
  it('when someone who is not a member calls any route naming it or its pairs then each answers 404 and shows none of its text', async () => {
    const lin = await asUser('lin');
    const found = routesOnSecret();
    expect(found.length).toBeGreaterThan(20);
    const leaks: string[] = [];
    for (const { route, url } of found) {
      const res = await lin.request(route.method, url, {
        ...(['GET', 'HEAD'].includes(route.method) ? {} : { form: { version: '1', tgt: 'x', decision: 'approve', comment: 'c', shared: '1', name: 'lin' } }),
        headers: { 'X-CSRF-Token': lin.csrf },
      });
      if (res.status !== 404 || res.text.includes('Suzhou') || res.text.includes('苏州')) leaks.push(`${route.method} ${route.path}: ${res.status}`);
    }
    expect(leaks).toEqual([]);
    // The token of the API sees no more than the session.
    expect((await seeded.api('lin', 'GET', `/api/documents/${secret.doc}/pairs`)).status).toBe(404);
    expect((await seeded.api('lin', 'PUT', `/api/pairs/${secret.pair}`, { tgt: 'overwritten', version: 2 })).status).toBe(404);
    expect(seeded.server.db.prepare('SELECT tgt_text FROM pairs WHERE id = ?').pluck().get(secret.pair)).toBe(SECRET_EN);
  });

  it('when someone who is not a member lists documents or opens the editor on a similar sentence then the document and its text stay out', async () => {
    const list = (await seeded.api('lin', 'GET', '/api/documents')).json() as { id: number }[];
    expect(list.map((d) => d.id)).not.toContain(secret.doc);
    expect(list.length).toBe(2);
    const lin = await asUser('lin');
    expect((await lin.get('/documents')).text).not.toContain('机密');
    // A pair of the demo gets the secret's sentence, nearly: the memory would suggest the approved secret pair.
    const demo = seeded.docs.demo;
    const pair = (await seeded.api('lin', 'GET', `/api/documents/${demo}/pairs`)).json()[3] as { id: number };
    seeded.server.db.prepare("UPDATE segments SET text = ? WHERE pair_id = ? AND side = 'src'").run('董事会决定于二〇二七年三月关闭苏州的工厂。', pair.id);
    expect((await lin.get(`/documents/${demo}/pairs/${pair.id}/edit`)).text).not.toContain('Suzhou');
    const wang = await asUser('wang');
    expect((await wang.get(`/documents/${demo}/pairs/${pair.id}/edit`)).text).toContain('Suzhou');
  });

  it('when its creator adds a member then that member can open it, and when removed can no longer', async () => {
    const lin = await asUser('lin');
    expect((await lin.get(`/documents/${secret.doc}`)).status).toBe(404);
    const wang = await asUser('wang');
    const page = await wang.get(`/documents/${secret.doc}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-testid="access"');
    const added = await wang.request('POST', `/documents/${secret.doc}/members`, { form: { name: 'lin' }, headers: { 'X-CSRF-Token': wang.csrf, 'HX-Request': 'true' } });
    expect(added.status).toBe(200);
    expect(added.text).toMatch(/<span translate="no" hx-ignore>lin<\/span>/);
    expect((await lin.get(`/documents/${secret.doc}`)).status).toBe(200);
    expect((await seeded.api('lin', 'GET', '/api/documents')).json().map((d: { id: number }) => d.id)).toContain(secret.doc);
    // A member works on it but may not change who can open it.
    expect((await lin.request('POST', `/documents/${secret.doc}/members`, { form: { name: 'mei' }, headers: { 'X-CSRF-Token': lin.csrf } })).status).toBe(403);
    expect((await seeded.api('lin', 'POST', `/api/documents/${secret.doc}/access`, { shared: true })).status).toBe(403);
    await wang.request('POST', `/documents/${secret.doc}/members/delete`, { form: { name: 'lin' }, headers: { 'X-CSRF-Token': wang.csrf } });
    expect((await lin.get(`/documents/${secret.doc}`)).status).toBe(404);
  });

  it('when a name is unknown then the change is refused with a sentence and nothing changes, all names or none', async () => {
    const res = await seeded.api('wang', 'POST', `/api/documents/${secret.doc}/access`, { add: ['mei', 'nobody'] });
    expect(res.status).toBe(400);
    expect(res.json().error).toMatch(/no user named "nobody"/);
    expect((await seeded.api('wang', 'GET', `/api/documents/${secret.doc}/access`)).json().members).toEqual([]);
    const wang = await asUser('wang');
    const refused = await wang.request('POST', `/documents/${secret.doc}/members`, { form: { name: '不存在' }, headers: { 'X-CSRF-Token': wang.csrf, 'HX-Request': 'true' } });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('role="alert"');
  });

  it('when an admin opens it then it is there, and sharing it with the team opens it to everyone until it is limited again', async () => {
    expect((await seeded.api('root', 'GET', `/api/documents/${secret.doc}`)).status).toBe(200);
    expect((await seeded.api('mei', 'GET', `/api/documents/${secret.doc}`)).status).toBe(404);
    expect((await seeded.api('root', 'POST', `/api/documents/${secret.doc}/access`, { shared: true })).json().shared).toBe(true);
    expect((await seeded.api('mei', 'GET', `/api/documents/${secret.doc}`)).status).toBe(200);
    expect((await seeded.api('wang', 'POST', `/api/documents/${secret.doc}/access`, { shared: false })).status).toBe(200);
    expect((await seeded.api('mei', 'GET', `/api/documents/${secret.doc}`)).status).toBe(404);
  });

  it('when a document is imported for the team (the default) then every user sees it', async () => {
    const res = await upload(seeded.server, '/api/documents/import', {
      source: { name: 'team.txt', content: '团队文件。' }, translation: { name: 'team.en.txt', content: 'A team file.' },
    }, { token: seeded.tokens.lin });
    expect(res.status).toBe(201);
    expect((await seeded.api('mei', 'GET', `/api/documents/${res.json().id}`)).status).toBe(200);
    const bad = await upload(seeded.server, '/api/documents/import', {
      source: { name: 'x.txt', content: '文件。' }, translation: { name: 'x.en.txt', content: 'A file.' },
    }, { token: seeded.tokens.lin, fields: { access: 'secret' } });
    expect(bad.status).toBe(400);
  });
});
