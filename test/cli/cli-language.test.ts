// The command line speaks the environment's language: LC_ALL, LC_MESSAGES or LANG naming Chinese gives the refusals
// (exit 2), the import's outcome line and what a command did in Chinese, through the interface's own locales; anything
// else English.

import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/test-server.ts';
import { ROOT } from '../support/start-workbench.ts';
import { cliLanguage } from '../../server/cli/cli-language.ts';

const dir = tempDir('duiqi-cli-language-');
const dbFile = path.join(dir, 'cli.sqlite');

// Asynchronous, as in cli.test.ts; the locale variables of the test's own shell are left out, so each case says its own.
function duiqi(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { LC_ALL: _all, LC_MESSAGES: _messages, LANG: _lang, ...rest } = process.env;
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'bin/duiqi.js'), ...args], {
      cwd: ROOT, env: { ...rest, DUIQI_DB: dbFile, ...env }, encoding: 'utf8',
    }, (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }));
  });
}

const ZH = { LANG: 'zh_CN.UTF-8' };

describe('the language of the command line', () => {
  it('when the locale variables are read then the first one set decides, and only a Chinese one gives Chinese', () => {
    expect(cliLanguage({ LANG: 'zh_CN.UTF-8' })).toBe('zh-CN');
    expect(cliLanguage({ LANG: 'zh_TW.Big5' })).toBe('zh-CN');
    expect(cliLanguage({ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' })).toBe('zh-CN');
    expect(cliLanguage({ LC_ALL: 'C', LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'zh_CN.UTF-8' })).toBe('en');
    expect(cliLanguage({ LC_ALL: '', LANG: 'zh' })).toBe('zh-CN');
    expect(cliLanguage({ LANG: 'zu_ZA.UTF-8' })).toBe('en');
    expect(cliLanguage({})).toBe('en');
  });

  it.each([
    [['frobnicate'], 'duiqi: 未知命令“frobnicate”。用法见“duiqi help”。'],
    [['user', 'add', 'wu', '--role', 'boss'], 'duiqi: 角色必须是 admin、reviewer 或 translator。'],
    [['user', 'add', 'wu', '--colour', 'red'], /^duiqi: 无法理解命令行：Unknown option '--colour'/],
    [['import', path.join(dir, 'none.tmx')], `duiqi: 没有文件“${path.join(dir, 'none.tmx')}”。`],
    [['documents', 'rename', '1'], /^duiqi: documents 需要 list .*或 empty-trash。$/],
    [['align', '--format', 'xml', 'a.txt', 'b.txt'], 'duiqi align: --format 必须是 text 或 json，而不是“xml”。'],
    [['align', path.join(dir, 'none.zh'), path.join(dir, 'none.en')], `duiqi align: 无法读取 ${path.join(dir, 'none.zh')}：ENOENT。`],
    [['user', 'list'], 'duiqi: DUIQI_WORKERS 必须是 1 到 64 之间的整数（进程数），而不是“0”。', { DUIQI_WORKERS: '0' }],
  ])('when called as %j with LANG=zh_CN.UTF-8 then it exits 2 with one Chinese line', async (args, sentence, settings: Record<string, string> = {}) => {
    const r = await duiqi(args as string[], { ...ZH, ...settings });
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toHaveLength(2);
    if (typeof sentence === 'string') expect(r.stderr).toBe(`${sentence}\n`);
    else expect(r.stderr.trim()).toMatch(sentence);
  });

  it('when help is asked for with LANG=zh_CN.UTF-8 then the heading and notes are Chinese and the commands as typed', async () => {
    const [zh, en, bare] = await Promise.all([duiqi(['help'], ZH), duiqi(['help'], { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' }), duiqi([], ZH)]);
    expect([zh.code, en.code, bare.code]).toEqual([0, 0, 2]);
    expect(bare.stdout).toBe(zh.stdout);
    const zhLines = zh.stdout.trimEnd().split('\n');
    const enLines = en.stdout.trimEnd().split('\n');
    expect([zhLines[0], enLines[0]]).toEqual(['用法：', 'usage:']);
    expect(zhLines).toContain('  duiqi user reset NAME                       （输出一次性密码）');
    expect(enLines).toContain('  duiqi user reset NAME                       (prints a one-time password)');
    // What is typed is the same in both; only the notes after it differ.
    const typed = (lines: string[]) => lines.slice(1).map((l) => l.replace(/\s{3,}[(（].*$/, ''));
    expect(typed(zhLines)).toEqual(typed(enLines));
    expect(zhLines).toContain('  duiqi import ZH_FILE [EN_FILE] [--title T] [--human]   （只给中文：每行都未翻译）');
    expect(zhLines.filter((l) => /（\p{Script=Han}/u.test(l))).toHaveLength(4);
  });

  it('when --help follows a command then the usage is printed as for duiqi --help, exit 0; after "--" it is an argument', async () => {
    const [top, sub, align, argument] = await Promise.all([duiqi(['--help'], ZH), duiqi(['import', '--help'], ZH),
      duiqi(['align', '--src-lang', 'zh', '--help'], ZH), duiqi(['export', '7', '--', '--help'], ZH)]);
    expect([top.code, sub.code, align.code]).toEqual([0, 0, 0]);
    expect(top.stdout.split('\n')[0]).toBe('用法：');
    expect([sub.stdout, align.stdout]).toEqual([top.stdout, top.stdout]);
    expect([sub.stderr, align.stderr]).toEqual(['', '']);
    expect(argument.code).toBe(2);
  });

  it('when LC_ALL=C stands before a Chinese LANG then the refusal is English', async () => {
    const r = await duiqi(['frobnicate'], { LC_ALL: 'C', LANG: 'zh_CN.UTF-8' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('duiqi: unknown command "frobnicate". Run "duiqi help" for usage.\n');
  });

  it('when a TMX with units lacking Chinese is imported in Chinese then stdout has the id alone and stderr says in Chinese how many were skipped', async () => {
    const tu = (tuvs: [string, string][]) => `<tu>${tuvs.map(([lang, seg]) => `<tuv xml:lang="${lang}"><seg>${seg}</seg></tuv>`).join('')}</tu>`;
    const file = path.join(dir, 'talks.tmx');
    fs.writeFileSync(file, `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="test" creationtoolversion="1" segtype="sentence" o-tmf="none" adminlang="en" srclang="zh-CN" datatype="plaintext"/>
<body>${tu([['zh-CN', '两国元首举行会谈。'], ['en', 'The two heads of state held talks.']])}${tu([['en', 'Talks went well.'], ['ja', '会談は順調だった。']])}${tu([['ja', 'ありがとう。']])}</body></tmx>`);
    const r = await duiqi(['import', file], ZH);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^\d+\n$/);
    expect(r.stderr).toBe('2 个翻译单元缺少中文或英文，已跳过。\n');
    // What a command did says so in the same language.
    const renamed = await duiqi(['documents', 'rename', r.stdout.trim(), '会谈纪要'], ZH);
    expect([renamed.code, renamed.stdout]).toEqual([0, `已重命名文档 ${r.stdout.trim()}“会谈纪要”。\n`]);
    const added = await duiqi(['user', 'add', 'wu', '--role', 'reviewer', '--password', 'wu-secret-12'], ZH);
    expect([added.code, added.stdout]).toEqual([0, '已创建用户“wu”，角色为 reviewer。\n']);
  });
});
