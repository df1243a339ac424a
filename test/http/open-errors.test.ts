// Rows whose rejection is still open: a fix makes a rejected row translated again, so the state filter and X lose it;
// the page's "Review: open errors" filter (?errors=open), the E key's find (kind=errors) and the quality line keep it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/test-server.ts';
import { startSeededServer } from '../support/seed.ts';
import { storeDocument } from '../support/insert-document.ts';

let seeded: Awaited<ReturnType<typeof startSeededServer>>;
let doc: { documentId: number; pairIds: number[] };
let lin: Client;

// Row 2 rejected with an error, then fixed; row 4 rejected with no error (the API allows it: not counted); row 5
// rejected with an error and not fixed yet.
beforeAll(async () => {
  seeded = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer']]);
  doc = await storeDocument(seeded.server.store, '复审', Array.from({ length: 6 }, (_, i) => ({ zh: `这是第${i + 1}句。`, en: `This is sentence ${i + 1}.` })));
  const review = (i: number, body: Record<string, unknown>) => seeded.api('wang', 'POST', `/api/pairs/${doc.pairIds[i]}/review`, { version: 1, ...body });
  expect((await review(1, { decision: 'reject', comment: 'Wrong number.', category: 'accuracy', severity: 'major' })).status).toBe(200);
  expect((await review(3, { decision: 'reject', comment: 'Look again.' })).status).toBe(200);
  expect((await review(4, { decision: 'reject', comment: 'Stiff.', category: 'fluency', severity: 'minor' })).status).toBe(200);
  expect((await seeded.api('lin', 'PUT', `/api/pairs/${doc.pairIds[1]}`, { tgt: 'This is the second sentence.', version: 2 })).json()).toMatchObject({ state: 20 });
  lin = new Client(seeded.server.url);
  await lin.login('lin');
});
afterAll(() => seeded.server.close());

const find = async (query: string) => {
  const res = await seeded.api('lin', 'GET', `/api/documents/${doc.documentId}/rows/find?${query}`);
  return (res.json() as { index: number | null }).index;
};
// The rows a filtered page lists, by their pair ids.
const listed = async (query: string) => {
  const res = await lin.get(`/documents/${doc.documentId}/rows?${query}`);
  expect(res.status).toBe(200);
  return [...res.text.matchAll(/<tr class="pair[^"]*" id="pair-(\d+)"/g)].map((m) => doc.pairIds.indexOf(Number(m[1])));
};

describe('rows with an open review error', () => {
  it('when a rejected row was fixed then the state filter and X lose it, and the errors filter and its key find it', async () => {
    expect(await find('kind=rejected')).toBe(3);
    expect(await listed('state=rejected')).toEqual([3, 4]);

    expect(await listed('errors=open')).toEqual([1, 4]);
    expect(await listed('errors=open&state=translated')).toEqual([1]);
    expect(await find('kind=errors')).toBe(1);
    expect(await find('kind=errors&from=1')).toBe(4);
    expect(await find('kind=errors&from=4')).toBeNull();
    expect(await find('kind=errors&from=4&dir=previous')).toBe(1);
    // Under the page's filter only the rows it lists are stops, for this key as for the others.
    expect(await find('kind=errors&from=1&state=translated')).toBeNull();
    expect(await find('kind=rejected&errors=open')).toBe(4);
  });

  it('when the page is filtered by open errors then its select says so and the quality line counts the rows, linked to that filter, in both languages', async () => {
    const link = `<a href="/documents/${doc.documentId}?errors=open" data-testid="open-errors-link">`;
    const en = (await lin.get(`/documents/${doc.documentId}?errors=open`, { 'accept-language': 'en' })).text;
    expect(en).toMatch(/<option value="open" selected>open errors<\/option>/);
    expect(en).toContain(`open errors: 2 · ${link}rows with open errors: 2</a> ·`);
    expect(en).toContain('aria-keyshortcuts="E"');
    // The fragment a save or a resolved thread fetches anew keeps the link.
    expect((await lin.get(`/documents/${doc.documentId}/progress`, { 'accept-language': 'en' })).text).toContain(`${link}rows with open errors: 2</a>`);
    const zh = new Client(seeded.server.url);
    await zh.login('lin', undefined, { 'accept-language': 'zh-CN' });
    expect((await zh.get(`/documents/${doc.documentId}`, { 'accept-language': 'zh-CN' })).text).toContain(`2 个未解决错误，${link}涉及 2 行</a>，`);
  });

  it('when the filter names no such choice then 400 with a sentence, not every row', async () => {
    const res = await lin.get(`/documents/${doc.documentId}/rows?errors=opne`);
    expect(res.status).toBe(400);
    expect(res.text).toContain('There is no error filter “<span translate="no">opne</span>”');
    expect((await seeded.api('lin', 'GET', `/api/documents/${doc.documentId}/rows/find?kind=errors&errors=all`)).status).toBe(400);
  });

  it('when a thread is resolved or an approval resolves it then its row drops out of the filter and the key', async () => {
    const [thread] = (await seeded.api('wang', 'GET', `/api/pairs/${doc.pairIds[4]}/comments`)).json() as { id: number }[];
    expect((await seeded.api('wang', 'POST', `/api/pairs/${doc.pairIds[4]}/comments/${thread!.id}/resolve`)).status).toBe(200);
    expect(await listed('errors=open')).toEqual([1]);
    expect(await find('kind=errors&from=1')).toBeNull();

    const approved = await seeded.api('wang', 'POST', `/api/pairs/${doc.pairIds[1]}/review`, { decision: 'approve', version: 3, resolveErrors: true });
    expect(approved.status).toBe(200);
    expect(await listed('errors=open')).toEqual([]);
    expect(await find('kind=errors')).toBeNull();
    expect((await lin.get(`/documents/${doc.documentId}`)).text).toContain('no open review errors');
  });
});
