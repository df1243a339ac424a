// English content words as the aligner compares them: lower-cased, stop words dropped, crudely stemmed.

// Function words carry no evidence of which sentence translates which; the archaic ones are
// here because the King James Bible is a common parallel text.
const STOP_WORDS = new Set(`a an the and or but nor of to in on at by for with from into onto upon unto
as than then so if is am are was were be been being do does did done have has had having it its
this that these those there here he him his she her hers they them their theirs we us our ours you
your yours i me my mine who whom whose which what when where why how not no yes all any some
each every such very too also just only own same other more most much many can could will would
shall should may might must let out up down over under about after before again once
thee thou thy thine ye hath doth art shalt wilt unto also even s t o etc sb sth something someone
one's oneself itself himself herself themselves yourself surname`.split(/\s+/));

// Archaic and irregular forms mapped to the stem the dictionary's glosses produce.
const IRREGULAR: Record<string, string> = {
  saith: 'say', said: 'say', spake: 'speak', spoke: 'speak', went: 'go', gone: 'go', came: 'come',
  gave: 'give', given: 'give', took: 'take', taken: 'take', made: 'make', saw: 'see', seen: 'see',
  men: 'man', women: 'woman', children: 'child', brethren: 'brother', sons: 'son', feet: 'foot',
  begat: 'beget', begotten: 'beget', knew: 'know', known: 'know', told: 'tell', brought: 'bring',
  thought: 'think', found: 'find', sent: 'send', built: 'build', slew: 'slay', slain: 'slay',
  died: 'die', dead: 'die', death: 'die', ate: 'eat', eaten: 'eat', sat: 'sit', stood: 'stand',
  wrote: 'write', written: 'write', heard: 'hear', held: 'hold', left: 'leave', lay: 'lie',
  people: 'people', mice: 'mouse', teeth: 'tooth', geese: 'goose', fled: 'flee', wept: 'weep',
};

// Glosses and texts repeat the same few thousand words; stemming each once matters for load time.
const stemmed = new Map<string, string>();

/** The stem under which a word is indexed; the same function serves glosses and sentences. */
export function stem(word: string): string {
  let out = stemmed.get(word);
  if (out === undefined) {
    out = stemUncached(word);
    if (stemmed.size < 200_000) stemmed.set(word, out);
  }
  return out;
}

function stemUncached(word: string): string {
  const irregular = IRREGULAR[word];
  if (irregular) return irregular;
  let w = word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ing', 'eth', 'edst', 'est', 'ed', 'ly']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && /([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
  // wife/wives, knife/knives, thief/thieves, grief/grieve: English voices a final f before -es.
  if (w.length >= 3 && w.endsWith('f')) w = w.slice(0, -1) + 'v';
  return w;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}

const WORD = /[a-z]+|[0-9]+/g;

/** Stems of the content words in a text (letters and digit runs only), in order, repeats kept. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const m of text.toLowerCase().replace(/['’]s\b/g, '').matchAll(WORD)) {
    const w = m[0];
    if (/^[0-9]/.test(w) || isStopWord(w)) continue;
    out.push(stem(w));
  }
  return out;
}
