// Reads runs of one-character country abbreviations (中韩, 中日韩, 韩中) as the countries they join: China-South Korea.

import { firstSense } from './dictionary-sense.ts';
import { isUnknownHan } from './unknown-words.ts';

/** A country's name in each language, as a locale database (ICU) writes it: 韩国, South Korea. */
export interface CountryName {
  zh: string;
  en: string;
}

/**
 * The countries single characters stand for, as CC-CEDICT says: 日 is "abbr. for 日本", 俄 "abbr. for 俄罗斯", and 韩 and
 * 美 are the first character of 韩国 and 美国. Only abbreviations of countries count: 京 for Beijing or 易 for the Book
 * of Changes join no list of states.
 */
export function countryAbbreviations(senses: Map<string, string[]>, countries: CountryName[]): Map<string, string> {
  const english = new Map<string, string>();
  // The first of the codes that share a name (GB and UK are both 英国) has its usual short name.
  for (const c of countries) if (!english.has(c.zh)) english.set(c.zh, c.en);
  const out = new Map<string, string>();
  for (const [headword, list] of senses) {
    if ([...headword].length !== 1) continue;
    const full = [`${headword}国`, ...list.flatMap((s) => [...s.matchAll(ABBREVIATION)].map((m) => m[1]!))]
      .find((w) => w.includes(headword) && english.has(w));
    if (full) out.set(headword, english.get(full)!);
  }
  return out;
}
// "abbr. for 日本[Ri4 ben3]", "abbr. for 俄羅斯|俄罗斯[E2 luo2 si1]", "abbr. for Vietnam 越南": the simplified form.
const ABBREVIATION = /abbr\. for [^\p{Script=Han}]*(?:\p{Script=Han}+\|)?(\p{Script=Han}+)/gu;

/**
 * The segments with each run of country abbreviations made one word, and that word's English: jieba cuts 中韩 into 中
 * and 韩, and keeps 韩中 whole though no dictionary has it. A segment the dictionary reads first as something else (美德
 * "virtue", 日中 "noon") names countries only beside another abbreviation (中美德); a lone abbreviation stays a word.
 */
export function joinCountryAbbreviations(
  segments: string[],
  deps: { lookup: (word: string) => string[]; abbreviation: (char: string) => string | undefined },
): { segments: string[]; english: Map<string, string> } {
  const out: string[] = [];
  const english = new Map<string, string>();
  let run: string[] = [];
  const flush = (after = '') => {
    if (!run.length) return;
    const chars = [...run.join('')];
    // Beside a word no dictionary has, 阿斯 is part of a foreign name (彭齐阿斯, Penzias), not Afghanistan-Slovakia.
    const inName = isUnknownHan(out.at(-1)?.trim() ?? '', deps) || isUnknownHan(after.trim(), deps);
    // A word that reads first as something else (美德 "virtue") names countries only in a list of them (中美德).
    const alone = run.length === 1 && !namesCountries(run[0]!, deps, true);
    if (chars.length >= 2 && !inName && !alone) {
      out.push(chars.join(''));
      english.set(chars.join(''), chars.map((c) => deps.abbreviation(c)!).join('-'));
    } else out.push(...run);
    run = [];
  };
  for (const segment of segments) {
    if (isCountryRun(segment.trim(), deps)) run.push(segment.trim());
    else {
      flush(segment);
      out.push(segment);
    }
  }
  flush();
  return { segments: out, english };
}

const isCountryRun = (word: string, deps: Parameters<typeof joinCountryAbbreviations>[1]) => namesCountries(word, deps, false);

/**
 * Every character abbreviates a country, and the dictionary has no other reading of the word: none at all (韩中), or
 * one that names the first country, as its first reading or (when `first` is false) any of them (美德 "USA and Germany").
 */
function namesCountries(word: string, deps: Parameters<typeof joinCountryAbbreviations>[1], first: boolean): boolean {
  const chars = [...word];
  if (!chars.length || !chars.every((c) => deps.abbreviation(c))) return false;
  if (chars.length === 1) return true;
  const readings = deps.lookup(word).map((s) => firstSense([s])).filter((s) => s !== undefined);
  const country = deps.abbreviation(chars[0]!)!;
  return !readings.length || (first ? readings[0]!.includes(country) : readings.some((r) => r.includes(country)));
}
