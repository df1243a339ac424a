// A database address is a PostgreSQL URL (postgres://…) or the path of a SQLite file.

/**
 * Connections per PostgreSQL pool. PostgreSQL does most with about twice its cores' worth of statements running at
 * once; more connections only queue inside it and switch between its processes (measured on 2 cores with two app
 * servers: 10 connections each cost 4.0-4.3 ms of database CPU per request, 2-3 each 2.3-2.8 ms, with a lower p99).
 * Four each suits two to four app servers on a database of four to eight cores; DUIQI_DATABASE_POOL sets it.
 */
export const DEFAULT_POOL = 4;

/**
 * How long opening a PostgreSQL connection may take. pg waits for ever by default, so a server that accepts the
 * connection and never answers (a wrong port, a stopped-but-listening host) hung start-up and every command without
 * a word. The stores take a turn before asking the pool (connection-turns.ts), so the pool's queue, which this
 * bounds too, stays empty.
 */
export const CONNECT_TIMEOUT_MS = 10_000;

export const isPostgresUrl = (address: string): boolean => /^postgres(?:ql)?:\/\//i.test(address);

/** The address as a log line may show it: a URL without its password. */
export function shownAddress(address: string): string {
  if (!isPostgresUrl(address)) return address;
  try {
    const url = new URL(address);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'a PostgreSQL database';
  }
}
