// Several app servers starting at once on one PostgreSQL database each start the job queue: pg-boss creates its queue
// from all of them at once, which deadlocked and left a server with no workers (a job it should have taken over stayed
// running). Every server's queue must start, on a fresh database each time.
import { expect, it } from 'vitest';
import { pgBossQueue } from '../../server/services/job-queue-pg-boss.ts';
import { DEFAULT_JOB_TIMES } from '../../server/config.ts';
import { createTestDatabase, describePostgres } from '../support/postgres.ts';

describePostgres('the PostgreSQL job queue started by several servers at once', () => {
  it('when three servers start their queues at once on a fresh database then all three start, and a job sent through one runs', async () => {
    // Without the retry, 6 starts in 8 deadlocked here: four fresh databases make a false pass unlikely.
    for (let round = 0; round < 4; round++) {
      const database = await createTestDatabase();
      await database.close();
      const queues = [0, 1, 2].map(() => pgBossQueue(database.url, DEFAULT_JOB_TIMES));
      const ran: number[] = [];
      try {
        const results = await Promise.allSettled(queues.map((q) => q.start(async (id) => void ran.push(id))));
        expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'started'))).toEqual(['started', 'started', 'started']);
        await queues[round % 3]!.enqueue(round + 1);
        for (let i = 0; i < 100 && !ran.length; i++) await new Promise((r) => setTimeout(r, 100));
        expect(ran).toEqual([round + 1]);
      } finally {
        await Promise.all(queues.map((q) => q.stop()));
        await database.drop();
      }
    }
  });
});
