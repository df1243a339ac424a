// TMX 1.4b specifics: DTD validity, header attributes, dates, language codes and props.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tmx } from '../../server/formats/tmx.ts';
import { ValidationError } from '../../server/domain/errors.ts';
import { XI_EN, XI_ZH, sampleDocument } from './sample-documents.ts';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dtd = path.join(path.resolve(projectRoot, '../shared'), 'data/tmx14.dtd');

function hasXmllint(): boolean {
  try {
    execFileSync('xmllint', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const canValidate = hasXmllint() && existsSync(dtd);
if (!canValidate) console.warn(`Skipping TMX DTD validation: ${hasXmllint() ? `no DTD at ${dtd}` : 'xmllint is not installed'}.`);

function expectValidTmx(file: string): void {
  const dir = mkdtempSync(path.join(tmpdir(), 'duiqi-tmx-'));
  try {
    const name = path.join(dir, 'export.tmx');
    writeFileSync(name, file);
    expect(() => execFileSync('xmllint', ['--noout', '--dtdvalid', dtd, name], { stdio: 'pipe' })).not.toThrow();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const text = tmx.serialize(sampleDocument(), { exportedAt: new Date('2025-01-02T03:04:05Z'), toolVersion: '1.2.3' });

describe('TMX export', () => {
  it.skipIf(!canValidate)('when exported then xmllint validates it against the TMX 1.4 DTD', () => {
    expectValidTmx(text);
  });

  it.skipIf(!canValidate)('when a subtitle cue\'s English has two lines then the line feed stands literally in its <seg> and the file stays valid', () => {
    const doc = sampleDocument();
    doc.pairs[2] = { ...doc.pairs[2]!, tgt: 'I went to the bookshop.\nI bought a book.', tgtSegments: ['I went to the bookshop.', '\nI bought a book.'] };
    const cue = tmx.serialize(doc);
    expect(cue).toContain('<seg>I went to the bookshop.\nI bought a book.</seg>');
    expect(tmx.parse(cue).pairs[2]).toMatchObject({ tgt: doc.pairs[2]!.tgt, tgtSegments: doc.pairs[2]!.tgtSegments });
    expectValidTmx(cue);
  });

  it('when exported then the header names the tool, segment type, languages and data type', () => {
    const header = /<header ([^>]*)>/.exec(text)![1]!;
    for (const attr of ['creationtool="duiqi"', 'creationtoolversion="1.2.3"', 'segtype="sentence"', 'o-tmf="duiqi"',
      'adminlang="en"', 'srclang="zh-CN"', 'datatype="plaintext"']) {
      expect(header).toContain(attr);
    }
    expect(text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<tmx version="1\.4">/);
  });

  it('when exported then every date is YYYYMMDDThhmmssZ', () => {
    const dates = [...text.matchAll(/(?:creationdate|changedate)="([^"]*)"/g), ...text.matchAll(/x-duiqi-exported">([^<]*)</g)].map((m) => m[1]);
    expect(dates.length).toBeGreaterThanOrEqual(5);
    for (const d of dates) expect(d).toMatch(/^\d{8}T\d{6}Z$/);
    expect(text).toContain('creationdate="20240501T083000Z"');
  });

  it('when exported then each tu has a zh-CN and an en variant', () => {
    const tus = text.split('<tu ').slice(1);
    expect(tus).toHaveLength(sampleDocument().pairs.length);
    for (const tu of tus) {
      expect([...tu.matchAll(/<tuv xml:lang="([^"]+)">/g)].map((m) => m[1])).toEqual(['zh-CN', 'en']);
    }
    expect(text).toContain(`<seg>${XI_ZH}</seg>`);
    expect(text).toContain(`<seg>${XI_EN}</seg>`);
  });

  it('when exported then state, title, score and post-edit distance are props, and comments are notes', () => {
    expect(text).toContain('<prop type="x-duiqi-title">中韩关系 &amp; “新时代” &lt;2024&gt;</prop>');
    expect(text).toContain('<prop type="x-duiqi-state">approved</prop>');
    expect(text).toContain('<prop type="x-duiqi-score">0.93</prop>');
    expect(text).toContain('<prop type="x-duiqi-edit-distance">3</prop>');
    expect(text).toContain('<note>Reviewer: "Asia" &amp; \'world\' &lt;ok&gt;</note>');
    expect(text).toContain('changeid="li.wei"');
  });

  it('when exported then every tu names its document, so a merged memory keeps each unit\'s origin', () => {
    const tus = text.split('<tu ').slice(1);
    for (const tu of tus) expect(tu).toContain('<prop type="x-duiqi-document">中韩关系 &amp; “新时代” &lt;2024&gt;</prop>');
  });

  it('when a text holds characters outside the BMP then they are written as themselves, not as references', () => {
    expect(text).toContain('𠀀𪚥😀');
    expect(text).not.toMatch(/&#x?[0-9a-f]{5};/i);
  });

  it('when a text holds a character XML 1.0 forbids then the export fails and names it', () => {
    const doc = sampleDocument();
    doc.pairs[0]!.tgt = 'bell\u0007';
    expect(() => tmx.serialize(doc)).toThrow(ValidationError);
    expect(() => tmx.serialize(doc)).toThrow(/Pair 101 target contains U\+0007/);
    doc.pairs[0]!.tgt = 'lone \uD800 surrogate';
    expect(() => tmx.serialize(doc)).toThrow(/U\+D800/);
  });
});

describe('TMX import from other tools', () => {
  it('when a plain TM has no duiqi props then pairs get defaults and inline codes are dropped', () => {
    const doc = tmx.parse(`<?xml version="1.0"?>
<tmx version="1.4"><header creationtool="X" creationtoolversion="1" segtype="sentence" o-tmf="x" adminlang="en-US" srclang="zh-Hans" datatype="html"/>
<body><tu><tuv xml:lang="ZH-CN"><seg>中国<ph>&lt;br/&gt;</ph>人民</seg></tuv><tuv lang="en-GB"><seg><hi>Chinese</hi> people</seg></tuv></tu></body></tmx>`);
    expect(doc.created).toBeNull();
    expect(doc.pairs).toEqual([expect.objectContaining({ id: '1', index: 0, src: '中国人民', tgt: 'Chinese people', srcSegments: ['中国人民'], state: 20, score: null, version: 1 })]);
  });
});
