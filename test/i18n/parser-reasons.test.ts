// Why a file was refused, as the parser (fast-xml-parser, V8's JSON.parse, our zip reader) put it, reaches a
// 中文 reader in Chinese: recognised diagnoses have a key in both locales; English readers keep the XML parser's words.

import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../server/formats/json.ts';
import { tmx } from '../../server/formats/tmx.ts';
import { docxFormat } from '../../server/formats/source/docx.ts';
import { ParseError } from '../../server/formats/parse-error.ts';
import type { FormatAdapter } from '../../server/formats/bilingual-document.ts';
import type { AppError, Reason } from '../../server/domain/errors.ts';
import { compileFind } from '../../server/domain/replace-text.ts';
import { createI18n, readLocale } from '../../server/http/i18n.ts';
import { errorSentence, errorText } from '../../views/marked-text.ts';
import type { ViewContext } from '../../views/view-context.ts';
import { englishInHtml, englishRuns } from '../support/english-runs.ts';

const HAN = /\p{Script=Han}/u;

function refusal(read: () => unknown): ParseError {
  try {
    read();
  } catch (err) {
    expect(err).toBeInstanceOf(ParseError);
    return err as ParseError;
  }
  throw new Error('expected a ParseError, but the file was accepted');
}

const parsed = (adapter: FormatAdapter, content: string) => () => adapter.parse(content);

/** Files whose refusal carries a parser's own diagnosis, one or more per kind of diagnosis. */
const DIAGNOSED: [string, () => unknown][] = [
  ['a closing tag for another element', parsed(tmx, '<tmx version="1.4">\n  <body>\n  </tmx>\n</body>')],
  ['an unclosed element', parsed(tmx, '<tmx version="1.4"><body>')],
  ['a closing tag never opened', parsed(tmx, '<tmx version="1.4"/>\n</body>')],
  ['a repeated attribute', parsed(tmx, '<tmx version="1.4" version="2"/>')],
  ['an attribute without a value', parsed(tmx, '<tmx version/>')],
  ['a space after <', parsed(tmx, '< tmx/>')],
  ['an invalid tag name', parsed(tmx, '<1tmx/>')],
  ['an attribute with an open quote', parsed(tmx, "<tmx version='1.4/>")],
  ['an unclosed processing instruction after the root', parsed(tmx, '<tmx version="1.4"/>\n<?x')],
  ['a JSON with a bare word', parsed(json, '{\n  "format": "duiqi-bilingual",\n  oops\n}')],
  ['a JSON cut short', parsed(json, '{"format": ')],
  ['a JSON with an unexpected token', parsed(json, '{"format": x}')],
  ['a JSON with a missing comma', parsed(json, '{"format": "a" "b": 1}')],
  ['a JSON with text after it', parsed(json, '{"format": 1} and more')],
  ['a JSON with an unterminated string', parsed(json, '{"format": "duiqi')],
  ['a JSON with a bad escape', parsed(json, '{"format": "\\q"}')],
  ['a Word file that is no zip', () => docxFormat.read(Buffer.from('this is not a zip archive at all'))],
];

describe('a parser\'s diagnosis in the reader\'s language', () => {
  let ctx: Record<'en' | 'zh-CN', ViewContext>;
  beforeAll(async () => {
    const i18n = await createI18n();
    const of = (lang: 'en' | 'zh-CN'): ViewContext => ({ t: i18n.getFixedT(lang), lang, csrfToken: '', user: null, path: '/import' });
    ctx = { en: of('en'), 'zh-CN': of('zh-CN') };
  });

  it.each(DIAGNOSED)('when the file is %s then the reason is recognised and the Chinese sentence has no English one', (_name, read) => {
    const err = refusal(read);
    const reason = err.params!.reason as Reason | undefined;
    expect(reason?.key, String(err.params!.detail)).toMatch(/^parserReasons\.\w+$/);
    const text = errorText(ctx['zh-CN'], err);
    expect(text).toMatch(HAN);
    expect(text).not.toMatch(/\{\{|parserReasons\./);
    expect(englishRuns(text), text).toEqual([]);
    expect(englishInHtml(errorSentence(ctx['zh-CN'], err).value), text).toEqual([]);
    if (err.line !== undefined) expect(text).toContain(`（第 ${err.line} 行）`);
  });

  it.each(DIAGNOSED.filter(([, read]) => refusal(read).key?.startsWith('errors.fileXml')))(
    'when an English reader is refused %s then the sentence keeps the XML parser\'s own words', (_name, read) => {
      const err = refusal(read);
      expect(errorText(ctx.en, err)).toBe(err.message);
    },
  );

  // A search's regular expression is read by V8's RegExp: its diagnosis reached a 中文 reader in English.
  it.each(['(level', 'level)', '*', 'a{2,1}', 'a{', '}', '[z-a]', '[abc', 'end\\', '\\q', '(?x)', '(?<1a>x)', '(?<a>x)(?<a>y)', '\\k<b>', '\\p{Nope}'])(
    'when a search\'s regular expression is %s then the reason is recognised and the Chinese sentence has no English one', (find) => {
      let err: AppError | undefined;
      try {
        compileFind({ find, replace: '', regex: true, matchCase: false, side: 'en', includeApproved: false });
      } catch (e) {
        err = e as AppError;
      }
      expect((err?.params?.reason as Reason | undefined)?.key, String(err?.message)).toMatch(/^parserReasons\.regex\w+$/);
      const text = errorText(ctx['zh-CN'], err!);
      expect(text).toMatch(/^这个正则表达式无效：.*\p{Script=Han}/u);
      expect(englishRuns(text), text).toEqual([]);
      // The English reader reads V8's own words.
      expect(errorText(ctx.en, err!)).toBe(`This regular expression is not valid: ${err!.message.slice(err!.message.lastIndexOf(': ') + 2)}`);
    });

  it('when a diagnosis is not one duiqi knows then it is quoted as written, marked as English', () => {
    const err = new ParseError('The TMX file is not well-formed XML: Something new went wrong.', 'errors.fileXmlSyntaxNoLine', {
      params: { format: 'TMX', detail: 'Something new went wrong.', reason: undefined },
    });
    expect(errorSentence(ctx['zh-CN'], err).value).toBe('TMX 文件不是格式正确的 XML：<span lang="en">Something new went wrong.</span>');
  });

  it('when a reason is named in code then both locales say it, with the same placeholders', () => {
    const source = ['parser-reasons.ts', 'source/zip.ts']
      .map((f) => fs.readFileSync(path.resolve(import.meta.dirname, '../../server/formats', f), 'utf8')).join('\n');
    const named = [...new Set([...source.matchAll(/'((?:xml|json|zip|regex)[A-Z]\w+)'/g)].map((m) => m[1]!))];
    const en = readLocale('en').parserReasons as Record<string, string>;
    const zh = readLocale('zh-CN').parserReasons as Record<string, string>;
    expect(named.length).toBeGreaterThan(40);
    expect(Object.keys(en).sort()).toEqual(named.sort());
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    for (const key of named) {
      expect(zh[key], key).toMatch(HAN);
      expect(placeholders(zh[key]!), key).toEqual(placeholders(en[key]!));
    }
  });
});
