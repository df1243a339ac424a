import { describe, expect, it } from 'vitest';
import { planReplace, type ReplaceQuery, type ReplaceRow } from '../../server/domain/replace-text.ts';
import { marksSourceChange, stateAfterSourceChange } from '../../server/domain/source-replace.ts';
import { MAX_SENTENCE } from '../../server/domain/split-sentences.ts';
import { State } from '../../server/domain/types.ts';

const query = (q: Partial<ReplaceQuery>): ReplaceQuery => ({ find: '', replace: '', regex: false, matchCase: false, side: 'zh', includeApproved: false, ...q });
/** A row whose Chinese is `segments` (one sentence each), joined as the document shows it. */
const row = (index: number, segments: string[], state = 20): ReplaceRow =>
  ({ id: 100 + index, index, version: 3, state, src: segments.join(''), tgt: state ? 'English.' : '', segments });
const plan = (rows: ReplaceRow[], q: Partial<ReplaceQuery>) => planReplace(rows, query(q));

describe('replacing in the Chinese of rows', () => {
  it('when a row has several sentences then each is replaced on its own and the row keeps as many', () => {
    const p = plan([row(0, ['我们合作。', '合作共赢。']), row(1, ['双方交换了意见。'], 0)], { find: '合作', replace: '协作' });
    expect(p.changes).toHaveLength(1);
    const c = p.changes[0]!;
    expect([c.oldText, c.newText, c.matches]).toEqual(['我们合作。合作共赢。', '我们协作。协作共赢。', 2]);
    expect(c.segments).toEqual({ old: ['我们合作。', '合作共赢。'], new: ['我们协作。', '协作共赢。'] });
    // The parts join to both texts: the preview's before and after.
    expect(c.parts.filter((x) => x.op !== 'insert').map((x) => x.text).join('')).toBe(c.oldText);
    expect(c.parts.filter((x) => x.op !== 'delete').map((x) => x.text).join('')).toBe(c.newText);
  });

  it('when a match would span two sentences then it is not one: a search never joins sentences', () => {
    expect(plan([row(0, ['合作。', '共赢。'])], { find: '。共', replace: '，共' }).changes).toEqual([]);
    // `$` is the end of each sentence.
    expect(plan([row(0, ['合作。', '共赢。'])], { find: '。$', replace: '！', regex: true }).changes[0]!.segments!.new).toEqual(['合作！', '共赢！']);
  });

  it('when untranslated or machine rows match then they change too; approved rows only when asked', () => {
    const rows = [row(0, ['合作。'], State.untranslated), row(1, ['合作。'], State.machine), row(2, ['合作。'], State.approved)];
    const p = plan(rows, { find: '合作', replace: '协作' });
    expect(p.changes.map((c) => c.index)).toEqual([0, 1]);
    expect(p.approvedLeft).toBe(1);
    expect(plan(rows, { find: '合作', replace: '协作', includeApproved: true }).changes.map((c) => c.index)).toEqual([0, 1, 2]);
  });

  it('when full-width punctuation and characters beyond the BMP are searched then they match whole', () => {
    const p = plan([row(0, ['他说：“𠀀合作，共赢。”'])], { find: '“(.)合作，', replace: '「$1协作、', regex: true });
    expect(p.changes[0]!.newText).toBe('他说：「𠀀协作、共赢。”');
    expect(p.changes[0]!.parts).toContainEqual({ op: 'delete', text: '“𠀀合作，' });
    // One non-BMP character is one `.`: never half a surrogate pair.
    expect(plan([row(0, ['𠀀𠀁。'])], { find: '^.', replace: '甲', regex: true }).changes[0]!.newText).toBe('甲𠀁。');
    // Case folding applies to full-width Latin in Chinese text too.
    expect(plan([row(0, ['ＡＰＥＣ会议。'])], { find: 'ａｐｅｃ', replace: '亚太经合组织' }).changes[0]!.newText).toBe('亚太经合组织会议。');
  });

  it('when a sentence would be emptied, split in two or grow too long then its row is refused with the reason', () => {
    const p = plan([
      row(0, ['合作。', '共赢。']), row(1, ['我们合作共赢']), row(2, ['合作\n共赢']), row(3, ['合作！']),
    ], { find: '共赢。|合作', replace: '', regex: true });
    expect(p.refused).toEqual([{ index: 0, key: 'sourceReplace.emptySentence', params: undefined }]);
    expect(p.changes.map((c) => [c.index, c.newText])).toEqual([[1, '我们共赢'], [2, '\n共赢'], [3, '！']]);

    const split = plan([row(0, ['合作共赢'])], { find: '合作', replace: '合作。我们' });
    expect(split.refused.map((r) => r.key)).toEqual(['sourceReplace.splitsSentence']);
    expect(plan([row(0, ['合作共赢'])], { find: '合作', replace: '合作\n\n' }).refused.map((r) => r.key)).toEqual(['sourceReplace.splitsSentence']);
    // A sentence that was already two by the splitter's count may stay two.
    expect(plan([row(0, ['他说。好。'])], { find: '好', replace: '行' }).changes).toHaveLength(1);

    const long = plan([row(0, ['合作。'])], { find: '合作', replace: '作'.repeat(MAX_SENTENCE) });
    expect(long.refused).toEqual([{ index: 0, key: 'sourceReplace.sentenceTooLong', params: { max: MAX_SENTENCE } }]);
    expect(plan([row(0, ['合作。'])], { find: '合作', replace: 'a\u0001' }).refused.map((r) => r.key)).toEqual(['errors.controlChars']);
    // U+FFFE, as a lone surrogate, imports refuse: XML cannot carry it, so the document would export as TMX no more.
    expect(plan([row(0, ['合作。'])], { find: '合作', replace: '合\uFFFE' }).refused.map((r) => r.key)).toEqual(['errors.controlChars']);
  });

  it('when the replacement leaves the text as it was then the row is not a change', () => {
    expect(plan([row(0, ['合作。'])], { find: '合作', replace: '合作' }).changes).toEqual([]);
  });
});

describe('the state of a row whose Chinese changed', () => {
  it('when the row was approved then it goes back to translated; other states stay, and any English is marked', () => {
    expect([State.untranslated, State.machine, State.translated, 25, State.approved].map(stateAfterSourceChange))
      .toEqual([State.untranslated, State.machine, State.translated, 25, State.translated]);
    expect([State.untranslated, State.machine, State.translated, State.approved].map(marksSourceChange)).toEqual([false, true, true, true]);
  });
});
