// The command line's sentences through the interface's i18next resources, in the environment's language. i18next and
// the locale are loaded at the first sentence only: `duiqi align` prints none when it succeeds, and must start fast.

import type { TFunction } from 'i18next';
import { cliLanguage } from './cli-language.ts';
import { errorText } from '../../views/marked-text.ts';
import type { ErrorParts } from '../domain/errors.ts';

let loaded: Promise<TFunction> | undefined;

async function translator(): Promise<TFunction> {
  const lang = cliLanguage(process.env);
  // Imported as modules, the locales travel inside the command-line bundle, wherever npm put it.
  const [{ default: i18next }, { default: translation }] = await Promise.all([
    import('i18next'),
    lang === 'zh-CN'
      ? import('../../views/locales/zh-CN/translation.json', { with: { type: 'json' } })
      : import('../../views/locales/en/translation.json', { with: { type: 'json' } }),
  ]);
  const instance = i18next.createInstance();
  // No notice of i18next's own on stderr, where the refusal is the one line (as server/http/i18n.ts).
  await instance.init({ lng: lang, resources: { [lang]: { translation } }, interpolation: { escapeValue: false }, showSupportNotice: false } as Parameters<typeof instance.init>[0]);
  return instance.getFixedT(lang);
}

/** The sentence `key` says with `params`, in the environment's language. */
export async function say(key: string, params: Record<string, unknown> = {}): Promise<string> {
  loaded ??= translator();
  return (await loaded)(key, params) as string;
}

/**
 * A refusal's one line: a typed error's sentence (its English message when it has no key); Node's parser of the
 * arguments says what it did not understand in English, which the sentence around it quotes.
 */
export async function refusalLine(err: unknown): Promise<string> {
  const e = err as Partial<ErrorParts> & { code?: string };
  loaded ??= translator();
  const t = await loaded;
  if (String(e.code).startsWith('ERR_PARSE_ARGS')) return t('cli.badArguments', { detail: e.message }) as string;
  const ctx = { t: (key: string, params?: Record<string, unknown>) => t(key, params) as string, lang: '', csrfToken: '', user: null, path: '' };
  return errorText(ctx, { message: e.message ?? String(err), key: e.key, params: e.params });
}
