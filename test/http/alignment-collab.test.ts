// Two people aligning one document: a 409 that leads on, undo that says whose change it reverts, a realign previewed first.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestServer } from '../support/test-server.ts';
import { startSeededServer } from '../support/seed.ts';
import { storeDocument } from '../support/insert-document.ts';

interface Row { key: string; src: { text: string }[]; tgt: { text: string }[]; score: number | null }
interface View { version: number; rows: Row[]; undo: number; redo: number; undoBy: string | null; undoMine: boolean }

let server: TestServer;
let docs: { demo: number; other: number };
let api: Awaited<ReturnType<typeof startSeededServer>>['api'];
let tokens: Record<string, string>;

beforeAll(async () => {
  ({ server, docs, api, tokens } = await startSeededServer([['lin', 'translator'], ['wang', 'translator']]));
});
afterAll(() => server.close());

const view = async (who = 'lin', doc = docs.demo) => (await api(who, 'GET', `/api/documents/${doc}/alignment`)).json() as View;
const op = (who: string, version: number, body: unknown, doc = docs.demo) => api(who, 'POST', `/api/documents/${doc}/alignment/ops`, { version, op: body });
const undo = (who: string, body: unknown, doc = docs.demo) => api(who, 'POST', `/api/documents/${doc}/alignment/undo`, body);
const texts = (rows: Row[]) => rows.map((r) => [r.src.map((s) => s.text), r.tgt.map((s) => s.text)]);

describe('two people aligning one document', () => {
  // The rows are the API's, 0-based and without page noise; the messages name them by the document page's numbers, which
  // count the demo's first row, page noise: row 6 here is row 8 there.
  it('when someone else changed the alignment then the 409 offers the changes, and with the rows loaded again the retry succeeds', async () => {
    const seen = await view('wang');
    expect((await op('lin', seen.version, { kind: 'merge', row: 2 })).status).toBe(200);
    const stale = await op('wang', seen.version, { kind: 'confirm', row: 6 });
    expect(stale.status).toBe(409);
    expect(stale.json()).toMatchObject({ changed: true });
    expect(stale.json().message).toMatch(/changed since you loaded it.*Load the changes/);
    // What the page does on "Load the changes": the rows it shows, and the version they are at.
    const rows = await new Client(server.url).request('GET', `/documents/${docs.demo}/align/rows?from=0`, { headers: { authorization: `Bearer ${tokens.wang}` } });
    expect(rows.status).toBe(200);
    const version = Number(rows.headers.get('x-alignment-version'));
    expect(version).toBe((await view()).version);
    const retry = await op('wang', version, { kind: 'confirm', row: 6 });
    expect(retry.status).toBe(200);
    expect((await view()).rows[6]!.key).toBe(seen.rows[7]!.key);
  });

  it('when the last change is someone else\'s then undo names them and asks, and undoes it only when asked for that change', async () => {
    const before = await view('lin');
    expect(before).toMatchObject({ undoBy: 'wang', undoMine: false });
    expect((await api('lin', 'GET', `/api/documents/${docs.demo}/alignment/stack`)).json()).toMatchObject({ undoLabel: "Undo (wang's change)…" });
    const asked = await undo('lin', { version: before.version });
    expect(asked.status).toBe(409);
    expect(asked.json().message).toBe("The last alignment change is wang's (from row 8), not yours. Undo it anyway?");
    expect(asked.json().ask).toMatchObject({ author: 'wang' });
    expect(await view('lin')).toEqual(before);
    // Consent to another change than the one on top is no consent.
    expect((await undo('lin', { version: before.version, consent: asked.json().ask.op + 1 })).status).toBe(409);
    const done = await undo('lin', { version: before.version, consent: asked.json().ask.op });
    expect(done.status).toBe(200);
    expect(done.json().message).toBe("Undone wang's change (from row 8).");
    const after = await view('lin');
    expect(after.rows[6]!.key).toBe(before.rows[6]!.key);
    expect(after).toMatchObject({ undoBy: 'lin', undoMine: true });
  });

  it('when the last change is mine then undo reverts it and says it was mine, in my language', async () => {
    const before = await view('lin');
    expect((await api('lin', 'GET', `/api/documents/${docs.demo}/alignment/stack`)).json()).toMatchObject({ undoLabel: 'Undo my change' });
    const res = await new Client(server.url).request('POST', `/api/documents/${docs.demo}/alignment/undo`, {
      json: { version: before.version }, headers: { authorization: `Bearer ${tokens.lin}`, 'accept-language': 'zh-CN' },
    });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ message: '已撤销你的改动（自第 4 行起）。', undo: 0, undoBy: null });
    expect((await view()).rows).toHaveLength(before.rows.length + 1);
  });

  it('when the next change to redo is someone else\'s then redo asks too, and with consent says whose it redid', async () => {
    const before = await view('wang');
    expect(before.redo).toBe(2);
    const asked = await api('wang', 'POST', `/api/documents/${docs.demo}/alignment/redo`, { version: before.version });
    expect(asked.status).toBe(409);
    expect(asked.json()).toMatchObject({
      message: "The next change to redo is lin's (from row 4), not yours. Redo it anyway?", ask: { author: 'lin', direction: 'redo' },
    });
    expect(await view('wang')).toEqual(before);
    const done = await api('wang', 'POST', `/api/documents/${docs.demo}/alignment/redo`, { version: before.version, consent: asked.json().ask.op });
    expect(done.status).toBe(200);
    expect(done.json()).toMatchObject({ message: "Redone lin's change (from row 4).", redo: 1, undoBy: 'lin', undoMine: false, undoLabel: "Undo (lin's change)…" });
    expect((await view()).rows).toHaveLength(before.rows.length - 1);
  });

  it('when realign is previewed then nothing is written, and applying it on that version makes exactly the rows shown', async () => {
    const v = await view('lin', docs.other);
    // Break the document's alignment so a realign has something to change.
    expect((await op('lin', v.version, { kind: 'shiftDown', side: 'tgt', row: 0 }, docs.other)).status).toBe(200);
    const broken = await view('lin', docs.other);
    const res = await api('lin', 'GET', `/api/documents/${docs.other}/alignment/realign-preview?version=${broken.version}`);
    expect(res.status).toBe(200);
    const preview = res.json();
    expect(preview).toMatchObject({ version: broken.version, at: 0, more: null });
    expect(preview.removed).toBe(broken.rows.length);
    expect(preview.rows).toHaveLength(preview.inserted);
    expect(preview.message).toMatch(new RegExp(`^Realigning would replace rows 1 to ${broken.rows.length} \\(${broken.rows.length} rows\\) with ${preview.inserted} rows: mean confidence \\d\\.\\d\\d, \\d+ under 0\\.5\\. Apply it\\?$`));
    expect(preview.rows[0].text).toMatch(/^Row 1: 1:1, confidence \d\.\d\d$/);
    expect(await view('lin', docs.other)).toEqual(broken);

    const applied = await op('lin', preview.version, { kind: 'realign' }, docs.other);
    expect(applied.status).toBe(200);
    expect(applied.json()).toMatchObject({ at: preview.at, removed: preview.removed, inserted: preview.inserted });
    const after = await view('lin', docs.other);
    const twoDecimals = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    expect(after.rows.slice(preview.at, preview.at + preview.inserted).map((r) => (r.score === null ? '—' : twoDecimals.format(r.score))))
      .toEqual(preview.rows.map((r: { text: string }) => /confidence (\S+)$/.exec(r.text)![1]));
    expect(texts(after.rows)).toEqual(texts(v.rows));
  });

  it('when previews are asked for at once then one of the same version is shared, and another of the same person waits its turn', async () => {
    // Long enough that the aligner is still at work when the second request arrives.
    const sentences = Array.from({ length: 5000 }, (_, i) => ({ zh: `第${i + 1}位客人在${(i % 28) + 1}号来到了北京的饭店。`, en: `Guest number ${i + 1} came to the hotel in Beijing on day ${(i % 28) + 1}.` }));
    const long = await Promise.all(['长文档一', '长文档二', '长文档三'].map(async (title) => (await storeDocument(server.store, title, sentences)).documentId));
    const versions = await Promise.all(long.map(async (doc) => (await view('lin', doc)).version));
    const preview = (who: string, k: number) => api(who, 'GET', `/api/documents/${long[k]}/alignment/realign-preview?version=${versions[k]}`);
    // The same version twice: the second joins the first, and gets its answer.
    const [a, b] = await Promise.all([preview('lin', 0), preview('lin', 0)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(b.json()).toEqual(a.json());
    // Two documents at once: whichever of lin's arrives second finds the first under way and is refused with a
    // sentence; wang's is not held up by lin's. (Wang asks for a third document: had he asked for one of lin's, lin's
    // request for it could join his run and rightly get its answer, leaving lin with no run of his own.)
    const [first, second, other] = await Promise.all([preview('lin', 0), preview('lin', 1), preview('wang', 2)]);
    const refused = [first, second].filter((r) => r.status === 429);
    expect([first, second].map((r) => r.status).sort()).toEqual([200, 429]);
    expect(refused[0]!.json().message).toBe('A realign preview you asked for is still being computed. Wait for it to finish, then ask again.');
    expect(other.status).toBe(200);
    // Once it is done, the next is computed.
    expect((await preview('lin', 1)).status).toBe(200);
  }, 120_000);

  it('when realign would change nothing then the preview says so; a stale one is refused with the offer to load the changes', async () => {
    const v = await view('lin', docs.other);
    const none = (await api('lin', 'GET', `/api/documents/${docs.other}/alignment/realign-preview?version=${v.version}`)).json();
    expect(none).toMatchObject({ removed: 0, inserted: 0, rows: [], message: 'Realigning would change no row.' });
    const stale = await api('lin', 'GET', `/api/documents/${docs.other}/alignment/realign-preview?version=${v.version - 1}`);
    expect(stale.status).toBe(409);
    expect(stale.json()).toMatchObject({ changed: true });
  });
});
