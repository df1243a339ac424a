// The job queue of the embedded SQLite default: jobs run in this server process, a few at a time, in the order given.

import type { Store } from '../db/store.ts';
import type { JobQueue } from './jobs.ts';
import { scheduleChores } from './job-chores.ts';

/**
 * Alignment and imports go on to work threads (threads/work-pool.ts), which queue on their own; machine translation
 * waits on its engine. Two at once keeps one long job from holding up a short one behind it.
 */
const AT_ONCE = 2;

/**
 * `resume`: jobs a stopped server left queued or running are begun again at start. Only a server that is alone on
 * the file may say so; with several processes on one file (DUIQI_WORKERS) the first one started does.
 */
export function inProcessQueue(store: Store, options: { resume: boolean }): JobQueue {
  const waiting: number[] = [];
  const running = new Set<Promise<void>>();
  let run: ((id: number) => Promise<void>) | undefined;
  let stopped = false;
  let stopChores = () => {};

  function pump(): void {
    while (run && !stopped && waiting.length && running.size < AT_ONCE) {
      const id = waiting.shift()!;
      // run() stores a failure itself; what escapes it (the database gone) is for the log.
      const turn: Promise<void> = run(id).catch((err: unknown) => console.error(`Job ${id} could not be run:`, err)).finally(() => {
        running.delete(turn);
        pump();
      });
      running.add(turn);
    }
  }

  return {
    async enqueue(id) {
      waiting.push(id);
      pump();
    },
    async start(runner, chores = []) {
      run = runner;
      if (!stopped) stopChores = scheduleChores(chores);
      if (options.resume) waiting.unshift(...(await store.read((tx) => tx.jobs.unfinished())).filter((id) => !waiting.includes(id)));
      pump();
    },
    async stop() {
      stopped = true;
      stopChores();
      await Promise.all(running);
    },
  };
}
