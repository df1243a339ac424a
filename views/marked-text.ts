// A translated sentence that quotes what users wrote: each quoted value sits in an element saying so (lang="en"
// for English text, translate="no" for names and titles), so readers' tools and the zh-CN check tell the
// interface's words from the user's.

import { escapeHtml, SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';

export type Mark = 'en' | 'zh-CN' | 'name';

const open = (mark: Mark) => (mark === 'name' ? '<span translate="no">' : `<span lang="${mark}">`);

export function markedT(ctx: ViewContext, key: string, params: Record<string, unknown>, marks: Record<string, Mark>): SafeHtml {
  // Private-use characters stand in for the marked values while i18next interpolates; nothing else can contain them.
  const token = (i: number) => `\uE000${i}\uE001`;
  const names = Object.keys(marks).filter((k) => params[k] !== undefined && params[k] !== '');
  const sentence = ctx.t(key, { ...params, ...Object.fromEntries(names.map((k, i) => [k, token(i)])) });
  const markup = escapeHtml(sentence).replace(/\uE000(\d+)\uE001/g, (_m, i: string) => {
    const name = names[Number(i)]!;
    return `${open(marks[name]!)}${escapeHtml(String(params[name]))}</span>`;
  });
  return SafeHtml.of(markup);
}

/** Values of error sentences that quote the user's input or a library's English diagnosis, not the interface. */
const QUOTED_IN_ERRORS: Record<string, Mark> = { name: 'name', url: 'name', value: 'name', path: 'name', host: 'name', address: 'name', detail: 'en', text: 'en' };

/** A typed error's sentence in the reader's language, its quoted values marked; its English message when it has no key. */
export function errorSentence(ctx: ViewContext, err: { message: string; key?: string; params?: Record<string, unknown> }): SafeHtml {
  return err.key ? markedT(ctx, err.key, err.params ?? {}, QUOTED_IN_ERRORS) : SafeHtml.of(escapeHtml(err.message));
}
