// Where the tests and the bench find the shared Bible data and reference scorer, and how they read it.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const sharedDir = path.resolve(projectRoot, '../shared');
export const bibleDir = path.join(sharedDir, 'data/bible-zh-en');
export const hasBible = existsSync(path.join(bibleDir, 'gold/001.align'));
export const macDir = path.join(sharedDir, 'data/mac-dev-zh-en');
export const hasMac = existsSync(path.join(macDir, 'gold/001.align'));
export const fixturesDir = path.join(projectRoot, 'test/align/fixtures');

/** One sentence per line; a final newline does not add an empty sentence. */
export function readLines(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}
