// Starts a worker thread on a TypeScript entry module, under the same loader as this thread.

import { Worker } from 'node:worker_threads';

/** The worker registers tsx before it imports its entry, which it could not read otherwise. */
export function startWorker(entry: URL, workerData?: unknown): Worker {
  const loader = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
