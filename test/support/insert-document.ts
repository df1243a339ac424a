// A document written straight through the repository, one sentence a side per pair: no aligner, for tests and benches.

import type { Db } from '../../server/db/open-database.ts';
import { documentsRepo, type NewPair } from '../../server/db/documents-repo.ts';

/**
 * Pairs with English are machine translations (state 10); pairs without are untranslated (state 0).
 * Returns the pair ids in document order.
 */
export function insertDocument(db: Db, title: string, pairs: (string | { zh: string; en: string })[]): { documentId: number; pairIds: number[] } {
  const repo = documentsRepo(db);
  return db.transaction(() => {
    const documentId = repo.insertDocument({ title, srcLang: 'zh-CN', tgtLang: 'en', sourceName: null, pageDate: null, createdBy: null });
    const texts = pairs.map((p) => (typeof p === 'string' ? { zh: p, en: '' } : p));
    const src = repo.insertSource(documentId, 'src', 'zh.txt', texts.map((t) => t.zh).join(''));
    const tgt = repo.insertSource(documentId, 'tgt', 'en.txt', texts.map((t) => t.en).join(' '));
    let zhAt = 0;
    let enAt = 0;
    repo.insertPairs(documentId, texts.map(({ zh, en }, i): NewPair => ({
      score: 1, noise: false, state: en ? 10 : 0, mtText: en,
      segments: [
        { side: 'src', sourceId: src, idx: i, text: zh, kind: 'sentence', paragraph: 0, start: zhAt, end: (zhAt += zh.length) },
        ...(en ? [{ side: 'tgt' as const, sourceId: tgt, idx: i, text: en, kind: 'sentence' as const, paragraph: 0, start: enAt, end: (enAt += en.length) }] : []),
      ],
    })));
    const pairIds = db.prepare('SELECT id FROM pairs WHERE document_id = ? ORDER BY idx').pluck().all(documentId) as number[];
    return { documentId, pairIds };
  }).immediate();
}
