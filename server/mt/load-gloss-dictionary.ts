// Loads CC-CEDICT senses by simplified and traditional headword for the offline gloss engine, once per process.

import { createRequire } from 'node:module';
import type { pinyin as Pinyin } from 'pinyin-pro';
import { isStopWord } from '../align/english-words.ts';
import { loadAlignResources, readCedictText } from '../align/load-resources.ts';
import type { GlossDeps } from '../domain/gloss-translate.ts';
import { countryAbbreviations, type CountryName } from '../domain/place-abbreviations.ts';
import { countPersonNames } from '../domain/person-names.ts';
import { normalisePinyin, plainWords } from '../domain/dictionary-sense.ts';

export interface GlossSenses {
  /**
   * Every sense of a headword. A single character's are in the dictionary's order (proper nouns first, which tells a
   * surname); a longer word's common entries come before its proper ones (美德 "virtue" before "USA and Germany").
   */
  all: Map<string, string[]>;
  /** The country each one-character abbreviation stands for (韩 South Korea, 日 Japan), from CC-CEDICT and ICU. */
  countries: Map<string, string>;
  /**
   * A single character's senses from its common-word entries only (lower-case pinyin): CC-CEDICT lists the proper
   * noun first, so 比 would be "Belgium" and 元 "Yuan dynasty" where a translator reads "compare" and "yuan".
   */
  common: Map<string, string[]>;
  /** The senses of each reading of a headword read more than one way (说: shui4 "persuade", shuo1 "speak"). */
  readings: Map<string, Map<string, string[]>>;
  /** How many entries give each English word alone as a translation: the plain word of a sense's alternatives is the frequent one. */
  english: Map<string, number>;
  /** How many people CC-CEDICT names have each surname, and each character in their given names. */
  people: { surnames: Map<string, number>; given: Map<string, number> };
}

// jieba's tags for names of places (ns) and organisations (nt); its particles are u… (地 uv, 着 uz) and y (吧, 呢). Not its person names (nr): it tags 牛鼻 "ox nose" so, and
// a person's name is told by the surname.
const PLACE_TAGS = new Set(['ns', 'nt']);

let senses: GlossSenses | undefined;
// What a word the dictionary lacks has: one array, so that what is known of it is kept (firstSense's memo).
const NONE: string[] = [];
const tags = new Map<string, string>();
const spoken = new Map<string, string>();
let pinyin: typeof Pinyin | undefined;
const require = createRequire(import.meta.url);

interface Entry {
  traditional: string;
  simplified: string;
  pinyin: string;
  glosses: string[];
  /** Capitalised pinyin: a name of a person, place or thing (中 Zhong1 "China"). */
  proper: boolean;
}

export function parseCedictSenses(text: string): GlossSenses {
  const entries = parseEntries(text);
  const all = new Map<string, string[]>();
  const proper = new Map<string, string[]>();
  const common = new Map<string, string[]>();
  const readings = new Map<string, Map<string, string[]>>();
  const english = new Map<string, number>();
  const add = (map: Map<string, string[]>, headword: string, glosses: string[]) => {
    const list = map.get(headword);
    if (list) list.push(...glosses);
    else map.set(headword, glosses.slice());
  };
  const rare = rareVariants(entries);
  // A headword's first common entry, until a second one makes a map of its readings.
  const firstReading = new Map<string, Entry>();
  // A rare variant's senses come last: 只 is "only" before 秖's "grain that has begun to ripen".
  for (const entry of [...entries.filter((e) => !rare.has(e)), ...rare]) {
    const { glosses } = entry;
    for (const word of plainWords(glosses)) english.set(word, (english.get(word) ?? 0) + 1);
    for (const headword of entry.simplified === entry.traditional ? [entry.simplified] : [entry.simplified, entry.traditional]) {
      const single = isOneCharacter(headword);
      add(entry.proper && !single ? proper : all, headword, glosses);
      if (entry.proper) continue;
      if (single) add(common, headword, glosses);
      if (rare.has(entry)) continue;
      const first = firstReading.get(headword);
      if (!first) {
        firstReading.set(headword, entry);
        continue;
      }
      let byReading = readings.get(headword);
      if (!byReading) readings.set(headword, (byReading = new Map([[normalisePinyin(first.pinyin), first.glosses.slice()]])));
      add(byReading, normalisePinyin(entry.pinyin), glosses);
    }
  }
  for (const [headword, glosses] of proper) add(all, headword, glosses);
  // Variants read alike (祇 and 衹 under 只 zhi3) made a map of one reading.
  for (const [headword, byReading] of readings) if (byReading.size < 2) readings.delete(headword);
  const surnames = (char: string) => (all.get(char) ?? []).some((s) => /^surname /i.test(s));
  const people = entries.filter((e) => e.proper).map((e) => ({ headword: e.simplified, pinyin: e.pinyin, sense: e.glosses[0]! }));
  return { all, common, readings, english, people: countPersonNames(people, surnames), countries: countryAbbreviations(all, countryNames()) };
}

function parseEntries(text: string): Entry[] {
  const entries: Entry[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\S+) (\S+) \[([^\]]*)\] \/(.+)\/\s*$/.exec(line);
    if (!m || line.startsWith('#')) continue;
    const first = m[3]!.charCodeAt(0);
    entries.push({ traditional: m[1]!, simplified: m[2]!, pinyin: m[3]!, glosses: m[4]!.split('/').filter(Boolean), proper: first >= 65 && first <= 90 });
  }
  return entries;
}

/** One code point: 只, or 𫪁 outside the Basic Multilingual Plane. */
const isOneCharacter = (word: string) => word.length === 1 || (word.length === 2 && word.codePointAt(0)! > 0xffff);

/**
 * The entries of a simplified character that stands for a traditional one CC-CEDICT writes in no longer word (秖 under
 * 只, 衹): rare characters whose senses a reader of the simplified one seldom means.
 */
function rareVariants(entries: Entry[]): Set<Entry> {
  const used = new Set<string>();
  for (const e of entries) if (!isOneCharacter(e.traditional)) for (const c of e.traditional) used.add(c);
  return new Set(entries.filter((e) => e.traditional !== e.simplified && isOneCharacter(e.traditional) && !used.has(e.traditional)));
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

/**
 * pinyin-pro's reading of a word, a word's or the character's most common one: 说 shuo1, 合 he2, 银行 yin2hang2, where
 * CC-CEDICT's order of readings gives shui4 "persuade" and ge3 "100 ml". Kept, as a document repeats its words.
 */
function readingOf(word: string): string {
  let known = spoken.get(word);
  if (known === undefined) {
    pinyin ??= (require('pinyin-pro') as typeof import('pinyin-pro')).pinyin;
    known = normalisePinyin(pinyin(word, { toneType: 'num', type: 'array' }).join(''));
    if (spoken.size >= 50_000) spoken.clear();
    spoken.set(word, known);
  }
  return known;
}

export function glossDictionary(): Map<string, string[]> {
  return parsed().all;
}

export function glossCommonSenses(): Map<string, string[]> {
  return parsed().common;
}

/** What the offline gloss reads: CC-CEDICT, jieba's words, pinyin-pro's readings and names, the glossary as it is now. */
export function offlineGlossDeps(glossary: GlossDeps['glossary']): GlossDeps {
  const { all, common, readings, english, people, countries } = parsed();
  const resources = loadAlignResources();
  // jieba's dictionary tag of a word said alone ('' when it makes more than one word), kept for the few thousand
  // one-character words asked about again and again.
  const tagOf = (word: string) => {
    let tag = tags.get(word);
    if (tag === undefined) {
      const tagged = resources.segmentChinese(word);
      tag = tagged.length === 1 ? tagged[0]!.tag : '';
      if (isOneCharacter(word)) tags.set(word, tag);
    }
    return tag;
  };
  return {
    segment: (zh) => resources.segmentChinese(zh).map((w) => w.word),
    lookup: (word) => all.get(word) ?? NONE,
    common: (word) => common.get(word) ?? NONE,
    country: (char) => countries.get(char),
    glossary,
    pinyin: (name) => resources.romanize(name).join(''),
    reading: readingOf,
    sensesByReading: (word) => readings.get(word),
    // A function word ("us", "the") is never the plainer alternative: it says less than the first.
    englishFrequency: (word) => (isStopWord(word) ? 0 : (english.get(word) ?? 0)),
    isPlaceName: (word) => PLACE_TAGS.has(tagOf(word)),
    particleKind: (word) => {
      const tag = tagOf(word);
      return tag.startsWith('u') ? 'auxiliary' : tag.startsWith('y') ? 'mood' : undefined;
    },
    isPronoun: (word) => tagOf(word).startsWith('r'),
    people: { surname: (char) => people.surnames.get(char) ?? 0, given: (char) => people.given.get(char) ?? 0 },
  };
}
