// Reading duiqi's own values back from an XLIFF file, 2.x (metadata module) or 1.2 (our namespace): each kept
// as a <…meta type="…"> element, so the two readers share how a value, a date and an imported claim are read.

import { isRealDateTime, stateFromName, type ImportedClaim } from './bilingual-document.ts';
import { ParseError } from './parse-error.ts';
import { textOf, type XmlElement } from './xml-read.ts';

const FORMAT = 'XLIFF';

export function metaText(map: Map<string, XmlElement[]>, type: string): string | null {
  const el = map.get(type)?.[0];
  return el ? textOf(el) : null;
}

/** A date only says when something changed: one that names no single moment is left out, as TMX's are, not refused. */
export function metaDate(map: Map<string, XmlElement[]>, type: string): string | null {
  const value = metaText(map, type);
  return value !== null && isRealDateTime(value) ? value : null;
}

export function readClaim(m: Map<string, XmlElement[]>): { importedAs?: ImportedClaim } {
  const name = metaText(m, 'importedState');
  if (name === null) return {};
  const state = stateFromName(name);
  if (state === undefined) {
    throw new ParseError(`The XLIFF imported state "${name}" is not a duiqi state.`, 'safeguards.fileImportedState', {
      params: { format: FORMAT, state: name }, line: m.get('importedState')![0]!.line,
    });
  }
  return { importedAs: { state, editor: metaText(m, 'importedEditor') } };
}
