// Work a server does now and then while it serves jobs, such as removing old export files: started with a job queue
// and stopped with it, so a stopped server (or a closed test app) leaves no timer holding its store.

/** A repeated task; every server serving jobs does it, so it must be harmless to do twice. */
export interface Chore {
  /** What it does, for the log when it fails. */
  what: string;
  everyMs: number;
  run(): Promise<unknown>;
}

/** Starts each chore's timer; the function returned stops them all. */
export function scheduleChores(chores: readonly Chore[]): () => void {
  const timers = chores.map((chore) => setInterval(() => {
    chore.run().catch((err: unknown) => console.error(`${chore.what} failed:`, err));
  }, chore.everyMs).unref());
  return () => timers.forEach((timer) => clearInterval(timer));
}
