// The error every format adapter throws for a file it cannot read: a human sentence, its i18n key and, when known, the line.

import { AppError } from '../domain/errors.ts';

export interface ParseErrorOptions {
  /** Values of the translated sentence; `line` is added to them when known. */
  params?: Record<string, unknown>;
  line?: number;
  cause?: unknown;
}

export class ParseError extends AppError {
  // A bad upload is the client's fault: the error middleware answers 400 with the sentence.
  override readonly status = 400;
  readonly line?: number;

  /** `key` names the sentence in views/locales (`errors.file…`); a sentence given a line shows `{{line}}` too. */
  constructor(message: string, key: string, options: ParseErrorOptions = {}) {
    const { params = {}, line, cause } = options;
    super(line === undefined ? message : `${message} (line ${line})`, key, line === undefined ? params : { ...params, line });
    this.line = line;
    if (cause !== undefined) this.cause = cause;
  }
}
