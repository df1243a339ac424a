// Devices (browsers) that logged in to an account: a random token in a cookie, only its hash stored.

import type { Store } from '../db/store.ts';
import { randomToken, sha256 } from '../domain/passwords.ts';

export const DEVICE_DAYS = 90;

export function knownDevices(store: Store, now: () => number = Date.now) {
  return {
    /** A new token for a browser that just logged in as `userId`. */
    async remember(userId: number): Promise<string> {
      const token = randomToken();
      await store.write(async (tx) => {
        await tx.loginDevices.deleteExpired(now());
        await tx.loginDevices.insert(sha256(token), userId, now() + DEVICE_DAYS * 86_400_000);
      });
      return token;
    },
    /** The token, when it is a live one of this account (any case of the name); undefined otherwise. */
    async forAccount(token: string | undefined, account: string): Promise<string | undefined> {
      if (!token) return undefined;
      const hash = sha256(token);
      const owner = await store.read((tx) => tx.loginDevices.account(hash, now()));
      return owner?.toLowerCase() === account.toLowerCase() ? hash : undefined;
    },
  };
}
export type KnownDevices = ReturnType<typeof knownDevices>;
