// A server or command that cannot open its database says which and why in one line and exits, instead of hanging.

import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, ROOT, startWorkbench } from '../support/start-workbench.ts';
import { tempDir } from '../support/test-server.ts';

let dir: string;
let silent: net.Server;
let silentPort: number;

/** Runs `args` (node's) with `env` and gives up after `ms`: a process still running then has hung. */
async function run(args: string[], env: Record<string, string>, ms = 40_000): Promise<{ code: number | null; stderr: string; hung: boolean }> {
  // The locale variables of the test's own shell are left out too: each case says its language.
  const { DUIQI_DATABASE_URL: _, LC_ALL: _all, LC_MESSAGES: _messages, LANG: _lang, ...inherited } = process.env;
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...inherited, PORT: String(await freePort()), ...env } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let hung = false;
  const timer = setTimeout(() => ((hung = true), child.kill('SIGKILL')), ms);
  return new Promise((resolve) => child.on('close', (code) => (clearTimeout(timer), resolve({ code, stderr, hung }))));
}
const server = (env: Record<string, string>) => run([path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'server/main.ts'], env);
const cli = (env: Record<string, string>) => run([path.join(ROOT, 'bin/duiqi.js'), 'user', 'list'], env);
const ZH = { LANG: 'zh_CN.UTF-8' };

beforeAll(async () => {
  dir = tempDir('duiqi-start-');
  // Accepts connections and never answers, as a wrong port or a stuck host does.
  silent = net.createServer(() => undefined);
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as net.AddressInfo).port;
});
afterAll(() => {
  silent.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('when the database cannot be opened', () => {
  it('when PostgreSQL accepts the connection and never answers then the server and the command give up with one line naming it, without its password', async () => {
    const url = `postgres://duiqi:secret@127.0.0.1:${silentPort}/duiqi`;
    for (const result of await Promise.all([server({ DUIQI_DATABASE_URL: url }), cli({ DUIQI_DATABASE_URL: url })])) {
      expect(result.hung).toBe(false);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Cannot open the database postgres://duiqi:***@127.0.0.1:${silentPort}/duiqi: no answer within 10 s`);
      expect(result.stderr).not.toContain('secret');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
  }, 60_000);

  it('when DUIQI_DB is a folder or not a database then the server says which file and why in one line', async () => {
    const notes = path.join(dir, 'notes.sqlite');
    fs.writeFileSync(notes, 'only words, no database, written long enough to fill the first page of a file\n'.repeat(20));
    const [folder, text] = await Promise.all([server({ DUIQI_DB: dir }), server({ DUIQI_DB: notes })]);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toBe(`duiqi could not start: Cannot open the database ${dir}: the file cannot be opened or made there (is it a folder, or is its folder missing or read-only?).\n`);
    expect(text.code).toBe(1);
    expect(text.stderr).toBe(`duiqi could not start: Cannot open the database ${notes}: the file is not a SQLite database.\n`);
  }, 60_000);

  it('when the environment is Chinese then the server and the command say it in Chinese, the path as it is', async () => {
    const notes = path.join(dir, 'notes-zh.sqlite');
    fs.writeFileSync(notes, 'only words, no database, written long enough to fill the first page of a file\n'.repeat(20));
    const [folder, text, command] = await Promise.all([server({ ...ZH, DUIQI_DB: dir }), server({ ...ZH, DUIQI_DB: notes }), cli({ ...ZH, DUIQI_DB: notes })]);
    expect([folder.code, text.code, command.code]).toEqual([1, 1, 1]);
    expect(folder.stderr).toBe(`duiqi 无法启动：无法打开数据库 ${dir}：无法在那里打开或创建该文件（它是文件夹吗？或者它所在的文件夹不存在或是只读的？）。\n`);
    expect(text.stderr).toBe(`duiqi 无法启动：无法打开数据库 ${notes}：该文件不是 SQLite 数据库。\n`);
    expect(command.stderr).toBe(`duiqi: 无法打开数据库 ${notes}：该文件不是 SQLite 数据库。\n`);
  }, 60_000);

  it('when PostgreSQL does not answer and the environment is Chinese then the server says so in Chinese, without the password', async () => {
    const url = `postgres://duiqi:secret@127.0.0.1:${silentPort}/duiqi`;
    const result = await server({ ...ZH, DUIQI_DATABASE_URL: url });
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`duiqi 无法启动：无法打开数据库 postgres://duiqi:***@127.0.0.1:${silentPort}/duiqi：10 秒内没有响应（PostgreSQL 是否在该主机和端口上运行？）。\n`);
  }, 60_000);
});

describe('when the environment is Chinese', () => {
  it('when the server starts then its start-up lines are Chinese, and a port in use is said in Chinese too', async () => {
    const wb = await startWorkbench({ LC_ALL: 'zh_CN.UTF-8', DUIQI_ADMIN_PASSWORD: 'zh-start-123' });
    try {
      const port = new URL(wb.url).port;
      expect(wb.output()).toContain(`duiqi 正在 http://localhost:${port} 提供服务（数据库 ${wb.dbFile}）`);
      expect(wb.output()).toContain('已从 corpus/ 导入演示语料。');
      expect(wb.output()).toContain('请以 admin 登录，密码为 DUIQI_ADMIN_PASSWORD 中设置的密码。');
      expect(wb.output()).not.toMatch(/is serving|Log in/);
      const second = await server({ ...ZH, PORT: port, DUIQI_DB: path.join(dir, 'second.sqlite') });
      expect(second.code).toBe(1);
      expect(second.stderr).toBe(`端口 ${port} 已被占用：请把 PORT 设为其他端口。\n`);
    } finally {
      await wb.stop();
    }
  }, 120_000);
});
