// A document of given Chinese sentences, one untranslated pair each, written straight through the repository.

import type { Db } from '../../server/db/open-database.ts';
import { documentsRepo } from '../../server/db/documents-repo.ts';

/** Returns the pair ids in document order; no aligner is needed for one sentence a pair. */
export function insertDocument(db: Db, title: string, sentences: string[]): { documentId: number; pairIds: number[] } {
  const repo = documentsRepo(db);
  return db.transaction(() => {
    const documentId = repo.insertDocument({ title, srcLang: 'zh-CN', tgtLang: 'en', sourceName: null, pageDate: null, createdBy: null });
    const src = repo.insertSource(documentId, 'src', 'zh.txt', sentences.join(''));
    let offset = 0;
    repo.insertPairs(documentId, sentences.map((zh, i) => ({
      score: 1, noise: false, state: 0, mtText: '',
      segments: [{ side: 'src' as const, sourceId: src, idx: i, text: zh, kind: 'sentence' as const, paragraph: 0, start: offset, end: (offset += zh.length) }],
    })));
    const pairIds = db.prepare('SELECT id FROM pairs WHERE document_id = ? ORDER BY idx').pluck().all(documentId) as number[];
    return { documentId, pairIds };
  }).immediate();
}
