import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../server/domain/errors.ts';
import { parseGlossaryCsv, serializeGlossaryCsv } from '../../server/domain/glossary-csv.ts';

const errorOf = (csv: string) => {
  try {
    parseGlossaryCsv(csv);
  } catch (e) {
    return e;
  }
  throw new Error('expected a ValidationError');
};

describe('parseGlossaryCsv', () => {
  it('when the file has a BOM and a zh,en header then the header is skipped', () => {
    expect(parseGlossaryCsv('\uFEFFzh,en\r\n习近平,Xi Jinping\r\n文在寅,Moon Jae-in\r\n')).toEqual([
      { zh: '习近平', en: 'Xi Jinping' },
      { zh: '文在寅', en: 'Moon Jae-in' },
    ]);
  });

  it('when the header says Source,Target or there is no header then every term row is read', () => {
    expect(parseGlossaryCsv('Source,Target,Note\n务实合作,practical cooperation,not "pragmatic"')).toEqual([
      { zh: '务实合作', en: 'practical cooperation', note: 'not "pragmatic"' },
    ]);
    expect(parseGlossaryCsv('公平正义,fairness and justice')).toEqual([{ zh: '公平正义', en: 'fairness and justice' }]);
  });

  it('when fields are quoted with commas, doubled quotes and newlines then they are unquoted', () => {
    const csv = 'zh,en,note\n"中韩","China and South Korea, as a pair","say ""China-ROK"" only in quotes\nfrom officials"\n';
    expect(parseGlossaryCsv(csv)).toEqual([
      { zh: '中韩', en: 'China and South Korea, as a pair', note: 'say "China-ROK" only in quotes\nfrom officials' },
    ]);
  });

  it('when lines are blank or terms padded then blanks are skipped and terms trimmed', () => {
    expect(parseGlossaryCsv('\n 近邻 , neighbour \n\n')).toEqual([{ zh: '近邻', en: 'neighbour' }]);
    expect(parseGlossaryCsv('')).toEqual([]);
  });

  it('when a row has one field then the error names its line', () => {
    const e = errorOf('zh,en\n习近平,Xi Jinping\n"文在寅","Moon\nJae-in"\n务实合作\n');
    expect(e).toBeInstanceOf(ValidationError);
    expect((e as ValidationError).message).toBe('Line 5 has 1 field; a glossary row needs a Chinese term and an English term.');
    expect((e as ValidationError).params).toEqual({ line: 5, count: 1 });
  });

  it('when a row has four fields, an empty term or a broken quote then it is rejected with its line', () => {
    expect((errorOf('a,b,c,d') as Error).message).toBe('Line 1 has 4 fields; a glossary row has at most three: Chinese term, English term and note.');
    expect((errorOf('习近平,Xi Jinping\n,Moon Jae-in') as Error).message).toBe('Line 2 has an empty Chinese term.');
    expect((errorOf('习近平,"Xi Jinping\n') as Error).message).toBe('Line 1 opens a quoted field that is never closed.');
    expect((errorOf('习近平,"Xi" Jinping') as Error).message).toBe('Line 1 has text after a closing quote.');
  });
});

describe('serializeGlossaryCsv', () => {
  it('when terms need quoting then they are quoted and the header is written', () => {
    expect(serializeGlossaryCsv([{ zh: '中韩', en: 'China, South Korea', note: 'say "both"' }, { zh: '近邻', en: 'neighbour' }]))
      .toBe('zh,en,note\r\n中韩,"China, South Korea","say ""both"""\r\n近邻,neighbour,\r\n');
    expect(serializeGlossaryCsv([{ zh: '近邻', en: 'neighbour' }])).toBe('zh,en\r\n近邻,neighbour\r\n');
  });

  it('when a cell starts with = + - @ tab or CR then it gets a leading quote, and reading takes it off again', () => {
    const entries = [
      { zh: '链接', en: '=HYPERLINK("http://evil.example","click")' }, { zh: '命令', en: '+cmd|\'/C calc\'!A0', note: '@SUM(1)' },
      { zh: '负数', en: '-5' }, { zh: '制表', en: 'x', note: '\tTAB' }, { zh: '引号', en: "'=already quoted" }, { zh: '普通', en: "it's fine" },
    ];
    const csv = serializeGlossaryCsv(entries);
    expect(csv.split('\r\n').slice(1, -1)).toEqual([
      '链接,"\'=HYPERLINK(""http://evil.example"",""click"")",', "命令,'+cmd|'/C calc'!A0,'@SUM(1)", "负数,'-5,", "制表,x,'\tTAB",
      "引号,''=already quoted,", "普通,it's fine,",
    ]);
    expect(parseGlossaryCsv(csv)).toEqual(entries.map((e) => (e.note === '\tTAB' ? { ...e, note: 'TAB' } : e)));
  });

  it('when any glossary is written and read back then it is unchanged', () => {
    const term = fc.oneof(fc.constantFrom('=', '+', '-', '@', "'", "'="), fc.string({ unit: 'binary', maxLength: 1 })).chain((head) => fc.string({ unit: 'binary', maxLength: 12 }).map((s) => head + s)).map((s) => s.trim().replace(/^\uFEFF/, '')).filter(Boolean);
    const entry = fc.record({ zh: term, en: term, note: fc.option(term, { nil: undefined }) })
      .map(({ note, ...rest }) => (note ? { ...rest, note } : rest));
    fc.assert(fc.property(fc.array(entry, { maxLength: 8 }), (entries) => {
      expect(parseGlossaryCsv(serializeGlossaryCsv(entries))).toEqual(entries);
    }), { numRuns: 500 });
  });
});
