// How long an idle keep-alive connection stays open. Node closes one after 5 s; a proxy that keeps its connections to
// the app servers longer (nginx's upstream keepalive: 60 s) may send a request on one the server is closing at that
// moment, and the user gets a 502 for it: a save is not retried, as a POST is not idempotent. The server must be the
// side that waits longer.

import type { Server } from 'node:http';

/** Longer than nginx's upstream keepalive_timeout (60 s) and the idle timeouts of common load balancers. */
export const KEEP_ALIVE_MS = 65_000;

export function keepConnectionsOpen(server: Server): Server {
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  // A request's headers on a kept connection must be allowed to arrive after the idle wait, never cut short by it.
  server.headersTimeout = KEEP_ALIVE_MS + 1_000;
  return server;
}
