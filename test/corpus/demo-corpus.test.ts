import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePage } from '../../server/domain/parse-page.ts';
import { splitSentences } from '../../server/domain/split-sentences.ts';
import { parseGlossaryCsv } from '../../server/domain/glossary-csv.ts';
import { CORPUS_DIR, readDemoCorpus } from '../../server/services/import-document.ts';

// The seed page as it was handed to us; a change to page.en.txt, even of one byte, must be deliberate.
const PAGE_SHA256 = 'b6926aa85cf69e7a89c741f403145930f8c81c9f9a39e9778c2601212c45bc65';
const SEED = path.resolve(CORPUS_DIR, '../../shared/seed/000_eed14933a9644737.txt');

const demo = readDemoCorpus();
const read = (file: string) => readFileSync(path.join(CORPUS_DIR, file));

describe('the demo page', () => {
  it('when hashed then page.en.txt is the seed page byte for byte', () => {
    expect(createHash('sha256').update(read('page.en.txt')).digest('hex')).toBe(PAGE_SHA256);
    expect((demo.manifest as { page: { sha256?: string } }).page.sha256).toBe(PAGE_SHA256);
  });

  it.skipIf(!existsSync(SEED))('when the shared seed is at hand then page.en.txt equals it', () => {
    expect(read('page.en.txt').equals(readFileSync(SEED))).toBe(true);
  });
  if (!existsSync(SEED)) console.warn(`skipped the comparison with the seed page: ${SEED} is not here`);
});

describe('our Chinese and the gold alignment', () => {
  const page = parsePage(demo.page.text);
  const enCount = page.filter((i) => i.kind === 'headline' && i.lang === 'en').length + page.filter((i) => i.kind === 'sentence').length;
  const zhCount = demo.zhHeadlines.text.split('\n').filter(Boolean).length + splitSentences(demo.zhArticle.text, 'zh').length;
  const gold = read('gold.align').toString('utf8').split('\n').filter(Boolean).map((line) => {
    const [src, tgt] = line.split(':').map((side) => JSON.parse(side) as number[]);
    return { src: src!, tgt: tgt! };
  });

  it('when the gold is read then it covers every Chinese and English index once, in order', () => {
    expect(gold.flatMap((b) => b.src)).toEqual([...Array(zhCount).keys()]);
    expect(gold.flatMap((b) => b.tgt)).toEqual([...Array(enCount).keys()]);
    expect(enCount).toBe(30);
  });

  it('when the gold is read then the two Chinese headlines stand alone and the boundaries differ where a Chinese source would', () => {
    expect(gold.slice(0, 2)).toEqual([{ src: [0], tgt: [] }, { src: [1], tgt: [] }]);
    const shapes = gold.map((b) => `${b.src.length}-${b.tgt.length}`);
    expect(shapes.filter((s) => s === '1-2')).toHaveLength(3);
    expect(shapes.filter((s) => s === '2-1')).toHaveLength(2);
    expect(gold.filter((b) => b.tgt.length > 0)).toHaveLength(27);
  });

  it('when the Chinese article is read then it uses Chinese punctuation only', () => {
    expect(demo.zhArticle.text).not.toMatch(/[,;:!?"]|\.(?!\d)|\(|\)/);
    expect(demo.zhArticle.text).toMatch(/^新华社北京12月23日电 /);
  });

  it('when the glossary is read then each of its Chinese terms occurs in the demo', () => {
    const chinese = demo.zhHeadlines.text + demo.zhArticle.text;
    for (const { zh } of parseGlossaryCsv(read('glossary.csv').toString('utf8'))) expect(chinese).toContain(zh);
  });
});
