import { describe, expect, it } from 'vitest';
import { decodeText } from '../../server/domain/decode-text.ts';

const ZH = '习近平指出，中韩两国是“亲密的朋友”。\n𠀀𪚥 mixed English, 全角标点！\n';

function utf16be(text: string): Buffer {
  const le = Buffer.from(text, 'utf16le');
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1]!, le[i]!];
  return le;
}

describe('decodeText', () => {
  it.each([
    ['UTF-8', Buffer.from(ZH, 'utf8'), 'utf-8', false],
    ['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ZH, 'utf8')]), 'utf-8', true],
    ['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ZH, 'utf16le')]), 'utf-16le', true],
    ['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(ZH)]), 'utf-16be', true],
    ['UTF-16LE without BOM', Buffer.from(`Hello, ${ZH}`, 'utf16le'), 'utf-16le', false],
  ])('when the file is %s then the text comes back byte for byte', (_name, bytes, encoding, bom) => {
    const out = decodeText(bytes);
    expect(out.encoding).toBe(encoding);
    expect(out.bom).toBe(bom);
    expect(out.text.replace(/^Hello, /, '')).toBe(ZH);
  });

  it.each([
    ['UTF-16LE', (t: string) => Buffer.from(t, 'utf16le'), 'utf-16le'],
    ['UTF-16BE', utf16be, 'utf-16be'],
  ] as const)('when Chinese comes as %s without a BOM then it is detected', (_name, encode, encoding) => {
    for (const text of [ZH, '中韩两国。', '习近平会见韩国总统文在寅。\n他说：“双方要加强合作。”\n']) {
      expect(decodeText(encode(text))).toEqual({ text, encoding, bom: false });
    }
  });

  it('when GB18030 or English text has an even length then it is not taken for UTF-16', () => {
    expect(decodeText(Buffer.from('Hello world, this is English.', 'utf8')).encoding).toBe('utf-8');
    const gbk = Buffer.from([0xd6, 0xd0, 0xba, 0xab, 0xc1, 0xbd, 0xb9, 0xfa, 0xa1, 0xa3]); // 中韩两国。
    expect(decodeText(gbk)).toEqual({ text: '中韩两国。', encoding: 'gb18030', bom: false });
  });

  it.each([['NUL', '\u0000'], ['a bell', '\u0007'], ['a form feed', '\f'], ['U+FFFF', '\uFFFF']])(
    'when the text holds %s then it is refused naming the character and its line', (_name, ch) => {
      const label = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      expect(() => decodeText(Buffer.from(`第一行。\r\n第二行${ch}。`), 'zh.txt'))
        .toThrow(`The file "zh.txt" contains the control character ${label} on line 2; remove it and upload the file again.`);
    });

  it('when the file is GB18030/GBK then it is detected and decoded', () => {
    const gbk = Buffer.from([0xd6, 0xd0, 0xba, 0xab, 0xc1, 0xbd, 0xb9, 0xfa, 0xa1, 0xa3, 0x0a]); // 中韩两国。
    expect(decodeText(gbk)).toEqual({ text: '中韩两国。\n', encoding: 'gb18030', bom: false });
  });

  it('when lines end in CRLF or CR then they become LF', () => {
    expect(decodeText(Buffer.from('一。\r\n二。\r三。')).text).toBe('一。\n二。\n三。');
  });

  it.each([
    ['empty', Buffer.alloc(0), /is empty/],
    ['binary', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]), /binary file|not text/],
    ['random high bytes', Buffer.from([0xff, 0xff, 0xff, 0x80, 0x81, 0xfe]), /not text in UTF-8, UTF-16 or GB18030/],
  ])('when the file is %s then it is refused with a sentence', (_name, bytes, message) => {
    expect(() => decodeText(bytes, 'upload.txt')).toThrow(message);
  });
});
