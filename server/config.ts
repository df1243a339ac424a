// Reads and checks the environment; an invalid value stops start-up with one clear line.

import { isIP } from 'node:net';
import { DEFAULT_POOL, isPostgresUrl } from './db/database-address.ts';
import { charCount } from './domain/text-length.ts';

export interface Config {
  port: number;
  dbFile: string;
  /** Where the data lives: the PostgreSQL URL DUIQI_DATABASE_URL names, or else the SQLite file. */
  database: string;
  /** PostgreSQL mode: the connections this server's requests share (DUIQI_DATABASE_POOL; at least 2, as `Store.alone` holds one while its work uses another). */
  databasePool: number;
  adminPassword: string | undefined;
  /** A LibreTranslate-compatible server; without one the offline gloss engine drafts. */
  mtUrl: string | undefined;
  mtKey: string | undefined;
  /** The largest uploaded file accepted, in bytes; a larger one is refused with 413. */
  maxUpload: number;
  /** Server processes sharing the port. */
  workers: number;
  /** Express `trust proxy`: a number of proxy hops, or the proxies' addresses; undefined trusts none. */
  trustProxy: number | string | undefined;
  /** "host:port" entries that page import may fetch from although they are not public addresses. */
  fetchAllow: string[];
  /** How long fetching a page for import may take, in milliseconds. */
  fetchTimeoutMs: number;
  /** PostgreSQL mode: when a job's server is taken to be dead, and how often servers look (DUIQI_JOB_EXPIRE, DUIQI_JOB_MAINTENANCE, seconds). */
  jobTimes: JobTimes;
  /** From how many pairs exports are jobs, and how long their files are kept (DUIQI_EXPORT_JOB_ROWS, DUIQI_EXPORT_KEEP_HOURS). */
  exportJobs: ExportJobSettings;
  /** How often an open document page asks what others changed, in milliseconds (DUIQI_LIVE_POLL_MS). */
  livePollMs: number;
}

/** Every 12 s: others' saves show within a few seconds of reading, and a team's open pages ask little (one statement when nothing changed). */
export const DEFAULT_LIVE_POLL_MS = 12_000;

/** A setting that cannot be used: the English sentence for the log, and its key for a reader's language (the command line). */
export class ConfigError extends Error {
  constructor(message: string, readonly key?: string, readonly params?: Record<string, unknown>) {
    super(message);
  }
}

/**
 * PostgreSQL mode (pg-boss): a job still active `expireSeconds` after it began is handed to another server (pg-boss 10
 * has no heartbeat, so it must be longer than the longest job); some server looks every `maintenanceSeconds`. A job
 * whose server died is handed on sooner, when its run lock is gone (services/job-runners.ts).
 */
export interface JobTimes {
  expireSeconds: number;
  maintenanceSeconds: number;
}
export const DEFAULT_JOB_TIMES: JobTimes = { expireSeconds: 15 * 60, maintenanceSeconds: 60 };

export interface ExportJobSettings {
  /** A document with more pairs than this is exported by a job. */
  jobRows: number;
  /** An export job's file is removed this many hours after it was made. */
  keepHours: number;
}
export const DEFAULT_EXPORT_JOB_SETTINGS: ExportJobSettings = { jobRows: 2000, keepHours: 24 };

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** Hops ("1") or addresses and subnets ("loopback, 10.0.0.0/8"); never "true", which would let any client name its own address. */
function trustProxyOf(text: string | undefined): number | string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops >= 1 && hops <= 10) return hops;
  } else if (text.split(',').map((t) => t.trim()).every((t) => PROXY_NAMES.has(t) || isSubnet(t))) {
    return text;
  }
  throw new ConfigError(`DUIQI_TRUST_PROXY must be a number of proxies from 1 to 10 or their addresses (loopback, 10.0.0.1, 172.16.0.0/12 …), not "${text}".`,
    'config.trustProxy', { value: text });
}

function isSubnet(text: string): boolean {
  const [address = '', prefix, ...rest] = text.split('/');
  const family = isIP(address);
  return family !== 0 && rest.length === 0 && (prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)));
}

export const DEFAULT_MAX_UPLOAD = 20 * 1024 * 1024;
export const DEFAULT_FETCH_TIMEOUT_MS = 15_000;

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 1 || port > 65535) {
    throw new ConfigError(`PORT must be a whole number from 1 to 65535, not "${portText}".`, 'config.port', { value: portText });
  }
  const dbFile = env.DUIQI_DB ?? 'data/duiqi.sqlite';
  if (!dbFile.trim()) throw new ConfigError('DUIQI_DB must name a file, not be empty.', 'config.dbEmpty');
  const databaseUrl = env.DUIQI_DATABASE_URL || undefined;
  if (databaseUrl !== undefined && !isPostgresUrl(databaseUrl)) {
    throw new ConfigError('DUIQI_DATABASE_URL must be a PostgreSQL URL (postgres://user:password@host:5432/duiqi), not another kind of address.', 'config.databaseUrl');
  }
  const databasePool = wholeNumber(env.DUIQI_DATABASE_POOL, 'DUIQI_DATABASE_POOL', DEFAULT_POOL, 2, 100, ['connections', 'config.wholeConnections']);
  const adminPassword = env.DUIQI_ADMIN_PASSWORD;
  if (adminPassword !== undefined && charCount(adminPassword) < 8) {
    throw new ConfigError('DUIQI_ADMIN_PASSWORD must have at least 8 characters.', 'config.adminPassword');
  }
  const mtUrl = env.DUIQI_MT_URL || undefined;
  if (mtUrl && !/^https?:\/\/[^\s]+$/.test(mtUrl)) throw new ConfigError(`DUIQI_MT_URL must be an http(s) URL, not "${mtUrl}".`, 'config.mtUrl', { value: mtUrl });
  const maxUploadText = env.DUIQI_MAX_UPLOAD ?? String(DEFAULT_MAX_UPLOAD);
  const maxUpload = Number(maxUploadText);
  if (!/^\d+$/.test(maxUploadText) || !Number.isSafeInteger(maxUpload) || maxUpload < 1) {
    throw new ConfigError(`DUIQI_MAX_UPLOAD must be a whole number of bytes from 1, not "${maxUploadText}".`, 'config.maxUpload', { value: maxUploadText });
  }
  const workersText = env.DUIQI_WORKERS ?? '1';
  const workers = Number(workersText);
  if (!/^\d+$/.test(workersText) || workers < 1 || workers > 64) {
    throw new ConfigError(`DUIQI_WORKERS must be a whole number of processes from 1 to 64, not "${workersText}".`, 'config.workers', { value: workersText });
  }
  const fetchAllow = (env.DUIQI_FETCH_ALLOW ?? '').split(',').map((h) => h.trim()).filter(Boolean);
  const badHost = fetchAllow.find((h) => !/^(?:\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+):\d{1,5}$/.test(h));
  if (badHost) throw new ConfigError(`DUIQI_FETCH_ALLOW must list host:port entries separated by commas; "${badHost}" is not one.`, 'config.fetchAllow', { value: badHost });
  const timeoutText = env.DUIQI_FETCH_TIMEOUT ?? String(DEFAULT_FETCH_TIMEOUT_MS);
  const fetchTimeoutMs = Number(timeoutText);
  if (!/^\d+$/.test(timeoutText) || fetchTimeoutMs < 100 || fetchTimeoutMs > 600_000) {
    throw new ConfigError(`DUIQI_FETCH_TIMEOUT must be a whole number of milliseconds from 100 to 600000, not "${timeoutText}".`, 'config.fetchTimeout', { value: timeoutText });
  }
  const jobTimes = {
    expireSeconds: seconds(env.DUIQI_JOB_EXPIRE, 'DUIQI_JOB_EXPIRE', DEFAULT_JOB_TIMES.expireSeconds),
    maintenanceSeconds: seconds(env.DUIQI_JOB_MAINTENANCE, 'DUIQI_JOB_MAINTENANCE', DEFAULT_JOB_TIMES.maintenanceSeconds),
  };
  const exportJobs = {
    jobRows: wholeNumber(env.DUIQI_EXPORT_JOB_ROWS, 'DUIQI_EXPORT_JOB_ROWS', DEFAULT_EXPORT_JOB_SETTINGS.jobRows, 0, 10_000_000, ['pairs', 'config.wholePairs']),
    keepHours: wholeNumber(env.DUIQI_EXPORT_KEEP_HOURS, 'DUIQI_EXPORT_KEEP_HOURS', DEFAULT_EXPORT_JOB_SETTINGS.keepHours, 1, 24 * 365, ['hours', 'config.wholeHours']),
  };
  const livePollMs = wholeNumber(env.DUIQI_LIVE_POLL_MS, 'DUIQI_LIVE_POLL_MS', DEFAULT_LIVE_POLL_MS, 200, 600_000, ['milliseconds', 'config.wholeMilliseconds']);
  return {
    port, dbFile, database: databaseUrl ?? dbFile, databasePool, adminPassword, mtUrl, mtKey: env.DUIQI_MT_KEY || undefined, maxUpload, workers,
    trustProxy: trustProxyOf(env.DUIQI_TRUST_PROXY), fetchAllow, fetchTimeoutMs, jobTimes, exportJobs, livePollMs,
  };
}

/** A whole number of seconds from 1 to a day (pg-boss's limits for both). */
function seconds(text: string | undefined, name: string, fallback: number): number {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!/^\d+$/.test(text) || n < 1 || n > 86_400) {
    throw new ConfigError(`${name} must be a whole number of seconds from 1 to 86400, not "${text}".`, 'config.seconds', { name, value: text });
  }
  return n;
}

/** `unit`: its English word, and the key of the sentence that says it in another language. */
function wholeNumber(text: string | undefined, name: string, fallback: number, min: number, max: number, [unit, key]: [string, string]): number {
  if (text === undefined || text === '') return fallback;
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= min && n <= max)) throw new ConfigError(`${name} must be a whole number of ${unit} from ${min} to ${max}, not "${text}".`, key, { name, min, max, value: text });
  return n;
}
