// The lang attribute of text users wrote in either language: screen readers choose their voice by it, and the
// interface's language is often not the text's (a reviewer's Chinese comment read in the English interface).

import { html, type SafeHtml } from './html.ts';
import { textLanguage } from '../server/domain/text-language.ts';

const CODES = { zh: 'zh-CN', en: 'en' } as const;

/** ` lang="…"` for the language the text is written in; nothing when its letters do not say, so it keeps its parent's. */
export function langOf(text: string): SafeHtml {
  const lang = textLanguage(text);
  return lang === 'unknown' ? html`` : html` lang="${CODES[lang]}"`;
}
