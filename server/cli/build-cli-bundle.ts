// Run by npm's postinstall: bundles the command line into plain JavaScript, so that `duiqi align` starts without compiling TypeScript.

import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
// esbuild comes with tsx, which compiles the sources the rest of the time: asked through tsx,
// it is the one tsx uses wherever npm put it.
const esbuild = createRequire(require.resolve('tsx'))('esbuild') as typeof import('esbuild');
const source = (file: string) => fileURLToPath(new URL(file, import.meta.url));

// bin/duiqi.js looks for it here.
const outdir = fileURLToPath(new URL('../../node_modules/.cache/duiqi/cli/', import.meta.url));
rmSync(outdir, { recursive: true, force: true });
// Packages stay outside: jieba is native, and the others find their data files where npm put them.
esbuild.buildSync({
  entryPoints: { main: source('./main.ts'), 'align-worker': source('../align/align-worker.ts') },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  outExtension: { '.js': '.mjs' },
  logLevel: 'warning',
});
console.log(`duiqi: command line bundled into ${outdir}`);
