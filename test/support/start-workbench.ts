// Starts the workbench exactly as `npm start` does, on a temporary database and a free port.

import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import fs from 'node:fs';
import { tempDir } from './test-server.ts';

export const ROOT = path.resolve(import.meta.dirname, '../..');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export interface Workbench {
  url: string;
  dbFile: string;
  pid: number;
  output: () => string;
  stop(): Promise<void>;
}

export async function startWorkbench(env: Record<string, string> = {}): Promise<Workbench> {
  const dir = tempDir('duiqi-wb-');
  const port = await freePort();
  const dbFile = path.join(dir, 'duiqi.sqlite');
  const child: ChildProcess = spawn(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'server/main.ts'], {
    cwd: ROOT, env: { ...process.env, PORT: String(port), DUIQI_DB: dbFile, ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`workbench did not start:\n${out}`)), 150_000);
    child.stdout!.on('data', () => {
      // The address, in whichever language the environment gives the start-up line.
      if (out.includes(`http://localhost:${port}`)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`workbench exited with ${code}:\n${out}`));
    });
  });
  return {
    url: `http://localhost:${port}`, dbFile, pid: child.pid!, output: () => out,
    async stop() {
      // A process ended by a signal has no exit code but a signal code: it has exited all the same.
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
