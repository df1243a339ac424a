// Issue 12, bounded work: long sentences are cut at import, long pairs' figures are estimated and say so,
// and imports run off the request thread, all-or-nothing.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { insertDocument } from '../support/insert-document.ts';
import { rowCounts, tokenFor, upload } from '../transfer/transfer-support.ts';
import { MAX_SENTENCE } from '../../server/domain/split-sentences.ts';
import { generate } from '../bench/big-document.ts';

let server: TestServer;
let token: string;
const get = (url: string, lang = 'en') =>
  fetch(server.url + url, { headers: { authorization: `Bearer ${token}`, 'accept-language': lang } }).then(async (r) => ({ status: r.status, text: await r.text() }));

const words = (n: number, word: (i: number) => string) => Array.from({ length: n }, (_, i) => word(i)).join(' ');

beforeAll(async () => {
  server = await startTestServer();
  token = await tokenFor(server.store, 'lin', 'admin');
});
afterAll(() => server.close());

describe('a pair with a 40,000-word English "sentence" (the 212 KB repro)', () => {
  it('when it is imported then no stored sentence is longer than MAX_SENTENCE and its document page renders', async () => {
    const zh = '两国元首就双边关系交换了意见。'.repeat(20);
    const en = words(40_000, (i) => ['the', 'two', 'heads', 'of', 'state', 'exchanged', 'views'][i % 7]!);
    const res = await upload(server, '/api/documents/import', { source: { name: 'long.zh.txt', content: zh }, translation: { name: 'long.en.txt', content: en } }, { token });
    expect(res.status).toBe(201);
    const id = res.json().id as number;
    const longest = server.db.prepare('SELECT max(length(text)) FROM segments WHERE document_id = ?').pluck().get(id) as number;
    expect(longest).toBeLessThanOrEqual(MAX_SENTENCE);
    const stored = server.db.prepare("SELECT group_concat(text, ' ') FROM (SELECT text FROM segments WHERE document_id = ? AND side = 'tgt' ORDER BY idx)").pluck().get(id);
    expect(stored).toBe(en);
    const page = await get(`/documents/${id}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-testid="pair-row"');
  });
});

describe('a long pair post-edited into a wholly different text', () => {
  let doc: number;
  let pair: number;
  beforeAll(async () => {
    // 1,500 words a side, under a save's 20,000 characters: 2.25 million table cells, far past one comparison's budget.
    const inserted = insertDocument(server.db, 'long pair', [{ zh: '两国元首就双边关系交换了意见。', en: words(1_500, (i) => `draft${i}`) }]);
    doc = inserted.documentId;
    pair = inserted.pairIds[0]!;
    const res = await fetch(`${server.url}/api/pairs/${pair}`, {
      method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ tgt: words(1_500, (i) => `final${i}`), version: 1 }),
    });
    expect(res.status).toBe(200);
  });

  it('when its document page is opened then its HTER and the effort are marked approximate, in English and in Chinese', async () => {
    const en = await get(`/documents/${doc}`);
    expect(en.text).toMatch(/HTER <abbr class="approximate" data-testid="approximate">≈<\/abbr>1\.00/);
    expect(en.text).toContain('approximate: 1 long pairs estimated');
    const zh = await get(`/documents/${doc}`, 'zh-CN');
    expect(zh.text).toContain('近似值：1 个长句对为估算');
    expect(zh.text).toContain('近似值：文本过长且差异过大');
  });

  it('when its editor is opened then the diff shows the changed part whole and says why', async () => {
    const editor = await get(`/documents/${doc}/pairs/${pair}/edit`);
    expect(editor.status).toBe(200);
    expect(editor.text).toContain('too long and different to compare word by word');
    expect(editor.text.match(/<del>/g)).toHaveLength(1);
  });
});

describe('imports off the request thread', () => {
  it('when a large pair is being imported then /healthz answers before the import does', async () => {
    const texts = generate(3000);
    const events: string[] = [];
    const importing = upload(server, '/api/documents/import', { source: { name: 'big.zh.txt', content: texts.zh }, translation: { name: 'big.en.txt', content: texts.en } }, { token })
      .then((res) => {
        events.push('imported');
        return res;
      });
    // Polled until the import ends: on the request thread, the import would answer first and every poll after it.
    while (!events.includes('imported')) {
      const res = await fetch(`${server.url}/healthz`);
      if (res.ok && !events.includes('imported')) events.push('healthz');
      await new Promise((r) => setTimeout(r, 20));
    }
    expect((await importing).status).toBe(201);
    expect(events.indexOf('healthz')).toBeGreaterThanOrEqual(0);
    expect(events.indexOf('healthz')).toBeLessThan(events.indexOf('imported'));
  });

  it('when the database fails half-way through an import on the work thread then it answers 500 and nothing of it is left', async () => {
    const before = rowCounts(server.db);
    server.db.exec(`CREATE TRIGGER fail_midway BEFORE INSERT ON segments WHEN NEW.idx = 12 BEGIN SELECT RAISE(ABORT, 'forced failure'); END`);
    try {
      const texts = generate(100);
      const res = await upload(server, '/api/documents/import', { source: { name: 'f.zh.txt', content: texts.zh }, translation: { name: 'f.en.txt', content: texts.en } }, { token });
      expect(res.status).toBe(500);
      expect(rowCounts(server.db)).toEqual(before);
    } finally {
      server.db.exec('DROP TRIGGER fail_midway');
    }
  });

  it('when a refused file is imported on the work thread then the answer is the same 400 with its sentence', async () => {
    const res = await upload(server, '/api/documents/import', { source: { name: 'bad.tmx', content: '<tmx version="1.4"><body><tu>' } }, { token });
    expect(res.status).toBe(400);
    expect(res.json().error).toMatch(/line/);
  });
});
