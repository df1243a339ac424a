import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'parse5';
import { glossary } from '../../server/services/glossary.ts';
import { Client, type TestServer } from '../support/test-server.ts';
import { startSeededServer } from '../support/seed.ts';

// The page's real machine-translation defects, as a reviewer filtering the imported demo sees them.
let server: TestServer;
let demo: number;

beforeAll(async () => {
  const seeded = await startSeededServer([['lin', 'translator']]);
  server = seeded.server;
  demo = seeded.docs.demo;
  await glossary(server.store).seedDemo();
});
afterAll(() => server.close());

type Node = { nodeName: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; value?: string };
const attr = (n: Node, name: string) => n.attrs?.find((a) => a.name === name)?.value;
const text = (n: Node): string => (n.nodeName === '#text' ? n.value! : (n.childNodes ?? []).map(text).join(''));
const all = (n: Node, keep: (n: Node) => boolean): Node[] => [...(keep(n) ? [n] : []), ...(n.childNodes ?? []).flatMap((c) => all(c, keep))];

/** The rows a QA filter keeps: their English and the reasons shown for that flag. */
async function flagged(code: string, lang = 'en') {
  const c = new Client(server.url);
  await c.login('lin');
  c.cookies.set('duiqi_lang', lang);
  const res = await c.get(`/documents/${demo}?qa=${code}`);
  expect(res.status).toBe(200);
  const rows = all(parse(res.text) as Node, (n) => attr(n, 'data-testid') === 'pair-row');
  return rows.map((row) => ({
    tgt: text(all(row, (n) => (attr(n, 'class') ?? '').split(' ').includes('tgt'))[0]!),
    reasons: all(row, (n) => attr(n, 'data-qa') === code).map(text),
  }));
}

describe('QA on the imported demo page', () => {
  it('when filtered by repeated words then "the level and level" and "justice and justice" are the rows', async () => {
    const rows = await flagged('repeated');
    expect(rows.map((r) => r.reasons)).toEqual([['Repeated “level”'], ['Repeated “justice”']]);
    expect(rows[0]!.tgt).toContain('the level and level of pragmatic cooperation');
    expect(rows[1]!.tgt).toContain('international justice and justice');
  });

  it('when filtered by fragments then the row holding "And share the results of cooperation." after a whole sentence is found', async () => {
    const rows = await flagged('fragment');
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tgt).toMatch(/^He called for promoting .* advantages\. And share the results of cooperation\./);
  });

  it('when filtered by broken sentences then the break at "exchanges. Youth" is named, in English and in Chinese', async () => {
    const rows = await flagged('broken');
    expect(rows.map((r) => r.reasons[0])).toContain('Sentence broken at “exchanges. Youth”: the Chinese is one sentence');
    expect(rows.find((r) => r.reasons[0]!.includes('exchanges. Youth'))!.tgt).toContain('and exchanges. Youth and local levels');
    const zh = await flagged('broken', 'zh-CN');
    expect(zh.map((r) => r.reasons[0])).toContain('英文在“exchanges. Youth”处断成两句，中文原文却是一句话');
  });

  it('when filtered by numbers then only the row whose English dropped the date (12月23日 became “Monday”) is found; 第八次, 第二阶段, 第三方 match', async () => {
    const rows = await flagged('numbers');
    expect(rows.map((r) => r.tgt.slice(0, 40))).toEqual(['President Xi Jinping met with President ']);
  });
});
