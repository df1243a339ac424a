// TBX termbases as terminology tools write them (MultiTerm and memoQ's TBX 2, ISO 30042:2019's TBX 3), and ours.

import { describe, expect, it } from 'vitest';
import { MAX_TBX_ENTRIES, parseGlossaryTbx, serializeGlossaryTbx } from '../../server/formats/glossary-tbx.ts';
import { ParseError } from '../../server/formats/parse-error.ts';
import { MULTITERM } from './termbases.ts';

const TBX3 = `<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>memoQ</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="k1">
      <langSec xml:lang="zh"><termSec><term>一带一路</term></termSec></langSec>
      <langSec xml:lang="en"><termSec><term>Belt and Road Initiative</term></termSec></langSec>
    </conceptEntry>
  </body></text>
</tbx>
`;

function parseError(text: string): ParseError {
  try {
    parseGlossaryTbx(text);
  } catch (err) {
    expect(err).toBeInstanceOf(ParseError);
    return err as ParseError;
  }
  throw new Error('expected a ParseError, but the file was accepted');
}

describe('TBX import', () => {
  it('when MultiTerm\'s TBX 2 is read then each concept gives its Chinese and English terms, every synonym paired, with its note; other languages are counted as skipped', () => {
    expect(parseGlossaryTbx(MULTITERM)).toEqual({
      entries: [
        { zh: '习近平', en: 'Xi Jinping', note: '中国国家主席 & 总书记' },
        { zh: '互利共赢', en: 'win-win cooperation', note: 'Use either; “mutual benefit” in titles.' },
        { zh: '互利共赢', en: 'mutual benefit', note: 'Use either; “mutual benefit” in titles.' },
        { zh: '合作共赢', en: 'win-win cooperation', note: 'Use either; “mutual benefit” in titles.' },
        { zh: '合作共赢', en: 'mutual benefit', note: 'Use either; “mutual benefit” in titles.' },
      ],
      skipped: 1,
    });
  });

  it('when a TBX 3 file is read then its conceptEntry, langSec and termSec give the pair', () => {
    expect(parseGlossaryTbx(TBX3)).toEqual({ entries: [{ zh: '一带一路', en: 'Belt and Road Initiative' }], skipped: 0 });
  });

  it('when our own TBX is read back then every entry, note and character comes back', () => {
    const entries = [
      { zh: '人类命运共同体', en: 'community with a shared future for mankind', note: 'not “common destiny” & <never> shortened' },
      { zh: '𠀀字', en: 'the character 𠀀' },
    ];
    expect(parseGlossaryTbx(serializeGlossaryTbx(entries))).toEqual({ entries, skipped: 0 });
  });

  it.each([
    ['another root', '<glossary><entry/></glossary>', /not a TBX file: its root is <glossary>/],
    ['no concept with both languages', MULTITERM.replace(/<termEntry id="c1">[\s\S]*<\/termEntry>\s*<termEntry id="c2">/, '<termEntry id="c2">').replace(/<termEntry id="c3">[\s\S]*?<\/termEntry>/, ''), /no concept with both a Chinese and an English term/],
    ['an entity it never declared', TBX3.replace('一带一路', '&xxe;'), /other entities are not allowed/],
  ])('when a TBX file has %s then it is refused with a sentence', (_what, text, message) => {
    expect(parseError(text).message).toMatch(message);
  });

  it('when one concept\'s synonyms would pair into more entries than the limit then the file is refused before they are made', () => {
    const terms = (n: number, t: string) => Array.from({ length: n }, (_, i) => `<tig><term>${t}${i}</term></tig>`).join('');
    const side = Math.ceil(Math.sqrt(MAX_TBX_ENTRIES)) + 1;
    const bomb = TBX3.replace(/<conceptEntry[\s\S]*<\/conceptEntry>/,
      `<conceptEntry id="x"><langSec xml:lang="zh">${terms(side, '词')}</langSec><langSec xml:lang="en">${terms(side, 'w')}</langSec></conceptEntry>`);
    expect(parseError(bomb).message).toMatch(new RegExp(`more than ${MAX_TBX_ENTRIES}`));
  });
});
