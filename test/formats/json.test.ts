// JSON specifics: the export validates against the published schema, and the reader enforces the same rules.

import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { json } from '../../server/formats/json.ts';
import { ParseError } from '../../server/formats/parse-error.ts';
import { documentArb, sampleDocument } from './sample-documents.ts';

const schema = JSON.parse(readFileSync(new URL('../../server/formats/bilingual-document.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);

describe('JSON export', () => {
  it('when exported then the file validates against bilingual-document.schema.json', () => {
    const text = json.serialize(sampleDocument());
    expect(validate(JSON.parse(text)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('when any generated document is exported then the file validates against the schema', () => {
    fc.assert(fc.property(documentArb, (doc) => {
      expect(validate(JSON.parse(json.serialize(doc))), JSON.stringify(validate.errors)).toBe(true);
    }), { numRuns: 100 });
  });

  it('when exported then metadata comes first, then one object per pair', () => {
    const parsed = JSON.parse(json.serialize(sampleDocument()));
    expect(Object.keys(parsed)).toEqual(['format', 'formatVersion', 'tool', 'exportedAt', 'title', 'srcLang', 'tgtLang', 'created', 'changed', 'pairs']);
    expect(parsed.pairs).toHaveLength(sampleDocument().pairs.length);
    expect(Object.keys(parsed.pairs[0])).toEqual(['id', 'index', 'src', 'tgt', 'srcSegments', 'tgtSegments', 'state', 'score',
      'editDistance', 'version', 'lastEditor', 'changedAt', 'comments']);
  });
});

describe('JSON import', () => {
  const exported = () => JSON.parse(json.serialize(sampleDocument()));

  // Each breaks one rule of the schema; the reader must refuse exactly what the schema refuses.
  const breakages: [string, (d: any) => void][] = [
    ['a state that is not ours', (d) => (d.pairs[0].state = 15)],
    ['a score above 1', (d) => (d.pairs[0].score = 1.5)],
    ['a fractional version', (d) => (d.pairs[0].version = 1.5)],
    ['a missing target', (d) => delete d.pairs[0].tgt],
    ['sentences that are not strings', (d) => (d.pairs[0].srcSegments = [1])],
    ['a change time that is not a string', (d) => (d.pairs[0].changedAt = 20240501)],
    ['another format', (d) => (d.format = 'other')],
  ];
  it.each(breakages)('when a file has %s then the schema and the reader both refuse it', (_what, breakIt) => {
    const doc = exported();
    breakIt(doc);
    expect(validate(doc)).toBe(false);
    expect(() => json.parse(JSON.stringify(doc))).toThrow(ParseError);
  });
});
