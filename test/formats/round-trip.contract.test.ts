// The contract every format adapter keeps: what it writes it reads back exactly, and it streams.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatAdapters } from '../../server/formats/adapters.ts';
import { headerOf } from '../../server/formats/bilingual-document.ts';
import { ParseError } from '../../server/formats/parse-error.ts';
import { toTmxDate } from '../../server/formats/tmx.ts';
import { documentArb, generatedPairs, sampleDocument } from './sample-documents.ts';

const T1 = new Date('2025-01-02T03:04:05.678Z');
const T2 = new Date('2025-06-07T08:09:10.111Z');

/** Puts export time T1 where T2 was written, in every date form the formats use. */
function sameExportTime(text: string): string {
  return text.replaceAll(T2.toISOString(), T1.toISOString()).replaceAll(toTmxDate(T2.toISOString()), toTmxDate(T1.toISOString()));
}

describe.each(formatAdapters.map((a) => [a.name, a] as const))('%s adapter contract', (_name, adapter) => {
  it('when a document is exported and read back then it is the same document', () => {
    const doc = sampleDocument();
    expect(adapter.parse(adapter.serialize(doc, { exportedAt: T1 }))).toEqual(doc);
  });

  it('when a read-back document is exported again then the file is the same text, apart from the export time', () => {
    const first = adapter.serialize(sampleDocument(), { exportedAt: T1 });
    const second = adapter.serialize(adapter.parse(first), { exportedAt: T2 });
    expect(second).not.toBe(first);
    expect(sameExportTime(second)).toBe(first);
  });

  it('when a document has no pairs then it still round-trips', () => {
    const doc = { ...sampleDocument(), pairs: [] };
    expect(adapter.parse(adapter.serialize(doc))).toEqual(doc);
  });

  it('when texts hold markup characters, emoji, CJK Extension B and full-width punctuation then every one comes back byte for byte', () => {
    fc.assert(
      fc.property(documentArb, (doc) => {
        const text = adapter.serialize(doc, { exportedAt: T1 });
        expect(adapter.parse(text)).toEqual(doc);
        expect(adapter.serialize(adapter.parse(text), { exportedAt: T1 })).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it('when pairs come from an iterable then the chunks join to the same file', () => {
    const doc = sampleDocument();
    const chunks = [...adapter.serializeChunks(headerOf(doc), doc.pairs.values(), { exportedAt: T1 })];
    expect(chunks.length).toBe(doc.pairs.length + 2);
    expect(chunks.join('')).toBe(adapter.serialize(doc, { exportedAt: T1 }));
  });

  it('when an export starts then it pulls pairs one at a time, not all at once', () => {
    const pulled = { n: 0 };
    const chunks = adapter.serializeChunks(headerOf(sampleDocument()), generatedPairs(100_000, pulled));
    chunks.next();
    chunks.next();
    chunks.next();
    expect(pulled.n).toBe(2);
  });

  it('when 100,000 pairs are exported then every one streams through to the closing tag', () => {
    const pulled = { n: 0 };
    let bytes = 0;
    let tail = '';
    for (const chunk of adapter.serializeChunks(headerOf(sampleDocument()), generatedPairs(100_000, pulled))) {
      bytes += Buffer.byteLength(chunk);
      tail = chunk;
    }
    expect(pulled.n).toBe(100_000);
    expect(bytes).toBeGreaterThan(100_000 * 100);
    expect(tail.endsWith('\n')).toBe(true);
  });

  it('when the file is empty then parsing fails with a ParseError', () => {
    expect(() => adapter.parse('')).toThrow(ParseError);
    expect(() => adapter.parse(' \n\t\n')).toThrow(/empty/);
  });
});
