// The duiqi command line: user and token management, alignment. Refusals exit 2 with one line on stderr.

import { parseArgs } from 'node:util';
import { ConfigError, readConfig } from '../config.ts';
import { openDatabase } from '../db/open-database.ts';
import { accounts } from '../services/accounts.ts';
import { randomToken } from '../domain/passwords.ts';
import { AppError } from '../domain/errors.ts';
import { alignCommand } from './align-command.ts';
import { exportCommand, importCommand } from './transfer-commands.ts';
import { backupCommand } from './backup-command.ts';
import { DEFAULT_LIMITS, LoginThrottle } from '../domain/login-throttle.ts';
import { loginCounters } from '../db/login-counters-repo.ts';

const USAGE = `usage:
  duiqi user add NAME --role admin|reviewer|translator [--password P]
  duiqi token create NAME
  duiqi unlock [--account NAME] [--address IP]
  duiqi align --src-lang zh --tgt-lang en [--presegmented] [--format json] SRC_FILE TGT_FILE
  duiqi import ZH_FILE EN_FILE [--title T]
  duiqi import FILE.tmx|FILE.xlf|FILE.json [--title T]
  duiqi import --memory FILE.tmx
  duiqi export DOC_ID --format tmx|xliff|json [--state all|translated|approved] [-o FILE]
  duiqi backup FILE [--force]`;

class UsageError extends Error {}

async function userAdd(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { role: { type: 'string' }, password: { type: 'string' } } });
  if (positionals.length !== 1 || !values.role) throw new UsageError('user add needs a NAME and --role.');
  const db = openDatabase(readConfig().dbFile);
  try {
    const password = values.password ?? randomToken(12);
    const user = await accounts(db).createUser(positionals[0]!, values.role, password);
    console.log(`Created ${user.role} "${user.name}"${values.password ? '' : ` with the password ${password}`}.`);
    return 0;
  } finally {
    db.close();
  }
}

function tokenCreate(args: string[]): number {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new UsageError('token create needs a user NAME.');
  const db = openDatabase(readConfig().dbFile);
  try {
    console.log(accounts(db).createToken(positionals[0]!));
    return 0;
  } finally {
    db.close();
  }
}

/** Lifts the login wait of an account or an address (shared with running servers through the database). */
function unlock(args: string[]): number {
  const { values } = parseArgs({ args, options: { account: { type: 'string' }, address: { type: 'string' } } });
  if (values.account === undefined && values.address === undefined) throw new UsageError('unlock needs --account NAME or --address IP.');
  const db = openDatabase(readConfig().dbFile);
  try {
    new LoginThrottle(DEFAULT_LIMITS, Date.now, loginCounters(db)).unlock(values);
    console.log(`Unlocked ${[values.account && `the account "${values.account}"`, values.address && `the address ${values.address}`].filter(Boolean).join(' and ')}.`);
    return 0;
  } finally {
    db.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    if (command === 'align') return await alignCommand(argv.slice(1));
    if (command === 'import') return await importCommand(argv.slice(1));
    if (command === 'export') return await exportCommand(argv.slice(1));
    if (command === 'backup') return await backupCommand(argv.slice(1));
    if (command === 'user' && sub === 'add') return await userAdd(rest);
    if (command === 'token' && sub === 'create') return tokenCreate(rest);
    if (command === 'unlock') return unlock(argv.slice(1));
    if (command === undefined || command === 'help' || command === '--help') {
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command "${argv.join(' ')}".`);
  } catch (err) {
    const refused = err instanceof UsageError || err instanceof AppError || err instanceof ConfigError
      || String((err as { code?: string }).code).startsWith('ERR_PARSE_ARGS');
    const hint = err instanceof UsageError ? ' Run "duiqi help" for usage.' : '';
    process.stderr.write(`duiqi: ${(err as Error).message}${hint}\n`);
    return refused ? 2 : 1;
  }
}
