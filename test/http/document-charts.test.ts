// The charts page over HTTP, on whichever database the test servers run (the PostgreSQL pass included).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, type TestServer } from '../support/test-server.ts';
import { startSeededServer } from '../support/seed.ts';

let server: TestServer;
let docs: { demo: number; other: number };
let api: Awaited<ReturnType<typeof startSeededServer>>['api'];

beforeAll(async () => {
  ({ server, docs, api } = await startSeededServer([['lin', 'translator']]));
});
afterAll(() => server.close());

describe('document charts', () => {
  it('when a pair has been translated then the charts page draws the document', async () => {
    const pairs = (await api('lin', 'GET', `/api/documents/${docs.demo}/pairs`)).json() as { id: number; version: number; noise: boolean }[];
    const pair = pairs.find((p) => !p.noise)!;
    expect((await api('lin', 'PUT', `/api/pairs/${pair.id}`, { tgt: 'Charted.', version: pair.version })).status).toBe(200);
    const c = new Client(server.url);
    await c.login('lin');
    const page = await c.get(`/documents/${docs.demo}/charts`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<svg');
  });

  it('when the work was minutes ago then the burn-up\'s time axis ends by now, its ticks on round minutes', async () => {
    const c = new Client(server.url);
    await c.login('lin');
    const page = await c.get(`/documents/${docs.other}/charts`);
    const now = new Date();
    const burnUp = page.text.slice(page.text.indexOf('id="chart-burnup"'), page.text.indexOf('</svg>', page.text.indexOf('id="chart-burnup"')));
    const labels = [...burnUp.matchAll(/<line class="tick"[^>]*><\/line><text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
    // The date once ('Dec 5, 07:31'), then the time of day; a label an hour on once showed the line running into the future.
    expect(labels.length, burnUp).toBeGreaterThanOrEqual(2);
    const clocks = labels.map((l) => /(\d\d):(\d\d)$/.exec(l)!).map((m) => Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), Number(m[1]), Number(m[2])));
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels.slice(1).every((l) => /^\d\d:\d\d$/.test(l)), labels.join(' | ')).toBe(true);
    // Minutes, not an hour: the last tick is no later than now (a tick on a new day would carry its date).
    expect(Math.max(...clocks) - now.getTime()).toBeLessThanOrEqual(0);
  });
});
