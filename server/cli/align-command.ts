// `duiqi align`: aligns two files and prints one bead per line (or JSON with scores); refusals exit 2 with one line on stderr.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { alignLong } from '../align/align-parallel.ts';
import { formatBead } from '../align/bead-format.ts';
import { loadAlignResources } from '../align/load-resources.ts';
import { splitSentences } from '../domain/split-sentences.ts';
import type { Lang } from '../domain/types.ts';

class Refusal extends Error {}

/** Runs `align …` with the arguments after the word `align`; returns the exit code. */
export async function alignCommand(args: string[]): Promise<number> {
  try {
    const request = parseRequest(args);
    const src = readSentences(request.srcFile, request.srcLang, request.presegmented);
    const tgt = readSentences(request.tgtFile, request.tgtLang, request.presegmented);
    const beads = await alignLong(src, tgt, loadAlignResources());
    const out = request.format === 'json'
      ? `${JSON.stringify(beads.map((b) => ({ src: b.src, tgt: b.tgt, score: Math.round(b.score * 1000) / 1000 })))}\n`
      : beads.map((b) => `${formatBead(b)}\n`).join('');
    process.stdout.write(out);
    return 0;
  } catch (err) {
    const refused = err instanceof Refusal || String((err as { code?: string }).code).startsWith('ERR_PARSE_ARGS');
    if (!refused) throw err;
    process.stderr.write(`duiqi align: ${(err as Error).message.split('\n')[0]}\n`);
    return 2;
  }
}

interface AlignRequest {
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
    },
  });
  // The dictionary and the length model are Chinese→English; other pairs would align silently badly.
  if (values['src-lang'] !== 'zh' || values['tgt-lang'] !== 'en') throw new Refusal('only --src-lang zh --tgt-lang en is supported.');
  if (values.format !== 'text' && values.format !== 'json') throw new Refusal(`--format must be text or json, not "${values.format}".`);
  if (positionals.length !== 2) throw new Refusal('expected two files, SRC_FILE and TGT_FILE.');
  return {
    srcFile: positionals[0]!,
    tgtFile: positionals[1]!,
    srcLang: 'zh',
    tgtLang: 'en',
    presegmented: values.presegmented,
    format: values.format,
  };
}

/** One sentence per line when presegmented (blank lines count; a final newline does not), else the project's splitter. */
function readSentences(file: string, lang: Lang, presegmented: boolean): string[] {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new Refusal(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}.`);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new Refusal(`${file} is not UTF-8 text.`);
  }
  if (!presegmented) return splitSentences(text, lang);
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
