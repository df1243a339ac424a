// Escapes text for the XML writers, refusing characters that XML 1.0 cannot carry at all.

import { ValidationError } from '../domain/errors.ts';
// XML 1.0 Char production: a file holding anything else is not XML, so nothing may be silently dropped.
import { NOT_XML_CHAR, codePointLabel } from '../domain/control-characters.ts';

export function assertXmlChars(value: string, where: string): void {
  const bad = NOT_XML_CHAR.exec(value);
  if (bad) {
    const char = codePointLabel(bad[0]);
    // The writers name a pair's part "Pair 12 source" (12 the row's number): a reader of another language is told the row.
    const row = /^Pair (\d+)\b/.exec(where)?.[1];
    throw new ValidationError(`${where} contains ${char}, a character that XML 1.0 does not allow; remove it before exporting.`,
      row ? 'errors.exportNotXmlCharInRow' : 'errors.exportNotXmlChar', row ? { row, char } : { char });
  }
}

/**
 * Element content. `>` is escaped so `]]>` never appears; a carriage return becomes `&#13;` because
 * every XML parser turns a literal one into a line feed.
 */
export function xmlText(value: string, where: string): string {
  assertXmlChars(value, where);
  return value.replace(/[&<>\r]/g, (ch) => TEXT_ESCAPES[ch]!);
}

/** Attribute values in double quotes; tabs and line breaks are escaped because parsers turn them into spaces. */
export function xmlAttr(value: string, where: string): string {
  assertXmlChars(value, where);
  return value.replace(/[&<>"\t\n\r]/g, (ch) => ATTR_ESCAPES[ch]!);
}

const TEXT_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' };
const ATTR_ESCAPES: Record<string, string> = { ...TEXT_ESCAPES, '"': '&quot;', '\t': '&#9;', '\n': '&#10;' };

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
