#!/usr/bin/env node
// The duiqi command: runs the TypeScript CLI through tsx, so no build step is needed. `duiqi align`
// starts from the bundle npm's postinstall makes (server/cli/build-cli-bundle.ts) instead while it
// is newer than every source file: compiling the sources costs a short alignment a third of its time.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const bundle = new URL('../node_modules/.cache/duiqi/cli/main.mjs', import.meta.url);
const { main } = argv[0] === 'align' && isFresh(fileURLToPath(bundle)) ? await import(bundle.href) : await fromSources();
process.exitCode = await main(argv);

async function fromSources() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('../server/cli/main.ts');
}

function isFresh(file) {
  let built;
  try {
    built = statSync(file).mtimeMs;
  } catch {
    return false;
  }
  const sources = fileURLToPath(new URL('../server/', import.meta.url));
  return readdirSync(sources, { recursive: true })
    .filter((f) => f.endsWith('.ts'))
    .every((f) => statSync(join(sources, f)).mtimeMs < built);
}
