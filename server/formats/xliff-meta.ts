// What the XLIFF 2 and 1.2 adapters share: the Chinese-to-English check, and duiqi's own values (2.x metadata
// module, 1.2 our namespace), each a <…meta type="…"> element, so the two writers list the same values and the two
// readers read a value, a date and an imported claim the same way.

import {
  SRC_LANG, TGT_LANG, isChinese, isEnglish, isRealDateTime, stateFromName, stateName, type BilingualHeader, type BilingualPair, type ImportedClaim,
} from './bilingual-document.ts';
import { ParseError } from './parse-error.ts';
import { textOf, type XmlElement } from './xml-read.ts';
import { createHash } from 'node:crypto';

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

/** What the export wrote of a target, to tell on import whether another tool changed it. */
export const targetHash = (tgt: string) => createHash('sha256').update(tgt).digest('hex').slice(0, 16);

/**
 * True when a unit's target is no longer the one we exported: another tool changed its text, whatever state it left.
 * A unit without the hash (a file written before it was kept) is read as it was written.
 */
export function targetChanged(m: Map<string, XmlElement[]>, tgt: string): boolean {
  const hash = metaText(m, 'targetHash');
  return hash !== null && hash !== targetHash(tgt);
}

/** A pair's own values as [type, value, where a refused character is reported], in the order the writers put them. */
export function pairMetas(p: BilingualPair, where: string): [string, string, string][] {
  const metas: [string, string, string][] = [['targetHash', targetHash(p.tgt), where], ['index', String(p.index), where]];
  if (p.score !== null) metas.push(['score', String(p.score), where]);
  if (p.editDistance !== null) metas.push(['editDistance', String(p.editDistance), where]);
  if (p.draft) metas.push(['draft', p.draft, where]);
  metas.push(['version', String(p.version), where]);
  if (p.lastEditor !== null) metas.push(['lastEditor', p.lastEditor, `${where} last editor`]);
  if (p.changedAt !== null) metas.push(['changedAt', p.changedAt, where]);
  if (p.importedAs) {
    metas.push(['importedState', stateName(p.importedAs.state), where]);
    if (p.importedAs.editor !== null) metas.push(['importedEditor', p.importedAs.editor, `${where} imported editor`]);
  }
  return metas;
}

/** Chinese to English, or a sentence saying which side is not: XLIFF 2 names them on the root, 1.2 on each file. */
export function checkXliffLanguages(srcLang: string, trgLang: string, line: number): void {
  if (!isChinese(srcLang)) {
    throw new ParseError(`The XLIFF source language is "${srcLang}", but duiqi aligns Chinese (zh) to English.`, 'errors.fileSrcLang', {
      params: { format: FORMAT, lang: srcLang }, line,
    });
  }
  if (trgLang !== '' && !isEnglish(trgLang)) {
    throw new ParseError(`The XLIFF target language is "${trgLang}", but duiqi aligns Chinese to English (en).`, 'errors.fileTgtLang', {
      params: { format: FORMAT, lang: trgLang }, line,
    });
  }
}

/** The document's header from its metas (none in a file from another tool: then untitled and undated). */
export function documentHeader(d: Map<string, XmlElement[]>): BilingualHeader {
  return { title: metaText(d, 'title') ?? '', srcLang: SRC_LANG, tgtLang: TGT_LANG, created: metaDate(d, 'created'), changed: metaDate(d, 'changed') };
}
