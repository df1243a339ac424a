#!/usr/bin/env node
// The duiqi command: runs the TypeScript CLI through tsx, so no build step is needed. `duiqi align`
// starts from the bundle npm's postinstall makes (server/cli/build-cli-bundle.ts) instead while it
// is newer than every source file: compiling the sources costs a short alignment a third of its time.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const argv = process.argv.slice(2);
const bundle = argv[0] === 'align' ? freshBundle() : undefined;
const { main } = bundle ? await import(bundle.href) : await fromSources();
process.exitCode = await main(argv);

async function fromSources() {
  const { register } = await import('tsx/esm/api');
  register();
  return import('../server/cli/main.ts');
}

/** The bundle `cli.json` names, when it was written after every source file was last changed. */
function freshBundle() {
  const pointer = new URL('../node_modules/.cache/duiqi/cli.json', import.meta.url);
  let built, folder;
  try {
    built = statSync(pointer).mtimeMs;
    ({ folder } = JSON.parse(readFileSync(pointer, 'utf8')));
  } catch {
    return undefined;
  }
  const sources = fileURLToPath(new URL('../server/', import.meta.url));
  const fresh = readdirSync(sources, { recursive: true })
    .filter((f) => f.endsWith('.ts'))
    .every((f) => statSync(join(sources, f)).mtimeMs < built);
  return fresh ? new URL(`${folder}/main.mjs`, pointer) : undefined;
}
