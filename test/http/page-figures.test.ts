// The document page's figures as the reader's locale writes numbers: 1,234 rather than 1234, 25% rather than "25 %".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/test-server.ts';
import { startSeededServer } from '../support/seed.ts';
import { storeDocument } from '../support/insert-document.ts';
import { sourceWordCount } from '../../server/domain/quality-score.ts';
import { qualityLine } from '../../views/comment-threads.ts';
import type { ViewContext } from '../../views/view-context.ts';

let seeded: Awaited<ReturnType<typeof startSeededServer>>;
let doc: number;
// 1,200 rows, the first with English: the counts run past a thousand.
const ROWS = Array.from({ length: 1200 }, (_, i) => (i === 0 ? { zh: '这是第一句中文。', en: 'This is the first sentence.' } : `这是第${i + 1}句中文。`));

beforeAll(async () => {
  seeded = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer']]);
  const { documentId, pairIds } = await storeDocument(seeded.server.store, '一千二百行', ROWS);
  doc = documentId;
  const res = await seeded.api('wang', 'POST', `/api/pairs/${pairIds[0]}/review`, {
    decision: 'reject', version: 1, comment: 'Say "first" once.', category: 'fluency', severity: 'major',
  });
  expect(res.status).toBe(200);
});
afterAll(() => seeded.server.close());

async function page(lang: string): Promise<string> {
  const c = new Client(seeded.server.url);
  await c.login('lin', undefined, { 'accept-language': lang });
  return (await c.get(`/documents/${doc}`, { 'accept-language': lang })).text;
}

describe('the document page\'s figures', () => {
  it('when counts pass a thousand then the quality line, the summary and the notes group their digits, in English and in Chinese', async () => {
    const words = sourceWordCount(ROWS.map((r) => (typeof r === 'string' ? r : r.zh)).join(''));
    expect(words).toBeGreaterThan(1000);
    const per1000 = (5000 / words).toFixed(2);
    const score = (Math.floor(10_000 * (1 - 5 / words)) / 100).toFixed(2);
    const grouped = new Intl.NumberFormat('en').format(words);
    expect(grouped).toContain(',');

    const en = await page('en');
    expect(en).toContain(`Quality ${score} / 100 (MQM) · open errors: 1 · <a href="/documents/${doc}?errors=open" data-testid="open-errors-link">rows with open errors: 1</a> · penalty points: 5, ${per1000} per 1,000 source words (${grouped} words).`);
    expect(en).toContain('Pairs with no English yet: 1,199.');
    expect(en).toContain('Translating 1,199 rows…');
    expect(en).toMatch(/worked pairs changed \(0%\)/);

    const zh = await page('zh-CN');
    expect(zh).toContain(`质量 ${score} / 100（MQM）：1 个未解决错误，<a href="/documents/${doc}?errors=open" data-testid="open-errors-link">涉及 1 行</a>，罚分 5，每千源词 ${per1000} 分（共 ${new Intl.NumberFormat('zh-CN').format(words)} 词）。`);
    expect(zh).toContain('尚无英文的句对：1,199 个。');
    expect(zh).toContain('正在翻译 1,199 行……');
    expect(zh).toMatch(/（0%）/);
  });

  it('when the documents are listed then the share done is a percentage as the locale writes it, never rounded up to 100%', async () => {
    // 299 of 300 rows translated: 99.7 %, which is not done.
    const { documentId } = await storeDocument(seeded.server.store, '三百行', Array.from({ length: 300 }, (_, i) => ({ zh: `第${i + 1}句。`, en: `Sentence ${i + 1}.` })));
    await seeded.server.rows('UPDATE pairs SET state = 20 WHERE document_id = ? AND idx > 0', [documentId]);
    for (const [lang, words] of [['en', ['0% of 1,200 pairs translated', '99% of 300 pairs translated']], ['zh-CN', ['1,200 个句对中已译 0%', '300 个句对中已译 99%']]] as const) {
      const c = new Client(seeded.server.url);
      await c.login('lin', undefined, { 'accept-language': lang });
      const list = (await c.get('/documents', { 'accept-language': lang })).text;
      for (const w of words) expect(list).toContain(w);
    }
  });

  it('when 29 of 100 pairs are translated then the list says 29%, not the 28% floating point makes of 0.29 × 100', async () => {
    const { documentId } = await storeDocument(seeded.server.store, '一百行', Array.from({ length: 100 }, (_, i) => ({ zh: `第${i + 1}句。`, en: `Sentence ${i + 1}.` })));
    await seeded.server.rows('UPDATE pairs SET state = 20 WHERE document_id = ? AND idx < 29', [documentId]);
    const c = new Client(seeded.server.url);
    await c.login('lin', undefined, { 'accept-language': 'en' });
    expect((await c.get('/documents', { 'accept-language': 'en' })).text).toContain('29% of 100 pairs translated');
  });

  it('when a document has one minor error in many words then the score has two decimals and never reads 100', () => {
    const ctx: ViewContext = { t: (key, options) => `${key}${JSON.stringify(options)}`, lang: 'en', csrfToken: '', user: null, path: '/' };
    const line = (score: number) => String(qualityLine(ctx, 1, { score, errors: 1, rows: 1, penalty: 1, per1000: 0.04, sourceWords: 25_000 }));
    expect(line(99.996)).toContain('data-score="99.99"');
    expect(line(99.996)).toContain('&quot;score&quot;:&quot;99.99&quot;');
    // Under a tenth of a point per 1,000 words is still not nothing.
    expect(line(99.996)).toContain('&quot;per1000&quot;:&quot;0.04&quot;');
    expect(line(99.75)).toContain('&quot;score&quot;:&quot;99.75&quot;');
    // One minor error in 625 words: 99.84 exactly, which floating point computes as 99.83999999999999.
    expect(line(100 * (1 - 1 / 625))).toContain('data-score="99.84"');
  });
});
