// Devices (browsers) that logged in to an account: a random token in a cookie, only its hash stored.

import type { Db } from '../db/open-database.ts';
import { loginDevicesRepo } from '../db/login-counters-repo.ts';
import { randomToken, sha256 } from '../domain/passwords.ts';

export const DEVICE_DAYS = 90;

export function knownDevices(db: Db, now: () => number = Date.now) {
  const repo = loginDevicesRepo(db);
  return {
    /** A new token for a browser that just logged in as `userId`. */
    remember(userId: number): string {
      const token = randomToken();
      repo.deleteExpired(now());
      repo.insert(sha256(token), userId, now() + DEVICE_DAYS * 86_400_000);
      return token;
    },
    /** The token, when it is a live one of this account (any case of the name); undefined otherwise. */
    forAccount(token: string | undefined, account: string): string | undefined {
      if (!token) return undefined;
      const hash = sha256(token);
      return repo.account(hash, now())?.toLowerCase() === account.toLowerCase() ? hash : undefined;
    },
  };
}
export type KnownDevices = ReturnType<typeof knownDevices>;
