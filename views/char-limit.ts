// A field's limit in characters, told to the page script (views/static/app.js) instead of the maxlength attribute:
// browsers count maxlength in UTF-16 code units, so 𠮷 took two of it there and one on the server, which counts
// characters as the database's length() does.

import { html, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import { formatNumber } from './local-format.ts';

/** The attributes that limit a field to `max` characters, with the sentence the browser shows past it. */
export function charLimit(ctx: ViewContext, max: number): SafeHtml {
  return html` data-max-chars="${max}" data-too-long="${ctx.t('limits.tooManyChars', { max: formatNumber(ctx, max) })}"`;
}
