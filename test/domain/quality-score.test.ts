import { describe, expect, it } from 'vitest';
import { qualityScore, reviewError, sourceWordCount } from '../../server/domain/quality-score.ts';

describe('sourceWordCount', () => {
  it('when the text is Chinese then each Han character is a word, and a Latin name or a number one more', () => {
    expect(sourceWordCount('习近平会见文在寅。')).toBe(8);
    expect(sourceWordCount('第8届中日韩领导人会议在成都举行')).toBe(16); // 15 Han characters and "8"
    expect(sourceWordCount('G20峰会于2019年举行')).toBe(8); // 峰会于年举行, G20 and 2019
    expect(sourceWordCount('文在寅（Moon Jae-in）')).toBe(6); // 文在寅, Moon, Jae, in
  });

  it('when a number has thousands separators or a decimal point then it is one word, and a comma between words is not', () => {
    expect(sourceWordCount('一共2,340元')).toBe(4); // 一共元 and 2,340
    expect(sourceWordCount('增长1,234.56亿元，约3.5%')).toBe(7); // 增长亿元约, 1,234.56 and 3.5
    expect(sourceWordCount('Alipay,WeChat Pay。1，2')).toBe(5); // a full-width comma parts numbers
  });

  it('when a character is outside the BMP then it counts once, as a Han character or in a word', () => {
    expect(sourceWordCount('𠮷野家')).toBe(3); // 𠮷 (U+20BB7) is one Han character, not two code units
    expect(sourceWordCount('𪚥𪚥龘')).toBe(3);
    expect(sourceWordCount('𝐁𝐨𝐥𝐝 text 𠮷')).toBe(3); // mathematical bold letters are one word
  });

  it('when the text is empty or punctuation then it has no words', () => {
    expect(sourceWordCount('')).toBe(0);
    expect(sourceWordCount('——“”。')).toBe(0);
  });
});

describe('qualityScore', () => {
  it('when there is no error then the score is 100 and no penalty', () => {
    expect(qualityScore([], 1000)).toEqual({ errors: 0, penalty: 0, sourceWords: 1000, per1000: 0, score: 100 });
  });

  it('when 1,000 source words carry a minor, a major and a critical error then 16 points: 16 per 1,000 words and 98.4', () => {
    const q = qualityScore(['minor', 'major', 'critical'], 1000);
    expect(q).toMatchObject({ errors: 3, penalty: 16, per1000: 16 });
    expect(q.score).toBeCloseTo(98.4, 10);
  });

  it('when the same errors fall on fewer words then the score is lower', () => {
    expect(qualityScore(['major'], 100).score).toBeCloseTo(95, 10);
    expect(qualityScore(['major'], 100).per1000).toBe(50);
    expect(qualityScore(['major'], 50).score).toBeLessThan(qualityScore(['major'], 100).score);
  });

  it('when the penalty exceeds the words then the score stops at 0', () => {
    expect(qualityScore(['critical', 'critical'], 12).score).toBe(0);
  });

  it('when there are errors but no source words then the score is 0; with neither it is 100', () => {
    expect(qualityScore(['minor'], 0)).toMatchObject({ score: 0, per1000: Infinity });
    expect(qualityScore([], 0).score).toBe(100);
  });
});

describe('reviewError', () => {
  it('when both are given then they are the error; when neither then there is none', () => {
    expect(reviewError('terminology', 'critical')).toEqual({ category: 'terminology', severity: 'critical' });
    expect(reviewError(undefined, '')).toBeNull();
  });

  it('when one is missing or unknown then a ValidationError names the choices', () => {
    expect(() => reviewError('grammar', 'minor')).toThrow(/accuracy, fluency, terminology, style, locale/);
    expect(() => reviewError('style', undefined)).toThrow(/minor, major, critical/);
    expect(() => reviewError(undefined, 'minor')).toThrow(/category/);
  });
});
