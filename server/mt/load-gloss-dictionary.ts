// Loads CC-CEDICT senses by simplified and traditional headword for the offline gloss engine, once per process.

import { readCedictText } from '../align/load-resources.ts';

let senses: Map<string, string[]> | undefined;

export function parseCedictSenses(text: string): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^(\S+) (\S+) \[[^\]]*\] \/(.+)\/\s*$/.exec(line);
    if (!m) continue;
    const glosses = m[3]!.split('/').filter(Boolean);
    for (const headword of new Set([m[2]!, m[1]!])) {
      const list = map.get(headword);
      if (list) list.push(...glosses);
      else map.set(headword, glosses);
    }
  }
  return map;
}

export function glossDictionary(): Map<string, string[]> {
  senses ??= parseCedictSenses(readCedictText());
  return senses;
}
