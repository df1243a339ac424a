// `duiqi align`: aligns two files, or every pair of a jobs file with one load of the dictionaries; refusals exit 2 with one line on stderr.

import { accessSync, constants, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { alignLong } from '../align/align-parallel.ts';
import { formatBead } from '../align/bead-format.ts';
import { loadAlignResources } from '../align/load-resources.ts';
import { splitSentences } from '../domain/split-sentences.ts';
import type { Lang, ScoredBead } from '../domain/types.ts';
import { parseJobs, progressLine, type AlignJob } from './align-jobs.ts';
import { exitCodeOf } from './exit-code.ts';
import { refusalLine } from './cli-messages.ts';
import { ValidationError } from '../domain/errors.ts';

/** What `align` refuses: its English sentence, and the key that says it in the reader's language. */
const refusal = (message: string, key: string, params: Record<string, unknown> = {}) => new ValidationError(message, key, params);

/** Runs `align …` with the arguments after the word `align`; returns the exit code. */
export async function alignCommand(args: string[]): Promise<number> {
  try {
    const request = parseRequest(args);
    if (request.batch) return await alignBatch(request.batch, request);
    const src = readSentences(request.srcFile, request.srcLang, request.presegmented);
    const tgt = readSentences(request.tgtFile, request.tgtLang, request.presegmented);
    process.stdout.write(formatBeads(await alignLong(src, tgt, loadAlignResources()), request.format));
    return 0;
  } catch (err) {
    if (exitCodeOf(err) !== 2) throw err;
    process.stderr.write(`duiqi align: ${(await refusalLine(err)).split('\n')[0]}\n`);
    return 2;
  }
}

/**
 * Every job's inputs and output folder are checked before the first alignment, so a typo on
 * line 90 does not stop the run after an hour; each output is written whole (a temporary file
 * renamed) as its job ends. Inputs are read again per job rather than all held at once.
 */
async function alignBatch(jobsFile: string, request: AlignRequest): Promise<number> {
  const jobs = parseJobs(readText(jobsFile), jobsFile);
  for (const job of jobs) {
    readPair(job, request);
    try {
      accessSync(path.dirname(job.out), constants.W_OK);
    } catch {
      throw refusal(`line ${job.line}: cannot write into ${path.dirname(job.out)}.`, 'cli.alignCannotWriteInto', { line: job.line, dir: path.dirname(job.out) });
    }
  }
  const resources = loadAlignResources();
  const bar = process.stderr.isTTY ? (done: number, label: string) => process.stderr.write(`\r${progressLine(done, jobs.length, label, process.stderr.columns || 80)}\x1b[K`) : undefined;
  for (const [k, job] of jobs.entries()) {
    bar?.(k, path.basename(job.out));
    const { src, tgt } = readPair(job, request);
    writeWhole(job.out, formatBeads(await alignLong(src, tgt, resources), request.format));
  }
  bar?.(jobs.length, '');
  if (bar) process.stderr.write('\n');
  return 0;
}

function readPair(job: AlignJob, request: AlignRequest) {
  try {
    return { src: readSentences(job.src, request.srcLang, request.presegmented), tgt: readSentences(job.tgt, request.tgtLang, request.presegmented) };
  } catch (err) {
    const { key, params, message } = err as ValidationError;
    // The file's own refusal, said in the reader's language, follows the line of the jobs file.
    throw refusal(`line ${job.line}: ${message}`, 'cli.alignJobLine', key ? { line: job.line, reason: { key, params: params ?? {} } } : { line: job.line, detail: message });
  }
}

function writeWhole(file: string, text: string) {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw refusal(`cannot write ${file}: ${code}.`, 'cli.alignCannotWrite', { name: file, code });
  }
}

function formatBeads(beads: ScoredBead[], format: 'text' | 'json'): string {
  return format === 'json'
    ? `${JSON.stringify(beads.map((b) => ({ src: b.src, tgt: b.tgt, score: Math.round(b.score * 1000) / 1000 })))}\n`
    : beads.map((b) => `${formatBead(b)}\n`).join('');
}

interface AlignRequest {
  /** A jobs file: align each of its pairs instead of two files. */
  batch?: string;
  srcFile: string;
  tgtFile: string;
  srcLang: Lang;
  tgtLang: Lang;
  presegmented: boolean;
  format: 'text' | 'json';
}

function parseRequest(args: string[]): AlignRequest {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      'src-lang': { type: 'string', default: 'zh' },
      'tgt-lang': { type: 'string', default: 'en' },
      presegmented: { type: 'boolean', default: false },
      format: { type: 'string', default: 'text' },
      batch: { type: 'string' },
    },
  });
  // The dictionary and the length model are Chinese→English; other pairs would align silently badly.
  if (values['src-lang'] !== 'zh' || values['tgt-lang'] !== 'en') throw refusal('only --src-lang zh --tgt-lang en is supported.', 'cli.alignLanguages');
  if (values.format !== 'text' && values.format !== 'json') throw refusal(`--format must be text or json, not "${values.format}".`, 'cli.alignFormat', { value: values.format });
  if (values.batch !== undefined && positionals.length > 0) throw refusal('--batch takes its files from the jobs file, not from the command line.', 'cli.alignBatchFiles');
  if (values.batch === undefined && positionals.length !== 2) throw refusal('expected two files, SRC_FILE and TGT_FILE.', 'cli.alignTwoFiles');
  return {
    batch: values.batch,
    srcFile: positionals[0] ?? '',
    tgtFile: positionals[1] ?? '',
    srcLang: 'zh',
    tgtLang: 'en',
    presegmented: values.presegmented,
    format: values.format,
  };
}

/** One sentence per line when presegmented (blank lines count; a final newline does not), else the project's splitter. */
function readSentences(file: string, lang: Lang, presegmented: boolean): string[] {
  const text = readText(file);
  if (!presegmented) return splitSentences(text, lang);
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw refusal(`cannot read ${file}: ${code}.`, 'cli.alignCannotRead', { name: file, code });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw refusal(`${file} is not UTF-8 text.`, 'cli.alignNotUtf8', { name: file });
  }
}
