// A document's match analysis over HTTP: repetitions, a loaded TMX's exact match, another document's approved pair as a
// fuzzy match, no match; never the document's own pairs nor a document the reader may not open. JSON, CSV and page agree.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSeededServer } from '../support/seed.ts';
import { storeDocument } from '../support/insert-document.ts';
import { Client } from '../support/test-server.ts';
import { upload } from '../transfer/transfer-support.ts';

const TMX = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header srclang="zh-CN" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="test" creationtool="test" creationtoolversion="1"/>
<body><tu><tuv xml:lang="zh-CN"><seg>中韩两国是近邻。</seg></tuv><tuv xml:lang="en"><seg>China and South Korea are close neighbours.</seg></tuv></tu></body></tmx>`;

interface Band { band: string; pairs: number; words: number; share: number }
interface Analysis { document: { id: number; title: string }; floor: number; bands: Band[]; total: { pairs: number; words: number } }

let seeded: Awaited<ReturnType<typeof startSeededServer>>;
let quote: { documentId: number; pairIds: number[] };
let later: { documentId: number; pairIds: number[] };

const approve = async (doc: number, pair: number) => {
  const { version } = ((await seeded.api('wang', 'GET', `/api/documents/${doc}/pairs`)).json() as { id: number; version: number }[]).find((p) => p.id === pair)!;
  const res = await seeded.api('wang', 'POST', `/api/pairs/${pair}/review`, { decision: 'approve', version });
  expect(res.status, res.text).toBe(200);
};

beforeAll(async () => {
  seeded = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer']]);
  expect((await upload(seeded.server, '/api/memory/import', { source: { name: 'neighbours.tmx', content: TMX } }, { token: seeded.tokens.wang })).status).toBe(201);
  const elsewhere = await storeDocument(seeded.server.store, '别处', [
    { zh: '提升务实合作的水平和层次。', en: 'Raise the level of practical cooperation.' },
    { zh: '𠮷野家在G20峰会上。', en: 'Yoshinoya at the G20 summit.' },
  ]);
  await approve(elsewhere.documentId, elsewhere.pairIds[0]!);
  later = elsewhere;
  // A members-only document of wang's: its approved pair is a match for wang, and for lin as if it were not there.
  const secret = await upload(seeded.server, '/api/documents/import', {
    source: { name: '机密.txt', content: '习近平会见韩国总统文在寅。' }, translation: { name: 'secret.txt', content: 'Xi met President Moon.' },
  }, { token: seeded.tokens.wang, fields: { access: 'members', title: '机密' } });
  expect(secret.status).toBe(201);
  const secretId = secret.json().id as number;
  const secretPairs = (await seeded.api('wang', 'GET', `/api/documents/${secretId}/pairs`)).json() as { id: number }[];
  await approve(secretId, secretPairs[0]!.id);
  quote = await storeDocument(seeded.server.store, '报价', [
    { zh: '中韩两国是近邻。', en: 'China and South Korea are neighbours.' }, // 100 %, the TMX's unit: 7 words
    { zh: '中韩两国 是近邻！', en: 'Neighbours.' }, // a repetition of the first: 7
    { zh: '提升务实合作的水平。', en: 'Raise the level.' }, // 9 of 12 characters of the other document's pair: 75 %, 9 words
    { zh: '𠮷野家在G20峰会上。', en: 'Yoshinoya.' }, // no match until the other document's pair is approved: 8
    { zh: '维护国际公平正义。', en: 'Uphold international fairness and justice.' }, // approved here, matches nothing: 8
    { zh: '习近平会见韩国总统文在寅。', en: 'Xi met Moon.' }, // 100 % for wang, no match for lin: 12
  ]);
  await approve(quote.documentId, quote.pairIds[4]!);
});
afterAll(() => seeded.server.close());

const analysis = async (who: string, doc = quote.documentId) => {
  const res = await seeded.api(who, 'GET', `/api/documents/${doc}/analysis`);
  expect(res.status, res.text).toBe(200);
  return res.json() as Analysis;
};
const byBand = (a: Analysis) => Object.fromEntries(a.bands.map((b) => [b.band, [b.pairs, b.words]]));

async function signedIn(who: string, lang = 'en') {
  const c = new Client(seeded.server.url);
  c.cookies.set('duiqi_lang', lang);
  await c.login(who);
  return c;
}

describe('match analysis', () => {
  it('when a document has a repetition, an exact, a fuzzy and no match then each is in its band, never matching its own pairs', async () => {
    const a = await analysis('lin');
    expect(a.document).toEqual({ id: quote.documentId, title: '报价' });
    expect(a.floor).toBe(0.7);
    expect(byBand(a)).toEqual({
      repetition: [1, 7], '100': [1, 7], '95-99': [0, 0], '85-94': [0, 0], '75-84': [1, 9], '70-74': [0, 0], none: [3, 28],
    });
    expect(a.total).toEqual({ pairs: 6, words: 51 });
    expect(a.bands.find((b) => b.band === 'none')!.share).toBeCloseTo(28 / 51, 12);
  });

  it('when the editor shows a row\'s best match then the analysis counts the same percent', async () => {
    const lin = await signedIn('lin');
    const shown = async (pair: number) => /class="sim[^"]*">(≥?\d+)%/.exec((await lin.get(`/documents/${quote.documentId}/pairs/${pair}/edit`)).text)?.[1];
    expect(await shown(quote.pairIds[0]!)).toBe('100');
    expect(await shown(quote.pairIds[2]!)).toBe('75');
  });

  it('when someone may open a members-only document then its approved pairs match for them, and for no one else', async () => {
    expect(byBand(await analysis('wang'))).toMatchObject({ '100': [2, 19], none: [2, 16] });
    expect(byBand(await analysis('lin'))).toMatchObject({ '100': [1, 7], none: [3, 28] });
  });

  it('when a pair elsewhere is approved then the next analysis sees it', async () => {
    await approve(later.documentId, later.pairIds[1]!);
    expect(byBand(await analysis('lin'))).toMatchObject({ '100': [2, 15], none: [2, 20] });
  });

  it('when English is saved the figures stay; when a pair\'s Chinese is changed to a unit\'s then it counts as 100 %', async () => {
    const { version } = ((await seeded.api('lin', 'GET', `/api/documents/${quote.documentId}/pairs`)).json() as { id: number; version: number }[])
      .find((p) => p.id === quote.pairIds[3])!;
    expect((await seeded.api('lin', 'PUT', `/api/pairs/${quote.pairIds[3]}`, { tgt: 'Yoshinoya at the summit.', version })).status).toBe(200);
    const before = await analysis('lin');
    expect(byBand(before)).toMatchObject({ '100': [2, 15], '75-84': [1, 9], none: [2, 20] });
    const body = { side: 'zh', find: '的水平。', replace: '的水平和层次。' };
    const shown = (await seeded.api('lin', 'POST', `/api/documents/${quote.documentId}/replace/preview`, body)).json() as { changes: { pairId: number; version: number }[] };
    expect(shown.changes.map((c) => c.pairId)).toEqual([quote.pairIds[2]]);
    const rows = shown.changes.map(({ pairId, version: v }) => ({ pairId, version: v }));
    expect((await seeded.api('lin', 'POST', `/api/documents/${quote.documentId}/replace`, { ...body, rows })).status).toBe(200);
    expect(byBand(await analysis('lin'))).toMatchObject({ '100': [3, 27], '75-84': [0, 0], none: [2, 20] });
  });

  it('when the page and the CSV are opened then they show the JSON\'s figures, in the reader\'s language', async () => {
    const a = await analysis('lin');
    for (const [lang, label, total] of [['en', 'No match', 'Total'], ['zh-CN', '无匹配', '合计']] as const) {
      const c = await signedIn('lin', lang);
      const page = await c.get(`/documents/${quote.documentId}/analysis`);
      expect(page.status).toBe(200);
      const rows = [...page.text.matchAll(/data-band="([^"]+)" data-pairs="(\d+)" data-words="(\d+)"/g)].map((m) => [m[1], Number(m[2]), Number(m[3])]);
      expect(rows).toEqual([...a.bands.map((b) => [b.band, b.pairs, b.words]), ['total', a.total.pairs, a.total.words]]);
      expect(page.text).toContain(label);
      const csv = await c.get(`/documents/${quote.documentId}/analysis.csv`);
      expect(csv.status).toBe(200);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = csv.text.replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(','));
      expect(lines.slice(1).map((l) => [l[0]!.replaceAll('"', ''), Number(l[2]), Number(l[3])])).toEqual(rows);
      expect(lines.slice(1, -1).map((l) => Number(l[4]))).toEqual(a.bands.map((b) => b.share));
      expect(lines.at(-1)![1]).toBe(`"${total}"`);
      expect((await c.get(`/documents/${quote.documentId}`)).text).toContain(`href="/documents/${quote.documentId}/analysis"`);
    }
  });

  it('when someone may not open the document then the page, the CSV and the JSON answer 404 and show nothing of it', async () => {
    const secret = (await seeded.api('wang', 'GET', '/api/documents')).json() as { id: number; title: string }[];
    const id = secret.find((d) => d.title === '机密')!.id;
    expect((await analysis('wang', id)).total.pairs).toBe(1);
    const lin = await signedIn('lin');
    for (const url of [`/documents/${id}/analysis`, `/documents/${id}/analysis.csv`]) {
      const res = await lin.get(url);
      expect(res.status, url).toBe(404);
      expect(res.text).not.toContain('机密');
    }
    expect((await seeded.api('lin', 'GET', `/api/documents/${id}/analysis`)).status).toBe(404);
    expect((await seeded.api(null, 'GET', `/api/documents/${quote.documentId}/analysis`)).status).toBe(401);
    expect((await seeded.api('lin', 'GET', '/api/documents/999999/analysis')).status).toBe(404);
  });
});
