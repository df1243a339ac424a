// Use cases: the translated document in its source's own format, and the side-by-side file for reviewers.

import type { Store } from '../db/store.ts';
import { documentReads } from './documents.ts';
import { fileNames } from './export-document.ts';
import { joinPlainSources, placePlainTranslation, placeTranslation } from '../domain/place-translation.ts';
import type { StoredStructure } from '../domain/structured-text.ts';
import { ValidationError } from '../domain/errors.ts';
import { sourceFormat } from '../formats/source/source-formats.ts';
import { reviewDocx, reviewHtml, type ReviewFormat } from '../formats/source/bilingual-review.ts';
import type { SourceFormatName } from '../formats/source/blocks.ts';

export interface TranslatedFile {
  bytes: Uint8Array;
  mediaType: string;
  asciiFileName: string;
  fileName: string;
  /** Pairs with no English, whose Chinese stands in their place, marked. */
  fallbacks: number;
}

/** What a file is sent as, known before it is made. */
export type TranslatedHead = Pick<TranslatedFile, 'mediaType' | 'asciiFileName' | 'fileName'>;

const notStructured = () => new ValidationError('This document was not imported from a Word file, web page, Markdown or subtitle file, so there is no file to rebuild; download a bilingual file instead.',
  'translated.notStructured');

/** A document imported from a plain text or a bilingual file is translated into a plain text. */
const PLAIN = { mediaType: 'text/plain', extension: '.txt' };

const translationHead = (doc: { title: string; id: number }, formatName: SourceFormatName | undefined): TranslatedHead => {
  const format = formatName ? sourceFormat(formatName) : PLAIN;
  return { mediaType: format.mediaType, ...fileNames(doc.title, doc.id, `.en${format.extension}`) };
};

const reviewHead = (doc: { title: string; id: number }, format: ReviewFormat): TranslatedHead => ({
  mediaType: format === 'docx' ? sourceFormat('docx').mediaType : 'text/html', ...fileNames(doc.title, doc.id, `.bilingual.${format}`),
});

/** The side-by-side file's format from a request: docx or html. */
export function reviewFormat(raw: unknown): ReviewFormat {
  if (raw !== 'docx' && raw !== 'html') throw new ValidationError(`The side-by-side file is .docx or .html, not "${String(raw ?? '')}".`, 'translated.badReviewFormat');
  return raw;
}

export function translatedDocuments(store: Store) {
  return {
    /** The Chinese source's structure with the current English of each pair in its place; for a plain text, its lines. */
    async translation(documentId: number): Promise<TranslatedFile> {
      const read = await store.read(async (tx) => {
        const doc = await documentReads.get(tx, documentId);
        const source = await tx.transfer.structuredSource(doc.id);
        if (source) return { doc, source, stored: await tx.transfer.placedPairs(doc.id, source.id) };
        // A plain document's pairs come in one statement, each with the text that holds its Chinese, however many texts.
        const plain = await tx.transfer.plainSources(doc.id);
        return { doc, plain, placed: plain.length ? await tx.transfer.plainPlacedPairs(doc.id) : [] };
      });
      const { doc } = read;
      if (read.plain) {
        if (!read.plain.length) throw notStructured();
        const joined = joinPlainSources(read.plain, read.placed.map((p) => ({ sourceId: p.source_id, start: p.src_start })));
        const placed = placePlainTranslation(joined.text, read.placed.map((p, i) => ({ srcStart: joined.starts[i]!, src: p.src ?? '', tgt: p.tgt })));
        return { bytes: new TextEncoder().encode(placed.text), fallbacks: placed.fallbacks, ...translationHead(doc, undefined) };
      }
      const { source } = read;
      const pairs = read.stored.map((p) => ({ srcStart: p.src_start, src: p.src ?? '', tgt: p.tgt }));
      const structure = JSON.parse(source.structure) as StoredStructure;
      const placed = placeTranslation(structure, pairs, source.content);
      const title = placed.doc.blocks.find((b) => b.kind === 'heading')?.text ?? doc.title;
      return {
        bytes: sourceFormat(structure.format).write({ ...placed.doc, title }), fallbacks: placed.fallbacks, ...translationHead(doc, structure.format),
      };
    },

    /** What `translation` would send its file as (or its refusal), without placing a word: the answer to a HEAD request. */
    async translationHead(documentId: number): Promise<TranslatedHead> {
      const { doc, format, plain } = await store.read(async (tx) => {
        const doc = await documentReads.get(tx, documentId);
        const format = await tx.transfer.sourceFormat(doc.id);
        return { doc, format, plain: !format && await tx.transfer.hasSource(doc.id) };
      });
      if (!format && !plain) throw notStructured();
      // The column's CHECK holds it to the source formats' names.
      return translationHead(doc, format as SourceFormatName | undefined);
    },

    /** Every pair as a row, Chinese beside English, for a reviewer to read through. */
    async review(documentId: number, rawFormat: unknown, heads: [string, string]): Promise<TranslatedFile> {
      const format = reviewFormat(rawFormat);
      const { doc, placed } = await store.read(async (tx) => {
        const doc = await documentReads.get(tx, documentId);
        return { doc, placed: await tx.transfer.placedPairs(doc.id, null) };
      });
      const rows = placed.map((p) => ({ src: p.src ?? '', tgt: p.tgt }));
      const file = { heads, title: doc.title, rows };
      return {
        bytes: format === 'docx' ? reviewDocx(file) : reviewHtml(file), fallbacks: rows.filter((r) => !r.tgt.trim()).length, ...reviewHead(doc, format),
      };
    },

    /** What `review` would send its file as, without reading a pair: the answer to a HEAD request. */
    async reviewHead(documentId: number, rawFormat: unknown): Promise<TranslatedHead> {
      const format = reviewFormat(rawFormat);
      return reviewHead(await store.read((tx) => documentReads.get(tx, documentId)), format);
    },
  };
}
export type TranslatedDocuments = ReturnType<typeof translatedDocuments>;
