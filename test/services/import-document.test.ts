import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import type { Store } from '../../server/db/store.ts';
import { documents } from '../../server/services/documents.ts';
import { CORPUS_DIR, importDemoCorpus, importPageDocument, importTextDocument, readDemoCorpus } from '../../server/services/import-document.ts';
import { defaultAligner } from '../../server/services/workbench.ts';
import { importUpload } from '../../server/services/import-file.ts';
import type { Aligner } from '../../server/domain/assemble-pairs.ts';

let align: Aligner;
beforeAll(() => {
  align = defaultAligner();
});

const fresh = (): { db: Db; store: Store } => {
  const db = openDatabase(':memory:');
  return { db, store: sqliteStore(db) };
};
const rowCounts = (db: Db) =>
  Object.fromEntries(['documents', 'sources', 'pairs', 'segments'].map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()]));

/** Beads of a stored document in the gold file's terms: noise and date lines are not counted on the English side. */
async function storedBeads(store: Store, id: number): Promise<string[]> {
  const pairs = await documents(store).pairs(id);
  const tgtRank = new Map<number, number>();
  for (const p of pairs) if (!p.noise) for (const s of p.tgtSegments) tgtRank.set(s.id, tgtRank.size);
  return pairs.filter((p) => !p.noise)
    .map((p) => `[${p.srcSegments.map((s) => s.index).join(',')}]:[${p.tgtSegments.map((s) => tgtRank.get(s.id)).join(',')}]`);
}

function strictF1(gold: string[], auto: string[]): number {
  const g = new Set(gold);
  const tp = new Set(auto.filter((b) => g.has(b))).size;
  const p = tp / auto.length;
  const r = tp / gold.length;
  return p + r ? (2 * p * r) / (p + r) : 0;
}

describe('importing the demo corpus', () => {
  it('when imported then headlines, sentences and noise are all stored in page order', async () => {
    const { db, store } = fresh();
    const id = await importDemoCorpus({ store, align });
    const doc = (await documents(store).get(id));
    expect(doc).toMatchObject({ srcSegmentCount: 31, tgtSegmentCount: 30, noiseCount: 6, pageDate: 'October 3, 2022' });
    expect(doc.counts.untranslated).toBe(2);
    const pairs = (await documents(store).pairs(id));
    expect(pairs[0]).toMatchObject({ noise: true, tgt: 'October 3, 2022', state: null });
    expect(pairs.slice(1, 3).map((p) => [p.src, p.tgt, p.state])).toEqual([
      ['金灿荣教授 精华精选', '', 0], ['黑超哥 精选精华', '', 0],
    ]);
    expect(pairs[1]!.srcSegments[0]!.meta).toEqual({ time: '2:57 pm', tags: [] });
    const advert = pairs.findIndex((p) => p.tgt === 'Sponsor Advertisement');
    expect(pairs[advert - 1]!.tgt).toMatch(/shouldering responsibility\.”$/);
    expect(pairs[advert + 1]!.tgt).toMatch(/justice and justice/);
    const caption = pairs.findIndex((p) => p.tgt === 'Hong Kong');
    expect(pairs.slice(caption - 1, caption + 3).map((p) => [p.noise, p.tgt.slice(0, 24)])).toEqual([
      [false, 'He also pledged to stren'], [true, 'Hong Kong'], [true, 'Hong Kong, CHINA'], [false, 'The affairs of Hong Kong'],
    ]);
    expect(pairs.slice(-2).map((p) => [p.noise, p.tgt])).toEqual([
      [true, '8th China Japan Korea Leader Meeting Chengdu'], [true, '8th China Japan Korea Leader Summit Chengdu, China'],
    ]);
  });

  it('when imported then every segment keeps offsets into the text it came from', async () => {
    const { db, store } = fresh();
    const id = await importDemoCorpus({ store, align });
    const sources = db.prepare('SELECT id, content FROM sources WHERE document_id = ?').all(id) as { id: number; content: string }[];
    const content = new Map(sources.map((s) => [s.id, s.content]));
    const segments = db.prepare('SELECT source_id, text, start_offset, end_offset FROM segments WHERE document_id = ?').all(id) as
      { source_id: number; text: string; start_offset: number; end_offset: number }[];
    expect(segments).toHaveLength(67);
    for (const s of segments) expect(content.get(s.source_id)!.slice(s.start_offset, s.end_offset)).toBe(s.text);
  });

  it('when aligned then it reproduces the gold alignment at strict F1 ≥ 0.95', async () => {
    const { db, store } = fresh();
    const id = await importDemoCorpus({ store, align });
    const gold = fs.readFileSync(path.join(CORPUS_DIR, 'gold.align'), 'utf8').split('\n').filter(Boolean);
    const f1 = strictF1(gold, await storedBeads(store, id));
    expect(f1).toBeGreaterThanOrEqual(0.95);
  });

  it('when aligned then every English headline and article sentence sits in a pair that has Chinese too', async () => {
    const { db, store } = fresh();
    const pairs = (await documents(store).pairs(await importDemoCorpus({ store, align }))).filter((p) => !p.noise);
    const english = pairs.flatMap((p) => p.tgtSegments);
    expect(english).toHaveLength(30);
    for (const p of pairs.filter((x) => x.tgtSegments.length)) expect(p.srcSegments.length, p.tgt).toBeGreaterThan(0);
    expect(pairs.filter((p) => p.srcSegments.length && p.tgtSegments.length).length).toBeGreaterThanOrEqual(25);
  });

  it('when aligned then every pair has a score in [0, 1] except headlines and noise', async () => {
    const { db, store } = fresh();
    const pairs = (await documents(store).pairs(await importDemoCorpus({ store, align })));
    for (const p of pairs.filter((x) => !x.noise && x.srcSegments[0]?.kind === 'sentence')) {
      expect(p.score).toBeGreaterThanOrEqual(0);
      expect(p.score).toBeLessThanOrEqual(1);
    }
  });
});

describe('the import transaction', () => {
  it('when the database fails half-way through then nothing of the import is left', async () => {
    const { db, store } = fresh();
    db.exec(`CREATE TRIGGER fail_midway BEFORE INSERT ON segments WHEN NEW.idx = 12
      BEGIN SELECT RAISE(ABORT, 'forced failure'); END`);
    await expect(importDemoCorpus({ store, align })).rejects.toThrow('forced failure');
    expect(rowCounts(db)).toEqual({ documents: 0, sources: 0, pairs: 0, segments: 0 });
  });

  it('when the Chinese headline file does not match the page then it is refused and nothing is written', async () => {
    const { db, store } = fresh();
    const demo = readDemoCorpus();
    const short = { name: 'h.txt', text: demo.zhHeadlines.text.split('\n').slice(0, 3).join('\n') };
    await expect(importPageDocument({ store, align }, { ...demo, zhHeadlines: short, createdBy: null })).rejects.toThrow('The page has 5 headline entries but the Chinese headline file has 3 lines.');
    const wrong = { name: 'h.txt', text: demo.zhHeadlines.text.replace('金灿荣教授', '李教授') };
    await expect(importPageDocument({ store, align }, { ...demo, zhHeadlines: wrong, createdBy: null })).rejects.toThrow(/Headline 1 is Chinese/);
    expect(rowCounts(db)).toEqual({ documents: 0, sources: 0, pairs: 0, segments: 0 });
  });

  it('when a file is empty then the import is refused with its name', async () => {
    const { db, store } = fresh();
    await expect(importTextDocument({ store, align }, { title: 't', zh: { name: 'zh.txt', text: ' \n' }, en: { name: 'en.txt', text: 'Hi.' }, createdBy: null })).rejects.toThrow('The Chinese file "zh.txt" is empty.');
  });
});

describe('importing two plain texts', () => {
  it('when a Chinese text and its translation are imported then they are split and aligned', async () => {
    const { db, store } = fresh();
    const id = await importTextDocument({ store, align }, {
      title: '测试 “quotes” 𠀀', createdBy: null,
      zh: { name: 'zh.txt', text: '习近平会见文在寅。双方交换了意见；会谈富有成果。\n\n丁薛祥等参加会见。' },
      en: { name: 'en.txt', text: 'Xi Jinping met Moon Jae-in. The two sides exchanged views and the talks were fruitful.\n\nDing Xuexiang attended the meeting.' },
    });
    const pairs = (await documents(store).pairs(id));
    expect(pairs.map((p) => p.src)).toEqual(['习近平会见文在寅。', '双方交换了意见；会谈富有成果。', '丁薛祥等参加会见。']);
    expect(pairs[1]!.tgt).toBe('The two sides exchanged views and the talks were fruitful.');
    expect((await documents(store).get(id)).title).toBe('测试 “quotes” 𠀀');
  });
});

describe('a Chinese text alone', () => {
  const zh = '# 成都轻轨开通\n\n成都新轻轨线路周一开通。机场至市中心只需25分钟。\n\n- 全长42公里。\n';
  it('when it is imported then its rows are the beads the aligner answers against no English, without loading the aligner', async () => {
    const { store } = fresh();
    const unused = () => { throw new Error('the aligner was loaded for a text with no English'); };
    const { id } = await importUpload({ store, aligner: unused }, { source: { name: '轻轨.md', bytes: new TextEncoder().encode(zh) }, createdBy: null });
    const rows = (await documents(store).pairs(id)).filter((p) => !p.noise);
    expect(rows.map((p) => [p.src, p.tgt, p.state, p.score])).toEqual([
      ['成都轻轨开通', '', 0, 1], ['成都新轻轨线路周一开通。', '', 0, 1], ['机场至市中心只需25分钟。', '', 0, 1], ['全长42公里。', '', 0, 1]]);
    // The aligner itself, given the same Chinese and no English, answers the same one-sentence beads.
    expect(align(rows.map((p) => p.src), [])).toEqual(rows.map((_, i) => ({ src: [i], tgt: [], score: 1 })));
  });
});
