// DUIQI_WORKERS: several server processes on one port and one SQLite file, started and stopped as `npm start` does.
import fs from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorkbench, type Workbench } from '../support/start-workbench.ts';
import { Client } from '../support/test-server.ts';
// tsx runs the server in a child of its own, and the workers are that child's children.
import { descendants } from '../support/processes.ts';

const alive = (pid: number) => fs.existsSync(`/proc/${pid}`);

let wb: Workbench;
beforeAll(async () => {
  wb = await startWorkbench({ DUIQI_WORKERS: '2', DUIQI_ADMIN_PASSWORD: 'workers-admin-1' });
}, 120_000);
afterAll(() => wb?.stop());

describe('two server processes', () => {
  it('when started with DUIQI_WORKERS=2 then it says so once, imports the demo once and serves from two processes', async () => {
    await expect.poll(() => wb.output(), { timeout: 60_000, interval: 100 }).toContain('Log in as admin');
    expect(wb.output()).toMatch(/is serving http:\/\/localhost:\d+ \(database .*, 2 processes\)/);
    expect(wb.output().match(/Imported the demo corpus/g)).toHaveLength(1);
    const processes = descendants(wb.pid);
    // tsx's own node process, the primary under it, and two workers.
    expect(processes.length).toBeGreaterThanOrEqual(3);
    const res = await fetch(`${wb.url}/healthz`);
    expect(res.status).toBe(200);
  });

  it('when edits go through fresh connections (so through both processes) then none is lost and each sees the others', async () => {
    const c = new Client(wb.url);
    expect((await c.login('admin', 'workers-admin-1')).status).toBe(303);
    await c.get('/documents');
    const docs = (await c.get('/api/documents')).json() as { id: number }[];
    const pairs = (await c.get(`/api/documents/${docs[0]!.id}/pairs`)).json() as { id: number; version: number; noise: boolean }[];
    const pair = pairs.find((p) => !p.noise)!;
    let version = pair.version;
    for (let i = 0; i < 20; i++) {
      const res = await c.request('PUT', `/api/pairs/${pair.id}`, { json: { tgt: `Edit ${i}: 对齐 “quotes” 𠀀.`, version }, headers: { 'X-CSRF-Token': c.csrf, connection: 'close' } });
      expect(res.status).toBe(200);
      version = res.json().version;
    }
    const history = (await c.get(`/api/pairs/${pair.id}/history`)).json() as unknown[];
    expect(history.length).toBeGreaterThanOrEqual(20);
    const stale = await c.request('PUT', `/api/pairs/${pair.id}`, { json: { tgt: 'stale', version: pair.version }, headers: { 'X-CSRF-Token': c.csrf } });
    expect(stale.status).toBe(409);
  });

  it('when a kept-alive connection has been idle past Node\'s 5 s then the server still answers on it, as a proxy expects', async () => {
    // nginx keeps its connections to the app servers for 60 s: one the server closed first turned a request into a 502.
    const { hostname, port } = new URL(wb.url);
    const socket = net.connect(Number(port), hostname === 'localhost' ? '127.0.0.1' : hostname);
    let received = '';
    socket.on('data', (d) => (received += d));
    const ended = new Promise<string>((resolve) => socket.on('close', () => resolve('closed')));
    const ask = () => socket.write(`GET /healthz HTTP/1.1\r\nHost: ${hostname}\r\nConnection: keep-alive\r\n\r\n`);
    const answers = () => received.match(/HTTP\/1\.1 200/g)?.length ?? 0;
    ask();
    await expect.poll(answers, { timeout: 10_000 }).toBe(1);
    expect(received).toMatch(/Keep-Alive: timeout=65/i);
    const idle = await Promise.race([ended, new Promise<string>((resolve) => setTimeout(() => resolve('open'), 6_500))]);
    expect(idle).toBe('open');
    ask();
    await expect.poll(answers, { timeout: 10_000 }).toBe(2);
    socket.destroy();
  }, 30_000);

  it('when the server gets SIGTERM then every process ends', async () => {
    const processes = descendants(wb.pid);
    await wb.stop();
    // Workers end just after their primary; a loaded machine can take seconds to schedule them.
    await expect.poll(() => processes.filter(alive), { timeout: 60_000, interval: 100 }).toEqual([]);
  });
});
