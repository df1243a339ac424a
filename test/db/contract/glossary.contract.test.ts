// The contract of the glossary's pages: finding entries by a piece of a term or note (wildcards taken literally,
// English in any case), counting them, paging in code-point order, and changing an entry's terms.

import { expect, it } from 'vitest';
import { contract } from './stores.ts';
import { addUser } from './fixtures.ts';

contract('glossary repository', (store) => {
  async function seed() {
    const { glossary } = store().repos;
    for (const [zh, en, note] of [['习近平', 'Xi Jinping', '国家主席'], ['务实合作', 'practical cooperation', null], ['百分之五十', '50% of', 'a share, not 50_'],
      ['中韩', 'China-ROK', 'not "China Han"'], ['青年', 'Youth', null]] as const) await glossary.upsert(zh, en, note, null);
  }

  it('when a piece of a term or note is looked for then the entries holding it come in code-point order, counted', async () => {
    await seed();
    const { glossary } = store().repos;
    const zh = async (text: string) => (await glossary.find(text, 10, 0)).map((r) => r.zh);
    expect(await zh('')).toEqual(['中韩', '习近平', '务实合作', '百分之五十', '青年']);
    expect(await zh('合作')).toEqual(['务实合作']);
    expect(await zh('YOUTH')).toEqual(['青年']);
    expect(await zh('china han')).toEqual(['中韩']);
    expect(await zh('主席')).toEqual(['习近平']);
    // A user's % and _ are the characters themselves, not LIKE's wildcards.
    expect(await zh('%')).toEqual(['百分之五十']);
    expect(await zh('0_')).toEqual(['百分之五十']);
    expect(await zh('\\')).toEqual([]);
    expect(await glossary.countFound('')).toBe(5);
    expect(await glossary.countFound('o')).toBe(4);
    expect((await glossary.find('', 2, 2)).map((r) => r.zh)).toEqual(['务实合作', '百分之五十']);
  });

  it('when an entry is changed then its terms and note are the new ones and its author stays', async () => {
    await seed();
    const { glossary } = store().repos;
    const id = (await glossary.byTerms('青年', 'Youth'))!.id;
    expect(await glossary.update(id, '青年', 'young people', '不是 "Youth"')).toBe(1);
    expect(await glossary.entry(id)).toEqual({ id, zh: '青年', en: 'young people', note: '不是 "Youth"', added_by: null });
    expect(await glossary.update(id + 1000, 'x', 'y', null)).toBe(0);
  });

  it('when many entries are upserted at once then new pairs are added as the adder\'s and existing ones keep their author, their note unless a new one is given', async () => {
    await seed();
    const { glossary } = store().repos;
    const by = await addUser(store(), 'lin');
    const many = Array.from({ length: 12_001 }, (_, i) => ({ zh: `术语${i}`, en: `term ${i}`, note: i % 2 ? null : `note ${i}` }));
    await glossary.upsertMany([...many, { zh: '习近平', en: 'Xi Jinping', note: null }, { zh: '青年', en: 'Youth', note: '青年人' }], by);
    expect(await glossary.count()).toBe(5 + 12_001);
    expect(await glossary.byTerms('术语12000', 'term 12000')).toMatchObject({ note: 'note 12000', added_by: by });
    expect(await glossary.byTerms('习近平', 'Xi Jinping')).toMatchObject({ note: '国家主席', added_by: null });
    expect(await glossary.byTerms('青年', 'Youth')).toMatchObject({ note: '青年人', added_by: null });
    const found = await glossary.byTermsMany([{ zh: '习近平', en: 'Xi Jinping' }, { zh: '习近平', en: 'Xi' }, ...many.slice(0, 6000)]);
    expect(found).toHaveLength(6001);
    expect(found.find((r) => r.zh === '习近平')).toMatchObject({ en: 'Xi Jinping', note: '国家主席' });
  });
});
