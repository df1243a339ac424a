// The command line's language, from the environment as POSIX programs read it: Chinese or English.

export type CliLanguage = 'en' | 'zh-CN';

/**
 * LC_ALL, then LC_MESSAGES, then LANG (the first one set wins, as in setlocale): any Chinese locale (zh_CN.UTF-8,
 * zh_TW, zh) reads Chinese, the only Chinese the interface has; anything else (C, POSIX, en_US, de_DE) English.
 */
export function cliLanguage(env: Record<string, string | undefined>): CliLanguage {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  return /^zh(?:[_.@-]|$)/i.test(locale) ? 'zh-CN' : 'en';
}
