// Counts failed logins per account and per address in a sliding window; too many answer 429 for a while.
// The counters live in a store: memory for one process, the database when several server processes
// share the port (each would otherwise allow its own ten guesses).

export interface ThrottleLimits {
  perAccount: number;
  /** Higher than perAccount, so one guessed account does not lock out a shared office address. */
  perAddress: number;
  windowMs: number;
  lockMs: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = { perAccount: 10, perAddress: 50, windowMs: 15 * 60_000, lockMs: 15 * 60_000 };

export interface Counter {
  failures: number[];
  lockedUntil: number;
}

export interface CounterStore {
  get(key: string): Counter | undefined;
  /** Replaces the key's counter with what `change` makes of it, atomically; undefined removes it. */
  update(key: string, change: (current: Counter | undefined) => Counter | undefined): void;
  /** Forgets counters whose lock has ended and whose last failure is before `quietSince`. */
  prune(now: number, quietSince: number): void;
  size(): number;
}

export class MemoryCounters implements CounterStore {
  private readonly counters = new Map<string, Counter>();
  get = (key: string) => this.counters.get(key);
  update(key: string, change: (current: Counter | undefined) => Counter | undefined): void {
    const next = change(this.counters.get(key));
    if (next) this.counters.set(key, next);
    else this.counters.delete(key);
  }
  prune(now: number, quietSince: number): void {
    for (const [k, v] of this.counters) if (v.lockedUntil < now && !v.failures.some((f) => f >= quietSince)) this.counters.delete(k);
  }
  size = () => this.counters.size;
}

export class LoginThrottle {
  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
    private readonly counters: CounterStore = new MemoryCounters(),
  ) {}

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
    this.counters.update(this.key('a', account), () => undefined);
  }

  private key(kind: 'a' | 'i', value: string): string {
    return `${kind}:${kind === 'a' ? value.toLowerCase() : value}`;
  }

  private bump(key: string, limit: number): void {
    const t = this.now();
    this.counters.update(key, (current) => {
      const c = { failures: (current?.failures ?? []).filter((f) => t - f < this.limits.windowMs), lockedUntil: current?.lockedUntil ?? 0 };
      c.failures.push(t);
      if (c.failures.length >= limit) {
        c.lockedUntil = t + this.limits.lockMs;
        c.failures = [];
      }
      return c;
    });
    // Forget quiet entries so the store cannot grow without bound under a spray of names.
    if (this.counters.size() > 10_000) this.counters.prune(t, t - this.limits.windowMs);
  }
}
