// Private answers carry Cache-Control: no-store; static assets stay cacheable (issue 12, finding 10).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { seedDocuments } from '../support/seed.ts';
import { tokenFor } from '../transfer/transfer-support.ts';

let server: TestServer;
let lin: string;
let demo: number;
let pair: number;

beforeAll(async () => {
  server = await startTestServer();
  lin = await tokenFor(server.store, 'lin', 'translator');
  demo = (await seedDocuments(server.store)).demo;
  pair = (await server.value('SELECT id FROM pairs WHERE document_id = ? AND noise = 0 ORDER BY idx LIMIT 1', [demo])) as number;
});
afterAll(() => server.close());

const get = (url: string, auth = true) => fetch(server.url + url, { headers: auth ? { authorization: `Bearer ${lin}` } : {}, redirect: 'manual' });

describe('Cache-Control', () => {
  it.each([
    ['the document list', () => '/documents'], ['a document page', () => `/documents/${demo}`], ['a rows fragment', () => `/documents/${demo}/rows?offset=0`],
    ['the editor fragment', () => `/documents/${demo}/pairs/${pair}/edit`], ['the API pairs', () => `/api/documents/${demo}/pairs`],
    ['a TMX export', () => `/api/documents/${demo}/export?format=tmx&state=all`], ['the glossary CSV', () => '/glossary.csv'],
    ['an API error', () => '/api/documents/99999'],
  ])('when %s is fetched then the answer says no-store', async (_name, url) => {
    const res = await get(url());
    expect(res.status).toBeLessThan(500);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('when the login page is fetched anonymously then it is no-store too (it carries a CSRF cookie)', async () => {
    expect((await get('/login', false)).headers.get('cache-control')).toBe('no-store');
  });

  it('when static assets are fetched then they stay cacheable for an hour', async () => {
    for (const url of ['/static/htmx.min.js', '/static/app.css', '/static/favicon.svg']) {
      const res = await get(url, false);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=3600');
    }
  });

  it('when a browser asks for /favicon.ico then it is sent to the page\'s icon, not answered 404', async () => {
    const res = await get('/favicon.ico', false);
    expect(res.status).toBe(301);
    expect(res.headers.get('location')).toBe('/static/favicon.svg');
    expect((await get('/static/favicon.svg', false)).headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(await (await get('/login', false)).text()).toContain('<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">');
  });
});
