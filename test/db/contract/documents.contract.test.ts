// The contract of documents, their pairs and segments, figures, freshness marks, export and bilingual import.

import { expect, it } from 'vitest';
import type { NewSegment } from '../../../server/db/documents-repo.ts';
import type { ContractStore } from './stores.ts';
import { contract } from './stores.ts';
import { addUser, insertDocument, SAMPLE } from './fixtures.ts';

/** A save as post-editing makes it: the versioned update, then its revision; a comment starts a thread on the pair. */
async function save(store: ContractStore, pairId: number, text: string, state = 20, action = 'save', comment: string | null = null) {
  return store.transaction(async ({ pairs, comments }) => {
    const pair = (await pairs.pair(pairId))!;
    const saved = await pairs.update(pairId, pair.version, text, state, null, 3);
    const revisionId = await pairs.insertRevision({ pairId, version: pair.version + 1, authorId: null, action, oldText: pair.tgt_text,
      newText: text, oldState: pair.state, newState: state, comment, seconds: 3 });
    if (comment !== null) {
      const threadId = await comments.insertThread({ documentId: pair.document_id, pairId, revisionId, category: null, severity: null, createdBy: null });
      await comments.insertComment(threadId, null, comment);
    }
    return saved;
  });
}

const ALL = [0, 10, 20, 25, 30];

contract('documents repository', (store) => {
  it('when a document is imported then its summary counts pairs, noise, sentences and states', async () => {
    const { documents } = store().repos;
    const { documentId } = await insertDocument(store(), '会见', SAMPLE);
    const other = await insertDocument(store(), '空', []);
    const summary = await documents.byId(documentId);
    expect(summary).toMatchObject({
      id: documentId, title: '会见', src_lang: 'zh-CN', tgt_lang: 'en', page_date: '2026-12-04', version: 1,
      pair_count: 4, noise_count: 1, src_segment_count: 4, tgt_segment_count: 3,
      untranslated_count: 1, machine_count: 3, gloss_count: 0, translated_count: 0, approved_count: 0,
    });
    expect(summary!.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect((await documents.list()).map((d) => [d.id, d.pair_count])).toEqual([[documentId, 4], [other.documentId, 0]]);
    expect(await documents.header(documentId)).toEqual({ id: documentId, title: '会见', src_lang: 'zh-CN', tgt_lang: 'en', page_date: '2026-12-04',
      created_at: summary!.created_at, version: 1 });
    expect(await documents.exists(documentId)).toBe(true);
    expect(await documents.exists(documentId + 100)).toBe(false);
    expect(await documents.byId(documentId + 100)).toBeUndefined();
    expect(await documents.count()).toBe(2);
  });

  it('when pairs are read a page at a time then each comes with its sentences, in order, noise rows included', async () => {
    const { documents } = store().repos;
    const { documentId, pairIds } = await insertDocument(store(), '会见', SAMPLE);
    const page = await documents.pairs(documentId, 1, 3);
    expect(page.map((p) => p.pair.idx)).toEqual([1, 2, 3]);
    expect(page[1]).toMatchObject({ pair: { noise: 1, state: null, score: null }, segments: [{ side: 'src', text: '广告', kind: 'noise', noise: 1 }] });
    expect(page[0]!.pair).toEqual({ id: pairIds[1], idx: 1, score: 0.75, noise: 0, state: 10, mt_text: SAMPLE[1]!.en, mt_kind: 'mt', tgt_text: SAMPLE[1]!.en,
      version: 1, last_editor: null, changed_at: null, edit_seconds: 0, imported_state: null, imported_editor: null, src_changed: 0 });
    const first = (await documents.pairs(documentId))[0]!;
    expect(first.segments.map((s) => [s.side, s.idx, s.text, s.start_offset, s.end_offset])).toEqual([
      ['src', 0, SAMPLE[0]!.zh, 0, SAMPLE[0]!.zh.length], ['tgt', 0, SAMPLE[0]!.en, 0, SAMPLE[0]!.en!.length]]);
    expect(JSON.parse(first.segments[0]!.meta!)).toEqual({ time: '10:00' });
    const some = await documents.pairsByIds([pairIds[4]!, pairIds[0]!]);
    expect(some.map((p) => p.pair.id)).toEqual([pairIds[0], pairIds[4]]);
    expect(some[1]!.segments.map((s) => s.text)).toEqual([SAMPLE[4]!.zh, SAMPLE[4]!.en]);
    expect(await documents.pairsByIds([])).toEqual([]);
  });

  it('when figures are read then lengths count characters and texts come only with the pairs someone worked on', async () => {
    const { documents } = store().repos;
    const { documentId, pairIds } = await insertDocument(store(), '会见', SAMPLE);
    await save(store(), pairIds[1]!, '  The two sides talked.  ');
    const figures = await documents.figures(documentId);
    expect(figures.find((f) => f.id === pairIds[1])).toEqual({ id: pairIds[1], noise: 0, state: 20, mt_kind: 'mt', mt: SAMPLE[1]!.en, tgt: '  The two sides talked.  ',
      seconds: 3, tgt_chars: 'The two sides talked.'.length, src_chars: SAMPLE[1]!.zh.length, src_segments: 1, tgt_segments: 1 });
    expect(figures.find((f) => f.id === pairIds[0])).toMatchObject({ mt: null, tgt: null, src_chars: SAMPLE[0]!.zh.length });
    expect(figures.find((f) => f.id === pairIds[2])).toMatchObject({ noise: 1, src_segments: 0, tgt_segments: 0 });
  });

  it('when the offline gloss drafts a pair then it counts as a gloss draft, never as machine translation, even once post-edited', async () => {
    const { documents, pairs, charts, transfer } = store().repos;
    const { documentId, pairIds } = await insertDocument(store(), '会见', SAMPLE);
    expect(await store().transaction((tx) => tx.pairs.setMachineTranslation(pairIds[3]!, 1, 'Ding Xuexiang etc. attend meet.', 'gloss', null))).toBe(true);
    expect(await documents.byId(documentId)).toMatchObject({ untranslated_count: 0, machine_count: 3, gloss_count: 1 });
    expect((await documents.figures(documentId)).find((f) => f.id === pairIds[3])).toMatchObject({ state: 10, mt_kind: 'gloss' });
    await save(store(), pairIds[3]!, 'Ding Xuexiang and others attended the meeting.');
    await save(store(), pairIds[1]!, 'The two sides talked.');
    expect((await pairs.pair(pairIds[3]!))).toMatchObject({ state: 20, mt_kind: 'gloss', mt_text: 'Ding Xuexiang etc. attend meet.' });
    const figures = await documents.figures(documentId);
    expect(figures.find((f) => f.id === pairIds[3])).toMatchObject({ state: 20, mt_kind: 'gloss', mt: null, tgt: null });
    expect(figures.find((f) => f.id === pairIds[1])).toMatchObject({ state: 20, mt_kind: 'mt', mt: SAMPLE[1]!.en });
    expect((await charts.authoredPairs(documentId)).map((p) => p.tgt)).toEqual(['The two sides talked.']);
    expect((await transfer.exportPage(documentId, ALL, 2, 1))[0]).toMatchObject({ idx: 3, mt_kind: 'gloss' });
  });

  it('when a pair is saved then the document revision moves on and names only that pair', async () => {
    const { documents } = store().repos;
    const { documentId, pairIds } = await insertDocument(store(), '会见', SAMPLE);
    const before = await documents.generationParts(documentId);
    expect(before).toEqual({ revision: 0, version: 1, glossary: 0 });
    expect(await save(store(), pairIds[3]!, 'Ding Xuexiang attended.')).toBe(true);
    expect(await documents.generationParts(documentId)).toEqual({ revision: 1, version: 1, glossary: 0 });
    expect((await documents.revisedPairs(documentId, 0, 100))!.map((r) => r.pair.id)).toEqual([pairIds[3]]);
    expect((await documents.revisedPairs(documentId, 1, 100))!.map((r) => r.pair.id)).toEqual([]);
    expect((await documents.revisedFigures(documentId, 0)).map((f) => [f.id, f.tgt_chars])).toEqual([[pairIds[3], 'Ding Xuexiang attended.'.length]]);
    expect(await documents.generationParts(documentId + 100)).toEqual({ revision: 0, version: null, glossary: 0 });
    // With its sentences, as pairsByIds gives it; past the limit, none.
    expect(await documents.revisedPairs(documentId, 0, 1)).toEqual(await documents.pairsByIds([pairIds[3]!]));
    expect(await save(store(), pairIds[1]!, 'The two sides met.')).toBe(true);
    expect(await documents.revisedPairs(documentId, 0, 1)).toBeUndefined();
    expect((await documents.revisedPairs(documentId, 0, 2))!.map((r) => r.pair.id)).toEqual([pairIds[1], pairIds[3]]);
    // Sentences with meta, offsets and Chinese text come back as pairsByIds gives them (PostgreSQL sends them as JSON).
    expect(await save(store(), pairIds[0]!, 'Xi met them 𠀀.')).toBe(true);
    const [first] = (await documents.revisedPairs(documentId, 2, 10))!;
    expect(first!.segments.some((s) => s.meta !== null)).toBe(true);
    expect([first]).toEqual(await documents.pairsByIds([pairIds[0]!]));
  });
});

contract('document transfer repository', (store) => {
  it('when pairs are exported in pages then each carries its sentences and thread comments as JSON lists', async () => {
    const { transfer } = store().repos;
    const { documentId, pairIds } = await insertDocument(store(), '会见', SAMPLE);
    await save(store(), pairIds[1]!, 'Views were exchanged.', 25, 'reject', 'Too loose.');
    await save(store(), pairIds[1]!, 'Views were exchanged again.', 25, 'reject', '还是不对');
    const first = await transfer.exportPage(documentId, ALL, -1, 2);
    expect(first.map((r) => r.idx)).toEqual([0, 1]);
    const second = await transfer.exportPage(documentId, ALL, 1, 2);
    expect(second.map((r) => r.idx)).toEqual([3, 4]);
    expect(await transfer.exportPage(documentId, ALL, 4, 2)).toEqual([]);
    const rows = [...first, ...second];
    expect(rows[1]).toMatchObject({ state: 25, tgt_text: 'Views were exchanged again.', version: 3, last_editor: null });
    expect(JSON.parse(rows[1]!.comments)).toEqual(['Too loose.', '还是不对']);
    expect(JSON.parse(rows[1]!.src_segments)).toEqual([SAMPLE[1]!.zh]);
    expect(JSON.parse(rows[2]!.tgt_segments)).toEqual([]);
    expect(JSON.parse(rows[0]!.comments)).toEqual([]);
    expect((await transfer.exportPage(documentId, [25], -1, 500)).map((r) => r.idx)).toEqual([1]);
    expect(await transfer.lastChange(documentId)).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await transfer.lastChange(documentId + 100)).toBeNull();
  });

  it('when a text holds a character XML cannot carry then the scan finds the first such pair', async () => {
    const { transfer } = store().repos;
    const clean = await insertDocument(store(), '干净', SAMPLE);
    expect(await transfer.firstXmlUnsafePair(clean.documentId, ALL)).toBeUndefined();
    const dirty = await insertDocument(store(), '脏', [...SAMPLE.slice(0, 2), { zh: '会谈\u0001进行。', en: 'Talks\u000b.' }, { zh: '好。', en: 'Good\uffff.' }]);
    expect(await transfer.firstXmlUnsafePair(dirty.documentId, ALL)).toBe(2);
    expect(await transfer.firstXmlUnsafePair(dirty.documentId, [20, 30])).toBeUndefined();
  });

  it('when a bilingual file is imported then each pair keeps its own state, version, editor and time', async () => {
    const { transfer, documents } = store().repos;
    const editor = await addUser(store(), 'rita');
    const { documentId, pairId, sourceId } = await store().transaction(async (tx) => {
      const documentId = await tx.transfer.insertDocument({ title: 'file.tmx', sourceName: 'file.tmx', createdBy: editor, createdAt: '2025-01-02T03:04:05.678Z' });
      const sourceId = await tx.documents.insertSource(documentId, 'src', 'file.tmx', '你好。', { format: 'md', blocks: [] } as never);
      const pairId = await tx.transfer.insertPair(documentId, {
        idx: 0, score: null, state: 20, mtText: 'Hello.', mtKind: 'gloss', tgtText: 'Hello.', version: 4, lastEditorId: editor, changedAt: '2025-01-02T03:04:05.000Z',
        importedState: 30, importedEditor: 'rita',
        segments: [{ side: 'src', sourceId, idx: 0, text: '你好。', kind: 'sentence', paragraph: 0, start: 0, end: 3 }],
      });
      return { documentId, pairId, sourceId };
    });
    expect(await documents.header(documentId)).toMatchObject({ title: 'file.tmx', created_at: '2025-01-02T03:04:05.678Z' });
    expect((await documents.pairs(documentId))[0]!.pair).toMatchObject({ id: pairId, state: 20, mt_kind: 'gloss', version: 4, last_editor: 'rita',
      changed_at: '2025-01-02T03:04:05.000Z', imported_state: 30, imported_editor: 'rita' });
    expect(await transfer.structuredSource(documentId)).toEqual({ id: sourceId, name: 'file.tmx', content: '你好。', structure: JSON.stringify({ format: 'md', blocks: [] }) });
    expect(await transfer.sourceFormat(documentId)).toBe('md');
    expect((await documents.head(documentId, editor))?.source_format).toBe('md');
    expect(await transfer.placedPairs(documentId, sourceId)).toEqual([{ tgt: 'Hello.', src_start: 0, src: '你好。' }]);
    expect(await transfer.placedPairs(documentId, null)).toEqual([{ tgt: 'Hello.', src_start: null, src: '你好。' }]);
  });

  it('when a document was made of several plain texts then one read gives each pair the first text holding its Chinese and where', async () => {
    const { transfer } = store().repos;
    const { documentId, headlines, article } = await store().transaction(async (tx) => {
      const documentId = await tx.transfer.insertDocument({ title: 'two texts', sourceName: 'page.html', createdBy: null, createdAt: null });
      const headlines = await tx.documents.insertSource(documentId, 'src', 'headlines.txt', '标题一\n标题二');
      const article = await tx.documents.insertSource(documentId, 'src', 'article.txt', '正文一。正文二。');
      const segment = (sourceId: number, idx: number, text: string, start: number): NewSegment =>
        ({ side: 'src', sourceId, idx, text, kind: 'sentence', paragraph: 0, start, end: start + text.length });
      const pair = (idx: number, tgt: string, segments: NewSegment[]) => tx.transfer.insertPair(documentId, {
        idx, score: null, state: 20, mtText: '', mtKind: 'mt', tgtText: tgt, version: 1, lastEditorId: null, changedAt: null,
        importedState: null, importedEditor: null, segments,
      });
      await pair(0, 'Title two', [segment(headlines, 0, '标题二', 4)]);
      // A pair whose Chinese runs from the headlines into the article belongs to the headlines, the first text.
      await pair(1, 'Both', [segment(article, 1, '正文一。', 0), segment(headlines, 2, '标题一', 0)]);
      await pair(2, 'Text two', [segment(article, 3, '正文二。', 4)]);
      await pair(3, '', []);
      return { documentId, headlines, article };
    });
    expect(await transfer.plainPlacedPairs(documentId)).toEqual([
      { tgt: 'Title two', src: '标题二', source_id: headlines, src_start: 4 },
      { tgt: 'Both', src: '正文一。标题一', source_id: headlines, src_start: 0 },
      { tgt: 'Text two', src: '正文二。', source_id: article, src_start: 4 },
      { tgt: '', src: null, source_id: null, src_start: null },
    ]);
  });

  it('when an import fails half-way then nothing of it is left', async () => {
    const { documents } = store().repos;
    await expect(store().transaction(async (tx) => {
      const documentId = await tx.transfer.insertDocument({ title: 'half', sourceName: 'half.tmx', createdBy: null, createdAt: null });
      await tx.documents.insertSource(documentId, 'src', 'half.tmx', 'x');
      await tx.transfer.insertPair(documentId, { idx: 0, score: 2, state: 20, mtText: '', mtKind: 'mt', tgtText: '', version: 1, lastEditorId: null,
        changedAt: null, importedState: null, importedEditor: null, segments: [] });
    })).rejects.toThrow(/pairs_score_range|CHECK/);
    expect(await documents.count()).toBe(0);
  });
});
