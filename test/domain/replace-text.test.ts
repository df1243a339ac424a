import { describe, expect, it } from 'vitest';
import { compileFind, parseReplaceQuery, planReplace, replaceInText, MAX_CHANGED_ROWS, type ReplaceQuery, type ReplaceRow } from '../../server/domain/replace-text.ts';
import { runWithin, TooSlowError } from '../../server/domain/run-within.ts';
import { ValidationError } from '../../server/domain/errors.ts';
import { MAX_TEXT } from '../../server/domain/review-workflow.ts';

const query = (q: Partial<ReplaceQuery>): ReplaceQuery => ({ find: '', replace: '', regex: false, matchCase: false, side: 'en', includeApproved: false, ...q });
const row = (index: number, tgt: string, state = 20, src = '中文。'): ReplaceRow => ({ id: 100 + index, index, version: 3, state, src, tgt });
const replaced = (text: string, q: Partial<ReplaceQuery>) => replaceInText(text, compileFind(query(q)), query(q))?.text;

describe('replacing in one text', () => {
  it('when the search is plain then its characters are literal, and case follows the option', () => {
    expect(replaced('a.b a+b A.B', { find: 'a.b', replace: 'x' })).toBe('x a+b x');
    expect(replaced('a.b a+b A.B', { find: 'a.b', replace: 'x', matchCase: true })).toBe('x a+b A.B');
    // A plain replacement's $ is a dollar sign, not a group.
    expect(replaced('cost 5', { find: '5', replace: '$1' })).toBe('cost $1');
  });

  it('when the search is a regular expression then groups, names and $& are expanded as String.replace does', () => {
    expect(replaced('Moon Jae-in met Xi Jinping', { find: '(\\w+) (\\w+)$', replace: '$2 $1', regex: true })).toBe('Moon Jae-in met Jinping Xi');
    expect(replaced('2019-06-27', { find: '(?<y>\\d{4})-(?<m>\\d\\d)', replace: '$<m>/$<y>', regex: true })).toBe('06/2019-27');
    expect(replaced('level', { find: 'lev', replace: '[$&]$$', regex: true })).toBe('[lev]$el');
    expect(replaced('ab', { find: 'a', replace: '$9', regex: true })).toBe('$9b');
  });

  it('when the text is Chinese with full-width punctuation then the marks match as they are', () => {
    expect(replaced('他说：“合作，共赢。”', { find: '，', replace: '、' })).toBe('他说：“合作、共赢。”');
    expect(replaced('「一带一路」倡议', { find: '「([^」]+)」', replace: '“$1”', regex: true })).toBe('“一带一路”倡议');
    // Full-width Latin letters fold case like ASCII ones.
    expect(replaced('ＡＢＣ and ａｂｃ', { find: 'ａｂｃ', replace: 'x' })).toBe('x and x');
    expect(replaced('ＡＢＣ and ａｂｃ', { find: 'ａｂｃ', replace: 'x', matchCase: true })).toBe('ＡＢＣ and x');
  });

  it('when the text has characters beyond the BMP then one is one character, never half a surrogate pair', () => {
    expect(replaced('𠮷野家 and 𩸽', { find: '.野', replace: '吉野', regex: true })).toBe('吉野家 and 𩸽');
    expect(replaced('𩸽𩸽', { find: '^.', replace: 'x', regex: true })).toBe('x𩸽');
    // An empty match steps over a whole pair: a mark before every character, none inside one.
    expect(replaced('a𩸽b', { find: '', replace: '|', regex: true })).toBe('|a|𩸽|b|');
  });

  it('when a match is found then the parts show what it was and what it becomes, joining to both texts', () => {
    const hit = replaceInText('the level and level', compileFind(query({ find: 'level', replace: 'tier' })), query({ replace: 'tier' }))!;
    expect(hit.matches).toBe(2);
    expect(hit.parts).toEqual([
      { op: 'equal', text: 'the ' }, { op: 'delete', text: 'level' }, { op: 'insert', text: 'tier' },
      { op: 'equal', text: ' and ' }, { op: 'delete', text: 'level' }, { op: 'insert', text: 'tier' },
    ]);
    expect(hit.parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe('the level and level');
    expect(hit.parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(hit.text);
    expect(replaceInText('nothing here', compileFind(query({ find: 'level' })), query({}))).toBeNull();
  });
});

describe('checking the query', () => {
  it('when the regular expression is not valid then it is refused with the engine\'s reason', () => {
    const err = (() => { try { compileFind(query({ find: '(unclosed', regex: true })); } catch (e) { return e; } })() as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.key).toBe('replace.badRegex');
    expect(String(err.params?.detail)).toMatch(/Unterminated group/);
    // The same characters searched plainly are fine.
    expect(replaced('(unclosed', { find: '(unclosed', replace: 'x' })).toBe('x');
  });

  it('when a field is missing, too long or of another kind then the query is refused', () => {
    expect(() => parseReplaceQuery({ find: '' })).toThrow(expect.objectContaining({ key: 'replace.emptyFind' }));
    expect(() => parseReplaceQuery({ find: 'x'.repeat(501) })).toThrow(expect.objectContaining({ key: 'replace.findTooLong' }));
    expect(() => parseReplaceQuery({ find: 'x', replace: 'y'.repeat(1001) })).toThrow(expect.objectContaining({ key: 'replace.replacementTooLong' }));
    expect(() => parseReplaceQuery({ find: 'x', side: 'fr' })).toThrow(expect.objectContaining({ key: 'replace.badSide' }));
    expect(parseReplaceQuery({ find: 'x', regex: '1', matchCase: 'on', includeApproved: true, side: 'zh' }))
      .toEqual({ find: 'x', replace: '', regex: true, matchCase: true, includeApproved: true, side: 'zh' });
  });

  it('when a pattern backtracks without end then the deadline stops it', () => {
    const rows = [row(0, `${'a'.repeat(40)}b`)];
    const started = Date.now();
    expect(() => runWithin(200, () => planReplace(rows, query({ find: '(a+)+$', replace: 'x', regex: true })), 'replace.tooSlow'))
      .toThrow(TooSlowError);
    expect(Date.now() - started).toBeLessThan(10_000);
    // A fast search in the same runner answers as usual.
    expect(runWithin(1000, () => planReplace(rows, query({ find: 'b', replace: 'c' })), 'replace.tooSlow').changes).toHaveLength(1);
  });
});

describe('planning a replacement over a document', () => {
  const rows = [
    row(0, 'The level rose.'), row(1, 'The level fell.', 30), row(2, '', 0), row(3, 'No match.', 10), row(4, 'level', 25),
  ];

  it('when rows are approved then they are left and counted, unless the user asks for them', () => {
    const plan = planReplace(rows, query({ find: 'level', replace: 'tier' }));
    expect(plan.changes.map((c) => [c.index, c.newText])).toEqual([[0, 'The tier rose.'], [4, 'tier']]);
    expect(plan.approvedLeft).toBe(1);
    const asked = planReplace(rows, query({ find: 'level', replace: 'tier', includeApproved: true }));
    expect(asked.changes.map((c) => c.index)).toEqual([0, 1, 4]);
    expect(asked.approvedLeft).toBe(0);
    expect(asked.changes[1]).toMatchObject({ id: 101, version: 3, state: 30, oldText: 'The level fell.', newText: 'The tier fell.' });
  });

  it('when a result would be empty, too long or unchanged then the row is not a change', () => {
    // 'ab' keeps its b ($1), 'same' and 'level' empty out, 'level up' is saved trimmed as a save would store it.
    const plan = planReplace([row(0, 'level'), row(1, 'ab'), row(2, 'same'), row(3, 'level up')], query({ find: 'level|(b)|same', replace: '$1', regex: true }));
    expect(plan.changes.map((c) => [c.index, c.newText])).toEqual([[3, 'up']]);
    expect(plan.refused.map((r) => [r.index, r.key])).toEqual([[0, 'safeEditing.emptySave'], [2, 'safeEditing.emptySave']]);
    const long = planReplace([row(0, 'x'.repeat(100))], query({ find: 'x', replace: 'y'.repeat(300) }));
    expect(long.refused).toEqual([{ index: 0, key: 'errors.textTooLong', params: { max: MAX_TEXT } }]);
    expect(planReplace([row(0, 'Tier')], query({ find: 'Tier', replace: 'Tier' })).changes).toEqual([]);
  });

  it('when the Chinese side is searched then the source is matched, untranslated rows too', () => {
    const plan = planReplace([row(0, '', 0, '合作共赢。'), row(1, 'x', 20, '没有。')], query({ find: '合作', side: 'zh' }));
    expect(plan.changes.map((c) => [c.index, c.oldText])).toEqual([[0, '合作共赢。']]);
  });

  it('when more rows would change than a preview can list then the search is refused', () => {
    const many = Array.from({ length: MAX_CHANGED_ROWS + 1 }, (_, i) => row(i, 'level'));
    expect(() => planReplace(many, query({ find: 'level', replace: 'tier' }))).toThrow(expect.objectContaining({ key: 'replace.tooMany' }));
    expect(planReplace(many.slice(1), query({ find: 'level', replace: 'tier' })).changes).toHaveLength(MAX_CHANGED_ROWS);
  });
});
