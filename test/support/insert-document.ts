// A document written straight through the repository, one sentence a side per pair: no aligner, for tests and benches.

import type { Db } from '../../server/db/open-database.ts';
import { documentsRepo, type NewPair } from '../../server/db/documents-repo.ts';
import type { Store } from '../../server/db/store.ts';

type Texts = (string | { zh: string; en: string })[];

/** The pairs of `texts` and the joined source texts they point into; `src` and `tgt` are the sources' ids. */
function layout(pairs: Texts) {
  const texts = pairs.map((p) => (typeof p === 'string' ? { zh: p, en: '' } : p));
  return {
    zh: texts.map((t) => t.zh).join(''),
    en: texts.map((t) => t.en).join(' '),
    pairs(src: number, tgt: number): NewPair[] {
      let zhAt = 0;
      let enAt = 0;
      return texts.map(({ zh, en }, i): NewPair => ({
        score: 1, noise: false, state: en ? 10 : 0, mtText: en,
        segments: [
          { side: 'src', sourceId: src, idx: i, text: zh, kind: 'sentence', paragraph: 0, start: zhAt, end: (zhAt += zh.length) },
          ...(en ? [{ side: 'tgt' as const, sourceId: tgt, idx: i, text: en, kind: 'sentence' as const, paragraph: 0, start: enAt, end: (enAt += en.length) }] : []),
        ],
      }));
    },
  };
}

const NEW_DOCUMENT = { srcLang: 'zh-CN', tgtLang: 'en', sourceName: null, pageDate: null, createdBy: null };

/**
 * Pairs with English are machine translations (state 10); pairs without are untranslated (state 0).
 * Returns the pair ids in document order.
 */
export function insertDocument(db: Db, title: string, pairs: Texts): { documentId: number; pairIds: number[] } {
  const repo = documentsRepo(db);
  const texts = layout(pairs);
  return db.transaction(() => {
    const documentId = repo.insertDocument({ title, ...NEW_DOCUMENT });
    const src = repo.insertSource(documentId, 'src', 'zh.txt', texts.zh);
    const tgt = repo.insertSource(documentId, 'tgt', 'en.txt', texts.en);
    repo.insertPairs(documentId, texts.pairs(src, tgt));
    const pairIds = db.prepare('SELECT id FROM pairs WHERE document_id = ? ORDER BY idx').pluck().all(documentId) as number[];
    return { documentId, pairIds };
  }).immediate();
}

/** The same through a store, on either database. */
export function storeDocument(store: Store, title: string, pairs: Texts): Promise<{ documentId: number; pairIds: number[] }> {
  const texts = layout(pairs);
  return store.write(async (tx) => {
    const documentId = await tx.documents.insertDocument({ title, ...NEW_DOCUMENT });
    const src = await tx.documents.insertSource(documentId, 'src', 'zh.txt', texts.zh);
    const tgt = await tx.documents.insertSource(documentId, 'tgt', 'en.txt', texts.en);
    await tx.documents.insertPairs(documentId, texts.pairs(src, tgt));
    return { documentId, pairIds: (await tx.documents.pairs(documentId)).map((p) => p.pair.id) };
  });
}
