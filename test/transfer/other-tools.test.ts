// Bilingual files as other CAT tools write them, imported over HTTP: what each tool's habits must not cost the user.

import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { XLIFF_NS, xliff as xliffFormat } from '../../server/formats/xliff.ts';
import { json as jsonFormat } from '../../server/formats/json.ts';
import { sampleDocument } from '../formats/sample-documents.ts';
import { download, storedCounts, tokenFor, upload, uploadForm } from './transfer-support.ts';

let server: TestServer;
let lin: string;
let wang: string;

beforeAll(async () => {
  server = await startTestServer();
  lin = await tokenFor(server.store, 'lin', 'translator');
  // Loading the shared translation memory is a reviewer's.
  wang = await tokenFor(server.store, 'wang', 'reviewer');
});
afterAll(() => server.close());

/** Each pair's Chinese (its sentences joined), English and change time, in order; read in two plain queries that both databases run. */
async function pairsOf(doc: number) {
  const pairs = await server.rows<{ id: number; tgt: string; changedAt: string | null }>(
    'SELECT id, tgt_text AS tgt, changed_at AS "changedAt" FROM pairs WHERE document_id = ? ORDER BY idx', [doc]);
  const sentences = await server.rows<{ pairId: number; text: string }>(
    'SELECT pair_id AS "pairId", text FROM segments WHERE document_id = ? AND side = \'src\' ORDER BY idx', [doc]);
  return pairs.map(({ id, ...p }) => ({ src: sentences.filter((s) => s.pairId === id).map((s) => s.text).join(''), ...p }));
}

const tmx = (body: string, header = 'srclang="zh-CN"') => `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header creationtool="other" creationtoolversion="1" segtype="sentence" o-tmf="other" adminlang="en" datatype="plaintext" ${header}/>
  <body>
${body}
  </body>
</tmx>
`;
const tuv = (lang: string, text: string) => `<tuv xml:lang="${lang}"><seg>${text}</seg></tuv>`;

const xliff = (units: string, langs = 'srcLang="zh-CN" trgLang="en"') => `<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="${XLIFF_NS}" version="2.0" ${langs}>
  <file id="f1">${units}</file>
</xliff>
`;

async function imported(name: string, content: string): Promise<number> {
  const res = await upload(server, '/api/documents/import', { source: { name, content } }, { token: lin });
  expect(res.status, res.text).toBe(201);
  return res.json().id as number;
}

describe('language codes written as locale names', () => {
  it('when a TMX says zh_CN and en_US (any case) then its units import as Chinese and English', async () => {
    const doc = await imported('locales.tmx', tmx(
      `<tu>${tuv('zh_CN', '双方交换了意见。')}${tuv('en_US', 'The two sides exchanged views.')}</tu>\n` +
      `<tu>${tuv('ZH_cn', '会谈富有成果。')}${tuv('EN_gb', 'The talks were fruitful.')}</tu>`, 'srclang="zh_CN"'));
    expect(await pairsOf(doc)).toMatchObject([
      { src: '双方交换了意见。', tgt: 'The two sides exchanged views.' },
      { src: '会谈富有成果。', tgt: 'The talks were fruitful.' },
    ]);
  });

  it('when an XLIFF says srcLang="zh_CN" trgLang="en_US" then it imports', async () => {
    const doc = await imported('locales.xlf', xliff(
      '<unit id="u1"><segment><source>双方交换了意见。</source><target>The two sides exchanged views.</target></segment></unit>', 'srcLang="zh_CN" trgLang="en_US"'));
    expect(await pairsOf(doc)).toMatchObject([{ src: '双方交换了意见。', tgt: 'The two sides exchanged views.' }]);
  });

  it('when a code only starts like Chinese or English (zhx, eng_US) then it is still refused', async () => {
    const before = await storedCounts(server);
    for (const file of [tmx(`<tu>${tuv('zhx', '你好')}${tuv('en', 'Hello')}</tu>`, 'srclang="zhx"'), xliff('<unit id="u1"><segment><source>你好</source></segment></unit>', 'srcLang="zh_CN" trgLang="eng_US"')]) {
      const res = await upload(server, '/api/documents/import', { source: { name: file.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<tmx') ? 'x.tmx' : 'x.xlf', content: file } }, { token: lin });
      expect(res.status).toBe(400);
      expect(res.json().error).toMatch(/language is "(zhx|eng_US)"/);
    }
    expect(await storedCounts(server)).toEqual(before);
  });
});

describe('XLIFF 1.2 from Trados', () => {
  // As Trados Studio writes a Word file's paragraph: its sentences as marks, each confirmed on its own.
  const sdlxliff = `<?xml version="1.0" encoding="utf-8"?>
<xliff xmlns:sdl="http://sdl.com/FileTypes/SdlXliff/1.0" xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2" sdl:version="1.0">
  <file original="新闻.docx" datatype="x-sdlfilterframework2" source-language="zh-CN" target-language="en-US"><body>
    <trans-unit id="a1">
      <source><g id="1">双方交换了意见。会谈富有成果。</g></source>
      <seg-source><g id="1"><mrk mtype="seg" mid="1">双方交换了意见。</mrk><mrk mtype="seg" mid="2">会谈富有成果。</mrk></g></seg-source>
      <target><g id="1"><mrk mtype="seg" mid="1">The two sides exchanged views.</mrk> <mrk mtype="seg" mid="2">The talks were fruitful.</mrk></g></target>
      <sdl:seg-defs><sdl:seg id="1" conf="ApprovedSignOff"/><sdl:seg id="2" conf="ApprovedTranslation"/></sdl:seg-defs>
      <note>客户要求用 ROK。</note>
    </trans-unit>
    <trans-unit id="a2"><source>共享合作成果。</source><seg-source><mrk mtype="seg" mid="3">共享合作成果。</mrk></seg-source><target><mrk mtype="seg" mid="3"/></target></trans-unit>
  </body></file>
</xliff>
`;

  it('when an .sdlxliff is imported then its paragraphs are pairs of its sentences, an approval is a claim and the notes are threads', async () => {
    const doc = await imported('新闻.sdlxliff', sdlxliff);
    expect(await pairsOf(doc)).toMatchObject([
      { src: '双方交换了意见。会谈富有成果。', tgt: 'The two sides exchanged views. The talks were fruitful.' },
      { src: '共享合作成果。', tgt: '' },
    ]);
    expect(await server.rows('SELECT side, text FROM segments WHERE document_id = ? ORDER BY pair_id, side, idx', [doc])).toEqual([
      { side: 'src', text: '双方交换了意见。' }, { side: 'src', text: '会谈富有成果。' },
      { side: 'tgt', text: 'The two sides exchanged views.' }, { side: 'tgt', text: 'The talks were fruitful.' },
      { side: 'src', text: '共享合作成果。' },
    ]);
    // Approved in Trados is what the file claims: here the pair awaits a reviewer, as with any imported approval.
    expect(await server.rows('SELECT state, imported_state AS "importedState" FROM pairs WHERE document_id = ? ORDER BY idx', [doc]))
      .toEqual([{ state: 20, importedState: 30 }, { state: 0, importedState: null }]);
    expect(await server.rows('SELECT c.body FROM thread_comments c JOIN comment_threads t ON t.id = c.thread_id JOIN pairs p ON p.id = t.pair_id WHERE p.document_id = ?', [doc]))
      .toEqual([{ body: '客户要求用 ROK。' }]);
    const exported = await download(server, `/api/documents/${doc}/export?format=xliff&state=all`, lin);
    expect(exported.status).toBe(200);
    expect(exported.text).toContain('version="2.1"');
    expect(exported.text).toContain('<source>双方交换了意见。会谈富有成果。</source>');
  });

  it('when a broken file is named .sdlxliff then the XLIFF reader explains it, in Chinese too', async () => {
    const before = await storedCounts(server);
    const broken = sdlxliff.replace('<trans-unit id="a2"><source>共享合作成果。</source>', '<trans-unit id="a2">');
    const res = await upload(server, '/api/documents/import', { source: { name: 'x.sdlxliff', content: broken } }, { token: lin, headers: { 'accept-language': 'zh-CN' } });
    expect(res.status).toBe(400);
    expect(res.json().message).toMatch(/trans-unit.*source.*第 \d+ 行/);
    expect(await storedCounts(server)).toEqual(before);
  });
});

describe('XLIFF 1.2 from memoQ (.mqxliff)', () => {
  const mqxliff = readFileSync(new URL('../formats/fixtures/news.mqxliff', import.meta.url), 'utf8');

  it('when an .mqxliff is imported then each unit\'s memoQ status gives its state: confirmations by reviewers and rejections are claims', async () => {
    const doc = await imported('会谈.mqxliff', mqxliff);
    expect(await server.rows('SELECT tgt_text AS tgt, state, imported_state AS claim FROM pairs WHERE document_id = ? ORDER BY idx', [doc])).toEqual([
      { tgt: 'Xi Jinping met the President of the Republic of Korea.', state: 20, claim: 30 },
      { tgt: 'The two sides exchanged views on the situation on the Korean Peninsula.', state: 20, claim: null },
      { tgt: 'The talks were held in a friendly atmosphere.', state: 10, claim: null },
      { tgt: 'The two heads of state exchanged', state: 10, claim: null },
      { tgt: 'Share the fruits of the cooperation.', state: 20, claim: 25 },
      { tgt: '', state: 0, claim: null },
    ]);
    expect((await pairsOf(doc))[1]).toMatchObject({ src: '双方就朝鲜半岛局势交换了意见。' });
  });

  it('when the import form gets an .mqxliff then it imports it, and the form offers the extension', async () => {
    const page = await fetch(`${server.url}/import`, { headers: { authorization: `Bearer ${lin}` } });
    expect(await page.text()).toMatch(/accept="[^"]*\.mqxliff/);
    const res = await uploadForm(server, { source: { name: '会谈.mqxliff', content: mqxliff } }, { token: lin });
    expect(res.status, res.text).toBe(201);
  });

  it('when a broken file is named .mqxliff then the XLIFF reader explains it, in Chinese too', async () => {
    const before = await storedCounts(server);
    const res = await upload(server, '/api/documents/import', { source: { name: '会谈.mqxliff', content: mqxliff.slice(mqxliff.indexOf('<file')) } }, { token: lin, headers: { 'accept-language': 'zh-CN' } });
    expect(res.status).toBe(400);
    expect(res.json().message).toMatch(/XLIFF/);
    expect(await storedCounts(server)).toEqual(before);
  });
});

describe('our XLIFF 1.2 translated in another tool and brought back', () => {
  it('when a machine row was post-edited there then it comes back translated, its machine draft kept to measure the post-edit from', async () => {
    const zh = await upload(server, '/api/documents/import', { source: { name: 'zh.txt', content: '双方交换了意见。会谈富有成果。' }, translation: { name: 'en.txt', content: 'The two sides exchanged views. The talks were fruitful.' } }, { token: lin });
    expect(zh.status, zh.text).toBe(201);
    const exported = await download(server, `/api/documents/${zh.json().id as number}/export?format=xliff12&state=all`, lin);
    const edited = exported.text.replace(/<target state="needs-translation" state-qualifier="mt-suggestion">The talks were fruitful\.<\/target>/,
      '<target state="translated">The talks bore fruit.</target>');
    expect(edited).not.toBe(exported.text);
    const doc = await imported('back-from-omegat.xlf', edited);
    expect(await server.rows('SELECT tgt_text AS tgt, mt_text AS mt, state FROM pairs WHERE document_id = ? ORDER BY idx', [doc])).toEqual([
      { tgt: 'The two sides exchanged views.', mt: 'The two sides exchanged views.', state: 10 },
      { tgt: 'The talks bore fruit.', mt: 'The talks were fruitful.', state: 20 },
    ]);
  });
});

describe('our XLIFF 2.1 edited in another tool that keeps the states', () => {
  it('when a machine row and an approved row were edited there, their states left as they were, then both come back as translations done there', async () => {
    const zh = await upload(server, '/api/documents/import', { source: { name: 'zh.txt', content: '双方交换了意见。会谈富有成果。' }, translation: { name: 'en.txt', content: 'The two sides exchanged views. The talks were fruitful.' } }, { token: lin });
    expect(zh.status, zh.text).toBe(201);
    const id = zh.json().id as number;
    const [first] = await server.rows<{ id: number; version: number }>('SELECT id, version FROM pairs WHERE document_id = ? ORDER BY idx', [id]);
    const approve = await fetch(`${server.url}/api/pairs/${first!.id}/review`, {
      method: 'POST', headers: { authorization: `Bearer ${wang}`, 'content-type': 'application/json' }, body: JSON.stringify({ decision: 'approve', version: first!.version }),
    });
    expect(approve.status).toBe(200);
    const exported = await download(server, `/api/documents/${id}/export?format=xliff&state=all`, lin);
    // The 2.0 specification lets a tool change a target and keep its state: the subStates stay ours.
    const edited = exported.text.replace('<target>The talks were fruitful.</target>', '<target>The talks bore fruit.</target>')
      .replace('<target>The two sides exchanged views.</target>', '<target>The two sides had an exchange of views.</target>');
    expect(edited.match(/subState="duiqi:(approved|machine)"/g)).toHaveLength(2);
    const doc = await imported('back-from-another-tool.xlf', edited);
    expect(await server.rows('SELECT tgt_text AS tgt, mt_text AS mt, state, imported_state AS claim FROM pairs WHERE document_id = ? ORDER BY idx', [doc])).toEqual([
      { tgt: 'The two sides had an exchange of views.', mt: 'The two sides exchanged views.', state: 20, claim: null },
      { tgt: 'The talks bore fruit.', mt: 'The talks were fruitful.', state: 20, claim: null },
    ]);
  });
});

describe('a TMX as OmegaT writes it: a DOCTYPE naming its DTD, TMX 1.1', () => {
  const omegat = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE tmx SYSTEM "tmx11.dtd">
<tmx version="1.1">
  <header creationtool="OmegaT" o-tmf="OmegaT TMX" adminlang="EN-US" datatype="plaintext" creationtoolversion="6.0.0" segtype="sentence" srclang="ZH-CN"/>
  <body>
    <tu><tuv lang="ZH-CN"><seg>双方交换了意见。</seg></tuv><tuv lang="EN-US"><seg>The two sides exchanged views.</seg></tuv></tu>
    <tu><tuv lang="ZH-CN"><seg>会谈富有成果。</seg></tuv><tuv lang="EN-US"><seg>The talks were fruitful.</seg></tuv></tu>
  </body>
</tmx>
`;

  it('when it is imported as a document or into the memory then it loads, as any TMX does', async () => {
    const doc = await imported('project-omegat.tmx', omegat);
    expect(await pairsOf(doc)).toMatchObject([
      { src: '双方交换了意见。', tgt: 'The two sides exchanged views.' },
      { src: '会谈富有成果。', tgt: 'The talks were fruitful.' },
    ]);
    // Named .xml, the DOCTYPE must not hide that it is a TMX.
    expect((await upload(server, '/api/documents/import', { source: { name: 'project.xml', content: omegat } }, { token: lin })).status).toBe(201);
    const memory = await upload(server, '/api/memory/import', { source: { name: 'project-omegat.tmx', content: omegat } }, { token: wang });
    expect(memory.status, memory.text).toBe(201);
    expect(memory.json()).toEqual({ units: 2 });
  });
});

describe('dates that are not TMX dates', () => {
  const dated = (changedate: string, zh: string) => `<tu changedate="${changedate}">${tuv('zh-CN', zh)}${tuv('en', 'Yes.')}</tu>`;

  it('when a TMX dates its units in ISO 8601 or with junk then the file imports, ISO dates kept and unreadable ones left out', async () => {
    const doc = await imported('dates.tmx', tmx([
      dated('20240501T101500Z', '一。'),
      dated('2024-05-01T10:15:00Z', '二。'),
      dated('2024-05-01T18:15:00.250+08:00', '三。'),
      dated('yesterday', '四。'),
      dated('2026-02-30T10:00:00Z', '五。'),
      dated('2024-05-01T10:15:00', '六。'),
      dated('20260230T000000Z', '七。'),
    ].join('\n'), 'srclang="zh-CN" creationdate="2024-04-30 09:00" changedate="2024-05-02T08:00:00Z"'));
    expect((await pairsOf(doc)).map((p) => p.changedAt)).toEqual([
      '2024-05-01T10:15:00.000Z', '2024-05-01T10:15:00.000Z', '2024-05-01T10:15:00.250Z',
      // Junk, a day that does not exist, and a time with no zone (whose moment is anyone's guess).
      null, null, null, null,
    ]);
  });

  it('when our own XLIFF or JSON holds an unreadable date in its metadata then the file imports, that date left out and the others kept', async () => {
    const doc = sampleDocument();
    // The document's creation date is junk; the first pair's change time names no day (XLIFF) or no zone (JSON).
    const files = {
      'dates.xlf': xliffFormat.serialize(doc).replace('<mda:meta type="created">2024-05-01T08:30:00.000Z<', '<mda:meta type="created">May Day<')
        .replace('"changedAt">2024-05-03T17:45:12.000Z<', '"changedAt">2026-02-30T10:00:00Z<'),
      'dates.json': jsonFormat.serialize(doc).replace('"created": "2024-05-01T08:30:00.000Z"', '"created": "May Day"')
        .replace('"changedAt": "2024-05-03T17:45:12.000Z"', '"changedAt": "2024-05-03T17:45:12"'),
    };
    for (const [name, content] of Object.entries(files)) {
      expect(content, name).toMatch(/May Day[\s\S]*(2026-02-30T10:00:00Z|2024-05-03T17:45:12")/);
      const id = await imported(name, content);
      expect(await server.value('SELECT created_at FROM documents WHERE id = ?', [id]), name).not.toMatch(/^2024-05-01/);
      const dates = (await pairsOf(id)).map((p) => p.changedAt);
      expect(dates[0], name).toBeNull();
      expect(dates.slice(1), name).toEqual(expect.arrayContaining(['2024-05-02T09:00:00.000Z', '2024-05-03T10:00:00.000Z']));
    }
  });
});

describe('an XLIFF unit partly translated, its segments apart by ignorables', () => {
  const seg = (zh: string, en?: string) => `<segment><source>${zh}</source>${en === undefined ? '' : `<target>${en}</target>`}</segment>`;
  const gap = (text = ' ') => `<ignorable><source>${text}</source></ignorable>`;

  it('when sentences are left untranslated then the English keeps one space between the translated ones and none at its ends', async () => {
    const doc = await imported('partly.xlf', xliff([
      `<unit id="u1">${seg('他来了。', 'He came.')}${gap()}${seg('她走了。')}</unit>`,
      `<unit id="u2">${seg('他来了。')}${gap()}${seg('她走了。', 'She left.')}${gap()}</unit>`,
      `<unit id="u3">${seg('他来了。', 'He came.')}${gap()}${seg('她走了。')}${gap()}${seg('好。', 'Good.')}</unit>`,
      // Spaces inside a sentence, and two ignorables between two translated sentences, are the text's own.
      `<unit id="u4">${seg('他来了。', 'He  came.')}${gap()}${gap('\n')}${seg('好。', 'Good.')}</unit>`,
    ].join('')));
    expect(await pairsOf(doc)).toMatchObject([
      { src: '他来了。 她走了。', tgt: 'He came.' },
      { src: '他来了。 她走了。', tgt: 'She left.' },
      { src: '他来了。 她走了。 好。', tgt: 'He came. Good.' },
      { src: '他来了。 \n好。', tgt: 'He  came. \nGood.' },
    ]);
  });
});

describe('a JSON title XML cannot carry', () => {
  const jsonDoc = (title: string) => `{"format": "duiqi-bilingual", "formatVersion": 1, "title": "${title}", "srcLang": "zh-CN", "tgtLang": "en",
    "created": null, "changed": null, "pairs": [{"id": "1", "index": 0, "src": "你好。", "tgt": "Hello.", "srcSegments": ["你好。"], "tgtSegments": ["Hello."],
    "state": 20, "score": null, "editDistance": null, "version": 1, "lastEditor": null, "changedAt": null, "comments": []}]}`;

  it.each([['a lone surrogate', '\\ud800 报告'], ['U+FFFE', '报告 \\ufffe']])('when the title holds %s then the import is refused in the reader\'s language and nothing is written', async (_what, title) => {
    const before = await storedCounts(server);
    const res = await upload(server, '/api/documents/import', { source: { name: 'report.json', content: jsonDoc(title) } }, { token: lin });
    expect(res.status).toBe(400);
    expect(res.json().error).toMatch(/title may not contain control characters/);
    const zh = await upload(server, '/api/documents/import', { source: { name: 'report.json', content: jsonDoc(title) } }, { token: lin, headers: { 'accept-language': 'zh-CN' } });
    expect(zh.json().message).toMatch(/控制字符/);
    expect(await storedCounts(server)).toEqual(before);
  });
});

describe('a TMX in several languages', () => {
  const memory = (...units: string[]) => tmx(units.map((u) => `<tu>${u}</tu>`).join('\n'), 'srclang="zh-CN"');
  const threeLanguages = memory(
    tuv('zh-CN', '双方交换了意见。') + tuv('en', 'The two sides exchanged views.') + tuv('ja', '双方は意見を交換した。'),
    tuv('zh-CN', '会谈富有成果。') + tuv('ja', '会談は実り多いものだった。'),
    tuv('en', 'Only English.') + tuv('ja', '英語だけ。'),
    tuv('zh-CN', '尚未翻译。'),
  );

  it('when some units lack Chinese or English then the others import, and the answer says in both languages how many were skipped', async () => {
    const res = await upload(server, '/api/documents/import', { source: { name: 'memory.tmx', content: threeLanguages } }, { token: lin });
    expect(res.status).toBe(201);
    expect(res.json()).toMatchObject({ skipped: 2, message: expect.stringContaining('2 translation units had no Chinese or no English and were skipped.') });
    // A unit with Chinese alone is an untranslated sentence, as other tools write one.
    expect(await pairsOf(res.json().id as number)).toMatchObject([
      { src: '双方交换了意见。', tgt: 'The two sides exchanged views.' },
      { src: '尚未翻译。', tgt: '' },
    ]);
    const zh = await upload(server, '/api/documents/import', { source: { name: 'memory.tmx', content: threeLanguages } }, { token: lin, headers: { 'accept-language': 'zh-CN' } });
    expect(zh.json().message).toContain('2 个翻译单元缺少中文或英文，已跳过。');
  });

  it('when nothing was skipped then the answer is the document alone, as before', async () => {
    const res = await upload(server, '/api/documents/import', { source: { name: 'two.tmx', content: memory(tuv('zh', '你好。') + tuv('en', 'Hello.') + tuv('ja', 'こんにちは。')) } }, { token: lin });
    expect(Object.keys(res.json())).toEqual(['id']);
  });

  it('when the import form gets such a file then it says how many were skipped and links to the document, instead of going there', async () => {
    const res = await uploadForm(server, { source: { name: 'memory.tmx', content: threeLanguages } }, { token: lin });
    expect(res.status).toBe(201);
    expect(res.headers.get('hx-redirect')).toBeNull();
    expect(res.text).toMatch(/data-testid="job-result">Document imported: 2 pairs \(“memory”\)\. 2 translation units had no Chinese or no English and were skipped\.</);
    expect(res.text).toMatch(/<a href="\/documents\/\d+" data-testid="job-document">Open the document<\/a>/);
    // A form posted without htmx gets the import page with the same sentence and link.
    const plain = await upload(server, '/import', { source: { name: 'memory.tmx', content: threeLanguages } }, { token: lin });
    expect(plain.status).toBe(201);
    expect(plain.text).toContain('<!doctype html>');
    expect(plain.text).toMatch(/were skipped\.<\/span> <a href="\/documents\/\d+" data-testid="job-document">/);
  });

  it('when such an import runs as a job then its result says so, and the page polling it is not sent on to the document', async () => {
    const started = await upload(server, '/api/documents/import', { source: { name: 'memory.tmx', content: threeLanguages } }, { token: lin, headers: { prefer: 'respond-async' } });
    expect(started.status).toBe(202);
    const job = started.json().id as number;
    const auth = { authorization: `Bearer ${lin}` };
    const read = async () => (await fetch(`${server.url}/api/jobs/${job}`, { headers: auth })).json() as Promise<{ state: string; result: { id: number; skipped: number; message: string } }>;
    let ended = await read();
    for (const until = Date.now() + 30_000; (ended.state === 'queued' || ended.state === 'running') && Date.now() < until; ended = await read()) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(ended.result).toMatchObject({ skipped: 2, message: expect.stringContaining('were skipped') });
    const polled = await fetch(`${server.url}/jobs/${job}`, { headers: { ...auth, 'hx-request': 'true' } });
    expect(polled.headers.get('hx-redirect')).toBeNull();
    expect(await polled.text()).toContain(`<a href="/documents/${ended.result.id}" data-testid="job-document">`);
  });

  it('when it is loaded into the translation memory then its units with both sides are, and the answer counts the others', async () => {
    const before = await storedCounts(server);
    const res = await upload(server, '/api/memory/import', { source: { name: 'memory.tmx', content: threeLanguages } }, { token: wang, headers: { 'accept-language': 'zh-CN' } });
    expect(res.status).toBe(201);
    expect(res.json()).toEqual({ units: 1, skipped: 3, message: '3 个翻译单元缺少中文或英文，已跳过。' });
    expect(await storedCounts(server)).toEqual({ ...before, tm_units: before.tm_units! + 1 });
  });

  it('when no unit has both Chinese and English then the file is refused with the first unit\'s reason and nothing is written', async () => {
    const before = await storedCounts(server);
    const res = await upload(server, '/api/documents/import', {
      source: { name: 'none.tmx', content: memory(tuv('en', 'Only English.') + tuv('ja', '英語だけ。'), tuv('zh-CN', '会谈富有成果。') + tuv('ja', '会談は実り多いものだった。')) },
    }, { token: lin });
    expect(res.status).toBe(400);
    expect(res.json().error).toMatch(/A TMX translation unit has no Chinese \(zh\) variant.*\(line \d+\)/);
    expect(await storedCounts(server)).toEqual(before);
  });
});
