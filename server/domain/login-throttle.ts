// Counts failed logins per account and per address in a sliding window; too many answer 429 for a while.

export interface ThrottleLimits {
  perAccount: number;
  /** Higher than perAccount, so one guessed account does not lock out a shared office address. */
  perAddress: number;
  windowMs: number;
  lockMs: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { perAccount: 10, perAddress: 50, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

interface Counter {
  failures: number[];
  lockedUntil: number;
}

export class LoginThrottle {
  private readonly counters = new Map<string, Counter>();

  constructor(private readonly limits: ThrottleLimits = DEFAULT_LIMITS, private readonly now: () => number = Date.now) {}

  /** Milliseconds until the account or address may try again; 0 when it may now. */
  retryAfter(account: string, address: string): number {
    const t = this.now();
    return Math.max(0, ...[this.key('a', account), this.key('i', address)].map((k) => (this.counters.get(k)?.lockedUntil ?? 0) - t));
  }

  fail(account: string, address: string): void {
    this.bump(this.key('a', account), this.limits.perAccount);
    this.bump(this.key('i', address), this.limits.perAddress);
  }

  /** A successful login clears the account's failures, not the address's. */
  succeed(account: string): void {
    this.counters.delete(this.key('a', account));
  }

  private key(kind: 'a' | 'i', value: string): string {
    return `${kind}:${kind === 'a' ? value.toLowerCase() : value}`;
  }

  private bump(key: string, limit: number): void {
    const t = this.now();
    const c = this.counters.get(key) ?? { failures: [], lockedUntil: 0 };
    c.failures = c.failures.filter((f) => t - f < this.limits.windowMs);
    c.failures.push(t);
    if (c.failures.length >= limit) {
      c.lockedUntil = t + this.limits.lockMs;
      c.failures = [];
    }
    this.counters.set(key, c);
    // Forget quiet entries so the map cannot grow without bound under a spray of names.
    if (this.counters.size > 10_000) {
      for (const [k, v] of this.counters) if (v.lockedUntil < t && !v.failures.some((f) => t - f < this.limits.windowMs)) this.counters.delete(k);
    }
  }
}
