// One row is worked on at a time: opening a row closes the editors left open with nothing typed in them (the one
// "Save & next" opened, say), while an editor holding unsaved text stays open, so nothing typed is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, closeWorkbench, login, openWorkbench } from '../support/browser.ts';
import type { Workbench } from '../support/start-workbench.ts';

const skip = browserUnavailable();

describe.skipIf(skip)('one editor at a time', () => {
  let wb: Workbench;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ wb, context, page } = await openWorkbench([['lin', 'translator']]));
    await login(page, wb.url, 'lin');
    await page.click('table.documents a');
    await page.waitForSelector('[data-testid=pair-row]');
  });
  afterAll(() => closeWorkbench({ wb, context }));

  const row = (text: string) => page.locator('tr.pair', { hasText: text });
  const openIds = () => page.locator('tr.editing').evaluateAll((rows) => rows.map((r) => r.id));

  it('when "Save & next" opened the next row and another row is opened then only that row is being edited', async () => {
    await row('Hua Chunying’s Daily Briefing').locator('button[data-edit]').click();
    const first = page.locator('tr.editing');
    await first.waitFor();
    const savedId = await first.getAttribute('id');
    await first.locator('textarea[name=tgt]').fill('Daily briefing by Hua Chunying of the Foreign Ministry, online on 3 February 2020');
    await first.locator('textarea[name=tgt]').press('Control+Enter');
    // Until the save is answered its own editor is the one open: wait for the next row's.
    await expect.poll(async () => { const ids = await openIds(); return ids.length === 1 && ids[0] !== savedId; }).toBe(true);

    await row('the level and level').locator('button[data-edit]').click();
    await expect.poll(async () => (await openIds()).length === 1 && await row('the level and level').locator('textarea[name=tgt]').count()).toBe(1);
  });

  it('when an editor holds unsaved text and another row is opened then both stay open and the text is kept', async () => {
    const typed = 'to raise the level and depth of practical cooperation';
    const levelEditor = page.locator('tr.editing', { hasText: 'the level and level' });
    await levelEditor.locator('textarea[name=tgt]').fill(typed);
    await row('close friends and partners').locator('button[data-edit]').click();
    await expect.poll(openIds).toHaveLength(2);
    expect(await levelEditor.locator('textarea[name=tgt]').inputValue()).toBe(typed);
  });
});
