// Ctrl+K on the document page and in the editor: the concordance for 合作 finds both documents that hold it (and not a
// private one), a hit links to its row even past the first page of rows, and the page in the navigation does the same.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, launchBrowser, screenshotPath, signedInPage } from '../support/browser.ts';
import { startSeededServer } from '../support/seed.ts';
import { insertDocument } from '../support/insert-document.ts';

const skip = browserUnavailable();

// 260 rows: row 241 alone speaks of 合作, past the first page of 200 rows.
const LONG = Array.from({ length: 260 }, (_, i) => (i === 240
  ? { zh: '两国将深化经贸合作。', en: 'The two countries will deepen economic cooperation.' }
  : { zh: '这是一个中文句子。', en: 'This is an English sentence.' }));

describe.skipIf(skip)('concordance by Ctrl+K', () => {
  let seeded: Awaited<ReturnType<typeof startSeededServer>>;
  let long: { documentId: number };
  let demoTitle: string;
  let context: BrowserContext;
  let page: Page;
  const dialog = () => page.getByTestId('concordance-dialog');
  const hits = () => dialog().getByTestId('concordance-hit');

  beforeAll(async () => {
    seeded = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer']]);
    long = insertDocument(seeded.server.db, '长文档', LONG);
    const secret = insertDocument(seeded.server.db, '机密', [{ zh: '与苏州工厂的合作将结束。', en: 'Cooperation with the Suzhou plant ends.' }]);
    seeded.server.db.prepare('UPDATE documents SET shared = 0 WHERE id = ?').run(secret.documentId);
    demoTitle = (await seeded.api('lin', 'GET', `/api/documents/${seeded.docs.demo}`)).json().title as string;
    context = await launchBrowser();
    page = await signedInPage(context, seeded.server.url, 'lin', 'correct horse 12');
  });
  afterAll(async () => {
    await context?.close();
    await seeded?.server.close();
  });

  it('when Ctrl+K is pressed on a document page and 合作 typed then hits from both documents show, each marked in context', async () => {
    await page.goto(`${seeded.server.url}/documents/${seeded.docs.demo}`);
    await page.keyboard.press('Control+k');
    await dialog().waitFor();
    expect(await dialog().getByTestId('concordance-query').evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type('合作');
    await hits().first().waitFor();
    const where = await hits().locator('.kwic-where').allTextContents();
    const titles = new Set(where.map((w) => w.replace(/\s*·.*$/s, '').trim()));
    expect([...titles].sort()).toEqual([demoTitle, '长文档'].sort());
    expect(await hits().locator('mark').allTextContents()).toEqual(where.map(() => '合作'));
    const longHit = hits().filter({ hasText: '长文档' });
    expect(await longHit.locator('.kwic').textContent()).toBe('两国将深化经贸合作。');
    expect(await longHit.locator('.kwic-other').textContent()).toBe('The two countries will deepen economic cooperation.');
    await page.screenshot({ path: screenshotPath('concordance.png') });
  });

  it('when a hit is clicked then its document opens at its row, past the first page of rows', async () => {
    await hits().filter({ hasText: '长文档' }).getByTestId('concordance-link').click();
    await page.waitForURL(`**/documents/${long.documentId}#row-241`);
    const row = page.locator('tr.pair.nav-current');
    await row.waitFor();
    expect(await row.locator('td.idx').textContent()).toBe('241');
    expect(await row.locator('td.src').textContent()).toBe('两国将深化经贸合作。');
    expect(await row.isVisible()).toBe(true);
  });

  it('when text is selected in the editor then Ctrl+K looks it up at once', async () => {
    await page.goto(`${seeded.server.url}/documents/${seeded.docs.demo}`);
    await page.locator('tr.pair button[data-edit]').first().click();
    const box = page.locator('tr.editing textarea[name=tgt]');
    await box.waitFor();
    const typed = 'The two countries will deepen economic cooperation.';
    await box.fill(typed);
    await box.evaluate((el: HTMLTextAreaElement, at: number) => el.setSelectionRange(at, at + 'will deepen'.length), typed.indexOf('will deepen'));
    await box.press('Control+k');
    await dialog().waitFor();
    expect(await dialog().getByTestId('concordance-query').inputValue()).toBe('will deepen');
    await hits().first().waitFor();
    expect(await hits().locator('mark').allTextContents()).toEqual(['will deepen']);
    expect(await hits().locator('.kwic-where').textContent()).toContain('长文档');
    await page.keyboard.press('Escape');
    expect(await dialog().isVisible()).toBe(false);
    expect(await box.inputValue()).toBe(typed);
    expect(await box.evaluate((el) => el === document.activeElement)).toBe(true);
  });

  it('when a hit in the document on screen is clicked then the dialog closes and the page shows its row, the same hit twice too', async () => {
    await page.goto(`${seeded.server.url}/documents/${long.documentId}`);
    for (let round = 0; round < 2; round++) {
      await page.keyboard.press('Control+k');
      await dialog().waitFor();
      await dialog().getByTestId('concordance-query').fill('经贸合作');
      await hits().filter({ hasText: '长文档' }).getByTestId('concordance-link').click();
      await dialog().waitFor({ state: 'hidden', timeout: 10_000 });
      const row = page.locator('tr.pair.nav-current');
      await row.waitFor();
      expect(await row.locator('td.idx').textContent()).toBe('241');
      expect(await row.locator('button[data-edit]').evaluate((el) => el === document.activeElement)).toBe(true);
      await row.evaluate((el) => el.classList.remove('nav-current'));
    }
  });

  it('when Esc cancels an input method\'s composition in the concordance field then the dialog stays open; a plain Esc closes it', async () => {
    await page.goto(`${seeded.server.url}/documents/${seeded.docs.demo}`);
    await page.keyboard.press('Control+k');
    await dialog().waitFor();
    const query = dialog().getByTestId('concordance-query');
    await query.fill('合作');
    const ime = await context.newCDPSession(page);
    await ime.send('Input.imeSetComposition', { text: 'hezuo', selectionStart: 5, selectionEnd: 5 });
    await query.press('Escape');
    await ime.detach();
    await page.waitForTimeout(300);
    expect(await dialog().isVisible()).toBe(true);
    await query.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
  });

  it('when 合作 is typed through an input method then only the committed text is looked up, not the pinyin', async () => {
    const asked: string[] = [];
    const listen = (r: { url(): string }) => { if (r.url().includes('/concordance/results')) asked.push(new URL(r.url()).searchParams.get('q')!); };
    await page.keyboard.press('Control+k');
    await dialog().waitFor();
    await dialog().getByTestId('concordance-query').fill('');
    await page.waitForTimeout(300); // the opening's lookup of the previous query is not part of this
    page.on('request', listen);
    const ime = await context.newCDPSession(page);
    for (const text of ['h', 'he', 'hez', 'hezu', 'hezuo']) await ime.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await page.waitForTimeout(600);
    expect(asked).toEqual([]);
    await ime.send('Input.insertText', { text: '合作' });
    await hits().first().waitFor();
    expect(asked).toEqual(['合作']);
    page.off('request', listen);
    await ime.detach();
    await page.keyboard.press('Escape');
    await dialog().waitFor({ state: 'hidden' });
  });

  it('when the concordance page is opened from the navigation in Chinese then it searches the same way, in Chinese', async () => {
    await page.getByTestId('lang-switch').click();
    await page.getByTestId('nav-concordance').click();
    await page.waitForURL('**/concordance');
    const field = page.locator('main').getByTestId('concordance-query');
    await field.fill('合作');
    await field.press('Enter');
    await page.waitForURL('**/concordance?q=*');
    const found = page.locator('main').getByTestId('concordance-hit');
    expect(await found.count()).toBeGreaterThan(1);
    expect(await page.locator('main').textContent()).not.toContain('机密');
    expect(await found.filter({ hasText: '长文档' }).locator('.kwic-where').textContent()).toContain('第 241 行');
  });
});
