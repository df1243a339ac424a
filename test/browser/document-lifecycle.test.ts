// Managing documents in Chromium: a deleted document is found in the trash and restored with its pairs; a
// document is renamed and archived from the list; the list is searched and sorted as one types, in the URL.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, closeWorkbench, login, openWorkbench } from '../support/browser.ts';
import { ROOT, type Workbench } from '../support/start-workbench.ts';
import { tempDir } from '../support/test-server.ts';

const skip = browserUnavailable();

/** Imports a small document into the running workbench's database with the command line. */
function importDocument(dbFile: string, title: string): Promise<number> {
  const dir = tempDir('duiqi-lifecycle-');
  fs.writeFileSync(path.join(dir, 'zh.txt'), '我们今天开会。');
  fs.writeFileSync(path.join(dir, 'en.txt'), 'We meet today.');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [path.join(ROOT, 'bin/duiqi.js'), 'import', path.join(dir, 'zh.txt'), path.join(dir, 'en.txt'), '--title', title], {
      cwd: ROOT, env: { ...process.env, DUIQI_DB: dbFile }, encoding: 'utf8',
    }, (error, stdout, stderr) => (error ? reject(new Error(stderr)) : resolve(Number(stdout.trim()))));
  });
}

describe.skipIf(skip)('managing documents in the browser', () => {
  let wb: Workbench;
  let context: BrowserContext;
  let page: Page;
  let demo: number;

  beforeAll(async () => {
    ({ wb, context, page } = await openWorkbench([['root', 'admin']]));
    await login(page, wb.url, 'root');
    demo = Number(await page.locator('table.documents tbody tr').first().getAttribute('data-testid').then((t) => t!.replace('document-', '')));
  });
  afterAll(() => closeWorkbench({ wb, context }));

  const listRow = (id: number) => page.locator(`[data-testid=document-${id}]`);
  /** Runs an action and waits until the list it brings back is on the page. */
  async function listAfter(action: () => Promise<unknown>) {
    const settled = page.evaluate(() => new Promise<void>((resolve) => document.addEventListener('htmx:after:settle', () => resolve(), { once: true })));
    await action();
    await settled;
  }
  const pairTexts = () => page.locator('[data-testid=pair-row]').allTextContents();

  it('when a document is deleted then it leaves the list, is found in the trash, and restoring it brings it back with its pairs intact', async () => {
    await page.goto(`${wb.url}/documents/${demo}`);
    const before = await pairTexts();
    expect(before.length).toBeGreaterThan(20);
    await page.goto(`${wb.url}/documents`);
    await listAfter(() => page.click(`[data-testid=delete-${demo}]`));
    await expect.poll(() => page.locator('[data-testid=list-message]').textContent()).toMatch(/moved to the trash/);
    expect(await listRow(demo).count()).toBe(0);
    expect(await page.locator('[data-testid=undo-delete]').count()).toBe(1);
    // Its page is gone for everyone while it is in the trash.
    expect((await page.request.get(`${wb.url}/documents/${demo}`)).status()).toBe(404);

    await page.click('[data-testid=shelf-trash]');
    await page.waitForURL('**/documents?state=trash');
    await expect.poll(() => listRow(demo).textContent()).toMatch(/purged for good on [A-Z][a-z]+ \d{1,2}, \d{4}/);
    await listAfter(() => page.click(`[data-testid=restore-${demo}]`));
    expect(await page.locator('[data-testid=list-message]').textContent()).toMatch(/is restored/);
    expect(await listRow(demo).count()).toBe(0);

    await page.click('[data-testid=shelf-active]');
    await page.click(`[data-testid=document-${demo}] a`);
    await page.waitForSelector('[data-testid=pair-row]');
    expect(await pairTexts()).toEqual(before);
  });

  it('when a document is renamed and archived from the list then the list shows it, and the archive gives it back', async () => {
    await page.goto(`${wb.url}/documents`);
    await page.click(`[data-testid=rename-${demo}]`);
    // A blank title is refused beside the field, which keeps what was typed.
    await page.fill(`[data-testid=rename-title-${demo}]`, ' ');
    await page.locator(`[data-testid=rename-title-${demo}]`).evaluate((input: HTMLInputElement) => input.removeAttribute('required'));
    await listAfter(() => page.click(`[data-testid=rename-save-${demo}]`));
    expect(await page.locator(`#rename-error-${demo}`).textContent()).toBe('A title cannot be empty.');
    await page.fill(`[data-testid=rename-title-${demo}]`, '习近平会见文在寅（演示）');
    await listAfter(() => page.click(`[data-testid=rename-save-${demo}]`));
    expect(await page.locator('[data-testid=list-message]').textContent()).toContain('Renamed to “习近平会见文在寅（演示）”.');
    expect(await listRow(demo).locator('a').textContent()).toBe('习近平会见文在寅（演示）');

    await listAfter(() => page.click(`[data-testid=archive-${demo}]`));
    expect(await listRow(demo).count()).toBe(0);
    await page.click('[data-testid=shelf-archived]');
    await page.waitForURL('**/documents?state=archived');
    await listAfter(() => page.click(`[data-testid=archive-${demo}]`));
    expect(await page.locator('[data-testid=list-message]').textContent()).toMatch(/is back among the documents/);
    await page.click('[data-testid=shelf-active]');
    expect(await listRow(demo).count()).toBe(1);
  });

  it('when a title is typed in the search and a sort is picked then the list follows at once and the URL keeps both over a reload', async () => {
    const [b, a] = [await importDocument(wb.dbFile, 'Minutes B'), await importDocument(wb.dbFile, 'minutes A')];
    await page.goto(`${wb.url}/documents`);
    expect(await page.locator('table.documents tbody tr').count()).toBe(3);
    await listAfter(() => page.locator('[data-testid=list-search]').pressSequentially('minutes', { delay: 30 }));
    await expect.poll(() => page.locator('table.documents tbody tr').count()).toBe(2);
    expect(new URL(page.url()).search).toBe('?q=minutes');
    const order = () => page.locator('table.documents tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));
    expect(await order()).toEqual([`document-${b}`, `document-${a}`]);
    await listAfter(() => page.locator('[data-testid=list-sort]').selectOption('title'));
    await expect.poll(order).toEqual([`document-${a}`, `document-${b}`]);
    expect(new URL(page.url()).search).toBe('?q=minutes&sort=title');
    await listAfter(() => page.locator('[data-testid=list-dir]').selectOption('desc'));
    await expect.poll(order).toEqual([`document-${b}`, `document-${a}`]);
    await page.reload();
    expect(await order()).toEqual([`document-${b}`, `document-${a}`]);
    expect(await page.locator('[data-testid=list-search]').inputValue()).toBe('minutes');
  });

  it('when a document is renamed and deleted from its own page then it comes back renamed, the trash holds it, and one click with a confirmation deletes it for good', async () => {
    const doc = await importDocument(wb.dbFile, 'Managed on its page');
    await page.goto(`${wb.url}/documents/${doc}`);
    await page.click('[data-testid=manage-document] summary');
    await page.fill('[data-testid=page-rename-title]', '在页面上管理');
    await Promise.all([page.waitForURL(`**/documents/${doc}`), page.click('[data-testid=page-rename-save]')]);
    expect(await page.locator('h1').textContent()).toBe('在页面上管理');
    await page.click('[data-testid=manage-document] summary');
    await Promise.all([page.waitForURL('**/documents?state=trash'), page.click('[data-testid=page-delete]')]);
    await expect.poll(() => listRow(doc).count()).toBe(1);
    // Deleting for good asks first: dismissing keeps it, accepting purges it.
    let asked = '';
    page.once('dialog', (d) => { asked = d.message(); void d.dismiss(); });
    await page.click(`[data-testid=purge-${doc}]`);
    await expect.poll(() => asked).toMatch(/Delete “在页面上管理” for good/);
    expect(await listRow(doc).count()).toBe(1);
    page.once('dialog', (d) => void d.accept());
    await listAfter(() => page.click(`[data-testid=purge-${doc}]`));
    expect(await page.locator('[data-testid=list-message]').textContent()).toBe('“在页面上管理” was deleted for good.');
    expect(await listRow(doc).count()).toBe(0);
    expect((await page.request.get(`${wb.url}/documents/${doc}`)).status()).toBe(404);
  });

  it('when the list is shown 390 px wide then nothing is wider than the screen and every action can be clicked', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${wb.url}/documents`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const box = await page.locator(`[data-testid=delete-${demo}]`).boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});
