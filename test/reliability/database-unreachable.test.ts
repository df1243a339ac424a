// A PostgreSQL that stops answering mid-day: requests get a 503 with a sentence, never a 500 or a wait for ever, and the
// job queue's own connections give up as the store's do.

import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_JOB_TIMES } from '../../server/config.ts';
import { CONNECT_TIMEOUT_MS } from '../../server/db/database-address.ts';
import { openPostgres } from '../../server/db/postgres/connect.ts';
import { postgresStore } from '../../server/db/postgres/postgres-store.ts';
import { UnavailableError } from '../../server/domain/errors.ts';
import { pgBossQueue } from '../../server/services/job-queue-pg-boss.ts';
import { freePort } from '../support/start-workbench.ts';

let silent: net.Server;
let url: string;
const sockets = new Set<net.Socket>();

beforeAll(async () => {
  // Accepts connections and never answers, as a stuck host or a dropped network does.
  silent = net.createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  url = `postgres://duiqi:secret@127.0.0.1:${(silent.address() as net.AddressInfo).port}/duiqi`;
});
afterAll(() => new Promise<void>((resolve) => {
  silent.close(() => resolve());
  sockets.forEach((s) => s.destroy());
}));

const SENTENCE = 'The database is not answering, so nothing was saved. Please try again in a moment, and tell your administrator if it lasts.';

describe('the PostgreSQL store', () => {
  it('when nothing accepts connections at the database\'s address then a read and a write fail with the 503 sentence', async () => {
    const pool = openPostgres(`postgres://duiqi:secret@127.0.0.1:${await freePort()}/duiqi`, 2);
    const store = postgresStore(pool);
    for (const attempt of [store.read((tx) => tx.glossary.count()), store.write((tx) => tx.glossary.upsert('会见', 'meeting', null, null))]) {
      const error = await attempt.then(() => undefined, (e: unknown) => e);
      expect(error).toBeInstanceOf(UnavailableError);
      expect(error).toMatchObject({ status: 503, key: 'errors.databaseUnavailable', message: SENTENCE });
      expect((error as Error).cause).toMatchObject({ code: 'ECONNREFUSED' });
    }
    await pool.end();
  });
});

describe('the pg-boss job queue', () => {
  it('when PostgreSQL accepts its connection and never answers then queueing a job fails after the connect timeout with a 503 sentence instead of waiting for ever', async () => {
    const queue = pgBossQueue(url, DEFAULT_JOB_TIMES);
    const started = Date.now();
    const outcome = await Promise.race([
      queue.enqueue(1).then(() => 'queued', (error: Error & { status?: number }) => `failed ${error.status}: ${error.message}`),
      new Promise<string>((resolve) => setTimeout(() => resolve('still waiting'), CONNECT_TIMEOUT_MS * 3)),
    ]);
    expect(outcome).toBe(`failed 503: ${SENTENCE}`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 100);
    await queue.stop();
  }, CONNECT_TIMEOUT_MS * 4);
});
