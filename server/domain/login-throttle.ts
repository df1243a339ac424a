// Slows failed logins per account and per address with a delay that doubles with each failure past a few free
// ones, capped so that nobody can keep a real user out for long; a browser that logged in to the account before
// (its device cookie) is counted apart, so a stranger's failures never slow the account's own user at all.
// The counters live in a store: memory for one process, the database when several server processes
// share the port (each would otherwise allow its own guesses).

import { isIP } from 'node:net';
import { ValidationError } from './errors.ts';

/**
 * A server listening on both IP versions sees an IPv4 client as ::ffff:1.2.3.4; the admin who unlocks it types the
 * address its logs and the proxy give, 1.2.3.4. One key for both, or the unlock clears a counter nobody fills.
 */
const addressKey = (address: string) => address.replace(/^::ffff:(?=\d+\.\d+\.\d+\.\d+$)/i, '');

export interface ThrottleLimits {
  /** Failures in the window before each further one makes the account (or a known device) wait. */
  freePerAccount: number;
  /** Higher than freePerAccount, so one guessed account does not slow a shared office address. */
  freePerAddress: number;
  windowMs: number;
  /** The wait after the first failure past the free ones; it doubles with each further failure. */
  firstDelayMs: number;
  /** An account never waits longer than this: an attacker slowed to one guess a minute, its user barely. */
  maxAccountDelayMs: number;
  maxAddressDelayMs: number;
}

export const DEFAULT_LIMITS: ThrottleLimits = {
  freePerAccount: 5, freePerAddress: 20, windowMs: 15 * 60_000, firstDelayMs: 1000, maxAccountDelayMs: 60_000, maxAddressDelayMs: 15 * 60_000,
};

export interface Counter {
  /** Failures since `windowStart`, the first failure of the current window. */
  failures: number;
  windowStart: number;
  lockedUntil: number;
}

/**
 * Each change is one atomic step of the store, never a read the caller changes and writes back: several
 * server processes count the same account at once, and none may lose another's failure or shorten its lock.
 */
export interface CounterStore {
  get(key: string): Counter | undefined | Promise<Counter | undefined>;
  /** Counts a failure at `at`, in a new window when the current one began `windowMs` or more before; returns the count. */
  fail(key: string, at: number, windowMs: number): number | Promise<number>;
  /** Raises the key's lock to `until`; never lowers it. */
  lock(key: string, until: number): void | Promise<void>;
  clear(key: string): void | Promise<void>;
  /** Forgets counters whose lock has ended and whose last failure is before `quietSince`. */
  prune(now: number, quietSince: number): void | Promise<void>;
  size(): number | Promise<number>;
}

export class MemoryCounters implements CounterStore {
  private readonly counters = new Map<string, Counter & { lastAt: number }>();
  get = (key: string) => this.counters.get(key);
  fail(key: string, at: number, windowMs: number): number {
    const c = this.counters.get(key);
    const fresh = !c || at - c.windowStart >= windowMs;
    const next = { failures: fresh ? 1 : c.failures + 1, windowStart: fresh ? at : c.windowStart, lockedUntil: c?.lockedUntil ?? 0, lastAt: Math.max(c?.lastAt ?? at, at) };
    this.counters.set(key, next);
    return next.failures;
  }
  lock(key: string, until: number): void {
    const c = this.counters.get(key);
    if (c) c.lockedUntil = Math.max(c.lockedUntil, until);
  }
  clear = (key: string) => void this.counters.delete(key);
  prune(now: number, quietSince: number): void {
    for (const [k, v] of this.counters) if (v.lockedUntil < now && v.lastAt < quietSince) this.counters.delete(k);
  }
  size = () => this.counters.size;
}

/** Who is trying: the account name, the client's address, and the device cookie when it is one this account logged in from. */
export interface LoginAttempt {
  account: string;
  address: string;
  knownDevice?: string;
}

type Kind = 'a' | 'i' | 'd';

/** The longest account name, in characters (services/accounts.ts). */
const MAX_NAME = 64;

/**
 * A name past MAX_NAME is no account: its failures count under its start and an ellipsis, which no account name
 * holds, so a login form posting a megabyte of name stores 65 characters, not the megabyte, per attempt.
 */
function accountKey(name: string): string {
  const start = name.length > MAX_NAME ? Array.from(name.slice(0, 2 * MAX_NAME)) : undefined;
  return (start && start.length > MAX_NAME ? `${start.slice(0, MAX_NAME).join('')}…` : name).toLowerCase();
}

export class LoginThrottle {
  constructor(
    private readonly limits: ThrottleLimits = DEFAULT_LIMITS,
    private readonly now: () => number = Date.now,
    private readonly counters: CounterStore = new MemoryCounters(),
  ) {}

  /** Milliseconds until this attempt may be made; 0 when it may now. */
  async retryAfter(attempt: LoginAttempt): Promise<number> {
    const t = this.now();
    const locks = await Promise.all(this.keysOf(attempt).map(async (k) => (await this.counters.get(k))?.lockedUntil ?? 0));
    return Math.max(0, ...locks.map((until) => until - t));
  }

  async fail(attempt: LoginAttempt): Promise<void> {
    for (const key of this.keysOf(attempt)) await this.bump(key);
  }

  /** A successful login clears the account's failures (and the device's), not the address's. */
  async succeed(attempt: LoginAttempt): Promise<void> {
    for (const key of this.keysOf(attempt).filter((k) => !k.startsWith('i:'))) await this.counters.clear(key);
  }

  /** An admin's unlock: forgets the failures of an account or an address (refused when it is no IP address). */
  async unlock(target: { account?: string; address?: string }): Promise<void> {
    if (target.address !== undefined && isIP(target.address) === 0) {
      throw new ValidationError(`"${target.address}" is not an IP address.`, 'safeguards.unlockAddress', { address: target.address });
    }
    if (target.account !== undefined) await this.counters.clear(this.key('a', target.account));
    if (target.address !== undefined) await this.counters.clear(this.key('i', target.address));
  }

  // A known device answers only for itself: a stolen device cookie still guesses slowly, and strangers' failures miss it.
  private keysOf(attempt: LoginAttempt): string[] {
    return attempt.knownDevice ? [this.key('d', attempt.knownDevice)] : [this.key('a', attempt.account), this.key('i', attempt.address)];
  }

  private key(kind: Kind, value: string): string {
    return `${kind}:${kind === 'a' ? accountKey(value) : kind === 'i' ? addressKey(value) : value}`;
  }

  private delay(kind: Kind, failures: number): number {
    const free = kind === 'i' ? this.limits.freePerAddress : this.limits.freePerAccount;
    const max = kind === 'i' ? this.limits.maxAddressDelayMs : this.limits.maxAccountDelayMs;
    const excess = failures - free;
    return excess <= 0 ? 0 : Math.min(max, this.limits.firstDelayMs * 2 ** Math.min(excess - 1, 40));
  }

  private async bump(key: string): Promise<void> {
    const t = this.now();
    const wait = this.delay(key[0] as Kind, await this.counters.fail(key, t, this.limits.windowMs));
    if (wait > 0) await this.counters.lock(key, t + wait);
    // Forget quiet entries so the store cannot grow without bound under a spray of names.
    if ((await this.counters.size()) > 10_000) await this.counters.prune(t, t - this.limits.windowMs);
  }
}
