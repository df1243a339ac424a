// nginx in front of app servers on this machine, from a configuration of its own in a temporary folder: for
// `npm run cluster` and the PostgreSQL load bench. Any server may answer any request (no sticky sessions).

import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface NginxFront {
  child: ChildProcess;
  stop(): Promise<void>;
}

function config(dir: string, port: number, upstreams: number[]): string {
  return `daemon off;
pid ${dir}/nginx.pid;
error_log stderr;
worker_processes auto;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${dir}/body;
  proxy_temp_path ${dir}/proxy;
  client_max_body_size 20m;
  upstream duiqi { ${upstreams.map((p) => `server 127.0.0.1:${p};`).join(' ')} keepalive 32; }
  # nginx closes a client's keep-alive connection after 1,000 requests by default; autocannon, reconnecting, kept
  # the old request open beside a new one, so a long load run ended with two to three times its connections.
  keepalive_requests 1000000;
  server {
    listen ${port};
    location / {
      proxy_pass http://duiqi;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      proxy_read_timeout 300s;
    }
  }
}
`;
}

/** Starts nginx on `port` in front of the app servers on `upstreams`; resolves once it accepts connections. */
export async function startNginx(port: number, upstreams: number[]): Promise<NginxFront> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'duiqi-nginx-'));
  // Started as root, nginx's workers run as nobody: they must reach the folder and write its temporary files.
  for (const sub of ['body', 'proxy']) fs.mkdirSync(path.join(dir, sub));
  if (process.getuid?.() === 0) {
    fs.chmodSync(dir, 0o755);
    execFileSync('chown', ['nobody', path.join(dir, 'body'), path.join(dir, 'proxy')]);
  }
  const file = path.join(dir, 'nginx.conf');
  fs.writeFileSync(file, config(dir, port, upstreams));
  const child = spawn('nginx', ['-p', dir, '-c', file], { stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (let i = 0; !(await fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.ok, () => false)); i++) {
    if (child.exitCode !== null || i > 100) throw new Error(`nginx did not start (exit code ${child.exitCode})`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    async stop() {
      child.kill('SIGTERM');
      if (child.exitCode === null) await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
