// Runs axe-core on the main pages in both interface languages and fails on any violation, minor ones included:
// all pass, so any new one is a change to look at.

import fs from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, closeWorkbench, login, openWorkbench } from '../support/browser.ts';
import type { Workbench } from '../support/start-workbench.ts';
import { alignmentChange, openRealignPreview } from '../support/alignment-keys.ts';

const skip = browserUnavailable();
const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation { id: string; impact: string; help: string; nodes: { target: string[]; html: string }[] }

/** axe's findings on the page as it is now, one line each. Evaluated, not injected: the CSP forbids inline scripts. */
async function violations(page: Page): Promise<string[]> {
  const found = await page.evaluate(`${AXE}
    axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target, html: n.html.slice(0, 160) })),
    })))`) as Violation[];
  return found.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} at ${n.target.join(' ')}: ${n.html}`));
}

/** `after` undoes what `open` changed, so the next page state finds the document as it was. */
const PAGES: { name: string; as: 'lin' | 'wang' | 'admin'; open: (page: Page, url: string) => Promise<void>; after?: (page: Page) => Promise<void> }[] = [
  { name: 'document list', as: 'lin', open: async (page, url) => { await page.goto(`${url}/documents`); } },
  {
    name: 'document page with the editor open', as: 'lin', open: async (page, url) => {
      await page.goto(`${url}/documents/1`);
      await page.locator('tr.pair button[data-edit]').first().click();
      await page.locator('tr.editing textarea[name=tgt]').waitFor();
    },
  },
  {
    name: 'review with the reject form open', as: 'wang', open: async (page, url) => {
      await page.goto(`${url}/documents/1`);
      await page.locator('tr.pair button[data-edit]').first().click();
      await page.locator('tr.editing [data-testid=reject-form]').waitFor();
    },
  },
  {
    name: 'alignment editor', as: 'admin', open: async (page, url) => {
      await page.goto(`${url}/documents/1/align`);
      await page.locator('tr.arow.cursor').waitFor();
    },
  },
  {
    name: 'editor with its history open', as: 'wang', open: async (page, url) => {
      await page.goto(`${url}/documents/1`);
      await page.locator('tr.pair button[data-edit]').nth(1).click();
      await page.locator('tr.editing [data-shortcut=cancel] ~ button').click();
      await page.locator('[data-testid=history]').waitFor();
    },
  },
  {
    // A rejection with an error (the quality line's count of rows links to them then) and a comment, marked as no error.
    name: 'editor with a rejection and a comment that counts as no error', as: 'wang', open: async (page, url) => {
      await page.goto(`${url}/documents/1`);
      await page.locator('tr.pair button[data-edit]').nth(2).click();
      const form = page.locator('tr.editing [data-testid=reject-form]');
      await form.locator('textarea[name=comment]').fill('Check the figures.');
      await form.locator('select[name=category]').selectOption('accuracy');
      await form.locator('select[name=severity]').selectOption('minor');
      await form.locator('[data-testid=reject]').click();
      await page.getByTestId('open-errors-link').waitFor();
      await page.locator('tr.pair[data-state=rejected] button[data-edit]').first().click();
      const notes = page.locator('tr.editing [data-testid=not-an-error]');
      const threads = page.locator('tr.editing [data-testid=threads]');
      // Counted once the editor is open: the row may hold a note from the other language's run.
      await threads.locator('summary').waitFor();
      const before = await notes.count();
      await threads.locator('summary').click();
      await threads.locator('[data-testid=new-thread-form] textarea[name=body]').fill('A note for later.');
      await threads.locator('[data-testid=new-thread-form] button[type=submit]').click();
      await expect.poll(() => notes.count()).toBe(before + 1);
    },
  },
  {
    name: 'concordance with hits', as: 'lin', open: async (page, url) => {
      await page.goto(`${url}/concordance?q=${encodeURIComponent('中国')}`);
      await page.locator('[data-testid=concordance-results] .kwic').first().waitFor();
    },
  },
  { name: 'charts', as: 'lin', open: async (page, url) => { await page.goto(`${url}/documents/1/charts`); } },
  { name: 'match analysis', as: 'lin', open: async (page, url) => { await page.goto(`${url}/documents/1/analysis`); } },
  {
    // B on the cursor's Chinese sentence (the first row's English is a draft): the dialog that asks where to split it.
    name: 'alignment editor with the split-sentence dialog open', as: 'admin', open: async (page, url) => {
      await page.goto(`${url}/documents/1/align`);
      await page.locator('tr.arow.cursor').waitFor();
      await page.keyboard.press('ArrowLeft');
      await page.keyboard.press('b');
      await page.locator('#split-sentence-dialog[open]').waitFor();
    },
    after: (page) => page.keyboard.press('Escape'),
  },
  {
    name: 'alignment editor with the realign preview open', as: 'admin', open: async (page, url) => {
      await page.goto(`${url}/documents/1/align`);
      await page.locator('tr.arow.cursor').waitFor();
      await openRealignPreview(page);
    },
    after: async (page) => {
      await page.keyboard.press('Escape');
      await alignmentChange(page, 'Control+z');
    },
  },
  { name: 'glossary', as: 'lin', open: async (page, url) => { await page.goto(`${url}/glossary`); } },
  { name: 'import', as: 'lin', open: async (page, url) => { await page.goto(`${url}/import`); } },
  { name: 'account', as: 'lin', open: async (page, url) => { await page.goto(`${url}/account`); } },
  { name: 'admin users', as: 'admin', open: async (page, url) => { await page.goto(`${url}/admin/users`); } },
];

describe.skipIf(skip)('axe finds no violation on the main pages', () => {
  let wb: Workbench;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ wb, context, page } = await openWorkbench([['lin', 'translator'], ['wang', 'reviewer']]));
  });
  afterAll(() => closeWorkbench({ wb, context }));

  for (const lang of ['en', 'zh-CN'] as const) {
    it(`when someone signed out opens the login page in ${lang} then axe finds nothing`, async () => {
      await context.clearCookies();
      await context.addCookies([{ name: 'duiqi_lang', value: lang, url: wb.url }]);
      await page.goto(`${wb.url}/login`);
      expect(await page.locator('html').getAttribute('lang')).toBe(lang);
      expect((await violations(page)).join('\n')).toBe('');
      // A refused sign-in shows its message on the same page.
      await page.fill('input[name=name]', 'lin');
      await page.fill('input[name=password]', 'not-the-password');
      await page.keyboard.press('Enter');
      await page.locator('p.error[role=alert]').waitFor();
      expect((await violations(page)).join('\n')).toBe('');
    });
    for (const p of PAGES) {
      it(`when ${p.as} opens the ${p.name} in ${lang} then axe finds nothing`, async () => {
        await login(page, wb.url, p.as);
        if ((await page.locator('html').getAttribute('lang')) !== lang) {
          await page.click('[data-testid=lang-switch]');
          await page.waitForLoadState();
        }
        await p.open(page, wb.url);
        expect(await page.locator('html').getAttribute('lang')).toBe(lang);
        const found = await violations(page);
        await p.after?.(page);
        expect(found.join('\n')).toBe('');
      });
    }
  }
});
