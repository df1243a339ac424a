// XLIFF 2.1 specifics: namespace, version, languages, one unit per pair and the state mapping.

import { describe, expect, it } from 'vitest';
import { MDA_NS, XLIFF_NS, XLIFF_STATE, xliff } from '../../server/formats/xliff.ts';
import { State } from '../../server/domain/types.ts';
import { AppError } from '../../server/domain/errors.ts';
import { createI18n } from '../../server/http/i18n.ts';
import { XI_EN, sampleDocument } from './sample-documents.ts';

const doc = sampleDocument();
const text = xliff.serialize(doc, { exportedAt: new Date('2025-01-02T03:04:05Z') });

describe('XLIFF export', () => {
  it('when exported then the root is XLIFF 2.1 in the 2.0 namespace, Chinese to English', () => {
    const root = /<xliff ([^>]*)>/.exec(text)![1]!;
    expect(root).toContain(`xmlns="${XLIFF_NS}"`);
    expect(root).toContain(`xmlns:mda="${MDA_NS}"`);
    expect(root).toContain('version="2.1"');
    expect(root).toContain('srcLang="zh-CN"');
    expect(root).toContain('trgLang="en"');
  });

  it('when exported then there is one unit per pair, with the pair id', () => {
    expect([...text.matchAll(/<unit id="([^"]+)">/g)].map((m) => m[1])).toEqual(doc.pairs.map((p) => p.id));
    expect(text.match(/<segment /g)).toHaveLength(doc.pairs.length);
  });

  it('when exported then each state maps to an XLIFF state and keeps ours in subState', () => {
    const segments = [...text.matchAll(/<segment state="([^"]+)" subState="([^"]+)">/g)].map((m) => [m[1], m[2]]);
    expect(segments).toEqual([
      ['reviewed', 'duiqi:approved'],
      ['translated', 'duiqi:translated'],
      ['initial', 'duiqi:machine'],
      ['initial', 'duiqi:untranslated'],
      ['translated', 'duiqi:translated'],
      ['translated', 'duiqi:rejected'],
    ]);
    expect(XLIFF_STATE).toEqual({ untranslated: 'initial', machine: 'initial', translated: 'translated', rejected: 'translated', approved: 'reviewed' });
  });

  it('when exported then metadata precedes notes and notes precede the segment, as the unit content model requires', () => {
    const unit = text.slice(text.indexOf('<unit id="101">'), text.indexOf('</unit>'));
    const order = ['<mda:metadata>', '<notes>', '<segment '].map((tag) => unit.indexOf(tag));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(unit).toContain('<mda:meta type="score">0.93</mda:meta>');
    expect(unit).toContain('<mda:meta type="editDistance">3</mda:meta>');
    expect(unit).toContain('<mda:meta type="version">4</mda:meta>');
  });

  it('when a pair id is not an NMTOKEN then the export fails with a sentence', () => {
    const bad = sampleDocument();
    bad.pairs[0]!.id = 'pair 1';
    expect(() => xliff.serialize(bad)).toThrow(/NMTOKEN/);
  });

  it('when the unit id or a character is refused then the sentence has a Chinese version', async () => {
    const i18n = await createI18n();
    const zh = (doc: ReturnType<typeof sampleDocument>) => {
      try {
        xliff.serialize(doc);
      } catch (err) {
        return i18n.t((err as AppError).key!, { lng: 'zh-CN', ...(err as AppError).params });
      }
      throw new Error('the export was not refused');
    };
    const badId = sampleDocument();
    badId.pairs[0]!.id = 'pair 1';
    expect(zh(badId)).toBe('第 pair 1 对无法导出为 XLIFF：单元编号只能由字母、数字和 . - _ : 组成（NMTOKEN）。');
    const badChar = sampleDocument();
    badChar.pairs[0]!.comments = ['a\uFFFEb'];
    expect(zh(badChar)).toBe(`第 ${badChar.pairs[0]!.id} 行含有 XML 1.0 不允许的字符 U+FFFE，请先删除它再导出。`);
    const badTitle = sampleDocument();
    badTitle.title = 'a\uFFFEb';
    expect(zh(badTitle)).toBe('文档信息中含有 XML 1.0 不允许的字符 U+FFFE，请先删除它再导出。');
  });
});

describe('XLIFF 2.1 edited in another tool since our export', () => {
  const unit = (id: string) => text.slice(text.indexOf(`<unit id="${id}">`), text.indexOf('</unit>', text.indexOf(`<unit id="${id}">`)));

  it('when exported then each unit keeps a hash of its target and its English sentences, which are the draft', () => {
    expect(unit('103')).toMatch(/<mda:meta type="targetHash">[0-9a-f]{16}<\/mda:meta>/);
    expect(unit('103')).toContain('<mda:meta type="sentence">The tenth anniversary of the "Belt and Road" initiative, 𠀀𪚥😀.</mda:meta>');
  });

  it('when targets were changed there and their states kept (as the 2.0 specification allows) then the edits are translations done there, our other values kept', () => {
    const edited = text
      // 103 was machine output (initial, duiqi:machine): post-edited there, its state left as it was.
      .replace('<target>The tenth anniversary of the "Belt and Road" initiative, 𠀀𪚥😀.</target>', '<target>Ten years of the Belt and Road Initiative, 𠀀𪚥😀.</target>')
      // 101 was approved (reviewed, duiqi:approved): changed there, its state left as it was.
      .replace(`<target>${XI_EN}</target>`, '<target>Xi said China and South Korea matter in Asia and the world.</target>')
      // 104 had no English: translated there, still initial.
      .replace('<target></target>', '<target>The talks were held in a friendly atmosphere.</target>')
      // 106 was translated: changed there and marked final.
      .replace('<segment state="translated" subState="duiqi:translated">\n        <source>两国元首互致贺电。</source>\n        <target>The two heads of state exchanged congratulations.</target>',
        '<segment state="final" subState="duiqi:translated">\n        <source>两国元首互致贺电。</source>\n        <target>The heads of state exchanged congratulations.</target>');
    const read = xliff.parse(edited).pairs;
    const byId = (id: string) => read.find((p) => p.id === id)!;
    expect(byId('103')).toMatchObject({ tgt: 'Ten years of the Belt and Road Initiative, 𠀀𪚥😀.', tgtSegments: ['The tenth anniversary of the "Belt and Road" initiative, 𠀀𪚥😀.'], state: State.translated, score: 0.88, index: 2, editDistance: null });
    expect(byId('101')).toMatchObject({ tgt: 'Xi said China and South Korea matter in Asia and the world.', tgtSegments: [XI_EN], state: State.translated, lastEditor: null, version: 4, comments: doc.pairs[0]!.comments });
    expect(byId('104')).toMatchObject({ tgt: 'The talks were held in a friendly atmosphere.', state: State.translated, index: 3 });
    expect(byId('106')).toMatchObject({ tgt: 'The heads of state exchanged congratulations.', state: State.approved });
    expect(byId('106').importedAs).toBeUndefined();
    // The units nobody touched read back exactly.
    expect(byId('102')).toEqual(doc.pairs[1]);
    expect(byId('105')).toEqual(doc.pairs.find((p) => p.id === '105'));
  });

  it('when a file has no target hashes (written before they were kept) then it reads as written, subState first', () => {
    const old = text.replace(/ *<mda:meta type="targetHash">[0-9a-f]+<\/mda:meta>\n/g, '')
      .replace('<target>The tenth anniversary of the "Belt and Road" initiative, 𠀀𪚥😀.</target>', '<target>Ten years of the Belt and Road Initiative, 𠀀𪚥😀.</target>');
    expect(old).not.toContain('targetHash');
    expect(xliff.parse(old).pairs.find((p) => p.id === '103')).toMatchObject({ tgt: 'Ten years of the Belt and Road Initiative, 𠀀𪚥😀.', state: State.machine, editDistance: null });
  });
});

describe('XLIFF import from other tools', () => {
  const foreign = (segments: string) => `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="${XLIFF_NS}" version="2.0" srcLang="zh" trgLang="en-US">
  <file id="a"><group id="g"><unit id="u1">${segments}</unit></group></file>
</xliff>`;

  it.each([
    ['initial', '', State.untranslated],
    ['initial', 'Xi', State.machine],
    ['translated', 'Xi', State.translated],
    ['reviewed', 'Xi', State.approved],
    ['final', 'Xi', State.approved],
  ])('when a segment is %s with target "%s" and no duiqi subState then the state is %i', (state, target, expected) => {
    const parsed = xliff.parse(foreign(`<segment state="${state}"><source>习近平</source><target>${target}</target></segment>`));
    expect(parsed.pairs[0]).toMatchObject({ id: 'u1', src: '习近平', tgt: target, state: expected, version: 1, score: null });
  });

  it('when a unit has several segments and inline codes then their texts join and placeholders drop', () => {
    const parsed = xliff.parse(foreign(
      '<segment><source>中国<ph id="1"/>人民</source><target><pc id="2">Chinese</pc> people</target></segment><segment><source>。</source></segment>'));
    expect(parsed.pairs[0]).toMatchObject({ src: '中国人民。', tgt: 'Chinese people' });
  });

  it('when segments are separated by ignorables (Okapi, Matecat) then the space between the sentences is kept', () => {
    const parsed = xliff.parse(foreign(
      '<segment><source>他来了。</source><target>He came.</target></segment><ignorable><source> </source></ignorable>' +
      '<segment><source>她走了。</source><target>She left.</target></segment><ignorable><source>\t</source><target> </target></ignorable>' +
      '<segment><source>好。</source><target>Good.</target></segment>'));
    expect(parsed.pairs[0]).toMatchObject({ src: '他来了。 她走了。\t好。', tgt: 'He came. She left. Good.', state: State.machine });
  });

  it('when one segment of a unit is final and the next still initial then the pair is a draft, not approved', () => {
    const parsed = xliff.parse(foreign('<segment state="final"><source>他来了。</source><target>He came.</target></segment>' +
      '<ignorable><source> </source></ignorable><segment state="initial"><source>她走了。</source></segment>'));
    expect(parsed.pairs[0]).toMatchObject({ tgt: 'He came.', state: State.machine });
    const reviewed = xliff.parse(foreign('<segment state="final"><source>他来了。</source><target>He came.</target></segment>' +
      '<segment state="reviewed"><source>她走了。</source><target>She left.</target></segment>'));
    expect(reviewed.pairs[0]).toMatchObject({ state: State.approved });
  });

  it('when no segment of a unit has a target then its ignorables do not make one up', () => {
    const parsed = xliff.parse(foreign('<segment><source>他来了。</source></segment><ignorable><source> </source></ignorable><segment><source>她走了。</source></segment>'));
    expect(parsed.pairs[0]).toMatchObject({ tgt: '', state: State.untranslated });
  });
});
