// Search and replace on the Chinese side of a document, through the HTTP API and the page, on either database: the
// rows keep their sentences, each change is a revision one undo reverts, and everything read from the Chinese follows.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, type TestServer } from '../support/test-server.ts';
import { startSeededServer } from '../support/seed.ts';
import { documents } from '../../server/services/documents.ts';
import { documentRows } from '../../server/services/document-rows.ts';
import { inReadScope } from '../../server/services/read-scope.ts';
import { postEditing } from '../../server/services/post-editing.ts';
import { translationMemory } from '../../server/services/translation-memory.ts';
import type { NewPair } from '../../server/db/documents-repo.ts';

let server: TestServer;
let tokens: Record<string, string>;
let doc: { documentId: number; pairIds: number[] };

/** Each row's Chinese sentences and its English (none: untranslated). Row 1 has two sentences; row 4 is approved. */
const ROWS: { zh: string[]; en?: string }[] = [
  { zh: ['合作共赢。'], en: 'Win-win cooperation.' },
  { zh: ['双方同意加强合作，', '扩大𠀀贸易。'], en: 'Both sides agreed to strengthen cooperation and expand trade.' },
  { zh: ['会谈富有成果。'], en: 'The talks were fruitful.' },
  { zh: ['深化合作。'] },
  { zh: ['合作是关键。'], en: 'Cooperation is key.' },
];

type Answer = { status: number; body: Record<string, unknown> & { message?: string } };
type Change = { pairId: number; row: number; version: number; oldText: string; newText: string; matches: number };

async function api(who: string, method: string, url: string, json?: unknown, lang = 'en'): Promise<Answer> {
  const res = await fetch(server.url + url, {
    method, headers: { authorization: `Bearer ${tokens[who]}`, 'accept-language': lang, ...(json ? { 'content-type': 'application/json' } : {}) },
    body: json ? JSON.stringify(json) : undefined,
  });
  const text = await res.text();
  return { status: res.status, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) as Answer['body'] : { text } };
}

/** A document whose rows may have several Chinese sentences each, written through the store (either database). */
async function storeRows(title: string): Promise<{ documentId: number; pairIds: number[] }> {
  return server.store.write(async (tx) => {
    const documentId = await tx.documents.insertDocument({ title, srcLang: 'zh-CN', tgtLang: 'en', sourceName: null, pageDate: null, createdBy: null });
    const src = await tx.documents.insertSource(documentId, 'src', 'zh.txt', ROWS.flatMap((r) => r.zh).join(''));
    let idx = 0;
    let at = 0;
    await tx.documents.insertPairs(documentId, ROWS.map((r): NewPair => ({
      score: 1, noise: false, state: r.en ? 10 : 0, mtText: r.en ?? '',
      segments: r.zh.map((text) => ({ side: 'src' as const, sourceId: src, idx: idx++, text, kind: 'sentence' as const, paragraph: 0, start: at, end: (at += text.length) })),
    })));
    return { documentId, pairIds: (await tx.documents.pairs(documentId)).map((p) => p.pair.id) };
  });
}

beforeAll(async () => {
  ({ server, tokens } = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer'], ['zhao', 'translator'], ['root', 'admin']]));
});
afterAll(() => server.close());

beforeEach(async () => {
  doc = await storeRows('源文替换');
  expect((await api('wang', 'POST', `/api/pairs/${doc.pairIds[4]}/review`, { decision: 'approve', version: 1 })).status).toBe(200);
});

const rows = async () => documents(server.store).pairs(doc.documentId);
const base = () => `/api/documents/${doc.documentId}`;
const preview = async (body: Record<string, unknown>, lang?: string) => {
  const res = await api('lin', 'POST', `${base()}/replace/preview`, { side: 'zh', ...body }, lang);
  return { ...res, changes: (res.body.changes ?? []) as Change[] };
};
const seen = (changes: Change[]) => changes.map(({ pairId, version }) => ({ pairId, version }));
async function replace(body: Record<string, unknown>, who = 'lin') {
  const { changes } = await preview(body);
  return api(who, 'POST', `${base()}/replace`, { side: 'zh', ...body, rows: seen(changes) });
}

describe('replacing in the Chinese', () => {
  it('when applied then each row\'s sentences change in place, approved rows are left, and one undo puts every row back', async () => {
    const { status, changes, body } = await preview({ find: '合作', replace: '协作' });
    expect(status).toBe(200);
    expect(changes.map((c) => [c.row, c.oldText, c.newText, c.matches])).toEqual([
      [0, '合作共赢。', '协作共赢。', 1], [1, '双方同意加强合作，扩大𠀀贸易。', '双方同意加强协作，扩大𠀀贸易。', 1], [3, '深化合作。', '深化协作。', 1]]);
    expect(body.approvedLeft).toBe(1);
    // Nothing is written by a preview.
    expect((await rows())[0]!.src).toBe('合作共赢。');

    const applied = await api('lin', 'POST', `${base()}/replace`, { side: 'zh', find: '合作', replace: '协作', rows: seen(changes) });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ applied: [0, 1, 3], stale: [] });
    const after = await rows();
    expect(after.map((p) => p.srcSegments.map((s) => s.text))).toEqual([
      ['协作共赢。'], ['双方同意加强协作，', '扩大𠀀贸易。'], ['会谈富有成果。'], ['深化协作。'], ['合作是关键。']]);
    // The sentences are the same rows (ids), the English and states as they were, and the rows with English marked.
    const before = (await documents(server.store).pairs(doc.documentId)).map((p) => p.srcSegments.map((s) => s.id));
    expect(after.map((p) => p.srcSegments.map((s) => s.id))).toEqual(before);
    expect(after.map((p) => [p.tgt, p.state, p.sourceChanged])).toEqual([
      [ROWS[0]!.en, 10, true], [ROWS[1]!.en, 10, true], [ROWS[2]!.en, 10, false], ['', 0, false], [ROWS[4]!.en, 30, false]]);

    const history = await postEditing(server.store).history(doc.pairIds[1]!);
    expect(history[0]).toMatchObject({ action: 'source', batch: 'replace', author: 'lin', oldText: ROWS[1]!.en, newText: ROWS[1]!.en,
      source: { oldText: '双方同意加强合作，扩大𠀀贸易。', newText: '双方同意加强协作，扩大𠀀贸易。' } });

    // One undo: every row's Chinese, state and mark come back.
    const undone = await api('lin', 'POST', `${base()}/batches/${applied.body.batchId}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ reverted: [0, 1, 3], changedSince: [] });
    expect((await rows()).map((p) => [p.srcSegments.map((s) => s.text), p.state, p.sourceChanged])).toEqual(
      ROWS.map((r, i) => [r.zh, i === 4 ? 30 : r.en ? 10 : 0, false]));
    expect((await postEditing(server.store).history(doc.pairIds[1]!))[0]).toMatchObject({ action: 'source', batch: 'undo', author: 'lin',
      source: { oldText: '双方同意加强协作，扩大𠀀贸易。', newText: '双方同意加强合作，扩大𠀀贸易。' } });
  });

  it('when approved rows are included then they go back to translated, their approval restored by the undo', async () => {
    const applied = await replace({ find: '合作', replace: '协作', includeApproved: true });
    expect(applied.body).toMatchObject({ applied: [0, 1, 3, 4] });
    const row4 = (await rows())[4]!;
    expect([row4.src, row4.state, row4.sourceChanged]).toEqual(['协作是关键。', 20, true]);
    expect((await postEditing(server.store).history(doc.pairIds[4]!))[0]).toMatchObject({ action: 'source', oldState: 30, newState: 20 });
    await api('lin', 'POST', `${base()}/batches/${applied.body.batchId}/undo`);
    expect((await rows())[4]).toMatchObject({ src: '合作是关键。', state: 30, sourceChanged: false });
  });

  it('when a row is flagged then the QA filter finds it, and saving its English takes the flag off', async () => {
    await replace({ find: '合作', replace: '协作' });
    const lin = new Client(server.url);
    await lin.login('lin');
    const flagged = await lin.get(`/documents/${doc.documentId}?qa=source`);
    expect(flagged.status).toBe(200);
    const shown = [...flagged.text.matchAll(/id="pair-(\d+)"/g)].map((m) => Number(m[1]));
    expect(shown).toEqual([doc.pairIds[0], doc.pairIds[1]]);
    expect(flagged.text).toContain('The Chinese changed after this row was translated: check the English');

    const row0 = (await rows())[0]!;
    expect((await api('lin', 'PUT', `/api/pairs/${row0.id}`, { tgt: 'Win-win collaboration.', version: row0.version })).status).toBe(200);
    expect((await rows()).map((p) => p.sourceChanged)).toEqual([false, true, false, false, false]);
  });

  it('when a sentence would be emptied or split then its row is refused and named, in the reader\'s language', async () => {
    const zh = await preview({ find: '^合作共赢。$|加强', replace: '', regex: true }, 'zh-CN');
    expect(zh.changes.map((c) => c.row)).toEqual([1]);
    expect(zh.body.refused).toEqual([{ row: 0, reason: 'sourceReplace.emptySentence', message: '其中一个中文句子会变成空的。' }]);
    const split = await preview({ find: '会谈', replace: '会谈。我们' });
    expect(split.changes).toEqual([]);
    expect((split.body.refused as { row: number; message: string }[])[0]).toMatchObject({ row: 2, reason: 'sourceReplace.splitsSentence' });
  });

  it('when a row changed after the preview then it is left and named, and a row changed after the batch is left by its undo', async () => {
    const { changes } = await preview({ find: '合作', replace: '协作' });
    expect((await api('zhao', 'PUT', `/api/pairs/${doc.pairIds[0]}`, { tgt: 'Zhao’s cooperation.', version: 1 })).status).toBe(200);
    const applied = await api('lin', 'POST', `${base()}/replace`, { side: 'zh', find: '合作', replace: '协作', rows: seen(changes) });
    expect(applied.body).toMatchObject({ applied: [1, 3], stale: [0] });
    expect((await rows())[0]!.src).toBe('合作共赢。');

    // Someone replaces again in row 3 after lin's batch: lin's undo leaves that row and says so.
    expect((await replace({ find: '深化', replace: '加深' }, 'zhao')).body).toMatchObject({ applied: [3] });
    const undone = await api('lin', 'POST', `${base()}/batches/${applied.body.batchId}/undo`);
    expect(undone.body).toMatchObject({ reverted: [1], changedSince: [3] });
    expect((await rows()).map((p) => p.src)).toEqual(['合作共赢。', '双方同意加强合作，扩大𠀀贸易。', '会谈富有成果。', '加深协作。', '合作是关键。']);
  });
});

describe('aligning rows whose Chinese changed', () => {
  const alignment = async () => (await api('lin', 'GET', `${base()}/alignment`)).body as { version: number; rows: { srcChanged: boolean }[] };
  const align = async (path: string, body: Record<string, unknown> = {}) => {
    const res = await api('lin', 'POST', `${base()}/alignment/${path}`, { version: (await alignment()).version, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  };
  const marks = async () => (await rows()).map((p) => [p.state, p.sourceChanged]);

  it('when a marked row is merged, split, undone and redone then the mark stays with its English', async () => {
    // Only row 1 has the changed character: row 0, merged with it, was not marked itself.
    expect((await replace({ find: '𠀀', replace: '𠀁' })).body).toMatchObject({ applied: [1] });
    expect(await marks()).toEqual([[10, false], [10, true], [10, false], [0, false], [30, false]]);

    await align('ops', { op: { kind: 'merge', row: 0 } });
    expect(await marks()).toEqual([[10, true], [10, false], [0, false], [30, false]]);
    expect((await alignment()).rows[0]!.srcChanged).toBe(true);
    const lin = new Client(server.url);
    await lin.login('lin');
    const flagged = await lin.get(`/documents/${doc.documentId}?qa=source`);
    expect([...flagged.text.matchAll(/id="pair-(\d+)"/g)].map((m) => Number(m[1]))).toEqual([(await rows())[0]!.id]);

    // Split after the first sentence: the English (typed into no sentence of its own) stays on top with the mark; the
    // row below has no English for the mark to be about.
    await align('ops', { op: { kind: 'split', row: 0, srcAt: 1, tgtAt: 0 } });
    expect(await marks()).toEqual([[10, true], [0, false], [10, false], [0, false], [30, false]]);

    await align('undo');
    expect(await marks()).toEqual([[10, true], [10, false], [0, false], [30, false]]);
    await align('undo');
    expect(await marks()).toEqual([[10, false], [10, true], [10, false], [0, false], [30, false]]);
    await align('redo');
    expect(await marks()).toEqual([[10, true], [10, false], [0, false], [30, false]]);
  });
});

describe('what is read from the Chinese', () => {
  it('when the Chinese changed then exports, the concordance, kept pages of another server and the memory show the new text', async () => {
    // Another server's kept pages, read before the change: it learns of the change from the document's revision alone.
    const kept = documentRows();
    const elsewhere = { page: (documentId: number, offset: number, limit: number) => inReadScope(server.store, (scope) => kept.page(scope, documentId, offset, limit)) };
    expect((await elsewhere.page(doc.documentId, 0, 10))[1]!.src).toBe('双方同意加强合作，扩大𠀀贸易。');
    // Earlier cases' documents approved the same row: only this document's pairs are looked at.
    const tm = translationMemory(server.store);
    const memory = { matches: (src: string) => server.store.read((tx) => tm.matches(tx, src, { visible: async () => (d: number) => d === doc.documentId })) };
    expect((await memory.matches('合作是关键。')).map((m) => m.tgt)).toEqual([ROWS[4]!.en]);

    const applied = await replace({ find: '合作', replace: '协作', includeApproved: true });
    expect(applied.status).toBe(200);

    expect((await elsewhere.page(doc.documentId, 0, 10)).map((p) => p.src)).toEqual(['协作共赢。', '双方同意加强协作，扩大𠀀贸易。', '会谈富有成果。', '深化协作。', '协作是关键。']);
    for (const format of ['tmx', 'xliff', 'json']) {
      const file = await api('lin', 'GET', `${base()}/export?format=${format}&state=all`);
      const text = JSON.stringify(file.body);
      expect(text, format).toContain('双方同意加强协作，扩大𠀀贸易。');
      expect(text, format).not.toContain('加强合作');
    }
    const bilingual = await api('lin', 'GET', `${base()}/bilingual?format=html`);
    expect(JSON.stringify(bilingual.body)).toContain('深化协作。');
    // Earlier cases' documents hold the same texts: this document's hits are counted.
    const ours = async (q: string) => ((await api('root', 'GET', `/api/concordance?q=${encodeURIComponent(q)}`)).body.hits as { pairId: number }[])
      .map((h) => h.pairId).filter((id) => doc.pairIds.includes(id));
    expect(await ours('加强协作')).toEqual([doc.pairIds[1]]);
    expect(await ours('加强合作')).toEqual([]);

    // The approved row went back to translated, so it left the memory; approved again, it is found by its new Chinese.
    expect(await memory.matches('合作是关键。')).toEqual([]);
    const row4 = (await rows())[4]!;
    expect((await api('wang', 'POST', `/api/pairs/${row4.id}/review`, { decision: 'approve', version: row4.version })).status).toBe(200);
    expect((await memory.matches('协作是关键。')).map((m) => [m.src, m.tgt])).toEqual([['协作是关键。', ROWS[4]!.en]]);
  });
});

describe('the document page', () => {
  it('when a translator previews in Chinese then before and after are shown with the note, applied, named in the history, and undone', async () => {
    const lin = new Client(server.url);
    const zh = { 'accept-language': 'zh-CN' };
    await lin.login('lin', undefined, zh);
    const page = await lin.get(`/documents/${doc.documentId}`, zh);
    expect(page.text).toContain('中文原文');
    const post = (url: string, form: Record<string, string>) =>
      lin.request('POST', url, { form, headers: { ...zh, 'hx-request': 'true', 'x-csrf-token': lin.csrf } });

    const shown = await post(`/documents/${doc.documentId}/replace/preview`, { find: '𠀀', replace: '𠀁', side: 'zh' });
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('将修改 1 行的中文（1 处匹配）');
    expect(shown.text).toContain('<del>𠀀</del>');
    expect(shown.text).toContain('<ins>𠀁</ins>');
    expect(shown.text).toContain('data-testid="replace-source-note"');
    const rowsField = /name="rows" value="([^"]+)"/.exec(shown.text)![1]!;

    const applied = await post(`/documents/${doc.documentId}/replace`, { find: '𠀀', replace: '𠀁', side: 'zh', rows: rowsField });
    expect(applied.status).toBe(200);
    expect(applied.text).toContain('已修改 1 行的中文（第 2 行）');
    // The row as the page shows it anew, from the kept pages this server read before the change.
    const row = await lin.get(`/documents/${doc.documentId}/pairs/${doc.pairIds[1]}/row`, { ...zh, 'hx-request': 'true' });
    expect(row.text).toContain('扩大𠀁贸易。');
    expect(row.text).toContain('data-qa="source"');
    const history = await lin.get(`/documents/${doc.documentId}/pairs/${doc.pairIds[1]}/history`, { ...zh, 'hx-request': 'true' });
    expect(history.text).toContain('修改了中文');
    expect(history.text).toContain('<del>𠀀</del>');

    const last = await lin.get(`/documents/${doc.documentId}/batches/last`, zh);
    expect(last.text).toContain('在 1 行的中文中把“<span translate="no">𠀀</span>”替换为“<span translate="no">𠀁</span>”');
    const undoUrl = /hx-post="([^"]+\/undo)"/.exec(applied.text)![1]!;
    expect((await post(undoUrl, {})).text).toContain('已撤销：1 行已恢复原样');
    expect((await rows())[1]!.src).toBe('双方同意加强合作，扩大𠀀贸易。');
  });
});
