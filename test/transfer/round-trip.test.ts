import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { seedDocuments } from '../support/seed.ts';
import { HARD_EN, HARD_ZH, apiJson, download, tokenFor, upload, withoutExportTime } from './transfer-support.ts';

let server: TestServer;
let lin: string;
let wang: string;
let hard: number;
let demo: number;

const json = (method: string, url: string, token: string, body?: unknown) => apiJson(server, token, method, url, body);

beforeAll(async () => {
  server = await startTestServer();
  lin = await tokenFor(server.store, 'lin', 'translator');
  wang = await tokenFor(server.store, 'wang', 'reviewer');
  demo = (await seedDocuments(server.store)).demo;
  const res = await upload(server, '/api/documents/import', {
    source: { name: '改革.txt', content: HARD_ZH }, translation: { name: 'reform.txt', content: HARD_EN },
  }, { token: lin, fields: { title: '“改革”与「开放」𠀀' } });
  expect(res.status).toBe(201);
  hard = res.json().id as number;
  // Post-edit, approve and reject with a comment, so state, editor, time, distance and notes all travel.
  const pairs = (await json('GET', `/api/documents/${hard}/pairs`, lin)).body as unknown as { id: number; version: number; tgt: string }[];
  const [first, second] = pairs;
  const saved = await json('PUT', `/api/pairs/${first!.id}`, lin, { tgt: 'He said: “We must hold to reform and opening.”', version: first!.version });
  expect(saved.status).toBe(200);
  expect((await json('POST', `/api/pairs/${first!.id}/review`, wang, { decision: 'approve', version: saved.body.version })).status).toBe(200);
  const rejected = await json('POST', `/api/pairs/${second!.id}/review`, wang, { decision: 'reject', version: second!.version, comment: '「𠀀」要保留原字，别写成“字”。' });
  expect(rejected.status).toBe(200);
});
afterAll(() => server.close());

/** The file with its pair indexes replaced by 0, 1, 2 … and its ids (index + 1) by 1, 2, 3 … in the order they appear. */
function renumbered(file: string): string {
  let index = 0;
  let id = 1;
  return file
    .replace(/(<prop type="x-duiqi-index">|<mda:meta type="index">|<duiqi:meta type="index">|"index": )\d+/g, (_m, head: string) => `${head}${index++}`)
    .replace(/(<tu tuid="|<unit id="|<trans-unit id="|"id": ")\d+/g, (_m, head: string) => `${head}${id++}`);
}

describe('export → import → export over HTTP', () => {
  for (const format of ['tmx', 'xliff', 'xliff12', 'json'] as const) {
    const reimported = async (file: string) => {
      const imported = await upload(server, '/api/documents/import', { source: { name: `copy.${format}`, content: file } }, { token: lin });
      expect(imported.status).toBe(201);
      return (await download(server, `/api/documents/${imported.json().id as number}/export?format=${format}&state=all`, lin)).text;
    };

    it(`when the demo page with noise rows is exported as ${format}, imported and exported again then the file is the same`, async () => {
      const first = await download(server, `/api/documents/${demo}/export?format=${format}&state=all`, lin);
      expect(first.status).toBe(200);
      // Noise rows are never exported, so their places are gaps the import closes: positions are 0…n-1.
      expect(withoutExportTime(await reimported(first.text))).toBe(withoutExportTime(renumbered(first.text)));
    });

    it(`when the post-edited document with 𠀀 and “”「」 goes through ${format} twice then the second copy is the first one's file`, async () => {
      const first = await download(server, `/api/documents/${hard}/export?format=${format}&state=all`, lin);
      // The first import turns the approval and rejection by wang into claims; from then on the file stays the same.
      const second = await reimported(first.text);
      expect(second).not.toBe(first.text);
      expect(withoutExportTime(await reimported(second))).toBe(withoutExportTime(second));
    });
  }

  it('when the post-edited document is exported as TMX then the props, editor, note and quotes are in it', async () => {
    const res = await download(server, `/api/documents/${hard}/export?format=tmx&state=all`, lin);
    expect(res.headers.get('content-type')).toBe('application/x-tmx+xml; charset=utf-8');
    expect(res.text).toContain('<prop type="x-duiqi-title">“改革”与「开放」𠀀</prop>');
    expect(res.text).toMatch(/<tu tuid="1" changedate="\d{8}T\d{6}Z" changeid="wang">/);
    expect(res.text).toContain('<prop type="x-duiqi-state">approved</prop>');
    expect(res.text).toMatch(/<prop type="x-duiqi-edit-distance">[1-9]\d*<\/prop>/);
    expect(res.text).toMatch(/<prop type="x-duiqi-score">0\.\d+<\/prop>/);
    expect(res.text).toContain('<note>「𠀀」要保留原字，别写成“字”。</note>');
    expect(res.text).toContain('<seg>He said: “We must hold to reform and opening.”</seg>');
  });

  it('when a document with a Chinese title is downloaded then the file name is ASCII with the real name in filename*', async () => {
    const res = await download(server, `/api/documents/${hard}/export?format=xliff&state=all`, lin);
    const disposition = res.headers.get('content-disposition')!;
    expect(disposition).toMatch(/^attachment; filename="document-\d+\.xlf"; filename\*=UTF-8''/);
    const encoded = /filename\*=UTF-8''(\S+)$/.exec(disposition)![1]!;
    expect(encoded).toMatch(/^[A-Za-z0-9%._~-]+$/);
    expect(decodeURIComponent(encoded)).toBe('“改革”与「开放」𠀀.xlf');
    // The XLIFF 1.2 download of the same document has a name of its own, not the browser's "(1)".
    const v12 = (await download(server, `/api/documents/${hard}/export?format=xliff12&state=all`, lin)).headers.get('content-disposition')!;
    expect(decodeURIComponent(/filename\*=UTF-8''(\S+)$/.exec(v12)![1]!)).toBe('“改革”与「开放」𠀀.xliff12.xlf');
  });

  it('when the export format or filter is unknown or the document missing then 400/404 with a sentence', async () => {
    expect(await download(server, `/api/documents/${hard}/export?format=docx`, lin)).toMatchObject({ status: 400 });
    expect((await download(server, `/api/documents/${hard}/export?format=docx`, lin)).text).toContain('must be one of tmx, xliff, xliff12, json');
    expect((await download(server, `/api/documents/${hard}/export?format=tmx&state=some`, lin)).status).toBe(400);
    expect((await download(server, '/api/documents/99999/export?format=tmx', lin)).status).toBe(404);
    const anonymous = await fetch(`${server.url}/api/documents/${hard}/export?format=tmx`);
    expect(anonymous.status).toBe(401);
  });

  it('when a pair holds a control character then TMX and XLIFF are refused before the first byte and JSON still exports', async () => {
    const res = await upload(server, '/api/documents/import', { source: { name: 'zh.txt', content: '第一句。第二句。' }, translation: { name: 'en.txt', content: 'One. Two.' } }, { token: lin });
    const doc = res.json().id as number;
    await server.rows("UPDATE pairs SET tgt_text = 'Tw\u0007o.', state = 20 WHERE document_id = ? AND idx = 1", [doc]);
    for (const format of ['tmx', 'xliff']) {
      const refused = await download(server, `/api/documents/${doc}/export?format=${format}&state=all`, lin);
      expect(refused.status).toBe(400);
      expect(JSON.parse(refused.text).error).toBe('Pair 2 contains a control character that XML cannot carry; remove it or export as JSON.');
    }
    const approvedOnly = await download(server, `/api/documents/${doc}/export?format=tmx`, lin);
    expect(approvedOnly.status).toBe(200);
    const asJson = await download(server, `/api/documents/${doc}/export?format=json&state=all`, lin);
    expect(JSON.parse(asJson.text).pairs[1].tgt).toBe('Tw\u0007o.');
  });
});

describe('a subtitle cue of two English lines through each format', () => {
  const srt = (cues: string[][]) => cues.map((lines, i) => [String(i + 1), `00:00:0${2 * i},000 --> 00:00:0${2 * i + 1},500`, ...lines, ''].join('\n')).join('\n');
  const LINES = ['I went to the bookshop yesterday.', 'I bought a book there.'];
  let cues: number;
  const english = async (doc: number) => ({
    pairs: await server.rows('SELECT tgt_text AS tgt, mt_text AS mt FROM pairs WHERE document_id = ? ORDER BY idx', [doc]),
    sentences: await server.rows("SELECT text, line_before AS \"lineBefore\" FROM segments WHERE document_id = ? AND side = 'tgt' ORDER BY idx", [doc]),
  });

  beforeAll(async () => {
    const res = await upload(server, '/api/documents/import', {
      source: { name: 'cues.zh.srt', content: srt([['我昨天去了书店，', '在那里买了一本书。'], ['今天天气很好。']]) },
      translation: { name: 'cues.en.srt', content: srt([LINES, ['The weather is fine today.']]) },
    }, { token: lin });
    expect(res.status, res.text).toBe(201);
    cues = res.json().id as number;
    // Post-edited on its two lines: the machine draft's break and the target's are each to travel.
    const [cue] = (await json('GET', `/api/documents/${cues}/pairs`, lin)).body as unknown as { id: number; version: number }[];
    expect((await json('PUT', `/api/pairs/${cue!.id}`, lin, { tgt: 'Yesterday I went to the bookshop.\nI bought a book there.', version: cue!.version })).status).toBe(200);
    expect((await english(cues)).sentences).toContainEqual({ text: LINES[1], lineBefore: 1 });
  });

  for (const format of ['tmx', 'xliff', 'xliff12', 'json'] as const) {
    it(`when exported as ${format} and imported then the cue keeps its line break: in its English, its machine draft and its sentence`, async () => {
      const first = await download(server, `/api/documents/${cues}/export?format=${format}&state=all`, lin);
      // The target holds the break as a literal line feed, as the tools reading the format expect it (JSON escapes it).
      expect(first.text).toContain(format === 'json' ? JSON.stringify('Yesterday I went to the bookshop.\nI bought a book there.') : 'Yesterday I went to the bookshop.\nI bought a book there.');
      const reimport = async (file: string) => {
        const imported = await upload(server, '/api/documents/import', { source: { name: `cues.${format}`, content: file } }, { token: lin });
        expect(imported.status, imported.text).toBe(201);
        const copy = imported.json().id as number;
        expect(await english(copy)).toEqual(await english(cues));
        return (await download(server, `/api/documents/${copy}/export?format=${format}&state=all`, lin)).text;
      };
      // The first import makes lin's edit a claim (as above); from then on the file, breaks included, stays the same.
      const second = await reimport(first.text);
      expect(withoutExportTime(await reimport(second))).toBe(withoutExportTime(second));
    });
  }
});
