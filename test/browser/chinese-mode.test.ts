// In 中文 mode, in real Chromium: the switch is kept by the account, the page date and a QA flag's reason read in
// Chinese, and the editor, its history and a refused save show no English sentence outside the pair's own text.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, launchBrowser, signedInPage } from '../support/browser.ts';
import { pairWith, startSeededServer } from '../support/seed.ts';
import { glossary } from '../../server/services/glossary.ts';
import { englishRuns } from '../support/english-runs.ts';

const skip = browserUnavailable();

/** The page's visible text without what users wrote: elements in another language or marked translate="no". */
async function interfaceText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    body.querySelectorAll('script, style, [translate="no"], [lang]:not([lang^="zh"])').forEach((el) => el.remove());
    document.body.append(body);
    body.hidden = false;
    const text = body.innerText;
    body.remove();
    return text;
  });
}

async function expectNoEnglishSentence(page: Page): Promise<void> {
  const text = await interfaceText(page);
  // The interface itself is there to read, in Chinese.
  expect(text.match(/\p{Script=Han}/gu)?.length ?? 0).toBeGreaterThan(100);
  expect(englishRuns(text)).toEqual([]);
}

describe.skipIf(skip)('the workbench in 中文', () => {
  let seeded: Awaited<ReturnType<typeof startSeededServer>>;
  let context: BrowserContext;
  let page: Page;
  let numbersRow: number;

  beforeAll(async () => {
    seeded = await startSeededServer([['lin', 'translator']]);
    await glossary(seeded.server.store).seedDemo();
    numbersRow = (await pairWith(seeded.server.store, seeded.docs.demo, '12月23日')).id;
    context = await launchBrowser();
    page = await signedInPage(context, seeded.server.url, 'lin', 'correct horse 12');
  });
  afterAll(async () => {
    await context?.close();
    await seeded?.server.close();
  });

  it('when the signed-in translator presses 中文 then the pages are Chinese, and another browser signs in to Chinese', async () => {
    await page.click('[data-testid=lang-switch]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    expect(await page.locator('h1').textContent()).toBe('文档');
    const other = await launchBrowser();
    try {
      const there = await signedInPage(other, seeded.server.url, 'lin', 'correct horse 12');
      expect(await there.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    } finally {
      await other.close();
    }
  });

  it('when the demo is opened then its page date is 2022年10月3日 and a numbers flag gives its reason in Chinese', async () => {
    await page.goto(`${seeded.server.url}/documents/${seeded.docs.demo}?qa=numbers`);
    expect(await page.getByTestId('page-date').textContent()).toBe('页面日期 2022年10月3日');
    const flag = page.locator(`#pair-${numbersRow} [data-qa=numbers]`);
    expect(await flag.textContent()).toMatch(/^英文缺少数字：/);
    await expectNoEnglishSentence(page);
  });

  it('when the editor is opened, a save refused and the history shown then nothing of it is an English sentence', async () => {
    await page.locator(`#pair-${numbersRow} button[data-edit]`).click();
    const editor = page.locator('tr.editing');
    await editor.locator('textarea[name=tgt]').waitFor();
    expect(await editor.locator('[data-qa=numbers]').textContent()).toMatch(/^英文缺少数字：/);
    await expectNoEnglishSentence(page);

    await editor.locator('textarea[name=tgt]').fill('   ');
    await editor.locator('textarea[name=tgt]').press('Control+Enter');
    await expect.poll(() => editor.getByTestId('editor-message').textContent()).toMatch(/\p{Script=Han}/u);
    await expectNoEnglishSentence(page);

    await editor.locator('textarea[name=tgt]').fill('On 23 December, the 12 leaders met.');
    await editor.locator('textarea[name=tgt]').press('Control+Enter');
    await page.locator(`#pair-${numbersRow}.editing`).waitFor({ state: 'detached' });
    await page.locator(`#pair-${numbersRow} button[data-edit]`).click();
    // Ctrl+Enter may also have opened the next row's editor by now: the history is this row's.
    await page.locator(`#pair-${numbersRow}.editing`).getByRole('button', { name: '历史' }).click();
    await page.getByTestId('history').waitFor();
    expect(await page.getByTestId('history').locator('time').first().textContent()).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d（UTC）$/);
    await expectNoEnglishSentence(page);
  });
});
