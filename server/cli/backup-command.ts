// `duiqi backup FILE`: a consistent copy of the live database through SQLite's online backup, safe while the server writes.

import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { copyDatabase } from '../db/backup-database.ts';
import { sameFile } from './same-file.ts';
import { readConfig } from '../config.ts';
import { ValidationError } from '../domain/errors.ts';
import { say } from './cli-messages.ts';
import { replaceFile } from './replace-file.ts';

/**
 * Copies the database DUIQI_DB names to FILE. The copy is written beside FILE under a temporary
 * name and renamed when complete (replace-file.ts), so FILE is never a half copy, nor is one left when interrupted; an existing FILE needs --force.
 */
export async function backupCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { force: { type: 'boolean' } } });
  if (positionals.length !== 1) throw new ValidationError('backup needs one FILE to write the copy to.', 'cli.backupNeeds');
  const target = path.resolve(positionals[0]!);
  const name = positionals[0]!;
  if (fs.existsSync(target) && !values.force) throw new ValidationError(`"${name}" exists already; add --force to replace it.`, 'cli.backupExists', { name });
  if (!fs.statSync(path.dirname(target), { throwIfNoEntry: false })?.isDirectory()) {
    throw new ValidationError(`Cannot write "${name}": there is no directory ${path.dirname(target)}.`, 'cli.noDirectory', { name, dir: path.dirname(target) });
  }
  const config = readConfig();
  if (config.database !== config.dbFile) {
    throw new ValidationError('backup copies a SQLite file; back up a PostgreSQL database with pg_dump (see "Running for a team" in the README).', 'cli.backupSqliteOnly');
  }
  const source = config.dbFile;
  if (!fs.existsSync(source)) throw new ValidationError(`There is no database "${source}" to back up.`, 'cli.backupNoDatabase', { file: source });
  // Renamed over the database itself, the copy would take the file from under the server, which writes on to the old one.
  if (sameFile(source, target)) throw new ValidationError(`"${name}" is the database itself: name another file for the copy.`, 'cli.backupIsDatabase', { name });
  try {
    await replaceFile(target, (temp) => copyDatabase(source, temp));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EISDIR' || code === 'SQLITE_CANTOPEN') {
      throw new ValidationError(`Cannot write "${name}" (${code}).`, 'cli.cannotWrite', { name, code });
    }
    throw err;
  }
  console.log(await say('cli.backedUp', { source, target }));
  return 0;
}
