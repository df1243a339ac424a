// Helpers for the import/export suites: multipart uploads over real HTTP, row counts, and a document with hard text.
import { expect } from 'vitest';

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

/** The same counts through the server's store, on either database. */
export async function storedCounts(server: TestServer): Promise<Record<string, number>> {
  const [row] = await server.rows<Record<string, number>>(`SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t}) AS ${t}`).join(', ')}`);
  return { ...row };
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

/**
 * The import form as htmx sends it, followed as the page follows it: an import still running after the form's short
 * wait answers with its job's progress bar, which the page polls until the document or the refusal. Answers what the
 * user ends up seeing, with the status the import ended with (201, or the refusal's).
 */
/** Imports `files` through the API as `token`'s user, expecting 201; answers the new document's id. */
export async function importedDocument(server: TestServer, files: Record<string, Part>, token: string): Promise<number> {
  const res = await upload(server, '/api/documents/import', files, { token });
  expect(res.status, res.text).toBe(201);
  return res.json().id as number;
}

export async function uploadForm(server: TestServer, files: Record<string, Part>, opts: { token?: string; fields?: Record<string, string>; headers?: Record<string, string> } = {}) {
  const first = await upload(server, '/import', files, { ...opts, headers: { 'hx-request': 'true', ...opts.headers } });
  const job = /data-job="(\d+)"/.exec(first.text)?.[1];
  if (first.status !== 200 || !job) return first;
  const headers: Record<string, string> = { 'hx-request': 'true', ...opts.headers, ...(opts.token ? { authorization: `Bearer ${opts.token}` } : {}) };
  for (const started = Date.now(); Date.now() - started < 120_000; await new Promise((r) => setTimeout(r, 100))) {
    const polled = await fetch(`${server.url}/jobs/${job}`, { headers, redirect: 'manual' });
    const text = await polled.text();
    if (text.includes('hx-trigger')) continue;
    const ended = await (await fetch(`${server.url}/api/jobs/${job}`, { headers })).json() as { error: { status: number } | null };
    return { status: ended.error?.status ?? 201, headers: first.headers, text, json: () => JSON.parse(text) as Record<string, unknown> };
  }
  throw new Error(`import job ${job} did not end within 120 s`);
}

/** One JSON API call with a Bearer token: the status and the parsed body. */
export async function apiJson(server: TestServer, token: string, method: string, url: string, body?: unknown) {
  const res = await fetch(server.url + url, {
    method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() as Record<string, unknown> };
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
    .replace(/(<file [^>]*) date="[^"]*"/, '$1')
    .replace(/"exportedAt": "[^"]*"/, '');
}
