// The post-editing and review rules: who may do what to a pair, and which state each action leads to.

import { State, type Role, type StateValue } from './types.ts';
import { ConflictError, ForbiddenError, ValidationError } from './errors.ts';
import { NOT_XML_CHAR } from './control-characters.ts';
import { longerThan } from './text-length.ts';

export type PairAction = 'save' | 'confirm' | 'approve' | 'reject' | 'clear' | 'restore' | 'mt' | 'align';

const ALLOWED: Record<Exclude<PairAction, 'mt' | 'align'>, readonly Role[]> = {
  save: ['translator', 'reviewer', 'admin'],
  clear: ['translator', 'reviewer', 'admin'],
  restore: ['translator', 'reviewer', 'admin'],
  confirm: ['translator', 'reviewer', 'admin'],
  approve: ['reviewer', 'admin'],
  reject: ['reviewer', 'admin'],
};

export const MAX_TEXT = 20_000;
/** Characters of a comment (a rejection's, a thread's). */
export const MAX_COMMENT = 2000;

export interface PairSnapshot {
  state: number | null;
  text: string;
  version: number;
  noise: boolean;
}

export interface ActionInput {
  action: Exclude<PairAction, 'mt' | 'align'>;
  role: Role;
  /** The version the user saw: an action on anything else is refused. */
  version: number;
  text?: string;
  comment?: string;
}

export interface Transition {
  text: string;
  state: StateValue;
  comment: string | null;
}

/** A stale write: carries the pair as it is now, so the user can compare and retry. */
export class StaleVersionError extends ConflictError {
  constructor(readonly current: { text: string; state: number | null; version: number }, readonly attempted?: string) {
    super(`This pair changed since you opened it (now version ${current.version}). Review the current text and try again.`, 'errors.stale', { version: current.version });
  }
}

export function mayDo(role: Role, action: keyof typeof ALLOWED): boolean {
  return ALLOWED[action].includes(role);
}

export function assertMayDo(role: Role, action: keyof typeof ALLOWED): void {
  if (!mayDo(role, action)) throw new ForbiddenError(`A ${role} may not ${action} a pair.`, 'errors.forbiddenAction', { action });
}

/** A translation as a save stores it (NFC, trimmed), or the reason it cannot be saved. */
export function savedText(typed: string): string {
  const text = typed.normalize('NFC').trim();
  // Emptying a translation is its own action (clear), never the side effect of saving an empty box.
  if (!text) throw new ValidationError('The English is empty. To remove the translation, use "Clear translation".', 'safeEditing.emptySave');
  if (longerThan(text, MAX_TEXT)) throw new ValidationError(`A translation may have at most ${MAX_TEXT} characters.`, 'errors.textTooLong', { max: MAX_TEXT });
  // What XML cannot carry (U+FFFE, a lone surrogate too), as imports refuse it: saved, the document would export as TMX and XLIFF no more.
  if (NOT_XML_CHAR.test(text)) throw new ValidationError('The translation contains control characters.', 'errors.controlChars');
  return text;
}

/** Checks permission, version and input, then returns the pair's next text and state. */
export function applyAction(pair: PairSnapshot, input: ActionInput): Transition {
  assertMayDo(input.role, input.action);
  if (pair.noise) throw new ValidationError('Page noise has no translation to edit or review.', 'errors.noiseRow');
  if (!Number.isSafeInteger(input.version)) throw new ValidationError('The request must say which version it applies to.', 'errors.noVersion');
  if (input.version !== pair.version) {
    throw new StaleVersionError({ text: pair.text, state: pair.state, version: pair.version }, input.text);
  }
  switch (input.action) {
    case 'save':
    case 'restore':
      return { text: savedText(input.text ?? ''), state: State.translated, comment: null };
    case 'clear':
      if (!pair.text.trim()) throw new ValidationError('There is no English to clear.', 'safeEditing.nothingToClear');
      return { text: '', state: State.untranslated, comment: null };
    case 'confirm':
    case 'approve':
      if (!pair.text.trim()) throw new ValidationError('There is no English to confirm or approve yet.', 'errors.nothingToApprove');
      return { text: pair.text, state: input.action === 'approve' ? State.approved : State.translated, comment: null };
    case 'reject': {
      const comment = (input.comment ?? '').trim();
      if (!comment) throw new ValidationError('Say why you reject this pair: the translator will read it.', 'errors.rejectNeedsComment');
      if (longerThan(comment, MAX_COMMENT)) throw new ValidationError(`A comment may have at most ${MAX_COMMENT} characters.`, 'errors.commentTooLong');
      return { text: pair.text, state: State.rejected, comment };
    }
  }
}
