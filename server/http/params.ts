// Reads ids from URLs: anything that is not a positive whole number names nothing, so it is a 404.

import { NotFoundError } from '../domain/errors.ts';

export function documentId(raw: string | string[] | undefined): number {
  const text = String(raw);
  if (!/^[1-9]\d{0,15}$/.test(text)) throw new NotFoundError(`There is no document "${text}".`, 'errors.noDocument', { id: text });
  return Number(text);
}
