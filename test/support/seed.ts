// Real documents for HTTP tests: the demo corpus and a small second document, imported by the real importer.

import type { Store } from '../../server/db/store.ts';
import { importDemoCorpus, importTextDocument } from '../../server/services/import-document.ts';
import { defaultAligner } from '../../server/services/workbench.ts';
import { documents, type PairView } from '../../server/services/documents.ts';
import { accounts } from '../../server/services/accounts.ts';
import type { Role } from '../../server/domain/types.ts';
import { addUser, Client, startTestServer } from './test-server.ts';

export async function seedDocuments(store: Store): Promise<{ demo: number; other: number }> {
  const align = defaultAligner();
  const demo = await importDemoCorpus({ store, align });
  const other = await importTextDocument({ store, align }, {
    title: '第二篇', createdBy: null,
    zh: { name: 'zh.txt', text: '双方还就朝鲜半岛局势交换了意见。丁薛祥等参加会见。' },
    en: { name: 'en.txt', text: 'The two sides also exchanged views on the Korean Peninsula. Ding Xuexiang attended.' },
  });
  return { demo, other };
}

export async function pairWith(store: Store, documentId: number, text: string): Promise<PairView> {
  const pair = (await documents(store).pairs(documentId)).find((p) => p.tgt.includes(text) || p.src.includes(text));
  if (!pair) throw new Error(`no pair with "${text}"`);
  return pair;
}

/** A server with the two seeded documents and users who each hold an API token; `api` speaks JSON as one of them. */
export async function startSeededServer(users: [string, Role][]) {
  const server = await startTestServer();
  const tokens: Record<string, string> = {};
  for (const [name, role] of users) {
    await addUser(server.store, name, role);
    tokens[name] = await accounts(server.store).createToken(name);
  }
  const docs = await seedDocuments(server.store);
  const api = (who: string | null, method: string, url: string, json?: unknown) =>
    new Client(server.url).request(method, url, { json, headers: who ? { authorization: `Bearer ${tokens[who]}` } : {} });
  return { server, docs, tokens, api };
}
