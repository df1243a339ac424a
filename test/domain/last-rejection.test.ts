import { describe, expect, it } from 'vitest';
import { lastRejection } from '../../server/domain/last-rejection.ts';
import { State } from '../../server/domain/types.ts';

const step = (new_state: number | null, new_text: string, author: string | null = 'wang') => ({ new_state, new_text, author, created_at: '2026-12-05T09:00:00Z' });

describe('the rejection a re-review compares with', () => {
  it('when the latest review was a rejection then its text is the one, however many saves followed', () => {
    expect(lastRejection([step(State.translated, 'fixed twice', 'lin'), step(State.translated, 'fixed', 'lin'), step(State.rejected, 'first try'), step(State.approved, 'older')]))
      .toEqual({ text: 'first try', by: 'wang', at: '2026-12-05T09:00:00Z' });
  });

  it('when an approval came after the rejection, or there was no review, then there is none', () => {
    expect(lastRejection([step(State.translated, 'edited', 'lin'), step(State.approved, 'ok'), step(State.rejected, 'bad')])).toBeUndefined();
    expect(lastRejection([step(State.translated, 'edited', 'lin'), step(null, 'aligned')])).toBeUndefined();
  });
});
