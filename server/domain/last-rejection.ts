// The text a reviewer last rejected, while that rejection is the pair's latest review: what a re-review compares
// the fix with, rather than the machine translation the first review already judged.

import { State } from './types.ts';

export interface ReviewStep {
  new_state: number | null;
  new_text: string;
  author: string | null;
  created_at: string;
}

export interface Rejection {
  text: string;
  by: string | null;
  at: string;
}

/** From the pair's revisions, newest first: the latest review if it was a rejection; an approval since settles it. */
export function lastRejection(newestFirst: readonly ReviewStep[]): Rejection | undefined {
  const review = newestFirst.find((r) => r.new_state === State.rejected || r.new_state === State.approved);
  return review?.new_state === State.rejected ? { text: review.new_text, by: review.author, at: review.created_at } : undefined;
}
