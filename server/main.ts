// Starts the workbench: configuration, database (the SQLite file, or PostgreSQL when DUIQI_DATABASE_URL names one),
// first admin and demo corpus, then the HTTP server; with DUIQI_WORKERS above 1, that many server processes share
// the port. Every cache in a process is keyed by what the database says, so none goes stale, whether the other
// writers are processes of this server or (on PostgreSQL) other servers.

import cluster from 'node:cluster';
import { readConfig, ConfigError, type Config } from './config.ts';
import { AppError } from './domain/errors.ts';
import { createApp } from './app.ts';
import { createI18n } from './http/i18n.ts';
import { keepConnectionsOpen } from './http/keep-alive.ts';
import { openStoreAt } from './db/open-store.ts';
import { shownAddress } from './db/database-address.ts';
import type { Store } from './db/store.ts';
import { defaultAligner, prepareWorkbench } from './services/workbench.ts';
import { configuredEngine } from './services/machine-translation.ts';
import { jobQueueFor } from './services/job-queue.ts';

/** What the admin at the terminal reads once the server listens, in the environment's language as the command line speaks. */
async function report(config: Config, r: Awaited<ReturnType<typeof prepareWorkbench>>): Promise<void> {
  const { say } = await import('./cli/cli-messages.ts');
  const address = `http://localhost:${config.port}`;
  const database = shownAddress(config.database);
  const lines = [config.workers > 1
    ? await say('server.servingProcesses', { address, database, count: config.workers })
    : await say('server.serving', { address, database })];
  if (r.demoImported) lines.push(await say('server.demoImported'));
  if (r.generatedPassword) lines.push(await say('server.generatedPassword', { password: r.generatedPassword }));
  else lines.push(await say(r.adminCreated ? 'server.passwordFromEnvironment' : 'server.logIn'));
  console.log(lines.join('\n'));
}

/**
 * One HTTP server on the configured port; `ready` runs once it listens. `resumeJobs`: this process is the first on the
 * SQLite file, and begins again the jobs a stopped server left (a process replaced later leaves them to the next start).
 */
async function serve(config: Config, store: Store, ready: () => void, resumeJobs: boolean): Promise<void> {
  const jobQueue = await jobQueueFor(store, { resume: resumeJobs, times: config.jobTimes });
  const app = createApp({
    store, i18n: await createI18n(), mt: configuredEngine(store, { url: config.mtUrl, apiKey: config.mtKey }), maxUpload: config.maxUpload, trustProxy: config.trustProxy,
    fetch: { allow: config.fetchAllow, timeoutMs: config.fetchTimeoutMs }, jobQueue, exportJobs: config.exportJobs,
    livePollMs: config.livePollMs,
  });
  const server = keepConnectionsOpen(app.listen(config.port, ready));
  server.on('error', async (err: NodeJS.ErrnoException) => {
    const { say } = await import('./cli/cli-messages.ts');
    console.error(err.code === 'EADDRINUSE' ? await say('server.portInUse', { port: config.port }) : await say('server.cannotListen', { detail: err.message }));
    process.exit(1);
  });
  // A job still running is not waited for: it is stored, and the next start (or another server) takes it up.
  const stop = () => server.close(() => void Promise.race([jobQueue.stop(), new Promise((r) => setTimeout(r, 5000))]).then(() => store.close()).then(() => process.exit(0)));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function main(): Promise<void> {
  const config = readConfig();
  if (cluster.isWorker) {
    await serve(config, await openStoreAt(config.database, { pool: config.databasePool }), () => process.send?.('listening'), process.env.DUIQI_RESUME_JOBS === '1');
    return;
  }
  const store = await openStoreAt(config.database, { pool: config.databasePool });
  // Servers starting at once on one PostgreSQL database take turns here: one makes the admin and the demo.
  const prepared = await store.alone(() => prepareWorkbench(store, config.adminPassword, defaultAligner));
  if (config.workers <= 1) {
    await serve(config, store, () => void report(config, prepared), true);
    return;
  }
  // The first admin and the demo exist before any worker starts, so no two processes race to make them.
  await store.close();
  let listening = 0;
  let stopping = false;
  for (let i = 0; i < config.workers; i++) {
    cluster.fork({ DUIQI_RESUME_JOBS: i === 0 ? '1' : '' }).on('message', (m) => {
      if (m === 'listening' && ++listening === config.workers) void report(config, prepared);
    });
  }
  cluster.on('exit', (worker, code) => {
    if (stopping) return;
    // A worker that could not start (port in use) stops the whole server; one that died later is replaced.
    if (listening < config.workers) process.exit(code ?? 1);
    void import('./cli/cli-messages.ts').then(({ say }) => say('server.processReplaced', { pid: worker.process.pid, code })).then((line) => console.error(line));
    cluster.fork({ DUIQI_RESUME_JOBS: '' });
  });
  const stop = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM');
    Promise.all(Object.values(cluster.workers ?? {}).map((w) => new Promise((r) => w?.once('exit', r)))).then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch(async (err: unknown) => {
  console.error(await startFailure(err));
  process.exit(1);
});

/**
 * Why the server did not start, for the admin at the terminal: in the environment's language, as the command line
 * speaks, when duiqi knows the sentence (a setting it refuses, a database it cannot open); a bug as Node says it.
 */
async function startFailure(err: unknown): Promise<string> {
  const { refusalLine, say } = await import('./cli/cli-messages.ts');
  if (err instanceof ConfigError) return err.key ? refusalLine(err) : err.message;
  const why = err instanceof AppError && err.key ? await refusalLine(err) : (err as Error).message;
  return say('server.couldNotStart', { detail: why });
}
