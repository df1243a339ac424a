// Helpers for the import/export suites: multipart uploads over real HTTP, row counts, and a document with hard text.

import type { Db } from '../../server/db/open-database.ts';
import type { Store } from '../../server/db/store.ts';
import { accounts } from '../../server/services/accounts.ts';
import { addUser, type TestServer } from '../support/test-server.ts';

/** Chinese with a non-BMP character (U+20000) and both kinds of Chinese quotes, and its English. */
export const HARD_ZH = '他说：“我们必须坚持改革开放。”\n\n文件写道：「𠀀字不在基本平面。」两国将在2025年继续合作。';
export const HARD_EN = 'He said: "We must keep to reform and opening up."\n\nThe paper reads: "The character 𠀀 is not in the basic plane." The two countries will go on working together in 2025.';

export interface Part {
  name: string;
  content: string | Uint8Array;
}

export const TABLES = ['documents', 'pairs', 'segments', 'sources', 'tm_units', 'revisions'] as const;

export function rowCounts(db: Db): Record<string, number> {
  return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]));
}

export async function tokenFor(store: Store, name: string, role: 'admin' | 'reviewer' | 'translator'): Promise<string> {
  await addUser(store, name, role);
  return await accounts(store).createToken(name);
}

/** POSTs a multipart form: file parts by field name, plus plain text fields. */
export async function upload(
  server: TestServer, url: string, files: Record<string, Part>, opts: { token?: string; fields?: Record<string, string>; headers?: Record<string, string> } = {},
) {
  const form = new FormData();
  for (const [k, v] of Object.entries(opts.fields ?? {})) form.append(k, v);
  for (const [field, part] of Object.entries(files)) form.append(field, new Blob([typeof part.content === 'string' ? part.content : new Uint8Array(part.content)]), part.name);
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  const res = await fetch(server.url + url, { method: 'POST', body: form, headers, redirect: 'manual' });
  const text = await res.text();
  return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
}

export async function download(server: TestServer, url: string, token: string) {
  const res = await fetch(server.url + url, { headers: { authorization: `Bearer ${token}` } });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** The export time is the only part of a file that is not the document. */
export function withoutExportTime(file: string): string {
  return file
    .replace(/<prop type="x-duiqi-exported">[^<]*<\/prop>/, '')
    .replace(/<mda:meta type="exported">[^<]*<\/mda:meta>/, '')
    .replace(/"exportedAt": "[^"]*"/, '');
}
