// The database a command works on: the server's, never a new empty one made by a mistyped DUIQI_DB or a command run
// from another folder (it would list no one, or take a user the server never sees), but for the commands that may
// set a database up before the first start (user add, import).

import fs from 'node:fs';
import path from 'node:path';
import { readConfig } from '../config.ts';
import { openStoreAt } from '../db/open-store.ts';
import type { Store } from '../db/store.ts';
import { ValidationError } from '../domain/errors.ts';

export async function openCommandStore(options: { create?: boolean } = {}): Promise<Store> {
  const config = readConfig();
  if (!options.create && config.database === config.dbFile && !fs.existsSync(config.dbFile)) {
    throw new ValidationError(`There is no database ${path.resolve(config.dbFile)}: run duiqi in the server's folder, or set DUIQI_DB (or DUIQI_DATABASE_URL) as the server has it.`,
      'cli.noDatabase', { file: path.resolve(config.dbFile) });
  }
  return openStoreAt(config.database);
}
