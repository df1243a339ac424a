// `duiqi align --batch`: the jobs file (source, target, output per line, as Bertalign's) and the progress bar.

import path from 'node:path';
import { ValidationError } from '../domain/errors.ts';

export interface AlignJob {
  src: string;
  tgt: string;
  out: string;
  /** 1-based line of the jobs file, for messages. */
  line: number;
}

/** A jobs file the command refuses, with the key that says why in the reader's language. */
export class JobsError extends ValidationError {}

/**
 * One job per non-blank line, three tab-separated paths; lines starting with # are comments.
 * Relative paths are read from the jobs file's folder, so a jobs file travels with its texts.
 */
export function parseJobs(text: string, jobsFile: string): AlignJob[] {
  const base = path.dirname(jobsFile);
  const jobs: AlignJob[] = [];
  const outputs = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, k) => {
    const line = k + 1;
    if (raw.trim() === '' || raw.startsWith('#')) return;
    const fields = raw.split('\t');
    if (fields.length !== 3 || fields.some((f) => f.trim() === '')) {
      throw new JobsError(`${jobsFile} line ${line}: expected SOURCE<TAB>TARGET<TAB>OUTPUT.`, 'cli.jobsLine', { name: jobsFile, line });
    }
    const [src, tgt, out] = fields.map((f) => path.resolve(base, f.trim())) as [string, string, string];
    const earlier = outputs.get(out);
    if (earlier !== undefined) {
      throw new JobsError(`${jobsFile} line ${line}: output ${out} is also written by line ${earlier}.`, 'cli.jobsSameOutput', { name: jobsFile, line, output: out, earlier });
    }
    if (out === src || out === tgt) throw new JobsError(`${jobsFile} line ${line}: the output would overwrite an input.`, 'cli.jobsOverwrite', { name: jobsFile, line });
    outputs.set(out, line);
    jobs.push({ src, tgt, out, line });
  });
  if (jobs.length === 0) throw new JobsError(`${jobsFile} holds no jobs.`, 'cli.jobsNone', { name: jobsFile });
  return jobs;
}

/** `[#######.............]  3/10  name`, sized to fit `columns`. */
export function progressLine(done: number, total: number, label: string, columns = 80): string {
  const count = `${String(done).padStart(String(total).length)}/${total}`;
  // The bar gives way to the first 24 characters of the name.
  const width = Math.max(10, Math.min(40, columns - count.length - 5 - 24));
  const filled = Math.round((width * done) / Math.max(1, total));
  const room = Math.max(1, columns - width - count.length - 5);
  const name = label.length > room ? `…${label.slice(label.length - room + 1)}` : label;
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${count}  ${name}`;
}
