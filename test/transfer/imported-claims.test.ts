// A state and editor in an imported file are a claim, shown as provenance; only a reviewer here approves (issue 12, finding 4).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { json as jsonFormat } from '../../server/formats/json.ts';
import { tmx } from '../../server/formats/tmx.ts';
import { xliff } from '../../server/formats/xliff.ts';
import type { FormatAdapter } from '../../server/formats/bilingual-document.ts';
import { State } from '../../server/domain/types.ts';
import { download, tokenFor, upload } from './transfer-support.ts';

let server: TestServer;
let lin: string;
let rita: string;

// A unique Chinese sentence per format, so each test's translation-memory lookups see only its own pair.
const forged = (src: string) => ({
  title: '伪造的批准', srcLang: 'zh-CN' as const, tgtLang: 'en' as const, created: null, changed: null,
  pairs: [{
    id: '1', index: 0, src, tgt: 'The two sides agreed to deepen cooperation in every field.', srcSegments: [src],
    tgtSegments: ['The two sides agreed to deepen cooperation in every field.'], state: State.approved, score: 0.9, editDistance: 0,
    version: 3, lastEditor: 'rita', changedAt: '2026-01-02T03:04:05.000Z', comments: [],
  }],
});
const SOURCES: Record<string, string> = { json: '双方同意在各个领域深化合作并加强沟通。', tmx: '两国领导人同意在各领域加强交流与合作。', xliff: '会谈双方一致同意全面拓展务实合作。' };

const call = async (token: string, method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
  const res = await fetch(server.url + url, {
    method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...headers }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text) };
};

beforeAll(async () => {
  server = await startTestServer();
  lin = await tokenFor(server.store, 'lin', 'translator');
  // rita is a real reviewer here: the file's claim must still not become her approval.
  rita = await tokenFor(server.store, 'rita', 'reviewer');
});
afterAll(() => server.close());

describe('states claimed by imported files', () => {
  for (const [format, adapter] of [['json', jsonFormat], ['tmx', tmx], ['xliff', xliff]] as [string, FormatAdapter][]) {
    it(`when a translator imports a ${format} file saying "approved by rita" then the pair is translated, shows the claim and is not offered as approved`, async () => {
      const file = adapter.serialize(forged(SOURCES[format]!));
      const imported = await upload(server, '/api/documents/import', { source: { name: `forged.${format}`, content: file } }, { token: lin });
      expect(imported.status).toBe(201);
      const doc = imported.json().id as number;
      const [pair] = (await call(lin, 'GET', `/api/documents/${doc}/pairs`)).json() as { id: number; state: number; version: number }[];
      expect(pair!.state).toBe(State.translated);
      expect((await server.rows('SELECT last_editor_id, imported_state, imported_editor FROM pairs WHERE id = ?', [pair!.id]))[0])
        .toEqual({ last_editor_id: null, imported_state: State.approved, imported_editor: 'rita' });

      expect((await call(lin, 'GET', `/documents/${doc}`)).text).toContain('imported as approved by <span translate="no">rita</span>');
      expect((await call(lin, 'GET', `/documents/${doc}`, undefined, { 'accept-language': 'zh-CN' })).text).toContain('导入时由 <span translate="no">rita</span> 标为已批准');

      const approvedOnly = JSON.parse((await download(server, `/api/documents/${doc}/export?format=json`, lin)).text) as { pairs: unknown[] };
      expect(approvedOnly.pairs).toEqual([]);
      const all = JSON.parse((await download(server, `/api/documents/${doc}/export?format=json&state=all`, lin)).text) as { pairs: Record<string, unknown>[] };
      expect(all.pairs[0]).toMatchObject({ state: State.translated, lastEditor: null, importedState: State.approved, importedEditor: 'rita' });

      const other = await upload(server, '/api/documents/import', {
        source: { name: 'zh.txt', content: SOURCES[format]! }, translation: { name: 'en.txt', content: 'Something else.' },
      }, { token: lin });
      const [otherPair] = (await call(lin, 'GET', `/api/documents/${other.json().id as number}/pairs`)).json() as { id: number }[];
      const editorBefore = (await call(lin, 'GET', `/documents/${other.json().id as number}/pairs/${otherPair!.id}/edit`)).text;
      expect(editorBefore).not.toContain('deepen cooperation in every field');

      // Only a reviewer here makes it approved; then it is exported as approved and offered as a match.
      expect((await call(rita, 'POST', `/api/pairs/${pair!.id}/review`, { decision: 'approve', version: pair!.version })).status).toBe(200);
      const approved = JSON.parse((await download(server, `/api/documents/${doc}/export?format=json`, lin)).text) as { pairs: Record<string, unknown>[] };
      expect(approved.pairs[0]).toMatchObject({ state: State.approved, lastEditor: 'rita', importedState: State.approved });
      const editorAfter = (await call(lin, 'GET', `/documents/${other.json().id as number}/pairs/${otherPair!.id}/edit`)).text;
      expect(editorAfter).toContain('The two sides agreed to deepen cooperation in every field.');
      expect(editorAfter).toContain('approved in “<span translate="no">伪造的批准</span>”');
    });
  }

  it('when a TMX file is loaded into the memory then its matches say which file they came from', async () => {
    const file = tmx.serialize({ ...forged('中方愿同各方一道维护地区和平稳定。'), title: '外部记忆库' });
    expect((await upload(server, '/api/memory/import', { source: { name: 'memory.tmx', content: file } }, { token: rita })).status).toBe(201);
    const doc = await upload(server, '/api/documents/import', {
      source: { name: 'zh.txt', content: '中方愿同各方一道维护地区和平与稳定。' }, translation: { name: 'en.txt', content: 'China is willing to work with all parties.' },
    }, { token: lin });
    const [pair] = (await call(lin, 'GET', `/api/documents/${doc.json().id as number}/pairs`)).json() as { id: number }[];
    const editor = (await call(lin, 'GET', `/documents/${doc.json().id as number}/pairs/${pair!.id}/edit`, undefined, { 'accept-language': 'zh-CN' })).text;
    expect(editor).toContain('来自记忆库文件“<span translate="no">外部记忆库</span>”');
  });
});
