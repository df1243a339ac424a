// Exporting a big document in the browser, in both interface languages: the buttons start a job whose progress bar
// shows, then its download link, which saves the same file as the immediate export; a small document downloads at once.

import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, launchBrowser, signedInPage } from '../support/browser.ts';
import { addUser, startTestServer, type TestServer } from '../support/test-server.ts';
import { storeDocument } from '../support/insert-document.ts';
import { exportDocument } from '../../server/services/export-document.ts';
import { translatedDocuments } from '../../server/services/translated-document.ts';
import { exportTime } from '../support/export-time.ts';

const skip = browserUnavailable();

const rows = (count: number) => Array.from({ length: count }, (_, i) => ({ zh: `第${i + 1}句：“长征”𠮷。`, en: `Sentence ${i + 1}: "the Long March".` }));

describe.skipIf(skip)('exports of a big document in the browser', () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  let big: number;
  let small: number;

  beforeAll(async () => {
    // More than three pairs is big here.
    server = await startTestServer({ exportJobs: { jobRows: 3, keepHours: 24 } });
    await addUser(server.store, 'lin', 'translator');
    ({ documentId: big } = await storeDocument(server.store, '大文档', rows(6)));
    ({ documentId: small } = await storeDocument(server.store, '小文档', rows(2)));
    context = await launchBrowser();
    page = await signedInPage(context, server.url, 'lin', 'correct horse 12');
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  /** Notes whether a progress bar ever appeared in the export's status, however briefly. */
  async function watchForBar(): Promise<void> {
    await page.evaluate(() => {
      const status = document.querySelector('#export-status')!;
      const w = window as unknown as { sawBar: boolean };
      w.sawBar = false;
      new MutationObserver(() => {
        if (status.querySelector('progress')) w.sawBar = true;
      }).observe(status, { childList: true, subtree: true });
    });
  }

  it('when Download is pressed on a big document then a progress bar shows, then a link that saves the same file as the immediate export', async () => {
    const errors: string[] = [];
    // The browser's own ask for /favicon.ico (the app has none) is no error of the page.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`${m.text()} ${m.location().url}`);
    });
    await page.goto(`${server.url}/documents/${big}`);
    expect(await page.locator('.export-job').textContent()).toContain('the file is made in the background');
    await watchForBar();
    await page.check('[data-testid=export-dialog] input[value=json]');
    await page.selectOption('[data-testid=export-dialog] select[name=state]', 'all');
    await page.click('[data-testid=export-dialog] button[type=submit]');
    const link = page.getByTestId('export-status').getByTestId('job-download');
    await link.waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { sawBar: boolean }).sawBar)).toBe(true);
    expect(await page.getByTestId('export-status').getByTestId('job-result').textContent()).toMatch(/^Export ready: “大文档\.json”, \d+ KB\.$/);
    expect(await link.textContent()).toBe('Download the file');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('大文档.json');
    const saved = fs.readFileSync((await download.path())!);
    // The immediate export at the time the file states (the one line that depends on the clock).
    const file = await exportDocument(server.store, { documentId: big, format: 'json', state: 'all' }, { exportedAt: exportTime(saved) });
    let expected = '';
    for await (const block of file.chunks) expected += block;
    expect(saved.equals(Buffer.from(expected, 'utf8'))).toBe(true);
    expect(errors, errors.join("\n")).toEqual([]);
  }, 60_000);

  it('when the interface is Chinese then the side-by-side file of a big document is made by a job whose words are Chinese', async () => {
    await page.goto(`${server.url}/documents`);
    await page.click('[data-testid=lang-switch]');
    await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    await page.goto(`${server.url}/documents/${big}`);
    expect(await page.locator('.export-job').textContent()).toContain('文件在后台生成');
    await watchForBar();
    await page.click('[data-testid=review-html]');
    const link = page.getByTestId('export-status').getByTestId('job-download');
    await link.waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => (window as unknown as { sawBar: boolean }).sawBar)).toBe(true);
    expect(await page.getByTestId('export-status').getByTestId('job-result').textContent()).toMatch(/^导出完成：“大文档\.bilingual\.html”，\d+ KB。$/);
    expect(await link.textContent()).toBe('下载文件');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const made = await translatedDocuments(server.store).review(big, 'html', ['中文', '英文']);
    expect(fs.readFileSync((await download.path())!).equals(Buffer.from(made.bytes))).toBe(true);
  }, 60_000);

  it('when Download is pressed on a small document then the file downloads at once, with no job', async () => {
    const jobs = await server.value<number>("SELECT count(*) FROM jobs WHERE kind = 'export'");
    await page.goto(`${server.url}/documents/${small}`);
    expect(await page.locator('#export-status').count()).toBe(0);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-dialog] button[type=submit]')]);
    expect(download.suggestedFilename()).toBe('小文档.tmx');
    expect(await server.value<number>("SELECT count(*) FROM jobs WHERE kind = 'export'")).toBe(jobs);
  }, 60_000);

  it('when XLIFF 1.2 is chosen then the file is XLIFF 1.2, for tools that open no XLIFF 2', async () => {
    await page.goto(`${server.url}/documents/${small}`);
    await page.check('[data-testid=export-dialog] input[value=xliff12]');
    await page.selectOption('[data-testid=export-dialog] select[name=state]', 'all');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=export-dialog] button[type=submit]')]);
    expect(download.suggestedFilename()).toBe('小文档.xliff12.xlf');
    const text = fs.readFileSync((await download.path())!, 'utf8');
    expect(text).toContain('<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2"');
    expect(text).toContain('<trans-unit id=');
  }, 60_000);
});
