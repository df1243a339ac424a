import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, launchBrowser, screenshotPath, signedInPage } from '../support/browser.ts';
import { startSeededServer } from '../support/seed.ts';
import { insertDocument } from '../support/insert-document.ts';
import { documents } from '../../server/services/documents.ts';

const skip = browserUnavailable();

const TEXTS = [
  { zh: '合作共赢。', en: 'Cooperation lifts the level of trust.' },
  { zh: '双方交换了意见。', en: 'Views were exchanged at every level.' },
  { zh: '合作共赢。', en: 'Win-win cooperation.' },
  '合作共赢。',
  { zh: '会谈富有成果。', en: 'The talks reached a new level.' },
  { zh: '两国关系处于历史最好水平。', en: 'Relations are at their best levels in history.' },
];
const EN = TEXTS.map((t) => (typeof t === 'string' ? '' : t.en));

describe.skipIf(skip)('search and replace with a preview and one undo; propagating a repeat', () => {
  let seeded: Awaited<ReturnType<typeof startSeededServer>>;
  let doc: { documentId: number; pairIds: number[] };
  let context: BrowserContext;
  let page: Page;
  const errors: string[] = [];
  const texts = async () => (await documents(seeded.server.store).pairs(doc.documentId)).map((p) => p.tgt);
  const rowText = (i: number) => page.locator(`#pair-${doc.pairIds[i]} td.tgt`);

  beforeAll(async () => {
    seeded = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer']]);
    context = await launchBrowser();
    page = await signedInPage(context, seeded.server.url, 'lin', 'correct horse 12');
    page.on('console', (m) => { if (m.text().startsWith('CSP violation')) errors.push(m.text()); });
    await page.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => console.error(`CSP violation: ${e.violatedDirective}`)));
  });
  afterAll(async () => {
    await context?.close();
    await seeded?.server.close();
  });
  // Each case on a fresh copy of the document, row 5 approved by the reviewer.
  beforeEach(async () => {
    doc = insertDocument(seeded.server.db, '查找替换', TEXTS);
    expect((await seeded.api('wang', 'POST', `/api/pairs/${doc.pairIds[5]}/review`, { decision: 'approve', version: 1 })).status).toBe(200);
    await page.goto(`${seeded.server.url}/documents/${doc.documentId}`);
  });

  it('when a regular expression is previewed and applied then every change is shown first, and one undo reverts them all', async () => {
    await page.keyboard.press('Control+h');
    const find = page.getByTestId('replace-find');
    await expect.poll(() => find.evaluate((el) => el === document.activeElement)).toBe(true);
    await find.fill('\\blevel(s?)\\b');
    await page.getByTestId('replace-with').fill('tier$1');
    await page.getByTestId('replace-regex').check();
    await find.press('Enter');

    const changes = page.getByTestId('replace-change');
    await changes.first().waitFor();
    expect(await changes.count()).toBe(3);
    expect(await changes.locator('td.idx').allTextContents()).toEqual(['1', '2', '5']);
    expect(await changes.nth(0).locator('del').textContent()).toBe('level');
    expect(await changes.nth(0).locator('ins').textContent()).toBe('tier');
    expect(await page.getByTestId('replace-approved-left').textContent()).toContain('1 approved row');
    // The preview wrote nothing.
    expect(await texts()).toEqual(EN);
    await page.screenshot({ path: screenshotPath('search-replace.png') });

    await page.getByTestId('replace-apply').click();
    await page.getByTestId('batch-result').waitFor();
    expect(await page.getByTestId('batch-result').locator('p.ok').textContent()).toBe('Replaced in 3 rows (rows 1, 2, 5).');
    await expect.poll(() => rowText(4).textContent()).toContain('The talks reached a new tier.');
    expect(await texts()).toEqual(['Cooperation lifts the tier of trust.', 'Views were exchanged at every tier.', EN[2], '', 'The talks reached a new tier.', EN[5]]);

    await page.getByTestId('batch-undo').click();
    await page.getByTestId('batch-undone').waitFor();
    expect(await page.getByTestId('batch-undone').locator('p.ok').textContent()).toBe('Undone: 3 rows are back as they were.');
    await expect.poll(() => rowText(4).textContent()).toContain('The talks reached a new level.');
    expect(await texts()).toEqual(EN);
    expect(errors).toEqual([]);
  });

  it('when a replacement follows one still offered as "your last change" then that offer goes, the new result carrying the one undo', async () => {
    async function replace(find: string, by: string) {
      await page.keyboard.press('Control+h');
      await page.getByTestId('replace-find').fill(find);
      await page.getByTestId('replace-with').fill(by);
      await page.getByTestId('replace-find').press('Enter');
      await page.getByTestId('replace-apply').click();
      await page.locator('#replace-preview [data-testid=batch-result]').waitFor();
    }
    await replace('Win-win', 'Mutually beneficial');
    await page.reload();
    const last = page.locator('#batch-status [data-testid=batch-last]');
    await last.waitFor();
    expect(await last.textContent()).toContain('“Win-win” replaced with “Mutually beneficial” in 1 row.');
    await replace('talks', 'meetings');
    await expect.poll(() => last.count()).toBe(0);
    expect(await page.getByTestId('batch-undo').count()).toBe(1);
    await page.reload();
    await last.waitFor();
    expect(await last.textContent()).toContain('“talks” replaced with “meetings” in 1 row.');
  });

  it('when "your last change" is offered on a 390 px screen then scrolling to the end brings the last row clear of it', async () => {
    await page.keyboard.press('Control+h');
    await page.getByTestId('replace-find').fill('talks');
    await page.getByTestId('replace-with').fill('meetings');
    await page.getByTestId('replace-find').press('Enter');
    await page.getByTestId('replace-apply').click();
    await page.locator('#replace-preview [data-testid=batch-result]').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    try {
      await page.reload();
      await page.locator('#batch-status [data-testid=batch-last]').waitFor();
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const covered = await page.evaluate(() => {
        const box = document.getElementById('batch-status')!.getBoundingClientRect();
        const last = [...document.querySelectorAll('tr.pair')].at(-1)!;
        return [...last.querySelectorAll('td.tgt, [data-edit]')].map((el) => el.getBoundingClientRect().bottom > box.top);
      });
      expect(covered).toEqual([false, false]);
    } finally {
      await page.setViewportSize({ width: 1280, height: 900 });
    }
  });

  it('when the Chinese side is previewed and applied then the rows\' Chinese changes in place, flagged, and one undo reverts it', async () => {
    const srcs = async () => (await documents(seeded.server.store).pairs(doc.documentId)).map((p) => p.src);
    const srcCell = (i: number) => page.locator(`#pair-${doc.pairIds[i]} td.src`);
    const before = await srcs();
    await page.keyboard.press('Control+h');
    await page.getByTestId('replace-find').fill('合作');
    await page.getByTestId('replace-with').fill('协作');
    await page.getByTestId('replace-side-zh').check();
    await page.getByTestId('replace-preview-button').click();

    const changes = page.getByTestId('replace-change');
    await changes.first().waitFor();
    // The untranslated row 4 is a change too: its Chinese is replaced whatever its state.
    expect(await changes.locator('td.idx').allTextContents()).toEqual(['1', '3', '4']);
    expect(await changes.nth(0).locator('del').textContent()).toBe('合作');
    expect(await changes.nth(0).locator('ins').textContent()).toBe('协作');
    expect(await page.getByTestId('replace-source-note').isVisible()).toBe(true);
    expect(await srcs()).toEqual(before);
    await page.screenshot({ path: screenshotPath('search-replace-chinese.png') });

    await page.getByTestId('replace-apply').click();
    await page.getByTestId('batch-result').waitFor();
    expect(await page.getByTestId('batch-result').locator('p.ok').textContent()).toBe('The Chinese was changed in 3 rows (rows 1, 3, 4).');
    await expect.poll(() => srcCell(2).textContent()).toBe('协作共赢。');
    await expect.poll(() => page.locator(`#pair-${doc.pairIds[0]} [data-qa="source"]`).count()).toBe(1);
    expect(await srcs()).toEqual(['协作共赢。', before[1], '协作共赢。', '协作共赢。', before[4], before[5]]);
    // The English is left as it was.
    expect(await texts()).toEqual(EN);

    await page.getByTestId('batch-undo').click();
    await page.getByTestId('batch-undone').waitFor();
    await expect.poll(() => srcCell(2).textContent()).toBe('合作共赢。');
    await expect.poll(() => page.locator(`#pair-${doc.pairIds[0]} [data-qa="source"]`).count()).toBe(0);
    expect(await srcs()).toEqual(before);
    expect(errors).toEqual([]);
  });

  it('when a sentence with repeats is saved then the row offers its translation to them, and the offer applies and undoes as one', async () => {
    await page.locator(`#pair-${doc.pairIds[0]} button[data-edit]`).click();
    const box = page.locator('tr.editing textarea[name=tgt]');
    await box.fill('Cooperation for mutual benefit.');
    await box.press('Control+Enter');
    // Ctrl+Enter opened the next row's editor; the saved row offers its translation to the other two 合作共赢。 rows.
    const offer = page.getByTestId('repeat-offer');
    await offer.waitFor();
    expect(await offer.locator('p').textContent()).toBe('The same Chinese is in 2 other rows (3, 4).');
    await page.getByTestId('propagate').click();
    const status = page.getByTestId('batch-status');
    await status.getByTestId('batch-result').waitFor();
    expect(await status.locator('p.ok').textContent()).toBe('The translation was applied to 2 more rows (rows 3, 4).');
    await expect.poll(() => rowText(3).textContent()).toContain('Cooperation for mutual benefit.');
    expect(await rowText(2).textContent()).toContain('Cooperation for mutual benefit.');
    expect(await page.getByTestId('repeat-offer').count()).toBe(0);
    expect((await texts()).slice(0, 4)).toEqual(['Cooperation for mutual benefit.', EN[1], 'Cooperation for mutual benefit.', 'Cooperation for mutual benefit.']);

    await status.getByTestId('batch-undo').click();
    await status.getByTestId('batch-undone').waitFor();
    await expect.poll(() => rowText(2).textContent()).toContain('Win-win cooperation.');
    expect((await texts()).slice(0, 4)).toEqual(['Cooperation for mutual benefit.', EN[1], EN[2], '']);
    expect(errors).toEqual([]);
  });
});
