// Alignment operations that change nothing (a confirmed row confirmed again, "confirm above" over confirmed rows, a
// realign with nothing to move) say so and leave no trace: no new version, no undo step, the redo stack kept.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestServer } from '../support/test-server.ts';
import { startSeededServer } from '../support/seed.ts';

interface View { version: number; rows: { key: string; confirmedBy: string | null; score: number | null; tgtText: string }[]; undo: number; redo: number }

let server: TestServer;
let docs: { demo: number; other: number };
let api: Awaited<ReturnType<typeof startSeededServer>>['api'];
let tokens: Record<string, string>;

beforeAll(async () => {
  ({ server, docs, api, tokens } = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer']]));
});
afterAll(() => server.close());

const view = async (doc = docs.demo) => (await api('lin', 'GET', `/api/documents/${doc}/alignment`)).json() as View;
const op = async (who: string, version: number, body: unknown, lang = 'en', doc = docs.demo) => {
  const res = await new Client(server.url).request('POST', `/api/documents/${doc}/alignment/ops`, {
    json: { version, op: body }, headers: { authorization: `Bearer ${tokens[who]}`, 'accept-language': lang },
  });
  expect(res.status, JSON.stringify(res.json())).toBe(200);
  return res.json() as { version: number; removed: number; inserted: number; undo: number; redo: number; message: string; undoLabel: string };
};
const logged = (doc = docs.demo) => server.value<number>('SELECT count(*) FROM alignment_ops WHERE document_id = ?', [doc]);
const stored = async (doc = docs.demo) => ({ version: await server.value('SELECT version FROM documents WHERE id = ?', [doc]), ops: await logged(doc) });
// Rows as the document page numbers them: the demo page's first row is page noise.
const pageNumber = async (key: string) => 1 + await server.value<number>('SELECT idx FROM pairs WHERE id = ?', [Number(key.slice(1))]);

describe('an alignment operation that changes nothing', () => {
  it('when a confirmed row is confirmed again, by anyone, then the answer says nothing changed, in both languages, and no version or undo step is added', async () => {
    const before = await view();
    const first = await op('lin', before.version, { kind: 'confirm', row: 2 });
    expect(first).toMatchObject({ version: before.version + 1, undo: before.undo + 1 });
    const was = await stored();
    const n = await pageNumber(before.rows[2]!.key);
    const again = await op('lin', first.version, { kind: 'confirm', row: 2 });
    expect(again).toMatchObject({ version: first.version, removed: 0, inserted: 0, undo: first.undo, redo: 0 });
    expect(again.message).toBe(`Row ${n} was already confirmed: nothing changed.`);
    expect(again.undoLabel).toBe(first.undoLabel);
    const other = await op('wang', first.version, { kind: 'confirm', row: 2 }, 'zh-CN');
    expect(other.message).toBe(`第 ${n} 行已经确认过：没有任何改动。`);
    expect(await stored()).toEqual(was);
    // The row keeps the name of who confirmed it first.
    expect((await view()).rows[2]!.confirmedBy).toBe('lin');
  });

  it('when every row above is already confirmed then "confirm above" changes nothing, and Undo still reverts the last real change', async () => {
    const before = await view();
    const done = await op('wang', before.version, { kind: 'confirmAbove', row: 5 });
    expect(done.version).toBe(before.version + 1);
    const was = await stored();
    const n = await pageNumber(before.rows[4]!.key);
    const again = await op('wang', done.version, { kind: 'confirmAbove', row: 5 });
    expect(again).toMatchObject({ version: done.version, removed: 0, inserted: 0, undo: done.undo });
    expect(again.message).toBe(`Rows 1 to ${n} were already confirmed: nothing changed.`);
    expect((await op('wang', done.version, { kind: 'confirmAbove', row: 3 }, 'zh-CN')).message).toMatch(/^第 1 至 \d+ 行都已确认过：没有任何改动。$/);
    expect(await stored()).toEqual(was);
    const undo = await api('wang', 'POST', `/api/documents/${docs.demo}/alignment/undo`, { version: done.version });
    expect(undo.status).toBe(200);
    expect((await view()).rows.slice(0, 5).map((r) => r.confirmedBy)).toEqual(before.rows.slice(0, 5).map((r) => r.confirmedBy));
  });

  it('when a realign has nothing to change then it says so, with no new version, and the redo stack stays', async () => {
    const start = await view(docs.other);
    const first = await op('lin', start.version, { kind: 'realign' }, 'en', docs.other);
    const v = first.removed || first.inserted ? first.version : start.version;
    const was = await stored(docs.other);
    const preview = (await api('lin', 'GET', `/api/documents/${docs.other}/alignment/realign-preview?version=${v}`)).json();
    expect(preview).toMatchObject({ removed: 0, inserted: 0 });
    const again = await op('lin', v, { kind: 'realign' }, 'en', docs.other);
    expect(again).toMatchObject({ version: v, removed: 0, inserted: 0 });
    expect(again.message).toBe('Realigning found no row to change: nothing changed.');
    expect((await op('lin', v, { kind: 'realign' }, 'zh-CN', docs.other)).message).toBe('重新对齐没有找到要改变的行：没有任何改动。');
    expect(await stored(docs.other)).toEqual(was);
    // Undone, a merge can be redone after a realign that changed nothing: that realign did not drop the redo stack.
    const merged = await op('lin', v, { kind: 'merge', row: 0 }, 'en', docs.other);
    const undone = (await api('lin', 'POST', `/api/documents/${docs.other}/alignment/undo`, { version: merged.version })).json();
    const idle = await op('lin', undone.version, { kind: 'realign' }, 'en', docs.other);
    expect(idle).toMatchObject({ version: undone.version, removed: 0, inserted: 0, redo: 1 });
    expect((await api('lin', 'POST', `/api/documents/${docs.other}/alignment/redo`, { version: undone.version })).status).toBe(200);
  });

  it('when a realign with nothing to change runs as a job then its result says so too', async () => {
    const { version } = await view(docs.other);
    await op('lin', version, { kind: 'realign' }, 'en', docs.other);
    const v = (await view(docs.other)).version;
    const res = await new Client(server.url).request('POST', `/api/documents/${docs.other}/alignment/ops`, {
      json: { version: v, op: { kind: 'realign' } }, headers: { authorization: `Bearer ${tokens.lin}`, prefer: 'respond-async' },
    });
    expect(res.status).toBe(202);
    const job = async () => (await api('lin', 'GET', `/api/jobs/${res.json().id}`)).json();
    await expect.poll(async () => (await job()).state, { timeout: 60_000 }).toBe('done');
    expect((await job()).result).toMatchObject({ version: v, removed: 0, inserted: 0, message: 'Realigning found no row to change: nothing changed.' });
    expect((await view(docs.other)).version).toBe(v);
  });

  it('when a realign moves no row but gives rows back the confidence a merge and split took then it says only that, as its preview did, and Undo takes it back', async () => {
    const start = await view(docs.other);
    await op('lin', start.version, { kind: 'realign' }, 'en', docs.other);
    const aligned = await view(docs.other);
    expect(aligned.rows.map((r) => r.score)).not.toContain(null);
    const merged = await op('lin', aligned.version, { kind: 'merge', row: 0 }, 'en', docs.other);
    const split = await op('lin', merged.version, { kind: 'split', row: 0, srcAt: 1, tgtAt: 1 }, 'en', docs.other);
    const unscored = await view(docs.other);
    expect(unscored.rows.map((r) => [r.tgtText, r.score])).toEqual(aligned.rows.map((r) => [r.tgtText, null]));
    const [a, b] = await Promise.all(unscored.rows.map((r) => pageNumber(r.key)));
    const preview = async (lang: string) => (await new Client(server.url).request('GET', `/api/documents/${docs.other}/alignment/realign-preview?version=${split.version}`, {
      headers: { authorization: `Bearer ${tokens.lin}`, 'accept-language': lang },
    })).json() as { removed: number; inserted: number; message: string };
    expect(await preview('en')).toMatchObject({ removed: 2, inserted: 2,
      message: `Realigning would move no row: it would only refresh the confidence of 2 rows, from row ${a} to row ${b}. Apply it?` });
    expect((await preview('zh-CN')).message).toBe(`重新对齐不会移动任何行：只会更新第 ${a} 至 ${b} 行中 2 行的置信度。要应用吗？`);
    const done = await op('lin', split.version, { kind: 'realign' }, 'en', docs.other);
    expect(done).toMatchObject({ version: split.version + 1, removed: 2, inserted: 2, undo: split.undo + 1,
      message: `Realigning moved no row: only the confidence of 2 rows, from row ${a} to row ${b}, was refreshed.` });
    expect((await view(docs.other)).rows.map((r) => [r.key, r.tgtText, r.score])).toEqual(unscored.rows.map((r, i) => [r.key, r.tgtText, aligned.rows[i]!.score]));
    const undone = await api('lin', 'POST', `/api/documents/${docs.other}/alignment/undo`, { version: done.version });
    expect(undone.status).toBe(200);
    expect((await view(docs.other)).rows.map((r) => r.score)).toEqual([null, null]);
  });
});
