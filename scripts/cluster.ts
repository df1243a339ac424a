// `npm run cluster`: the team setup on one machine, to try it: a throwaway PostgreSQL cluster, two app servers on it
// (ports 3001 and 3002) and nginx in front on PORT (3000). Ctrl-C stops them all and removes the cluster.

import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import pg from 'pg';
import { postgresBinaries, startCluster } from '../test/support/postgres-cluster.ts';
import { startNginx, type NginxFront } from './nginx-front.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const PORT = Number(process.env.PORT ?? 3000);
const SERVERS = [3001, 3002];

/** Resolves once the process prints `ready`; rejects when it exits first. */
function started(child: ChildProcess, name: string, ready: RegExp): Promise<void> {
  return new Promise((resolve, reject) => {
    const seen = (chunk: Buffer) => {
      process.stdout.write(`[${name}] ${chunk}`);
      if (ready.test(String(chunk))) resolve();
    };
    child.stdout?.on('data', seen);
    child.stderr?.on('data', seen);
    child.once('exit', (code) => reject(new Error(`${name} stopped with code ${code}`)));
  });
}

async function main(): Promise<void> {
  const bin = postgresBinaries();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install postgresql');
  const cluster = await startCluster(bin);
  const url = `postgres://${cluster.user}@${cluster.host}:${cluster.port}/duiqi`;
  const admin = new pg.Client({ connectionString: `postgres://${cluster.user}@${cluster.host}:${cluster.port}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE duiqi');
  await admin.end();
  const children: ChildProcess[] = [];
  let nginx: NginxFront | undefined;
  const stop = () => {
    for (const c of children) c.kill('SIGTERM');
    void nginx?.stop();
    setTimeout(() => {
      cluster.stop();
      process.exit(0);
    }, 1500);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  try {
    // Both at once, as a team's servers would start: one migrates and imports the demo, the other waits its turn.
    await Promise.all(SERVERS.map((port, i) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'server/main.ts'], {
        cwd: ROOT, env: { ...process.env, PORT: String(port), DUIQI_DATABASE_URL: url, DUIQI_TRUST_PROXY: 'loopback' },
      });
      children.push(child);
      return started(child, `app ${i + 1}`, new RegExp(`http://localhost:${port}\\b`));
    }));
    nginx = await startNginx(PORT, SERVERS);
    nginx.child.once('exit', (code) => code && console.error(`nginx stopped with code ${code}`));
    console.log(`duiqi cluster: http://localhost:${PORT} (nginx) → app servers on ${SERVERS.join(' and ')} → ${url}. Ctrl-C stops it.`);
  } catch (err) {
    console.error((err as Error).message);
    stop();
  }
}

main().catch((err: unknown) => {
  console.error(`npm run cluster: ${(err as Error).message}`);
  process.exit(1);
});
