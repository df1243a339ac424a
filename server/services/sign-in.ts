// The sign-in use case: the throttle's wait, the password, the session that replaces this browser's last one, and the
// device token a browser gets at its first sign-in to an account (its later failures are counted apart).

import { AppError } from '../domain/errors.ts';
import type { LoginThrottle } from '../domain/login-throttle.ts';
import type { Accounts, Session } from './accounts.ts';
import type { KnownDevices } from './known-devices.ts';

export interface SignInRequest {
  name: string;
  password: string;
  address: string;
  /** The browser's device cookie, if it has one. */
  deviceToken: string | undefined;
  /** The session this browser had, which the new one replaces. */
  previousSession: string | undefined;
}

export type SignInOutcome =
  | { kind: 'wait'; ms: number }
  | { kind: 'refused'; key: string }
  | { kind: 'signedIn'; session: Session; newDeviceToken?: string };

export function signIn(accounts: Accounts, throttle: LoginThrottle, devices: KnownDevices) {
  return async (r: SignInRequest): Promise<SignInOutcome> => {
    const attempt = { account: r.name, address: r.address, knownDevice: await devices.forAccount(r.deviceToken, r.name) };
    const wait = await throttle.retryAfter(attempt);
    if (wait > 0) return { kind: 'wait', ms: wait };
    let session: Session;
    try {
      session = await accounts.login(r.name, r.password);
    } catch (err) {
      if (!(err instanceof AppError) || err.status !== 401) throw err;
      await throttle.fail(attempt);
      return { kind: 'refused', key: err.key ?? 'errors.badLogin' };
    }
    await throttle.succeed(attempt);
    if (r.previousSession) await accounts.logout(r.previousSession);
    return { kind: 'signedIn', session, ...(attempt.knownDevice ? {} : { newDeviceToken: await devices.remember(session.user.id) }) };
  };
}
export type SignIn = ReturnType<typeof signIn>;
