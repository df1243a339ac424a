// An admin's unlock of an address reaches the counter the server keeps for it, however the server saw the address.

import { describe, expect, it } from 'vitest';
import { LoginThrottle, MemoryCounters } from '../../server/domain/login-throttle.ts';
import { ValidationError } from '../../server/domain/errors.ts';

const limits = { freePerAccount: 3, freePerAddress: 5, windowMs: 10 * 60_000, firstDelayMs: 1000, maxAccountDelayMs: 8000, maxAddressDelayMs: 60_000 };

describe('LoginThrottle.unlock', () => {
  it('when a server on both IP versions saw an IPv4 client as ::ffff:a.b.c.d then unlocking a.b.c.d lifts its wait', async () => {
    const throttle = new LoginThrottle(limits, () => 1_000_000, new MemoryCounters());
    const from = (account: string) => ({ account, address: '::ffff:10.0.0.7' });
    for (let i = 0; i < 8; i++) await throttle.fail(from(`guess${i}`));
    expect(await throttle.retryAfter(from('someone'))).toBeGreaterThan(0);
    await throttle.unlock({ address: '10.0.0.7' });
    expect(await throttle.retryAfter(from('someone'))).toBe(0);
  });

  it('when the address is no IP address then the unlock is refused with a sentence, not reported done', async () => {
    const throttle = new LoginThrottle(limits, () => 0, new MemoryCounters());
    await expect(throttle.unlock({ address: '10.0.0.7,' })).rejects.toThrow(ValidationError);
    await expect(throttle.unlock({ address: 'office-printer' })).rejects.toThrow('"office-printer" is not an IP address.');
  });
});
