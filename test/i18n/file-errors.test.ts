// Bad bilingual files are refused in the reader's language: in Chinese with the line, in English word for word as before.

import fs from 'node:fs';
import path from 'node:path';
import type { TFunction } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json } from '../../server/formats/json.ts';
import { ParseError } from '../../server/formats/parse-error.ts';
import { tmx } from '../../server/formats/tmx.ts';
import { xliff } from '../../server/formats/xliff.ts';
import { xliff12 } from '../../server/formats/xliff12.ts';
import { MAX_TBX_ENTRIES, parseGlossaryTbx, serializeGlossaryTbx } from '../../server/formats/glossary-tbx.ts';
import type { FormatAdapter } from '../../server/formats/bilingual-document.ts';
import { createI18n, readLocale } from '../../server/http/i18n.ts';
import { addUser, Client, startTestServer, type TestServer } from '../support/test-server.ts';
import { rowCounts, upload } from '../transfer/transfer-support.ts';
import { sampleDocument } from '../formats/sample-documents.ts';

const HAN = /\p{Script=Han}/u;
const good = { tmx: tmx.serialize(sampleDocument()), xliff: xliff.serialize(sampleDocument()), json: json.serialize(sampleDocument()) };

// The fifth line closes a <tuv> while its <seg> is open.
const BROKEN_TMX = '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n  <header srclang="zh-CN"/>\n  <body>\n' +
  '    <tu><tuv xml:lang="zh-CN"><seg>坏</tuv></tu>\n  </body>\n</tmx>\n';

// The glossary's TBX reader, refusing files as the bilingual readers do.
const tbx = { parse: (text: string) => parseGlossaryTbx(text) } as unknown as FormatAdapter;

function withoutTitle(): string {
  const { title: _title, ...rest } = JSON.parse(good.json) as Record<string, unknown>;
  return JSON.stringify(rest, null, 2);
}

function parseError(adapter: FormatAdapter, content: string): ParseError {
  try {
    adapter.parse(content);
  } catch (err) {
    expect(err).toBeInstanceOf(ParseError);
    return err as ParseError;
  }
  throw new Error('expected a ParseError, but the file was accepted');
}

/** Broken files of every kind the readers refuse, one or more per sentence. */
const BROKEN: [string, FormatAdapter, string][] = [
  ['an empty TMX', tmx, ''],
  ['a DOCTYPE', tmx, good.tmx.replace('?>\n', '?>\n<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n')],
  ['malformed XML', tmx, BROKEN_TMX],
  ['an unclosed processing instruction after the root', tmx, '<tmx version="1.4"/>\n<?x'],
  ['two roots', tmx, '<tmx version="1.4"/><tmx version="1.4"/>'],
  ['an undeclared entity', tmx, good.tmx.replace('习近平', '&xxe;习近平')],
  ['a control character', tmx, good.tmx.replace('习近平', '\u0001习近平')],
  ['a reference to a control character', xliff, good.xliff.replace('习近平', '&#x1;习近平')],
  ['a nesting bomb', tmx, good.tmx.replace('习近平', `${'<hi>'.repeat(70)}x${'</hi>'.repeat(70)}`)],
  ['a TMX without a header', tmx, good.tmx.replace(/<header[\s\S]*?<\/header>/, '')],
  ['a score that is not a number', tmx, good.tmx.replace('>0.93<', '>high<')],
  ['an index that is not whole', xliff, good.xliff.replace('<mda:meta type="index">1<', '<mda:meta type="index">1.5<')],
  ['a version that is not a number', tmx, good.tmx.replace('"x-duiqi-version">4<', '"x-duiqi-version">four<')],
  ['an edit distance that is not a number', xliff, good.xliff.replace('"editDistance">3<', '"editDistance">x<')],
  ['a sentence count that is not a number', tmx, good.tmx.replace('segment-count">2<', 'segment-count">two<')],
  ['a wrong root', tmx, '<?xml version="1.0"?>\n<html><body/></html>\n'],
  ['TMX 2.0', tmx, good.tmx.replace('<tmx version="1.4">', '<tmx version="2.0">')],
  ['a French source', tmx, good.tmx.replace('srclang="zh-CN"', 'srclang="fr-FR"')],
  ['a unit without Chinese', tmx, good.tmx.replaceAll('xml:lang="zh-CN"', 'xml:lang="ko"')],
  ['Chinese paired with French', tmx, good.tmx.replaceAll('xml:lang="en"', 'xml:lang="fr"')],
  ['an unknown TMX state', tmx, good.tmx.replace('>approved<', '>done<')],
  ['a TMX sentence count that disagrees', tmx, good.tmx.replace('segment-count">2<', 'segment-count">3<')],
  ['an XLIFF namespace of neither version', xliff, good.xliff.replace(':document:2.0"', ':document:9.9"')],
  ['our XLIFF under the 1.2 namespace (no source-language on its file)', xliff, good.xliff.replace(':document:2.0"', ':document:1.2"')],
  ['an XLIFF 2 file read as XLIFF 1.2', xliff12, good.xliff],
  ['a TBX whose root is not martif or tbx', tbx, good.xliff],
  ['a TBX with no Chinese-English concept', tbx, serializeGlossaryTbx([{ zh: '峰会', en: 'summit' }]).replace('xml:lang="zh-CN"', 'xml:lang="de"')],
  ['a TBX whose synonyms pair past the limit', tbx, serializeGlossaryTbx([{ zh: '峰会', en: 'summit' }]).replace('<term>峰会</term>',
    Array.from({ length: Math.ceil(Math.sqrt(MAX_TBX_ENTRIES)) + 1 }, (_, i) => `<term>峰会${i}</term>`).join('')).replace('<term>summit</term>',
    Array.from({ length: Math.ceil(Math.sqrt(MAX_TBX_ENTRIES)) + 1 }, (_, i) => `<term>summit ${i}</term>`).join(''))],
  ['a duiqi state of its own that duiqi does not have, in XLIFF 1.2', xliff12, xliff12.serialize(sampleDocument()).replace('<duiqi:meta type="state">approved<', '<duiqi:meta type="state">forged<')],
  ['an XLIFF 1.2 state 1.2 does not define', xliff, '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="zh-CN" datatype="plaintext" original="a"><body>\n<trans-unit id="1"><source>你好。</source><target state="done">Hello.</target></trans-unit></body></file></xliff>'],
  ['XLIFF 3.0', xliff, good.xliff.replace('version="2.1"', 'version="3.0"')],
  ['an XLIFF French source', xliff, good.xliff.replace('srcLang="zh-CN"', 'srcLang="fr"')],
  ['an XLIFF Japanese target', xliff, good.xliff.replace('trgLang="en"', 'trgLang="ja"')],
  ['an XLIFF without files', xliff, good.xliff.replace(/<file[\s\S]*<\/file>/, '')],
  ['an XLIFF unit without segments', xliff, good.xliff.replace(/<segment[\s\S]*?<\/segment>/, '')],
  ['an unknown XLIFF state', xliff, good.xliff.replace('state="reviewed" subState="duiqi:approved"', 'state="done"')],
  ['an unknown duiqi subState', xliff, good.xliff.replace('subState="duiqi:approved"', 'subState="duiqi:done"')],
  ['a <cp> character', xliff, good.xliff.replace('习近平', '<cp hex="0001"/>习近平')],
  ['an XLIFF sentence count that disagrees', xliff, good.xliff.replace('"srcSegmentCount">2<', '"srcSegmentCount">5<')],
  ['an empty JSON', json, ' \n'],
  ['JSON with a syntax error on line 3', json, '{\n  "format": "duiqi-bilingual",\n  oops\n}'],
  ['JSON cut short', json, '{"format": '],
  ['JSON that is not a duiqi document', json, '{"hello": "世界"}'],
  ['JSON format version 2', json, good.json.replace('"formatVersion": 1', '"formatVersion": 2')],
  ['JSON with a French source', json, good.json.replace('"srcLang": "zh-CN"', '"srcLang": "fr"')],
  ['JSON with a Japanese target', json, good.json.replace('"tgtLang": "en"', '"tgtLang": "ja"')],
  ['JSON without a title', json, withoutTitle()],
  ['JSON whose pairs are not an array', json, good.json.replace(/"pairs": \[[\s\S]*\]\n\}/, '"pairs": {}\n}')],
  ['JSON with a pair that is not an object', json, good.json.replace('"pairs": [', '"pairs": [\n    7,')],
  ['JSON with a score of 2', json, good.json.replace('"score": 0.93', '"score": 2')],
  ['JSON with state 5', json, good.json.replace('"state": 30', '"state": 5')],
  ['JSON with an empty id', json, good.json.replace('"id": "101"', '"id": ""')],
  ['JSON with a negative index', json, good.json.replace('"index": 0', '"index": -1')],
  ['JSON with comments that are not strings', json, good.json.replace('"comments": [', '"comments": [\n        1,')],
  ['JSON with a date that is a number', json, good.json.replace('"created": "2024-05-01T08:30:00.000Z"', '"created": 20240501')],
  ['JSON with version 1e300', json, good.json.replace('"version": 4', '"version": 1e300')],
  ['JSON with an index past 2^31', json, good.json.replace('"index": 0', '"index": 9007199254740993')],
  ['TMX version 0', tmx, good.tmx.replace('"x-duiqi-version">4<', '"x-duiqi-version">0<')],
  ['TMX version -5', tmx, good.tmx.replace('"x-duiqi-version">4<', '"x-duiqi-version">-5<')],
  ['TMX version 1e300', tmx, good.tmx.replace('"x-duiqi-version">4<', '"x-duiqi-version">1e300<')],
  ['TMX version 2^53+1', tmx, good.tmx.replace('"x-duiqi-version">4<', '"x-duiqi-version">9007199254740993<')],
  ['TMX index -7', tmx, good.tmx.replace('"x-duiqi-index">0<', '"x-duiqi-index">-7<')],
  ['TMX index 1e20', tmx, good.tmx.replace('"x-duiqi-index">0<', '"x-duiqi-index">1e20<')],
  ['a score of -0.5', xliff, good.xliff.replace('"score">0.93<', '"score">-0.5<')],
  ['an unknown XLIFF imported state', xliff, good.xliff.replace('<mda:meta type="importedState">approved<', '<mda:meta type="importedState">forged<')],
];

describe('ParseError sentences', () => {
  let en: TFunction;
  let zh: TFunction;
  beforeAll(async () => {
    const i18n = await createI18n();
    en = i18n.getFixedT('en');
    zh = i18n.getFixedT('zh-CN');
  });

  it.each(BROKEN)('when the file has %s then the English translation is the message and the Chinese names the line', (_name, adapter, content) => {
    const err = parseError(adapter, content);
    expect(err.key).toMatch(/^(errors|safeguards)\.file[A-Z]/);
    expect(en(err.key!, err.params)).toBe(err.message);
    const sentence = String(zh(err.key!, err.params));
    expect(sentence).toMatch(HAN);
    expect(sentence).not.toMatch(/\{\{|errors\./);
    if (err.line === undefined) expect(sentence).not.toMatch(/第 \d+ 行/);
    else expect(sentence).toContain(`（第 ${err.line} 行）`);
  });

  it('when the broken files are read then together they reach every file sentence of the locale', () => {
    const keys = new Set(BROKEN.map(([, adapter, content]) => parseError(adapter, content).key));
    const errors = readLocale('en').errors as Record<string, string>;
    expect(Object.keys(errors).filter((k) => k.startsWith('file') && !keys.has(`errors.${k}`))).toEqual([]);
  });

  it('when a file sentence is translated then both locales use the same placeholders', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
    const enErrors = readLocale('en').errors as Record<string, string>;
    const zhErrors = readLocale('zh-CN').errors as Record<string, string>;
    const source = fs.readdirSync(path.resolve(import.meta.dirname, '../../server/formats')).filter((f) => f.endsWith('.ts'))
      .map((f) => fs.readFileSync(path.resolve(import.meta.dirname, '../../server/formats', f), 'utf8')).join('\n');
    const named = [...new Set([...source.matchAll(/'errors\.(file[a-zA-Z]+)'/g)].map((m) => m[1]!))];
    expect(named.length).toBeGreaterThan(30);
    for (const key of named) {
      expect([typeof enErrors[key], typeof zhErrors[key]], key).toEqual(['string', 'string']);
      expect(placeholders(zhErrors[key]!), key).toEqual(placeholders(enErrors[key]!));
    }
  });
});

describe('POST /import of a broken file', () => {
  let server: TestServer;
  let browser: Client;
  beforeAll(async () => {
    server = await startTestServer();
    await addUser(server.store, 'lin', 'translator');
    browser = new Client(server.url);
    await browser.login('lin');
    await browser.get('/import');
  });
  afterAll(() => server.close());

  const cookie = (lang?: string) => [...browser.cookies, ...(lang ? [['duiqi_lang', lang]] : [])].map(([k, v]) => `${k}=${v}`).join('; ');

  async function importFile(name: string, content: string, headers: Record<string, string>) {
    const before = rowCounts(server.db);
    const res = await upload(server, '/import', { source: { name, content } }, { fields: { _csrf: browser.csrf }, headers });
    expect(res.status).toBe(400);
    expect(rowCounts(server.db)).toEqual(before);
    return sentenceIn(res.text);
  }

  const FILES: { file: string; content: string; zh: string; en: string }[] = [
    {
      file: 'broken.tmx', content: BROKEN_TMX,
      zh: 'TMX 文件不是格式正确的 XML（第 5 行）：此处应是“seg”（始于第 5 行第 31 列）的结束标签，而不是“tuv”的结束标签。',
      en: 'The TMX file is not well-formed XML: Expected closing tag \'seg\' (opened in line 5, col 31) instead of closing tag \'tuv\'. (line 5)',
    },
    {
      file: 'page.tmx', content: '<?xml version="1.0"?>\n<html><body/></html>\n',
      zh: '这不是 TMX 文件：它的根元素是 <html>，而不是 <tmx>（第 2 行）。', en: 'This is not a TMX file: its root element is <html>, not <tmx>. (line 2)',
    },
    {
      file: 'untitled.json', content: withoutTitle(),
      zh: 'JSON 文件中的 "title" 必须是字符串。', en: 'In the JSON file, "title" must be a string.',
    },
    {
      file: 'broken.json', content: '{\n  "format": "duiqi-bilingual",\n  oops\n}',
      zh: 'JSON 文件不是有效的 JSON（第 3 行）：此处应是带双引号的属性名。', en: 'The JSON file is not valid JSON: Expected double-quoted property name in JSON (line 3)',
    },
    {
      file: 'doctype.xlf', content: good.xliff.replace('?>\n', '?>\n<!DOCTYPE xliff [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n'),
      zh: 'XLIFF 文件含有 <!DOCTYPE> 声明（第 2 行）。duiqi 拒绝 DTD 和实体声明',
      en: 'The XLIFF file contains a <!DOCTYPE> declaration; duiqi refuses DTDs and entity declarations so that no file can expand entities or reach other files. (line 2)',
    },
    {
      file: 'french.tmx', content: good.tmx.replace('srclang="zh-CN"', 'srclang="fr-FR"'),
      zh: 'TMX 文件的源语言是“fr-FR”（第 3 行），但 duiqi 只做中文（zh）到英文的对齐。',
      en: 'The TMX source language is "fr-FR", but duiqi aligns Chinese (zh) to English. (line 3)',
    },
  ];

  it.each(FILES)('when a 中文 reader uploads $file then the sentence is Chinese and names the line', async ({ file, content, zh }) => {
    const sentence = await importFile(file, content, { cookie: cookie('zh-CN') });
    expect(sentence).toContain(zh);
    expect(sentence).toMatch(HAN);
  });

  it.each(FILES)('when an English reader uploads $file then the sentence is the English one, unchanged', async ({ file, content, en }) => {
    const sentence = await importFile(file, content, { cookie: cookie('en') });
    expect(sentence).toBe(en);
  });

  it('when the browser asks for zh-CN and htmx posts then the form fragment carries the Chinese sentence', async () => {
    const sentence = await importFile('page.tmx', FILES[1]!.content, { cookie: cookie(), 'accept-language': 'zh-CN,zh;q=0.9', 'hx-request': 'true' });
    expect(sentence).toBe(FILES[1]!.zh);
  });

  it('when the JSON API gets the same file then it still answers in English for scripts and logs', async () => {
    const res = await upload(server, '/api/documents/import', { source: { name: 'page.tmx', content: FILES[1]!.content } },
      { fields: { _csrf: browser.csrf }, headers: { cookie: cookie('zh-CN') } });
    expect(res.status).toBe(400);
    expect(res.json().error).toBe(FILES[1]!.en);
  });

  it('when a 中文 reader adds a glossary term with a control character then the refusal is Chinese', async () => {
    const res = await browser.request('POST', '/glossary', {
      form: { zh: '改革\u0001', en: 'reform', _csrf: browser.csrf }, headers: { 'accept-language': 'zh-CN', 'hx-request': 'true' },
    });
    expect(res.status).toBe(400);
    expect(res.text).toContain('术语不能包含控制字符。');
  });
});

/** The import error paragraph's text, unescaped. */
function sentenceIn(page: string): string {
  const m = /data-testid="import-error">([\s\S]*?)<\/p>/.exec(page);
  expect(m, page.slice(0, 500)).not.toBeNull();
  // Values quoted from the file or the parser sit in their own elements (views/marked-text.ts).
  m![1] = m![1]!.replace(/<\/?span[^>]*>/g, '');
  const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#123': '{', '#125': '}' };
  return m![1]!.replace(/&(amp|lt|gt|quot|#39|#123|#125);/g, (_e, name: string) => entities[name]!);
}
