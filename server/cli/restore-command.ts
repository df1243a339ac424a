// `duiqi restore FILE --force`: puts a copy `duiqi backup` made back in place of the SQLite file, with every server stopped.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { readConfig } from '../config.ts';
import { readMigrations } from '../db/migrate.ts';
import { backupVersion, restoreDatabase, settleUnused } from '../db/restore-database.ts';
import { ValidationError } from '../domain/errors.ts';
import { sameFile } from './same-file.ts';
import { say } from './cli-messages.ts';

/**
 * Checks FILE is a whole duiqi database this version can open, that no server has DUIQI_DB open, then replaces
 * DUIQI_DB by FILE's contents. A backup of an older version is migrated by the next start.
 */
export async function restoreCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new ValidationError('restore needs one FILE, a copy made by duiqi backup.', 'cli.restoreNeeds');
  const config = readConfig();
  if (config.database !== config.dbFile) {
    throw new ValidationError('restore puts back a SQLite file; restore a PostgreSQL database with pg_restore (see "Running for a team" in the README).', 'cli.restoreSqliteOnly');
  }
  const name = positionals[0]!;
  const backup = path.resolve(positionals[0]!);
  const target = path.resolve(config.dbFile);
  if (!fs.existsSync(backup)) throw new ValidationError(`There is no file "${name}".`, 'cli.noFile', { name });
  if (sameFile(backup, target)) throw new ValidationError(`"${name}" is the database itself.`, 'cli.restoreIsDatabase', { name });
  const version = backupVersion(backup, name);
  const known = Math.max(...readMigrations().map((m) => m.version));
  if (version > known) throw new ValidationError(`"${name}" was made by a newer duiqi (migration ${version}; this one knows up to ${known}).`, 'cli.restoreNewer', { name, version, known });
  if (fs.existsSync(target)) {
    if (!values.force) throw new ValidationError(`restore replaces everything in ${target}; add --force (and make a backup of it first if you may want it back).`, 'cli.restoreForce', { file: target });
    if (!settleUnused(target)) console.log(await say('cli.movedAside', { file: target, aside: moveAside(target) }));
  } else if (!fs.statSync(path.dirname(target), { throwIfNoEntry: false })?.isDirectory()) {
    throw new ValidationError(`Cannot write ${target}: there is no directory ${path.dirname(target)}.`, 'cli.noDirectory', { name: target, dir: path.dirname(target) });
  }
  await restoreDatabase(backup, target);
  console.log(await say('cli.restored', { file: target, backup }));
  return 0;
}

/** An unreadable database (the very one a restore is for) is kept beside, with its log, rather than written over; answers where. */
function moveAside(target: string): string {
  const aside = `${target}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal', '-shm']) {
    if (fs.existsSync(target + suffix)) fs.renameSync(target + suffix, aside + suffix);
  }
  return aside;
}
