// The duiqi command line: user and token management, alignment. Refusals exit 2 with one line on stderr.

import { parseArgs } from 'node:util';
import { ConfigError, readConfig } from '../config.ts';
import { AppError } from '../domain/errors.ts';

const USAGE = `usage:
  duiqi user add NAME --role admin|reviewer|translator [--password P]
  duiqi token create NAME
  duiqi unlock [--account NAME] [--address IP]
  duiqi align --src-lang zh --tgt-lang en [--presegmented] [--format json] SRC_FILE TGT_FILE
  duiqi align [--presegmented] [--format json] --batch JOBS.tsv   (SOURCE<TAB>TARGET<TAB>OUTPUT per line)
  duiqi import ZH_FILE EN_FILE [--title T] [--human]
  duiqi import FILE.tmx|FILE.xlf|FILE.json [--title T]
  duiqi import --memory FILE.tmx
  duiqi export DOC_ID --format tmx|xliff|json [--state all|translated|approved] [-o FILE]
  duiqi backup FILE [--force]`;

class UsageError extends Error {}

// Each command loads its own modules: `duiqi align` must start fast, and needs no database.
const database = async () => ({
  ...(await import('../db/sqlite-store.ts')),
  ...(await import('../services/accounts.ts')),
  ...(await import('../domain/passwords.ts')),
});

async function userAdd(args: string[]): Promise<number> {
  const { openStore, accounts, randomToken } = await database();
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { role: { type: 'string' }, password: { type: 'string' } } });
  if (positionals.length !== 1 || !values.role) throw new UsageError('user add needs a NAME and --role.');
  const store = openStore(readConfig().dbFile);
  try {
    const password = values.password ?? randomToken(12);
    const user = await accounts(store).createUser(positionals[0]!, values.role, password);
    console.log(`Created ${user.role} "${user.name}"${values.password ? '' : ` with the password ${password}`}.`);
    return 0;
  } finally {
    await store.close();
  }
}

async function tokenCreate(args: string[]): Promise<number> {
  const { openStore, accounts } = await database();
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (positionals.length !== 1) throw new UsageError('token create needs a user NAME.');
  const store = openStore(readConfig().dbFile);
  try {
    console.log(await accounts(store).createToken(positionals[0]!));
    return 0;
  } finally {
    await store.close();
  }
}

/** Lifts the login wait of an account or an address (shared with running servers through the database). */
async function unlock(args: string[]): Promise<number> {
  const { openStore } = await database();
  const { DEFAULT_LIMITS, LoginThrottle } = await import('../domain/login-throttle.ts');
  const { storedCounters } = await import('../services/login-counters.ts');
  const { values } = parseArgs({ args, options: { account: { type: 'string' }, address: { type: 'string' } } });
  if (values.account === undefined && values.address === undefined) throw new UsageError('unlock needs --account NAME or --address IP.');
  const store = openStore(readConfig().dbFile);
  try {
    await new LoginThrottle(DEFAULT_LIMITS, Date.now, storedCounters(store)).unlock(values);
    console.log(`Unlocked ${[values.account && `the account "${values.account}"`, values.address && `the address ${values.address}`].filter(Boolean).join(' and ')}.`);
    return 0;
  } finally {
    await store.close();
  }
}

export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  try {
    if (command === 'align') return await (await import('./align-command.ts')).alignCommand(argv.slice(1));
    if (command === 'import') return await (await import('./transfer-commands.ts')).importCommand(argv.slice(1));
    if (command === 'export') return await (await import('./transfer-commands.ts')).exportCommand(argv.slice(1));
    if (command === 'backup') return await (await import('./backup-command.ts')).backupCommand(argv.slice(1));
    if (command === 'user' && sub === 'add') return await userAdd(rest);
    if (command === 'token' && sub === 'create') return await tokenCreate(rest);
    if (command === 'unlock') return await unlock(argv.slice(1));
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
