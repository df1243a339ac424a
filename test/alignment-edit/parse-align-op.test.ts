// Untrusted JSON becomes an alignment operation only when it names a known kind with well-formed fields.

import { describe, expect, it } from 'vitest';
import { parseAlignOp } from '../../server/domain/align-ops.ts';
import type { ValidationError } from '../../server/domain/errors.ts';
import { refusalKey } from './rows-fixture.ts';

const keyOf = (json: unknown) => refusalKey(() => parseAlignOp(json));

describe('parseAlignOp', () => {
  it('when the JSON is a well-formed operation then it is returned with only its own fields', () => {
    expect(parseAlignOp({ kind: 'split', row: 3, srcAt: 0, tgtAt: 2, extra: 'x' })).toEqual({ kind: 'split', row: 3, srcAt: 0, tgtAt: 2 });
    expect(parseAlignOp({ kind: 'shiftDown', side: 'both', row: 0 })).toEqual({ kind: 'shiftDown', side: 'both', row: 0 });
    expect(parseAlignOp({ kind: 'realign' })).toEqual({ kind: 'realign' });
    expect(parseAlignOp({ kind: 'realign', by: 'li' })).toEqual({ kind: 'realign', by: 'li' });
  });

  it('when the JSON is not an object or names no known kind then it is refused', () => {
    for (const json of [null, 'merge', [], 3]) expect(keyOf(json)).toBe('errors.alignOpShape');
    for (const kind of [undefined, 'delete', 'toString', 7]) expect(keyOf({ kind, row: 0 })).toBe('errors.alignOpKind');
  });

  it('when a field is missing or malformed then the error names it', () => {
    const bad = [
      { kind: 'merge' },
      { kind: 'merge', row: -1 },
      { kind: 'merge', row: 1.5 },
      { kind: 'merge', row: '2' },
      { kind: 'moveUp', side: 'both', row: 1 },
      { kind: 'splitSentence', side: 'tgt', row: 0, sentence: 0 },
      { kind: 'confirm', row: 0, by: '  ' },
      { kind: 'confirmAbove', row: 0, by: 'x'.repeat(201) },
      { kind: 'realign', by: 5 },
    ];
    for (const json of bad) expect(keyOf(json)).toBe('errors.alignOpField');
    try {
      parseAlignOp({ kind: 'moveUp', side: 'both', row: 1 });
    } catch (e) {
      expect((e as ValidationError).params).toMatchObject({ field: 'side' });
    }
  });
});
