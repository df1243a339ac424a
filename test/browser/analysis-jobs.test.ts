// A big document's match analysis in the browser, in both interface languages: the page shows the job's progress bar,
// then (htmx polling, no script of the page's own) the table, with no error in the console.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, launchBrowser, signedInPage } from '../support/browser.ts';
import { addUser, startTestServer, type TestServer } from '../support/test-server.ts';
import { storeDocument } from '../support/insert-document.ts';

const skip = browserUnavailable();

const rows = (count: number, tag: string) => Array.from({ length: count }, (_, i) => ({ zh: `${tag}第${i + 1}句：中韩合作。`, en: `Sentence ${i + 1}.` }));

describe.skipIf(skip)('the match analysis of a big document in the browser', () => {
  let server: TestServer;
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    // More than three pairs is big here, and a job bands two pairs a task.
    server = await startTestServer({ exportJobs: { jobRows: 3, keepHours: 24 }, analysisSlice: 2 });
    await addUser(server.store, 'lin', 'translator');
    context = await launchBrowser();
    page = await signedInPage(context, server.url, 'lin', 'correct horse 12');
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) errors.push(`${m.text()} ${m.location().url}`);
    });
  });
  afterAll(async () => {
    await context?.close();
    await server?.close();
  });

  it.each([
    ['en', 'its matches are looked up in the background', 'Total'],
    ['zh-CN', '匹配在后台查找', '合计'],
  ])('when the page of a big document is opened in %s then its job\'s progress shows, then the table', async (lang, note, total) => {
    if (lang === 'zh-CN') {
      await page.goto(`${server.url}/documents`);
      await page.click('[data-testid=lang-switch]');
      await page.waitForFunction(() => document.documentElement.lang === 'zh-CN');
    }
    const { documentId } = await storeDocument(server.store, `大文档 ${lang}`, rows(9, lang));
    const first = await page.goto(`${server.url}/documents/${documentId}/analysis`);
    const html = await first!.text();
    expect(html).toContain(note);
    expect(html).toContain('data-testid="job-bar"');
    await page.getByTestId('analysis-table').waitFor({ timeout: 30_000 });
    expect(page.url()).toBe(`${server.url}/documents/${documentId}/analysis`);
    expect(await page.locator('[data-band=total] th').textContent()).toBe(total);
    expect(await page.locator('[data-band=total]').getAttribute('data-pairs')).toBe('9');
    expect(errors, errors.join('\n')).toEqual([]);
  }, 60_000);
});
