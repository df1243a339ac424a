// The charts page after a scripted history (a realign, two translators, a reviewer, a merge, at known times), in
// both languages, checked against what is stored, with no Content-Security-Policy violation in the console.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import type { BrowserContext, Page } from 'playwright-core';
import { addUser, browserUnavailable, createToken, launchBrowser, login, screenshotPath } from '../support/browser.ts';
import { startWorkbench, type Workbench } from '../support/start-workbench.ts';
import { hter } from '../../server/domain/edit-distance.ts';
import type { PairView } from '../../server/services/documents.ts';

const skip = browserUnavailable();

const DOC = 1;
const T0 = Date.parse('2026-11-30T08:00:00Z');
const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();

interface AlignmentRow { src: unknown[]; tgt: unknown[]; score: number | null; state: number }

describe.skipIf(skip)('the charts of a document, in a real browser', () => {
  let wb: Workbench;
  let context: BrowserContext;
  let page: Page;
  let tokens: Record<string, string>;
  const problems: string[] = [];
  /** Who the script had write each pair's English, by pair id. */
  const writer = new Map<number, string>();
  let mergedRow = -1;

  async function api<T>(who: string, method: string, url: string, body?: unknown): Promise<T> {
    const res = await fetch(wb.url + url, {
      method, headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`);
    return res.json() as Promise<T>;
  }
  const pairs = () => api<PairView[]>('admin', 'GET', `/api/documents/${DOC}/pairs`);
  const alignment = () => api<{ version: number; rows: AlignmentRow[] }>('admin', 'GET', `/api/documents/${DOC}/alignment`);
  const alignOp = async (op: unknown) => api('admin', 'POST', `/api/documents/${DOC}/alignment/ops`, { version: (await alignment()).version, op });

  async function scriptHistory(): Promise<void> {
    await alignOp({ kind: 'realign' });
    const machine = (await pairs()).filter((p) => !p.noise && p.state === 10 && p.mt);
    const [a, b, c, d, e] = machine;
    const save = async (who: string, p: PairView, tgt: string) => {
      await api(who, 'PUT', `/api/pairs/${p.id}`, { tgt, version: p.version });
      writer.set(p.id, who);
      p.version++;
    };
    await save('lin', a!, `Indeed, ${a!.tgt}`);
    await save('lin', b!, b!.tgt.replace(/\.$/, ' as well.'));
    await api('lin', 'POST', `/api/pairs/${c!.id}/confirm`, { version: c!.version++ });
    writer.set(c!.id, 'lin');
    await save('mei', d!, d!.tgt.replace(/^\S+ \S+/, 'On the whole'));
    await save('mei', e!, `${e!.tgt} That is all.`);
    for (const p of [a!, c!, d!]) await api('wang', 'POST', `/api/pairs/${p.id}/review`, { decision: 'approve', version: p.version++ });
    await api('wang', 'POST', `/api/pairs/${b!.id}/review`, { decision: 'reject', version: b!.version++, comment: 'Say it once.' });
    // A merge of two untouched 1:1 rows near the end: a 2:2 bead.
    const rows = (await alignment()).rows;
    mergedRow = rows.findLastIndex((r, k) => k + 1 < rows.length && [r, rows[k + 1]!].every((x) => x.src.length === 1 && x.tgt.length === 1 && x.state === 10));
    await alignOp({ kind: 'merge', row: mergedRow });
    // Known times: the document imported at 08:00 UTC, its revisions an hour apart from 09:00.
    const db = new Database(wb.dbFile);
    try {
      db.prepare('UPDATE documents SET created_at = ? WHERE id = ?').run(iso(T0), DOC);
      const ids = db.prepare('SELECT id FROM revisions WHERE document_id = ? ORDER BY id').pluck().all(DOC) as number[];
      const set = db.prepare('UPDATE revisions SET created_at = ? WHERE id = ?');
      ids.forEach((id, k) => set.run(iso(T0 + (k + 1) * HOUR), id));
    } finally {
      db.close();
    }
  }

  function stored() {
    const db = new Database(wb.dbFile, { readonly: true });
    try {
      const count = (where: string) => db.prepare(`SELECT count(*) FROM pairs WHERE document_id = ? AND noise = 0 AND ${where}`).pluck().get(DOC) as number;
      const texts = db.prepare('SELECT mt_text AS mt, tgt_text AS tgt FROM pairs WHERE id = ?');
      const byWriter = new Map<string, number[]>();
      for (const [id, who] of writer) {
        const t = texts.get(id) as { mt: string; tgt: string };
        byWriter.set(who, [...(byWriter.get(who) ?? []), hter(t.mt, t.tgt, 'en').value]);
      }
      const changes = db.prepare('SELECT created_at FROM revisions WHERE document_id = ? AND old_state IS NOT new_state ORDER BY created_at').pluck().all(DOC) as string[];
      return { beads: count('1'), done: count('state IN (20, 30)'), approved: count('state = 30'), byWriter, changes };
    } finally {
      db.close();
    }
  }

  const attr = (selector: string, name: string) => page.locator(selector).getAttribute(name);
  const sumOf = async (selector: string) => (await page.locator(selector).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))))).reduce((n, c) => n + c, 0);
  const burnUpRows = () => page.locator('#chart-burnup table.chart-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent!.trim())));

  beforeAll(async () => {
    wb = await startWorkbench({ DUIQI_ADMIN_PASSWORD: 'admin-password' });
    for (const [name, role] of [['lin', 'translator'], ['mei', 'translator'], ['wang', 'reviewer']] as const) addUser(wb.dbFile, name, role);
    tokens = Object.fromEntries(['admin', 'lin', 'mei', 'wang'].map((name) => [name, createToken(wb.dbFile, name)]));
    await scriptHistory();
    context = await launchBrowser();
    page = await context.newPage();
    page.on('console', (m) => {
      // The browser asks for /favicon.ico, which the workbench does not have: not a problem of these pages.
      if (m.location().url.endsWith('/favicon.ico')) return;
      if (m.type() === 'error' || /Content.Security.Policy/i.test(m.text())) problems.push(`${m.text()} (${m.location().url})`);
    });
    page.on('pageerror', (e) => problems.push(String(e)));
    // Chromium also reports each violation as an event; make it a console error the listener above hears.
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`)));
    await login(page, wb.url, 'wang');
  }, 180_000);
  afterAll(async () => {
    await context?.close();
    await wb?.stop();
  });

  it('when the reviewer opens Charts from the document page then every chart shows the stored figures', async () => {
    await page.goto(`${wb.url}/documents/${DOC}`);
    const progress = async (state: string) => Number(await attr(`#progress rect[data-state=${state}]`, 'data-count'));
    const shown = { approved: await progress('approved'), translated: await progress('translated') };
    await page.click('[data-testid=charts-link]');
    await page.waitForURL(`**/documents/${DOC}/charts`);
    const s = stored();
    const rows = (await alignment()).rows;

    // Burn-up: the last point is today's counts, as the progress bar and the database have them; the history is dated.
    expect(s.done).toBe(shown.translated + shown.approved);
    expect(await attr('[data-testid=burnup-last]', 'data-done')).toBe(String(s.done));
    expect(await attr('[data-testid=burnup-last]', 'data-approved')).toBe(String(s.approved));
    expect(await attr('[data-testid=burnup-scope]', 'data-count')).toBe(String(s.beads));
    const table = await burnUpRows();
    expect(table[0]).toEqual(['Nov 30, 08:00', '0', '0']);
    expect(table).toHaveLength(s.changes.length + 1);
    expect(table.at(-1)).toEqual([new Intl.DateTimeFormat('en', { timeZone: 'UTC', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .format(Date.parse(s.changes.at(-1)!)), String(s.done), String(s.approved)]);

    // HTER per translator: one bar each, its mean the mean of the stored texts' HTER.
    expect(await page.locator('[data-testid=hter-bar]').count()).toBe(s.byWriter.size);
    for (const [who, values] of s.byWriter) {
      const bar = `[data-testid=hter-bar][data-author=${who}]`;
      expect(await attr(bar, 'data-pairs')).toBe(String(values.length));
      expect(await attr(bar, 'data-hter')).toBe((values.reduce((x, y) => x + y, 0) / values.length).toFixed(4));
    }
    expect(Number(await attr('[data-testid=hter-bar][data-author=lin]', 'data-hter'))).toBeGreaterThan(0);

    // Alignment path: one mark per bead, the beads that are not 1:1 outlined, the merged row among them.
    expect(rows).toHaveLength(s.beads);
    expect(await page.locator('rect[data-testid=bead]').count()).toBe(s.beads);
    const odd = rows.filter((r) => r.src.length !== 1 || r.tgt.length !== 1).length;
    expect(odd).toBeGreaterThan(1);
    expect(await page.locator('rect[data-testid=bead].odd').count()).toBe(odd);
    expect(await attr(`rect[data-testid=bead][data-row="${mergedRow + 1}"]`, 'data-shape')).toBe('2:2');
    expect(await attr(`rect[data-testid=bead][data-row="${mergedRow + 1}"]`, 'class')).toContain('odd');

    // Histogram: the counts sum to the beads, the unscored ones apart.
    expect(await sumOf('[data-testid=histogram-bar]')).toBe(s.beads);
    const unscored = rows.filter((r) => r.score === null).length;
    expect(await sumOf('[data-testid=histogram-bar][data-from=""]')).toBe(unscored);

    // QA flags by kind: each bar counts the rows the document's QA filter finds.
    for (const bar of await page.locator('[data-testid=qa-bar]').all()) {
      const code = await bar.getAttribute('data-code');
      const fragment = await (await page.request.get(`${wb.url}/documents/${DOC}/rows?qa=${code}`)).text();
      expect(await bar.getAttribute('data-count'), code!).toBe(String(fragment.match(/<tr class="pair\b/g)?.length ?? 0));
    }

    // Each picture names itself and has its figures as a table.
    for (const chart of await page.locator('figure.chart').all()) {
      expect(await chart.locator('svg > title').textContent()).toBeTruthy();
      expect(await chart.locator('svg > desc').textContent()).toBeTruthy();
      expect(await chart.locator('table.chart-table').count()).toBe(1);
    }
    expect(await page.locator('figure.chart').count()).toBe(5);
    expect(problems).toEqual([]);
  });

  it('when the interface is switched to Chinese then the charts speak Chinese and date the history the Chinese way', async () => {
    await page.click('[data-testid=lang-switch]');
    await expect.poll(() => page.locator('h1').textContent()).toContain('图表');
    expect(await page.locator('#chart-path .axis-title').allTextContents()).toEqual(['中文句子', '英文句子']);
    expect((await burnUpRows())[0]).toEqual(['11月30日 08:00', '0', '0']);
    expect(await page.locator('#chart-qa .axis-y text').allTextContents()).toContain('重复词语');
    expect(await page.locator('rect[data-testid=bead]').count()).toBe(stored().beads);
    await page.screenshot({ path: screenshotPath('charts.png'), fullPage: true });
    expect(problems).toEqual([]);
  });
});
