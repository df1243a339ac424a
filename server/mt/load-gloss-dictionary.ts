// Loads CC-CEDICT senses by simplified and traditional headword for the offline gloss engine, once per process.

import { loadAlignResources, readCedictText } from '../align/load-resources.ts';
import type { GlossDeps } from '../domain/gloss-translate.ts';
import { countryAbbreviations, type CountryName } from '../domain/place-abbreviations.ts';

export interface GlossSenses {
  /** Every sense of a headword, in the dictionary's order. */
  all: Map<string, string[]>;
  /** The country each one-character abbreviation stands for (韩 South Korea, 日 Japan), from CC-CEDICT and ICU. */
  countries: Map<string, string>;
  /**
   * A single character's senses from its common-word entries only (lower-case pinyin): CC-CEDICT lists the proper
   * noun first, so 比 would be "Belgium" and 元 "Yuan dynasty" where a translator reads "compare" and "yuan".
   */
  common: Map<string, string[]>;
}

let senses: GlossSenses | undefined;

export function parseCedictSenses(text: string): GlossSenses {
  const all = new Map<string, string[]>();
  const common = new Map<string, string[]>();
  const add = (map: Map<string, string[]>, headword: string, glosses: string[]) => {
    const list = map.get(headword);
    if (list) list.push(...glosses);
    else map.set(headword, [...glosses]);
  };
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const m = /^(\S+) (\S+) \[([^\]]*)\] \/(.+)\/\s*$/.exec(line);
    if (!m) continue;
    const glosses = m[4]!.split('/').filter(Boolean);
    const proper = /^\p{Lu}/u.test(m[3]!);
    for (const headword of new Set([m[2]!, m[1]!])) {
      add(all, headword, glosses);
      if (!proper && [...headword].length === 1) add(common, headword, glosses);
    }
  }
  return { all, common, countries: countryAbbreviations(all, countryNames()) };
}

/** Every region ICU names in Chinese and English (short names: US, UK), by its two-letter code. */
function countryNames(): CountryName[] {
  const zh = new Intl.DisplayNames(['zh'], { type: 'region', fallback: 'none' });
  const en = new Intl.DisplayNames(['en'], { type: 'region', style: 'short', fallback: 'none' });
  const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
  return letters.flatMap((a) => letters.flatMap((b) => {
    const [z, e] = [zh.of(a + b), en.of(a + b)];
    return z && e ? [{ zh: z, en: e }] : [];
  }));
}

function parsed(): GlossSenses {
  senses ??= parseCedictSenses(readCedictText());
  return senses;
}

export function glossDictionary(): Map<string, string[]> {
  return parsed().all;
}

export function glossCommonSenses(): Map<string, string[]> {
  return parsed().common;
}

/** What the offline gloss reads: CC-CEDICT, jieba's words, pinyin-pro's names and the glossary as it is now. */
export function offlineGlossDeps(glossary: GlossDeps['glossary']): GlossDeps {
  const dictionary = glossDictionary();
  const common = glossCommonSenses();
  const resources = loadAlignResources();
  return {
    segment: (zh) => resources.segmentChinese(zh).map((w) => w.word),
    lookup: (word) => dictionary.get(word) ?? [],
    common: (word) => common.get(word) ?? [],
    country: (char) => parsed().countries.get(char),
    glossary,
    pinyin: (name) => resources.romanize(name).join(''),
  };
}
