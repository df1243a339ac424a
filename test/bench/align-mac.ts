// Bench: aligns the six MAC-Dev literary chapters in one `duiqi align --batch` run and prints F1, recall by gold shape and the weak-bead figures.

import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beadF1, recallByShape, weakBeads } from '../../server/align/bead-f1.ts';
import { parseBeads } from '../../server/align/bead-format.ts';
import type { Bead, ScoredBead } from '../../server/domain/types.ts';
import { macDir, projectRoot } from '../align/shared-data.ts';

const IDS = ['001', '002', '003', '004', '005', '006'];
// Shapes the targets name first, then the rest by gold count.
const SHAPES = ['1-1', '1-2', '1-3', '1-4', '2-1', '2-2', '2-3', '1-0'];

/** Prints the MAC-Dev table; outDir receives the jobs file and the outputs. */
export function macBench(outDir: string): void {
  const jobs = IDS.map((id) => [path.join(macDir, `${id}.zh`), path.join(macDir, `${id}.en`), path.join(outDir, `mac-${id}.json`)].join('\t'));
  const jobsFile = path.join(outDir, 'mac-jobs.tsv');
  writeFileSync(jobsFile, `${jobs.join('\n')}\n`);
  const timeLog = path.join(outDir, 'mac.time');
  const started = performance.now();
  const child = spawnSync('/usr/bin/time', ['-v', '-o', timeLog, process.execPath, 'bin/duiqi.js', 'align', '--presegmented', '--format', 'json', '--batch', jobsFile], { cwd: projectRoot, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`align --batch exited ${child.status}: ${child.stderr}`);
  const log = readFileSync(timeLog, 'utf8');
  const userSeconds = Number(/User time \(seconds\): ([\d.]+)/.exec(log)?.[1] ?? NaN);
  const rssMiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(log)?.[1] ?? NaN) / 1024;
  const runs = IDS.map((id) => ({
    gold: parseBeads(readFileSync(path.join(macDir, `gold/${id}.align`), 'utf8')),
    auto: JSON.parse(readFileSync(path.join(outDir, `mac-${id}.json`), 'utf8')) as ScoredBead[],
    bertalign: parseBeads(readFileSync(path.join(macDir, `baselines/bertalign/${id}.align`), 'utf8')),
  }));
  const ours = runs.map((r) => ({ gold: r.gold, auto: r.auto }));
  const theirs = runs.map((r) => ({ gold: r.gold, auto: r.bertalign }));
  console.log('\nMAC-Dev (literary, six chapters), strict bead F1');
  const rows = IDS.map((id, k) => [id, f3(beadF1([ours[k]!]).f1), f3(beadF1([theirs[k]!]).f1)]);
  const all = beadF1(ours);
  const bert = beadF1(theirs);
  rows.push(['total', f3(all.f1), f3(bert.f1)]);
  table(['file', 'F1', 'bertalign'], rows);
  console.log(`P ${f3(all.precision)} R ${f3(all.recall)} (Bertalign P ${f3(bert.precision)} R ${f3(bert.recall)})`);
  console.log('\nMAC-Dev recall by gold bead shape, and precision of the beads produced in that shape');
  const mine = recallByShape(ours);
  const bertShapes = recallByShape(theirs);
  table(['shape', 'gold', 'recall', 'produced', 'precision', 'bertalign recall'], SHAPES.map((shape) => {
    const produced = precisionOfShape(ours, shape);
    return [shape, String(mine.get(shape)?.gold ?? 0), ratio(mine.get(shape)), String(produced.count), f3(produced.precision), ratio(bertShapes.get(shape))];
  }));
  const weak = weakBeads(ours);
  console.log(`\nbeads under 0.5: ${pct(weak.weakShare)} of all beads (target at most 15 %), holding ${pct(weak.wrongCaught)} of the wrong beads (target at least 50 %)`);
  console.log(`one --batch run of the six chapters: ${seconds.toFixed(1)} s wall, ${userSeconds.toFixed(1)} s user CPU, ${rssMiB.toFixed(0)} MiB peak`);
}

function precisionOfShape(pairs: { gold: Bead[]; auto: Bead[] }[], shape: string): { count: number; precision: number } {
  const produced = pairs.map((p) => ({ gold: p.gold, auto: p.auto.filter((b) => `${b.src.length}-${b.tgt.length}` === shape) }));
  const score = beadF1(produced);
  return { count: score.auto, precision: score.precision };
}

const f3 = (x: number) => x.toFixed(3);
const pct = (x: number) => `${(100 * x).toFixed(1)} %`;
const ratio = (r: { gold: number; found: number } | undefined) => (r && r.gold ? f3(r.found / r.gold) : '-');

function table(header: string[], rows: string[][]) {
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const line = (cells: string[]) => cells.map((c, k) => c.padStart(widths[k]!)).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}
