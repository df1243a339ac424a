// A reviewer re-reviewing fixes from the keyboard: E reaches the rows whose rejection is still open, the fixed ones too,
// past the first page of rows, and the Review filter lists only them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, launchBrowser, signedInPage } from '../support/browser.ts';
import { startSeededServer } from '../support/seed.ts';
import { storeDocument } from '../support/insert-document.ts';

const skip = browserUnavailable();

describe.skipIf(skip)('the E key and the open-errors filter', () => {
  let seeded: Awaited<ReturnType<typeof startSeededServer>>;
  let doc: { documentId: number; pairIds: number[] };
  let context: BrowserContext;
  let page: Page;
  const current = async () => parseInt((await page.locator('tr.nav-current td.idx').textContent())!, 10);
  const message = () => page.getByTestId('nav-message').textContent();

  // 260 rows: row 231 rejected with an error and fixed since (translated again), row 241 rejected with an error.
  beforeAll(async () => {
    seeded = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer']]);
    doc = await storeDocument(seeded.server.store, '复审', Array.from({ length: 260 }, (_, i) => ({ zh: `这是第${i + 1}句。`, en: `This is sentence ${i + 1}.` })));
    for (const i of [230, 240]) {
      const res = await seeded.api('wang', 'POST', `/api/pairs/${doc.pairIds[i]}/review`, { decision: 'reject', version: 1, comment: 'Wrong.', category: 'accuracy', severity: 'major' });
      expect(res.status).toBe(200);
    }
    expect((await seeded.api('lin', 'PUT', `/api/pairs/${doc.pairIds[230]}`, { tgt: 'Fixed sentence 231.', version: 2 })).status).toBe(200);
    context = await launchBrowser();
    page = await signedInPage(context, seeded.server.url, 'wang', 'correct horse 12');
  });
  afterAll(async () => {
    await context?.close();
    await seeded?.server.close();
  });

  it('when E and Shift+E are pressed then the fixed and the rejected row are reached, and none beyond them', async () => {
    await page.goto(`${seeded.server.url}/documents/${doc.documentId}`);
    expect(await page.locator('#row-nav button[data-nav="errors"]').getAttribute('aria-keyshortcuts')).toBe('E');
    await page.locator('body').press('e');
    await expect.poll(current).toBe(231);
    await page.keyboard.press('e');
    await expect.poll(current).toBe(241);
    await page.keyboard.press('e');
    await expect.poll(message).toBe('No row with an open review error further that way.');
    await page.keyboard.press('Shift+E');
    await expect.poll(current).toBe(231);
    // X knows only the row still rejected: the fix took row 231 out of its reach.
    await page.keyboard.press('Shift+X');
    await expect.poll(message).toBe('No rejected row further that way.');
  });

  it('when the Review filter is set to open errors then only those rows are listed, the address says so, and E stays among them', async () => {
    await page.goto(`${seeded.server.url}/documents/${doc.documentId}`);
    await page.getByTestId('filters').locator('select[name=errors]').selectOption('open');
    await expect.poll(() => page.locator('tr.pair td.idx').allTextContents()).toEqual(['231', '241']);
    expect(new URL(page.url()).searchParams.get('errors')).toBe('open');
    await page.locator('body').press('e');
    await expect.poll(current).toBe(231);
    await page.keyboard.press('e');
    await expect.poll(current).toBe(241);
  });

  it('when the quality line\'s count of rows with open errors is followed then the page lists only those rows', async () => {
    await page.goto(`${seeded.server.url}/documents/${doc.documentId}`);
    const link = page.getByTestId('open-errors-link');
    expect(await link.textContent()).toBe('rows with open errors: 2');
    await link.click();
    await page.waitForURL((url) => url.searchParams.get('errors') === 'open');
    expect(await page.locator('tr.pair td.idx').allTextContents()).toEqual(['231', '241']);
    expect(await page.getByTestId('filters').locator('select[name=errors]').inputValue()).toBe('open');
  });

  it('when the reviewer resolves a thread in the editor then the quality line counts one error and one row less, as after a save', async () => {
    const quality = page.getByTestId('quality-score');
    expect(await quality.textContent()).toContain('open errors: 2 · rows with open errors: 2 · penalty points: 10,');
    const row = page.locator('tr.pair', { hasText: 'This is sentence 241.' });
    await row.locator('button[data-edit]').click();
    await page.locator('tr.editing [data-testid=threads] [data-testid=resolve]').click();
    await page.locator('tr.editing [data-testid=resolved-note]').waitFor();
    await expect.poll(() => quality.textContent()).toContain('open errors: 1 · rows with open errors: 1 · penalty points: 5,');
    expect(await page.getByTestId('open-errors-link').getAttribute('href')).toBe(`/documents/${doc.documentId}?errors=open`);
  });
});
