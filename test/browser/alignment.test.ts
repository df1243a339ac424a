import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, launchBrowser, screenshotPath } from '../support/browser.ts';
import { startWorkbench, type Workbench } from '../support/start-workbench.ts';

const skip = browserUnavailable();

describe.skipIf(skip)('alignment editing in a real browser, by keyboard', () => {
  let wb: Workbench;
  let context: BrowserContext;
  let page: Page;
  const cursor = () => page.locator('tr.arow.cursor');
  const version = () => page.locator('#align-toolbar').getAttribute('data-version');

  async function press(key: string, timeout = 1000) {
    const before = await version();
    await page.keyboard.press(key);
    // The page sets the new version only after it has redrawn the rows.
    await expect.poll(version, { timeout }).not.toBe(before);
  }

  beforeAll(async () => {
    wb = await startWorkbench({ DUIQI_ADMIN_PASSWORD: 'admin-password' });
    context = await launchBrowser();
    page = await context.newPage();
    await page.goto(`${wb.url}/login`);
    await page.fill('input[name=name]', 'admin');
    await page.fill('input[name=password]', 'admin-password');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/documents');
  });
  afterAll(async () => {
    await context?.close();
    await wb?.stop();
  });

  it('when the broken "exchanges. Youth" English is joined by keyboard and the rest realigned then the pair is 1:1', async () => {
    await page.goto(`${wb.url}/documents/1/align`);
    await page.waitForSelector('tr.arow.cursor');
    for (let i = 0; i < 40 && !(await cursor().textContent())!.includes('and exchanges.'); i++) await page.keyboard.press('ArrowDown');
    expect(await cursor().textContent()).toContain('在人文交流方面');
    await page.keyboard.press('ArrowRight');
    for (let i = 0; i < 5 && !(await page.locator('.cursor-sentence').textContent())!.endsWith('and exchanges.'); i++) await page.keyboard.press(']');
    expect(await page.locator('.cursor-sentence').textContent()).toMatch(/and exchanges\.$/);
    const rowIndex = await cursor().getAttribute('data-row');
    await press('j');
    const fixed = page.locator(`tr.arow[data-row="${rowIndex}"]`);
    expect(await fixed.locator('td.tgt .sentence').count()).toBe(1);
    expect(await fixed.locator('td.tgt').textContent()).toContain('and exchanges. Youth and local levels');
    await page.screenshot({ path: screenshotPath('alignment.png') });

    await page.keyboard.press('ArrowDown');
    await press('Shift+C'); // confirm every row above the cursor, the fixed one included
    expect(await page.locator(`tr.arow[data-row="${rowIndex}"]`).getAttribute('data-confirmed')).toBe('yes');
    // Realign the rest, the confirmed rows staying as anchors: on a work thread, which the first realign starts. R shows
    // what it would change first; Enter applies it.
    await page.keyboard.press('r');
    await page.locator('#realign-dialog[open]').waitFor({ timeout: 60_000 });
    await press('Enter', 60_000);
    const row = page.locator(`tr.arow[data-row="${rowIndex}"]`);
    expect(await row.getAttribute('data-shape')).toBe('1:1');
    expect(await row.locator('td.src').textContent()).toContain('在人文交流方面');
    const after = page.locator(`tr.arow[data-row="${Number(rowIndex) + 1}"]`);
    expect(await after.locator('td.src').textContent()).toContain('习近平表示，中韩双方要加强执法安全合作');
    expect(await after.locator('td.tgt').textContent()).toContain('law enforcement and security cooperation');
  });

  it('when the page is reloaded then undo still works, and redo brings the change back', async () => {
    await page.reload();
    await page.waitForSelector('tr.arow.cursor');
    expect(await page.locator('[data-action=undo]').isDisabled()).toBe(false);
    const rows = await page.locator('tr.arow').count();
    await press('Control+z'); // undo the realign
    await press('Control+z'); // undo the confirmation
    await press('Control+z'); // undo the join
    const broken = page.locator('tr.arow', { hasText: '在人文交流方面' });
    expect(await broken.locator('td.tgt .sentence').count()).toBe(2);
    await press('Control+y');
    expect(await page.locator('tr.arow', { hasText: '在人文交流方面' }).locator('td.tgt .sentence').count()).toBe(1);
    expect(await page.locator('tr.arow').count()).toBeGreaterThanOrEqual(rows - 2);
  });

  it('when a row is clicked and "Merge with next" pressed then the rows merge, and the Undo button splits them again', async () => {
    const rows = await page.locator('tr.arow').count();
    await page.locator('tr.arow', { hasText: '两国元首还就朝鲜半岛局势交换了意见' }).locator('td.src').click();
    const before = await version();
    await page.click('button[data-action=merge]');
    await expect.poll(version).not.toBe(before);
    expect(await page.locator('tr.arow').count()).toBe(rows - 1);
    const merged = await version();
    await page.click('button[data-action=undo]');
    await expect.poll(version).not.toBe(merged);
    expect(await page.locator('tr.arow').count()).toBe(rows);
  });
});
