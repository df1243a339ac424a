// English content words as the aligner compares them: lower-cased, stop words dropped, crudely stemmed.

// Function words carry no evidence of which sentence translates which; the archaic ones are
// here because the King James Bible is a common parallel text. "not" is not one: Chinese says
// 不 and 没 as plainly (MAC-Dev F1, join look refitted five chapters at a time: 0.914 as a stop
// word, 0.920 as content; "no", "why" and "how" as content lost 0.002-0.006).
const STOP_WORDS = new Set(`a an the and or but nor of to in on at by for with from into onto upon unto
as than then so if is am are was were be been being do does did done have has had having it its
this that these those there here he him his she her hers they them their theirs we us our ours you
your yours i me my mine who whom whose which what when where why how no yes all any some
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
  spoken: 'speak', felt: 'feel', kept: 'keep', slept: 'sleep', meant: 'mean', dealt: 'deal',
  dwelt: 'dwell', knelt: 'kneel', lent: 'lend', bent: 'bend', spent: 'spend', lost: 'lose',
  fought: 'fight', caught: 'catch', taught: 'teach', bought: 'buy', sought: 'seek', wrought: 'work',
  sold: 'sell', understood: 'understand', fed: 'feed', met: 'meet', led: 'lead', paid: 'pay',
  laid: 'lay', shook: 'shake', shaken: 'shake', forsook: 'forsake', forsaken: 'forsake',
  drank: 'drink', drunk: 'drink', sang: 'sing', sung: 'sing', sank: 'sink', sunk: 'sink',
  began: 'begin', begun: 'begin', ran: 'run', became: 'become', drew: 'draw', drawn: 'draw',
  grew: 'grow', grown: 'grow', threw: 'throw', thrown: 'throw', flew: 'fly', blew: 'blow',
  blown: 'blow', broke: 'break', broken: 'break', chose: 'choose', chosen: 'choose', froze: 'freeze',
  frozen: 'freeze', stole: 'steal', stolen: 'steal', woke: 'wake', wore: 'wear', worn: 'wear',
  tore: 'tear', torn: 'tear', swore: 'swear', sworn: 'swear', drove: 'drive', driven: 'drive',
  rode: 'ride', ridden: 'ride', rose: 'rise', risen: 'rise', arose: 'arise', arisen: 'arise',
  hid: 'hide', hidden: 'hide', forgave: 'forgive', forgiven: 'forgive', forgot: 'forget',
  forgotten: 'forget', got: 'get', gotten: 'get', fell: 'fall', fallen: 'fall', smote: 'smite',
  smitten: 'smite', struck: 'strike', stricken: 'strike', shone: 'shine', hung: 'hang', dug: 'dig',
  shot: 'shoot', stuck: 'stick', won: 'win', beaten: 'beat', oxen: 'ox', lice: 'louse',
};

// Words whose -est is their own, not a superlative's or Early Modern English's (greatest, knowest): cut, protest
// would be "prot" while protested kept "protest"; prefixed forms (disinterest, reinvest) end with them.
const EST_ROOTS = `arrest attest behest bequest congest conquest contest detest digest divest earnest forest harvest honest
  infest ingest inquest interest invest manifest modest molest priest protest request suggest tempest`.split(/\s+/);

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
  // The base form goes through the same rules, so that 'gave' meets the stem of 'give'.
  // hasOwn: 'constructor' and 'toString' are words too, not the table's inherited members.
  let w = Object.hasOwn(IRREGULAR, word) ? IRREGULAR[word]! : word;
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  for (const suffix of ['ing', 'eth', 'edst', 'ed', 'ly']) {
    if (w.endsWith(suffix) && w.length - suffix.length >= 3) {
      w = w.slice(0, -suffix.length);
      break;
    }
  }
  // After the inflection, so that protest, protests, protested and protesting share one stem.
  if (w.endsWith('est') && w.length >= 6 && !EST_ROOTS.some((root) => w.endsWith(root))) w = w.slice(0, -3);
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

// "didn't" is "did not" and "they'll" is "they": split at the apostrophe, the pieces "didn" and
// "ll" would count as content words no Chinese word can explain.
function withoutContractions(text: string): string {
  return text
    .replace(/\b(can|won|shan)['’]t\b/g, (_, w: string) => `${w === 'won' ? 'will' : w === 'shan' ? 'shall' : 'can'} not`)
    .replace(/n['’]t\b/g, ' not')
    .replace(/['’](s|ll|ve|re|d|m)\b/g, '');
}

/** Stems of the content words in a text (letters and digit runs only), in order, repeats kept. */
export function contentStems(text: string): string[] {
  const out: string[] = [];
  for (const m of withoutContractions(text.toLowerCase()).matchAll(WORD)) {
    const w = m[0];
    if (/^[0-9]/.test(w) || isStopWord(w)) continue;
    out.push(stem(w));
  }
  return out;
}
