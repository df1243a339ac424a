import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database.ts';
import { sqliteStore } from '../../server/db/sqlite-store.ts';
import { documentsRepo } from '../../server/db/documents-repo.ts';
import { seedDocuments } from '../support/seed.ts';

// documentsRepo.figures feeds the document's counts, length norm and effort (document-figures.ts): per pair,
// the lengths and the sentence counts without page noise, on the demo page with its noise and many-sentence beads.
describe('a document\'s figures', () => {
  it('when read for the whole document then every pair\'s lengths and sentence counts equal one SQL aggregate', async () => {
    const db = openDatabase(':memory:');
    const { demo, other } = await seedDocuments(sqliteStore(db));
    // Post-edit one pair so that the worked texts show up too.
    db.prepare("UPDATE pairs SET state = 20, tgt_text = '  Edited 𠀀 “text”.  ' WHERE document_id = ? AND idx = 3").run(demo);
    // And one post-edited from a gloss draft, whose texts the effort must not see.
    db.prepare("UPDATE pairs SET state = 20, mt_kind = 'gloss', tgt_text = 'Glossed, then edited.' WHERE document_id = ? AND idx = 5 AND mt_text != ''").run(demo);
    for (const documentId of [demo, other]) {
      const expected = db.prepare(`SELECT p.id, p.noise, p.state, p.mt_kind, p.edit_seconds AS seconds, length(trim(p.tgt_text)) AS tgt_chars,
          CASE WHEN p.state >= 20 AND p.mt_text != '' AND p.mt_kind = 'mt' THEN p.mt_text END AS mt,
          CASE WHEN p.state >= 20 AND p.mt_text != '' AND p.mt_kind = 'mt' THEN p.tgt_text END AS tgt,
          (SELECT coalesce(sum(length(trim(text))), 0) FROM segments WHERE pair_id = p.id AND side = 'src') AS src_chars,
          (SELECT count(*) FROM segments WHERE pair_id = p.id AND side = 'src' AND noise = 0) AS src_segments,
          (SELECT count(*) FROM segments WHERE pair_id = p.id AND side = 'tgt' AND noise = 0) AS tgt_segments
        FROM pairs p WHERE p.document_id = ? ORDER BY p.id`).all(documentId);
      const figures = [...documentsRepo(db).figures(documentId)].sort((a, b) => a.id - b.id);
      expect(figures).toEqual(expected);
      expect(figures.some((f) => f.noise === 1)).toBe(documentId === demo);
      if (documentId === demo) expect(figures.some((f) => f.src_segments > 1 || f.tgt_segments > 1)).toBe(true);
      expect(figures.some((f) => f.tgt !== null)).toBe(documentId === demo);
    }
    db.close();
  });
});
