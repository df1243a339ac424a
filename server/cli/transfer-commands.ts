// `duiqi import` and `duiqi export`: the same use cases as the upload page and the download, on local files.

import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { openCommandStore } from './command-store.ts';
import type { Store } from '../db/store.ts';
import { exportDocument, inBlocks } from '../services/export-document.ts';
import { translationMemory } from '../services/translation-memory.ts';
import { memoryTmxChunks } from '../formats/tmx.ts';
import { importMemoryFile, importUpload, type UploadedFile } from '../services/import-file.ts';
import { defaultAligner } from '../services/workbench.ts';
import { documentId } from '../http/params.ts';
import { ValidationError } from '../domain/errors.ts';
import { skippedNote } from '../services/job-handlers.ts';
import { say } from './cli-messages.ts';
import { replaceFile } from './replace-file.ts';

/** `create`: an import may set up the database before the server's first start; an export needs the server's. */
async function withStore<T>(create: boolean, work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openCommandStore({ create });
  return work(store).finally(() => store.close());
}

export function readLocal(file: string): UploadedFile {
  try {
    return { name: path.basename(file), bytes: fs.readFileSync(file) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ValidationError(`There is no file "${file}".`, 'cli.noFile', { name: file });
    throw new ValidationError(`Cannot read "${file}" (${code ?? (err as Error).message}).`, 'cli.cannotRead', { name: file, code: code ?? (err as Error).message });
  }
}

/** Units of a file left out for want of Chinese or English, on stderr: a script still reads the id or count alone on stdout. */
async function warnSkipped(skipped: number): Promise<void> {
  if (skipped > 0) console.error(await say(skippedNote(skipped).key, skippedNote(skipped).params));
}

/** `import ZH_FILE [EN_FILE] [--title T]` (the Chinese alone: every row untranslated), `import FILE` (TMX/XLIFF/JSON), `import --memory FILE.tmx`; prints the id or unit count. */
export function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { title: { type: 'string' }, memory: { type: 'boolean' }, human: { type: 'boolean' } } });
  if (positionals.length < 1 || positionals.length > 2) throw new ValidationError('import needs ZH_FILE [EN_FILE], one TMX/XLIFF/JSON FILE, or --memory FILE.tmx.', 'cli.importNeeds');
  if (values.memory && positionals.length !== 1) throw new ValidationError('import --memory takes one TMX file.', 'cli.importMemoryOne');
  const [first, second] = positionals.map(readLocal);
  return withStore(true, async (store) => {
    if (values.memory) {
      const { units, skipped } = await importMemoryFile(store, first!);
      console.log(units);
      await warnSkipped(skipped);
    } else {
      const { id, skipped } = await importUpload({ store, aligner: defaultAligner }, { title: values.title, source: first, translation: second, createdBy: null, englishOrigin: values.human ? 'human' : 'machine' });
      console.log(id);
      await warnSkipped(skipped);
    }
    return 0;
  });
}

/**
 * `export DOC_ID --format tmx|xliff|xliff12|json [--state all|translated|approved] [-o FILE]`, or `export --memory [-o FILE]`
 * (the translation memory as TMX): stdout without -o; with -o a temporary file beside FILE is renamed over it only
 * when complete, so a failure or an interrupt leaves no half file (replace-file.ts).
 */
export function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args, allowPositionals: true,
    options: { format: { type: 'string' }, state: { type: 'string' }, output: { type: 'string', short: 'o' }, memory: { type: 'boolean' } },
  });
  if (values.memory) {
    if (positionals.length !== 0 || values.state) throw new ValidationError('export --memory takes no DOC_ID nor --state.', 'cli.exportMemoryAlone');
    if (values.format && values.format !== 'tmx') throw new ValidationError('The translation memory is exported as TMX only.', 'cli.exportMemoryTmx');
    // The command line sees the whole memory, as an admin does.
    return withStore(false, async (store) => writeOut(inBlocks(memoryTmxChunks(await translationMemory(store).exportUnits({ id: null, role: 'admin' }))), values.output));
  }
  if (positionals.length !== 1 || !values.format) throw new ValidationError('export needs a DOC_ID and --format tmx|xliff|xliff12|json.', 'cli.exportNeeds');
  const id = documentId(positionals[0]);
  return withStore(false, async (store) => writeOut((await exportDocument(store, { documentId: id, format: values.format, state: values.state })).chunks, values.output));
}

export async function writeOut(chunks: Iterable<string> | AsyncIterable<string>, output: string | undefined): Promise<number> {
  if (!output) {
    await pipeline(Readable.from(chunks), process.stdout, { end: false });
    return 0;
  }
  try {
    await replaceFile(path.resolve(output), (temp) => pipeline(Readable.from(chunks), fs.createWriteStream(temp, { flags: 'wx' })));
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // A directory that is missing or not writable is the caller's to fix: a refusal, not a crash.
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR' || code === 'ENOTDIR') {
      throw new ValidationError(`Cannot write "${output}" (${code}).`, 'cli.cannotWrite', { name: output, code });
    }
    throw err;
  }
  return 0;
}
