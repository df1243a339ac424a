// The error every format adapter throws for a file it cannot read: a human sentence and, when known, the line.

import { AppError } from '../domain/errors.ts';

export class ParseError extends AppError {
  // A bad upload is the client's fault: the error middleware answers 400 with the sentence.
  override readonly status = 400;
  readonly line?: number;

  constructor(message: string, options: { line?: number; cause?: unknown } = {}) {
    super(options.line === undefined ? message : `${message} (line ${options.line})`);
    this.line = options.line;
    if (options.cause !== undefined) this.cause = options.cause;
  }
}
