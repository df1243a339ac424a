// Two people on one document in two browsers: one's saves arrive on the other's page by its poll (every 300 ms here),
// rows and progress alike, and a row the other has open in an editor is marked, never replaced.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, launchBrowser, signedInPage } from '../support/browser.ts';
import { addUser, startTestServer, type TestServer } from '../support/test-server.ts';
import { seedDocuments } from '../support/seed.ts';

const skip = browserUnavailable();
const POLL_MS = 300;
// Several polls' worth: the page must show the change by then, with no reload.
const WITHIN = { timeout: 20 * POLL_MS, interval: 100 };

describe.skipIf(skip)('others\' work arriving on the document page', () => {
  let server: TestServer;
  let doc: number;
  const contexts: BrowserContext[] = [];
  let lin: Page;
  let wang: Page;

  const row = (page: Page, text: string) => page.locator('tr.pair', { hasText: text });
  const translated = (page: Page) => page.locator('#progress rect.bar-translated').getAttribute('data-count');

  async function open(page: Page) {
    await page.goto(`${server.url}/documents/${doc}`);
    await page.waitForSelector('[data-testid=pair-row]');
    // Gone if the page reloads: what arrives must arrive without one.
    await page.evaluate(() => { (window as unknown as { stillHere: boolean }).stillHere = true; });
  }
  const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere === true);

  async function saveAs(page: Page, text: string, typed: string) {
    await row(page, text).locator('button[data-edit]').click();
    const editor = page.locator('tr.editing');
    await editor.locator('textarea[name=tgt]').fill(typed);
    await editor.locator('button[name=next][value="0"]').click();
    await page.locator('tr.pair:not(.editing)', { hasText: typed }).waitFor();
  }

  beforeAll(async () => {
    server = await startTestServer({ livePollMs: POLL_MS });
    await addUser(server.store, 'lin', 'translator');
    await addUser(server.store, 'wang', 'reviewer');
    doc = (await seedDocuments(server.store)).other;
    for (let i = 0; i < 2; i++) contexts.push(await launchBrowser());
    lin = await signedInPage(contexts[0]!, server.url, 'lin', 'correct horse 12');
    wang = await signedInPage(contexts[1]!, server.url, 'wang', 'correct horse 12');
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await server?.close();
  });

  it('when wang saves a row then lin\'s page shows the new text and progress and says so; a row lin is editing keeps lin\'s text and is marked', async () => {
    await open(lin);
    await open(wang);
    const before = Number(await translated(lin));

    await saveAs(wang, 'Korean Peninsula', 'Both sides also exchanged views on the situation on the Korean Peninsula.');
    await expect.poll(() => row(lin, 'Both sides also exchanged').count(), WITHIN).toBe(1);
    await expect.poll(async () => Number(await translated(lin)), WITHIN).toBe(before + 1);
    await expect.poll(() => lin.getByTestId('announcer').textContent(), WITHIN).toBe('One row changed by others.');
    expect(await row(lin, 'Both sides also exchanged').getAttribute('data-state')).toBe('translated');
    // The row swapped in works as any other: its editor opens.
    await row(lin, 'Both sides also exchanged').locator('button[data-edit]').click();
    await lin.locator('tr.editing', { hasText: 'Both sides also exchanged' }).waitFor();
    await lin.locator('tr.editing [data-shortcut=cancel]').click();

    // lin opens the other row and types; wang saves it meanwhile.
    await row(lin, 'Ding Xuexiang attended').locator('button[data-edit]').click();
    const linEditor = lin.locator('tr.editing');
    const linBox = linEditor.locator('textarea[name=tgt]');
    await linBox.fill('Ding Xuexiang and others were present.');
    await saveAs(wang, 'Ding Xuexiang attended', 'Ding Xuexiang and others attended the meeting.');

    const mark = linEditor.getByTestId('live-saved-under');
    await mark.waitFor({ timeout: WITHIN.timeout });
    expect(await mark.textContent()).toBe('wang changed this row (now translated): your save will show both texts to compare.');
    await expect.poll(() => lin.getByTestId('announcer').textContent(), WITHIN).toContain('wang changed this row');
    await expect.poll(async () => Number(await translated(lin)), WITHIN).toBe(before + 2);
    // Several polls later the editor is still lin's, with lin's text.
    await lin.waitForTimeout(4 * POLL_MS);
    expect(await linEditor.count()).toBe(1);
    expect(await linBox.inputValue()).toBe('Ding Xuexiang and others were present.');
    expect(await linEditor.getByTestId('live-saved-under').count()).toBe(1);

    // lin's save meets the conflict, both texts shown, nothing lost.
    await linEditor.locator('button[name=next][value="0"]').click();
    const conflict = lin.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Ding Xuexiang and others attended the meeting.');
    expect(await conflict.textContent()).toContain('Ding Xuexiang and others were present.');
    expect(await notReloaded(lin)).toBe(true);
    // wang's own page does not count wang's saves as others'.
    expect(await wang.getByTestId('announcer').textContent()).not.toContain('changed by others');
  });

  it('when lin saves a row in another tab then lin\'s first page shows it, and does not call it others\' work', async () => {
    await open(lin);
    await lin.evaluate(() => { document.getElementById('announcer')!.textContent = ''; });
    const tab = await contexts[0]!.newPage();
    await open(tab);
    await saveAs(tab, 'Korean Peninsula', 'The two sides also discussed the Korean Peninsula.');
    await tab.close();
    await expect.poll(() => row(lin, 'also discussed the Korean').count(), WITHIN).toBe(1);
    await lin.waitForTimeout(2 * POLL_MS);
    expect(await lin.getByTestId('announcer').textContent()).toBe('');
  });
});
