// The concordance over HTTP: hits in context from the documents a user may open and the memory, never from another's
// private document or the trash; bounded pages; any text typed is taken literally or refused with a sentence.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSeededServer } from '../support/seed.ts';
import { storeDocument } from '../support/insert-document.ts';
import { Client } from '../support/test-server.ts';
import { upload } from '../transfer/transfer-support.ts';

const SECRET_ZH = '董事会决定扩大与苏州工厂的合作。';
const SECRET_EN = 'The board decided to widen its cooperation with the Suzhou plant.';

interface Hit { documentId: number | null; row: number | null; title: string; side: string; context: { left: string; hit: string; right: string }; other: string }
interface Page { query: string; hits: Hit[]; next: number | null }

let seeded: Awaited<ReturnType<typeof startSeededServer>>;
let secret: number;

beforeAll(async () => {
  seeded = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer'], ['root', 'admin']]);
  const res = await upload(seeded.server, '/api/documents/import', {
    source: { name: '机密.txt', content: SECRET_ZH }, translation: { name: 'secret.txt', content: SECRET_EN },
  }, { token: seeded.tokens.wang, fields: { access: 'members', title: '机密' } });
  expect(res.status).toBe(201);
  secret = res.json().id as number;
});
afterAll(() => seeded.server.close());

const look = async (who: string, q: string, extra = '', headers: Record<string, string> = {}) => {
  const res = await new Client(seeded.server.url).request('GET', `/api/concordance?q=${encodeURIComponent(q)}${extra}`,
    { headers: { authorization: `Bearer ${seeded.tokens[who]}`, ...headers } });
  return { status: res.status, body: res.json() as Page & { message?: string } };
};
const titles = (page: Page) => [...new Set(page.hits.map((h) => h.title))].sort();

describe('concordance', () => {
  it('when a two-character Chinese word is looked up then each hit comes in context with the other side, its document and row', async () => {
    const { status, body } = await look('lin', '合作');
    expect(status).toBe(200);
    const demo = body.hits.filter((h) => h.documentId === seeded.docs.demo);
    expect(demo.length).toBeGreaterThan(0);
    const row = (await seeded.api('lin', 'GET', `/api/documents/${seeded.docs.demo}/pairs`)).json() as { index: number; src: string; tgt: string }[];
    for (const h of demo) {
      expect(h.side).toBe('src');
      expect(h.context.hit).toBe('合作');
      const pair = row.find((p) => p.index === h.row! - 1)!;
      expect(pair.src).toContain(`${h.context.left.replace(/^…/, '')}合作${h.context.right.replace(/…$/, '')}`);
      expect(h.other).toBe(pair.tgt);
    }
  });

  it('when someone who may not open a private document looks up its words then nothing of it comes back; its member and an admin find it', async () => {
    for (const q of ['合作', '苏州工厂', 'Suzhou']) {
      const { body } = await look('lin', q);
      expect(titles(body), q).not.toContain('机密');
      expect(JSON.stringify(body)).not.toContain('Suzhou plant');
    }
    expect(titles((await look('wang', '苏州工厂')).body)).toEqual(['机密']);
    expect(titles((await look('root', 'SUZHOU')).body)).toEqual(['机密']);
  });

  it('when a document is in the trash then no one finds it, not even an admin; restored, it is found again', async () => {
    expect((await seeded.api('wang', 'DELETE', `/api/documents/${secret}`)).status).toBeLessThan(300);
    expect((await look('wang', '苏州工厂')).body.hits).toEqual([]);
    expect((await look('root', '苏州工厂')).body.hits).toEqual([]);
    expect((await seeded.api('wang', 'POST', `/api/documents/${secret}/restore`)).status).toBeLessThan(300);
    expect(titles((await look('wang', '苏州工厂')).body)).toEqual(['机密']);
  });

  it('when the text holds quotes, wildcards or FTS syntax then it is taken literally: 200, and only where it occurs', async () => {
    await storeDocument(seeded.server.store, '符号', [{ zh: '折扣100%_真的"吗"？', en: 'A 100% discount_ "really" \\ *now* NEAR(a b)' }]);
    for (const q of ['"', '%', '_', '*', '\\', '100%', '"really"', '*now*', 'NEAR(a', '"吗"', 'a OR b', '%%%', '\'; DROP TABLE pairs; --']) {
      const { status, body } = await look('lin', q);
      expect(status, q).toBe(200);
      const expected = ['a OR b', '%%%', '\'; DROP TABLE pairs; --'].includes(q) ? [] : ['符号'];
      expect(titles(body).filter((t) => t === '符号'), q).toEqual(expected);
    }
  });

  it('when the text is empty, too long, has a control character or the page is not a number then 400 says so in the reader\'s language', async () => {
    const cases: [string, string, RegExp, RegExp][] = [
      ['   ', '', /Type a word/, /请输入/],
      ['合'.repeat(101), '', /at most 100 characters/, /最多检索 100 个字符/],
      ['合\u0000作', '', /control character/, /控制字符/],
      ['合作', '&after=abc', /whole number/, /整数/],
    ];
    for (const [q, extra, en, zh] of cases) {
      const english = await look('lin', q, extra);
      expect(english.status).toBe(400);
      expect(english.body.message).toMatch(en);
      expect((await look('lin', q, extra, { 'accept-language': 'zh-CN' })).body.message).toMatch(zh);
    }
    expect((await look('lin', '合'.repeat(100))).status).toBe(200);
  });

  it('when there are more hits than a page then 50 come with a cursor, and the next page goes on from it', async () => {
    await storeDocument(seeded.server.store, '多', Array.from({ length: 60 }, (_, i) => ({ zh: `第${i}次会晤合作愉快。`, en: `Meeting ${i}.` })));
    const first = (await look('lin', '会晤合作')).body;
    expect(first.hits).toHaveLength(50);
    expect(first.next).not.toBeNull();
    const second = (await look('lin', '会晤合作', `&after=${first.next}`)).body;
    expect(second.next).toBeNull();
    expect([...first.hits, ...second.hits].map((h) => h.row)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
  });

  it('when the page is opened with a query then it shows the hits marked, linked to their rows, and "more" when there are more', async () => {
    const client = new Client(seeded.server.url);
    await client.login('lin');
    const page = await client.get(`/concordance?q=${encodeURIComponent('会晤合作')}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<mark>会晤合作</mark>');
    expect(page.text).toMatch(/href="\/documents\/\d+#row-1"/);
    expect(page.text).toContain('data-testid="concordance-more"');
    const fragment = await client.get(`/concordance/results?q=${encodeURIComponent('"')}`);
    expect(fragment.status).toBe(200);
    expect(fragment.text).not.toContain('<html');
    const refused = await client.get('/concordance/results?q=');
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('Type a word or phrase to look up.');
    expect(page.text).not.toContain('Suzhou');
  });
});
