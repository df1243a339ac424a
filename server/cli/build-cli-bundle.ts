// Run by npm's postinstall: bundles the command line into plain JavaScript, so that `duiqi align` starts without compiling TypeScript.

import { renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const source = (file: string) => fileURLToPath(new URL(file, import.meta.url));
// bin/duiqi.js looks for it here.
const outdir = fileURLToPath(new URL('../../node_modules/.cache/duiqi/cli/', import.meta.url));

// Without the bundle the command runs from the sources, only slower to start: a failure here
// (a read-only install, esbuild missing) is a warning, never a failed install. It is built beside
// its place and renamed into it, so a command starting meanwhile finds the old one whole, or none.
const building = `${outdir.replace(/[\\/]$/, '')}.${process.pid}.tmp`;
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
  rmSync(outdir, { recursive: true, force: true });
  renameSync(building, outdir);
  console.log(`duiqi: command line bundled into ${outdir}`);
} catch (err) {
  rmSync(building, { recursive: true, force: true });
  console.warn(`duiqi: the command line was not bundled (${(err as Error).message.split('\n')[0]}); it runs from the sources.`);
}
