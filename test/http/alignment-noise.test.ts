// Alignment edits next to a page-noise row (an advert between two paragraphs of the demo page): the noise row keeps its
// place in the page's text through every operation, undo and redo, and every number the editor says is the document
// page's.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestServer } from '../support/test-server.ts';
import { startSeededServer } from '../support/seed.ts';

interface Sentence { text: string }
interface Row { key: string; src: Sentence[]; tgt: Sentence[] }
interface View { version: number; rows: Row[]; noise: { at: number; src: string; tgt: string }[] }
interface Segment { index: number; text: string }
interface Pair { id: number; src: string; tgt: string; noise: boolean; srcSegments: Segment[]; tgtSegments: Segment[] }

let server: TestServer;
let docs: { demo: number; other: number };
let api: Awaited<ReturnType<typeof startSeededServer>>['api'];
let tokens: Record<string, string>;

beforeAll(async () => {
  ({ server, docs, api, tokens } = await startSeededServer([['lin', 'translator']]));
});
afterAll(() => server.close());

const ADVERT = 'Sponsor Advertisement';
const view = async () => (await api('lin', 'GET', `/api/documents/${docs.demo}/alignment`)).json() as View;
const send = async (path: string, json: unknown, language = 'en') => new Client(server.url).request('POST', `/api/documents/${docs.demo}/alignment/${path}`, {
  json, headers: { authorization: `Bearer ${tokens.lin}`, 'accept-language': language },
});
const op = async (body: unknown, language = 'en') => send('ops', { version: (await view()).version, op: body }, language);
const undo = async () => send('undo', { version: (await view()).version });
const redo = async () => send('redo', { version: (await view()).version });

/** The document page: each row's texts, the noise rows marked, in the page's order. */
const page = async () => ((await api('lin', 'GET', `/api/documents/${docs.demo}/pairs`)).json() as Pair[]);
const rowsOf = (pairs: Pair[]) => pairs.map((p) => (p.noise ? `noise: ${p.src}${p.tgt}` : `${p.src} | ${p.tgt}`));
/** Each side's text in the order of its segments, noise texts among the sentences: the page's text itself. */
const sidesOf = (pairs: Pair[]) => ({
  src: pairs.flatMap((p) => p.srcSegments).sort((a, b) => a.index - b.index).map((s) => s.text).join(' '),
  tgt: pairs.flatMap((p) => p.tgtSegments).sort((a, b) => a.index - b.index).map((s) => s.text).join(' '),
});
/** The alignment rows on either side of the advert: its `at`, and the rows before and after it. */
const aroundAdvert = async () => {
  const v = await view();
  const at = v.noise.find((n) => n.tgt === ADVERT)!.at;
  return { v, at, above: v.rows[at - 1]!, below: v.rows[at]! };
};

describe('a noise row between two rows', () => {
  it('when the two rows are merged and the merge undone then the noise row is between them again; redo merges again; the merged row split at the same place puts it back', async () => {
    const before = await page();
    const { at, above } = await aroundAdvert();
    expect((await op({ kind: 'merge', row: at - 1 })).status).toBe(200);
    const merged = await page();
    const advert = merged.findIndex((p) => p.noise && p.tgt === ADVERT);
    // Merged, the row holds text from both sides of the advert: it comes after the row, and the page's text is unchanged.
    expect(merged[advert - 1]!.tgt).toContain(above.tgt.at(-1)!.text);
    expect(sidesOf(merged)).toEqual(sidesOf(before));

    expect((await undo()).status).toBe(200);
    expect(rowsOf(await page())).toEqual(rowsOf(before));
    expect(sidesOf(await page())).toEqual(sidesOf(before));
    expect((await aroundAdvert()).at).toBe(at);

    expect((await redo()).status).toBe(200);
    expect(rowsOf(await page())).toEqual(rowsOf(merged));

    const split = await op({ kind: 'split', row: at - 1, srcAt: above.src.length, tgtAt: above.tgt.length });
    expect(split.status).toBe(200);
    expect(rowsOf(await page())).toEqual(rowsOf(before));
    expect(sidesOf(await page())).toEqual(sidesOf(before));
    // Undoing the split and then the merge leaves the page as it was, too.
    expect((await undo()).status).toBe(200);
    expect(rowsOf(await page())).toEqual(rowsOf(merged));
    expect((await undo()).status).toBe(200);
    expect(rowsOf(await page())).toEqual(rowsOf(before));
  });

  it('when a sentence moves, a side shifts, or sentences are split or joined across it then its text stays where it was in the page, and an undo restores the page exactly', async () => {
    const { at, above, below } = await aroundAdvert();
    const lastTgt = above.tgt.at(-1)!.text;
    const cases: { op: Record<string, unknown>; staysAfter: boolean }[] = [
      { op: { kind: 'moveUp', side: 'tgt', row: at }, staysAfter: true },
      { op: { kind: 'moveUp', side: 'src', row: at }, staysAfter: true },
      { op: { kind: 'moveDown', side: 'tgt', row: at - 1 }, staysAfter: true },
      { op: { kind: 'moveDown', side: 'src', row: at - 1 }, staysAfter: true },
      { op: { kind: 'joinSentences', side: 'tgt', row: at - 1, sentence: above.tgt.length - 1 }, staysAfter: true },
      { op: { kind: 'splitSentence', side: 'tgt', row: at - 1, sentence: above.tgt.length - 1, offset: lastTgt.indexOf(' ') + 1 }, staysAfter: true },
      { op: { kind: 'shiftDown', side: 'src', row: at - 1 }, staysAfter: true },
      { op: { kind: 'shiftUp', side: 'src', row: at }, staysAfter: true },
      { op: { kind: 'shiftDown', side: 'both', row: at }, staysAfter: true },
      { op: { kind: 'shiftDown', side: 'tgt', row: at - 1 }, staysAfter: false },
      { op: { kind: 'shiftUp', side: 'tgt', row: at }, staysAfter: false },
    ];
    expect(below.tgt.length).toBeGreaterThan(0);
    for (const c of cases) {
      const before = await page();
      const res = await op(c.op);
      expect(res.status, JSON.stringify(c.op)).toBe(200);
      const after = await page();
      // A split changes where sentences end, not the text: the advert stays between the same words. Two sentences
      // joined across it become one, which it follows.
      const joined = c.op.kind === 'joinSentences';
      const text = sidesOf(before);
      expect(sidesOf(after), JSON.stringify(c.op)).toEqual(joined ? { ...text, tgt: text.tgt.replace(`${lastTgt} ${ADVERT} ${below.tgt[0]!.text}`, `${lastTgt} ${below.tgt[0]!.text} ${ADVERT}`) } : text);
      // Moving a sentence across it moves the sentence, not the noise row: the row above stays above it.
      if (c.staysAfter) expect((await aroundAdvert()).above.key, JSON.stringify(c.op)).toBe(above.key);
      expect((await undo()).status).toBe(200);
      expect(rowsOf(await page()), JSON.stringify(c.op)).toEqual(rowsOf(before));
      expect(sidesOf(await page()), JSON.stringify(c.op)).toEqual(sidesOf(before));
      expect((await redo()).status).toBe(200);
      expect(rowsOf(await page()), JSON.stringify(c.op)).toEqual(rowsOf(after));
      expect((await undo()).status).toBe(200);
    }
  });
});

describe('noise rows at the start and the end of the page', () => {
  it('when rows are inserted or shifted at either end then the date line stays first and the captions last, and undo restores the page', async () => {
    const before = await page();
    const ends = (pairs: Pair[]) => [pairs[0]!.noise, pairs.at(-2)!.noise, pairs.at(-1)!.noise];
    expect(ends(before)).toEqual([true, true, true]);
    const last = (await view()).rows.length - 1;
    for (const body of [
      { kind: 'shiftDown', side: 'both', row: 0 }, { kind: 'shiftDown', side: 'src', row: 0 }, { kind: 'shiftDown', side: 'tgt', row: 0 },
      { kind: 'shiftDown', side: 'src', row: last }, { kind: 'shiftDown', side: 'tgt', row: last }, { kind: 'shiftDown', side: 'both', row: last },
      { kind: 'moveDown', side: 'tgt', row: last - 1 }, { kind: 'splitSentence', side: 'tgt', row: last, sentence: 0, offset: 5 },
    ]) {
      expect((await op(body)).status, JSON.stringify(body)).toBe(200);
      const after = await page();
      expect(ends(after), JSON.stringify(body)).toEqual([true, true, true]);
      expect(sidesOf(after), JSON.stringify(body)).toEqual(sidesOf(before));
      expect((await undo()).status).toBe(200);
      expect(rowsOf(await page()), JSON.stringify(body)).toEqual(rowsOf(before));
    }
  });
});

describe('the numbers the editor says, next to noise rows', () => {
  /** The document page's number of each alignment row. */
  const pageNumbers = async () => {
    const numbers = new Map((await page()).map((p, i) => [`p${p.id}`, i + 1]));
    return (await view()).rows.map((r) => numbers.get(r.key)!);
  };

  it('when a realign is previewed over noise rows then each new row carries the number the document page gives it once applied', async () => {
    // Rows merged on both sides of the advert: the aligner splits them again, so the realign replaces rows around it.
    const { at } = await aroundAdvert();
    expect((await op({ kind: 'merge', row: at })).status).toBe(200);
    expect((await op({ kind: 'merge', row: at - 2 })).status).toBe(200);
    const v = await view();
    const preview = (await api('lin', 'GET', `/api/documents/${docs.demo}/alignment/realign-preview?version=${v.version}`)).json() as
      { at: number; removed: number; inserted: number; message: string; rows: { text: string }[] };
    const advert = v.noise.find((n) => n.tgt === ADVERT)!.at;
    expect(preview.at).toBeLessThan(advert);
    expect(preview.at + preview.removed).toBeGreaterThan(advert);
    // The summary names the span as the document page numbers it, and counts apart the noise rows inside it, which
    // the realign leaves in place: "rows 16 to 21 (5 rows)" would contradict itself.
    const before = await pageNumbers();
    const [from, to] = [before[preview.at]!, before[preview.at + preview.removed - 1]!];
    const noise = to - from + 1 - preview.removed;
    expect(noise).toBeGreaterThan(0);
    const among = noise === 1 ? 'the page-noise row among them stays where it is' : `the ${noise} page-noise rows among them stay where they are`;
    expect(preview.message).toMatch(new RegExp(`^Realigning would replace rows ${from} to ${to} \\(${preview.removed} rows; ${among}\\) with ${preview.inserted} rows: `));
    const zh = await new Client(server.url).request('GET', `/api/documents/${docs.demo}/alignment/realign-preview?version=${v.version}`, {
      headers: { authorization: `Bearer ${tokens.lin}`, 'accept-language': 'zh-CN' },
    });
    expect(zh.json().message).toMatch(new RegExp(`^重新对齐将把第 ${from} 至 ${to} 行中的 ${preview.removed} 行（其间 ${noise} 行页面噪声保持原位）替换为 ${preview.inserted} 行：`));
    const shown = preview.rows.map((r) => Number(/^Row (\d+):/.exec(r.text)![1]));
    expect(shown).toHaveLength(preview.inserted);
    expect((await op({ kind: 'realign' })).status).toBe(200);
    const numbers = await pageNumbers();
    expect(shown).toEqual(numbers.slice(preview.at, preview.at + shown.length));
    for (let i = 0; i < 3; i++) expect((await undo()).status).toBe(200);
  });

  it('when an operation names a row that is not there then the refusal names it as the document page does, in the user\'s language', async () => {
    const v = await view();
    const pages = (await page()).length;
    // The row after the last: the document page has `pages` rows, noise rows counted.
    const en = await op({ kind: 'merge', row: v.rows.length });
    expect(en.status).toBe(400);
    expect(en.json().message).toBe(`There is no row ${pages + 1}.`);
    const zh = await op({ kind: 'confirm', row: v.rows.length }, 'zh-CN');
    expect(zh.json().message).toBe(`没有第 ${pages + 1} 行。`);
    expect((await view()).version).toBe(v.version);
  });

  it('when an operation needs a row above the first row or below the last then the refusal names that row by its page number, noise rows before and after it counted', async () => {
    const v = await view();
    const numbers = await pageNumbers();
    const pages = (await page()).length;
    // The demo page starts with a noise row (a date line) and ends with two (captions): the alignment runs from row 2 to row pages - 2.
    expect([numbers[0], numbers.at(-1)]).toEqual([2, pages - 2]);
    for (const [body, message] of [
      [{ kind: 'moveUp', side: 'tgt', row: 0 }, 'Row 2 is the first row of the alignment: there is no row above it.'],
      [{ kind: 'shiftUp', side: 'both', row: 0 }, 'Row 2 is the first row of the alignment: there is no row above it.'],
      [{ kind: 'moveDown', side: 'src', row: v.rows.length - 1 }, `Row ${pages - 2} is the last row of the alignment: there is no row below it.`],
      [{ kind: 'merge', row: v.rows.length - 1 }, `Row ${pages - 2} is the last row of the alignment: there is no row below it.`],
    ] as const) {
      const res = await op(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.json().message).toBe(message);
    }
    expect((await op({ kind: 'merge', row: v.rows.length - 1 }, 'zh-CN')).json().message).toBe(`第 ${pages - 2} 行是对齐的最后一行，下面没有行。`);
    expect((await view()).version).toBe(v.version);
  });

  it('when every row above the first row is to be confirmed then it is refused, with the row named, and nothing is logged', async () => {
    const v = await view();
    const first = (await pageNumbers())[0]!;
    // The demo page starts with a noise row: the first row of the alignment is the page's row 2.
    expect(first).toBe(2);
    const res = await op({ kind: 'confirmAbove', row: 0 });
    expect(res.status).toBe(400);
    expect(res.json().message).toBe(`There is no row to confirm above row ${first}.`);
    const zh = await op({ kind: 'confirmAbove', row: 0 }, 'zh-CN');
    expect(zh.json().message).toBe(`第 ${first} 行上面没有可确认的行。`);
    expect(await view()).toMatchObject({ version: v.version });
  });
});
