// `duiqi glossary import FILE` and `duiqi glossary export [--format csv|tbx] [-o FILE]`: the glossary page's file
// import and downloads, for a script that keeps a termbase in step, acting with an admin's rights.

import path from 'node:path';
import { parseArgs } from 'node:util';
import { openCommandStore } from './command-store.ts';
import { glossary } from '../services/glossary.ts';
import { ValidationError } from '../domain/errors.ts';
import { readLocal, writeOut } from './transfer-commands.ts';
import { say } from './cli-messages.ts';

const USAGE = 'glossary needs import FILE (CSV or TBX) or export [--format csv|tbx] [-o FILE].';

export async function glossaryCommand(args: string[]): Promise<number> {
  const [sub, ...rest] = args;
  const { values, positionals } = parseArgs({ args: rest, allowPositionals: true, options: { format: { type: 'string' }, output: { type: 'string', short: 'o' } } });
  const importing = sub === 'import' && positionals.length === 1 && values.format === undefined && values.output === undefined;
  const exporting = sub === 'export' && positionals.length === 0;
  if (!importing && !exporting) throw new ValidationError(USAGE, 'cli.glossaryUsage');
  const format = values.format ?? (values.output && path.extname(values.output).toLowerCase() === '.tbx' ? 'tbx' : 'csv');
  if (exporting && format !== 'csv' && format !== 'tbx') {
    throw new ValidationError(`The glossary is exported as csv or tbx, not "${format}".`, 'cli.glossaryFormat', { format });
  }
  // Read before the database opens: a missing file is refused without touching it.
  const file = importing ? readLocal(positionals[0]!) : undefined;
  const store = await openCommandStore();
  try {
    const terms = glossary(store);
    if (file) {
      const done = await terms.importFile(file);
      console.log(await say('cli.glossaryImported', { count: done.imported }));
      if (done.skipped > 0) console.error(await say('glossary.skippedConcepts', { count: done.skipped }));
      return 0;
    }
    // The CSV starts with a byte-order mark, as the download does, so that spreadsheets read it as UTF-8.
    const text = format === 'tbx' ? await terms.exportTbx() : `\uFEFF${await terms.exportCsv()}`;
    return await writeOut([text], values.output);
  } finally {
    await store.close();
  }
}
