// A line break between two English sentences of one subtitle cue survives alignment edits: a split, a join of the two
// sentences, a merge and a realign rebuild the row's English with the break where it stood, not a space.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { tokenFor, upload } from '../transfer/transfer-support.ts';

interface Row { key: string; src: { text: string }[]; tgt: { text: string }[]; tgtText: string; state: number; needsReview: string | null }
interface View { version: number; rows: Row[] }

let server: TestServer;
let token: string;
let id: number;

const srt = (cues: string[][]) => cues.map((lines, i) => [String(i + 1), `00:00:0${2 * i},000 --> 00:00:0${2 * i + 1},500`, ...lines, ''].join('\n')).join('\n');
const TWO_LINES = 'I went to the bookshop yesterday.\nI bought a book there.';

beforeAll(async () => {
  server = await startTestServer();
  token = await tokenFor(server.store, 'lin', 'translator');
  const res = await upload(server, '/api/documents/import', {
    source: { name: 'cues.zh.srt', content: srt([['我昨天去了书店，', '在那里买了一本书。'], ['今天天气很好。'], ['我们去公园散步。']]) },
    translation: { name: 'cues.en.srt', content: srt([TWO_LINES.split('\n'), ['The weather is fine today.'], ['We go for a walk in the park.']]) },
  }, { token });
  expect(res.status, res.text).toBe(201);
  id = res.json().id as number;
});
afterAll(() => server.close());

const call = async (method: string, path: string, json?: unknown) => {
  const res = await fetch(`${server.url}/api/documents/${id}/${path}`, {
    method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(json ? { body: JSON.stringify(json) } : {}),
  });
  expect(res.status, path).toBe(200);
  return res.json();
};
const view = async () => (await call('GET', 'alignment')) as View;
const op = async (body: unknown) => call('POST', 'alignment/ops', { version: (await view()).version, op: body });
const undo = async () => call('POST', 'alignment/undo', { version: (await view()).version });
const stored = () => server.rows<{ tgt_text: string; needs_review: string | null }>('SELECT tgt_text, needs_review FROM pairs WHERE document_id = ? AND noise = 0 ORDER BY idx', [id]);
const cueRow = (v: View) => v.rows.findIndex((r) => r.tgtText === TWO_LINES);

describe('a subtitle cue of two English sentences on two lines, in the alignment editor', () => {
  it('when imported then its row holds both sentences on their lines, as unedited English', async () => {
    const v = await view();
    const r = cueRow(v);
    expect(r).toBeGreaterThanOrEqual(0);
    expect(v.rows[r]!.tgt.map((s) => s.text)).toEqual(TWO_LINES.split('\n'));
  });

  it('when the row is split between the two sentences then each row gets its own sentence, nothing marked; undo puts the break back', async () => {
    const before = await stored();
    const r = cueRow(await view());
    await op({ kind: 'split', row: r, srcAt: 1, tgtAt: 1 });
    const split = (await view()).rows;
    expect(split.slice(r, r + 2).map((row) => [row.tgtText, row.needsReview])).toEqual([['I went to the bookshop yesterday.', null], ['I bought a book there.', null]]);
    await undo();
    expect(await stored()).toEqual(before);
  });

  it('when its two sentences are joined then the one sentence keeps the line break, and so does the row', async () => {
    const before = await stored();
    const r = cueRow(await view());
    await op({ kind: 'joinSentences', side: 'tgt', row: r, sentence: 0 });
    const row = (await view()).rows[r]!;
    expect([row.tgt.map((s) => s.text), row.tgtText, row.needsReview]).toEqual([[TWO_LINES], TWO_LINES, null]);
    await undo();
    expect(await stored()).toEqual(before);
  });

  it('when the row is merged with the next and the rows realigned then the row comes back with its line break, unmarked', async () => {
    const before = await view();
    const r = cueRow(before);
    await op({ kind: 'merge', row: r });
    expect((await view()).rows[r]!.tgtText).toBe(`${TWO_LINES} The weather is fine today.`);
    await op({ kind: 'realign' });
    const after = (await view()).rows;
    expect(after.map((row) => [row.tgtText, row.needsReview, row.state])).toEqual(before.rows.map((row) => [row.tgtText, row.needsReview, row.state]));
  });
});

describe('the second line of a cue once it starts a row of its own', () => {
  const redo = async () => call('POST', 'alignment/redo', { version: (await view()).version });
  const texts = async (r: number) => (await view()).rows.slice(r, r + 2).map((row) => row.tgtText);

  it('when the cue is split between its lines and, loaded again, merged back then its line break comes back, through undo and redo too', async () => {
    const before = await stored();
    const r = cueRow(await view());
    await op({ kind: 'split', row: r, srcAt: 1, tgtAt: 1 });
    const split = await texts(r);
    await op({ kind: 'merge', row: r });
    const merged = (await view()).rows[r]!;
    expect([merged.tgtText, merged.needsReview]).toEqual([TWO_LINES, null]);
    await undo();
    expect(await texts(r)).toEqual(split);
    await redo();
    expect((await view()).rows[r]!.tgtText).toBe(TWO_LINES);
    await undo();
    await undo();
    expect(await stored()).toEqual(before);
  });

  it('when the second line is moved up into the row above, or shifted up with its row, then it joins the first line on a line of its own', async () => {
    const before = await stored();
    const r = cueRow(await view());
    await op({ kind: 'split', row: r, srcAt: 1, tgtAt: 1 });
    await op({ kind: 'moveUp', side: 'tgt', row: r + 1 });
    expect((await view()).rows[r]!.tgtText).toBe(TWO_LINES);
    await undo();
    await op({ kind: 'shiftUp', side: 'both', row: r + 1 });
    expect((await view()).rows[r]!.tgtText).toBe(TWO_LINES);
    await undo();
    await undo();
    expect(await stored()).toEqual(before);
  });

  it('when the cue is split and the rows realigned then the realigned row has its line break', async () => {
    const before = await view();
    const r = cueRow(before);
    await op({ kind: 'split', row: r, srcAt: 1, tgtAt: 1 });
    await op({ kind: 'shiftUp', side: 'tgt', row: r + 1 });
    await op({ kind: 'realign' });
    const after = (await view()).rows;
    expect(after.map((row) => row.tgtText)).toEqual(before.rows.map((row) => row.tgtText));
  });
});

describe('a cue of two lines in the alignment editor\'s rows', () => {
  it('when its row is shown then its second sentence starts a line, as it will when the rows are merged again', async () => {
    const res = await fetch(`${server.url}/documents/${id}/align/rows`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const html = await res.text();
    const [first, second] = TWO_LINES.split('\n');
    expect(html).toMatch(new RegExp(`>${first}</span><br class="line-before"><span class="sentence" data-sentence="1" data-key="s\\d+">${second}</span>`));
    // Sentences on one line stay on it.
    expect(html).not.toContain('<br class="line-before"><span class="sentence" data-sentence="0"');
  });
});
