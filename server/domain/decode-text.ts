// Decodes uploaded bytes: UTF-8 (with or without BOM), UTF-16 and GB18030/GBK, as Chinese text really arrives.

import { ValidationError } from './errors.ts';
import { firstControlCharacter } from './control-characters.ts';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
  bom: boolean;
}

function decode(bytes: Uint8Array, encoding: TextEncoding): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** UTF-16 without a BOM shows as NULs in every other byte for Latin text and CJK punctuation. */
function guessUtf16(bytes: Uint8Array): TextEncoding | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const half = n / 2;
  if (oddNul > half * 0.3 && evenNul < half * 0.05) return 'utf-16le';
  if (evenNul > half * 0.3 && oddNul < half * 0.05) return 'utf-16be';
  return undefined;
}

// CJK ideographs, CJK and full-width punctuation, and ASCII: what a Chinese text's UTF-16 code units nearly all are.
const CHINESE_TEXT_UNIT = /[\u4E00-\u9FFF\u{20000}-\u{3FFFF}\u3000-\u303F\uFF00-\uFFEF\u2000-\u206F\t\n\r\u0020-\u007E]/u;
const IDEOGRAPH = /[\u4E00-\u9FFF\u{20000}-\u{3FFFF}]/u;

/**
 * Chinese in UTF-16 without a BOM has no NULs to give it away. Read either way round, it is nearly all
 * ideographs and punctuation; GB18030 or UTF-8 bytes read as UTF-16 land in Hangul, Yi and private use.
 * Tried after UTF-8, because ASCII letters read as UTF-16 pair up into ideographs too.
 */
function guessChineseUtf16(bytes: Uint8Array): TextEncoding | undefined {
  if (bytes.length % 2 !== 0 || bytes.length < 4) return undefined;
  const sample = bytes.subarray(0, 4096);
  for (const encoding of ['utf-16le', 'utf-16be'] as const) {
    const units = [...new TextDecoder(encoding).decode(sample)];  // code points: a non-BMP ideograph counts once
    const plausible = units.filter((u) => CHINESE_TEXT_UNIT.test(u)).length;
    const ideographs = units.filter((u) => IDEOGRAPH.test(u)).length;
    if (plausible >= units.length * 0.9 && ideographs >= units.length * 0.3) return encoding;
  }
  return undefined;
}

// Text has few control characters; a file full of them (or of NULs) is binary whatever it decodes to.
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  let control = 0;
  for (const ch of sample) {
    const c = ch.codePointAt(0)!;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) control++;
  }
  return control > Math.max(2, sample.length * 0.01);
}

/** Decodes `bytes` and normalises line ends to \n; refuses binary and undecodable files with a sentence. */
export function decodeText(bytes: Uint8Array, name = 'upload'): DecodedText {
  if (bytes.length === 0) throw new ValidationError(`The file "${name}" is empty.`, 'errors.emptyFile', { name });
  let encoding: TextEncoding | undefined;
  let bom = true;
  let body = bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) [encoding, body] = ['utf-8', bytes.subarray(3)];
  else if (bytes[0] === 0xff && bytes[1] === 0xfe) [encoding, body] = ['utf-16le', bytes.subarray(2)];
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) [encoding, body] = ['utf-16be', bytes.subarray(2)];
  else bom = false;

  let text: string | undefined;
  if (encoding) text = decode(body, encoding);
  else {
    for (const candidate of [guessUtf16(bytes), 'utf-8', guessChineseUtf16(bytes), 'gb18030'] as const) {
      if (!candidate) continue;
      text = decode(bytes, candidate);
      if (text !== undefined) {
        encoding = candidate;
        break;
      }
    }
  }
  if (text === undefined || encoding === undefined) {
    throw new ValidationError(`The file "${name}" is not text in UTF-8, UTF-16 or GB18030.`, 'errors.undecodable', { name });
  }
  if (looksBinary(text)) throw new ValidationError(`The file "${name}" looks like a binary file, not text.`, 'errors.binaryFile', { name });
  const lines = text.replace(/\r\n?/g, '\n');
  const control = firstControlCharacter(lines);
  if (control) {
    throw new ValidationError(`The file "${name}" contains the control character ${control.char} on line ${control.line}; remove it and upload the file again.`,
      'safeguards.controlCharacter', { name, ...control });
  }
  return { text: lines, encoding, bom };
}
