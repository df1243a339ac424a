// Run by npm's postinstall: bundles the command line into plain JavaScript, so that `duiqi align` starts without compiling TypeScript.

import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const source = (file: string) => fileURLToPath(new URL(file, import.meta.url));
// bin/duiqi.js reads `cli.json` here to find the bundle.
const cacheDir = fileURLToPath(new URL('../../node_modules/.cache/duiqi/', import.meta.url));

// Without the bundle the command runs from the sources, only slower to start: a failure here
// (a read-only install, esbuild missing) is a warning, never a failed install.
const building = join(cacheDir, `cli.${process.pid}.tmp`);
try {
  // esbuild comes with tsx, which compiles the sources the rest of the time: asked through tsx,
  // it is the one tsx uses wherever npm put it.
  const esbuild = createRequire(require.resolve('tsx'))('esbuild') as typeof import('esbuild');
  // Packages stay outside: jieba is native, and the others find their data files where npm put them.
  esbuild.buildSync({
    entryPoints: { main: source('./main.ts'), 'align-worker': source('../align/align-worker.ts') },
    outdir: building,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    logLevel: 'warning',
  });
  // A command already running loads its chunks and its worker as it goes, so a bundle in use is
  // never rewritten: each build has a folder named for its content, and the pointer to it is renamed
  // into place. The same sources build the same folder, which is kept as it is.
  const folder = `cli-${contentHash(building)}`;
  if (existsSync(join(cacheDir, folder))) rmSync(building, { recursive: true, force: true });
  else renameSync(building, join(cacheDir, folder));
  const pointer = join(cacheDir, 'cli.json');
  const superseded = existsSync(pointer) ? (JSON.parse(readFileSync(pointer, 'utf8')) as { folder: string }).folder : 'cli';
  // The folder commands started from until now counts its hour from this moment.
  if (superseded !== folder && existsSync(join(cacheDir, superseded))) utimesSync(join(cacheDir, superseded), new Date(), new Date());
  writeFileSync(`${pointer}.${process.pid}.tmp`, `${JSON.stringify({ folder })}\n`);
  renameSync(`${pointer}.${process.pid}.tmp`, pointer);
  removeOldBuilds(folder);
  console.log(`duiqi: command line bundled into ${join(cacheDir, folder)}`);
} catch (err) {
  rmSync(building, { recursive: true, force: true });
  console.warn(`duiqi: the command line was not bundled (${(err as Error).message.split('\n')[0]}); it runs from the sources.`);
}

function contentHash(dir: string): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(dir).sort()) hash.update(`${name}\0`).update(readFileSync(join(dir, name)));
  return hash.digest('hex').slice(0, 16);
}

/** Earlier builds go an hour after they stopped being the one commands start from. */
function removeOldBuilds(current: string): void {
  const anHourAgo = Date.now() - 3_600_000;
  for (const name of readdirSync(cacheDir)) {
    if (name === current || !/^cli(-[0-9a-f]+)?$/.test(name)) continue;
    const path = join(cacheDir, name);
    if (statSync(path).mtimeMs < anHourAgo) rmSync(path, { recursive: true, force: true });
  }
}
