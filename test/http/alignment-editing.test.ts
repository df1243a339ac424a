import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, onPostgres, type TestServer } from '../support/test-server.ts';
import { pairWith, startSeededServer } from '../support/seed.ts';
import { WEAK_SCORE } from '../../server/domain/types.ts';

interface Row { key: string; src: { text: string }[]; tgt: { text: string }[]; tgtText: string; state: number; score: number | null; confirmedBy: string | null; needsReview: string | null }
interface View { version: number; rows: Row[]; undo: number; redo: number }

let server: TestServer;
let docs: { demo: number; other: number };
let api: Awaited<ReturnType<typeof startSeededServer>>['api'];
let tokens: Record<string, string>;

beforeAll(async () => {
  ({ server, docs, api, tokens } = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer']]));
});
afterAll(() => server.close());

const view = async (doc = docs.demo) => (await api('lin', 'GET', `/api/documents/${doc}/alignment`)).json() as View;
const op = (who: string, version: number, body: unknown, doc = docs.demo) => api(who, 'POST', `/api/documents/${doc}/alignment/ops`, { version, op: body });
// PostgreSQL checks foreign keys at every statement and has no integrity pragma: there the gaps are what is left to check.
const integrity = async () => ({
  ok: onPostgres ? 'ok' : await server.value('PRAGMA integrity_check'),
  orphans: onPostgres ? 0 : (await server.rows('PRAGMA foreign_key_check')).length,
  gaps: await server.value(`SELECT count(*) FROM (SELECT document_id, count(*) n, max(idx) m FROM pairs GROUP BY document_id) g WHERE n != m + 1`),
});

describe('alignment operations over the API', () => {
  it('when the broken "exchanges. Youth" sentences are joined then the row has one English sentence and the rest is unchanged', async () => {
    const before = await view();
    const row = before.rows.findIndex((r) => r.tgt.some((s) => s.text.endsWith('and exchanges.')));
    const sentence = before.rows[row]!.tgt.findIndex((s) => s.text.endsWith('and exchanges.'));
    const res = await op('lin', before.version, { kind: 'joinSentences', side: 'tgt', row, sentence });
    expect(res.status).toBe(200);
    expect(res.json()).toMatchObject({ version: before.version + 1, at: row, undo: 1, redo: 0 });
    const after = await view();
    expect(after.rows[row]!.tgt.map((s) => s.text)).toEqual([
      `${before.rows[row]!.tgt[sentence]!.text} ${before.rows[row]!.tgt[sentence + 1]!.text}`,
    ]);
    expect(after.rows.filter((_, i) => i !== row)).toEqual(before.rows.filter((_, i) => i !== row));
    expect(await integrity()).toEqual({ ok: 'ok', orphans: 0, gaps: 0 });
  });

  it('when the version is stale then 409 and nothing changes', async () => {
    const before = await view();
    const res = await op('wang', before.version - 1, { kind: 'merge', row: 3 });
    expect(res.status).toBe(409);
    expect(res.json().error).toMatch(/changed since you loaded it/);
    expect(await view()).toEqual(before);
  });

  it('when an operation is impossible then 400 with a sentence', async () => {
    const v = await view();
    for (const bad of [{ kind: 'moveUp', side: 'src', row: 0 }, { kind: 'explode', row: 1 }, { kind: 'merge', row: 9999 }, 'merge']) {
      const res = await op('lin', v.version, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.json().error.length).toBeGreaterThan(10);
    }
    expect((await view()).version).toBe(v.version);
  });

  it('when two rows are merged and undone then the document is exactly as before, and redo merges again', async () => {
    const before = await view();
    const merged = await op('lin', before.version, { kind: 'merge', row: 5 });
    expect(merged.status).toBe(200);
    const mid = await view();
    expect(mid.rows).toHaveLength(before.rows.length - 1);
    const undo = await api('lin', 'POST', `/api/documents/${docs.demo}/alignment/undo`, { version: mid.version });
    expect(undo.status).toBe(200);
    const back = await view();
    expect(back.rows.map(({ key: _k, src, tgt, ...r }) => ({ ...r, src: src.map((s) => s.text), tgt: tgt.map((s) => s.text) })))
      .toEqual(before.rows.map(({ key: _k, src, tgt, ...r }) => ({ ...r, src: src.map((s) => s.text), tgt: tgt.map((s) => s.text) })));
    expect(back.redo).toBe(1);
    const redo = await api('lin', 'POST', `/api/documents/${docs.demo}/alignment/redo`, { version: back.version });
    expect(redo.status).toBe(200);
    expect((await view()).rows).toHaveLength(before.rows.length - 1);
    expect(await integrity()).toEqual({ ok: 'ok', orphans: 0, gaps: 0 });
  });

  it('when a post-edited row is merged with its neighbour then the typed text is kept in the merged row', async () => {
    const pair = await pairWith(server.store, docs.demo, 'Moon Jae-in is in China');
    const typed = 'Moon Jae-in came to Chengdu for the eighth summit of the three leaders. 𠀀';
    expect((await api('lin', 'PUT', `/api/pairs/${pair.id}`, { tgt: typed, version: pair.version })).status).toBe(200);
    const v = await view();
    const row = v.rows.findIndex((r) => r.tgtText === typed);
    expect((await op('lin', v.version, { kind: 'merge', row: row - 1 })).status).toBe(200);
    const after = await view();
    expect(after.rows[row - 1]!.tgtText).toContain(typed);
    const history = await server.value("SELECT count(*) FROM revisions r JOIN users u ON u.id = r.author_id WHERE r.action = 'align' AND u.name = 'lin'");
    expect(history).toBeGreaterThan(0);
  });

  it('when an approved row is touched by an alignment change then it goes back to translated and says why', async () => {
    const pair = await pairWith(server.store, docs.demo, 'Korean Peninsula');
    expect((await api('wang', 'POST', `/api/pairs/${pair.id}/review`, { decision: 'approve', version: pair.version })).status).toBe(200);
    const v = await view();
    const row = v.rows.findIndex((r) => r.src.some((s) => s.text.includes('朝鲜半岛')));
    expect(v.rows[row]!.state).toBe(30);
    expect((await op('lin', v.version, { kind: 'moveDown', side: 'src', row: row - 1 })).status).toBe(200);
    const after = await view();
    expect(after.rows[row]!.state).toBe(20);
    expect(after.rows[row]!.needsReview).toBe('approval-reset');
  });

  it('when the text of a row changed after an operation then undoing it is refused with 409', async () => {
    const v = await view(docs.other);
    expect((await op('lin', v.version, { kind: 'merge', row: 0 }, docs.other)).status).toBe(200);
    const pair = await pairWith(server.store, docs.other, '朝鲜半岛');
    expect((await api('lin', 'PUT', `/api/pairs/${pair.id}`, { tgt: 'Typed after the merge.', version: pair.version })).status).toBe(200);
    const undo = await api('lin', 'POST', `/api/documents/${docs.other}/alignment/undo`, { version: (await view(docs.other)).version });
    expect(undo.status).toBe(409);
    expect((await pairWith(server.store, docs.other, '朝鲜半岛')).tgt).toBe('Typed after the merge.');
  });

  it('when rows above are confirmed and the rest realigned then confirmed rows stay and show who confirmed them', async () => {
    const v = await view();
    expect((await op('wang', v.version, { kind: 'confirmAbove', row: 6 })).status).toBe(200);
    const confirmed = await view();
    expect(confirmed.rows.slice(0, 6).every((r) => r.confirmedBy === 'wang')).toBe(true);
    expect((await op('wang', confirmed.version, { kind: 'realign' })).status).toBe(200);
    const after = await view();
    expect(after.rows.slice(0, 6)).toEqual(confirmed.rows.slice(0, 6));
    expect(await integrity()).toEqual({ ok: 'ok', orphans: 0, gaps: 0 });
  });
});

describe('what the editor says', () => {
  const zh = (who: string, path: string, json: unknown) => new Client(server.url).request('POST', path, {
    json, headers: { authorization: `Bearer ${tokens[who]}`, 'accept-language': 'zh-CN' },
  });

  // The document page numbers rows by their place among all pairs, page noise counted (the demo page's first row is noise);
  // the API's rows are the alignment's, 0-based, noise left out. The messages name rows as the document page does.
  const pageNumbers = async () => {
    const idx = new Map((await server.rows<{ id: number; idx: number }>('SELECT id, idx FROM pairs WHERE document_id = ?', [docs.demo])).map((p) => [`p${p.id}`, p.idx + 1]));
    return (await view()).rows.map((r) => idx.get(r.key)!);
  };

  it('when an operation succeeds then the answer says what it did, in the user\'s language, by the document page\'s row numbers', async () => {
    const before = await view();
    const n = await pageNumbers();
    expect(n[0]).toBe(2);
    const merged = await (await op('lin', before.version, { kind: 'merge', row: 3 })).json();
    expect(merged.message).toBe(`Rows ${n[3]} and ${n[4]} merged.`);
    const undone = await (await zh('lin', `/api/documents/${docs.demo}/alignment/undo`, { version: merged.version })).json();
    expect(undone.message).toBe(`已撤销你的改动（自第 ${n[3]} 行起）。`);
    // A row no one confirmed yet (confirming a confirmed one changes nothing, and says so).
    const free = before.rows.findIndex((r) => !r.confirmedBy);
    const confirmed = await (await zh('lin', `/api/documents/${docs.demo}/alignment/ops`, { version: undone.version, op: { kind: 'confirm', row: free } })).json();
    expect(confirmed.message).toBe(`第 ${n[free]} 行已确认。`);
    // Two rows with a noise row between them: their numbers are two apart.
    const k = n.findIndex((x, i) => i > 0 && n[i + 1] === x + 2);
    expect(k).toBeGreaterThan(0);
    const across = await (await op('lin', confirmed.version, { kind: 'merge', row: k })).json();
    expect(across.message).toBe(`Rows ${n[k]} and ${n[k]! + 2} merged.`);
    const back = await (await zh('lin', `/api/documents/${docs.demo}/alignment/undo`, { version: across.version })).json();
    expect(back.message).toBe(`已撤销你的改动（自第 ${n[k]} 行起）。`);
    // The undo put the noise row back between them: every row has its number again.
    expect(await pageNumbers()).toEqual(n);
    const moved = await (await zh('lin', `/api/documents/${docs.demo}/alignment/ops`, { version: back.version, op: { kind: 'moveUp', side: 'tgt', row: k + 1 } })).json();
    expect(moved.message).toBe(`第 ${n[k + 1]} 行英文的第一句已上移到第 ${n[k]} 行。`);
    await api('lin', 'POST', `/api/documents/${docs.demo}/alignment/undo`, { version: moved.version });
  });

  it('when the version is stale then the 409 carries the sentence in the user\'s language as well as the English one', async () => {
    const stale = await zh('lin', `/api/documents/${docs.demo}/alignment/ops`, { version: 1, op: { kind: 'confirm', row: 0 } });
    expect(stale.status).toBe(409);
    const body = await stale.json();
    expect(body.error).toMatch(/changed since you loaded it/);
    expect(body.message).toMatch(/\p{Script=Han}/u);
  });
});

describe('the alignment page', () => {
  it('when opened then it lists rows with confidence, shapes and the weak-row strip', async () => {
    const c = new Client(server.url);
    await c.login('lin');
    const page = await c.get(`/documents/${docs.demo}/align`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-testid="align-table"');
    expect(page.text).toContain('data-testid="weak-strip"');
    expect(page.text.match(/data-testid="align-row"/g)!.length).toBe((await view()).rows.length);
    // The filter lists exactly the rows a person should look at, by the rule the README states.
    const rows = (await view()).rows;
    const expected = rows.flatMap((r, i) =>
      r.src.length !== 1 || r.tgt.length !== 1 || (r.score !== null && r.score < WEAK_SCORE) || r.needsReview ? [String(i)] : []);
    const irregular = await c.get(`/documents/${docs.demo}/align?irregular=1`);
    const listed = [...irregular.text.matchAll(/id="row-\d+" data-row="(\d+)"/g)].map((m) => m[1]);
    expect(expected.length).toBeGreaterThan(0);
    expect(listed).toEqual(expected);
  });

  it('when opened then its rows carry the document page\'s numbers, the page-noise rows shown and counted', async () => {
    const c = new Client(server.url);
    await c.login('lin');
    const page = (await c.get(`/documents/${docs.demo}/align`)).text;
    const pairs = await server.rows<{ id: number; idx: number; noise: number }>('SELECT id, idx, noise FROM pairs WHERE document_id = ? ORDER BY idx', [docs.demo]);
    const rows = [...page.matchAll(/<tr class="([^"]*)"\s+id="row-(\d+)"(?: data-row="\d+" data-n="(\d+)" data-key="p(\d+)")?[^>]*>\s*<td class="idx">(\d+)/g)]
      .map((m) => ({ noise: m[1] === 'noise', index: Number(m[2]), n: m[3] && Number(m[3]), pairId: m[4] && Number(m[4]), shown: Number(m[5]) }));
    expect(rows.map((r) => r.index)).toEqual(pairs.map((p) => p.idx));
    expect(rows.map((r) => r.noise)).toEqual(pairs.map((p) => p.noise === 1));
    for (const [i, r] of rows.entries()) {
      expect(r.shown).toBe(i + 1);
      if (!r.noise) expect([r.n, r.pairId]).toEqual([i + 1, pairs[i]!.id]);
    }
    expect(rows[0]).toMatchObject({ noise: true, shown: 1 });
    expect(page).toMatch(new RegExp(`data-testid="align-summary"[^>]*>${pairs.length} rows,`));
    expect(page).toContain(`max="${pairs.length}"`);
    const places = pairs.flatMap((p, i) => (p.noise ? [pairs.slice(0, i).filter((q) => !q.noise).length] : []));
    expect(page).toContain(`data-rows="${pairs.length}" data-noise="${places.join(' ')}"`);
  });
});
