import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../../server/services/accounts.ts';
import { insertDocument } from '../support/insert-document.ts';
import { addUser, startTestServer, type TestServer } from '../support/test-server.ts';

// A page of 200 rows is sent as pieces joined from rows kept in UTF-8 (server/http/render.ts): the bytes
// must arrive whole, in order, with a Content-Length that matches, whatever falls on a piece boundary.
let server: TestServer;
let token: string;
let documentId: number;
const zh = (i: number) => `第${i}句：“𠀀𪚥”「引号」和 mixed 文本，深化经贸合作。`;
const en = (i: number) => `Sentence ${i}: “quotes” & <angle> brackets, 😀 and 𠀀 outside the BMP.`;

beforeAll(async () => {
  server = await startTestServer();
  await addUser(server.store, 'lin', 'translator');
  token = await accounts(server.store).createToken('lin');
  ({ documentId } = insertDocument(server.db, '字节 bytes', Array.from({ length: 450 }, (_, i) => ({ zh: zh(i), en: en(i) }))));
});
afterAll(() => server.close());

const get = (path: string, method = 'GET') => fetch(server.url + path, { method, headers: { authorization: `Bearer ${token}` } });

describe('pages sent in pieces', () => {
  it('when a page of 200 rows is larger than a piece then every byte arrives, in order, as Content-Length says', async () => {
    for (const path of [`/documents/${documentId}`, `/documents/${documentId}/rows?offset=200`]) {
      const res = await get(path);
      const bytes = Buffer.from(await res.arrayBuffer());
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(bytes.length).toBeGreaterThan(2 * 64 * 1024);
      expect(Number(res.headers.get('content-length'))).toBe(bytes.length);
      const text = bytes.toString('utf8');
      expect(text).not.toContain('\uFFFD');
      const first = path.includes('offset') ? 200 : 0;
      const shown = [...text.matchAll(/第(\d+)句/g)].map((m) => Number(m[1]));
      expect(shown).toEqual(Array.from({ length: 200 }, (_, i) => first + i));
      expect(text).toContain(zh(first + 199));
      expect(text).toContain(`Sentence ${first + 7}: “quotes” &amp; &lt;angle&gt; brackets, 😀 and 𠀀 outside the BMP.`);
    }
  });

  it('when the page is asked for with HEAD then the length is given and no body follows', async () => {
    const full = await get(`/documents/${documentId}`);
    const head = await get(`/documents/${documentId}`, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(full.headers.get('content-length'));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
  });
});
