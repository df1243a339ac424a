import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Client, type TestServer } from '../support/test-server.ts';
import { startSeededServer } from '../support/seed.ts';
import { storeDocument } from '../support/insert-document.ts';
import { documents } from '../../server/services/documents.ts';
import { postEditing } from '../../server/services/post-editing.ts';

let server: TestServer;
let tokens: Record<string, string>;
let doc: { documentId: number; pairIds: number[] };

const TEXTS = [
  { zh: '合作共赢。', en: 'Cooperation raises the level of trust.' },
  { zh: '双方交换了意见。', en: 'The level and level of views.' },
  { zh: '合作共赢。', en: 'Win-win cooperation.' },
  '合作共赢。',
  { zh: '𠮷野家开业。', en: 'Level 𠮷 opened.' },
  { zh: '会谈富有成果。', en: 'The talks reached a new level.' },
  { zh: '回溯。', en: `${'a'.repeat(32)}!` },
];
/** The English of each row as stored: the untranslated row has none. */
const EN = TEXTS.map((t) => (typeof t === 'string' ? '' : t.en));

type Change = { pairId: number; row: number; version: number; oldText: string; newText: string; matches: number };
type Answer = { status: number; body: Record<string, unknown> & { message?: string } };

/** JSON as `who`, in the reader's language `lang`. */
async function api(who: string, method: string, url: string, json?: unknown, lang = 'en'): Promise<Answer> {
  const res = await fetch(server.url + url, {
    method, headers: { authorization: `Bearer ${tokens[who]}`, 'accept-language': lang, ...(json ? { 'content-type': 'application/json' } : {}) },
    body: json ? JSON.stringify(json) : undefined,
  });
  return { status: res.status, body: await res.json() as Answer['body'] };
}

beforeAll(async () => {
  ({ server, tokens } = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer'], ['zhao', 'translator']]));
});
afterAll(() => server.close());

// Each case starts from its own copy of the document; row 5 is approved.
beforeEach(async () => {
  doc = await storeDocument(server.store, '查找替换', TEXTS);
  expect((await api('wang', 'POST', `/api/pairs/${doc.pairIds[5]}/review`, { decision: 'approve', version: 1 })).status).toBe(200);
});

const rows = async () => documents(server.store).pairs(doc.documentId);
const texts = async () => (await rows()).map((p) => p.tgt);
const base = () => `/api/documents/${doc.documentId}`;
const preview = async (body: Record<string, unknown>, lang?: string) => {
  const res = await api('lin', 'POST', `${base()}/replace/preview`, body, lang);
  return { ...res, changes: (res.body.changes ?? []) as Change[] };
};
const seen = (changes: { pairId: number; version: number }[]) => changes.map(({ pairId, version }) => ({ pairId, version }));

describe('previewing a replacement', () => {
  it('when the search is plain then every affected row is listed old → new, approved rows left and counted', async () => {
    const { status, changes, body } = await preview({ find: 'level', replace: 'degree' });
    expect(status).toBe(200);
    expect(changes.map((c) => [c.row, c.oldText, c.newText, c.matches])).toEqual([
      [0, EN[0], 'Cooperation raises the degree of trust.', 1], [1, EN[1], 'The degree and degree of views.', 2],
      [4, 'Level 𠮷 opened.', 'degree 𠮷 opened.', 1]]);
    expect(body.approvedLeft).toBe(1);
    expect((await texts())[0]).toBe(EN[0]);
    const emptied = await preview({ find: '^.*$', replace: ' ', regex: true }, 'zh-CN');
    expect((emptied.body.refused as { row: number; message: string }[])[0]).toEqual({ row: 0, reason: 'safeEditing.emptySave', message: expect.stringMatching(/[\u4e00-\u9fff]/) });
    const cased = await preview({ find: 'level', replace: 'degree', matchCase: true, includeApproved: true });
    expect(cased.changes.map((c) => c.row)).toEqual([0, 1, 5]);
  });

  it('when the Chinese side is searched then the rows are found, untranslated ones too (test/http/source-replace.test.ts applies it)', async () => {
    const { changes } = await preview({ find: '合作', side: 'zh' });
    expect(changes.map((c) => [c.row, c.newText])).toEqual([[0, '共赢。'], [2, '共赢。'], [3, '共赢。']]);
  });

  it('when the regular expression is bad or backtracks without end then 400 with a sentence in the reader\'s language', async () => {
    const bad = await preview({ find: '(level', regex: true });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/^This regular expression is not valid: .*Unterminated group/);
    const zh = await preview({ find: '(level', regex: true }, 'zh-CN');
    expect(zh.status).toBe(400);
    expect(zh.body.message).toMatch(/^这个正则表达式无效：/);

    const started = Date.now();
    const slow = await preview({ find: '(a+)+$', replace: 'x', regex: true }, 'zh-CN');
    expect(slow.status).toBe(400);
    expect(slow.body.message).toMatch(/^查找超过 1000 毫秒，已停止/);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect((await preview({ find: 'talks', replace: 'meeting', includeApproved: true })).changes).toHaveLength(1);
  });
});

describe('a pattern that backtracks without end', () => {
  it('when it runs for its whole second then /healthz is answered all the while, on either side', async () => {
    const own = await storeDocument(server.store, '回溯', [{ zh: `${'啊'.repeat(32)}。`, en: `${'a'.repeat(32)}!` }]);
    for (const [side, find] of [['en', '(a+)+$'], ['zh', '(啊+)+$']] as const) {
      // The server runs in this process: had the match held the event loop, no request (nor this loop) could have run
      // for a second. So the moments the search began, each /healthz answered before it ended, and its end follow each
      // other closely; a gap as long as the search's deadline would be the match blocking everyone.
      const moments = [performance.now()];
      let ended = false;
      const search = api('lin', 'POST', `/api/documents/${own.documentId}/replace/preview`, { find, replace: 'x', regex: true, side })
        .finally(() => { ended = true; });
      let answered = 0;
      while (!ended) {
        const health = await fetch(`${server.url}/healthz`);
        expect(health.status).toBe(200);
        if (ended) break;
        answered++;
        moments.push(performance.now());
      }
      const slow = await search;
      moments.push(performance.now());
      expect(slow.status, side).toBe(400);
      expect(slow.body.message, side).toBe('The search took longer than 1000 ms and was stopped: simplify the regular expression.');
      expect(answered, side).toBeGreaterThan(0);
      const longestGap = Math.max(...moments.slice(1).map((m, i) => m - moments[i]!));
      expect(longestGap, side).toBeLessThan(1000);
    }
  }, 60_000);
});

describe('applying and undoing a replacement', () => {
  it('when the previewed rows are applied then each is a save by the user, and one undo puts every row back', async () => {
    const { changes } = await preview({ find: 'level', replace: 'degree' });
    const applied = await api('lin', 'POST', `${base()}/replace`, { find: 'level', replace: 'degree', rows: seen(changes) });
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ applied: [0, 1, 4], stale: [] });
    const after = await rows();
    expect(after.map((p) => [p.tgt, p.state])).toEqual([
      ['Cooperation raises the degree of trust.', 20], ['The degree and degree of views.', 20], [EN[2], 10], ['', 0],
      ['degree 𠮷 opened.', 20], [EN[5], 30], [EN[6], 10]]);
    const history = await postEditing(server.store).history(doc.pairIds[1]!);
    expect(history[0]).toMatchObject({ action: 'save', batch: 'replace', author: 'lin', oldText: EN[1], newText: 'The degree and degree of views.', newState: 20 });

    // Another translator may not undo lin's change; lin may, once.
    const batch = applied.body.batchId as number;
    expect((await api('zhao', 'POST', `${base()}/batches/${batch}/undo`)).status).toBe(403);
    const undone = await api('lin', 'POST', `${base()}/batches/${batch}/undo`);
    expect(undone.status).toBe(200);
    expect(undone.body).toMatchObject({ reverted: [0, 1, 4], changedSince: [] });
    expect((await rows()).map((p) => [p.tgt, p.state])).toEqual(EN.map((en, i) => [en, i === 5 ? 30 : en ? 10 : 0]));
    expect((await postEditing(server.store).history(doc.pairIds[1]!))[0]).toMatchObject({ action: 'restore', batch: 'undo', author: 'lin', newText: EN[1], newState: 10 });
    const again = await api('lin', 'POST', `${base()}/batches/${batch}/undo`, undefined, 'zh-CN');
    expect(again.status).toBe(409);
    expect(again.body.message).toBe('这项修改已经撤销过了。');
  });

  it('when a row changed after the preview then it is left and named, and the others are applied', async () => {
    const { changes } = await preview({ find: 'level', replace: 'degree' });
    expect((await api('zhao', 'PUT', `/api/pairs/${doc.pairIds[1]}`, { tgt: 'Views on the level were exchanged.', version: 1 })).status).toBe(200);
    const applied = await api('lin', 'POST', `${base()}/replace`, { find: 'level', replace: 'degree', rows: seen(changes) });
    expect(applied.body).toMatchObject({ applied: [0, 4], stale: [1] });
    expect((await texts())[1]).toBe('Views on the level were exchanged.');

    // Every row stale: 409, and nothing is recorded.
    const none = await api('lin', 'POST', `${base()}/replace`, { find: 'level', replace: 'degree', rows: seen(changes.filter((c) => c.row === 1)) });
    expect(none.status).toBe(409);
    // One row is named as one, in both languages: not 'rows 2'.
    expect(none.body.message).toBe('Row 2 changed since you saw it: look again and retry.');
    const noneZh = await api('lin', 'POST', `${base()}/replace`, { find: 'level', replace: 'degree', rows: seen(changes.filter((c) => c.row === 1)) }, 'zh-CN');
    expect(noneZh.body.message).toBe('第 2 行在您查看之后已被修改：请重新查看后再试。');
  });

  it('when a row of the batch is changed after it then the undo leaves that row and says so', async () => {
    const { changes } = await preview({ find: 'level', replace: 'degree', includeApproved: true });
    const applied = await api('lin', 'POST', `${base()}/replace`, { find: 'level', replace: 'degree', includeApproved: true, rows: seen(changes) });
    expect(applied.body).toMatchObject({ applied: [0, 1, 4, 5] });
    expect((await rows())[5]!.state).toBe(20);
    const row0 = (await rows())[0]!;
    expect((await api('zhao', 'PUT', `/api/pairs/${row0.id}`, { tgt: 'Zhao rewrote this.', version: row0.version })).status).toBe(200);
    const undone = await api('lin', 'POST', `${base()}/batches/${applied.body.batchId}/undo`);
    expect(undone.body).toMatchObject({ reverted: [1, 4, 5], changedSince: [0] });
    const after = await rows();
    expect(after.map((p) => p.tgt)).toEqual(['Zhao rewrote this.', EN[1], EN[2], '', EN[4], EN[5], EN[6]]);
    // The approval the replacement withdrew comes back with the text.
    expect(after[5]!.state).toBe(30);
  });
});

describe('undoing a replacement whose rows are gone', () => {
  it('when the alignment took the rows away since then the undo says the rows are gone, not "rows " with none named', async () => {
    const { changes } = await preview({ find: 'level and level', replace: 'level' });
    const applied = await api('lin', 'POST', `${base()}/replace`, { find: 'level and level', replace: 'level', rows: seen(changes) });
    expect(applied.body).toMatchObject({ applied: [1] });
    // Row 1 merged into row 0: the pair the replacement changed is no longer in the document.
    const { version } = (await api('lin', 'GET', `${base()}/alignment`)).body as { version: number };
    expect((await api('lin', 'POST', `${base()}/alignment/ops`, { version, op: { kind: 'merge', row: 0 } })).status).toBe(200);
    expect((await rows()).map((p) => p.id)).not.toContain(doc.pairIds[1]);
    const undone = await api('lin', 'POST', `${base()}/batches/${applied.body.batchId}/undo`);
    expect(undone.status).toBe(409);
    expect(undone.body.message).toBe('The rows of this change are no longer in the document (its alignment changed since); nothing was undone.');
    const zh = await api('lin', 'POST', `${base()}/batches/${applied.body.batchId}/undo`, undefined, 'zh-CN');
    expect(zh.body.message).toBe('这项修改涉及的行已不在文档中（此后对齐已更改），没有撤销任何内容。');
  });
});

describe('propagating a saved translation', () => {
  it('when a sentence with repeats is saved then its translation goes to them as one batch, undone as one', async () => {
    expect((await api('lin', 'PUT', `/api/pairs/${doc.pairIds[0]}`, { tgt: 'Cooperation for mutual benefit.', version: 1 })).status).toBe(200);
    const offer = await api('lin', 'GET', `/api/pairs/${doc.pairIds[0]}/repeats`);
    expect(offer.body).toMatchObject({ version: 2, approvedLeft: 0 });
    expect((offer.body.rows as { row: number }[]).map((r) => r.row)).toEqual([2, 3]);

    const done = await api('lin', 'POST', `/api/pairs/${doc.pairIds[0]}/propagate`, { version: 2, rows: offer.body.rows });
    expect(done.body).toMatchObject({ applied: [2, 3], stale: [] });
    expect((await rows()).slice(0, 4).map((p) => [p.tgt, p.state])).toEqual([
      ['Cooperation for mutual benefit.', 20], [EN[1], 10], ['Cooperation for mutual benefit.', 20], ['Cooperation for mutual benefit.', 20]]);
    const undone = await api('lin', 'POST', `${base()}/batches/${done.body.batchId}/undo`);
    expect(undone.body).toMatchObject({ reverted: [2, 3] });
    expect((await rows()).slice(2, 4).map((p) => [p.tgt, p.state])).toEqual([[EN[2], 10], ['', 0]]);
    expect((await postEditing(server.store).history(doc.pairIds[3]!))[0]).toMatchObject({ action: 'clear', batch: 'undo', newText: '', newState: 0 });
    expect((await postEditing(server.store).history(doc.pairIds[3]!))[1]).toMatchObject({ action: 'save', batch: 'propagate', author: 'lin' });
  });

  it('when the saved pair changed since the offer then 409, and a repeat changed since is left', async () => {
    expect((await api('lin', 'PUT', `/api/pairs/${doc.pairIds[0]}`, { tgt: 'Mutual benefit.', version: 1 })).status).toBe(200);
    const offer = await api('lin', 'GET', `/api/pairs/${doc.pairIds[0]}/repeats`);
    expect((await api('lin', 'POST', `/api/pairs/${doc.pairIds[0]}/propagate`, { version: 1, rows: offer.body.rows })).status).toBe(409);
    expect((await api('zhao', 'PUT', `/api/pairs/${doc.pairIds[2]}`, { tgt: 'Zhao’s own.', version: 1 })).status).toBe(200);
    const done = await api('lin', 'POST', `/api/pairs/${doc.pairIds[0]}/propagate`, { version: 2, rows: offer.body.rows });
    expect(done.body).toMatchObject({ applied: [3], stale: [2] });
    expect((await texts())[2]).toBe('Zhao’s own.');
  });
});

describe('the document page', () => {
  it('when a matched row\'s English has line breaks then the preview shows its lines, and a line break replaced as ↵', async () => {
    expect((await api('lin', 'PUT', `/api/pairs/${doc.pairIds[0]}`, { tgt: 'Cooperation raises\nthe level of trust.', version: 1 })).status).toBe(200);
    const lin = new Client(server.url);
    await lin.login('lin');
    await lin.get(`/documents/${doc.documentId}`);
    const post = (form: Record<string, string>) =>
      lin.request('POST', `/documents/${doc.documentId}/replace/preview`, { form, headers: { 'hx-request': 'true', 'x-csrf-token': lin.csrf } });
    const cells = (text: string) => [...text.matchAll(/<td lang="en" hx-ignore>(.*?)<\/td>/gs)].map((m) => m[1]);
    // Texts on their lines, in the element that keeps them (white-space: pre-line), as the history's diff shows them.
    const plain = await post({ find: 'trust', replace: 'confidence', side: 'en' });
    expect(cells(plain.text)).toEqual([
      '<span class="diff">Cooperation raises\nthe level of <del>trust</del>.</span>',
      '<span class="diff">Cooperation raises\nthe level of <ins>confidence</ins>.</span>',
    ]);
    const joined = await post({ find: 'raises\\n', replace: 'raises ', side: 'en', regex: '1' });
    expect(cells(joined.text)[0]).toMatch(/^<span class="diff">Cooperation <del>[^<]*<span class="break-mark">↵<\/span>\n<\/del>/);
    expect(cells(joined.text)[1]).toMatch(/^<span class="diff">Cooperation (<ins>)?raises (<\/ins>)?the level of trust\.<\/span>$/);
  });

  it('when a translator previews, applies and undoes in Chinese then the fragments say so and offer the undo after a reload', async () => {
    const lin = new Client(server.url);
    const zh = { 'accept-language': 'zh-CN' };
    await lin.login('lin', undefined, zh);
    const page = await lin.get(`/documents/${doc.documentId}`, zh);
    expect(page.text).toContain('data-testid="replace-panel"');
    const post = (url: string, form: Record<string, string>) =>
      lin.request('POST', url, { form, headers: { ...zh, 'hx-request': 'true', 'x-csrf-token': lin.csrf } });

    const shown = await post(`/documents/${doc.documentId}/replace/preview`, { find: 'level', replace: 'degree', side: 'en' });
    expect(shown.status).toBe(200);
    expect(shown.text).toContain('将修改 3 行（4 处匹配）');
    expect(shown.text).toContain('<del>level</del>');
    expect(shown.text).toContain('<ins>degree</ins>');
    expect(shown.text).toContain('有 1 个已审定的行匹配');
    const rowsField = /name="rows" value="([^"]+)"/.exec(shown.text)![1]!;

    const bad = await post(`/documents/${doc.documentId}/replace/preview`, { find: '[', regex: '1' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('这个正则表达式无效');

    const applied = await post(`/documents/${doc.documentId}/replace`, { find: 'level', replace: 'degree', side: 'en', rows: rowsField });
    expect(applied.status).toBe(200);
    expect(applied.headers.get('hx-trigger')).toContain('pair-changed');
    expect(applied.text).toContain('已在 3 行中替换（第 1、2、5 行）');
    const undoUrl = /hx-post="([^"]+\/undo)"/.exec(applied.text)![1]!;

    const last = await lin.get(`/documents/${doc.documentId}/batches/last`, zh);
    expect(last.text).toContain(undoUrl);
    expect(last.text).toContain('在 3 行中把“<span translate="no">level</span>”替换为“<span translate="no">degree</span>”');
    const undone = await post(undoUrl, {});
    expect(undone.text).toContain('已撤销：3 行已恢复原样');
    expect((await lin.get(`/documents/${doc.documentId}/batches/last`, zh)).text).not.toContain('/undo');
  });

  it('when one row holds two matches then the preview counts one row and two matches, in English and in Chinese', async () => {
    const lin = new Client(server.url);
    await lin.login('lin');
    await lin.get(`/documents/${doc.documentId}`);
    const preview = async (form: Record<string, string>, lang: string) => (await lin.request('POST', `/documents/${doc.documentId}/replace/preview`,
      { form, headers: { 'accept-language': lang, 'hx-request': 'true', 'x-csrf-token': lin.csrf } })).text;
    const twice = { find: 'level(?= and| of views)', replace: 'degree', regex: '1', side: 'en' };
    expect(await preview(twice, 'en')).toContain('1 row will change (2 matches):');
    expect(await preview({ ...twice, find: 'level and level' }, 'en')).toContain('1 row will change (1 match):');
    expect(await preview({ find: 'level', replace: 'degree', side: 'en' }, 'en')).toContain('3 rows will change (4 matches):');
    expect(await preview({ find: '合作', replace: '协作', side: 'zh' }, 'en')).toContain('The Chinese of 3 rows will change (3 matches):');
    expect(await preview({ find: '[交换]', replace: '互', regex: '1', side: 'zh' }, 'en')).toContain('The Chinese of 1 row will change (2 matches):');
    expect(await preview(twice, 'zh-CN')).toContain('将修改 1 行（2 处匹配）：');
  });

  it('when a row is saved from its editor then it offers the translation to its repeats, and the offer applies it', async () => {
    const lin = new Client(server.url);
    await lin.login('lin');
    await lin.get(`/documents/${doc.documentId}`);
    const headers = { 'hx-request': 'true', 'x-csrf-token': lin.csrf };
    const saved = await lin.request('POST', `/documents/${doc.documentId}/pairs/${doc.pairIds[2]}/save`, { form: { tgt: 'Cooperation for mutual benefit.', version: '1' }, headers });
    expect(saved.status).toBe(200);
    const slot = /hx-get="([^"]+\/repeats)"/.exec(saved.text)![1]!;
    const offer = await lin.get(slot, headers);
    expect(offer.text).toContain('The same Chinese is in 2 other rows (1, 4).');
    const form = Object.fromEntries([...offer.text.matchAll(/name="(\w+)" value="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
    const done = await lin.request('POST', `/documents/${doc.documentId}/pairs/${doc.pairIds[2]}/propagate`, { form, headers });
    expect(done.text).toContain('The translation was applied to 2 more rows (rows 1, 4).');
    expect((await texts()).slice(0, 4)).toEqual(['Cooperation for mutual benefit.', EN[1], 'Cooperation for mutual benefit.', 'Cooperation for mutual benefit.']);
    const history = await lin.get(`/documents/${doc.documentId}/pairs/${doc.pairIds[3]}/history`, headers);
    expect(history.text).toContain('The translation of a repeat of this sentence, applied here too.');
  });
});
