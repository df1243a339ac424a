// Import by web address: pages fetched by the server from a local site on the allow-list; every address that is not
// public, every other scheme, redirects to either, slow servers and large bodies refused in the reader's language.

import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { storedCounts, tokenFor } from '../transfer/transfer-support.ts';
import { chineseNewsPage, englishNewsPage, EN_SENTENCES } from '../formats/source/news-pages.ts';
import { isPublicAddress } from '../../server/domain/public-address.ts';

const LIMIT = 64 * 1024;
let site: http.Server;
let other: http.Server;
let server: TestServer;
let token: string;
let base: string;
let otherBase: string;
const pending: http.ServerResponse[] = [];

function listen(handler: http.RequestListener): Promise<http.Server> {
  return new Promise((resolve) => {
    const s = http.createServer(handler);
    s.listen(0, '127.0.0.1', () => resolve(s));
  });
}

beforeAll(async () => {
  // A second local server that is not on the allow-list: what a redirect to 127.0.0.1 would reach.
  other = await listen((_req, res) => res.end('<html><body><p>Internal admin page with secrets inside it, which must never be read.</p></body></html>'));
  otherBase = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
  site = await listen((req, res) => {
    const go = (status: number, location: string) => res.writeHead(status, { location }).end();
    switch (req.url) {
      case '/en/story.html': return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(englishNewsPage());
      case '/zh/story': return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(chineseNewsPage());
      case '/moved': return go(301, '/zh/story');
      case '/to-local': return go(302, `${otherBase}/admin`);
      case '/to-metadata': return go(302, 'http://169.254.169.254/latest/meta-data/');
      case '/to-file': return go(302, 'file:///etc/passwd');
      case '/loop': return go(302, '/loop');
      case '/missing': return res.writeHead(404).end('no');
      case '/slow': pending.push(res); return undefined; // never answers
      case '/huge': return res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><body>${'<p>很长的网页。</p>'.repeat(LIMIT / 10)}</body></html>`);
      case '/huge-chunked': {
        res.writeHead(200, { 'content-type': 'text/html' });
        for (let i = 0; i < 40; i++) res.write('<p>'.padEnd(4096, 'x'));
        return res.end();
      }
      default: return res.writeHead(404).end();
    }
  });
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  server = await startTestServer({ maxUpload: LIMIT, fetch: { allow: [base.replace('http://', '')], timeoutMs: 1500 } });
  token = await tokenFor(server.store, 'lin', 'translator');
});

afterAll(async () => {
  for (const res of pending) res.destroy();
  await server.close();
  site.closeAllConnections();
  await new Promise((r) => site.close(r));
  await new Promise((r) => other.close(r));
});

async function importUrls(fields: Record<string, string>, headers: Record<string, string> = {}, path = '/api/documents/import') {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  const res = await fetch(server.url + path, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}`, ...headers }, redirect: 'manual' });
  return { status: res.status, text: await res.text() };
}

describe('import by web address', () => {
  it('when the Chinese and the English page are given by address then both are fetched, read as pages and aligned', async () => {
    const res = await importUrls({ sourceUrl: `${base}/moved`, translationUrl: `${base}/en/story.html` });
    expect(res.status, res.text).toBe(201);
    const id = JSON.parse(res.text).id as number;
    const names = await server.rows('SELECT name, format FROM sources WHERE document_id = ? ORDER BY side', [id]);
    expect(names).toEqual([{ name: `${base}/zh/story`, format: 'html' }, { name: `${base}/en/story.html`, format: 'html' }]);
    const tgt = (await server.rows<{ text: string }>("SELECT text FROM segments WHERE document_id = ? AND side = 'tgt' AND noise = 0 ORDER BY idx", [id])).map((s) => s.text).join(' ');
    for (const s of EN_SENTENCES) expect(tgt).toContain(s);
  });

  it('when the Chinese page alone is given by address then its article is untranslated rows, and the translation downloads as a page', async () => {
    const res = await importUrls({ sourceUrl: `${base}/zh/story` });
    expect(res.status, res.text).toBe(201);
    const id = JSON.parse(res.text).id as number;
    expect(await server.rows('SELECT side, format FROM sources WHERE document_id = ?', [id])).toEqual([{ side: 'src', format: 'html' }]);
    const rows = await server.rows<{ state: number; tgt_text: string }>('SELECT state, tgt_text FROM pairs WHERE document_id = ? AND noise = 0', [id]);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.every((r) => r.state === 0 && r.tgt_text === '')).toBe(true);
    const out = await fetch(`${server.url}/api/documents/${id}/translation`, { headers: { authorization: `Bearer ${token}` } });
    expect(out.status).toBe(200);
    expect(out.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(out.headers.get('x-duiqi-untranslated')).toBe(String(rows.length));
  });

  it('when an address is mixed with an uploaded plain text then they align', async () => {
    const form = new FormData();
    form.append('sourceUrl', `${base}/zh/story`);
    form.append('translation', new Blob([EN_SENTENCES.join(' ')]), 'en.txt');
    const res = await fetch(`${server.url}/api/documents/import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(201);
  });

  const refusals: [string, () => Record<string, string>, number, RegExp, RegExp][] = [
    ['a loopback address not on the allow-list', () => ({ sourceUrl: `${otherBase}/admin` }), 400, /127\.0\.0\.1, which is not a public internet address/, /不是公网地址/],
    ['a redirect to 127.0.0.1', () => ({ sourceUrl: `${base}/to-local` }), 400, /127\.0\.0\.1, which is not a public internet address/, /不是公网地址/],
    ['a redirect to the cloud metadata address', () => ({ sourceUrl: `${base}/to-metadata` }), 400, /169\.254\.169\.254/, /169\.254\.169\.254/],
    ['a redirect to a file: address', () => ({ sourceUrl: `${base}/to-file` }), 400, /not "file"/, /不能获取“file”/],
    ['a file: address', () => ({ sourceUrl: 'file:///etc/passwd' }), 400, /Only http and https/, /只能获取 http 和 https/],
    ['a private network address', () => ({ sourceUrl: 'http://10.1.2.3/page' }), 400, /10\.1\.2\.3/, /不是公网地址/],
    ['an IPv6 loopback', () => ({ sourceUrl: 'http://[::1]:80/' }), 400, /::1/, /不是公网地址/],
    ['a name that resolves to this machine', () => ({ sourceUrl: 'http://localhost/' }), 400, /"localhost" is at .*not a public/, /“<span translate="no">localhost<\/span>”的地址/],
    ['an endless redirect', () => ({ sourceUrl: `${base}/loop` }), 400, /redirects more than 5 times/, /重定向超过了 5 次/],
    ['a missing page', () => ({ sourceUrl: `${base}/missing` }), 400, /answered 404/, /返回了 404/],
    ['a server that never answers', () => ({ sourceUrl: `${base}/slow` }), 400, /did not answer within 1\.5 seconds/, /在 1\.5 秒内没有响应/],
    ['a page larger than the upload limit', () => ({ sourceUrl: `${base}/huge` }), 413, /larger than the upload limit/, /超过了 0\.1 MB 的上传上限/],
    ['a chunked page larger than the limit', () => ({ sourceUrl: `${base}/huge-chunked` }), 413, /larger than the upload limit/, /上传上限/],
    ['not an address at all', () => ({ sourceUrl: 'not a url' }), 400, /is not a web address/, /不是网址/],
  ];
  it.each(refusals)('when the address is %s then it is refused with a sentence and nothing is written', async (_name, fields, status, english, chinese) => {
    const before = await storedCounts(server);
    const api = await importUrls({ ...fields(), translation: '' });
    expect(api.status, api.text).toBe(status);
    expect(JSON.parse(api.text).error).toMatch(english);
    const form = await importUrls(fields(), { 'accept-language': 'zh-CN', 'hx-request': 'true' }, '/import');
    expect(form.status).toBe(status);
    expect(form.text).toMatch(chinese);
    expect(await storedCounts(server)).toEqual(before);
  });

  it('when a file and an address are both given for one side then it is refused', async () => {
    const form = new FormData();
    form.append('sourceUrl', `${base}/zh/story`);
    form.append('source', new Blob(['你好。']), 'zh.txt');
    const res = await fetch(`${server.url}/api/documents/import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatch(/either a file or a web address/);
  });
});

describe('public addresses', () => {
  it.each([
    ['93.184.215.14', true], ['8.8.8.8', true], ['2606:4700:4700::1111', true],
    ['127.0.0.1', false], ['127.8.9.1', false], ['0.0.0.0', false], ['10.0.0.1', false], ['172.16.5.4', false], ['172.31.255.255', false],
    ['192.168.1.1', false], ['169.254.169.254', false], ['100.64.0.1', false], ['224.0.0.1', false], ['255.255.255.255', false],
    ['::1', false], ['::', false], ['::ffff:127.0.0.1', false], ['::ffff:8.8.8.8', false], ['fe80::1', false], ['fd00::1', false],
    ['ff02::1', false], ['64:ff9b::7f00:1', false], ['2002:7f00:1::', false], ['2001:db8::1', false], ['localhost', false], ['', false],
  ])('when the address is %s then public is %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});
