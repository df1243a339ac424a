// The duiqi command line: user and token management, documents, alignment. Refusals exit 2 with one line on stderr.

import { parseArgs } from 'node:util';
import { AppError, ValidationError } from '../domain/errors.ts';
import { exitCodeOf } from './exit-code.ts';
import type { Store } from '../db/store.ts';
import { refusalLine, say } from './cli-messages.ts';

export { exitCodeOf };

// The commands as they are typed stay as they are in every language; the heading and the notes beside some of them
// are the reader's (cli.usage…).
const USAGE: readonly (readonly [string, string?])[] = [
  ['duiqi user add NAME --role admin|reviewer|translator [--password P]'],
  ['duiqi user list'],
  ['duiqi user role NAME admin|reviewer|translator'],
  ['duiqi user deactivate NAME | duiqi user reactivate NAME'],
  ['duiqi user reset NAME', 'cli.usageReset'],
  ['duiqi token create NAME [--name LABEL]'],
  ['duiqi unlock [--account NAME] [--address IP]'],
  ['duiqi align --src-lang zh --tgt-lang en [--presegmented] [--format json] SRC_FILE TGT_FILE'],
  ['duiqi align [--presegmented] [--format json] --batch JOBS.tsv', 'cli.usageBatch'],
  ['duiqi import ZH_FILE [EN_FILE] [--title T] [--human]', 'cli.usageImportAlone'],
  ['duiqi import FILE.tmx|FILE.xlf|FILE.json [--title T]'],
  ['duiqi import --memory FILE.tmx'],
  ['duiqi export DOC_ID --format tmx|xliff|xliff12|json [--state all|translated|approved] [-o FILE]'],
  ['duiqi export --memory [-o FILE]'],
  ['duiqi glossary import FILE.csv|FILE.tbx'],
  ['duiqi glossary export [--format csv|tbx] [-o FILE]'],
  ['duiqi backup FILE [--force]'],
  ['duiqi restore FILE --force', 'cli.usageRestore'],
  ['duiqi documents list [--state archived|trash] [--q TEXT] [--sort title|activity|progress] [--dir asc|desc]'],
  ['duiqi documents rename ID TITLE | archive ID | unarchive ID | delete ID | restore ID | purge ID | empty-trash'],
];

/** The usage text in the environment's language, each note in a column after its command (or three spaces after a long one). */
async function usage(): Promise<string> {
  const lines = await Promise.all(USAGE.map(async ([command, note]) =>
    `  ${command}${note ? `${' '.repeat(Math.max(3, 44 - command.length))}${await say(note)}` : ''}`));
  return [await say('cli.usageHeading'), ...lines].join('\n');
}

/** A command line that names no command duiqi knows, or leaves out what one needs: the refusal ends with where usage is. */
class UsageError extends ValidationError {}

// Each command loads its own modules: `duiqi align` must start fast, and needs no database.
const database = async () => ({
  ...(await import('./command-store.ts')),
  ...(await import('../services/accounts.ts')),
  ...(await import('../services/user-admin.ts')),
});

async function userAdd(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { role: { type: 'string' }, password: { type: 'string' } } });
  if (positionals.length !== 1 || !values.role) throw new UsageError('user add needs a NAME and --role.', 'cli.userAddNeeds');
  return withStore(async ({ store, accounts }) => {
    const user = await accounts(store).createUser(positionals[0]!, values.role!, values.password);
    const { role, name, oneTimePassword: password } = user;
    console.log(await (password ? say('cli.createdWithPassword', { role, name, password }) : say('cli.created', { role, name })));
  }, { create: true });
}

type Modules = Awaited<ReturnType<typeof database>> & { store: Store };

/** Opens the store for one command and closes it whatever happens; only `create` may make a new SQLite file. */
async function withStore(run: (modules: Modules) => Promise<void>, options = { create: false }): Promise<number> {
  const modules = await database();
  const store = await modules.openCommandStore(options);
  try {
    await run({ ...modules, store });
    return 0;
  } finally {
    await store.close();
  }
}

function oneName(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`user ${command} needs one user NAME.`, 'cli.userNeedsName', { command });
  return positionals[0]!;
}

/** duiqi user list|role|deactivate|reactivate|reset: what the admin page does, by name. */
async function userManage(command: string, args: string[]): Promise<number> {
  const { positionals } = parseArgs({ args, allowPositionals: true, options: {} });
  if (command === 'list') {
    if (positionals.length) throw new UsageError('user list takes no arguments.', 'cli.userListNoArguments');
    return withStore(async ({ store, userAdmin }) => {
      for (const u of await userAdmin(store).list()) {
        console.log([u.name, u.role, u.active ? 'active' : 'deactivated', u.lastLoginAt ?? 'never signed in'].join('\t'));
      }
    });
  }
  if (command === 'role') {
    if (positionals.length !== 2) throw new UsageError('user role needs a NAME and a ROLE.', 'cli.userRoleNeeds');
    return withStore(async ({ store, userAdmin }) => {
      const admin = userAdmin(store);
      const user = await admin.update(undefined, await admin.idOf(positionals[0]!), { role: positionals[1]! });
      console.log(await say('cli.roleChanged', { name: user.name, role: user.role }));
    });
  }
  if (command === 'deactivate' || command === 'reactivate') {
    const name = oneName(positionals, command);
    return withStore(async ({ store, userAdmin }) => {
      const admin = userAdmin(store);
      await admin.update(undefined, await admin.idOf(name), { active: command === 'reactivate' });
      console.log(await say(command === 'deactivate' ? 'cli.deactivated' : 'cli.reactivated', { name }));
    });
  }
  if (command === 'reset') {
    const name = oneName(positionals, command);
    return withStore(async ({ store, userAdmin }) => {
      const admin = userAdmin(store);
      const { oneTimePassword } = await admin.resetPassword(undefined, await admin.idOf(name));
      console.log(await say('cli.passwordReset', { name, password: oneTimePassword }));
    });
  }
  throw new UsageError(`unknown command "user ${command}".`, 'cli.unknownCommand', { command: `user ${command}` });
}

async function tokenCreate(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { name: { type: 'string' } } });
  if (positionals.length !== 1) throw new UsageError('token create needs a user NAME.', 'cli.tokenNeedsName');
  return withStore(async ({ store, accounts }) => {
    console.log(await accounts(store).createToken(positionals[0]!, values.name));
  });
}

/** Lifts the login wait of an account or an address (shared with running servers through the database). */
async function unlock(args: string[]): Promise<number> {
  const { DEFAULT_LIMITS, LoginThrottle } = await import('../domain/login-throttle.ts');
  const { storedCounters } = await import('../services/login-counters.ts');
  const { values } = parseArgs({ args, options: { account: { type: 'string' }, address: { type: 'string' } } });
  if (values.account === undefined && values.address === undefined) throw new UsageError('unlock needs --account NAME or --address IP.', 'cli.unlockNeeds');
  return withStore(async ({ store }) => {
    await new LoginThrottle(DEFAULT_LIMITS, Date.now, storedCounters(store)).unlock(values);
    const { account, address } = values;
    console.log(await say(account !== undefined && address !== undefined ? 'cli.unlockedBoth' : account !== undefined ? 'cli.unlockedAccount' : 'cli.unlockedAddress', { account, address }));
  });
}

/**
 * A reader that stops early (`duiqi documents list | head -1`) closes the pipe: the command ends there, quietly, as a
 * Unix tool ended by SIGPIPE does (Node ignores that signal), not with a stack trace from its next write.
 */
function quietOnClosedPipe(): void {
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code !== 'EPIPE') throw err;
    process.exit(0);
  });
}

export async function main(argv: string[]): Promise<number> {
  const [command, sub, ...rest] = argv;
  quietOnClosedPipe();
  // `duiqi import --help` asks for usage as `duiqi --help` does; each command's parser would refuse the option, quoting
  // Node's English advice to put it after "--" (which is how a file named --help is still named).
  const options = argv.includes('--') ? argv.slice(0, argv.indexOf('--')) : argv;
  if (command !== undefined && options.includes('--help')) {
    console.log(await usage());
    return 0;
  }
  try {
    if (command === 'align') return await (await import('./align-command.ts')).alignCommand(argv.slice(1));
    if (command === 'import') return await (await import('./transfer-commands.ts')).importCommand(argv.slice(1));
    if (command === 'export') return await (await import('./transfer-commands.ts')).exportCommand(argv.slice(1));
    if (command === 'documents') return await (await import('./document-commands.ts')).documentsCommand(argv.slice(1));
    if (command === 'glossary') return await (await import('./glossary-commands.ts')).glossaryCommand(argv.slice(1));
    if (command === 'backup') return await (await import('./backup-command.ts')).backupCommand(argv.slice(1));
    if (command === 'restore') return await (await import('./restore-command.ts')).restoreCommand(argv.slice(1));
    if (command === 'user' && sub === 'add') return await userAdd(rest);
    if (command === 'user' && sub !== undefined) return await userManage(sub, rest);
    if (command === 'token' && sub === 'create') return await tokenCreate(rest);
    if (command === 'unlock') return await unlock(argv.slice(1));
    if (command === undefined || command === 'help') {
      console.log(await usage());
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`unknown command "${argv.join(' ')}".`, 'cli.unknownCommand', { command: argv.join(' ') });
  } catch (err) {
    const code = exitCodeOf(err);
    // A refusal is the user's to read, in their language; a failure of the machine is the admin's: in their language
    // when duiqi knows its sentence (a database it cannot open), as Node says it otherwise.
    const line = code === 2 || (err instanceof AppError && err.key) ? await refusalLine(err) : (err as Error).message;
    process.stderr.write(`duiqi: ${err instanceof UsageError ? await say('cli.withUsage', { detail: line }) : line}\n`);
    return code;
  }
}

