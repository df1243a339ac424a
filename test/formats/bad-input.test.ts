// Hostile and broken files: each is refused with a ParseError that says why, and where when it can.

import { describe, expect, it } from 'vitest';
import { json } from '../../server/formats/json.ts';
import { ParseError } from '../../server/formats/parse-error.ts';
import { tmx } from '../../server/formats/tmx.ts';
import { xliff } from '../../server/formats/xliff.ts';
import { sampleDocument } from './sample-documents.ts';

function parseError(run: () => unknown): ParseError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(ParseError);
    return err as ParseError;
  }
  throw new Error('expected a ParseError, but the file was accepted');
}

describe.each([
  ['TMX', tmx],
  ['XLIFF', xliff],
] as const)('%s import of bad files', (format, adapter) => {
  const good = adapter.serialize(sampleDocument());
  const lines = good.split('\n');

  it('when the file declares a DOCTYPE then it is refused before parsing (no XXE)', () => {
    const evil = good.replace('?>\n', '?>\n<!DOCTYPE foo [<!ELEMENT foo ANY><!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n');
    const err = parseError(() => adapter.parse(evil));
    expect(err.message).toMatch(/<!DOCTYPE>/);
    expect(err.line).toBe(2);
    expect(err.status).toBe(400);
  });

  it('when a DOCTYPE only names its DTD (as OmegaT and older XLIFF tools write) then the file reads as without it', () => {
    const root = format === 'TMX' ? 'tmx' : 'xliff';
    for (const doctype of [`<!DOCTYPE ${root} SYSTEM "${root}14.dtd">`, `<!DOCTYPE ${root} PUBLIC "-//LISA OSCAR:1998//DTD for Translation Memory eXchange//EN" 'file:///etc/passwd'>`]) {
      const named = good.replace('?>\n', `?>\n<!-- exported -->\n${doctype}\n`);
      expect(adapter.parse(named)).toEqual(adapter.parse(good));
    }
  });

  it('when a DOCTYPE only names its DTD then what follows is still checked, with its true line', () => {
    const named = good.replace('?>\n', '?>\n<!DOCTYPE x SYSTEM "x.dtd">\n');
    const err = parseError(() => adapter.parse(named.replace('习近平', '&xxe;习近平')));
    expect(err.message).toMatch(/"&xxe;"/);
    expect(err.line).toBe(lines.findIndex((l) => l.includes('习近平')) + 2);
    for (const [evil, line] of [
      [good.replace('?>\n', '?>\n<!DOCTYPE x SYSTEM "x.dtd">\n<!DOCTYPE y SYSTEM "y.dtd">\n'), 3],
      [good.replace('?>\n', '?>\n<!DOCTYPE x SYSTEM "x.dtd" [<!ENTITY a "b">]>\n'), 2],
    ] as const) expect(parseError(() => adapter.parse(evil)).line).toBe(line);
  });

  it('when the prolog holds many processing instructions and comments and no DOCTYPE then it is read at once, not in exponential time', () => {
    const many = good.replace('?>\n', `?>\n${'<?pi x?><!-- - -->'.repeat(200)}\n`);
    expect(adapter.parse(many)).toEqual(adapter.parse(good));
  });

  it('when the file declares an ENTITY without a DOCTYPE then it is refused (no entity expansion)', () => {
    const evil = good.replace('?>\n', '?>\n<!-- x -->\n<!ENTITY lol "lol">\n');
    const err = parseError(() => adapter.parse(evil));
    expect(err.message).toMatch(/<!ENTITY>/);
    expect(err.line).toBe(3);
  });

  it('when the file uses an entity it never declared then it is refused', () => {
    const err = parseError(() => adapter.parse(good.replace('习近平', '&xxe;习近平')));
    expect(err.message).toMatch(/"&xxe;"/);
    expect(err.line).toBe(lines.findIndex((l) => l.includes('习近平')) + 1);
  });

  it('when the XML is malformed then the error names the line', () => {
    const at = lines.findIndex((l) => l.includes('</source>') || l.includes('</seg>'));
    const broken = [...lines];
    broken[at] = broken[at]!.replace(/<\/(source|seg)>/, '');
    const err = parseError(() => adapter.parse(broken.join('\n')));
    expect(err.message).toMatch(new RegExp(`The ${format} file is not well-formed XML`));
    expect(err.line).toBeGreaterThanOrEqual(at + 1);
    expect(err.line).toBeLessThanOrEqual(at + 3);
    expect(err.message).toMatch(/\(line \d+\)$/);
  });

  it('when the source language is not Chinese then it is refused with a sentence', () => {
    const wrong = format === 'TMX' ? good.replace('srclang="zh-CN"', 'srclang="fr-FR"') : good.replace('srcLang="zh-CN"', 'srcLang="fr-FR"');
    const err = parseError(() => adapter.parse(wrong));
    expect(err.message).toMatch(/source language is "fr-FR", but duiqi aligns Chinese/);
    expect(err.line).toBe(format === 'TMX' ? 3 : 2);
  });

  it('when the target language is not English then it is refused with a sentence', () => {
    const wrong = format === 'TMX' ? good.replaceAll('xml:lang="en"', 'xml:lang="ja"') : good.replace('trgLang="en"', 'trgLang="ja"');
    expect(parseError(() => adapter.parse(wrong)).message).toMatch(/"ja", not English|target language is "ja"/);
  });

  it('when the file is empty then it is refused', () => {
    expect(parseError(() => adapter.parse('')).message).toBe(`The ${format} file is empty.`);
    expect(parseError(() => adapter.parse('\uFEFF\n  \n')).message).toBe(`The ${format} file is empty.`);
  });

  it('when the file holds a character XML 1.0 forbids then it is refused, not dropped', () => {
    expect(parseError(() => adapter.parse(good.replace('习近平', '\u0001习近平'))).message).toMatch(/U\+0001/);
    expect(parseError(() => adapter.parse(good.replace('习近平', '&#x1;习近平'))).message).toMatch(/U\+0001/);
  });

  it('when the file is some other XML then it says what it expected', () => {
    expect(parseError(() => adapter.parse('<?xml version="1.0"?>\n<html><body/></html>')).message).toMatch(/root/);
  });
});

describe('JSON import of bad files', () => {
  const good = json.serialize(sampleDocument());

  it('when the JSON is malformed then the error names the line', () => {
    const lines = good.split('\n');
    const at = lines.findIndex((l) => l.includes('"title"'));
    lines[at] = lines[at]!.replace(/,$/, '');
    const err = parseError(() => json.parse(lines.join('\n')));
    expect(err.message).toMatch(/^The JSON file is not valid JSON/);
    expect(err.line).toBe(at + 2);
  });

  it('when the source language is not Chinese then it is refused with a sentence', () => {
    const err = parseError(() => json.parse(good.replace('"srcLang": "zh-CN"', '"srcLang": "ko"')));
    expect(err.message).toBe('The JSON source language is "ko", but duiqi aligns Chinese (zh) to English.');
  });

  it('when the file is empty then it is refused', () => {
    expect(parseError(() => json.parse('')).message).toBe('The JSON file is empty.');
  });

  it('when a pair field has the wrong type then the error names its path', () => {
    const doc = JSON.parse(good);
    doc.pairs[2].score = 'high';
    expect(parseError(() => json.parse(JSON.stringify(doc))).message).toBe('In the JSON file, pairs[2].score must be a number from 0 to 1 or null.');
  });
});
