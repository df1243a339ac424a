// Offline rough draft: a word-by-word English gloss of a Chinese sentence from a dictionary and glossary.

import { chineseNumeralValue } from './chinese-numerals.ts';
import { firstSense, type EnglishFrequency } from './dictionary-sense.ts';
import { splitDateline } from './news-dateline.ts';
import { bearsSurname, isSpeechVerb, looksLikeGivenName, type PersonNameCounts } from './person-names.ts';
import { composeUnknownWords, isUnknownHan } from './unknown-words.ts';
import { isGrammaticalParticle, readFirst, readingsOf, type WordReadings } from './word-readings.ts';
import { joinCountryAbbreviations } from './place-abbreviations.ts';

export interface GlossDeps extends WordReadings {
  /** Chinese words in order; names the dictionary lacks should come out as one word. */
  segment: (zh: string) => string[];
  /** English senses of a word, best first, as CC-CEDICT gives them; [] when unknown. */
  lookup: (word: string) => string[];
  /** A single character's senses from its common-word entries, without the proper nouns CC-CEDICT lists first. */
  common?: (word: string) => string[];
  /** The country a single character abbreviates when joined to another (韩 in 中韩: South Korea). */
  country?: (char: string) => string | undefined;
  glossary: { zh: string; en: string }[];
  /** Pinyin of a name, with or without tone marks and spaces. */
  pinyin: (name: string) => string;
  englishFrequency?: EnglishFrequency;
  /** How often CC-CEDICT's people bear a surname or have a character in their given names. */
  people?: PersonNameCounts;
  /** Whether the segmenter's dictionary holds the word as the name of a place or body (jieba: 成都 ns). */
  isPlaceName?: (word: string) => boolean;
}

export interface Gloss {
  text: string;
  /** The English note for APIs and logs; the history shows `names` and `unknown` in the reader's language. */
  note: string;
  /** Words spelled as names in pinyin. */
  names: number;
  /** Words left in Chinese, as the dictionary has no sense for them. */
  unknown: number;
}

const PUNCTUATION: Record<string, string> = {
  '，': ',', '、': ',', '。': '.', '．': '.', '；': ';', '：': ':', '？': '?', '！': '!',
  '“': '“', '”': '”', '‘': '‘', '’': '’', '「': '“', '」': '”', '『': '‘', '』': '’', '《': '“', '》': '”',
  '（': '(', '）': ')', '【': '[', '】': ']', '〔': '[', '〕': ']', '—': '—', '——': '—', '…': '...', '……': '...', '～': '~',
};
// Marks written against the word before them, and those written against the word after.
const CLOSES = new Set([',', '.', ';', ':', '?', '!', '”', '’', ')', ']', '...', '%']);
const OPENS = new Set(['“', '‘', '(', '[']);
const MONTHS = 'January February March April May June July August September October November December'.split(' ');
const NUMERAL = '[零〇一二两三四五六七八九十百千万亿]';
const NUMBER = new RegExp(
  `百分之(${NUMERAL}+|[\\d０-９.]+)|(第)?([\\d０-９]+(?:[.,．][\\d０-９]+)*|${NUMERAL}+(?:点${NUMERAL}+)?)(万亿|万|亿)?(年|月|日|号|元)?`,
  'gu',
);

/**
 * A news dateline's mark first, then glossary terms (longest match), then numbers, then dictionary words (the first
 * usable sense of the reading the word has here, cleaned of CC-CEDICT annotations). A word the dictionary lacks is read
 * through the words that make it up, or as joined country abbreviations; one that looks like a name, or a given name
 * after a surname someone bears, is spelled in pinyin. Anything else unknown stays in Chinese.
 */
export function glossTranslate(zh: string, deps: GlossDeps): Gloss {
  const words: string[] = [];
  let unknown = 0;
  let names = 0;
  const pieces = splitDateline(zh).flatMap((p) => (p.en === undefined ? splitGlossary(p.zh, deps.glossary) : [p]));
  for (const piece of pieces) {
    if (piece.en !== undefined) {
      words.push(piece.en);
      continue;
    }
    for (const part of splitNumbers(piece.zh)) {
      if (part.en !== undefined) {
        words.push(part.en);
        continue;
      }
      const stretch = wordsOf(part.zh, deps);
      const { segments, deps: local } = stretch;
      for (let i = 0; i < segments.length; i++) {
        const seg = segments[i]!.trim();
        const punct = PUNCTUATION[seg];
        const senses = sensesInContext(stretch, i);
        const sense = firstSense(senses, local.englishFrequency);
        const next = segments[i + 1]?.trim() ?? '';
        const isSurname = senses.some((s) => /^surname /i.test(s));
        if (punct) words.push(punct);
        else if (!/\p{Script=Han}/u.test(seg)) words.push(seg);
        else if (isGrammaticalParticle(seg, stretch.readings[i], senses, local)) continue;
        else if (isSurname && TITLES.has(next)) {
          words.push(capitalise(romanise(local.pinyin(seg))));
          names++;
        }
        else if (isSurname && startsName(seg, next, segments[i + 2]?.trim() ?? '', local)) {
          words.push(`${capitalise(romanise(local.pinyin(seg)))} ${capitalise(romanise(local.pinyin(next)))}`);
          names++;
          i++;
        } else if (sense) words.push(sense);
        else if ([...seg].length === 2 || [...seg].length === 3) {
          words.push(spellName(seg, local));
          names++;
        } else {
          words.push(seg);
          unknown++;
        }
      }
    }
  }
  return { text: join(words), note: noteFor(unknown, names), names, unknown };
}

/**
 * The words of a stretch of Chinese: jieba's, with unknown words split into dictionary words and runs of country
 * abbreviations made one word, whose English the returned lookup gives; and the reading of each word read several ways.
 */
function wordsOf(zh: string, deps: GlossDeps): Words {
  // Countries first, among jieba's own words: the pieces of split words (水中加盐: 水 中 加 盐) are no list of states.
  const { segments: joined, english } = joinCountryAbbreviations(deps.segment(zh).filter((s) => s.trim()), {
    lookup: deps.lookup,
    abbreviation: (c) => deps.country?.(c),
  });
  const local = { ...deps, lookup: (word: string) => (english.has(word) ? [english.get(word)!] : deps.lookup(word)) };
  const { segments, pieces } = composeUnknownWords(joined, local);
  return { segments, pieces, readings: readingsOf(segments, deps), deps: local };
}

interface Words {
  segments: string[];
  /** Places of the words made by splitting a word the dictionary lacks. */
  pieces: Set<number>;
  /** Each word's numbered pinyin, when the dictionary reads it more than one way. */
  readings: (string | undefined)[];
  deps: GlossDeps;
}

// The terms by first character, longest first, made once per glossary: a draft of every row of a document made it
// for each sentence, a pass over the whole glossary each time.
const glossaryIndexes = new WeakMap<GlossDeps['glossary'], Map<string, { zh: string; en: string }[]>>();

function termsByFirst(glossary: GlossDeps['glossary']): Map<string, { zh: string; en: string }[]> {
  let byFirst = glossaryIndexes.get(glossary);
  if (byFirst) return byFirst;
  byFirst = new Map();
  for (const term of glossary) {
    if (!term.zh || !term.en) continue;
    const list = byFirst.get(term.zh[0]!) ?? [];
    list.push(term);
    byFirst.set(term.zh[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.zh.length - a.zh.length);
  glossaryIndexes.set(glossary, byFirst);
  return byFirst;
}

function splitGlossary(zh: string, glossary: GlossDeps['glossary']): { zh: string; en?: string }[] {
  const byFirst = termsByFirst(glossary);
  const out: { zh: string; en?: string }[] = [];
  let plain = '';
  for (let i = 0; i < zh.length; ) {
    const term = byFirst.get(zh[i]!)?.find((t) => zh.startsWith(t.zh, i));
    if (!term) {
      plain += zh[i++];
      continue;
    }
    if (plain) out.push({ zh: plain });
    out.push({ zh: term.zh, en: term.en });
    plain = '';
    i += term.zh.length;
  }
  if (plain) out.push({ zh: plain });
  return out;
}

function splitNumbers(text: string): { zh: string; en?: string }[] {
  const out: { zh: string; en?: string }[] = [];
  let last = 0;
  for (const m of text.matchAll(NUMBER)) {
    const [all, percent, ordinal, digits = '', scale, unit] = m;
    // 万一 ("in case") and 千万 ("by all means") are words; a lone 一 is usually "a" or "one".
    if (!percent && !ordinal && !/[\d０-９]/.test(digits) && (/^[百千万亿]/u.test(digits) || [...digits].length < 2)) continue;
    const value = numberValue(percent ?? digits);
    if (value === undefined) continue;
    const scaled = value * (scale === '万亿' ? 1e12 : scale === '万' ? 1e4 : scale === '亿' ? 1e8 : 1);
    // A sum of money keeps its thousands apart, as does a figure the source wrote so (2,340元 is 2,340 yuan).
    const grouped = unit === '元' || digits.includes(',');
    let en = unit === '年' || (scaled < 10000 && !grouped) ? String(scaled) : scaled.toLocaleString('en-US');
    if (percent) en += '%';
    else if (ordinal) en = ordinalOf(scaled);
    else if (unit === '月' && scaled >= 1 && scaled <= 12) en = MONTHS[scaled - 1]!;
    else if (unit === '元') en += ' yuan';
    if (m.index > last) out.push({ zh: text.slice(last, m.index) });
    // 第八次 is "8th": the classifier after an ordinal has no English word.
    const classifier = ordinal && /[次届轮个位条]/u.test(text[m.index + all.length] ?? '') ? 1 : 0;
    out.push({ zh: all, en });
    last = m.index + all.length + classifier;
  }
  if (last < text.length) out.push({ zh: text.slice(last) });
  return out;
}

function numberValue(numeral: string): number | undefined {
  const ascii = numeral.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)).replace(/[．]/g, '.');
  return /\d/.test(ascii) ? Number(ascii.replace(/,/g, '')) : chineseNumeralValue(ascii);
}

function ordinalOf(n: number): string {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th';
  return `${n}${suffix}`;
}

// Words of address after a surname, which make it a name (周大爷 is Uncle Zhou, not "the Zhou dynasty's uncle").
const TITLES = new Set([
  '先生', '太太', '小姐', '夫人', '女士', '老师', '师傅', '大爷', '老爷', '大娘', '大妈', '大婶', '大叔', '大哥', '大姐', '大嫂',
  '嫂子', '奶奶', '爷爷', '姑娘', '同志', '教授', '博士', '医生', '总统', '主席', '总理', '部长', '经理', '家的', '公公',
]);

// Words that join a list of places: 中、美 or 中和韩.
const LIST_LINKS = new Set(['、', '和', '与', '及', '同']);

/**
 * A single character whose first dictionary entry is a proper noun (比 Belgium, 德 Germany) means its common senses
 * (compare, virtue) unless a neighbouring word, across a list's 、 or 和, is such a name too: 中、美 are countries.
 */
function sensesInContext({ segments, pieces, readings, deps }: Words, i: number): string[] {
  const word = segments[i]!.trim();
  const reading = readings[i];
  const common = deps.common?.(word) ?? [];
  if (!firstSense(common) || !isProperFirst(word, deps)) return readFirst(word, deps.lookup(word), reading, deps);
  // A piece of a split word is no name, nor stands beside one: 加 in 加水 is "add", not Canada.
  const neighbour = (step: number) => {
    let k = i + step;
    while (LIST_LINKS.has(segments[k]?.trim() ?? '')) k += step;
    return pieces.has(k) ? '' : (segments[k]?.trim() ?? '');
  };
  if (!pieces.has(i) && (isProperFirst(neighbour(-1), deps) || isProperFirst(neighbour(1), deps))) return deps.lookup(word);
  // The proper senses stay after the common ones, so that a surname is still seen before a given name.
  return readFirst(word, [...common, ...deps.lookup(word)], reading, deps);
}

/**
 * A surname jieba set apart starts a name with the next word when that is no word (华 / 春莹) or, where the dictionary's
 * people are known, when they have its characters in their given names and a verb of speech follows (陈 / 文明 / 说).
 * Someone must bear the surname: 和 / 国家 is "and country".
 */
function startsName(surname: string, next: string, after: string, deps: GlossDeps): boolean {
  if ([...next].length > 2 || (deps.people && !bearsSurname(surname, deps.people))) return false;
  if (isUnknownHan(next, deps)) return true;
  return !!deps.people && /^\p{Script=Han}+$/u.test(next) && looksLikeGivenName(next, deps.people) && isSpeechVerb(after);
}

function isProperFirst(word: string, deps: GlossDeps): boolean {
  if ([...word].length !== 1 || !deps.common) return false;
  const first = firstSense(deps.lookup(word));
  return first !== undefined && first !== firstSense(deps.common(word));
}

/** 金灿荣 → Jin Canrong when the first character is a surname; otherwise one capitalised word. */
function spellName(name: string, deps: GlossDeps): string {
  const [surname = '', ...given] = [...name];
  if (deps.lookup(surname).some((s) => /^surname /i.test(s))) {
    return `${capitalise(romanise(deps.pinyin(surname)))} ${capitalise(romanise(deps.pinyin(given.join(''))))}`;
  }
  return capitalise(romanise(deps.pinyin(name)));
}

/** Pinyin without tone marks or spaces; ü keeps its dots. */
function romanise(pinyin: string): string {
  return pinyin.normalize('NFD').replace(/[\u0300\u0301\u0304\u030C\s]/g, '').normalize('NFC').toLowerCase();
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function join(words: string[]): string {
  let text = '';
  let glue = true;
  let mark = false;
  for (const w of words) {
    const isMark = /^[?!.,;:]$/.test(w);
    // A sense's own mark (怎么 "how?", 哇 "Wow!") gives way to the sentence's: "how??" and "Wow!," read as slips.
    if (isMark && !mark && /[?!]$/.test(text)) text = text.slice(0, -1);
    text += glue || CLOSES.has(w) ? w : ` ${w}`;
    glue = OPENS.has(w);
    mark = isMark;
  }
  // Sentences start with a capital, in a gloss as in a translation.
  return text.trim().replace(/(^|[.?!]\s+)(\p{Ll})/gu, (_, before: string, c: string) => before + c.toUpperCase());
}

function noteFor(unknown: number, names: number): string {
  const parts = ['Word-by-word gloss from the offline dictionary, not a translation: rewrite it into natural English.'];
  if (names) parts.push(`${names} likely ${names === 1 ? 'name was' : 'names were'} spelled in pinyin; check the spelling.`);
  if (unknown) parts.push(`${unknown} ${unknown === 1 ? 'word is' : 'words are'} not in the dictionary and left in Chinese.`);
  return parts.join(' ');
}
