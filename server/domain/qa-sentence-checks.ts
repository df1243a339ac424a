// QA checks on the English as sentences: fragments in any sentence of a pair, and sentences broken where the Chinese runs on.

import type { QaFlag } from './qa-checks.ts';
import { splitSentences } from './split-sentences.ts';
import { tokenizeWords } from './tokenize-words.ts';

// The past tenses English does not spell with -ed, a closed class: "The rain fell hard", "Sales grew", "Misty rose".
const IRREGULAR_PAST = `arose ate awoke bore beat bent bet bit bled blew broke bred burnt burst bought cast caught chose clung cost
  crept cut dealt dug dove drew dreamt drank drove dwelt fell fed fought fled flung flew forbade forgot forgave froze grew
  hung heard hid hit hurt knelt laid lay leant leapt learnt lent lit lost meant overcame paid proved quit ran rang rose
  shook shed shone shot shrank shut sang sank sat slew slept slid slung slit smelt sold sought spent spilt spun spat split
  spread sprang stole stuck stung stank strode struck swore swept swam swung taught tore threw thrust trod understood
  upset wept wore wove withdrew wound wrote`;

const VERBS = new Set(
  `am is are was were be been being has have had do does did will would shall should can could may might must
  say says said meet meets met hold holds held make makes made take takes took go goes went come comes came
  give gives gave tell tells told see sees saw know knows knew think thinks thought become becomes became get gets got
  want wants hope hopes agree agrees believe believes support supports welcome welcomes need needs stand stands stood
  remain remains continue continues work works look looks wish wishes note notes stress stresses urge urges call calls
  pledge pledges vow vows seek seeks sought share shares play plays serve serves help helps keep keeps kept let lets
  put puts set sets begin begins began lead leads led find finds found bring brings brought feel feels felt seem seems
  show shows thank thanks leave leaves left build builds built send sends sent speak speaks spoke win wins won
  ${IRREGULAR_PAST}`.split(/\s+/),
);
const NOT_VERBS_ED = new Set(['hundred', 'red', 'bed', 'speed', 'seed', 'feed', 'indeed', 'sacred', 'kindred', 'need']);
const SUBJECT_PRONOUNS = new Set(['i', 'we', 'you', 'they', 'he', 'she', 'it']);
// Words an -s word follows without being a verb: "the number of results", "a pair of shoes", "the two sides".
const NOT_SUBJECT = new Set(['of', 'and', 'or', 'for', 'with', 'from', 'into', 'onto', 'about', 'between', 'among', 'to', 'in', 'on', 'at', 'by',
  'the', 'a', 'an', 'this', 'that', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'other', 'new', 'old', 'key', 'main',
  'more', 'most', 'many', 'few', 'several', 'various', 'both', 'all', 'some', 'these', 'those', 'such', 'own', 'whose', 'good', 'great', 'high', 'low', 'big', 'small']);
const SUBJECT_STARTERS = new Set([...SUBJECT_PRONOUNS, 'the', 'a', 'an', 'this', 'that', 'these', 'those', 'there', 'both', 'all', 'many', 'some', 'our', 'their', 'his', 'her', 'its', 'my', 'your', 'each', 'every', 'no', 'such', 'one', 'most', 'what', 'who']);

// Words that come before an object or a plural noun without being verbs: prepositions, conjunctions, determiners
// and the adverbs that can stand before a noun phrase ("like the others", "maybe my own death", "half the time").
const NOT_VERBS = new Set(`of in on at by for with from into onto to about over under after before between among through
  during without within against toward towards across behind beyond near despite upon around like unlike than as per via
  and or but nor so yet because if when while although though since until unless whereas whether where what which who whom
  the a an this that these those my your his her its our their all both half such each every no some any many much more
  most few other another own maybe perhaps not also just only even still then now here there very quite rather almost
  once twice ago away ever never always often`.split(/\s+/));
// What a verb takes as its object: "Customers love the sauce", "Share the results", "forget it".
const OBJECTS = /^(?:the|a|an|this|that|these|those|my|your|his|her|its|our|their|it|them|me|us|him|some|every|each)$/i;

/**
 * A word that its neighbour shows to be a verb: an object follows it, or it follows a plural subject ("Prices rise").
 * `joined[k]` says no punctuation stands between words k and k + 1 ("The answer, the man" has no verb).
 */
function verbByPlace(words: string[], joined: boolean[], i: number): boolean {
  const w = words[i]!;
  const lower = w.toLowerCase();
  if (NOT_VERBS.has(lower) || /(?:ly|ing)$/.test(lower) || !/^\p{L}[\p{L}'’-]+$/u.test(w)) return false;
  if (joined[i] && OBJECTS.test(words[i + 1] ?? '')) return !(i > 0 && /^\p{Lu}/u.test(w));
  // A plural noun that opens the sentence, or follows only determiners, is its subject: the bare word after it agrees.
  const prev = words[i - 1]?.toLowerCase() ?? '';
  return i > 0 && joined[i - 1] === true && /^\p{Ll}+$/u.test(w) && !/s$/.test(lower) && /^\p{L}{3,}[^su']s$/u.test(prev)
    && words.slice(0, i - 1).every((d) => /^(?:the|these|those|our|their|many|most|some|all|both|other)$/i.test(d));
}

function hasVerb(words: string[], joined: boolean[]): boolean {
  return words.some((w, i) => {
    const lower = w.toLowerCase().replace(/’/g, "'");
    const prev = words[i - 1] ?? '';
    return (
      VERBS.has(lower) ||
      // isn't, it's, they're; but not the possessive in Korea's
      /n't$/.test(lower) ||
      (/'(?:s|re|ve|ll|d|m)$/.test(lower) && SUBJECT_STARTERS.has(lower.split("'")[0]!)) ||
      (lower.length > 3 && lower.endsWith('ed') && !NOT_VERBS_ED.has(lower)) ||
      // What follows "we" or "they" is the verb, whatever it is.
      (SUBJECT_PRONOUNS.has(prev.toLowerCase()) && /^\p{Ll}/u.test(w)) ||
      // "Xi meets", "China hopes": an -s word right after a name is a verb in the third person.
      (i > 0 && /^\p{Lu}/u.test(prev) && /^\p{Ll}+[^s]s$/u.test(w)) ||
      // "The shop opens", "The street runs": so is one after a singular noun that follows an article or "this"
      // ("The close relations", "the two sides": an adjective or a number before a plural noun is not).
      (i > 1 && /^\p{Ll}+[^s]s$/u.test(w) && /^\p{Ll}{3,}$/u.test(prev) && !/(?:s|ly|al|ic|ive|ous|ful|less|ary|ese|ish|ern|ing)$/u.test(prev)
        && !NOT_SUBJECT.has(prev) && words.slice(0, i - 1).some((d) => /^(?:the|a|an|this|that|each|every)$/i.test(d))) ||
      // "jointly advocate": a bare word after an -ly adverb is usually the verb it qualifies
      // (a plural after an -ly adjective, "neighbourly relations", is not).
      (/^\p{Ll}{3,}ly$/u.test(prev) && /^\p{Ll}+$/u.test(w) && !/(?:s|ly)$/u.test(w)) ||
      verbByPlace(words, joined, i)
    );
  });
}

// A sentence that opens or closes inside quotation marks is (part of) what someone says.
const OPENS_SPEECH = /^[\s(\[]*["“‘'「『]/u;
const SPEECH = /^[\s(\[]*["“‘'「『]|["”’'」』][\s)\]]*$/u;

// What opens a sentence before its first word.
const withoutOpeners = (sentence: string) => sentence.replace(/^[\s"“‘'(\[«]+/u, '');

// A line break inside one pair's English is a subtitle cue's or a typed one, not a sentence's end: "This is our
// first meeting,↵isn't it?" is one sentence (splitting the text alone would read each line as a paragraph).
const englishSentences = (tgt: string) => splitSentences(tgt.replace(/\s*\n\s*/g, ' '), 'en');

// A short label and a full-width colon opening the Chinese: 地点：, 联系人：, 时间：.
const LABELLED = /^[^\s，。：；！？“”「」]{1,5}：/u;

/** The first sentence of the English that is not whole: a pair may hold several, and a fragment a machine split off is rarely the first. */
export function checkFragment(src: string, tgt: string): QaFlag | undefined {
  // Headlines and captions have no verb and no full stop in Chinese either: only check sentences. Nor has a notice's
  // labelled line, 地点：三楼会议室。 "Venue: third-floor meeting room.", full stop and all.
  const srcIsSentence = /[。！？!?]["”’」』）)]*$/u.test(src) && !LABELLED.test(src);
  for (const sentence of englishSentences(tgt)) {
    const why = fragmentReason(sentence, srcIsSentence);
    if (why) {
      return {
        code: 'fragment',
        message: `The English “${sentence}” looks like a sentence fragment: ${why.text}.`,
        params: { reason: why.reason, sentence },
      };
    }
  }
  return undefined;
}

function fragmentReason(sentence: string, srcIsSentence: boolean): { reason: string; text: string } | undefined {
  const words: string[] = [];
  const joined: boolean[] = [];
  let afterWord = false;
  for (const token of tokenizeWords(sentence, 'en')) {
    const isWord = /\p{L}/u.test(token);
    if (isWord) {
      if (afterWord) joined[words.length - 1] = true;
      words.push(token);
    }
    afterWord = isWord;
  }
  const [first, next] = words;
  if (!first) return undefined;
  if (/^\p{Ll}/u.test(withoutOpeners(sentence))) return { reason: 'lowercase', text: 'it does not start with a capital letter' };
  // "And share the results": a verb straight after the conjunction has no subject; "And then", "But when he came",
  // "And so, that very evening" go on to one.
  if (/^(and|but|or)$/i.test(first) && next && /^\p{Ll}/u.test(next) && !SUBJECT_STARTERS.has(next.split(/['’]/)[0]!)
    && ((VERBS.has(next) && !next.endsWith('ing')) || verbByPlace(words, joined, 1))) {
    return { reason: 'conjunction', text: `it starts with “${first}” and has no subject` };
  }
  // Speech need not be a sentence ("Wash the rice first.", "No trouble at all."): only narration is held to a verb.
  if (srcIsSentence && words.length >= 3 && !SPEECH.test(sentence) && !hasVerb(words, joined)) return { reason: 'no-verb', text: 'it has no verb' };
  return undefined;
}

// Translators split long Chinese sentences too, but the English sentence they start points back
// ("He", "This") or links on ("In addition"); one that starts with a new noun phrase or a
// conjunction ("…and exchanges. Youth and local levels…") is where a machine broke the sentence.
const RESTARTS = /^(?:he|she|it|they|we|i|you|this|these|that|those|such|both|however|meanwhile|moreover|furthermore|therefore|thus|besides|also|additionally|instead|still|then|in addition|at the same time|on the other hand|in turn)\b/iu;

/** One Chinese sentence whose English is several, the break not a translator's: names the break, "exchanges. Youth". */
export function checkBroken(src: string, tgt: string): QaFlag | undefined {
  if (splitSentences(src, 'zh').length !== 1) return undefined;
  const sentences = englishSentences(tgt);
  for (let k = 1; k < sentences.length; k++) {
    // Speech set apart is a translator's break: 他说，「…」 becomes 'he said. "…"'.
    if (RESTARTS.test(withoutOpeners(sentences[k]!)) || OPENS_SPEECH.test(sentences[k]!)) continue;
    const at = `${/\S+$/u.exec(sentences[k - 1]!)![0]} ${/^\S+/u.exec(sentences[k]!)![0]}`;
    return {
      code: 'broken',
      message: `The Chinese is one sentence but the English breaks it at “${at}”, starting a sentence where the previous one should go on.`,
      params: { at },
    };
  }
  return undefined;
}
