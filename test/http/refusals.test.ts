// Malformed requests and hostile values answer 4xx with a sentence in the reader's language and write nothing (issue 12, finding 7).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { seedDocuments } from '../support/seed.ts';
import { storedCounts, tokenFor, upload } from '../transfer/transfer-support.ts';

let server: TestServer;
let lin: string;
let demo: number;
const HAN = /\p{Script=Han}/u;

beforeAll(async () => {
  server = await startTestServer();
  lin = await tokenFor(server.store, 'lin', 'admin');
  demo = (await seedDocuments(server.store)).demo;
});
afterAll(() => server.close());

const part = (name: string, filename: string, body: string, extra = '') =>
  `--XyZ\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\n${extra}Content-Type: text/plain\r\n\r\n${body}\r\n`;

const MULTIPART: [string, string, string][] = [
  ['a bad part header', 'multipart/form-data; boundary=XyZ', part('source', 'a.txt', '中文。', 'This is not a header\r\n') + '--XyZ--\r\n'],
  ['a truncated body', 'multipart/form-data; boundary=XyZ', part('source', 'a.txt', '中文。').slice(0, -10)],
  ['a missing boundary', 'multipart/form-data', part('source', 'a.txt', '中文。') + '--XyZ--\r\n'],
  ['a 20 KB file name', 'multipart/form-data; boundary=XyZ', part('source', `${'名'.repeat(7000)}.txt`, '中文。') + '--XyZ--\r\n'],
];

async function post(url: string, contentType: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(server.url + url, { method: 'POST', body, headers: { authorization: `Bearer ${lin}`, 'content-type': contentType, ...headers } });
  return { status: res.status, text: await res.text() };
}

describe('refused requests', () => {
  it.each(MULTIPART)('when an upload has %s then the API answers 400 with a sentence and the form one in Chinese', async (_name, type, body) => {
    const before = await storedCounts(server);
    const api = await post('/api/documents/import', type, body);
    expect(api.status).toBe(400);
    expect(JSON.parse(api.text).error).toMatch(/^The upload could not be read/);
    const form = await post('/import', type, body, { 'hx-request': 'true', 'accept-language': 'zh-CN' });
    expect(form.status).toBe(400);
    expect(form.text).toMatch(HAN);
    expect(form.text).toContain('无法把这次上传读取为带文件的表单');
    expect(await storedCounts(server)).toEqual(before);
  });

  it('when a file named "   .txt" comes without a title then the import answers 400 asking for one', async () => {
    const before = await storedCounts(server);
    const res = await upload(server, '/api/documents/import', { source: { name: '   .txt', content: '中文。' }, translation: { name: 'en.txt', content: 'Chinese.' } }, { token: lin, fields: { title: '  ' } });
    expect(res.status).toBe(400);
    expect(res.json().error).toMatch(/title/);
    expect(await storedCounts(server)).toEqual(before);
  });

  it('when a member name is empty or blank then the API and the panel ask for a name (not "no user named “”") and change nothing', async () => {
    const members = async () => (await server.value('SELECT count(*) FROM document_members'));
    const before = await members();
    const api = await post(`/api/documents/${demo}/access`, 'application/json', JSON.stringify({ add: ['  '] }));
    expect(api.status).toBe(400);
    expect(JSON.parse(api.text).error).toBe('Type the name of the user to add.');
    const panel = await post(`/documents/${demo}/members`, 'application/json', JSON.stringify({ name: '' }), { 'hx-request': 'true', 'accept-language': 'zh-CN' });
    expect(panel.status).toBe(400);
    expect(panel.text).toContain('请输入要添加的用户名。');
    expect(await members()).toBe(before);
  });

  it('when {"toString":1} is a member name then the API and the panel answer 400 with a sentence and change nothing', async () => {
    const members = async () => (await server.value('SELECT count(*) FROM document_members'));
    const before = await members();
    const api = await post(`/api/documents/${demo}/access`, 'application/json', JSON.stringify({ add: [{ toString: 1 }] }));
    expect(api.status).toBe(400);
    expect(JSON.parse(api.text).error).toBe('There is no user named "{"toString":1}".');
    const panel = await post(`/documents/${demo}/members`, 'application/json', JSON.stringify({ name: { toString: 1 } }), { 'hx-request': 'true', 'accept-language': 'zh-CN' });
    expect(panel.status).toBe(400);
    expect(panel.text).toMatch(HAN);
    expect(await members()).toBe(before);
  });

  it('when {"toString":1} is an alignment operation kind then the answer is 400 with a sentence', async () => {
    const version = (JSON.parse((await fetch(`${server.url}/api/documents/${demo}/alignment`, { headers: { authorization: `Bearer ${lin}` } }).then((r) => r.text()))) as { version: number }).version;
    const res = await post(`/api/documents/${demo}/alignment/ops`, 'application/json', JSON.stringify({ version, op: { kind: { toString: 1 }, row: 0 } }));
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).error).toBe('There is no alignment operation called "{"toString":1}".');
  });
});

describe('request bodies the parsers refuse', () => {
  // Read before anything else runs, so their refusals once came before the reader's language was known: the JSON
  // `message` was the key "errors.badJson", and a Chinese reader got body-parser's English ("too many parameters").
  const BODIES: [string, string, string, number, { en: string; zh: string }][] = [
    ['malformed JSON', 'application/json', '{"name":', 400, { en: 'The request body is not valid JSON.', zh: '请求正文不是有效的 JSON。' }],
    ['JSON over 1 MB', 'application/json', `{"name":"${'x'.repeat(1_100_000)}"}`, 413, { en: 'The request body is too large.', zh: '请求正文太大。' }],
    ['JSON in Latin-1', 'application/json; charset=latin1', '{"name":"x"}', 415, { en: 'The request body must be sent in UTF-8.', zh: '请求正文须以 UTF-8 发送。' }],
    ['a form of 2,000 fields', 'application/x-www-form-urlencoded', 'a=1&'.repeat(2000), 413, { en: 'The form has too many fields.', zh: '表单的字段太多。' }],
  ];
  it.each(BODIES)('when the body is %s then the API and the page answer with the sentence in the reader\'s language', async (_name, type, body, status, sentence) => {
    for (const [lang, text] of [['en', sentence.en], ['zh-CN', sentence.zh]] as const) {
      const api = await post('/api/users', type, body, { 'accept-language': lang });
      expect(api.status).toBe(status);
      expect(JSON.parse(api.text).message).toBe(text);
      const page = await post('/glossary', type, body, { 'accept-language': lang, 'hx-request': 'true' });
      expect(page.status).toBe(status);
      expect(page.text).toContain(text);
    }
  });
});

describe('refusals that come before our own code runs', () => {
  // The router's and raw-body's errors carry only an English message: a 中文 reader got "请求被拒绝（HTTP 400）".
  it('when an address has a broken %-escape then the API and the page say so in the reader\'s language', async () => {
    for (const [lang, text] of [['en', 'The address has a broken %-escape (%E0%A4); check the link.'], ['zh-CN', '地址中的 %-转义不完整（%E0%A4），请检查链接。']] as const) {
      const api = await fetch(`${server.url}/api/documents/%E0%A4`, { headers: { authorization: `Bearer ${lin}`, 'accept-language': lang } });
      expect(api.status).toBe(400);
      expect((await api.json()).message).toBe(text);
      const page = await fetch(`${server.url}/documents/%E0%A4/charts`, { headers: { authorization: `Bearer ${lin}`, 'accept-language': lang } });
      expect(page.status).toBe(400);
      // The value the user sent is marked translate="no" inside the sentence.
      expect((await page.text()).replace(/<\/?span[^>]*>/g, '')).toContain(text);
    }
  });

  it('when a gzip body does not inflate then the answer is 400 with the sentence in Chinese', async () => {
    const res = await post('/api/users', 'application/json', 'this is not gzip', { 'content-encoding': 'gzip', 'accept-language': 'zh-CN' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text).message).toBe('无法读取请求正文（正文不完整或压缩数据已损坏），请重新发送。');
  });
});

describe('an upload the client abandons', () => {
  it('when the client closes the connection mid-upload then the server logs one line and no stack trace', async () => {
    const { default: net } = await import('node:net');
    const { vi } = await import('vitest');
    const lines: string[] = [];
    const spies = (['error', 'warn', 'log'] as const).map((level) => vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
      lines.push(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '));
    }));
    try {
      const { port } = new URL(server.url);
      const socket = net.connect(Number(port), '127.0.0.1');
      await new Promise((resolve) => socket.once('connect', resolve));
      socket.write(`POST /api/documents/import HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${lin}\r\n` +
        'Content-Type: multipart/form-data; boundary=XyZ\r\nContent-Length: 1000000\r\n\r\n' + part('source', 'a.txt', '中文。'.repeat(1000)));
      await new Promise((resolve) => setTimeout(resolve, 200));
      socket.destroy();
      await expect.poll(() => lines.length, { timeout: 30_000 }).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Upload aborted by the client: POST \/api\/documents\/import/);
      expect(lines[0]).not.toContain('\n    at ');
    } finally {
      spies.forEach((s) => s.mockRestore());
    }
  });
});
