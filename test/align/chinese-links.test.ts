// Which Chinese words may link to English: grammar words are left out, and a word's links are its dictionary's first senses.

import { describe, expect, it } from 'vitest';
import { MAX_STEMS, parseCedict } from '../../server/align/cedict-lexicon.ts';
import { loadAlignResources, readCedictText } from '../../server/align/load-resources.ts';
import { segmentDocument } from '../../server/align/sentence-features.ts';

describe('Chinese words that link', () => {
  it('when a sentence holds auxiliaries and modal particles then they carry no links, its content words do', () => {
    const doc = segmentDocument(['她的书丢了吗？', '他慢慢地走着呢。'], ['Has she lost her book?', 'He walks slowly.'], loadAlignResources());
    const words = doc.src.flatMap((links) => [...links.keys()]);
    for (const particle of ['的', '了', '吗', '地', '着', '呢']) expect(words).not.toContain(particle);
    for (const content of ['书', '丢', '慢慢', '走']) expect(words).toContain(content);
  });

  it('when CC-CEDICT lists many senses then a word keeps the stems of its first ones', () => {
    const lexicon = parseCedict(readCedictText());
    const stems = (word: string) => lexicon.headwords.get(word)!.map((id) => lexicon.stems[id]!);
    const look = stems('看');
    expect(look.length).toBe(MAX_STEMS);
    // 看's first senses ("to look after; to take care of; to watch; to guard", then "to see; to look at"),
    // not its later ones ("to depend on", "to feel (that)", "to give it a try").
    for (const first of ['look', 'car', 'watch', 'see']) expect(look).toContain(first);
    for (const later of ['depend', 'feel', 'try']) expect(look).not.toContain(later);
  });
});
