// Every typed error the server constructs names its sentence in the locales: one constructed without a key reaches a
// 中文 reader as the English message or the general "请求被拒绝" (server/http/error-handler.ts).

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-server.ts';
import { LANGUAGES, readLocale } from '../../server/http/i18n.ts';
import { errorConstructions, sourceFiles } from '../support/error-constructions.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

// A key with a count is found by its plural forms (allStale_one, allStale_other) beside where it would be.
function has(table: Record<string, unknown>, key: string): boolean {
  const parts = key.split('.');
  const last = parts.pop()!;
  let parent: unknown = table;
  for (const part of parts) parent = parent && typeof parent === 'object' ? (parent as Record<string, unknown>)[part] : undefined;
  if (!parent || typeof parent !== 'object') return false;
  const o = parent as Record<string, unknown>;
  return typeof o[last] === 'string' || typeof o[`${last}_other`] === 'string';
}

describe('typed errors in server/', () => {
  const found = errorConstructions([...sourceFiles(path.join(ROOT, 'server')), ...sourceFiles(path.join(ROOT, 'views'))]);
  const where = (c: (typeof found)[number]) => `${path.relative(ROOT, c.file)}:${c.line} new ${c.className}(${c.args.join(', ').slice(0, 80)})`;

  it('when the sources are scanned then the typed errors are found, with their constructors\' parameters', () => {
    expect(found.length).toBeGreaterThan(200);
    expect(found.filter((c) => c.className === 'ValidationError').every((c) => c.params.slice(0, 2).join() === 'message,key')).toBe(true);
  });

  it('when an AppError or a subclass is constructed then it is given a key', () => {
    const keyless = found.filter((c) => {
      const k = c.params.indexOf('key');
      return k >= 0 && (c.args.length <= k || c.args[k] === 'undefined' || c.args[k] === 'null');
    });
    expect(keyless.map(where)).toEqual([]);
  });

  it('when a key is written out then every locale has its sentence', () => {
    const locales = LANGUAGES.map((l) => [l, readLocale(l) as Record<string, unknown>] as const);
    const literal = found.flatMap((c) => {
      const arg = c.args[c.params.indexOf('key')];
      const m = arg === undefined ? null : /^'([\w.]+)'$/.exec(arg);
      return m ? [{ c, key: m[1]! }] : [];
    });
    expect(literal.length).toBeGreaterThan(200);
    for (const [lang, table] of locales) expect(literal.filter(({ key }) => !has(table, key)).map(({ c, key }) => `${lang} ${key}: ${where(c)}`)).toEqual([]);
  });
});

describe('the scanner', () => {
  it('when commas, parentheses and quotes sit in strings, templates, regular expressions and comments then the arguments are still counted right', () => {
    const dir = tempDir('duiqi-error-scan-');
    const file = path.join(dir, 'sample.ts');
    fs.writeFileSync(file, [
      'class AppError extends Error { constructor(message: string, readonly key?: string, readonly params?: Record<string, unknown>) { super(message); } }',
      'class Refusal extends AppError {}',
      'class Stale extends Refusal { constructor(readonly n: number) { super(`stale (${n}, ${[1, 2].join(\',\')})`, \'errors.stale\'); } }',
      '// new Refusal(\'in a comment\')',
      'const a = new Refusal(`one, ${f(1, 2)} (two`);',
      'const b = new Refusal(\'it\\\'s, (fine\', /[,)(]"/.test(x) ? \'errors.a\' : \'errors.b\');',
      'const c = new Stale(3);',
      'const d = new Refusal("a \\"quoted, one\\"", undefined, { x: 1 });',
    ].join('\n'));
    const found = errorConstructions([file]).map((c) => [c.className, c.args.length, c.params.slice(0, 2).join()]);
    expect(found).toEqual([
      ['Refusal', 1, 'message,key'], ['Refusal', 2, 'message,key'], ['Stale', 1, 'n'], ['Refusal', 3, 'message,key'], ['Stale', 2, 'message,key'],
    ]);
  });
});
