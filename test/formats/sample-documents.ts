// Documents for the format tests: a real Chinese-English sample and fast-check generators of hostile ones.

import fc from 'fast-check';
import type { BilingualDocument, BilingualPair } from '../../server/formats/bilingual-document.ts';
import { State, type StateValue } from '../../server/domain/types.ts';

export const XI_ZH = '习近平指出，中韩两国是亚洲和世界上重要的国家。';
export const XI_EN = 'Xi Jinping pointed out that China and South Korea are important countries in Asia and the world.';

function pair(overrides: Partial<BilingualPair> & Pick<BilingualPair, 'id' | 'index' | 'src' | 'tgt'>): BilingualPair {
  return {
    srcSegments: overrides.src ? [overrides.src] : [],
    tgtSegments: overrides.tgt ? [overrides.tgt] : [],
    state: State.machine, score: null, editDistance: null, version: 1, lastEditor: null, changedAt: null, comments: [],
    ...overrides,
  };
}

/** One pair per state, a 2-1 bead, an empty target, and every character class the formats must keep. */
export function sampleDocument(): BilingualDocument {
  return {
    title: '中韩关系 & “新时代” <2024>',
    srcLang: 'zh-CN',
    tgtLang: 'en',
    created: '2024-05-01T08:30:00.000Z',
    changed: '2024-05-03T17:45:12.000Z',
    pairs: [
      pair({ id: '101', index: 0, src: XI_ZH, tgt: XI_EN, state: State.approved, score: 0.93, editDistance: 3, version: 4,
        lastEditor: 'li.wei', changedAt: '2024-05-03T17:45:12.000Z', comments: ['“亚洲”译法已确认。', 'Reviewer: "Asia" & \'world\' <ok>'] }),
      pair({ id: '102', index: 1, src: '双方同意加强战略沟通。深化务实合作。', tgt: 'Both sides agreed to strengthen strategic communication and deepen practical cooperation.',
        srcSegments: ['双方同意加强战略沟通。', '深化务实合作。'], state: State.translated, score: 0.71, editDistance: 12, version: 2,
        lastEditor: '王芳', changedAt: '2024-05-02T09:00:00.000Z' }),
      pair({ id: '103', index: 2, src: '「一带一路」倡议提出十周年，𠀀𪚥😀。', tgt: 'The tenth anniversary of the "Belt and Road" initiative, 𠀀𪚥😀.', score: 0.88 }),
      pair({ id: '104', index: 3, src: '会谈在友好气氛中进行。', tgt: '', state: State.untranslated, score: 0.5 }),
      pair({ id: '106', index: 4, src: '两国元首互致贺电。', tgt: 'The two heads of state exchanged congratulations.', state: State.translated, score: 0.8,
        importedAs: { state: State.approved, editor: 'rita & “丽塔”' } }),
      pair({ id: '105', index: 5, src: '', tgt: '(Photo: Xinhua)', state: State.rejected, score: 0, editDistance: 0, version: 3,
        lastEditor: 'qa', changedAt: '2024-05-03T10:00:00.000Z', comments: ['Caption, not in the source.'] }),
    ],
  };
}

// Characters that break naive escaping or encoding, mixed with arbitrary XML-legal code points.
const TRICKY = ['&', '<', '>', '"', "'", '&amp;', '&#13;', ']]>', '<!--', '\r', '\r\n', '\n', '\t', ' ', '\u3000', '\u00A0',
  '“', '”', '「', '」', '，', '。', '！', '？', '😀', '👍🏽', '𠀀', '𪚥', '𠮷', '中', '韩', '亚洲', 'Xi', 'é', 'e\u0301', 'Ω', '\uFEFF'];
const XML_CHAR = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]+$/u;

export const textArb = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }).filter((c) => XML_CHAR.test(c)) },
  ),
  maxLength: 12,
});

const dateArb = fc.integer({ min: 946_684_800, max: 4_102_444_799 }).map((s) => new Date(s * 1000).toISOString());
const stateArb = fc.constantFrom<StateValue>(...Object.values(State));

const pairArb = fc.record({
  src: textArb,
  tgt: textArb,
  srcSegments: fc.option(fc.array(textArb, { maxLength: 3 })),
  tgtSegments: fc.option(fc.array(textArb, { maxLength: 3 })),
  state: stateArb,
  score: fc.option(fc.double({ min: 0, max: 1, noNaN: true }).map((x) => x + 0)),
  editDistance: fc.option(fc.nat()),
  version: fc.integer({ min: 1, max: 1000 }),
  lastEditor: fc.option(textArb),
  changedAt: fc.option(dateArb),
  comments: fc.array(textArb, { maxLength: 3 }),
});

export const documentArb: fc.Arbitrary<BilingualDocument> = fc.record({
  title: textArb,
  created: fc.option(dateArb),
  changed: fc.option(dateArb),
  pairs: fc.array(pairArb, { maxLength: 5 }),
}).map(({ pairs, ...header }) => ({
  ...header,
  srcLang: 'zh-CN' as const,
  tgtLang: 'en' as const,
  pairs: pairs.map((p, i) => ({
    ...p,
    id: String(100 + i),
    index: i * 2,
    // null: the common one-sentence bead, which files write without a sentence list.
    srcSegments: p.srcSegments ?? (p.src === '' ? [] : [p.src]),
    tgtSegments: p.tgtSegments ?? (p.tgt === '' ? [] : [p.tgt]),
  })),
}));

/** Pairs made on demand, counting how many were pulled, to show that exports stream. */
export function* generatedPairs(count: number, pulled: { n: number }): Generator<BilingualPair> {
  for (let i = 0; i < count; i++) {
    pulled.n++;
    yield pair({ id: String(i + 1), index: i, src: XI_ZH, tgt: XI_EN, score: 0.9 });
  }
}
