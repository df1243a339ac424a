// Whether two paths name one file, through links and relative paths alike: the database and a copy of it must differ.

import fs from 'node:fs';

/** `a` exists; `b` may not (then they differ). */
export function sameFile(a: string, b: string): boolean {
  const [x, y] = [fs.statSync(a), fs.statSync(b, { throwIfNoEntry: false })];
  return y !== undefined && x.dev === y.dev && x.ino === y.ino;
}
