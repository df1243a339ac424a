import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestServer } from '../support/test-server.ts';
import { startSeededServer } from '../support/seed.ts';
import { storeDocument } from '../support/insert-document.ts';

let server: TestServer;
let api: Awaited<ReturnType<typeof startSeededServer>>['api'];
let doc: { documentId: number; pairIds: number[] };

// 1,200 rows, more than two scan pages: numbers disagree in rows 3 and 1,100; row 700 is rejected.
beforeAll(async () => {
  ({ server, api } = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer']]));
  doc = await storeDocument(server.store, '导航', Array.from({ length: 1200 }, (_, i) => (i === 3 || i === 1100
    ? { zh: '会议有二十一人参加。', en: 'Twelve people attended the meeting.' }
    : { zh: '这是一个中文句子。', en: 'This is an English sentence.' })));
  expect((await api('wang', 'POST', `/api/pairs/${doc.pairIds[700]}/review`, { decision: 'reject', comment: 'no', version: 1 })).status).toBe(200);
  expect((await api('lin', 'POST', `/api/pairs/${doc.pairIds[0]}/confirm`, { version: 1 })).status).toBe(200);
});
afterAll(() => server.close());

const find = async (query: string) => {
  const res = await api('lin', 'GET', `/api/documents/${doc.documentId}/rows/find?${query}`);
  return { status: res.status, body: await res.json() as { index: number | null; error?: string } };
};

describe('finding the next row of a kind', () => {
  it('when asked for the next flagged row then it is found across scan pages, forward and back', async () => {
    expect((await find('kind=flagged')).body.index).toBe(3);
    expect((await find('kind=flagged&from=3')).body.index).toBe(1100);
    expect((await find('kind=flagged&from=1100')).body.index).toBeNull();
    expect((await find('kind=flagged&from=1100&dir=previous')).body.index).toBe(3);
    expect((await find('kind=flagged&from=3&dir=previous')).body.index).toBeNull();
  });

  it('when asked for rejected or unconfirmed rows then the states decide', async () => {
    expect((await find('kind=rejected')).body.index).toBe(700);
    expect((await find('kind=rejected&from=1199&dir=previous')).body.index).toBe(700);
    expect((await find('kind=unconfirmed')).body.index).toBe(1);
    expect((await find('kind=unconfirmed&from=1&dir=previous')).body.index).toBeNull();
  });

  it('when the page is filtered then only the rows it lists are stops', async () => {
    expect((await find('kind=rejected&state=translated')).body.index).toBeNull();
    expect((await find('kind=rejected&state=rejected')).body.index).toBe(700);
    expect((await find('kind=flagged&from=3&q=Twelve')).body.index).toBe(1100);
    expect((await find('kind=flagged&qa=numbers&from=1100&dir=previous')).body.index).toBe(3);
    expect((await find('kind=unconfirmed&q=Twelve')).body.index).toBe(3);
    expect((await find('kind=flagged&qa=numbrs')).status).toBe(400);
  });

  it('when the kind or the row is not one there is then 400 with a sentence', async () => {
    const bad = await find('kind=pretty');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatch(/flagged, rejected, unconfirmed/);
    expect((await find('kind=flagged&from=-7')).status).toBe(400);
    for (const dir of ['sideways', 'prev', '']) {
      const wrongWay = await find(`kind=flagged&from=3&dir=${dir}`);
      expect(wrongWay).toEqual({ status: 400, body: expect.objectContaining({ message: '"dir" must be next or previous.' }) });
    }
    expect((await find('kind=flagged&from=3&dir=next')).body.index).toBe(1100);
  });
});
