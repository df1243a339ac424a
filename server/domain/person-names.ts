// Tells a Chinese personal name from a word that starts with a surname's character, by the people CC-CEDICT names.

/** A proper-noun entry of CC-CEDICT: 毛泽东 [Mao2 Ze2 dong1] "Mao Zedong (1893-1976) …". */
export interface PersonEntry {
  headword: string;
  pinyin: string;
  sense: string;
}

/** How often CC-CEDICT's people bear a surname, and use a character in their given names. */
export interface PersonNameCounts {
  surname: (char: string) => number;
  given: (char: string) => number;
}

/**
 * Counts the surnames and given-name characters of the entries that are people: a surname and a one- or two-character
 * given name, whose English starts with the name spelled from the entry's own pinyin (Mao Zedong). Places read like
 * names (北京 Bei3 jing1: the given name's syllable is lower case) and country pairs (美德 "USA and Germany") do not.
 */
export function countPersonNames(entries: PersonEntry[], isSurname: (char: string) => boolean) {
  const surnames = new Map<string, number>();
  const given = new Map<string, number>();
  for (const { headword, pinyin, sense } of entries) {
    const chars = [...headword];
    const syllables = pinyin.split(' ');
    if (chars.length < 2 || chars.length > 3 || syllables.length !== chars.length || !isSurname(chars[0]!)) continue;
    if (!/^\p{Lu}/u.test(syllables[1]!)) continue;
    const spell = (s: string) => s.replace(/\d/g, '').replace(/u:/g, 'ü');
    const name = `${spell(syllables[0]!)} ${syllables.slice(1).map(spell).join('')}`.toLowerCase();
    if (!sense.toLowerCase().startsWith(name)) continue;
    surnames.set(chars[0]!, (surnames.get(chars[0]!) ?? 0) + 1);
    for (const c of chars.slice(1)) given.set(c, (given.get(c) ?? 0) + 1);
  }
  return { surnames, given };
}

// Verbs of speech a news sentence puts after a person's name: 陈文明说, 李国庆表示.
const SPEECH = new Set(['说', '表示', '指出', '认为', '称', '介绍', '强调', '告诉', '透露', '坦言', '回忆', '解释', '补充', '宣布', '说道', '问', '答', '回答', '笑', '提出']);

export const isSpeechVerb = (word: string) => SPEECH.has(word);

/** Someone in the dictionary bears it: 王 and 李, not 和, 水, 加 or 中, whose surname no person entry has. */
export const bearsSurname = (char: string, people: PersonNameCounts) => people.surname(char) > 0;

/** Every character of a given name is one some person in the dictionary has in theirs: 建国, not 水平. */
export const looksLikeGivenName = (given: string, people: PersonNameCounts) => [...given].every((c) => people.given(c) > 0);
