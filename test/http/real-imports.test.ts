// What the QA flags and the English sentence splitter make of real imports: a subtitle sentence over two lines of
// its cue, a contact line's "tel." before the number, an English with no end mark in both languages, and the title a
// file named for its language gives.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, startTestServer, type TestServer } from '../support/test-server.ts';
import { importedDocument, tokenFor, type Part } from '../transfer/transfer-support.ts';
import { EN_SRT, ZH_SRT } from '../formats/source/subtitle-files.ts';
import { storeDocument } from '../support/insert-document.ts';
import iconv from 'iconv-lite';

let server: TestServer;
let token: string;

beforeAll(async () => {
  server = await startTestServer();
  token = await tokenFor(server.store, 'lin', 'translator');
});
afterAll(() => server.close());

const imported = (files: Record<string, Part>) => importedDocument(server, files, token);

/** The English of the rows the document page lists under a QA filter. */
async function flaggedRows(id: number, code: string, lang = 'en'): Promise<string[]> {
  const c = new Client(server.url);
  await c.login('lin');
  c.cookies.set('duiqi_lang', lang);
  const res = await c.get(`/documents/${id}?qa=${code}`);
  expect(res.status).toBe(200);
  return [...res.text.matchAll(/data-testid="pair-row"[\s\S]*?<\/tr>/g)].map((m) => m[0]);
}

describe('QA of English over several lines', () => {
  it('when a subtitle sentence runs over two lines of one cue then it is neither a broken sentence nor a fragment', async () => {
    const id = await imported({ source: { name: 'rail.zh.srt', content: ZH_SRT }, translation: { name: 'rail.en.srt', content: EN_SRT } });
    const pairs = (await (await fetch(`${server.url}/api/documents/${id}/pairs`, { headers: { authorization: `Bearer ${token}` } })).json()) as { tgt: string }[];
    expect(pairs.map((p) => p.tgt)).toContain('It links the airport with the city centre\nin 25 minutes.');
    expect(await flaggedRows(id, 'broken')).toEqual([]);
    expect(await flaggedRows(id, 'fragment')).toEqual([]);
  });
});

describe('English sentences on a contact line', () => {
  it('when "tel." or "ext." stands before a number then the line is one sentence, aligned 1-1 with its Chinese', async () => {
    const id = await imported({
      source: { name: 'notice.zh.txt', content: '联系人：张先生，电话010-12345678。分机号204。' },
      translation: { name: 'notice.en.txt', content: 'Contact: Mr. Zhang, tel. 010-12345678. Call ext. 204 for the office.' },
    });
    const pairs = (await (await fetch(`${server.url}/api/documents/${id}/pairs`, { headers: { authorization: `Bearer ${token}` } })).json()) as { tgtSegments: { text: string }[] }[];
    expect(pairs.flatMap((p) => p.tgtSegments.map((s) => s.text))).toEqual(['Contact: Mr. Zhang, tel. 010-12345678.', 'Call ext. 204 for the office.']);
    expect(pairs.map((p) => p.tgtSegments.length)).toEqual([1, 1]);
  });
});

describe('the end punctuation flag', () => {
  it('when the English has no end mark then the reason says so in the reader\'s language, with no empty quote', async () => {
    const id = await imported({
      source: { name: 'a.zh.txt', content: '专家认为，数据安全仍需重视。' },
      translation: { name: 'a.en.txt', content: 'Experts believe that data security still needs attention' },
    });
    const reason = (row: string) => /data-qa="punctuation">([\s\S]*?)<\/li>/.exec(row)?.[1]?.replace(/<[^>]+>/g, '');
    expect((await flaggedRows(id, 'punctuation')).map(reason)).toEqual(['No end punctuation in the English: the Chinese ends with 。']);
    expect((await flaggedRows(id, 'punctuation', 'zh-CN')).map(reason)).toEqual(['英文没有句末标点：中文以。结尾']);
  });
});

describe('the title a file name gives', () => {
  it('when the files are named film.zh.srt and film.en.srt then the document is "film" and its translation downloads as film.en.srt', async () => {
    const id = await imported({ source: { name: 'rail.zh.srt', content: ZH_SRT }, translation: { name: 'rail.en.srt', content: EN_SRT } });
    const res = await fetch(`${server.url}/api/documents/${id}/translation`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.headers.get('content-disposition')).toContain('filename="rail.en.srt"');
    expect(await server.value('SELECT title FROM documents WHERE id = ?', [id])).toBe('rail');
  });
});

describe('a gloss draft of a question and its answer', () => {
  it('when 答 is glossed then the draft has its meaning, not the dictionary\'s note on its other reading', async () => {
    const { documentId, pairIds } = await storeDocument(server.store, '问答', ['问：能否处理？答：可以。']);
    const res = await fetch(`${server.url}/api/documents/${documentId}/machine-translate`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(await res.json()).toEqual({ translated: 1, engine: 'gloss' });
    const draft = await server.value<string>('SELECT tgt_text FROM pairs WHERE id = ?', [pairIds[0]]);
    expect(draft).not.toMatch(/bound form|free word/);
    expect(draft).toMatch(/answer/i);
  });
});

describe('a notice in GB18030', () => {
  it('when its lines are labelled 地点：… then their English "Venue: …" is not a sentence fragment, while a verbless sentence still is', async () => {
    const id = await imported({
      source: { name: 'notice.txt', content: iconv.encode('地点：三楼会议室。联系人：张先生。会议将讨论明年的预算。', 'gb18030') },
      translation: { name: 'notice.en.txt', content: 'Venue: third-floor meeting room. Contact: Mr. Zhang. The budget for next year at the meeting.' },
    });
    expect((await flaggedRows(id, 'fragment')).map((row) => /<td class="tgt[^>]*>([\s\S]*?)<ul/.exec(row)?.[1]?.replace(/<[^>]+>/g, '').trim()))
      .toEqual(['The budget for next year at the meeting.']);
  });
});

describe('the post-editing line of a document no one has worked on', () => {
  it('when nothing is post-edited yet then it says so, not "0 of 0 … (0%), mean HTER 0.00"', async () => {
    const id = await imported({ source: { name: 'rail.zh.srt', content: ZH_SRT }, translation: { name: 'rail.en.srt', content: EN_SRT } });
    const line = async (lang: string) => {
      const c = new Client(server.url);
      await c.login('lin');
      c.cookies.set('duiqi_lang', lang);
      return /data-testid="effort"[^>]*>([^<]*)/.exec((await c.get(`/documents/${id}`)).text)![1];
    };
    expect(await line('en')).toBe('Post-editing: no pair has been post-edited yet.');
    expect(await line('zh-CN')).toBe('译后编辑：还没有译后编辑过的句对。');
  });
});
