// Starts a worker thread on an entry module, under the same loader as this thread.

import { Worker } from 'node:worker_threads';

/** A TypeScript entry needs tsx registered before it is imported; a bundled .mjs entry does not. */
export function startWorker(entry: URL, workerData?: unknown): Worker {
  if (!entry.href.endsWith('.ts')) return new Worker(`import(${JSON.stringify(entry.href)})`, { eval: true, workerData });
  const loader = import.meta.resolve('tsx/esm/api');
  const boot = `import(${JSON.stringify(loader)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(boot, { eval: true, workerData });
}
