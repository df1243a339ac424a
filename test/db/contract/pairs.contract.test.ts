// The contract of pair editing, revisions, machine translation, the translation memory and the glossary.

import { expect, it } from 'vitest';
import { contract } from './stores.ts';
import { addUser, insertDocument, SAMPLE } from './fixtures.ts';

contract('pairs repository', (store) => {
  it('when a pair is read then it carries its Chinese, sentences joined in their order', async () => {
    const { pairs } = store().repos;
    const { documentId, pairIds } = await insertDocument(store(), '会见', SAMPLE);
    expect(await pairs.pair(pairIds[0]!)).toEqual({ id: pairIds[0], document_id: documentId, idx: 0, noise: 0, state: 10,
      mt_text: SAMPLE[0]!.en, mt_kind: 'mt', tgt_text: SAMPLE[0]!.en, version: 1, src_text: SAMPLE[0]!.zh, src_changed: 0 });
    expect(await pairs.pair(-1)).toBeUndefined();
    const two = await store().transaction(async ({ documents }) => {
      const id = await documents.insertDocument({ title: '两句', srcLang: 'zh-CN', tgtLang: 'en', sourceName: null, pageDate: null, createdBy: null });
      const src = await documents.insertSource(id, 'src', 'zh.txt', '第一句。第二句。');
      // Written second sentence first: the order is the sentences' idx, not the order of insertion.
      await documents.insertPairs(id, [{ score: 1, noise: false, state: 0, mtText: '', segments: [
        { side: 'src', sourceId: src, idx: 1, text: '第二句。', kind: 'sentence', paragraph: 0, start: 4, end: 8 },
        { side: 'src', sourceId: src, idx: 0, text: '第一句。', kind: 'sentence', paragraph: 0, start: 0, end: 4 }] }]);
      return (await documents.pairs(id))[0]!.pair.id;
    });
    expect(await pairs.pair(two)).toMatchObject({ src_text: '第一句。第二句。', tgt_text: '', state: 0 });
    expect(await pairs.untranslated((await pairs.pair(two))!.document_id)).toEqual([{ id: two, version: 1, src: '第一句。第二句。' }]);
  });

  it('when two writers saved from the same version then only the first update lands', async () => {
    const { pairs } = store().repos;
    const { pairIds } = await insertDocument(store(), '会见', SAMPLE);
    const editor = await addUser(store(), 'lin');
    const seen = (await pairs.pair(pairIds[1]!))!;
    expect(await pairs.update(pairIds[1]!, seen.version, 'First.', 20, editor, 4.5)).toBe(true);
    expect(await pairs.update(pairIds[1]!, seen.version, 'Second.', 20, editor, 1)).toBe(false);
    expect(await pairs.pair(pairIds[1]!)).toMatchObject({ tgt_text: 'First.', state: 20, version: seen.version + 1 });
    const [row] = await store().repos.documents.pairsByIds([pairIds[1]!]);
    expect(row!.pair).toMatchObject({ last_editor: 'lin', edit_seconds: 4.5 });
    expect(row!.pair.changed_at).toMatch(/Z$/);
  });

  it('when revisions are recorded then history lists them newest first and each version\'s text can be found', async () => {
    const { pairs } = store().repos;
    const { pairIds } = await insertDocument(store(), '会见', SAMPLE);
    const lin = await addUser(store(), 'lin');
    const id = pairIds[0]!;
    const base = { pairId: id, authorId: lin, oldState: 10, newState: 20, comment: null, seconds: 2 };
    await pairs.insertRevision({ ...base, version: 2, action: 'save', oldText: 'MT.', newText: 'One.' });
    await pairs.insertRevision({ ...base, version: 3, action: 'clear', oldText: 'One.', newText: '', authorId: null, comment: 'why' });
    const history = await pairs.history(id);
    expect(history.map((r) => [r.version, r.action, r.author, r.old_text, r.new_text, r.comment, r.seconds])).toEqual([
      [3, 'clear', null, 'One.', '', 'why', 2], [2, 'save', 'lin', 'MT.', 'One.', null, 2]]);
    expect(history[0]!.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(await pairs.revisionText(id, 1)).toBe('MT.');
    expect(await pairs.revisionText(id, 2)).toBe('One.');
    expect(await pairs.revisionText(id, 3)).toBe('');
    expect(await pairs.revisionText(id, 4)).toBeUndefined();
    await expect(pairs.insertRevision({ ...base, version: 2, action: 'save', oldText: '', newText: '' })).rejects.toThrow(/revisions_pair_version|UNIQUE/);
    await expect(pairs.insertRevision({ ...base, version: 9, action: 'guess', oldText: '', newText: '' })).rejects.toThrow(/revisions_action_valid|CHECK/);
  });

  it('when several pairs\' changes are recorded at once then each is a revision at its pair\'s version, under one bump of the document and the memory', async () => {
    const { pairs, documents, memory } = store().repos;
    const { documentId, pairIds } = await insertDocument(store(), '会见', SAMPLE);
    const lin = await addUser(store(), 'lin');
    const [a, b] = [pairIds[0]!, pairIds[1]!];
    expect(await pairs.update(b, 1, 'Saved.', 20, lin, 0)).toBe(true);
    const before = await documents.generationParts(documentId);
    const memoryBefore = await memory.generation();
    await pairs.recordRevisions(documentId, []);
    expect(await documents.generationParts(documentId)).toEqual(before);
    const change = { authorId: lin, action: 'align', comment: null, seconds: 0 };
    await pairs.recordRevisions(documentId, [
      { ...change, pairId: a, oldText: '', newText: 'A “new” 𠀀.', oldState: null, newState: 10 },
      { ...change, pairId: b, oldText: 'Old.', newText: 'Saved.', oldState: 20, newState: 30, comment: '合并' },
    ]);
    expect(await documents.generationParts(documentId)).toEqual({ ...before, revision: before.revision + 1 });
    expect(((await documents.revisedPairs(documentId, before.revision, 100))!.map((r) => r.pair.id)).sort((x, y) => x - y)).toEqual([a, b].sort((x, y) => x - y));
    expect((await pairs.history(a)).map((r) => [r.version, r.action, r.author, r.old_text, r.new_text, r.old_state, r.new_state]))
      .toEqual([[1, 'align', 'lin', '', 'A “new” 𠀀.', null, 10]]);
    expect((await pairs.history(b)).map((r) => [r.version, r.new_text, r.new_state, r.comment])).toEqual([[2, 'Saved.', 30, '合并']]);
    // An approved row is what the memory matches on.
    expect(await memory.generation()).not.toEqual(memoryBefore);
  });

  it('when machine translation fills the untranslated pairs then a pair changed meanwhile is left alone', async () => {
    const { pairs } = store().repos;
    const { documentId, pairIds } = await insertDocument(store(), '会见', [{ zh: '一。' }, { zh: '二。' }, { zh: '三。', en: 'Three.' }]);
    const todo = await pairs.untranslated(documentId);
    expect(todo).toEqual([{ id: pairIds[0], version: 1, src: '一。' }, { id: pairIds[1], version: 1, src: '二。' }]);
    expect(await pairs.update(pairIds[1]!, 1, 'Two, by hand.', 20, null, 0)).toBe(true);
    expect(await pairs.setMachineTranslation(pairIds[0]!, 1, 'One.', 'gloss', null)).toBe(true);
    expect(await pairs.setMachineTranslation(pairIds[1]!, 1, 'Two.', 'mt', null)).toBe(false);
    expect(await pairs.pair(pairIds[0]!)).toMatchObject({ state: 10, mt_text: 'One.', mt_kind: 'gloss', tgt_text: 'One.', version: 2 });
    expect(await pairs.pair(pairIds[2]!)).toMatchObject({ mt_kind: 'mt' });
    expect(await pairs.untranslated(documentId)).toEqual([]);
  });
});

contract('translation memory repository', (store) => {
  it('when a file of 12,001 units is loaded at once then every unit is there with its origin, in one move of the generation', async () => {
    const { memory } = store().repos;
    const before = await memory.generation();
    const units = Array.from({ length: 12_001 }, (_, i) => ({ src: `第${i}句。`, tgt: `Sentence ${i}.` }));
    await memory.insertMany(units, '大.tmx');
    expect(await memory.count()).toBe(12_001);
    const all = await memory.all();
    expect(all.find((u) => u.src === '第12000句。')).toMatchObject({ tgt: 'Sentence 12000.', origin: '大.tmx', document_id: null });
    expect(await memory.generation()).not.toBe(before);
  });

  it('when units are loaded and pairs approved then the memory holds both and its generation moves only for them', async () => {
    const { memory, pairs } = store().repos;
    const { documentId, pairIds } = await insertDocument(store(), '会见', SAMPLE);
    const empty = await memory.generation();
    await memory.insertMany([{ src: '你好。', tgt: 'Hello.' }], 'greetings.tmx');
    const loaded = await memory.generation();
    expect(loaded).not.toBe(empty);
    await pairs.insertRevision({ pairId: pairIds[0]!, version: 2, authorId: null, action: 'save', oldText: '', newText: 'x', oldState: 10, newState: 20, comment: null, seconds: 0 });
    expect(await memory.generation()).toBe(loaded);
    expect(await pairs.update(pairIds[1]!, 1, 'Approved text.', 30, null, 0)).toBe(true);
    await pairs.insertRevision({ pairId: pairIds[1]!, version: 2, authorId: null, action: 'approve', oldText: '', newText: 'Approved text.', oldState: 10, newState: 30, comment: null, seconds: 0 });
    expect(await memory.generation()).not.toBe(loaded);
    const all = await memory.all();
    expect(all).toHaveLength(2);
    expect(all).toEqual(expect.arrayContaining([
      { key: expect.stringMatching(/^tm:\d+$/), src: '你好。', tgt: 'Hello.', origin: 'greetings.tmx', document_id: null },
      { key: `pair:${pairIds[1]}`, src: SAMPLE[1]!.zh, tgt: 'Approved text.', origin: '会见', document_id: documentId },
    ]));
    expect(await memory.count()).toBe(1);
  });
});

contract('glossary repository', (store) => {
  it('when terms are added twice then the note is replaced, and the list sorts by code point', async () => {
    const { glossary } = store().repos;
    await glossary.upsert('中国', 'China', null, null);
    await glossary.upsert('中国', 'China', 'the country', null);
    await glossary.upsert('Beijing', 'Beijing', null, null);
    await glossary.upsert('abc', 'abc', null, null);
    await glossary.upsert('中国', 'PRC', null, null);
    const list = await glossary.list();
    expect(list.map((t) => [t.zh, t.en, t.note])).toEqual([
      ['Beijing', 'Beijing', null], ['abc', 'abc', null], ['中国', 'China', 'the country'], ['中国', 'PRC', null]]);
    expect(await glossary.count()).toBe(4);
    expect(await glossary.remove(list[0]!.id)).toBe(1);
    expect(await glossary.remove(list[0]!.id)).toBe(0);
    await expect(glossary.upsert(' ', 'x', null, null)).rejects.toThrow(/glossary_zh_valid|CHECK/);
  });

  it('when a term is added again by someone else then it keeps its first author; the entry reads back with it', async () => {
    const { glossary, accounts } = store().repos;
    const lin = await accounts.insertUser('lin-terms', 'translator', 'scrypt$x');
    const wang = await accounts.insertUser('wang-terms', 'reviewer', 'scrypt$x');
    await glossary.upsert('峰会', 'summit', null, lin);
    await glossary.upsert('峰会', 'summit', 'leaders', wang);
    await glossary.upsert('会晤', 'meeting', null, null);
    const [meeting, summit] = await glossary.list();
    expect([meeting!.added_by, summit!.added_by, summit!.note]).toEqual([null, lin, 'leaders']);
    expect(await glossary.entry(summit!.id)).toEqual(summit);
    expect(await glossary.entry(987_654)).toBeUndefined();
  });

  it('when a term is added, its note replaced or a term removed then the glossary generation moves on, and a document generation carries it', async () => {
    const { glossary, documents } = store().repos;
    const seen = [await glossary.generation()];
    const moved = async () => {
      const now = await glossary.generation();
      expect(now, `after ${seen.length} changes`).toBeGreaterThan(seen.at(-1)!);
      seen.push(now);
    };
    await glossary.upsert('会谈', 'talks', null, null);
    await moved();
    await glossary.upsert('会谈', 'talks', 'formal', null);
    await moved();
    await glossary.remove((await glossary.list())[0]!.id);
    await moved();
    // A refused change moves nothing; nor does removing what is not there.
    await glossary.upsert(' ', 'x', null, null).catch(() => undefined);
    await glossary.remove(987_654);
    expect((await documents.generationParts(1)).glossary).toBe(seen.at(-1));
  });
});
