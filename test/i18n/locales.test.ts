import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createI18n, LANGUAGES, readLocale } from '../../server/http/i18n.ts';
import { ROLES } from '../../server/db/accounts-repo.ts';
import { BANDS } from '../../server/domain/match-analysis.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

function flatten(obj: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(obj).flatMap(([k, v]) =>
    v && typeof v === 'object' ? flatten(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`]);
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'locales' ? [] : sourceFiles(p);
    return p.endsWith('.ts') ? [p] : [];
  });
}

/** Keys named literally in code: t('a.b'), and the i18n keys given to typed errors ('errors.x'). */
function keysUsedInCode(): string[] {
  const keys = new Set<string>();
  for (const file of [...sourceFiles(path.join(ROOT, 'server')), ...sourceFiles(path.join(ROOT, 'views'))]) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z]+\.[a-zA-Z.]+)'/g)) keys.add(m[1]!);
    for (const m of text.matchAll(/'((?:errors|formats|fetch|translated|glossary\.csv|cli|config)\.[a-zA-Z]+)'/g)) keys.add(m[1]!);
    // (The bundle's pointer file, 'cli.json', is a file name, not a key.)
    keys.delete('cli.json');
  }
  return [...keys];
}

describe('UI strings', () => {
  const locales = Object.fromEntries(LANGUAGES.map((l) => [l, new Set(flatten(readLocale(l)))]));

  it('when a key exists in one locale then it exists in every other', () => {
    const all = new Set(Object.values(locales).flatMap((s) => [...s]));
    for (const lang of LANGUAGES) {
      expect([...all].filter((k) => !locales[lang]!.has(k)), `missing from ${lang}`).toEqual([]);
    }
  });

  it('when code names a key then every locale has it', () => {
    const used = keysUsedInCode();
    expect(used.length).toBeGreaterThan(20);
    // A key with a count may exist only in its plural forms (key_one, key_other).
    for (const lang of LANGUAGES) expect(used.filter((k) => !locales[lang]!.has(k) && !locales[lang]!.has(`${k}_other`)), `missing from ${lang}`).toEqual([]);
  });

  it('when a string takes {{values}} then every locale takes the same ones', () => {
    // A merge once brought back {{zh}}/{{en}} in one locale after the code had renamed them: users read the braces.
    const params = (lang: string) => {
      const byKey = new Map<string, Set<string>>();
      const walk = (obj: Record<string, unknown>, prefix: string) => {
        for (const [k, v] of Object.entries(obj)) {
          if (v && typeof v === 'object') { walk(v as Record<string, unknown>, `${prefix}${k}.`); continue; }
          // Plural forms are one string: English may leave {{count}} out of its _one form.
          const key = `${prefix}${k}`.replace(/_(zero|one|two|few|many|other)$/, '');
          const names = byKey.get(key) ?? new Set<string>();
          for (const m of String(v).matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)) names.add(m[1]!);
          byKey.set(key, names);
        }
      };
      walk(readLocale(lang), '');
      return byKey;
    };
    const [first, ...others] = LANGUAGES.map((l) => [l, params(l)] as const);
    expect(first![1].size).toBeGreaterThan(100);
    for (const [lang, table] of others) {
      const differ = [...first![1]].filter(([key, names]) => {
        const theirs = table.get(key);
        return theirs && [...names, ...theirs].some((n) => !names.has(n) || !theirs.has(n));
      }).map(([key, names]) => `${key}: ${first![0]} {${[...names]}} ${lang} {${[...table.get(key)!]}}`);
      expect(differ).toEqual([]);
    }
  });

  it('when keys are built from roles, states and match bands then each one exists', () => {
    const built = [...ROLES.map((r) => `roles.${r}`),
      ...['noise', 'untranslated', 'machine', 'translated', 'rejected', 'approved'].map((s) => `states.${s}`),
      ...BANDS.map((b) => `analysis.bands.${b}`)];
    for (const lang of LANGUAGES) expect(built.filter((k) => !locales[lang]!.has(k))).toEqual([]);
  });

  it('when the Chinese locale is read then its strings are Chinese, not copies of the English', () => {
    const en = readLocale('en') as { login: { title: string } };
    const zh = readLocale('zh-CN') as { login: { title: string } };
    expect(zh.login.title).not.toBe(en.login.title);
    expect(zh.login.title).toMatch(/\p{Script=Han}/u);
  });
});

describe('a UI string given too few values, under test', () => {
  it('when a value is missing then it throws instead of showing the braces', async () => {
    const i18n = await createI18n();
    expect(i18n.t('languageCheck.swapped', { lng: 'en', zhFile: 'a.txt', enFile: 'b.txt' })).toContain('"a.txt" is English');
    expect(() => i18n.t('languageCheck.swapped', { lng: 'en', zhFile: 'a.txt' })).toThrow(/no value for \{\{enFile\}\}/);
  });
});
