import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, launchBrowser, screenshotPath } from '../support/browser.ts';
import { startWorkbench, type Workbench } from '../support/start-workbench.ts';

const skip = browserUnavailable();

describe.skipIf(skip)('the workbench in a real browser', () => {
  let wb: Workbench;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    wb = await startWorkbench({ DUIQI_ADMIN_PASSWORD: 'demo-password-1' });
    context = await launchBrowser();
    page = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await wb?.stop();
  });

  it('when a user logs in then the demo document is listed', async () => {
    await page.goto(wb.url);
    await expect.poll(() => page.url()).toContain('/login');
    await page.fill('input[name=name]', 'admin');
    await page.fill('input[name=password]', 'demo-password-1');
    await page.click('button[type=submit]:not([data-testid])');
    await page.waitForURL('**/documents');
    expect(await page.textContent('table.documents')).toContain('Xi Jinping meets with South Korean President');
  });

  it('when the demo document opens then rows show Chinese left, English right, noise dimmed, untranslated marked', async () => {
    await page.click('table.documents a');
    await page.waitForSelector('[data-testid=pair-row]');
    const first = page.locator('tr.pair:not(.noise)').first();
    expect(await first.locator('td.src').textContent()).toContain('金灿荣教授 精华精选');
    expect(await first.locator('td.tgt').textContent()).toContain('No English yet');
    expect(await page.locator('tr.noise td.tgt').allTextContents()).toEqual([
      'October 3, 2022', 'Sponsor Advertisement', 'Hong Kong', 'Hong Kong, CHINA',
      '8th China Japan Korea Leader Meeting Chengdu', '8th China Japan Korea Leader Summit Chengdu, China',
    ]);
    const noise = page.locator('tr.noise', { hasText: 'Sponsor Advertisement' });
    expect(await noise.locator('td.tgt').evaluate((el) => getComputedStyle(el).fontStyle)).toBe('italic');
    const levelRow = page.locator('tr.pair', { hasText: 'the level and level' });
    expect(await levelRow.locator('td.src').textContent()).toContain('提升务实合作的水平和层次');
    expect(await levelRow.locator('td.score').textContent()).toMatch(/^\d\.\d\d$/);
    // The whole page's article is there, every English sentence in a row with its Chinese.
    const sides = await page.locator('tr.pair:not(.noise)').evaluateAll((rows) =>
      rows.map((r) => [r.querySelector('td.src .seg') !== null, r.querySelector('td.tgt .missing') === null]));
    expect(sides.filter(([zh, en]) => en && !zh)).toEqual([]);
    expect(sides.filter(([zh, en]) => zh && en).length).toBeGreaterThanOrEqual(25);
    const last = page.locator('tr.pair:not(.noise)').last();
    expect(await last.locator('td.src').textContent()).toContain('第八次中日韩领导人会议');
    expect(await last.locator('td.tgt').textContent()).toContain('scheduled in Chengdu today, a city in southwestern China.');
    const broken = page.locator('tr.pair', { hasText: 'and exchanges. Youth' });
    expect(await broken.locator('[data-qa=broken]').textContent()).toBe('Sentence broken at “exchanges. Youth”: the Chinese is one sentence');
  });

  it('when the UI is switched to 中文 then it stays Chinese and the Chinese headline is in a row', async () => {
    await page.click('[data-testid=lang-switch]');
    await page.waitForSelector('html[lang="zh-CN"]');
    expect(await page.textContent('thead')).toContain('中文');
    expect(await page.locator('tr.pair', { hasText: '金灿荣教授 精华精选' }).textContent()).toContain('尚无英文');
    await page.reload();
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await page.screenshot({ path: screenshotPath('document-page.png'), fullPage: false });
  });

  it('when the user logs out then the pages ask for a login again', async () => {
    await page.click('header form[action="/logout"] button');
    await page.waitForURL('**/login');
    await page.goto(`${wb.url}/documents`);
    expect(page.url()).toContain('/login');
  });
});
