// Machine translation as a job in the browser: a progress bar that moves while the page stays usable, then the result.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, launchBrowser, signedInPage } from '../support/browser.ts';
import { addUser, startTestServer, type TestServer } from '../support/test-server.ts';
import { storeDocument } from '../support/insert-document.ts';
import { startFakeTranslator, type FakeTranslator } from '../support/fake-translator.ts';
import { libreTranslateEngine } from '../../server/mt/libretranslate-engine.ts';

const skip = browserUnavailable();

// 60 untranslated rows: three batches of 25, 25 and 10, each held by the translator until the test lets it answer.
const ROWS = Array.from({ length: 60 }, (_, i) => `第${i + 1}句没有译文。`);

describe.skipIf(skip)('a long machine translation on the document page', () => {
  let server: TestServer;
  let translator: FakeTranslator;
  let context: BrowserContext;
  let page: Page;
  let documentId: number;

  beforeAll(async () => {
    translator = await startFakeTranslator();
    server = await startTestServer({ mt: () => libreTranslateEngine(translator.url) });
    await addUser(server.store, 'lin', 'translator');
    ({ documentId } = await storeDocument(server.store, '待译', ROWS));
    context = await launchBrowser();
    page = await signedInPage(context, server.url, 'lin', 'correct horse 12');
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
    await translator?.close();
  });

  it('when machine translation runs then a progress bar moves while other rows can be edited, then the result is said and the drafts shown', async () => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${server.url}/documents/${documentId}`);
    await page.getByTestId('mt-button').click();
    const bar = page.getByTestId('mt-status').getByTestId('job-bar');
    await bar.waitFor();
    // Queued, the bar says only "busy"; running, it counts the rows.
    await expect.poll(() => bar.getAttribute('max')).toBe('60');
    expect(await bar.getAttribute('value')).toBe('0');
    expect(await page.getByTestId('mt-status').textContent()).toContain('Drafting English: 0 of 60 rows');

    // The page stays usable: a row's editor opens and saves while the job waits on the translator.
    await page.locator('tr.pair', { hasText: '第60句没有译文。' }).locator('button[data-edit]').click();
    await page.locator('tr.editing textarea[name=tgt]').fill('Sentence 60 has a translation.');
    await page.locator('tr.editing textarea[name=tgt]').press('Control+Enter');
    await expect.poll(() => page.locator('tr.pair', { hasText: '第60句没有译文。' }).locator('td.tgt').textContent()).toContain('Sentence 60 has a translation.');
    // The save sends the page's figures anew, the button among them: the job's bar beside it stays and goes on.
    await expect.poll(() => page.getByTestId('doc-summary').textContent()).toContain('59 untranslated');
    expect(await bar.count()).toBe(1);
    expect(await page.getByTestId('mt-status').textContent()).toContain('Drafting English: 0 of 60 rows');

    translator.release();
    await expect.poll(() => bar.getAttribute('value'), { timeout: 60_000 }).toBe('25');
    translator.release(Infinity);
    const result = page.getByTestId('mt-status').getByTestId('job-result');
    // The row saved meanwhile is no longer untranslated: it is left alone, and 59 rows get drafts.
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toBe('59 rows drafted (libretranslate).');
    await expect.poll(() => page.locator('tr.pair[data-state=untranslated]').count()).toBe(0);
    expect(await page.locator('tr.pair', { hasText: '第1句没有译文。' }).locator('td.tgt').textContent()).toContain('EN(第1句没有译文。)');
    expect(await page.locator('tr.pair', { hasText: '第60句没有译文。' }).locator('td.tgt').textContent()).toContain('Sentence 60 has a translation.');
    expect(await page.getByTestId('job-bar').count()).toBe(0);
    expect(errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([]);
  });

  it('when the last untranslated row gets its English then the button goes, and when a translation is cleared it comes back, without a reload', async () => {
    const { documentId: small } = await storeDocument(server.store, '两行', [{ zh: '第一句。', en: 'The first sentence.' }, '第二句没有译文。']);
    await page.goto(`${server.url}/documents/${small}`);
    const button = page.getByTestId('mt-button');
    expect(await button.isVisible()).toBe(true);
    // Gone after a reload: whatever changes below, changed in the page as it is.
    await page.evaluate(() => Object.assign(window, { notReloaded: true }));
    await page.locator('tr.pair', { hasText: '第二句没有译文。' }).locator('button[data-edit]').click();
    await page.locator('tr.editing textarea[name=tgt]').fill('The second sentence has no translation.');
    await page.locator('tr.editing button[name=next][value="0"]').click();
    await expect.poll(() => button.count()).toBe(0);
    expect(await page.locator('form.mt-form').isVisible()).toBe(false);

    await page.locator('tr.pair', { hasText: '第一句。' }).locator('button[data-edit]').click();
    page.once('dialog', (d) => void d.accept());
    await page.locator('tr.editing [data-testid=clear-translation]').click();
    await expect.poll(() => button.isVisible()).toBe(true);
    expect(await page.getByTestId('mt-running').textContent()).toContain('Translating 1 row…');
    expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
  });

  it('when the alignment editor\'s realign is applied from its preview then the message area shows a progress bar while the job runs, then what changed', async () => {
    const { documentId: misaligned } = await storeDocument(server.store, '错位', [
      { zh: '今天天气很好。', en: 'We go for a walk in the park.' }, { zh: '我们去公园散步。', en: 'The weather is fine today.' }]);
    await page.goto(`${server.url}/documents/${misaligned}/align`);
    const version = await page.locator('#align-toolbar').getAttribute('data-version');
    // Whether a bar was ever shown: the job may end between two looks.
    await page.evaluate(() => {
      const area = document.getElementById('align-message')!;
      new MutationObserver(() => {
        if (area.querySelector('progress')) area.dataset.sawBar = '1';
      }).observe(area, { childList: true, subtree: true });
    });
    await page.locator('table.align').focus();
    await page.keyboard.press('r');
    // The preview first (what realigning would change), then Apply starts the job.
    await page.locator('#realign-dialog button[value=ok]').click({ timeout: 60_000 });
    await expect.poll(() => page.getByTestId('align-message').textContent(), { timeout: 60_000 }).toMatch(/^Realigned from row 1/);
    expect(await page.getByTestId('align-message').getAttribute('data-saw-bar')).toBe('1');
    expect(await page.locator('#align-message progress').count()).toBe(0);
    expect(Number(await page.locator('#align-toolbar').getAttribute('data-version'))).toBe(Number(version) + 1);
    expect(await page.locator('#align-toolbar [data-action=undo]').isDisabled()).toBe(false);
  });
});
