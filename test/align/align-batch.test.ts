// `duiqi align --batch JOBS.tsv`: many pairs with one load, each output whole and equal to a single run's; bad jobs refused before any work.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJobs, progressLine } from '../../server/cli/align-jobs.ts';
import { fixturesDir, projectRoot } from './shared-data.ts';

function duiqi(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/duiqi.js', 'align', ...args], { cwd: projectRoot, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fixture = (name: string) => path.join(fixturesDir, name);

describe('duiqi align --batch', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'duiqi-align-batch-'));
  mkdirSync(path.join(dir, 'out'));

  it('when a jobs file lists pairs then each output holds the beads a single run prints', () => {
    const jobs = [
      `${fixture('news-economy.zh')}\t${fixture('news-economy.en')}\tout/news.align`,
      '# a comment, then a blank line',
      '',
      `${fixture('novel-winter.zh')}\t${fixture('novel-winter.en')}\tout/novel.align`,
    ].join('\n');
    writeFileSync(path.join(dir, 'jobs.tsv'), jobs);
    const r = duiqi('--presegmented', '--batch', path.join(dir, 'jobs.tsv'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    // Not a terminal: no progress bar.
    expect(r.stderr).toBe('');
    for (const [name, out] of [['news-economy', 'news'], ['novel-winter', 'novel']]) {
      const single = duiqi('--presegmented', fixture(`${name}.zh`), fixture(`${name}.en`));
      expect(readFileSync(path.join(dir, 'out', `${out}.align`), 'utf8')).toBe(single.stdout);
    }
  }, 120_000);

  it('when --format json is given then each output is the JSON a single run prints', () => {
    writeFileSync(path.join(dir, 'json.tsv'), `${fixture('essay-desk.zh')}\t${fixture('essay-desk.en')}\tout/essay.json\n`);
    const r = duiqi('--presegmented', '--format', 'json', '--batch', path.join(dir, 'json.tsv'));
    expect(r.code, r.stderr).toBe(0);
    const beads = JSON.parse(readFileSync(path.join(dir, 'out/essay.json'), 'utf8')) as { score: number }[];
    expect(beads.length).toBeGreaterThan(5);
    expect(beads.every((b) => b.score >= 0 && b.score <= 1)).toBe(true);
  }, 60_000);

  it.each([
    ['a line lacks a field', (d: string) => `${fixture('news-economy.zh')}\t${path.join(d, 'out/a.align')}\n`],
    ['a later job names a missing file', (d: string) => `${fixture('news-economy.zh')}\t${fixture('news-economy.en')}\t${path.join(d, 'out/b.align')}\n${path.join(d, 'absent.zh')}\t${fixture('news-economy.en')}\t${path.join(d, 'out/c.align')}\n`],
    ['two jobs write the same output', (d: string) => `${fixture('news-economy.zh')}\t${fixture('news-economy.en')}\t${path.join(d, 'out/d.align')}\n${fixture('essay-desk.zh')}\t${fixture('essay-desk.en')}\t${path.join(d, 'out/d.align')}\n`],
    ['an output folder does not exist', (d: string) => `${fixture('news-economy.zh')}\t${fixture('news-economy.en')}\t${path.join(d, 'nowhere/e.align')}\n`],
    ['the jobs file is empty', () => '# nothing\n'],
  ])('when %s then it exits 2 with one line on stderr and writes nothing', (name, jobs) => {
    const file = path.join(dir, `${name.replace(/\W+/g, '-')}.tsv`);
    writeFileSync(file, jobs(dir));
    const r = duiqi('--presegmented', '--batch', file);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    for (const out of ['a', 'b', 'c', 'd', 'e']) expect(existsSync(path.join(dir, 'out', `${out}.align`))).toBe(false);
  }, 60_000);

  // util-linux `script` runs the command on a pseudo-terminal, as a user's shell would.
  it.skipIf(!existsSync('/usr/bin/script'))('when stderr is a terminal then a progress bar counts the jobs up to the last', () => {
    const command = `${process.execPath} bin/duiqi.js align --presegmented --batch ${path.join(dir, 'jobs.tsv')}`;
    const r = spawnSync('/usr/bin/script', ['-qec', command, '/dev/null'], { cwd: projectRoot, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\[#*\.+\] 0\/2  news\.align/);
    expect(r.stdout).toMatch(/\[#+\] 2\/2/);
  }, 120_000);

  it('when files are also given on the command line then it refuses', () => {
    const r = duiqi('--batch', path.join(dir, 'jobs.tsv'), fixture('news-economy.zh'));
    expect(r.code).toBe(2);
  });
});

describe('parseJobs', () => {
  it('when paths are relative then they are read from the jobs file folder', () => {
    expect(parseJobs('a.zh\tb.en\tout/c.align\n', '/data/jobs.tsv')).toEqual([{ src: '/data/a.zh', tgt: '/data/b.en', out: '/data/out/c.align', line: 1 }]);
  });

  it('when an output would overwrite an input then it refuses', () => {
    expect(() => parseJobs('a.zh\tb.en\ta.zh\n', '/data/jobs.tsv')).toThrow(/overwrite/);
  });
});

describe('progressLine', () => {
  it('when part of the jobs are done then the bar fills in proportion and fits the terminal', () => {
    const line = progressLine(3, 12, 'chapter-003.align', 60);
    expect(line).toMatch(/^\[#+\.+\]  3\/12  chapter-003\.align$/);
    const bar = /\[(#*)(\.*)\]/.exec(line)!;
    expect(bar[1]!.length / (bar[1]!.length + bar[2]!.length)).toBeCloseTo(0.25, 1);
    expect(progressLine(5, 10, 'x'.repeat(200), 50).length).toBeLessThanOrEqual(50);
  });
});
