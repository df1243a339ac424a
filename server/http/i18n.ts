// i18next with the UI strings of views/locales; the language comes from a cookie, then the browser.

import fs from 'node:fs';
import path from 'node:path';
import i18next, { type i18n } from 'i18next';
import { LanguageDetector } from 'i18next-http-middleware';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export const LANGUAGE_COOKIE = 'duiqi_lang';
export const LOCALES_DIR = path.resolve(import.meta.dirname, '../../views/locales');

/** Under test a string given too few values fails loudly: a user would read its {{braces}}. */
const STRICT = process.env.DUIQI_STRICT_I18N === '1';

function missingValue(text: string, match: RegExpExecArray | string[]): never {
  throw new Error(`The UI string "${text}" was given no value for ${match[0]}.`);
}

export function readLocale(lang: string): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(LOCALES_DIR, lang, 'translation.json'), 'utf8'));
}

export async function createI18n(): Promise<i18n> {
  const instance = i18next.createInstance();
  await instance.use(LanguageDetector).init({
    resources: Object.fromEntries(LANGUAGES.map((l) => [l, { translation: readLocale(l) }])),
    supportedLngs: [...LANGUAGES],
    fallbackLng: { zh: ['zh-CN'], 'zh-TW': ['zh-CN'], 'zh-HK': ['zh-CN'], default: ['en'] },
    load: 'currentOnly',
    interpolation: { escapeValue: false }, // the html template escapes every value
    missingInterpolationHandler: STRICT ? missingValue : undefined,
    detection: { order: ['cookie', 'header'], lookupCookie: LANGUAGE_COOKIE, caches: false },
    showSupportNotice: false,
  } as Parameters<i18n['init']>[0]);
  return instance;
}
