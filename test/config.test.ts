import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../server/config.ts';
import { ROOT } from './support/start-workbench.ts';

describe('configuration', () => {
  it('when nothing is set then the defaults apply', () => {
    expect(readConfig({})).toMatchObject({ port: 3000, dbFile: 'data/duiqi.sqlite', database: 'data/duiqi.sqlite', adminPassword: undefined, mtUrl: undefined });
  });

  it('when DUIQI_DATABASE_URL names a PostgreSQL database then it is the database, whatever DUIQI_DB says', () => {
    expect(readConfig({ DUIQI_DATABASE_URL: 'postgres://duiqi:secret@db:5432/duiqi', DUIQI_DB: 'x.sqlite' }))
      .toMatchObject({ database: 'postgres://duiqi:secret@db:5432/duiqi', dbFile: 'x.sqlite' });
    expect(readConfig({ DUIQI_DATABASE_URL: 'postgresql://db/duiqi' }).database).toBe('postgresql://db/duiqi');
  });

  it('when hosts are allowed for page import then each host:port is kept', () => {
    expect(readConfig({ DUIQI_FETCH_ALLOW: ' 127.0.0.1:8080, [::1]:3000,pages.test:80 ', DUIQI_FETCH_TIMEOUT: '2500' }))
      .toMatchObject({ fetchAllow: ['127.0.0.1:8080', '[::1]:3000', 'pages.test:80'], fetchTimeoutMs: 2500 });
    expect(readConfig({})).toMatchObject({ fetchAllow: [], fetchTimeoutMs: 15000 });
  });

  it('when the job times are set then PostgreSQL mode takes a job for lost after them; unset, after 15 minutes, looked for every minute', () => {
    expect(readConfig({ DUIQI_JOB_EXPIRE: '4', DUIQI_JOB_MAINTENANCE: '1' }).jobTimes).toEqual({ expireSeconds: 4, maintenanceSeconds: 1 });
    expect(readConfig({}).jobTimes).toEqual({ expireSeconds: 900, maintenanceSeconds: 60 });
  });

  it('when DUIQI_DATABASE_POOL is set then each server keeps that many PostgreSQL connections; unset, four', () => {
    expect(readConfig({ DUIQI_DATABASE_POOL: '3' }).databasePool).toBe(3);
    expect(readConfig({}).databasePool).toBe(4);
  });

  it('when DUIQI_LIVE_POLL_MS is set then open document pages ask that often; unset, every 12 s', () => {
    expect(readConfig({ DUIQI_LIVE_POLL_MS: '500' }).livePollMs).toBe(500);
    expect(readConfig({}).livePollMs).toBe(12000);
  });

  it.each([
    [{ DUIQI_DATABASE_POOL: '1' }, 'DUIQI_DATABASE_POOL must be a whole number of connections from 2 to 100, not "1".'],
    [{ PORT: 'abc' }, 'PORT must be a whole number from 1 to 65535, not "abc".'],
    [{ PORT: '70000' }, 'PORT must be a whole number from 1 to 65535, not "70000".'],
    [{ DUIQI_DB: '' }, 'DUIQI_DB must name a file, not be empty.'],
    [{ DUIQI_DATABASE_URL: 'mysql://db/duiqi' }, 'DUIQI_DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/duiqi), not another kind of address.'],
    [{ DUIQI_ADMIN_PASSWORD: 'short' }, 'DUIQI_ADMIN_PASSWORD must have at least 8 characters.'],
    [{ DUIQI_MT_URL: 'ftp://x' }, 'DUIQI_MT_URL must be an http(s) URL, not "ftp://x".'],
    [{ DUIQI_TRUST_PROXY: 'true' }, 'DUIQI_TRUST_PROXY must be a number of proxies from 1 to 10 or their addresses (loopback, 10.0.0.1, 172.16.0.0/12 …), not "true".'],
    [{ DUIQI_TRUST_PROXY: '10.0.0.0/33' }, 'DUIQI_TRUST_PROXY must be a number of proxies'],
    [{ DUIQI_TRUST_PROXY: '0' }, 'DUIQI_TRUST_PROXY must be a number of proxies'],
    [{ DUIQI_FETCH_ALLOW: '127.0.0.1:8080,localhost' }, 'DUIQI_FETCH_ALLOW must list host:port entries separated by commas; "localhost" is not one.'],
    [{ DUIQI_FETCH_TIMEOUT: '5s' }, 'DUIQI_FETCH_TIMEOUT must be a whole number of milliseconds from 100 to 600000, not "5s".'],
    [{ DUIQI_JOB_EXPIRE: '0' }, 'DUIQI_JOB_EXPIRE must be a whole number of seconds from 1 to 86400, not "0".'],
    [{ DUIQI_LIVE_POLL_MS: '50' }, 'DUIQI_LIVE_POLL_MS must be a whole number of milliseconds from 200 to 600000, not "50".'],
    [{ DUIQI_JOB_MAINTENANCE: '1m' }, 'DUIQI_JOB_MAINTENANCE must be a whole number of seconds from 1 to 86400, not "1m".'],
  ])('when %j then readConfig refuses with one sentence', (env, message) => {
    expect(() => readConfig(env)).toThrow(message);
  });

  it.each([
    [undefined, undefined], ['', undefined], ['1', 1], ['loopback', 'loopback'], ['loopback, 10.0.0.0/8, ::1', 'loopback, 10.0.0.0/8, ::1'],
  ])('when DUIQI_TRUST_PROXY is %j then trust proxy is %j', (value, expected) => {
    expect(readConfig(value === undefined ? {} : { DUIQI_TRUST_PROXY: value }).trustProxy).toBe(expected);
  });

  it('when the server starts with an invalid PORT then it stops with exactly that line', () => {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'), 'server/main.ts'], {
      cwd: ROOT, env: { ...process.env, PORT: 'abc' }, encoding: 'utf8',
    });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('PORT must be a whole number from 1 to 65535, not "abc".');
    expect(r.stdout).toBe('');
  });
});
