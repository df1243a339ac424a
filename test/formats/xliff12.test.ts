// XLIFF 1.2 as CAT tools write it (OmegaT and Okapi plain 1.2, Trados's .sdlxliff, memoQ's .mqxliff): what each must import as.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { xliff } from '../../server/formats/xliff.ts';
import { DUIQI12_NS, xliff12 } from '../../server/formats/xliff12.ts';
import { readXml, elements, textOf, type XmlElement } from '../../server/formats/xml-read.ts';
import { xmlText } from '../../server/formats/xml-write.ts';
import { sampleDocument } from './sample-documents.ts';
import { State } from '../../server/domain/types.ts';
import { AppError } from '../../server/domain/errors.ts';
import { createI18n } from '../../server/http/i18n.ts';

const plain = (body: string, file = 'source-language="zh-CN" target-language="en-US"') => `<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="会谈纪要.docx" datatype="x-docx" ${file}>
    <header><tool tool-id="okapi" tool-name="Okapi"/></header>
    <body>
${body}
    </body>
  </file>
</xliff>
`;

// The shape Trados Studio writes: the paragraph in <source>, its sentences as <mrk mtype="seg"> in <seg-source>
// and <target>, each sentence's confirmation in sdl:seg-defs, formatting as <g> around text.
const sdlxliff = `<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">
  <file original="C:\\项目\\新闻.docx" datatype="x-sdlfilterframework2" source-language="zh-CN" target-language="en-GB">
    <header><file-info xmlns="http://sdl.com/FileTypes/SdlXliff/1.0"><value key="SDL:FileId">1</value></file-info></header>
    <body>
      <group><sdl:cxts><sdl:cxt id="1"/></sdl:cxts>
      <trans-unit id="0a1b2c3d">
        <source><g id="5">双方交换了意见。会谈富有成果。</g></source>
        <seg-source><g id="5"><mrk mtype="seg" mid="1">双方交换了意见。</mrk><mrk mtype="seg" mid="2">会谈富有成果。</mrk></g></seg-source>
        <target><g id="5"><mrk mtype="seg" mid="1">The two sides <g id="6">exchanged</g> views.</mrk> <mrk mtype="seg" mid="2">The talks were fruitful.</mrk></g></target>
        <sdl:seg-defs><sdl:seg id="1" conf="ApprovedTranslation" origin="interactive"/><sdl:seg id="2" conf="Translated" origin="mt"/></sdl:seg-defs>
      </trans-unit>
      </group>
      <trans-unit id="4e5f">
        <source>中方愿同韩方加强合作。</source>
        <seg-source><mrk mtype="seg" mid="3">中方愿同韩方加强合作。</mrk></seg-source>
        <target><mrk mtype="seg" mid="3">China is willing to strengthen cooperation with the ROK.</mrk></target>
        <sdl:seg-defs><sdl:seg id="3" conf="ApprovedSignOff"/></sdl:seg-defs>
      </trans-unit>
      <trans-unit id="7a">
        <source>发展战略对接。</source>
        <seg-source><mrk mtype="seg" mid="4">发展战略对接。</mrk></seg-source>
        <target><mrk mtype="seg" mid="4"/></target>
        <sdl:seg-defs><sdl:seg id="4" conf="Draft"/></sdl:seg-defs>
      </trans-unit>
    </body>
  </file>
</xliff>
`;

describe('XLIFF 1.2 import', () => {
  it('when a plain 1.2 file is read then each trans-unit is a pair, groups opened, notes kept, codes left out and text in <g> kept', () => {
    const doc = xliff.parse(plain(`
      <group id="g1">
        <trans-unit id="tu1">
          <source>习近平会见<bpt id="1">&lt;b&gt;</bpt>文在寅<ept id="1">&lt;/b&gt;</ept>。</source>
          <target state="translated">Xi Jinping met <g id="2">Moon Jae-in</g>.<x id="3"/></target>
          <note>Check the name against the glossary.</note>
        </trans-unit>
      </group>
      <trans-unit id="tu2"><source>共享合作成果。</source></trans-unit>
      <trans-unit id="tu3"><source>“一带一路”倡议</source><target state="needs-translation">the Belt and Road Initiative</target><alt-trans><target>ignored</target></alt-trans></trans-unit>`));
    expect(doc.pairs.map(({ id, src, tgt, state, comments }) => ({ id, src, tgt, state, comments }))).toEqual([
      { id: 'tu1', src: '习近平会见文在寅。', tgt: 'Xi Jinping met Moon Jae-in.', state: State.translated, comments: ['Check the name against the glossary.'] },
      { id: 'tu2', src: '共享合作成果。', tgt: '', state: State.untranslated, comments: [] },
      { id: 'tu3', src: '“一带一路”倡议', tgt: 'the Belt and Road Initiative', state: State.machine, comments: [] },
    ]);
    expect(doc.pairs.map((p) => p.index)).toEqual([0, 1, 2]);
    expect(doc.pairs[1]!.tgtSegments).toEqual([]);
  });

  it.each([
    ['state="final"', '<target state="final">', State.approved],
    ['state="signed-off"', '<target state="signed-off">', State.approved],
    ['approved="yes" on the unit', '<target>', State.approved],
    ['state="needs-review-translation"', '<target state="needs-review-translation">', State.translated],
    ['state="new"', '<target state="new">', State.machine],
    ['a tool\'s own x- state', '<target state="x-mt">', State.machine],
    ['no state', '<target>', State.machine],
  ])('when a target has %s then the pair is in the matching duiqi state', (what, target, state) => {
    const unit = what.startsWith('approved') ? '<trans-unit id="a" approved="yes">' : '<trans-unit id="a">';
    const doc = xliff.parse(plain(`${unit}<source>会谈富有成果。</source>${target}The talks were fruitful.</target></trans-unit>`));
    expect(doc.pairs[0]!.state).toBe(state);
  });

  it('when Trados segmented a paragraph then the pair has its sentences, and the least confirmed sentence decides the state', () => {
    const doc = xliff.parse(sdlxliff);
    expect(doc.pairs.map(({ id, src, tgt, srcSegments, tgtSegments, state }) => ({ id, src, tgt, srcSegments, tgtSegments, state }))).toEqual([
      {
        id: '0a1b2c3d', src: '双方交换了意见。会谈富有成果。', tgt: 'The two sides exchanged views. The talks were fruitful.',
        srcSegments: ['双方交换了意见。', '会谈富有成果。'], tgtSegments: ['The two sides exchanged views.', 'The talks were fruitful.'], state: State.translated,
      },
      {
        id: '4e5f', src: '中方愿同韩方加强合作。', tgt: 'China is willing to strengthen cooperation with the ROK.',
        srcSegments: ['中方愿同韩方加强合作。'], tgtSegments: ['China is willing to strengthen cooperation with the ROK.'], state: State.approved,
      },
      { id: '7a', src: '发展战略对接。', tgt: '', srcSegments: ['发展战略对接。'], tgtSegments: [], state: State.untranslated },
    ]);
  });

  it('when memoQ wrote an .mqxliff then each unit\'s mq:status gives its state, as a Trados confirmation does', () => {
    const doc = xliff.parse(readFileSync(new URL('./fixtures/news.mqxliff', import.meta.url), 'utf8'));
    expect(doc.pairs.map(({ id, src, tgt, state }) => ({ id, src, tgt, state }))).toEqual([
      { id: '1', src: '习近平会见韩国总统。', tgt: 'Xi Jinping met the President of the Republic of Korea.', state: State.approved },
      { id: '2', src: '双方就朝鲜半岛局势交换了意见。', tgt: 'The two sides exchanged views on the situation on the Korean Peninsula.', state: State.translated },
      { id: '3', src: '会谈在友好气氛中进行。', tgt: 'The talks were held in a friendly atmosphere.', state: State.machine },
      { id: '4', src: '两国元首互致贺电。', tgt: 'The two heads of state exchanged', state: State.machine },
      { id: '5', src: '共享合作成果。', tgt: 'Share the fruits of the cooperation.', state: State.rejected },
      { id: '6', src: '（新华社记者 李明 摄）', tgt: '', state: State.untranslated },
    ]);
  });

  it.each([
    ['Proofread', 'MQXliff', State.approved],
    ['Reviewer2Confirmed', 'MQXliff', State.approved],
    ['PreTranslated', 'MQXliff', State.machine],
    ['Confirmed', 'http://www.memoq.com/memoq/xliff', State.translated],
    ['SomethingNew', 'MQXliff', State.machine],
  ])('when memoQ\'s status is %s (namespace %s) then the pair is %i', (status, ns, state) => {
    const doc = xliff.parse(plain(`<trans-unit id="a" m:status="${status}"><source>会谈富有成果。</source><target>The talks were fruitful.</target></trans-unit>`)
      .replace('<xliff ', `<xliff xmlns:m="${ns}" `));
    expect(doc.pairs[0]!.state).toBe(state);
  });

  it('when a unit has its own XLIFF state beside memoQ\'s then the XLIFF state decides, and memoQ\'s outside its namespace is nothing', () => {
    const unit = (attrs: string) => plain(`<trans-unit id="a" mq:status="Reviewer1Confirmed"><source>会谈富有成果。</source><target${attrs}>The talks were fruitful.</target></trans-unit>`);
    expect(xliff.parse(unit(' state="translated"').replace('<xliff ', '<xliff xmlns:mq="MQXliff" ')).pairs[0]!.state).toBe(State.translated);
    expect(xliff.parse(unit('').replace('<xliff ', '<xliff xmlns:mq="urn:x-other" ')).pairs[0]!.state).toBe(State.machine);
  });

  it('when a 1.0 file has no namespace then it is read as 1.x too', () => {
    const doc = xliff.parse(`<xliff version="1.0"><file source-language="zh" target-language="en" datatype="plaintext" original="a"><body>
      <trans-unit id="1"><source>你好。</source><target>Hello.</target></trans-unit></body></file></xliff>`);
    expect(doc.pairs).toMatchObject([{ src: '你好。', tgt: 'Hello.', state: State.machine }]);
  });

  it.each([
    ['a source language other than Chinese', plain('<trans-unit id="1"><source>Hello.</source></trans-unit>', 'source-language="en" target-language="zh-CN"'), /source language is "en"/],
    ['a target language other than English', plain('<trans-unit id="1"><source>你好。</source></trans-unit>', 'source-language="zh-CN" target-language="ja"'), /target language is "ja"/],
    ['a state XLIFF 1.2 does not define', plain('<trans-unit id="1"><source>你好。</source><target state="done">Hello.</target></trans-unit>'), /state "done" is not one XLIFF 1.2 defines/],
    ['a unit without source', plain('<trans-unit id="1"><target>Hello.</target></trans-unit>'), /<trans-unit> element has no <source>/],
    ['no file', '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"></xliff>', /no <file> element/],
  ])('when a 1.2 file has %s then it is refused with a sentence and its line, in Chinese too', async (_what, text, message) => {
    const i18n = await createI18n();
    let error: unknown;
    try { xliff.parse(text); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(AppError);
    expect((error as Error).message).toMatch(message);
    const e = error as AppError;
    const zh = i18n.getFixedT('zh-CN')(e.key!, e.params);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
    expect(zh).not.toBe(e.key);
  });
});

describe('XLIFF 1.2 export', () => {
  const doc = sampleDocument();
  const text = xliff12.serialize(doc, { exportedAt: new Date('2025-01-02T03:04:05Z') });
  const root = readXml(text, 'XLIFF');
  const file = elements(root, 'file')[0]!;
  const units = elements(elements(file, 'body')[0]!, 'trans-unit');

  it('when exported then it is XLIFF 1.2 with the file attributes 1.2 requires, Chinese to English, our values in our own namespace', () => {
    expect(root.attrs).toMatchObject({ xmlns: 'urn:oasis:names:tc:xliff:document:1.2', version: '1.2', 'xmlns:duiqi': DUIQI12_NS });
    expect(file.attrs).toMatchObject({
      original: doc.title, 'source-language': 'zh-CN', 'target-language': 'en', datatype: 'plaintext', date: '2025-01-02T03:04:05.000Z', 'xml:space': 'preserve',
    });
    expect(elements(file).map((e) => e.name)).toEqual(['header', 'body']);
    expect(elements(elements(file, 'header')[0]!).map((e) => e.name)).toEqual(['tool', 'duiqi:metadata']);
  });

  it('when exported then each unit holds source, target, notes and then our metadata, the order 1.2 requires', () => {
    expect(units.map((u) => u.attrs.id)).toEqual(doc.pairs.map((p) => p.id));
    const rank = (e: XmlElement) => ['source', 'target', 'note', 'duiqi:metadata'].indexOf(e.name);
    for (const unit of units) {
      const order = elements(unit).map(rank);
      expect(order.every((r) => r >= 0)).toBe(true);
      expect(order).toEqual([...order].sort((a, b) => a - b));
    }
  });

  it('when a tool that knows nothing of our namespace reads it then each pair has the state we meant', () => {
    const foreign = text.replace(/\s*<duiqi:metadata>[\s\S]*?<\/duiqi:metadata>/g, '');
    expect(foreign).not.toContain('duiqi:meta');
    const read = xliff.parse(foreign);
    expect(read.pairs.map((p) => [p.id, p.state])).toEqual([
      ['101', State.approved], ['102', State.translated], ['103', State.machine], ['104', State.untranslated],
      ['106', State.translated], ['105', State.translated],
    ]);
    expect(units.map((u) => elements(u, 'target')[0]?.attrs.state ?? null)).toEqual(['signed-off', 'translated', 'needs-translation', null, 'translated', 'translated']);
    expect(units[0]!.attrs.approved).toBe('yes');
    expect(elements(units[2]!, 'target')[0]!.attrs['state-qualifier']).toBe('mt-suggestion');
  });

  it('when it is imported through the XLIFF adapter then it is the same document', () => {
    expect(xliff.parse(text)).toEqual(doc);
  });

  it('when a unit was translated or confirmed in another tool since (OmegaT keeps our metadata) then that work comes back with our other values', () => {
    const edited = text
      // 103 was machine output: translated over in the other tool.
      .replace('<target state="needs-translation" state-qualifier="mt-suggestion">The tenth anniversary of the "Belt and Road" initiative, 𠀀𪚥😀.</target>',
        '<target state="translated">Ten years of the Belt and Road Initiative, 𠀀𪚥😀.</target>')
      // 104 had no English: translated there.
      .replace('<source>会谈在友好气氛中进行。</source>', '<source>会谈在友好气氛中进行。</source><target state="translated">The talks were held in a friendly atmosphere.</target>')
      // 102's text stays; its translator signed it off there.
      .replace('<target state="translated">Both sides agreed', '<target state="signed-off">Both sides agreed');
    const read = xliff.parse(edited).pairs;
    const byId = (id: string) => read.find((p) => p.id === id)!;
    // The machine sentences stay the draft: the import measures the post-edit done there from them.
    expect(byId('103')).toMatchObject({ tgt: 'Ten years of the Belt and Road Initiative, 𠀀𪚥😀.', tgtSegments: ['The tenth anniversary of the "Belt and Road" initiative, 𠀀𪚥😀.'], state: State.translated, score: 0.88, index: 2 });
    expect(byId('104')).toMatchObject({ tgt: 'The talks were held in a friendly atmosphere.', state: State.translated, index: 3 });
    expect(byId('102')).toMatchObject({ state: State.approved, srcSegments: ['双方同意加强战略沟通。', '深化务实合作。'], lastEditor: null });
    // The units nobody touched read back exactly.
    expect(byId('101')).toEqual(doc.pairs[0]);
    expect(byId('105')).toEqual(doc.pairs.find((p) => p.id === '105'));
  });

  it('when another tool changed a target but kept the state we wrote then the change reads as translated, as in XLIFF 2.1', () => {
    const machine = '<target state="needs-translation" state-qualifier="mt-suggestion">The tenth anniversary of the "Belt and Road" initiative, 𠀀𪚥😀.</target>';
    expect(text).toContain(machine);
    const edited = text.replace(machine, '<target state="needs-translation" state-qualifier="mt-suggestion">Ten years of the Belt and Road Initiative, 𠀀𪚥😀.</target>');
    const pair = xliff.parse(edited).pairs.find((p) => p.id === '103')!;
    expect(pair).toMatchObject({ tgt: 'Ten years of the Belt and Road Initiative, 𠀀𪚥😀.', state: State.translated, score: 0.88 });
    // An approved unit edited there was not approved there: the edit waits for a review here.
    const approved = units.find((u) => u.attrs.approved === 'yes')!;
    const before = textOf(elements(approved, 'target')[0]!);
    const reapproved = xliff.parse(text.replace(`>${xmlText(before, 'test')}</target>`, '>Changed in another tool.</target>')).pairs.find((p) => p.id === approved.attrs.id)!;
    expect(reapproved).toMatchObject({ tgt: 'Changed in another tool.', state: State.translated });
  });
});
