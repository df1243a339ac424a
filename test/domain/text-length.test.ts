// Characters as users and the databases count them: 𠮷 (U+20BB7, two UTF-16 code units) is one.
import { describe, expect, it } from 'vitest';
import { charCount, firstChars, longerThan } from '../../server/domain/text-length.ts';

describe('text length in characters', () => {
  it('when text holds characters outside the BMP then each counts once; a lone surrogate counts once too', () => {
    expect(charCount('')).toBe(0);
    expect(charCount('𠮷')).toBe(1);
    expect(charCount('𠮷野家 ok')).toBe(6);
    expect(charCount('\uD842')).toBe(1);
    expect(charCount('a\uDFB7\uD842')).toBe(3);
    expect(charCount('𠮷'.repeat(2000))).toBe(2000);
  });

  it('when text is compared with a limit then characters decide, not code units', () => {
    expect(longerThan('𠮷'.repeat(100), 100)).toBe(false);
    expect(longerThan('𠮷'.repeat(101), 100)).toBe(true);
    expect(longerThan('a'.repeat(101), 100)).toBe(true);
    expect(longerThan('a'.repeat(100), 100)).toBe(false);
  });

  it('when text is cut to a number of characters then no surrogate pair is split', () => {
    expect(firstChars('a𠮷𠮷', 2)).toBe('a𠮷');
    expect(firstChars('𠮷'.repeat(5), 3)).toBe('𠮷𠮷𠮷');
    expect(firstChars('short', 100)).toBe('short');
    expect(firstChars('abc', 0)).toBe('');
  });
});
