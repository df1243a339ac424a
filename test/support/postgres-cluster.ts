// A throwaway PostgreSQL cluster for one test run: its own data folder, socket folder and free port.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface ClusterInfo {
  host: string;
  port: number;
  user: string;
}

export interface Cluster extends ClusterInfo {
  /** The postmaster's process id (its backends are its children). */
  pid(): number;
  stop(): void;
}

/** The folder of PostgreSQL's server programs (POSTGRES_BIN when set), or undefined when they are not installed. */
export function postgresBinaries(): string | undefined {
  const candidates = process.env.POSTGRES_BIN !== undefined ? [process.env.POSTGRES_BIN]
    : [...listVersions('/usr/lib/postgresql'), ...(process.env.PATH ?? '').split(path.delimiter)];
  return candidates.find((dir) => fs.existsSync(path.join(dir, 'initdb')) && fs.existsSync(path.join(dir, 'pg_ctl')));
}

function listVersions(root: string): string[] {
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)).map((v) => path.join(root, v, 'bin'));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

const PREFIX = 'duiqi-pg-';
const OWNER = 'owner.pid';
const asRoot = process.getuid?.() === 0;

type Run = (cwd: string, program: string, args: string[]) => void;

function runner(bin: string): Run {
  return (cwd, program, args) => {
    const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, program), ...args]] : [path.join(bin, program), args];
    execFileSync(cmd, argv, { stdio: 'pipe', cwd });
  };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Stops and removes the clusters of earlier runs that were killed before their teardown. */
function stopOrphans(run: Run): void {
  for (const name of fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith(PREFIX))) {
    const dir = path.join(os.tmpdir(), name);
    const ownerFile = path.join(dir, OWNER);
    // Without its owner's pid a folder may be one another run is creating right now: leave it.
    const owner = fs.existsSync(ownerFile) ? Number(fs.readFileSync(ownerFile, 'utf8')) : 0;
    if (!owner || alive(owner)) continue;
    try {
      if (fs.existsSync(path.join(dir, 'data', 'postmaster.pid'))) run(dir, 'pg_ctl', ['-D', path.join(dir, 'data'), '-m', 'immediate', '-w', 'stop']);
    } catch {
      // Already stopped: the folder is all that is left.
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Starts a cluster with trust authentication on 127.0.0.1 and durability turned off (a test run needs no crash
 * safety) unless `durable` (a benchmark measures commits as a team's server makes them). PostgreSQL refuses to run as
 * root, so as root its programs run as the `postgres` user.
 */
export async function startCluster(bin: string, { durable = false } = {}): Promise<Cluster> {
  const run = runner(bin);
  stopOrphans(run);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), PREFIX));
  const data = path.join(dir, 'data');
  fs.writeFileSync(path.join(dir, OWNER), String(process.pid));
  if (asRoot) execFileSync('chown', ['postgres:postgres', dir]);
  const user = 'postgres';
  run(dir, 'initdb', ['-D', data, '-U', user, '--auth=trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  const options = [`-p ${port}`, `-k ${dir}`, '-c listen_addresses=127.0.0.1', '-c max_connections=200',
    ...(durable ? [] : ['-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off'])].join(' ');
  run(dir, 'pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-o', options, '-w', '-t', '60', 'start']);
  return {
    host: '127.0.0.1', port, user,
    pid: () => Number(fs.readFileSync(path.join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
    stop() {
      try {
        run(dir, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
