// Runs a computation that a user's input can make slow (a regular expression that backtracks) under a deadline.

import vm from 'node:vm';
import { ValidationError } from './errors.ts';

/** The computation took longer than its deadline: the input asked for too much work. */
export class TooSlowError extends ValidationError {}

// V8 interrupts a running script, a regular expression's backtracking included, when a vm timeout fires; the
// timeout watches everything that runs inside the script's call, so the work itself stays in this realm.
let sandbox: vm.Context | undefined;
let script: vm.Script | undefined;

/** `work()`, or TooSlowError (with `key`) once it has run `ms` milliseconds. */
export function runWithin<T>(ms: number, work: () => T, key: string): T {
  sandbox ??= vm.createContext({ work: undefined as (() => unknown) | undefined });
  script ??= new vm.Script('work()');
  sandbox.work = work;
  try {
    return script.runInContext(sandbox, { timeout: ms }) as T;
  } catch (err) {
    if ((err as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') {
      throw new TooSlowError(`The search took longer than ${ms} ms and was stopped.`, key, { ms });
    }
    throw err;
  } finally {
    sandbox.work = undefined;
  }
}
