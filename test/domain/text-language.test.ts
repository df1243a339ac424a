import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { textLanguage } from '../../server/domain/text-language.ts';

const corpus = (name: string) => fs.readFileSync(path.resolve(import.meta.dirname, '../../corpus', name), 'utf8');

describe('textLanguage', () => {
  it('when the demo corpus is read then the Chinese article is Chinese and the English page, with two Chinese headlines, is English', () => {
    expect(textLanguage(corpus('article.zh.txt'))).toBe('zh');
    expect(textLanguage(corpus('page.en.txt'))).toBe('en');
  });

  it.each([
    ['习近平会见韩国总统文在寅，双方同意推进“一带一路”（BRI）建设。', 'zh'],
    ['新华社北京12月23日电 WTO、APEC和G20框架内加强协调。', 'zh'],
    ['𠀀𪚥是扩展区的汉字。', 'zh'],
    ['President Xi Jinping (习近平) met Moon Jae-in (文在寅) in Beijing on Monday.', 'en'],
    ['12:34 — 2019.12.23', 'unknown'],
    ['', 'unknown'],
  ])('when the text is %j then it is %s', (text, lang) => {
    expect(textLanguage(text)).toBe(lang);
  });
});
