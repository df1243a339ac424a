// Bench: aligns Bible 001-006 and the MAC-Dev literary chapters through the real CLI: F1, wall and CPU time, peak RSS, the published aligners' F1.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { beadF1 } from '../../server/align/bead-f1.ts';
import { formatBead, parseBeads } from '../../server/align/bead-format.ts';
import type { Bead, ScoredBead } from '../../server/domain/types.ts';
import { bibleDir, hasBible, hasMac, macDir, projectRoot } from '../align/shared-data.ts';
import { macBench } from './align-mac.ts';

const IDS = ['001', '002', '003', '004', '005', '006'];
const BASELINES = ['galechurch', 'hunalign', 'bleualign', 'vecalign', 'bertalign'];

interface Run {
  beads: ScoredBead[];
  seconds: number;
  userSeconds: number;
  peakMiB: number;
}

/** Runs the CLI as a child under /usr/bin/time -v, so that the RSS is the aligner's own. */
function runCli(id: string, outDir: string): Run {
  const args = ['bin/duiqi.js', 'align', '--src-lang', 'zh', '--tgt-lang', 'en', '--presegmented', '--format', 'json',
    path.join(bibleDir, `${id}.zh`), path.join(bibleDir, `${id}.en`)];
  const timeLog = path.join(outDir, `${id}.time`);
  const started = performance.now();
  const child = spawnSync('/usr/bin/time', ['-v', '-o', timeLog, process.execPath, ...args], { cwd: projectRoot, maxBuffer: 1 << 30, encoding: 'utf8' });
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`align ${id} exited ${child.status}: ${child.stderr}`);
  const log = readFileSync(timeLog, 'utf8');
  const rssKiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(log)?.[1] ?? NaN);
  const userSeconds = Number(/User time \(seconds\): ([\d.]+)/.exec(log)?.[1] ?? NaN);
  return { beads: JSON.parse(child.stdout) as ScoredBead[], seconds, userSeconds, peakMiB: rssKiB / 1024 };
}

/** Error rate of beads under 0.5 divided by that of beads at or above it. */
function confidenceRatio(beads: ScoredBead[], gold: Bead[]): number {
  const goldSet = new Set(gold.map(formatBead));
  const errorRate = (bs: ScoredBead[]) => bs.filter((b) => !goldSet.has(formatBead(b))).length / Math.max(1, bs.length);
  return errorRate(beads.filter((b) => b.score < 0.5)) / errorRate(beads.filter((b) => b.score >= 0.5));
}

function baselineF1(aligner: string, id: string, gold: Bead[]): string {
  const file = path.join(bibleDir, 'baselines', aligner, `${id}.align`);
  if (!existsSync(file)) return '-';
  return beadF1([{ gold, auto: parseBeads(readFileSync(file, 'utf8')) }]).f1.toFixed(3);
}

/** `npm run bench:align [mac] [001 …]`: MAC-Dev and the Bible files named (all six when none is). */
function main() {
  if (!existsSync('/usr/bin/time')) {
    console.log('bench:align skipped: /usr/bin/time is needed to measure CPU time and peak RSS.');
    return;
  }
  const args = process.argv.slice(2);
  const ids = args.filter((a) => a !== 'mac');
  const outDir = mkdtempSync(path.join(tmpdir(), 'duiqi-bench-'));
  console.log(`load average at the start: ${loadavg().map((x) => x.toFixed(1)).join(' ')} on ${execFileSync('nproc').toString().trim()} cores`);
  try {
    if (!hasMac) console.log(`MAC-Dev skipped: ${macDir} is absent.`);
    else if (args.length === 0 || args.includes('mac')) macBench(outDir);
    if (!hasBible) console.log(`Bible skipped: ${bibleDir} is absent.`);
    else if (args.length === 0 || ids.length > 0) bibleBench(ids.length ? ids : IDS, outDir);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
}

function bibleBench(ids: string[], outDir: string) {
  const header = ['file', 'F1', 'wall s', 'user s', 'peak MiB', 'conf ratio', ...BASELINES];
  const rows: string[][] = [];
  const all: { gold: Bead[]; auto: Bead[] }[] = [];
  const seconds: Record<string, number> = {};
  for (const id of ids) {
    const gold = parseBeads(readFileSync(path.join(bibleDir, `gold/${id}.align`), 'utf8'));
    const run = runCli(id, outDir);
    all.push({ gold, auto: run.beads });
    seconds[id] = run.seconds;
    rows.push([id, beadF1([{ gold, auto: run.beads }]).f1.toFixed(3), run.seconds.toFixed(1), run.userSeconds.toFixed(1), run.peakMiB.toFixed(0),
      confidenceRatio(run.beads, gold).toFixed(2), ...BASELINES.map((a) => baselineF1(a, id, gold))]);
  }
  rows.push(['total', beadF1(all).f1.toFixed(3), '', '', '', '', ...BASELINES.map(() => '')]);
  const widths = header.map((h, k) => Math.max(h.length, ...rows.map((r) => r[k]!.length)));
  const line = (cells: string[]) => cells.map((c, k) => c.padStart(widths[k]!)).join('  ');
  console.log('\nBible, strict bead F1');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
  if (seconds['001'] && seconds['006']) console.log(`time 006/001: ${(seconds['006'] / seconds['001']).toFixed(2)}x (target at most 7.5x)`);
  console.log(`node ${process.version}; conf ratio = error rate under 0.5 / error rate at or above 0.5 (target at least 3)`);
}

main();
