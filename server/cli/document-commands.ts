// `duiqi documents list|rename|archive|unarchive|delete|restore|purge|empty-trash`: the same use cases as the
// document list, acting with an admin's rights.

import { parseArgs } from 'node:util';
import { openCommandStore } from './command-store.ts';
import { documentLifecycle, parseListQuery, type DocumentEntry } from '../services/document-lifecycle.ts';
import type { Actor } from '../services/document-access.ts';
import { documentId } from '../http/params.ts';
import { ValidationError } from '../domain/errors.ts';
import { say } from './cli-messages.ts';
import { roundDown } from '../domain/round-down.ts';

const COMMAND_LINE: Actor = { id: null, role: 'admin' };

const USAGE = 'documents needs list [--state archived|trash] [--q TEXT] [--sort title|activity|progress] [--dir asc|desc], '
  + 'rename ID TITLE, archive ID, unarchive ID, delete ID, restore ID, purge ID (one in the trash, for good) or empty-trash.';
/** The usage sentence as the reason of a refusal, said in the reader's language (see views/marked-text.ts). */
const USAGE_REASON = { key: 'cli.documentsUsage', params: {} };

const shelfOf = (d: DocumentEntry) => (d.trashedAt ? 'trash' : d.archivedAt ? 'archived' : 'active');

/** One line per document: id, title, shelf, progress, owner, last activity (tab-separated). */
const line = (d: DocumentEntry) =>
  [d.id, d.title, shelfOf(d), `${roundDown(d.progress * 100, 0)}%`, d.owner ?? '-', d.lastActivityAt].join('\t');

export async function documentsCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest, allowPositionals: true,
    options: { state: { type: 'string' }, q: { type: 'string' }, sort: { type: 'string' }, dir: { type: 'string' } },
  });
  const arity: Record<string, number> = { list: 0, rename: 2, archive: 1, unarchive: 1, delete: 1, restore: 1, purge: 1, 'empty-trash': 0 };
  if (sub === undefined || !(sub in arity) || positionals.length !== arity[sub]) throw new ValidationError(USAGE, 'cli.documentsUsage');
  if (sub !== 'list' && Object.keys(values).length > 0) {
    throw new ValidationError(`documents ${sub} takes no options. ${USAGE}`, 'cli.documentsNoOptions', { sub, reason: USAGE_REASON });
  }
  const query = sub === 'list' ? parseListQuery(values) : undefined;
  const id = arity[sub] ? documentId(positionals[0]) : 0;
  const store = await openCommandStore();
  try {
    const lifecycle = documentLifecycle(store);
    const done = async (d: DocumentEntry, key: string) => console.log(await say(key, { id: d.id, title: d.title }));
    if (query) for (const d of await lifecycle.list(COMMAND_LINE, query)) console.log(line(d));
    if (sub === 'rename') await done(await lifecycle.change(COMMAND_LINE, id, { title: positionals[1] }), 'cli.documentRenamed');
    if (sub === 'archive') await done(await lifecycle.change(COMMAND_LINE, id, { archived: true }), 'cli.documentArchived');
    if (sub === 'unarchive') await done(await lifecycle.change(COMMAND_LINE, id, { archived: false }), 'cli.documentUnarchived');
    if (sub === 'delete') await done(await lifecycle.trash(COMMAND_LINE, id), 'cli.documentTrashed');
    if (sub === 'restore') await done(await lifecycle.restore(COMMAND_LINE, id), 'cli.documentRestored');
    if (sub === 'purge') console.log(await say('cli.documentPurged', { id, title: (await lifecycle.purge(COMMAND_LINE, id)).title }));
    if (sub === 'empty-trash') console.log(await say('cli.trashEmptied', { count: await lifecycle.emptyTrash(COMMAND_LINE) }));
    return 0;
  } finally {
    await store.close();
  }
}
