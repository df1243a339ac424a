// A file a command makes (an export, a backup) is written under a temporary name beside it and renamed over the
// target only when complete: a failure, or an interrupt (Ctrl-C, a kill, a closed terminal), leaves neither a half
// file nor the temporary one.

import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const INTERRUPTS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Runs `write` on a temporary path beside `target` and renames it to `target` when `write` has finished. */
export async function replaceFile(target: string, write: (temp: string) => Promise<void>): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const stopListening = () => INTERRUPTS.forEach((s) => process.off(s, interrupted));
  // Node's own reaction to these signals ends the process at once, the temporary file left behind: remove it, then
  // let the signal end the process as it would have, so the shell still sees a command stopped by it.
  function interrupted(signal: NodeJS.Signals) {
    fs.rmSync(temp, { force: true });
    stopListening();
    process.kill(process.pid, signal);
  }
  INTERRUPTS.forEach((s) => process.once(s, interrupted));
  try {
    await write(temp);
    fs.renameSync(temp, target);
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  } finally {
    stopListening();
  }
}
