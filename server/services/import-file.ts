// Use cases for uploaded files: two texts to align, a Chinese text alone to translate, one bilingual file kept as it is, or TMX into the memory.

import path from 'node:path';
import type { Store } from '../db/store.ts';
import type { KeptPair, NewSegment } from '../db/documents-repo.ts';
import { attachToJob, importSourceDocument, importTextDocument, type NamedText } from './import-document.ts';
import { translationMemory } from './translation-memory.ts';
import { adapterFor } from '../formats/adapters.ts';
import {
  defaultSegments, readLineBreaks, type BilingualDocument, type BilingualPair, type FormatAdapter, type ImportedClaim, type LinedSentence,
} from '../formats/bilingual-document.ts';
import { decodeText } from '../domain/decode-text.ts';
import { boundedSentences } from '../domain/split-sentences.ts';
import { englishText, joinSentences, type Aligner } from '../domain/assemble-pairs.ts';
import { ValidationError } from '../domain/errors.ts';
import { checkedTitle } from '../domain/document-title.ts';
import { firstControlCharacter } from '../domain/control-characters.ts';
import { State } from '../domain/types.ts';
import { textLanguage } from '../domain/text-language.ts';
import { layOutBlocks } from '../domain/structured-text.ts';
import type { SourceDocument, SourceFormatName } from '../formats/source/blocks.ts';
import { docxFormat } from '../formats/source/docx.ts';
import { detectTextFormat, isDocxFile } from '../formats/source/source-formats.ts';

/** A file as it arrived: the name is only ever shown or stored as text, never used as a path. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export interface UploadDeps {
  store: Store;
  /** Made on first use: loading the aligner's lexicon is only worth it for plain texts. */
  aligner: () => Aligner;
}

export interface UploadRequest {
  title?: string;
  /** The Chinese text, or the one TMX, XLIFF or JSON file. */
  source?: UploadedFile;
  /** The English translation of a Chinese text; without it every sentence starts untranslated. */
  translation?: UploadedFile;
  createdBy: number | null;
  /** False: only the importer, the members they add and admins may open the document. Shared when not given. */
  shared?: boolean;
  /** Who wrote the English of two texts: a machine (pairs start as machine drafts) or a person (they start translated). */
  englishOrigin?: EnglishOrigin;
  /** The job importing it: the new document is attached to the job in the import's own transaction, so a resumed job never imports twice. */
  jobId?: number;
}

export type EnglishOrigin = 'machine' | 'human';

/** The new document, and how many units of a bilingual file were skipped for want of a Chinese or an English side. */
export interface ImportResult {
  id: number;
  skipped: number;
}

interface DecodedFile {
  name: string;
  text: string;
  format: FormatAdapter | undefined;
  /** A Word file, web page, Markdown or subtitle file, read into its blocks. */
  source?: { format: SourceFormatName; doc: SourceDocument };
}

const BY_EXTENSION: Record<string, string> = { '.tmx': 'tmx', '.xlf': 'xliff', '.xliff': 'xliff', '.sdlxliff': 'xliff', '.mqxliff': 'xliff', '.json': 'json' };

/**
 * The bilingual format of a file, or undefined for plain text. The content decides (a `<tmx` or
 * `<xliff` root, a JSON object); the extension only names the format of a file whose start says
 * nothing, so its parser can explain what is wrong. A `.txt` file is always plain text.
 */
export function detectFormat(name: string, text: string): FormatAdapter | undefined {
  const ext = path.extname(name).toLowerCase();
  if (ext === '.txt') return undefined;
  // Skip the XML declaration, comments, processing instructions and a DOCTYPE naming its DTD before the root element.
  const start = text.slice(0, 4096).replace(/^\uFEFF/, '').replace(/^(\s*(<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^[>]*>))*\s*/, '');
  if (/^<tmx[\s>]/.test(start)) return adapterFor('tmx');
  if (/^<xliff[\s>]/.test(start)) return adapterFor('xliff');
  if (start.startsWith('{')) return adapterFor('json');
  return BY_EXTENSION[ext] ? adapterFor(BY_EXTENSION[ext]) : undefined;
}

function decodeUpload(file: UploadedFile): DecodedFile {
  if (isDocxFile(file.name, file.bytes)) return { name: file.name, text: '', format: undefined, source: { format: 'docx', doc: docxFormat.read(file.bytes) } };
  const { text } = decodeText(file.bytes, file.name);
  const format = detectFormat(file.name, text);
  const structured = format ? undefined : detectTextFormat(file.name, text);
  return { name: file.name, text, format, source: structured && { format: structured.name, doc: structured.read(text) } };
}

/** A structured file's blocks laid out as its source text; a plain text as it is. */
function namedText(file: DecodedFile): NamedText {
  if (!file.source) return { name: file.name, text: file.text };
  const { text, structure } = layOutBlocks(file.source.format, file.source.doc);
  return { name: file.name, text, structure };
}

function titleOf(...candidates: (string | undefined)[]): string {
  const title = candidates.map((c) => c?.trim() ?? '').find((c) => c !== '') ?? '';
  return checkedTitle(title, new ValidationError('The document needs a title: type one, as the file name gives none.', 'safeguards.titleMissing'));
}

// A translator names the pair of files film.zh.srt and film.en.srt: the title is the film, not "film.zh", whose
// translation would download as film.zh.en.srt.
const CHINESE_TAG = /[._-](?:zh(?:[-_](?:cn|hans|sg))?|chs|cn)$/i;

function baseName(name: string): string {
  const base = path.basename(name, path.extname(name));
  return base.replace(CHINESE_TAG, '') || base;
}

/** Refuses a Chinese slot holding English, or the other way round; a side too short to tell passes. */
function checkLanguages(zh: NamedText, en: NamedText): void {
  const [zhIs, enIs] = [textLanguage(zh.text), textLanguage(en.text)];
  if (zhIs === 'en' && enIs === 'zh') {
    throw new ValidationError(`The files are swapped: "${zh.name}" is English and "${en.name}" is Chinese. Choose the Chinese text first and its English translation second.`,
      'languageCheck.swapped', { zhFile: zh.name, enFile: en.name });
  }
  if (zhIs === 'en') {
    throw new ValidationError(`"${zh.name}" is English, not Chinese: choose the Chinese text as the first file.`, 'languageCheck.notChinese', { name: zh.name });
  }
  if (enIs === 'zh') {
    throw new ValidationError(`"${en.name}" is Chinese, not English: choose the English translation as the second file.`, 'languageCheck.notEnglish', { name: en.name });
  }
}

/**
 * A Chinese text with no English yet: its sentences become untranslated rows, to translate in the editor. An English
 * text alone is refused, as a document starts from its Chinese.
 */
async function importChineseAlone(store: Store, request: UploadRequest, source: DecodedFile): Promise<ImportResult> {
  const zh = namedText(source);
  if (textLanguage(zh.text) === 'en') {
    throw new ValidationError(`"${zh.name}" is English: a document starts from its Chinese text. Choose the Chinese text as the first file, and this one as its translation.`,
      'languageCheck.englishAlone', { name: zh.name });
  }
  const id = await importSourceDocument(store, {
    title: titleOf(request.title, source.source?.doc.title, baseName(source.name)),
    zh, createdBy: request.createdBy, shared: request.shared, jobId: request.jobId,
  });
  return { id, skipped: 0 };
}

/** Two texts are aligned, a Chinese text alone waits for its translation, and one bilingual file is kept as it is. */
export async function importUpload(deps: UploadDeps, request: UploadRequest): Promise<ImportResult> {
  if (!request.source) {
    if (request.translation) {
      throw new ValidationError(`"${request.translation.name}" is in the English slot with no Chinese text: a document starts from its Chinese, so choose the Chinese text as the first file.`,
        'errors.translationAlone', { name: request.translation.name });
    }
    throw new ValidationError('Choose a file: a Chinese text (with its English translation if you have one), or one TMX, XLIFF or JSON file.', 'errors.noFile');
  }
  const source = decodeUpload(request.source);
  if (source.format) {
    if (request.translation) {
      throw new ValidationError(`"${source.name}" is a bilingual ${source.format.name.toUpperCase()} file already; upload it alone.`,
        'errors.extraFile', { name: source.name });
    }
    return importBilingualFile(deps.store, { title: request.title, file: source, format: source.format, createdBy: request.createdBy, shared: request.shared, jobId: request.jobId });
  }
  if (!request.translation) return importChineseAlone(deps.store, request, source);
  const translation = decodeUpload(request.translation);
  if (translation.format) {
    throw new ValidationError(`"${translation.name}" is a ${translation.format.name.toUpperCase()} file, not the English plain text.`,
      'errors.translationNotText', { name: translation.name });
  }
  const zh = namedText(source);
  const en = namedText(translation);
  checkLanguages(zh, en);
  const id = await importTextDocument({ store: deps.store, align: deps.aligner() }, {
    title: titleOf(request.title, source.source?.doc.title, baseName(source.name)),
    zh,
    en,
    createdBy: request.createdBy,
    shared: request.shared,
    englishOrigin: request.englishOrigin ?? 'machine',
    jobId: request.jobId,
  });
  return { id, skipped: 0 };
}

/**
 * Loads the units of a TMX file into the translation memory; no document is made. Answers how many were loaded,
 * and how many were skipped for want of Chinese or English text.
 */
export async function importMemoryFile(store: Store, file: UploadedFile): Promise<{ units: number; skipped: number }> {
  const decoded = decodeUpload(file);
  if (decoded.format?.name !== 'tmx') {
    throw new ValidationError(`Only a TMX file can be loaded into the translation memory; "${file.name}" is not one.`, 'errors.memoryNotTmx', { name: file.name });
  }
  const doc = decoded.format.parse(decoded.text);
  const units = doc.pairs.map((p) => ({ src: p.src, tgt: p.tgt })).filter((u) => u.src.trim() && u.tgt.trim());
  if (units.length === 0) {
    throw new ValidationError(`"${file.name}" holds no unit with both Chinese and English text.`, 'errors.memoryEmpty', { name: file.name });
  }
  const loaded = await translationMemory(store).load(units, titleOf(doc.title, baseName(file.name)));
  return { units: loaded, skipped: (doc.skipped ?? 0) + doc.pairs.length - loaded };
}

function isoOrNull(value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}

/** The English sentences with their line breaks; one cut for length keeps its break before its first piece. */
function englishSentences(p: BilingualPair): LinedSentence[] {
  return readLineBreaks(p.tgtSegments).flatMap(({ text, lineBefore }) =>
    boundedSentences([text]).map((piece, i) => (lineBefore && i === 0 ? { text: piece, lineBefore } : { text: piece })));
}

/** A 2-1 bead keeps its sentences; a file whose sentences do not make up its text keeps the text. Long ones are cut. */
function sourceSentences(p: BilingualPair): string[] {
  return boundedSentences(joinSentences(p.srcSegments, 'zh') === p.src ? p.srcSegments : defaultSegments(p.src));
}

function checkPairs(doc: BilingualDocument, name: string): void {
  if (doc.pairs.length === 0) throw new ValidationError(`"${name}" holds no translation units.`, 'errors.noUnits', { name });
  for (const p of doc.pairs) {
    if (p.score !== null && !(p.score >= 0 && p.score <= 1)) {
      throw new ValidationError(`Pair ${p.id} of "${name}" has the score ${p.score}; a score is from 0 to 1.`, 'errors.badScore', { id: p.id, name });
    }
    // JSON can carry "\u0000" escaped: refused here, or the document could never be exported as TMX or XLIFF.
    const control = firstControlCharacter([p.id, p.src, p.tgt, ...p.srcSegments, ...p.tgtSegments, ...p.comments, p.lastEditor ?? '', p.importedAs?.editor ?? ''].join('\n'));
    if (control) {
      throw new ValidationError(`Pair ${p.id} of "${name}" contains the control character ${control.char}; remove it and upload the file again.`,
        'safeguards.controlCharacterPair', { id: p.id, name, char: control.char });
    }
  }
}

/**
 * The pairs in the order the file's indexes give (file order among equal ones), so a position is 0…n-1:
 * rows are paged by position, and an export filtered to some states leaves gaps that must not survive.
 */
function inFileOrder(pairs: BilingualPair[]): BilingualPair[] {
  return pairs.map((p, i) => ({ p, i })).sort((a, b) => a.p.index - b.p.index || a.i - b.i).map(({ p }) => p);
}

/**
 * A file's state and editor are a claim anyone can type: the pair enters the workflow as at most translated,
 * attributed to no one here, and the claim is kept to be shown and exported. A file exported here after an
 * earlier import carries that first claim, which stays the claim.
 */
function claimOf(p: BilingualPair): ImportedClaim | null {
  if (p.importedAs) return p.importedAs;
  return p.state > State.translated || p.lastEditor !== null ? { state: p.state, editor: p.lastEditor } : null;
}

/** Each side's sentences one per line, as the document's source texts, with offsets into them. */
function sideText(sentences: string[][]): { content: string; offsets: number[] } {
  const offsets: number[] = [];
  let content = '';
  for (const s of sentences.flat()) {
    if (content) content += '\n';
    offsets.push(content.length);
    content += s;
  }
  return { content, offsets };
}

/**
 * A TMX, XLIFF or JSON file as a document, kept aligned as it is: each pair's sentences become
 * segments, and state, score, version, target, editor, change time and comments are kept where the
 * file carries them. One transaction: a failure writes nothing.
 */
export async function importBilingualFile(
  store: Store,
  input: { title?: string; file: { name: string; text: string }; format: FormatAdapter; createdBy: number | null; shared?: boolean; jobId?: number },
): Promise<ImportResult> {
  const parsed = input.format.parse(input.file.text);
  checkPairs(parsed, input.file.name);
  const doc = { ...parsed, pairs: inFileOrder(parsed.pairs) };
  const title = titleOf(input.title, doc.title, baseName(input.file.name));
  const src = doc.pairs.map(sourceSentences);
  const tgt = doc.pairs.map(englishSentences);
  const texts = { src: sideText(src), tgt: sideText(tgt.map((sentences) => sentences.map((s) => s.text))) };
  const id = await store.write(async (tx) => {
    const documentId = await tx.transfer.insertDocument({ title, sourceName: input.file.name, createdBy: input.createdBy, createdAt: isoOrNull(doc.created), shared: input.shared });
    if (input.jobId !== undefined) await attachToJob(tx, input.jobId, documentId, parsed.skipped ?? 0);
    const sourceIds = {
      src: await tx.documents.insertSource(documentId, 'src', input.file.name, texts.src.content),
      tgt: await tx.documents.insertSource(documentId, 'tgt', input.file.name, texts.tgt.content),
    };
    const next = { src: 0, tgt: 0 };
    const segmentsOf = (side: 'src' | 'tgt', sentences: LinedSentence[]): NewSegment[] => sentences.map(({ text, lineBefore }) => {
      const n = next[side]++;
      const start = texts[side].offsets[n]!;
      return { side, sourceId: sourceIds[side], idx: n, text, kind: 'sentence', paragraph: n, start, end: start + text.length, ...(lineBefore ? { lineBefore } : {}) };
    });
    for (const [i, p] of doc.pairs.entries()) {
      // Each comment is the reason of one rejection, and each rejection made a version: the comments take the last ones.
      const version = Math.max(p.version, p.comments.length);
      const claim = claimOf(p);
      const kept: KeptPair = {
        idx: i, score: p.score, state: Math.min(p.state, State.translated), tgtText: p.tgt,
        // The aligned English as it came in stands for the machine draft the post-edit distance is measured from, a
        // subtitle cue's lines on their lines.
        mtText: englishText(tgt[i]!),
        mtKind: p.draft === 'gloss' ? 'gloss' : 'mt',
        version,
        lastEditorId: null,
        changedAt: isoOrNull(p.changedAt),
        importedState: claim?.state ?? null,
        importedEditor: claim?.editor ?? null,
        segments: [...segmentsOf('src', src[i]!.map((text) => ({ text }))), ...segmentsOf('tgt', tgt[i]!)],
      };
      const pairId = await tx.transfer.insertPair(documentId, kept);
      for (const [c, comment] of p.comments.entries()) {
        const revisionId = await tx.pairs.insertRevision({
          pairId, version: version - p.comments.length + 1 + c, authorId: null, action: 'reject',
          oldText: p.tgt, newText: p.tgt, oldState: null, newState: State.rejected, comment, seconds: 0,
        });
        // Each note is a thread of its own, as an exported note came from one: the notes leave again as they came.
        if (comment.trim()) {
          const threadId = await tx.comments.insertThread({ documentId, pairId, revisionId, category: null, severity: null, createdBy: null });
          await tx.comments.insertComment(threadId, null, comment);
        }
      }
    }
    return documentId;
  });
  return { id, skipped: parsed.skipped ?? 0 };
}
