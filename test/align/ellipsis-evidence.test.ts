// An ellipsis is evidence both ways: broken-off speech (不过…… 不过……) keeps its dots in translation ("But I . . .").

import { describe, expect, it } from 'vitest';
import { loadAlignResources } from '../../server/align/load-resources.ts';
import { segmentDocument } from '../../server/align/sentence-features.ts';

const resources = loadAlignResources();

describe('ellipsis as evidence', () => {
  it('when the Chinese breaks off with …… then every English way of writing an ellipsis matches it, and a sentence without one does not', () => {
    const en = ['But I...', 'Do . . . you . . . give in?', 'Well… maybe.', 'But I won.'];
    const doc = segmentDocument(['不过…… 不过……'], en, resources);
    const targets = doc.src[0]!.get('…');
    expect(targets?.size).toBeGreaterThan(0);
    const matches = doc.tgt.map((ids) => [...targets!].some((id) => ids.has(id)));
    expect(matches).toEqual([true, true, true, false]);
  });
});
