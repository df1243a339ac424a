// Two users aligning one document in two browsers: no dead end after a 409, undo that says whose change it is, realign previewed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, launchBrowser, signedInPage } from '../support/browser.ts';
import { startSeededServer } from '../support/seed.ts';

const skip = browserUnavailable();

describe.skipIf(skip)('two users aligning without a dead end', () => {
  let seeded: Awaited<ReturnType<typeof startSeededServer>>;
  const contexts: BrowserContext[] = [];
  let lin: Page;
  let wang: Page;
  const version = (page: Page) => page.locator('#align-toolbar').getAttribute('data-version');
  const cursor = (page: Page) => page.locator('tr.arow.cursor');
  const message = (page: Page) => page.getByTestId('align-message');
  const total = () => lin.locator('svg.weak-strip').getAttribute('data-total');

  async function pressOp(page: Page, key: string, timeout = 5000) {
    const before = await version(page);
    await page.keyboard.press(key);
    await expect.poll(() => version(page), { timeout }).not.toBe(before);
  }

  async function open(page: Page) {
    await page.goto(`${seeded.server.url}/documents/${seeded.docs.demo}/align`);
    await page.waitForSelector('tr.arow.cursor');
    // Gone if the page reloads: the editor must get past a 409 without one.
    await page.evaluate(() => { (window as unknown as { stillHere: boolean }).stillHere = true; });
  }
  const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere === true);

  /** After a refusal that offers the changes: loads them with the button in the message area. */
  async function loadChanges(page: Page) {
    await expect.poll(() => message(page).getAttribute('class')).toContain('error');
    expect(await message(page).textContent()).toMatch(/changed since you loaded it/);
    await message(page).getByRole('button', { name: 'Load the changes' }).click();
    await expect.poll(() => message(page).textContent()).toMatch(/^Changes loaded: /);
  }

  beforeAll(async () => {
    seeded = await startSeededServer([['lin', 'translator'], ['wang', 'translator']]);
    for (const name of ['lin', 'wang']) contexts.push(await launchBrowser());
    lin = await signedInPage(contexts[0]!, seeded.server.url, 'lin', 'correct horse 12');
    wang = await signedInPage(contexts[1]!, seeded.server.url, 'wang', 'correct horse 12');
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await seeded?.server.close();
  });

  // Messages name rows by the document page's numbers: the demo's first row is page noise, so the alignment's row 2
  // (data-row, 0-based) is row 4 there.
  it('when lin merges rows while wang has the page open then wang\'s next key offers the changes, keeps his cursor, and the retry works', async () => {
    await open(lin);
    await open(wang);
    for (let i = 0; i < 8; i++) await wang.keyboard.press('ArrowDown');
    const wangRow = await cursor(wang).getAttribute('data-key');
    const wangText = await cursor(wang).locator('td.src').textContent();
    for (let i = 0; i < 2; i++) await lin.keyboard.press('ArrowDown');
    await pressOp(lin, 'm');
    expect(await message(lin).textContent()).toBe('Rows 4 and 5 merged.');

    await wang.keyboard.press('c');
    await loadChanges(wang);
    // His cursor stays on the row it was on, one place up now that two rows above it are one.
    expect(await cursor(wang).getAttribute('data-key')).toBe(wangRow);
    expect(await cursor(wang).getAttribute('data-row')).toBe('7');
    expect(await cursor(wang).locator('td.src').textContent()).toBe(wangText);
    expect(await message(wang).textContent()).toBe('Changes loaded: 1 row on screen changed (highlighted). Try again.');
    expect(await wang.locator('tr.arow.changed-elsewhere').getAttribute('data-row')).toBe('2');
    expect(await version(wang)).toBe(await version(lin));

    await pressOp(wang, 'c');
    expect(await message(wang).textContent()).toBe('Row 9 confirmed.');
    expect(await cursor(wang).getAttribute('data-confirmed')).toBe('yes');
    expect(await wang.getByTestId('undo').textContent()).toBe('Undo my change');
    expect(await notReloaded(wang)).toBe(true);
  });

  it('when lin undoes and the last change is wang\'s then she is told whose it is and asked; her own undo says it was hers', async () => {
    await lin.keyboard.press('Control+z');
    await loadChanges(lin);
    expect(await lin.getByTestId('undo').textContent()).toBe("Undo (wang's change)…");
    await lin.keyboard.press('Control+z');
    await expect.poll(() => message(lin).textContent()).toMatch(/^The last alignment change is wang's \(from row 9\), not yours\. Undo it anyway\?/);
    const asked = await version(lin);
    await message(lin).getByRole('button', { name: "Undo wang's change" }).click();
    await expect.poll(() => version(lin)).not.toBe(asked);
    expect(await message(lin).textContent()).toBe("Undone wang's change (from row 9).");
    expect(await lin.locator('tr.arow[data-row="7"]').getAttribute('data-confirmed')).toBe('no');
    expect(await lin.getByTestId('undo').textContent()).toBe('Undo my change');
    await pressOp(lin, 'Control+z');
    expect(await message(lin).textContent()).toBe('Undone your change (from row 4).');
    expect(await notReloaded(lin)).toBe(true);
  });

  it('when R is pressed then a preview says how many rows change and their confidence; Escape writes nothing, Enter applies it', async () => {
    await open(lin);
    for (let i = 0; i < 12; i++) await lin.keyboard.press('ArrowDown');
    await pressOp(lin, 'Shift+ArrowDown');
    const shifted = await version(lin);
    await lin.keyboard.press('r');
    const dialog = lin.getByTestId('realign-dialog');
    // The first realign starts a work thread, which loads the dictionaries.
    await dialog.locator('li').first().waitFor({ timeout: 60_000 });
    // Page-noise rows inside the span are counted apart: the count is of the rows replaced.
    const summary = /^Realigning would replace rows (\d+) to \d+ \((\d+) rows(?:; the page-noise row among them stays where it is|; the \d+ page-noise rows among them stay where they are)?\) with (\d+) rows: mean confidence \d\.\d\d, \d+ under 0\.5\. Apply it\?$/
      .exec((await dialog.locator('#realign-summary').textContent())!);
    expect(summary).not.toBeNull();
    const [, from, removed, inserted] = summary!;
    // The rows before the shifted one were aligned already: the realign starts at or before it.
    expect(Number(from)).toBeLessThanOrEqual(14);
    expect(await dialog.locator('li').count()).toBe(Number(inserted));
    expect(await dialog.locator('li').first().textContent()).toMatch(new RegExp(`^Row ${from}: \\d:\\d, confidence \\d\\.\\d\\d$`));
    await lin.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await version(lin)).toBe(shifted);

    const rowsBefore = Number(await total());
    await lin.keyboard.press('r');
    await dialog.locator('li').first().waitFor({ timeout: 60_000 });
    await pressOp(lin, 'Enter', 60_000);
    expect(await message(lin).textContent()).toMatch(new RegExp(`^Realigned from row ${from}: \\d+ rows became ${inserted}\\.$`));
    expect(Number(await total())).toBe(rowsBefore - Number(removed) + Number(inserted));
  });
});
