// A translated sentence that quotes what users wrote: each quoted value sits in an element saying so (lang="en"
// for English text, translate="no" for names and titles), so readers' tools and the zh-CN check tell the
// interface's words from the user's.

import { escapeHtml, SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import type { Reason } from '../server/domain/errors.ts';

export type Mark = 'en' | 'zh-CN' | 'name';

const open = (mark: Mark) => (mark === 'name' ? '<span translate="no">' : `<span lang="${mark}">`);

/** `params` values that are SafeHtml (a sentence marked already) go in as they are. */
export function markedT(ctx: ViewContext, key: string, params: Record<string, unknown>, marks: Record<string, Mark>): SafeHtml {
  // Private-use characters stand in for the marked values while i18next interpolates; nothing else can contain them.
  const token = (i: number) => `\uE000${i}\uE001`;
  const names = Object.keys(params).filter((k) => (marks[k] || params[k] instanceof SafeHtml) && params[k] !== undefined && params[k] !== '');
  const sentence = ctx.t(key, { ...params, ...Object.fromEntries(names.map((k, i) => [k, token(i)])) });
  const markup = escapeHtml(sentence).replace(/\uE000(\d+)\uE001/g, (_m, i: string) => {
    const value = params[names[Number(i)]!];
    return value instanceof SafeHtml ? value.value : `${open(marks[names[Number(i)]!]!)}${escapeHtml(String(value))}</span>`;
  });
  return SafeHtml.of(markup);
}

/** Values of error sentences that quote the user's input or a library's English diagnosis, not the interface. */
const QUOTED_IN_ERRORS: Record<string, Mark> = {
  name: 'name', url: 'name', value: 'name', path: 'name', host: 'name', address: 'name', tag: 'name', open: 'name', tags: 'name', token: 'name', zhFile: 'name', enFile: 'name',
  detail: 'en', text: 'en',
};

type ErrorLike = { message: string; key?: string; params?: Record<string, unknown> };

const isReason = (value: unknown): value is Reason =>
  typeof value === 'object' && value !== null && typeof (value as Reason).key === 'string' && typeof (value as Reason).params === 'object';

/** The error's values, a diagnosis duiqi recognised said by `say` in the reader's words instead of the parser's English. */
function spoken(err: ErrorLike, say: (reason: Reason) => unknown): Record<string, unknown> {
  const { reason, ...params } = err.params ?? {};
  return isReason(reason) ? { ...params, detail: say(reason) } : params;
}

/** A typed error's sentence in the reader's language, its quoted values marked; its English message when it has no key. */
export function errorSentence(ctx: ViewContext, err: ErrorLike): SafeHtml {
  if (!err.key) return SafeHtml.of(escapeHtml(err.message));
  return markedT(ctx, err.key, spoken(err, (r) => markedT(ctx, r.key, r.params, QUOTED_IN_ERRORS)), QUOTED_IN_ERRORS);
}

/** The same sentence as plain text, for JSON answers. */
export function errorText(ctx: ViewContext, err: ErrorLike): string {
  return err.key ? ctx.t(err.key, spoken(err, (r) => ctx.t(r.key, r.params))) : err.message;
}
