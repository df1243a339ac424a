// The document's own character table: Han characters and English stems placed by visible characters, IBM model 1 over a path's beads, and its links in a span of two beads.

import { describe, expect, it } from 'vitest';
import { hanCharacters, learnCharacterTable, placedCharacterLinks, placedStems } from '../../server/align/character-table.ts';
import type { Bead } from '../../server/domain/types.ts';

const tokensOf = (t: { tokens: Int32Array; start: Int32Array }, k: number) => [...t.tokens.slice(t.start[k]!, t.start[k + 1]!)];

describe('placed tokens', () => {
  it('when a Chinese sentence holds punctuation and Latin letters then only its Han characters are tokens, placed by visible characters', () => {
    const t = hanCharacters(['用COBE 就行。']);
    expect(tokensOf(t, 0).map((c) => String.fromCharCode(c))).toEqual(['用', '就', '行']);
    // Eight visible characters (the space is not one): 用 at 0, 就 after "用COBE".
    expect([...t.places]).toEqual([0, 5 / 8, 6 / 8]);
  });

  it('when English words are function words or inflected then the function words go and the inflections are cut, one id a stem', () => {
    const ids = new Map<string, number>();
    const t = placedStems(['The protests were protested.', 'Protest!'], ids);
    expect(tokensOf(t, 0)).toEqual([ids.get('protest'), ids.get('protest')]);
    expect(tokensOf(t, 1)).toEqual([ids.get('protest')]);
    expect(ids.has('the')).toBe(false);
  });
});

describe('learnCharacterTable', () => {
  // Four one-to-one beads: 雨 always meets "rain", 猫 "cat", while 的 meets everything.
  const src = hanCharacters(['下雨的天', '猫的家', '雨的声音', '猫的眼睛']);
  const ids = new Map<string, number>();
  const tgt = placedStems(['A rainy day', 'The cat home', 'Sound of rain', 'Eyes of the cat'], ids);
  const path: Bead[] = [0, 1, 2, 3].map((k) => ({ src: [k], tgt: [k] }));
  const table = learnCharacterTable(path, src, tgt);

  it('when a character always meets an English word then it links to that word above the others', () => {
    const cat = table.get('猫'.charCodeAt(0))!;
    const best = cat.stems[cat.probs.indexOf(Math.max(...cat.probs))];
    expect(best).toBe(ids.get('cat'));
  });

  it('when two beads are taken as one span then a link crossing their boundary is placed across it', () => {
    // 雨 in the second Chinese sentence, "rain" in the first English one: the span of beads 1 and 2 against English 2 and 1 swapped.
    const links = placedCharacterLinks(table, src, tgt, [4, 3, 4, 4], [9, 10, 11, 11], 1, 3, 1, 3);
    const rain = [...links.src.keys()].filter((k) => links.src[k]! >= 3 / 7 && links.tgt[k]! >= 10 / 21);
    expect(rain.length).toBeGreaterThan(0);
    expect(links.weight.every((w) => w >= 0.1)).toBe(true);
  });
});
