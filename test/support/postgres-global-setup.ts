// Vitest global setup: one PostgreSQL cluster for the whole run, when its programs are installed.

import type { TestProject } from 'vitest/node';
import { postgresBinaries, startCluster, type ClusterInfo } from './postgres-cluster.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The cluster's address, or why there is none. */
    postgres: ClusterInfo | { missing: string };
  }
}

export default async function setup(project: TestProject) {
  const bin = postgresBinaries();
  if (!bin) {
    project.provide('postgres', { missing: 'PostgreSQL is not installed (no initdb and pg_ctl in POSTGRES_BIN, /usr/lib/postgresql/*/bin or on PATH)' });
    return;
  }
  const cluster = await startCluster(bin);
  project.provide('postgres', { host: cluster.host, port: cluster.port, user: cluster.user });
  return () => cluster.stop();
}
