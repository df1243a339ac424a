// Process trees from /proc, for the suites and benches that start servers with worker processes.

import fs from 'node:fs';

/** The process ids under `pid`, children before their own children; none once it has gone. */
export function descendants(pid: number): number[] {
  let children: number[] = [];
  try {
    children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
  return children.flatMap((c) => [c, ...descendants(c)]);
}

/** SIGKILL for `pid` and everything under it (tsx runs the server in a child process), resolved once all are gone. */
export async function killTree(pid: number): Promise<void> {
  const all = [pid, ...descendants(pid)];
  for (const p of all.reverse()) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  const alive = (p: number) => {
    try {
      process.kill(p, 0);
      return fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(' ')[2] !== 'Z';
    } catch {
      return false;
    }
  };
  while (all.some(alive)) await new Promise((resolve) => setTimeout(resolve, 20));
}
