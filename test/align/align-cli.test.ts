// The real `duiqi align` command, spawned as scoring spawns it: bead lines, JSON, and refusals with exit code 2.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixturesDir, projectRoot } from './shared-data.ts';

const cacheDir = path.join(projectRoot, 'node_modules/.cache/duiqi');
const dir = mkdtempSync(path.join(tmpdir(), 'duiqi-align-cli-'));
const file = (name: string, content: string | Buffer) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

function duiqi(...args: string[]) {
  const r = spawnSync(process.execPath, ['bin/duiqi.js', 'align', ...args], { cwd: projectRoot, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const fixture = (name: string) => path.join(fixturesDir, name);

describe('duiqi align', () => {
  it('when files are presegmented then it prints one bead per line covering every line', () => {
    const r = duiqi('--src-lang', 'zh', '--tgt-lang', 'en', '--presegmented', fixture('news-economy.zh'), fixture('news-economy.en'));
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    for (const l of lines) expect(l).toMatch(/^\[(\d+(,\d+)*)?\]:\[(\d+(,\d+)*)?\]$/);
    const indices = (side: 0 | 1) => lines.flatMap((l) => l.split(':')[side]!.slice(1, -1).split(',').filter(Boolean).map(Number));
    expect(indices(0)).toEqual([...Array(16).keys()]);
    expect(indices(1)).toEqual([...Array(15).keys()]);
  });

  it('when a file has blank lines then they are sentences, and a final newline is not', () => {
    const r = duiqi('--presegmented', file('blank.zh', '你好。\n\n世界。\n'), file('blank.en', 'Hello.\nWorld.'));
    expect(r.code).toBe(0);
    const used = r.stdout.trimEnd().split('\n').join(' ');
    expect(used).toContain('2');
    expect(used).not.toContain('3');
  });

  it('when --format json is given then beads come with scores in [0, 1]', () => {
    const r = duiqi('--presegmented', '--format', 'json', fixture('novel-winter.zh'), fixture('novel-winter.en'));
    expect(r.code).toBe(0);
    const beads = JSON.parse(r.stdout) as { src: number[]; tgt: number[]; score: number }[];
    expect(beads.length).toBeGreaterThan(10);
    for (const b of beads) expect(b.score).toBeGreaterThanOrEqual(0);
    for (const b of beads) expect(b.score).toBeLessThanOrEqual(1);
  });

  it('when files are not presegmented then the project segmenter splits them', () => {
    const r = duiqi(file('text.zh', '今天天气很好。我们去公园吧！'), file('text.en', 'The weather is fine today. Let us go to the park!'));
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('[0]:[0]\n[1]:[1]\n');
  });

  it.each([
    ['a file is missing', ['--presegmented', path.join(dir, 'absent.zh'), fixture('news-economy.en')]],
    ['a file is not UTF-8', ['--presegmented', file('latin1.zh', Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])), fixture('news-economy.en')]],
    ['a flag is unknown', ['--presegmented', '--fast', fixture('news-economy.zh'), fixture('news-economy.en')]],
    ['the language pair is not zh-en', ['--src-lang', 'fr', fixture('news-economy.zh'), fixture('news-economy.en')]],
    ['the format is unknown', ['--format', 'xml', fixture('news-economy.zh'), fixture('news-economy.en')]],
    ['only one file is given', [fixture('news-economy.zh')]],
  ])('when %s then it exits 2 with one line on stderr', (_, args) => {
    const r = duiqi(...args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('the bundled command line', () => {
  it('when npm has bundled it then aligning from the bundle gives the beads the sources give', () => {
    const built = spawnSync('npm', ['run', '--silent', 'postinstall'], { cwd: projectRoot, encoding: 'utf8' });
    expect(built.status).toBe(0);
    const args = ['align', '--presegmented', '--format', 'json', fixture('novel-river.zh'), fixture('novel-river.en')];
    const script = `const { main } = await import('./node_modules/.cache/duiqi/${bundleFolder()}/main.mjs'); process.exitCode = await main(${JSON.stringify(args)});`;
    const bundled = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: projectRoot, encoding: 'utf8' });
    expect(bundled.stderr).toBe('');
    expect(bundled.status).toBe(0);
    expect(JSON.parse(bundled.stdout)).toEqual(JSON.parse(duiqi(...args.slice(1)).stdout));
  }, 120_000);
});

describe('building the command line again', () => {
  it('when the sources are unchanged then the files a running command may still load are left as they are', () => {
    // A command loads its chunks and its worker as it goes: one rebuild that removed them made a
    // running `duiqi align` fail with ERR_MODULE_NOT_FOUND.
    const before = filesOf(bundleFolder());
    const built = spawnSync(process.execPath, ['--import', 'tsx', 'server/cli/build-cli-bundle.ts'], { cwd: projectRoot, encoding: 'utf8' });
    expect(built.status).toBe(0);
    expect(filesOf(bundleFolder())).toEqual(before);
  }, 120_000);
});

function bundleFolder(): string {
  return (JSON.parse(readFileSync(path.join(cacheDir, 'cli.json'), 'utf8')) as { folder: string }).folder;
}

/** Each file of a bundle folder with its inode: a file rewritten in place or replaced changes it. */
function filesOf(folder: string): Record<string, number> {
  const dir = path.join(cacheDir, folder);
  return Object.fromEntries(readdirSync(dir).map((name) => [name, statSync(path.join(dir, name)).ino]));
}
