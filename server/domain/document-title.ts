// What a document's title may be, at import and at a rename: the same rules as the column's CHECK, in words.

import { ValidationError, shown } from './errors.ts';
import { NOT_XML_CHAR } from './control-characters.ts';
import { longerThan } from './text-length.ts';

export const MAX_TITLE = 500;

/** The title trimmed; refused when it is not text, blank, too long or holds control characters. */
export function checkedTitle(raw: unknown, blank = new ValidationError('A title cannot be empty.', 'lifecycle.titleBlank')): string {
  if (typeof raw !== 'string') throw new ValidationError(`The title must be text, not ${shown(raw)}.`, 'lifecycle.titleNotText');
  const title = raw.trim();
  if (title === '') throw blank;
  if (longerThan(title, MAX_TITLE)) throw new ValidationError(`A title may have at most ${MAX_TITLE} characters.`, 'errors.titleLong', { max: MAX_TITLE });
  // What XML cannot carry (U+FFFE, a lone surrogate) too: TMX and XLIFF exports write the title in their header.
  if (/\p{Cc}/u.test(title) || NOT_XML_CHAR.test(title)) throw new ValidationError('A title may not contain control characters.', 'errors.titleControl');
  return title;
}
