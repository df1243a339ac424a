// The file formats duiqi imports and exports, by name, for routes and the shared contract test.

import type { FormatAdapter } from './bilingual-document.ts';
import { json } from './json.ts';
import { tmx } from './tmx.ts';
import { xliff } from './xliff.ts';
import { xliff12 } from './xliff12.ts';

export const formatAdapters: readonly FormatAdapter[] = [tmx, xliff, xliff12, json];

export function adapterFor(name: string): FormatAdapter | undefined {
  return formatAdapters.find((a) => a.name === name);
}
