// The statements the store executes for each request of the load bench's mix, and for an alignment edit and its
// undo: one request at a time against a server whose store counts into `tally` (see StatementTally).

import type { StatementTally } from '../../server/db/store.ts';

export interface CountedDocument {
  url: string;
  token: string;
  documentId: number;
  /** A pair of the document that is not page noise. */
  pairId: number;
}

/** Statements per request, each measured on a warm server (the request made once before). */
export async function statementsPerRequest(tally: StatementTally, d: CountedDocument, ran: Record<string, string[]> = {}): Promise<Record<string, number>> {
  const request = async (method: string, path: string, json?: unknown) => {
    const res = await fetch(d.url + path, {
      method, body: json === undefined ? undefined : JSON.stringify(json),
      headers: { authorization: `Bearer ${d.token}`, ...(json === undefined ? {} : { 'content-type': 'application/json' }) },
    });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`${method} ${path} answered ${res.status}: ${text.slice(0, 300)}`);
    return text;
  };
  // With `tally.texts`, `ran` receives each request's statements by the request's name (the last one counted).
  let last: string[] = [];
  const counted = async (method: string, path: string, json?: unknown) => {
    const before = tally.statements;
    const from = tally.texts?.length ?? 0;
    const text = await request(method, path, json);
    last = tally.texts?.slice(from) ?? [];
    return { statements: tally.statements - before, text };
  };
  const warm = async (path: string) => (await request('GET', path), (await counted('GET', path)).statements);
  const doc = `/documents/${d.documentId}`;
  const alignment = async () => JSON.parse(await request('GET', `/api${doc}/alignment`)) as { version: number };
  const pair = JSON.parse(await request('GET', `/api${doc}/pairs`)) as { id: number; version: number }[];
  const version = pair.find((p) => p.id === d.pairId)!.version;
  const counts: Record<string, number> = {};
  const note = (name: string, n: number) => ((counts[name] = n), (ran[name] = last));
  note('document page', await warm(doc));
  note('rows fragment', await warm(`${doc}/rows?offset=200`));
  note('editor fragment', await warm(`${doc}/pairs/${d.pairId}/edit`));
  note('save', (await counted('PUT', `/api/pairs/${d.pairId}`, { tgt: `Counted at ${Date.now()}.`, version })).statements);
  // Under the bench's mix nearly every read follows someone's save: the kept rows and figures read what it revised.
  let saved = version + 1;
  const afterSave = async (path: string) => {
    await request('PUT', `/api/pairs/${d.pairId}`, { tgt: `Saved at ${saved}.`, version: saved++ });
    return (await counted('GET', path)).statements;
  };
  note('document page after a save', await afterSave(doc));
  note('rows fragment after a save', await afterSave(`${doc}/rows?offset=0`));
  note('editor fragment after a save', await afterSave(`${doc}/pairs/${d.pairId}/edit`));
  // An open page's poll (views/static/live-rows.js), from where the page was read: most polls find nothing new.
  const table = /<table class="pairs"[^>]*>/.exec(await request('GET', doc))![0];
  const changes = `${doc}/changes?since=${/data-revision="(\d+)"/.exec(table)![1]}&version=${/data-version="(\d+)"/.exec(table)![1]}`;
  note('poll, nothing changed', await warm(changes));
  note('poll after a save', await afterSave(changes));
  const before = (await alignment()).version;
  note('alignment edit (merge)', (await counted('POST', `/api${doc}/alignment/ops`, { version: before, op: { kind: 'merge', row: 3 } })).statements);
  note('undo', (await counted('POST', `/api${doc}/alignment/undo`, { version: before + 1 })).statements);
  return counts;
}
