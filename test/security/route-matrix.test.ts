// Every route × {anonymous, translator, reviewer, admin}, and every state-changing route without its CSRF token.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { createI18n } from '../../server/http/i18n.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import { glossary } from '../../server/services/glossary.ts';
import { addUser, Client, startTestServer, type TestServer } from '../support/test-server.ts';
import { pairWith, seedDocuments } from '../support/seed.ts';
import { listRoutes, type RouteInfo } from '../support/route-list.ts';

type Outcome = 'ok' | 'login' | 403;
type Rule = Record<'anonymous' | 'translator' | 'reviewer' | 'admin', Outcome>;
const PUBLIC: Rule = { anonymous: 'ok', translator: 'ok', reviewer: 'ok', admin: 'ok' };
const ANY_USER: Rule = { anonymous: 'login', translator: 'ok', reviewer: 'ok', admin: 'ok' };
const REVIEWERS: Rule = { anonymous: 'login', translator: 403, reviewer: 'ok', admin: 'ok' };
const ADMINS: Rule = { anonymous: 'login', translator: 403, reviewer: 403, admin: 'ok' };

// Deny by default: a route missing from this table fails the suite until someone decides who may use it.
const RULES: Record<string, Rule> = {
  'GET /healthz': PUBLIC,
  'GET /favicon.ico': PUBLIC,
  'GET /': PUBLIC,
  'GET /login': PUBLIC,
  'POST /login': PUBLIC,
  'POST /logout': PUBLIC,
  'POST /language': PUBLIC,
  'GET /signed-in': ANY_USER,
  'GET /api/session': ANY_USER,
  'GET /documents': ANY_USER,
  'GET /documents/:doc': ANY_USER,
  'GET /documents/:doc/rows': ANY_USER,
  'GET /documents/:doc/progress': ANY_USER,
  // Readers only: the document gate answers 404 to anyone who may not open it (test/http/live-rows.test.ts).
  'GET /documents/:doc/changes': ANY_USER,
  'GET /documents/:doc/charts': ANY_USER,
  'GET /documents/:doc/analysis': ANY_USER,
  'GET /documents/:doc/analysis.csv': ANY_USER,
  'GET /api/documents/:doc/analysis': ANY_USER,
  'GET /documents/:doc/pairs/:pair/row': ANY_USER,
  'GET /documents/:doc/pairs/:pair/edit': ANY_USER,
  'GET /documents/:doc/pairs/:pair/history': ANY_USER,
  'POST /documents/:doc/pairs/:pair/save': ANY_USER,
  'POST /documents/:doc/pairs/:pair/confirm': ANY_USER,
  'POST /documents/:doc/pairs/:pair/approve': REVIEWERS,
  'POST /documents/:doc/pairs/:pair/reject': REVIEWERS,
  'POST /documents/:doc/pairs/:pair/clear': ANY_USER,
  'POST /documents/:doc/pairs/:pair/restore': ANY_USER,
  'GET /documents/:doc/pairs/:pair/comments': ANY_USER,
  'POST /documents/:doc/pairs/:pair/comments': ANY_USER,
  'POST /documents/:doc/pairs/:pair/comments/:thread/replies': ANY_USER,
  'POST /documents/:doc/pairs/:pair/comments/:thread/resolve': ANY_USER,
  'POST /documents/:doc/machine-translate': ANY_USER,
  'GET /api/documents': ANY_USER,
  'GET /api/documents/:doc': ANY_USER,
  'GET /document-list': ANY_USER,
  // The demo has no creator: only admins manage it. The matrix puts it back after each call (see call()).
  'POST /documents/:doc/rename': ADMINS,
  'POST /documents/:doc/archive': ADMINS,
  'POST /documents/:doc/delete': ADMINS,
  'POST /documents/:doc/restore': ADMINS,
  'POST /documents/:doc/purge': ADMINS,
  'POST /trash/empty': ADMINS,
  'PATCH /api/documents/:doc': ADMINS,
  'DELETE /api/documents/:doc': ADMINS,
  'POST /api/documents/:doc/restore': ADMINS,
  'DELETE /api/trash': ADMINS,
  'DELETE /api/trash/:doc': ADMINS,
  'GET /api/documents/:id/pairs': ANY_USER,
  'POST /api/documents/:doc/machine-translate': ANY_USER,
  // Who may see a job (its starter, an admin, whoever may open its document) is test/http/jobs.test.ts's.
  'GET /api/jobs/:id': ANY_USER,
  'GET /jobs/:id': ANY_USER,
  // An export's file follows its document's rule: test/http/export-jobs.test.ts.
  'GET /api/jobs/:id/file': ANY_USER,
  'GET /jobs/:id/file': ANY_USER,
  'POST /documents/:id/exports': ANY_USER,
  'PUT /api/pairs/:id': ANY_USER,
  'POST /api/pairs/:id/confirm': ANY_USER,
  'POST /api/pairs/:id/review': REVIEWERS,
  'POST /api/pairs/:id/clear': ANY_USER,
  'POST /api/pairs/:id/restore': ANY_USER,
  'GET /api/pairs/:id/history': ANY_USER,
  'GET /api/pairs/:id/comments': ANY_USER,
  'POST /api/pairs/:id/comments': ANY_USER,
  'POST /api/pairs/:id/comments/:thread/replies': ANY_USER,
  'POST /api/pairs/:id/comments/:thread/resolve': ANY_USER,
  'GET /admin/users': ADMINS,
  'POST /admin/users': ADMINS,
  'POST /admin/users/:id/role': ADMINS,
  'POST /admin/users/:id/reset-password': ADMINS,
  'POST /admin/users/:id/deactivate': ADMINS,
  'POST /admin/users/:id/reactivate': ADMINS,
  'GET /api/users': ADMINS,
  'POST /api/users': ADMINS,
  'PATCH /api/users/:id': ADMINS,
  'POST /api/users/:id/reset-password': ADMINS,
  'GET /account': ANY_USER,
  'POST /account/password': ANY_USER,
  'POST /account/tokens': ANY_USER,
  'POST /account/tokens/:id/revoke': ANY_USER,
  'GET /api/account/tokens': ANY_USER,
  'POST /api/account/tokens': ANY_USER,
  'DELETE /api/account/tokens/:id': ANY_USER,
  'POST /api/account/password': ANY_USER,
  'POST /api/login-locks/unlock': ADMINS,
  'GET /glossary': ANY_USER,
  'GET /glossary/entries': ANY_USER,
  'GET /glossary/:id/edit': REVIEWERS,
  'POST /glossary/:id/edit': REVIEWERS,
  'PATCH /api/glossary/:id': REVIEWERS,
  'GET /glossary.csv': ANY_USER,
  'GET /glossary.tbx': ANY_USER,
  'POST /glossary/import-file': ANY_USER,
  'POST /api/glossary/import-file': ANY_USER,
  'POST /glossary': ANY_USER,
  'POST /glossary/:id/delete': REVIEWERS,
  'POST /glossary/import': ANY_USER,
  'GET /api/glossary': ANY_USER,
  'POST /api/glossary': ANY_USER,
  'POST /api/glossary/import': ANY_USER,
  'DELETE /api/glossary/:id': REVIEWERS,
  'GET /documents/:id/export': ANY_USER,
  'GET /api/documents/:id/export': ANY_USER,
  'GET /documents/:id/translation': ANY_USER,
  'GET /api/documents/:id/translation': ANY_USER,
  'GET /documents/:id/bilingual': ANY_USER,
  'GET /api/documents/:id/bilingual': ANY_USER,
  // A download's headers without the file (and without the job a big document's GET starts).
  'HEAD /documents/:id/export': ANY_USER,
  'HEAD /api/documents/:id/export': ANY_USER,
  'HEAD /documents/:id/translation': ANY_USER,
  'HEAD /api/documents/:id/translation': ANY_USER,
  'HEAD /documents/:id/bilingual': ANY_USER,
  'HEAD /api/documents/:id/bilingual': ANY_USER,
  'GET /import': ANY_USER,
  'POST /import': ANY_USER,
  'POST /api/documents/import': ANY_USER,
  'POST /api/memory/import': REVIEWERS,
  // What a user may see of the memory: the loaded units and the approved pairs of documents they may open.
  'GET /memory.tmx': ANY_USER,
  'GET /api/memory/export': ANY_USER,
  'GET /documents/:doc/align': ANY_USER,
  'GET /documents/:doc/align/rows': ANY_USER,
  'GET /documents/:doc/align/strip': ANY_USER,
  'GET /api/documents/:doc/alignment': ANY_USER,
  'POST /api/documents/:doc/alignment/ops': ANY_USER,
  'POST /api/documents/:doc/alignment/undo': ANY_USER,
  'POST /api/documents/:doc/alignment/redo': ANY_USER,
  'GET /api/documents/:doc/alignment/stack': ANY_USER,
  'GET /api/documents/:doc/alignment/realign-preview': ANY_USER,
  'GET /api/documents/:doc/rows/find': ANY_USER,
  'GET /concordance': ANY_USER,
  'GET /concordance/results': ANY_USER,
  'GET /api/concordance': ANY_USER,
  'POST /documents/:doc/replace/preview': ANY_USER,
  'POST /documents/:doc/replace': ANY_USER,
  'GET /documents/:doc/batches/last': ANY_USER,
  'POST /documents/:doc/batches/:batch/undo': ANY_USER,
  'GET /documents/:doc/pairs/:pair/repeats': ANY_USER,
  'POST /documents/:doc/pairs/:pair/propagate': ANY_USER,
  'POST /api/documents/:doc/replace/preview': ANY_USER,
  'POST /api/documents/:doc/replace': ANY_USER,
  'POST /api/documents/:doc/batches/:batch/undo': ANY_USER,
  'GET /api/pairs/:pair/repeats': ANY_USER,
  'POST /api/pairs/:pair/propagate': ANY_USER,
  // The demo has no creator, so only admins may change who can open it.
  'POST /documents/:doc/sharing': ADMINS,
  'POST /documents/:doc/members': ADMINS,
  'POST /documents/:doc/members/delete': ADMINS,
  'GET /api/documents/:doc/access': ANY_USER,
  'POST /api/documents/:doc/access': ADMINS,
};

let server: TestServer;
let routes: RouteInfo[];
let ids: { doc: number; pair: number; glossary: number; user: number };
const sessions: Record<string, Client> = {};

beforeAll(async () => {
  server = await startTestServer();
  // "zhao" is the user the admin routes act on: deactivating or resetting one of the callers would end the matrix's own sessions.
  for (const [name, role] of [['lin', 'translator'], ['wang', 'reviewer'], ['root', 'admin'], ['zhao', 'translator']] as const) await addUser(server.store, name, role);
  const { demo } = await seedDocuments(server.store);
  // Added by nobody (as entries from before authors were kept): only reviewers and admins may delete it.
  await glossary(server.store).importCsv('zh,en\n测试,test');
  ids = {
    doc: demo,
    pair: (await pairWith(server.store, demo, 'Moon Jae-in is in China')).id,
    glossary: server.db.prepare("SELECT id FROM glossary_terms WHERE zh = '测试'").pluck().get() as number,
    user: server.db.prepare("SELECT id FROM users WHERE name = 'zhao'").pluck().get() as number,
  };
  routes = listRoutes(createApp({ store: sqliteStore(openDatabase(':memory:')), i18n: await createI18n() }));
  for (const [role, name] of [['translator', 'lin'], ['reviewer', 'wang'], ['admin', 'root']]) {
    const c = new Client(server.url);
    await c.login(name!);
    await c.get('/documents');
    sessions[role!] = c;
  }
});
afterAll(() => server.close());

function concrete(path: string): string {
  return path.replace(':doc', String(ids.doc)).replace(':pair', String(ids.pair))
    .replace(/\/api\/pairs\/:id/, `/api/pairs/${ids.pair}`).replace(/\/glossary\/:id/, `/glossary/${ids.glossary}`)
    .replace(/\/users\/:id/, `/users/${ids.user}`)
    .replace(':id', String(ids.doc));
}

/** Methods that change nothing: no body, no CSRF token needed. */
const SAFE = ['GET', 'HEAD'];

async function call(client: Client, route: RouteInfo, withToken: boolean) {
  const url = concrete(route.path);
  const headers: Record<string, string> = withToken && client.csrf ? { 'X-CSRF-Token': client.csrf } : {};
  if (SAFE.includes(route.method)) return client.request(route.method, url, { headers });
  // The version is wrong on purpose: authorisation is decided before the body is looked at.
  const res = await client.request(route.method, url, { form: { version: '999', tgt: 'x', decision: 'approve', comment: 'c', zh: '词', en: 'word', csv: 'zh,en\n词,word' }, headers });
  // An admin's delete or archive would hide the demo from the routes after it: it goes back on the working shelf.
  server.db.prepare('UPDATE documents SET trashed_at = NULL, archived_at = NULL').run();
  return res;
}

function outcomeOf(route: RouteInfo, status: number, location: string | null): Outcome {
  if (status === 403) return 403;
  if (route.path === '/login') return 'ok'; // its 401 is a wrong password, not a refusal
  if (status === 401 || (status === 303 && location?.startsWith('/login') && route.path !== '/logout' && route.path !== '/language')) return 'login';
  return 'ok';
}

describe('the route table', () => {
  it('when the app lists its routes then every one has an access rule (deny by default)', () => {
    const unknown = routes.map((r) => `${r.method} ${r.path}`).filter((k) => !RULES[k]);
    expect(unknown).toEqual([]);
    expect(routes.length).toBeGreaterThan(30);
  });
});

describe('authorisation matrix', () => {
  for (const role of ['anonymous', 'translator', 'reviewer', 'admin'] as const) {
    it(`when a ${role} calls every route then each answer matches its rule`, async () => {
      const mismatches: string[] = [];
      for (const route of routes) {
        const rule = RULES[`${route.method} ${route.path}`];
        if (!rule || route.path === '/logout') continue; // logging out would end the session the next routes use
        const client = role === 'anonymous' ? new Client(server.url) : sessions[role]!;
        if (role === 'anonymous') await client.get('/login');
        const res = await call(client, route, true);
        expect(res.status, `${route.method} ${route.path}`).toBeLessThan(500);
        const got = outcomeOf(route, res.status, res.headers.get('location'));
        if (got !== rule[role]) mismatches.push(`${route.method} ${route.path}: expected ${rule[role]}, got ${got} (${res.status})`);
      }
      expect(mismatches).toEqual([]);
    });
  }
});

describe('CSRF', () => {
  it('when any state-changing route is called with the session cookie but no token then it answers 403 and changes nothing', async () => {
    const before = server.db.prepare("SELECT (SELECT count(*) FROM revisions) || ':' || (SELECT count(*) FROM glossary_terms) || ':' || (SELECT count(*) FROM documents)").pluck().get();
    const c = new Client(server.url);
    await c.login('root');
    const failures: string[] = [];
    for (const route of routes.filter((r) => !SAFE.includes(r.method) && r.path !== '/login')) {
      const res = await call(c, route, false);
      if (res.status !== 403) failures.push(`${route.method} ${route.path}: ${res.status}`);
    }
    expect(failures).toEqual([]);
    const anonymous = new Client(server.url);
    expect((await anonymous.request('POST', '/login', { form: { name: 'root', password: 'correct horse 12' } })).status).toBe(403);
    expect(server.db.prepare("SELECT (SELECT count(*) FROM revisions) || ':' || (SELECT count(*) FROM glossary_terms) || ':' || (SELECT count(*) FROM documents)").pluck().get()).toBe(before);
  });
});
