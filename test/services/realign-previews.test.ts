// Realign previews a person asks for: one of theirs at a time, and one computation per document version, shared.

import { describe, expect, it } from 'vitest';
import { TooManyRequestsError } from '../../server/domain/errors.ts';
import { realignPreviews } from '../../server/services/realign-previews.ts';

/** Work that ends when told to, counting how often it was started. */
function heldWork() {
  let started = 0;
  let finish: (value: string) => void = () => undefined;
  const work = () => {
    started++;
    return new Promise<string>((resolve) => (finish = resolve));
  };
  return { work, started: () => started, finish: (value: string) => finish(value) };
}

describe('realign previews', () => {
  it('when the same version is asked for while it is computed then the run is shared, not started again', async () => {
    const previews = realignPreviews();
    const held = heldWork();
    const a = previews.run(1, '7:3', held.work);
    const b = previews.run(2, '7:3', held.work);
    held.finish('rows');
    expect(await Promise.all([a, b])).toEqual(['rows', 'rows']);
    expect(held.started()).toBe(1);
  });

  it('when a person asks for another preview while theirs is computed then it is refused with 429; others are not, and afterwards it runs', async () => {
    const previews = realignPreviews();
    const held = heldWork();
    const first = previews.run(1, '7:3', held.work);
    expect(() => previews.run(1, '8:1', async () => 'other')).toThrow(TooManyRequestsError);
    try {
      previews.run(1, '8:1', async () => 'other');
    } catch (err) {
      expect((err as TooManyRequestsError).status).toBe(429);
      expect((err as TooManyRequestsError).key).toBe('bounded.oneRealign');
    }
    expect(await previews.run(2, '8:1', async () => 'theirs')).toBe('theirs');
    held.finish('rows');
    await first;
    expect(await previews.run(1, '8:1', async () => 'now')).toBe('now');
  });

  it('when a preview fails then the person may ask again', async () => {
    const previews = realignPreviews();
    await expect(previews.run(1, '7:3', async () => { throw new Error('stale'); })).rejects.toThrow('stale');
    expect(await previews.run(1, '7:3', async () => 'again')).toBe('again');
  });
});
