// The document page's poll for others' work: what changed since the revision the page saw, bounded, and only for
// those who may open the document (SQLite and PostgreSQL).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client } from '../support/test-server.ts';
import { pairWith, startSeededServer } from '../support/seed.ts';
import { storeDocument } from '../support/insert-document.ts';
import { LIVE_ROWS_LIMIT } from '../../views/live-rows.ts';

let seeded: Awaited<ReturnType<typeof startSeededServer>>;

beforeAll(async () => {
  seeded = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer'], ['mei', 'translator'], ['root', 'admin']]);
});
afterAll(() => seeded.server.close());

async function signedIn(name: string): Promise<Client> {
  const c = new Client(seeded.server.url);
  await c.login(name);
  await c.get('/documents');
  return c;
}

/** Where the page's rows were read: the revision and version its table carries for the poll. */
function seenBy(page: string): { since: string; version: string } {
  const table = /<table class="pairs"[^>]*>/.exec(page)![0];
  return { since: /data-revision="(\d+)"/.exec(table)![1]!, version: /data-version="(\d+)"/.exec(table)![1]! };
}
const poll = (c: Client, doc: number, seen: { since: string; version: string }, lang = 'en') =>
  c.get(`/documents/${doc}/changes?since=${seen.since}&version=${seen.version}`, { 'HX-Request': 'true', 'accept-language': lang });
const rowIds = (fragment: string) => [...fragment.matchAll(/<tr class="pair[^"]*" id="pair-(\d+)"/g)].map((m) => Number(m[1]));
const answerSeen = (fragment: string) => {
  const [, since, version] = /data-live-changes data-revision="(\d+)" data-version="(\d+)"/.exec(fragment)!;
  return { since: since!, version: version! };
};

describe('GET /documents/:doc/changes', () => {
  it('when nothing changed then no rows; when wang saves a row then lin\'s poll sends that row anew, and from there nothing again', async () => {
    const doc = seeded.docs.other;
    const lin = await signedIn('lin');
    const seen = seenBy((await lin.get(`/documents/${doc}`)).text);
    const quiet = await poll(lin, doc, seen);
    expect(quiet.status).toBe(200);
    expect(rowIds(quiet.text)).toEqual([]);
    expect(answerSeen(quiet.text)).toEqual(seen);

    const pair = await pairWith(seeded.server.store, doc, 'Ding Xuexiang attended');
    const saved = await seeded.api('wang', 'PUT', `/api/pairs/${pair.id}`, { tgt: 'Ding Xuexiang and others attended the meeting.', version: pair.version });
    expect(saved.status).toBe(200);

    const changed = await poll(lin, doc, seen);
    expect(changed.status).toBe(200);
    expect(rowIds(changed.text)).toEqual([pair.id]);
    expect(changed.text).toContain('Ding Xuexiang and others attended the meeting.');
    expect(changed.text).toContain(`data-version="${pair.version + 1}"`);
    // Said over an editor lin may have open on it, and the count's forms for the page to fill in.
    expect(changed.text).toMatch(/data-notice-for="pair-\d+"[^>]*>.*wang.* changed this row \(now translated\): your save will show both texts to compare\./);
    expect(changed.text).toContain('data-one="One row changed by others."');
    expect(changed.text).toContain('data-other="%n rows changed by others."');
    expect(changed.text).toMatch(/data-notice-for="pair-\d+" data-version="\d+" data-by-other/);
    const now = answerSeen(changed.text);
    expect(Number(now.since)).toBeGreaterThan(Number(seen.since));
    expect(now.version).toBe(seen.version);
    expect(rowIds((await poll(lin, doc, now)).text)).toEqual([]);

    // lin's own save (another tab, a replace) is sent anew too, but not counted as by others.
    const again = await pairWith(seeded.server.store, doc, 'Ding Xuexiang and others');
    expect((await seeded.api('lin', 'PUT', `/api/pairs/${again.id}`, { tgt: 'Ding Xuexiang and others were present.', version: again.version })).status).toBe(200);
    const own = await poll(lin, doc, now);
    expect(rowIds(own.text)).toEqual([again.id]);
    expect(own.text).not.toContain('data-by-other');

    const inChinese = await poll(lin, doc, seen, 'zh-CN');
    expect(inChinese.text).toContain('data-other="其他人修改了 %n 行。"');
  });

  it(`when more than ${LIVE_ROWS_LIMIT} rows changed then no rows are sent but a sentence to reload`, async () => {
    const { documentId, pairIds } = await storeDocument(seeded.server.store, '很多 many', Array.from({ length: LIVE_ROWS_LIMIT + 2 }, (_, i) => ({
      zh: `第${i}句：双方交换了意见。`, en: `Sentence ${i}: the two sides exchanged views.`,
    })));
    const lin = await signedIn('lin');
    const seen = seenBy((await lin.get(`/documents/${documentId}`)).text);
    for (const [i, id] of pairIds.slice(0, LIVE_ROWS_LIMIT).entries()) {
      expect((await seeded.api('wang', 'PUT', `/api/pairs/${id}`, { tgt: `Sentence ${i}: both sides exchanged views.`, version: 1 })).status).toBe(200);
    }
    const atLimit = await poll(lin, documentId, seen);
    expect(rowIds(atLimit.text)).toHaveLength(LIVE_ROWS_LIMIT);
    expect(atLimit.text).not.toContain('data-stale');

    expect((await seeded.api('wang', 'PUT', `/api/pairs/${pairIds.at(-1)}`, { tgt: 'The last sentence, changed.', version: 1 })).status).toBe(200);
    const over = await poll(lin, documentId, seen);
    expect(over.status).toBe(200);
    expect(rowIds(over.text)).toEqual([]);
    expect(over.text).toContain('data-stale');
    expect(over.text).toContain('Many rows changed by others since this page was loaded.');
    expect(Number(answerSeen(over.text).since)).toBeGreaterThan(Number(seen.since));
  });

  it('when the page saw another alignment version then no rows are sent but a sentence to reload', async () => {
    const lin = await signedIn('lin');
    const seen = seenBy((await lin.get(`/documents/${seeded.docs.other}`)).text);
    const res = await poll(lin, seeded.docs.other, { since: seen.since, version: String(Number(seen.version) + 1) });
    expect(res.status).toBe(200);
    expect(rowIds(res.text)).toEqual([]);
    expect(res.text).toContain('The alignment of this document changed since this page was loaded.');
  });

  it('when the revision is not a whole number then 400 with a sentence in the reader\'s language', async () => {
    const lin = await signedIn('lin');
    for (const since of ['-1', 'abc', '1.5', '']) {
      const res = await poll(lin, seeded.docs.other, { since, version: '1' });
      expect(res.status, since).toBe(400);
      expect(res.text).toContain('The revision and version the page last saw must be whole numbers from 0.');
    }
    expect((await poll(lin, seeded.docs.other, { since: 'x', version: '1' }, 'zh-CN')).text).toContain('页面上次看到的修订号和版本号必须是从 0 起的整数。');
  });

  it('when the document is members-only then an outsider gets 404 and nothing of it, a member its changes', async () => {
    const { documentId, pairIds } = await storeDocument(seeded.server.store, '机密 secret', [{ zh: '董事会决定关闭苏州工厂。', en: 'The board decided to close the plant.' }]);
    const shared = await new Client(seeded.server.url).request('POST', `/api/documents/${documentId}/access`, {
      json: { shared: false, add: ['lin'] }, headers: { authorization: `Bearer ${seeded.tokens.root}` },
    });
    expect(shared.status).toBe(200);
    const lin = await signedIn('lin');
    const seen = seenBy((await lin.get(`/documents/${documentId}`)).text);
    expect((await seeded.api('root', 'PUT', `/api/pairs/${pairIds[0]}`, { tgt: 'The board decided to close the Suzhou plant.', version: 1 })).status).toBe(200);

    const mei = await signedIn('mei');
    const refused = await poll(mei, documentId, seen);
    expect(refused.status).toBe(404);
    expect(refused.text).not.toContain('Suzhou');
    expect(rowIds((await poll(lin, documentId, seen)).text)).toEqual([pairIds[0]]);
    expect((await new Client(seeded.server.url).get(`/documents/${documentId}/changes?since=0&version=1`, { 'HX-Request': 'true' })).status).toBe(401);
  });
});
