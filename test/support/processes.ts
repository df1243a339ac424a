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
