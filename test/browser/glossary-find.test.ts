// The glossary page in a real browser: entries found as one types (kept in the address), and an entry changed in
// place, the table coming back as the translator was looking at it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, closeWorkbench, login, openWorkbench } from '../support/browser.ts';
import type { Workbench } from '../support/start-workbench.ts';

const skip = browserUnavailable();

describe.skipIf(skip)('finding and changing glossary entries', () => {
  let wb: Workbench;
  let context: BrowserContext;
  let page: Page;
  const terms = () => page.locator('table.glossary tbody td[lang=zh-CN]').allTextContents();

  beforeAll(async () => {
    ({ wb, context, page } = await openWorkbench([['lin', 'translator']]));
    await login(page, wb.url, 'lin');
    await page.goto(`${wb.url}/glossary`);
  });
  afterAll(() => closeWorkbench({ wb, context }));

  it('when a piece of a term is typed in Find then only the entries holding it are listed, and the address keeps it', async () => {
    expect((await terms()).length).toBeGreaterThan(5);
    await page.locator('[data-testid=glossary-search]').fill('主义');
    await expect.poll(terms).toEqual(['保护主义', '单边主义', '多边主义']);
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('主义');
    expect(await page.locator('[data-testid=glossary-shown]').textContent()).toBe('Entries 1–3 of 3 holding “主义”');
    await page.reload();
    expect(await terms()).toEqual(['保护主义', '单边主义', '多边主义']);
  });

  it('when a translator adds an entry and changes it in place then the row shows the new English and the search stays', async () => {
    await page.fill('form.glossary-add input[name=zh]', '孤立主义');
    await page.fill('form.glossary-add input[name=en]', 'isolationsim');
    await page.locator('form.glossary-add input[name=en]').press('Enter');
    await expect.poll(terms).toContain('孤立主义');
    const row = page.locator('[data-testid=glossary-entry]', { hasText: '孤立主义' });
    // The demo's entries are no one's: a translator is offered no Edit there.
    expect(await page.locator('[data-testid=glossary-entry]', { hasText: '保护主义' }).locator('[data-testid=glossary-edit]').count()).toBe(0);
    await row.locator('[data-testid=glossary-edit]').click();
    const form = page.locator('[data-testid=glossary-edit-form]');
    await form.waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('zh');
    await form.locator('input[name=en]').fill('isolationism');
    await form.locator('input[name=en]').press('Enter');
    await page.locator('[data-testid=glossary-entry]', { hasText: 'isolationism' }).waitFor();
    await expect.poll(() => page.locator('[data-testid=announcer]').textContent()).toBe('Changed 孤立主义 → isolationism.');
    expect(await terms()).toEqual(['单边主义', '多边主义', '孤立主义', '保护主义'].sort());
  });

  it('when an edit is cancelled then the row is shown as it was', async () => {
    await page.locator('[data-testid=glossary-entry]', { hasText: '孤立主义' }).locator('[data-testid=glossary-edit]').click();
    const form = page.locator('[data-testid=glossary-edit-form]');
    await form.locator('input[name=en]').fill('something else');
    await form.locator('[data-shortcut=cancel]').click();
    await page.locator('[data-testid=glossary-entry]', { hasText: 'isolationism' }).waitFor();
    expect(await form.count()).toBe(0);
  });
});
