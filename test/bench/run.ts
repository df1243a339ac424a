// Runs every benchmark in turn, each in its own process, and lets each print its table. `npm run bench [-- --quick] [-- --postgres]`.
// --quick: a 10-second load run, 3,000 sentences, a 20,000-pair export and concordance, no Bible alignment: about a minute in all.
// --postgres: the load bench and the cost per request alone, on PostgreSQL (the load bench with two app servers behind
// nginx; the others measure one process).

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const quick = process.argv.includes('--quick');
const postgres = process.argv.includes('--postgres');
const here = import.meta.dirname;
// Each of these measures one server process (or none): they run on SQLite only.
const oneProcess: [string, string[]][] = [
  ['big-document.ts', ['--sentences', quick ? '3000' : '20000']],
  ['busy-server.ts', quick ? ['--megabytes', '1', '--rows', '3000'] : []],
  ['export-stream.ts', [quick ? '20000' : '100000']],
  ['concordance.ts', quick ? ['20000', '10'] : ['100000', '20']],
  ['pure-speed.ts', []],
  ...(quick ? [] : [['align-bible.ts', []] as [string, string[]]]),
];
const benches: [string, string[]][] = [
  // Three minutes: the load target compares the server's memory in the third minute with the first.
  ['http-load.ts', ['--seconds', quick ? '10' : '180', ...(postgres ? ['--postgres'] : [])]],
  // CPU per request kind, requests one at a time: holds better than latency when something else shares the cores.
  ['request-cost.ts', ['--requests', quick ? '100' : '300', ...(postgres ? ['--postgres'] : [])]],
  ...(postgres ? [] : oneProcess),
];

let failed = 0;
for (const [file, args] of benches) {
  if (!fs.existsSync(path.join(here, file))) continue;
  console.log(`\n== ${file} ${args.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, file), ...args], { stdio: 'inherit' });
  console.log(`== ${file}: exit ${run.status} after ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (run.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
