// Use cases that create documents: decode → split → align → save, each import one transaction.

import fs from 'node:fs';
import path from 'node:path';
import type { Store, Tx } from '../db/store.ts';
import type { NewPair } from '../db/documents-repo.ts';
import { parsePage } from '../domain/parse-page.ts';
import { splitParagraphs, splitSentenceSpans, type SentenceSpan } from '../domain/split-sentences.ts';
import { assemblePagePairs, assembleTextPairs, type Aligner, type DraftPair, type SourceKey } from '../domain/assemble-pairs.ts';
import { ConflictError, ValidationError } from '../domain/errors.ts';
import { blockItems, type SideItem, type StoredStructure } from '../domain/structured-text.ts';
import { State, type Lang } from '../domain/types.ts';

export interface NamedText {
  name: string;
  text: string;
  /** The blocks of a structured file whose laid-out text `text` is. */
  structure?: StoredStructure;
}

export interface ImportDeps {
  store: Store;
  align: Aligner;
}

export const CORPUS_DIR = path.resolve(import.meta.dirname, '../../corpus');

function requireText(file: NamedText, what: string): void {
  if (!file.text.trim()) throw new ValidationError(`The ${what} file "${file.name}" is empty.`, 'errors.emptyFile', { name: file.name });
}

/** One line per entry: the Chinese headline titles in page order. */
function headlineSpans(text: string): SentenceSpan[] {
  return splitParagraphs(text.replace(/\n[ \t]*\n/g, '\n')).map((p, paragraph) => ({ ...p, paragraph }));
}

/**
 * Names the new document on the job importing it, with the units of its file it skipped, in the import's transaction.
 * Two runs of one job (a server taken for dead that was only slow) cannot both import: the second finds the name
 * taken and rolls back. A run resumed after the import committed reads both back (see job-handlers.ts).
 */
export async function attachToJob(tx: Tx, jobId: number, documentId: number, skipped = 0): Promise<void> {
  if (!(await tx.jobs.attach(jobId, documentId, skipped))) throw new ConflictError('This import was already made by another run of its job.', ALREADY_IMPORTED);
}
export const ALREADY_IMPORTED = 'jobs.alreadyImported';

function save(
  store: Store,
  doc: { title: string; pageDate: string | null; sourceName: string; createdBy: number | null; shared?: boolean },
  sources: Partial<Record<SourceKey, { side: 'src' | 'tgt'; file: NamedText }>>,
  drafts: DraftPair[],
  jobId?: number,
): Promise<number> {
  return store.write(async (tx) => {
    const documentId = await tx.documents.insertDocument({ ...doc, srcLang: 'zh-CN', tgtLang: 'en' });
    if (jobId !== undefined) await attachToJob(tx, jobId, documentId);
    const ids = new Map<SourceKey, number>();
    for (const [key, s] of Object.entries(sources) as [SourceKey, { side: 'src' | 'tgt'; file: NamedText }][]) {
      ids.set(key, await tx.documents.insertSource(documentId, s.side, s.file.name, s.file.text, s.file.structure));
    }
    const pairs: NewPair[] = drafts.map((d) => ({
      ...d,
      segments: d.segments.map(({ source, ...s }) => ({ ...s, sourceId: ids.get(source)! })),
    }));
    await tx.documents.insertPairs(documentId, pairs);
    return documentId;
  });
}

/** A web page (English, with page noise) and its Chinese source: headline titles and article. */
export async function importPageDocument(
  deps: ImportDeps,
  input: { title: string; page: NamedText; zhHeadlines: NamedText; zhArticle: NamedText; createdBy: number | null },
): Promise<number> {
  requireText(input.page, 'English page');
  requireText(input.zhArticle, 'Chinese article');
  const page = parsePage(input.page.text);
  const drafts = assemblePagePairs(page, headlineSpans(input.zhHeadlines.text), splitSentenceSpans(input.zhArticle.text, 'zh'), deps.align);
  const pageDate = page.find((i) => i.kind === 'dateline')?.text ?? null;
  return save(deps.store, { title: input.title, pageDate, sourceName: input.page.name, createdBy: input.createdBy }, {
    page: { side: 'tgt', file: input.page },
    headlines: { side: 'src', file: input.zhHeadlines },
    article: { side: 'src', file: input.zhArticle },
  }, drafts);
}

function sideItems(file: NamedText, lang: Lang): SideItem[] {
  return file.structure ? blockItems(file.text, file.structure, lang) : splitSentenceSpans(file.text, lang);
}

/**
 * A person's English is a translation, not a machine draft: the pair starts translated, and there is no
 * machine text to measure post-editing from (so no HTER, and the editor says there was no MT).
 */
function asHumanTranslation(d: DraftPair): DraftPair {
  return d.state === State.machine ? { ...d, state: State.translated, tgtText: d.mtText, mtText: '' } : d;
}

/** Every Chinese sentence a bead of its own with no English: what the aligner answers against an empty side, without loading it. */
const untranslated: Aligner = (src) => src.map((_, i) => ({ src: [i], tgt: [], score: 1 }));

/**
 * A Chinese text, plain or structured, with no translation yet: every sentence is an untranslated row, in the
 * source's structure, to be translated in the editor and downloaded in the source's format.
 */
export async function importSourceDocument(
  store: Store,
  input: { title: string; zh: NamedText; createdBy: number | null; shared?: boolean; jobId?: number },
): Promise<number> {
  requireText(input.zh, 'Chinese');
  const drafts = assembleTextPairs(sideItems(input.zh, 'zh'), [], untranslated);
  return save(store, { title: input.title, pageDate: null, sourceName: input.zh.name, createdBy: input.createdBy, shared: input.shared }, {
    src: { side: 'src', file: input.zh },
  }, drafts, input.jobId);
}

/** Two texts, plain or structured: a Chinese source and its English translation. */
export async function importTextDocument(
  deps: ImportDeps,
  input: { title: string; zh: NamedText; en: NamedText; createdBy: number | null; shared?: boolean; englishOrigin?: 'machine' | 'human'; jobId?: number },
): Promise<number> {
  requireText(input.zh, 'Chinese');
  requireText(input.en, 'English');
  const aligned = assembleTextPairs(sideItems(input.zh, 'zh'), sideItems(input.en, 'en'), deps.align);
  const drafts = input.englishOrigin === 'human' ? aligned.map(asHumanTranslation) : aligned;
  return save(deps.store, { title: input.title, pageDate: null, sourceName: input.zh.name, createdBy: input.createdBy, shared: input.shared }, {
    src: { side: 'src', file: input.zh },
    tgt: { side: 'tgt', file: input.en },
  }, drafts, input.jobId);
}

export interface DemoManifest {
  title: string;
  page: { file: string };
  source: { headlines: { file: string }; article: { file: string } };
  gold: { file: string };
}

export function readDemoCorpus(dir = CORPUS_DIR) {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8')) as DemoManifest;
  const read = (file: string): NamedText => ({ name: file, text: fs.readFileSync(path.join(dir, file), 'utf8') });
  return {
    manifest,
    title: manifest.title,
    page: read(manifest.page.file),
    zhHeadlines: read(manifest.source.headlines.file),
    zhArticle: read(manifest.source.article.file),
  };
}

export async function importDemoCorpus(deps: ImportDeps, createdBy: number | null = null): Promise<number> {
  const demo = readDemoCorpus();
  return importPageDocument(deps, { title: demo.title, page: demo.page, zhHeadlines: demo.zhHeadlines, zhArticle: demo.zhArticle, createdBy });
}
