// How a command ends when it throws: refused (2) or failed (1), the same for every command.

import { ConfigError } from '../config.ts';
import { AppError } from '../domain/errors.ts';

/** 2 for what the command refuses (bad input, an unknown name); 1 when the machine failed it (a full disk, a bug). */
export function exitCodeOf(err: unknown): number {
  const refused = (err instanceof AppError && err.status < 500) || err instanceof ConfigError
    || String((err as { code?: string }).code).startsWith('ERR_PARSE_ARGS');
  return refused ? 2 : 1;
}
