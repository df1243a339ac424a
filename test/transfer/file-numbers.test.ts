// Numbers and dates from files are checked before anything is written (issue 12, finding 6).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { json as jsonFormat } from '../../server/formats/json.ts';
import { tmx } from '../../server/formats/tmx.ts';
import { MAX_WHOLE } from '../../server/formats/bilingual-document.ts';
import { sampleDocument } from '../formats/sample-documents.ts';
import { storedCounts, tokenFor, upload } from './transfer-support.ts';

let server: TestServer;
let lin: string;

const call = async (method: string, url: string, body?: unknown) => {
  const res = await fetch(server.url + url, {
    method, headers: { authorization: `Bearer ${lin}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() as Record<string, unknown> };
};

beforeAll(async () => {
  server = await startTestServer();
  lin = await tokenFor(server.store, 'lin', 'translator');
});
afterAll(() => server.close());

describe('numbers from files', () => {
  const good = jsonFormat.serialize(sampleDocument());
  it.each([
    ['a JSON version 1e300', 'huge.json', good.replace('"version": 4', '"version": 1e300'), /pairs\[0\]\.version must be a whole number from 1 to 2147483647/],
    ['a JSON date that is a number', 'date.json', good.replace(/"changedAt": "[^"]+"/, '"changedAt": 20240501'), /pairs\[0\]\.changedAt must be a real ISO 8601/],
    ['a TMX version 0', 'zero.tmx', tmx.serialize(sampleDocument()).replace('"x-duiqi-version">4<', '"x-duiqi-version">0<'), /TMX version "0" is not a whole number from 1 to 2147483647\. \(line \d+\)/],
    ['a TMX index 1e20', 'far.tmx', tmx.serialize(sampleDocument()).replace('"x-duiqi-index">0<', '"x-duiqi-index">1e20<'), /TMX index "1e20" is not a whole number .*\(line \d+\)/],
  ])('when a file holds %s then the import answers 400 naming the place and writes nothing', async (_name, name, content, message) => {
    const before = await storedCounts(server);
    const res = await upload(server, '/api/documents/import', { source: { name, content } }, { token: lin });
    expect(res.status).toBe(400);
    expect(res.json().error).toMatch(message);
    expect(await storedCounts(server)).toEqual(before);
  });

  it('when a file gives the largest version allowed then merging and undoing its rows answer 200', async () => {
    const file = good.replace('"version": 4', `"version": ${MAX_WHOLE}`);
    const res = await upload(server, '/api/documents/import', { source: { name: 'big.json', content: file } }, { token: lin });
    expect(res.status).toBe(201);
    const doc = res.json().id as number;
    const alignment = await call('GET', `/api/documents/${doc}/alignment`);
    const merged = await call('POST', `/api/documents/${doc}/alignment/ops`, { version: alignment.body.version, op: { kind: 'merge', row: 0 } });
    expect(merged.status).toBe(200);
    const undone = await call('POST', `/api/documents/${doc}/alignment/undo`, { version: merged.body.version });
    expect(undone.status).toBe(200);
    const pairs = (await call('GET', `/api/documents/${doc}/pairs`)).body as unknown as { version: number }[];
    expect(Math.max(...pairs.map((p) => p.version))).toBeGreaterThanOrEqual(MAX_WHOLE);
  });
});

describe('control characters and encodings at import', () => {
  it('when a plain text holds a NUL then the import answers 400 naming the line and writes nothing', async () => {
    const before = await storedCounts(server);
    const res = await upload(server, '/api/documents/import', {
      source: { name: 'zh.txt', content: '第一句。\n第二\u0000句。' }, translation: { name: 'en.txt', content: 'One.\nTwo.' },
    }, { token: lin });
    expect(res.status).toBe(400);
    expect(res.json().error).toBe('The file "zh.txt" contains the control character U+0000 on line 2; remove it and upload the file again.');
    expect(await storedCounts(server)).toEqual(before);
  });

  it('when a JSON pair holds an escaped NUL then the import answers 400 naming the pair', async () => {
    const file = jsonFormat.serialize(sampleDocument()).replace('"tgt": "', '"tgt": "\\u0000');
    const res = await upload(server, '/api/documents/import', { source: { name: 'nul.json', content: file } }, { token: lin });
    expect(res.status).toBe(400);
    expect(res.json().error).toMatch(/^Pair \S+ of "nul\.json" contains the control character U\+0000/);
  });

  it('when a JSON pair\'s imported editor holds an escaped NUL then the import answers 400 naming the pair and writes nothing', async () => {
    const before = await storedCounts(server);
    const file = jsonFormat.serialize(sampleDocument()).replace('"importedEditor": "', '"importedEditor": "\\u0000');
    expect(file).toContain('"importedEditor": "\\u0000rita');
    const res = await upload(server, '/api/documents/import', { source: { name: 'claim.json', content: file } }, { token: lin });
    expect(res.status).toBe(400);
    expect(res.json().error).toMatch(/^Pair 106 of "claim\.json" contains the control character U\+0000/);
    expect(await storedCounts(server)).toEqual(before);
  });

  it('when Chinese arrives as UTF-16 without a BOM then it imports and every format exports', async () => {
    const res = await upload(server, '/api/documents/import', {
      source: { name: 'zh.txt', content: new Uint8Array(Buffer.from('习近平会见韩国总统文在寅。双方同意加强合作。', 'utf16le')) },
      translation: { name: 'en.txt', content: 'Xi Jinping met South Korean President Moon Jae-in. The two sides agreed to strengthen cooperation.' },
    }, { token: lin });
    expect(res.status).toBe(201);
    const doc = res.json().id as number;
    const pairs = (await call('GET', `/api/documents/${doc}/pairs`)).body as unknown as { src: string }[];
    expect(pairs.map((p) => p.src).join('')).toBe('习近平会见韩国总统文在寅。双方同意加强合作。');
    for (const format of ['tmx', 'xliff', 'json']) {
      const file = await fetch(`${server.url}/api/documents/${doc}/export?format=${format}&state=all`, { headers: { authorization: `Bearer ${lin}` } });
      expect(file.status).toBe(200);
    }
  });
});
