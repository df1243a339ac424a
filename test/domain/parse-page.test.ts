import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isNoise, parsePage } from '../../server/domain/parse-page.ts';

const page = fs.readFileSync(path.resolve(import.meta.dirname, '../../corpus/page.en.txt'), 'utf8');

describe('parsePage on the demo page', () => {
  const items = parsePage(page);
  const of = (kind: string) => items.filter((i) => i.kind === kind);

  it('when the page starts with a date line then it is recognised', () => {
    expect(of('dateline').map((i) => i.text)).toEqual(['October 3, 2022']);
  });

  it('when headline entries are listed then all five are found with times, both Chinese ones as Chinese', () => {
    const headlines = of('headline');
    expect(headlines.map((h) => [h.time, h.lang])).toEqual([
      ['2:57 pm', 'zh'], ['8:57 pm', 'zh'], ['12:34 pm', 'en'], ['12:26 pm', 'en'], ['9:57 am', 'en'],
    ]);
    expect(headlines.filter((h) => h.lang === 'zh').map((h) => h.text)).toEqual(['金灿荣教授 精华精选', '黑超哥 精选精华']);
  });

  it('when adverts and captions stand between paragraphs then they are noise, a caption line by line', () => {
    expect(of('noise').map((i) => [i.text, i.paragraph])).toEqual([
      ['Sponsor Advertisement', 15],
      ['Hong Kong', 20], ['Hong Kong, CHINA', 20],
      ['8th China Japan Korea Leader Meeting Chengdu', 29], ['8th China Japan Korea Leader Summit Chengdu, China', 29],
    ]);
  });

  it('when the article is split then it has 21 paragraphs of sentences and 27 sentences, the MT breaks kept', () => {
    const sentences = of('sentence');
    expect(new Set(sentences.map((s) => s.paragraph)).size).toBe(21);
    expect(sentences).toHaveLength(27);
    expect(sentences[0]!.text).toMatch(/^President Xi Jinping met with President Moon Jae-in/);
    expect(sentences.at(-1)!.text).toBe('Moon Jae-in is in China for the 8th China-Japan-ROK Leader Summit scheduled in Chengdu today, a city in southwestern China.');
    expect(sentences.map((s) => s.text)).toContain('And share the results of cooperation.');
    expect(sentences.some((s) => s.text.startsWith('Youth and local levels'))).toBe(true);
  });

  it('when items are returned then offsets point at their text in the page and paragraphs never go back', () => {
    for (const i of items) expect(page.slice(i.start, i.end)).toBe(i.text);
    const paragraphs = items.map((i) => i.paragraph);
    expect(paragraphs).toEqual([...paragraphs].sort((a, b) => a - b));
  });
});

describe('parsePage on other pages', () => {
  it('when headline entries carry hashtags then they become tags', () => {
    const [h] = parsePage('• 10:05 am 中国外交部例行记者会 #外交 #China\n\nBody text here.');
    expect(h).toMatchObject({ kind: 'headline', text: '中国外交部例行记者会', tags: ['外交', 'China'], lang: 'zh', time: '10:05 am' });
  });

  it('when a page has no header then everything is article', () => {
    const items = parsePage('The meeting began. It ended.\n\nAdvertisement\n\nA second paragraph.');
    expect(items.map((i) => i.kind)).toEqual(['sentence', 'sentence', 'noise', 'sentence']);
  });

  it('when a block of short lines has no sentence end then each line is noise; when one line ends a sentence then it is a wrapped paragraph', () => {
    const caption = 'Crowds at the harbour\nVictoria Harbour, HONG KONG';
    expect(parsePage(`First sentence.\n\n${caption}\n\nLast sentence.`).map((i) => [i.kind, i.text])).toEqual([
      ['sentence', 'First sentence.'], ['noise', 'Crowds at the harbour'], ['noise', 'Victoria Harbour, HONG KONG'], ['sentence', 'Last sentence.'],
    ]);
    const wrapped = parsePage('The two sides agreed to deepen\ncooperation in trade.');
    expect(wrapped.map((i) => [i.kind, i.text])).toEqual([['sentence', 'The two sides agreed to deepen cooperation in trade.']]);
  });

  it('when a short line ends like a sentence then it is not noise', () => {
    expect(isNoise('He left.')).toBe(false);
    expect(isNoise('Photo: Xinhua')).toBe(true);
    expect(isNoise('Share this')).toBe(true);
  });
});
