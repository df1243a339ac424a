// The realign previews a person asks for, bounded: one of theirs at a time on this server, and a preview already under
// way for the same document version shared rather than computed again. The aligner takes seconds of the work thread
// that every import also waits for, and a preview is a GET anyone who can see a document may send. (A realign itself
// is a job, and the job queue runs them one by one.)

import { TooManyRequestsError } from '../domain/errors.ts';

export function realignPreviews() {
  const busy = new Set<number>();
  const shared = new Map<string, Promise<unknown>>();
  return {
    /**
     * `work` for `person`, or the run already under way for `key` (the same result: the aligner is deterministic);
     * refused with 429 while another run of theirs is under way.
     */
    run<T>(person: number, key: string, work: () => Promise<T>): Promise<T> {
      const joined = shared.get(key);
      if (joined) return joined as Promise<T>;
      if (busy.has(person)) {
        throw new TooManyRequestsError('A realign preview you asked for is still being computed. Wait for it to finish, then ask again.', 'bounded.oneRealign');
      }
      busy.add(person);
      const running = work().finally(() => {
        busy.delete(person);
        shared.delete(key);
      });
      shared.set(key, running);
      return running;
    },
  };
}
