import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database.ts';
import { tempDir } from '../support/test-server.ts';
import { ROOT } from '../support/start-workbench.ts';
import { HARD_EN, HARD_ZH, rowCounts, withoutExportTime } from './transfer-support.ts';
import { MULTITERM } from '../formats/termbases.ts';

const dir = tempDir('duiqi-cli-transfer-');
const dbFile = path.join(dir, 'cli.sqlite');
const file = (name: string, content?: string | Buffer) => {
  const p = path.join(dir, name);
  if (content !== undefined) fs.writeFileSync(p, content);
  return p;
};
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function duiqi(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/duiqi.js'), ...args], {
    cwd: ROOT, env: { ...process.env, DUIQI_DB: dbFile }, encoding: 'utf8',
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function counts() {
  const db = openDatabase(dbFile);
  try {
    return rowCounts(db);
  } finally {
    db.close();
  }
}

describe('duiqi import and duiqi export', () => {
  let textDoc = 0;

  it('when two plain texts are imported then it prints the new document id', () => {
    const r = duiqi('import', file('中文.txt', HARD_ZH), file('english.txt', HARD_EN), '--title', '“改革”「𠀀」');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    textDoc = Number(r.stdout.trim());
    expect(textDoc).toBeGreaterThan(0);
  });

  it('when a Chinese text is imported alone then it prints the new document id, every sentence an untranslated row, and its JSON export has no English', () => {
    const r = duiqi('import', file('只有中文.txt', HARD_ZH));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const id = Number(r.stdout.trim());
    const db = openDatabase(dbFile);
    try {
      const rows = db.prepare('SELECT state, tgt_text FROM pairs WHERE document_id = ? AND noise = 0 ORDER BY idx').all(id);
      expect(rows).toEqual([0, 1, 2].map(() => ({ state: 0, tgt_text: '' })));
      expect(db.prepare('SELECT title FROM documents WHERE id = ?').pluck().get(id)).toBe('只有中文');
    } finally {
      db.close();
    }
    const exported = duiqi('export', String(id), '--format', 'json', '--state', 'all');
    expect(exported.code).toBe(0);
    const units = (JSON.parse(exported.stdout) as { pairs: { src: string; tgt: string }[] }).pairs;
    expect(units.map((u) => u.tgt)).toEqual(['', '', '']);
    expect(units.map((u) => u.src).join('')).toBe(HARD_ZH.replace('\n\n', ''));
  });

  it('when a TMX in three languages lacks English in one unit then the rest imports, the id on stdout and the skipped unit on stderr', () => {
    const tmx = `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="t" creationtoolversion="1" segtype="sentence" o-tmf="t" adminlang="en" srclang="zh-CN" datatype="plaintext"/><body>
<tu><tuv xml:lang="zh-CN"><seg>你好。</seg></tuv><tuv xml:lang="en"><seg>Hello.</seg></tuv><tuv xml:lang="ja"><seg>こんにちは。</seg></tuv></tu>
<tu><tuv xml:lang="zh-CN"><seg>再见。</seg></tuv><tuv xml:lang="ja"><seg>さようなら。</seg></tuv></tu>
</body></tmx>
`;
    const r = duiqi('import', file('three.tmx', tmx));
    expect(r.code).toBe(0);
    expect(Number(r.stdout.trim())).toBeGreaterThan(0);
    expect(r.stderr).toBe('1 translation unit had no Chinese or no English and was skipped.\n');
  });

  it('when memoQ\'s .mqxliff is imported then it prints the new document id, its statuses read', () => {
    const r = duiqi('import', file('会谈.mqxliff', fs.readFileSync(new URL('../formats/fixtures/news.mqxliff', import.meta.url))));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const db = openDatabase(dbFile);
    try {
      expect(db.prepare('SELECT state, imported_state FROM pairs WHERE document_id = ? ORDER BY idx').raw().all(Number(r.stdout.trim())))
        .toEqual([[20, 30], [20, null], [10, null], [10, null], [20, 25], [0, null]]);
    } finally {
      db.close();
    }
  });

  it.each(['tmx', 'xliff', 'xliff12', 'json'])('when the document is exported as %s, imported and exported again then the file is the same', (format) => {
    const out = file(`first.${format}`);
    const first = duiqi('export', String(textDoc), '--format', format, '--state', 'all', '-o', out);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const imported = duiqi('import', out);
    expect(imported.code).toBe(0);
    const again = duiqi('export', imported.stdout.trim(), '--format', format, '--state', 'all');
    expect(again.code).toBe(0);
    expect(withoutExportTime(again.stdout)).toBe(withoutExportTime(fs.readFileSync(out, 'utf8')));
    expect(again.stdout).toContain('「𠀀字不在基本平面。」');
  });

  it('when a TMX file is imported with --memory then it prints the unit count and adds no document', () => {
    const tmx = file('memory.tmx');
    expect(duiqi('export', String(textDoc), '--format', 'tmx', '--state', 'all', '-o', tmx).code).toBe(0);
    const before = counts();
    const r = duiqi('import', '--memory', tmx);
    expect(r.code).toBe(0);
    const units = Number(r.stdout.trim());
    expect(units).toBeGreaterThan(0);
    expect(counts()).toEqual({ ...before, tm_units: before.tm_units! + units });
  });

  it('when the memory is exported with --memory then the file holds every unit the memory has, loaded or approved', () => {
    const out = file('memory-out.tmx');
    const r = duiqi('export', '--memory', '-o', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const text = fs.readFileSync(out, 'utf8');
    expect(text.match(/<tu /g)?.length).toBe(counts().tm_units);
    expect(text).toContain('<prop type="x-duiqi-approved">no</prop>');
  });

  it('when a termbase is imported with duiqi glossary and exported again then CSV and TBX hold its entries', () => {
    const imported = duiqi('glossary', 'import', file('术语库.tbx', MULTITERM));
    expect(imported.code).toBe(0);
    expect(imported.stdout).toBe('Imported 5 glossary entries.\n');
    expect(imported.stderr).toBe('1 concept had no Chinese or no English term and was skipped.\n');
    const csv = duiqi('glossary', 'export');
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('习近平,Xi Jinping,中国国家主席 & 总书记');
    const out = file('glossary-out.tbx');
    expect(duiqi('glossary', 'export', '-o', out).code).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toContain('<langSet xml:lang="en"><tig><term>mutual benefit</term></tig></langSet>');
  });

  it.each([
    [['import', 'only-english.txt'], /"only-english\.txt" is English: a document starts from its Chinese text/],
    [['import', 'missing.txt', 'missing-en.txt'], /There is no file ".*missing\.txt"/],
    [['import', 'broken.tmx'], /not well-formed XML.*\(line \d+\)/],
    [['import', 'empty.json'], /is empty/],
    [['import', '--memory', 'notes.json'], /Only a TMX file/],
    [['import', 'a.txt', 'b.txt', 'c.txt'], /import needs/],
    [['export', '1'], /needs a DOC_ID and --format/],
    [['export', '1', '--format', 'docx'], /The export format must be tmx, xliff, xliff12,? or json\./],
    [['export', '1', '--format', 'tmx', '--state', 'done'], /state filter must be/],
    [['export', '999', '--format', 'tmx'], /There is no document 999/],
    [['export', '1', '--format', 'tmx', '-o', 'no-such-dir/out.tmx'], /Cannot write ".*no-such-dir\/out\.tmx" \(ENOENT\)/],
    [['export', '--memory', '1'], /export --memory takes no DOC_ID nor --state\./],
    [['export', '--memory', '--format', 'xliff'], /exported as TMX only/],
    [['glossary', 'import'], /glossary needs import FILE/],
    [['glossary', 'import', 'missing.tbx'], /There is no file ".*missing\.tbx"/],
    [['glossary', 'import', 'notes.json'], /no concept with both|not a TBX file|needs a Chinese term/],
    [['glossary', 'export', '--format', 'xlsx'], /exported as csv or tbx, not "xlsx"/],
  ])('when called as %j then it exits 2 with one line on stderr and writes nothing', (args, message) => {
    file('only-english.txt', 'The two sides exchanged views on bilateral relations.');
    file('broken.tmx', '<?xml version="1.0"?>\n<tmx version="1.4">\n<header srclang="zh-CN"/>\n<body><tu></body>\n</tmx>\n');
    file('empty.json', '');
    file('notes.json', '{"a": 1}');
    const before = counts();
    const r = duiqi(...(args as string[]).map((a) => (/\.(txt|tmx|json)$/.test(a) ? path.join(dir, a) : a)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
    expect(counts()).toEqual(before);
  });

  it('when an export to a file is refused then neither the file nor a temporary file is left', () => {
    const target = path.join(dir, 'refused.tmx');
    const r = duiqi('export', '999', '--format', 'tmx', '-o', target);
    expect(r.code).toBe(2);
    expect(fs.readdirSync(dir).filter((f) => f.includes('refused'))).toEqual([]);
  });

  let longDoc: string | undefined;
  /** A document long enough that writing its export takes a while (3,000 pairs, about 3.7 MB of XLIFF). */
  const importLong = () => {
    const lines = (make: (i: number) => string) => Array.from({ length: 3000 }, (_, i) => make(i)).join('\n');
    const r = duiqi('import', file('long.zh.txt', lines((i) => `第${i}句话今天天气很好，我们去公园散步。`)),
      file('long.en.txt', lines((i) => `Sentence ${i}: the weather is good today and we walk in the park.`)));
    expect(r.code).toBe(0);
    return r.stdout.trim();
  };

  it.each(['SIGINT', 'SIGTERM'] as const)('when an export to a file is interrupted by %s while it writes then neither the file nor a temporary file is left', async (signal) => {
    longDoc ??= importLong();
    const name = `interrupted-${signal}.xlf`;
    const child = spawn(process.execPath, [path.join(ROOT, 'bin/duiqi.js'), 'export', longDoc, '--format', 'xliff', '--state', 'all', '-o', path.join(dir, name)], {
      cwd: ROOT, env: { ...process.env, DUIQI_DB: dbFile },
    });
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, sig) => resolve(sig)));
    // The temporary file exists from the first byte written to the rename: interrupted in between, as Ctrl-C would.
    const mine = () => fs.readdirSync(dir).filter((f) => f.includes(name));
    while (!mine().some((f) => f.endsWith('.tmp'))) await new Promise((r) => setTimeout(r, 2));
    child.kill(signal);
    expect(await ended).toBe(signal);
    expect(mine()).toEqual([]);
  });
});
