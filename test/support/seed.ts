// Real documents for HTTP tests: the demo corpus and a small second document, imported by the real importer.

import type { Db } from '../../server/db/open-database.ts';
import { importDemoCorpus, importTextDocument } from '../../server/services/import-document.ts';
import { defaultAligner } from '../../server/services/workbench.ts';
import { documents, type PairView } from '../../server/services/documents.ts';

export function seedDocuments(db: Db): { demo: number; other: number } {
  const align = defaultAligner();
  const demo = importDemoCorpus({ db, align });
  const other = importTextDocument({ db, align }, {
    title: '第二篇', createdBy: null,
    zh: { name: 'zh.txt', text: '双方还就朝鲜半岛局势交换了意见。丁薛祥等参加会见。' },
    en: { name: 'en.txt', text: 'The two sides also exchanged views on the Korean Peninsula. Ding Xuexiang attended.' },
  });
  return { demo, other };
}

export function pairWith(db: Db, documentId: number, text: string): PairView {
  const pair = documents(db).pairs(documentId).find((p) => p.tgt.includes(text) || p.src.includes(text));
  if (!pair) throw new Error(`no pair with "${text}"`);
  return pair;
}
