// Script and htmx payloads stored in every field a user can write, then every page and fragment parsed as a browser would.
import { parse, parseFragment, type DefaultTreeAdapterMap } from 'parse5';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accounts } from '../../server/services/accounts.ts';
import { translationMemory } from '../../server/services/translation-memory.ts';
import { glossary } from '../../server/services/glossary.ts';
import { importTextDocument } from '../../server/services/import-document.ts';
import { defaultAligner } from '../../server/services/workbench.ts';
import { documents } from '../../server/services/documents.ts';
import { addUser, Client, startTestServer, type TestServer } from '../support/test-server.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

const PAYLOADS = [
  `<img src=x onerror="alert('xss-img')">`,
  `"><div hx-get="/logout" hx-trigger="load" id="xss-htmx">`,
  `{{constructor.constructor('alert("xss-template")')()}}`,
  `<script>alert('xss-script')</script>`,
  `'><svg onload=alert('xss-svg')>`,
];
const EVIL = PAYLOADS.join(' 与 ');

/** Rows are swapped into a <tbody> by htmx, so a fragment of rows is parsed in that context, as the browser does. */
function parseLikeHtmx(html: string): Node {
  if (/^\s*<!doctype/i.test(html)) return parse(html) as unknown as Node;
  const table = parse('<table><tbody></tbody></table>');
  const find = (n: Node): Element | undefined => ('tagName' in n && n.tagName === 'tbody' ? n as Element
    : ('childNodes' in n ? n.childNodes.map((c) => find(c as Node)).find(Boolean) : undefined));
  const context = /^\s*<tr/i.test(html) ? find(table as unknown as Node) : undefined;
  return (context ? parseFragment(context as DefaultTreeAdapterMap['parentNode'], html, {}) : parseFragment(html)) as unknown as Node;
}

/** What must never appear: elements or attributes that came from stored text. */
function injected(html: string): string[] {
  const problems: string[] = [];
  const visit = (node: Node, disabled: boolean) => {
    if ('tagName' in node) {
      const el = node as Element;
      const attrs = el.attrs.map((a) => a.name);
      if (attrs.some((a) => a.startsWith('on'))) problems.push(`<${el.tagName}> with ${attrs.join(' ')}`);
      if (el.attrs.some((a) => a.name === 'id' && a.value.startsWith('xss'))) problems.push(`<${el.tagName} id=${el.attrs.find((a) => a.name === 'id')!.value}>`);
      if (el.tagName === 'img' && el.attrs.some((a) => a.name === 'src' && a.value === 'x')) problems.push('<img src=x>');
      if (el.tagName === 'svg' && !el.attrs.some((a) => a.name === 'class')) problems.push('<svg> from text');
      if (el.tagName === 'script' && el.childNodes.some((c) => 'value' in c && String(c.value).includes('xss'))) problems.push('<script> with stored text');
      disabled ||= attrs.includes('hx-ignore');
      const inert = ['textarea', 'title', 'option'].includes(el.tagName);
      for (const child of el.childNodes) {
        if ('value' in child && typeof child.value === 'string' && child.value.includes('xss') && !disabled && !inert) {
          problems.push(`stored text outside hx-ignore in <${el.tagName}>`);
        }
      }
    }
    const children = 'childNodes' in node ? node.childNodes : [];
    const content = 'content' in node ? [(node as { content: Node }).content] : [];
    for (const child of [...children, ...content]) visit(child as Node, disabled);
  };
  visit(parseLikeHtmx(html), false);
  return problems;
}

let server: TestServer;
let docId: number;
let pairId: number;
let client: Client;

beforeAll(async () => {
  server = await startTestServer();
  await addUser(server.store, 'wang', 'reviewer');
  const token = await accounts(server.store).createToken('wang');
  await glossary(server.store).add(await accounts(server.store).createUser('terms', 'reviewer', 'long enough pw'), `术语${PAYLOADS[0]}`, `term ${PAYLOADS[1]}`, `note ${PAYLOADS[2]}`);
  docId = await importTextDocument({ store: server.store, align: defaultAligner() }, {
    title: `标题 ${EVIL}`, createdBy: null,
    zh: { name: `zh${PAYLOADS[3]}.txt`, text: `习近平会见文在寅${PAYLOADS[0]}。双方交换了意见${PAYLOADS[1]}。` },
    en: { name: 'en.txt', text: `Xi Jinping met Moon Jae-in ${PAYLOADS[4]}. The two sides exchanged views ${PAYLOADS[2]}.` },
  });
  const pair = (await documents(server.store).pairs(docId))[0]!;
  pairId = pair.id;
  const headers = { authorization: `Bearer ${token}` };
  const c = new Client(server.url);
  await c.request('PUT', `/api/pairs/${pair.id}`, { json: { tgt: `Edited ${EVIL}`, version: pair.version }, headers });
  await c.request('POST', `/api/pairs/${pair.id}/review`, { json: { decision: 'reject', comment: `Comment ${EVIL}`, version: pair.version + 1 }, headers });
  // What an imported file claimed, and where a memory match came from, are shown too.
  server.db.prepare('UPDATE pairs SET imported_state = 30, imported_editor = ? WHERE id = ?').run(`rita ${EVIL}`, pair.id);
  await translationMemory(server.store).load([{ src: `习近平会见文在寅${PAYLOADS[0]}。`, tgt: `Memory ${PAYLOADS[1]}` }], `记忆库 ${EVIL}`);
  client = new Client(server.url);
  await client.login('wang');
  await client.get('/documents');
});
afterAll(() => server.close());

describe('stored payloads rendered', () => {
  const pages = () => [
    '/documents', `/documents/${docId}`, `/documents/${docId}/charts`, `/documents/${docId}/rows?q=${encodeURIComponent('xss')}`,
    `/documents/${docId}/rows?q=${encodeURIComponent(PAYLOADS[1]!)}`, `/documents/${docId}/pairs/${pairId}/row`,
    `/documents/${docId}/pairs/${pairId}/edit`, `/documents/${docId}/pairs/${pairId}/history`, '/glossary',
    `/login?next=${encodeURIComponent(PAYLOADS[1]!)}`, `/no-such-page/${encodeURIComponent(PAYLOADS[0]!)}`,
    `/documents/${encodeURIComponent(PAYLOADS[0]!)}`,
  ];

  it('when the pair is shown then its imported claim and the memory match with hostile names are on the page, as text', async () => {
    expect((await client.get(`/documents/${docId}/pairs/${pairId}/row`)).text).toContain('imported as approved by <span translate="no">rita ');
    expect((await client.get(`/documents/${docId}/pairs/${pairId}/edit`)).text).toContain('from the memory file “<span translate="no">记忆库');
  });

  it('when every page and fragment is parsed then no element, on* attribute or hx-* attribute came from stored text', async () => {
    for (const url of pages()) {
      for (const headers of [{}, { 'HX-Request': 'true' }] as Record<string, string>[]) {
        const res = await client.get(url, headers);
        expect(res.text.length, url).toBeGreaterThan(0);
        expect(injected(res.text), `${url} ${JSON.stringify(headers)}`).toEqual([]);
      }
    }
  });

  it('when the stored text is shown then it is shown as text, byte for byte', async () => {
    const res = await client.get(`/documents/${docId}/pairs/${pairId}/history`);
    const doc = parse(res.text);
    const text = JSON.stringify(doc, (k, v) => (k === 'parentNode' ? undefined : v));
    expect(text).toContain(JSON.stringify(`Comment ${EVIL}`).slice(1, -1));
  });

  it('when a user name carries markup then it is refused', async () => {
    await expect(accounts(server.store).createUser('<img src=x>', 'translator', 'long enough pw')).rejects.toThrow(/user name/);
  });

  it('when pages are served then the CSP forbids inline scripts and eval, and htmx is configured safe', async () => {
    const res = await client.get('/documents');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toContain('unsafe-inline');
    const config = /<meta name="htmx-config" content="([^"]+)"/.exec(res.text)![1]!.replace(/&quot;/g, '"').replace(/&#123;/g, '{').replace(/&#125;/g, '}');
    // htmx 4 has no allowEval/allowScriptTags/selfRequestsOnly: requests are same-origin by its fetch mode,
    // and the CSP above stops the inline scripts and eval it would otherwise run.
    expect(JSON.parse(config)).toMatchObject({ mode: 'same-origin' });
  });

  it('when search and replace shows the payloads then its preview, result and last change carry them as text only', async () => {
    const headers = { 'HX-Request': 'true', 'x-csrf-token': client.csrf };
    const form = { find: 'xss', replace: PAYLOADS[1]!, side: 'en' };
    const preview = await client.request('POST', `/documents/${docId}/replace/preview`, { form, headers });
    expect(preview.text).toContain('data-testid="replace-change"');
    expect(injected(preview.text)).toEqual([]);
    const rows = /name="rows" value="([^"]+)"/.exec(preview.text)![1]!;
    const applied = await client.request('POST', `/documents/${docId}/replace`, { form: { ...form, rows }, headers });
    expect(applied.text).toContain('data-testid="batch-result"');
    expect(injected(applied.text)).toEqual([]);
    const last = await client.get(`/documents/${docId}/batches/last`, headers);
    expect(last.text).toContain('data-testid="batch-last"');
    expect(injected(last.text)).toEqual([]);
    expect(injected((await client.get(`/documents/${docId}/pairs/${pairId}/history`, headers)).text)).toEqual([]);
  });
});
