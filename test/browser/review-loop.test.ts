// The review loop closes, in a real browser: a reviewer rejects with a comment, category and severity; the
// translator filters "rejected", reads the comment on the row and atop the editor, and replies; the reviewer
// reads the reply and resolves the thread. A rejection without a comment is refused beside the field.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, closeWorkbench, login, openWorkbench } from '../support/browser.ts';
import type { Workbench } from '../support/start-workbench.ts';

const skip = browserUnavailable();
const ROW = 'close friends and partners';
const COMMENT = '“Close friends” reads oddly here: the Chinese says good neighbours.';
const REPLY = 'Changed to “good neighbours and partners”; please look again.';

describe.skipIf(skip)('the review loop in a real browser', () => {
  let wb: Workbench;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  let refusalsAsked = 0;

  beforeAll(async () => {
    ({ wb, context, page } = await openWorkbench([['lin', 'translator'], ['wang', 'reviewer']]));
    page.on('console', (m) => {
      // The one refusal a test provokes (a rejection whose comment is only spaces) is the server's 400, as meant.
      if (m.type() === 'error' && !(refusalsAsked > 0 && /\/(reject|replies)$/.test(m.location().url) && m.text().includes('400') && refusalsAsked--)) {
        consoleErrors.push(`${m.text()} ${m.location().url}`);
      }
    });
  });
  afterAll(() => closeWorkbench({ wb, context }));

  const row = () => page.locator('tr.pair', { hasText: ROW });
  const editor = () => page.locator('tr.editing');
  async function openDocumentAs(name: string) {
    if (await page.locator('header form[action="/logout"] button').count()) await page.click('header form[action="/logout"] button');
    await login(page, wb.url, name);
    await page.click('table.documents a');
    await page.waitForSelector('[data-testid=pair-row]');
  }
  async function openEditor() {
    await row().locator('button[data-edit]').click();
    await editor().waitFor();
  }

  it('when the reviewer rejects with an empty comment then the sentence shows beside the comment field and nothing is sent', async () => {
    await openDocumentAs('wang');
    await openEditor();
    const form = editor().locator('[data-testid=reject-form]');
    await form.locator('select[name=category]').selectOption('accuracy');
    await form.locator('select[name=severity]').selectOption('major');
    await form.locator('[data-testid=reject]').click();
    const error = form.locator('[data-testid=field-error-comment]');
    await expect.poll(() => error.textContent()).toContain('Say why you reject this pair');
    expect(await error.isVisible()).toBe(true);
    // Beside the field: the sentence follows the comment box in the same form.
    expect(await form.locator('label:has(textarea[name=comment]) + [data-testid=field-error-comment]').count()).toBe(1);
    expect(await editor().locator('[data-testid=conflict]').count()).toBe(0);
    expect(await row().getAttribute('data-state')).toBe(null); // still the editor row: nothing was sent
    expect(await page.locator(`tr.pair[data-state=rejected]`).count()).toBe(0);
  });

  it('when the server refuses the rejection (a comment of spaces) then the sentence shows beside the comment and the focus is there, not in the English', async () => {
    const form = editor().locator('[data-testid=reject-form]');
    await form.locator('textarea[name=comment]').fill('   ');
    refusalsAsked = 1;
    const refused = page.waitForResponse((r) => r.url().endsWith('/reject'));
    await form.locator('[data-testid=reject]').click();
    expect((await refused).status()).toBe(400);
    const again = editor().locator('[data-testid=reject-form]');
    await expect.poll(() => again.locator('[data-testid=field-error-comment]').textContent()).toContain('Say why you reject this pair');
    // What was chosen is kept, and the field to fix has the focus once everything has settled.
    expect(await again.locator('select[name=category]').inputValue()).toBe('accuracy');
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('reject-comment');
    expect(await again.locator('textarea[name=comment]').getAttribute('aria-invalid')).toBe('true');
  });

  it('when the comment holds 1,500 𠮷 then the field keeps them all (its limit is 2,000 characters), and past 2,000 the form says so beside it and sends nothing', async () => {
    const form = editor().locator('[data-testid=reject-form]');
    const comment = form.locator('textarea[name=comment]');
    await comment.fill('𠮷'.repeat(1500));
    expect(await comment.evaluate((t: HTMLTextAreaElement) => [Array.from(t.value).length, t.checkValidity()])).toEqual([1500, true]);
    await comment.fill('𠮷'.repeat(2001));
    let sent = false;
    const watch = (r: { url(): string }) => { if (r.url().endsWith('/reject')) sent = true; };
    page.on('request', watch);
    await form.locator('[data-testid=reject]').click();
    await expect.poll(() => form.locator('[data-testid=field-error-comment]').textContent()).toBe('At most 2,000 characters here.');
    page.off('request', watch);
    expect(sent).toBe(false);
    expect(Array.from(await comment.inputValue()).length).toBe(2001);
  });

  it('when the reviewer writes a comment, picks accuracy and major, and rejects then the row shows the comment and the bar counts it', async () => {
    const form = editor().locator('[data-testid=reject-form]');
    await form.locator('textarea[name=comment]').fill(COMMENT);
    await expect.poll(() => form.locator('[data-testid=field-error-comment]').textContent()).toBe('');
    await form.locator('[data-testid=reject]').click();
    const rejected = page.locator('tr.pair[data-state=rejected]', { hasText: ROW });
    await rejected.waitFor();
    expect(await rejected.locator('[data-testid=row-comment]').textContent()).toContain(COMMENT);
    expect(await rejected.locator('[data-testid=error-tag]').textContent()).toContain('accuracy · major');
    await expect.poll(() => page.locator('#progress rect[data-state=rejected]').getAttribute('data-count')).toBe('1');
    expect(Number(await page.locator('[data-testid=quality-score]').getAttribute('data-score'))).toBeLessThan(100);
  });

  it('when the translator filters "rejected" then only that row is listed, with the comment on the row and atop its editor, and the reply is kept', async () => {
    await openDocumentAs('lin');
    await page.locator('form.filters select[name=state]').selectOption('rejected');
    await expect.poll(() => page.locator('[data-testid=pair-row]').count()).toBe(1);
    expect(page.url()).toContain('state=rejected');
    expect(await row().locator('[data-testid=row-comment]').textContent()).toContain(COMMENT);
    await openEditor();
    const threads = editor().locator('[data-testid=threads]');
    expect(await threads.locator('[data-testid=thread-comment]').first().textContent()).toContain(COMMENT);
    // At the top: the thread comes before the source, the machine translation and the text box.
    const above = await page.evaluate(() => {
      const t = document.querySelector('tr.editing [data-testid=threads]')!;
      const box = document.querySelector('tr.editing textarea[name=tgt]')!;
      return Boolean(t.compareDocumentPosition(box) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    expect(above).toBe(true);
    expect(await editor().locator('[data-testid=reject-form]').count()).toBe(0);
    expect(await threads.locator('[data-testid=resolve]').count()).toBe(0);
    // A reply the server refuses (only spaces) comes back as typed, beside its sentence, with the focus in it.
    await threads.locator('[data-testid=reply-form] textarea[name=body]').fill('  ');
    refusalsAsked += 1;
    const refused = page.waitForResponse((r) => r.url().endsWith('/replies'));
    await threads.locator('[data-testid=reply-form] button[type=submit]').click();
    expect((await refused).status()).toBe(400);
    const reply = editor().locator('[data-testid=reply-form] textarea[name=body]');
    await expect.poll(() => editor().locator('[data-testid=reply-form] [data-testid=field-error-body]').textContent()).toContain('Write a comment first');
    await page.waitForTimeout(300);
    expect(await reply.evaluate((t) => t === document.activeElement)).toBe(true);
    expect(await reply.getAttribute('aria-invalid')).toBe('true');
    await reply.fill(REPLY);
    await threads.locator('[data-testid=reply-form] button[type=submit]').click();
    await expect.poll(() => editor().locator('[data-testid=thread-comment]').count()).toBe(2);
    expect(await editor().locator('[data-testid=thread-comment]').nth(1).textContent()).toContain(REPLY);
    await page.keyboard.press('Escape');
    await editor().waitFor({ state: 'detached' });
  });

  it('when the reviewer opens the row then the reply is there, and resolving the thread clears the row and the score', async () => {
    await openDocumentAs('wang');
    await openEditor();
    const threads = editor().locator('[data-testid=threads]');
    expect(await threads.locator('[data-testid=thread-comment]').nth(1).textContent()).toContain(REPLY);
    expect(await threads.locator('[data-testid=thread-comment]').nth(1).textContent()).toContain('lin');
    expect(await editor().locator('[data-testid=resolve-on-approve]').count()).toBe(1);
    await threads.locator('[data-testid=resolve]').click();
    await editor().locator('[data-testid=resolved-note]').waitFor();
    // Resolved here, the rejection is no longer offered for resolving beside Approve.
    await expect.poll(() => editor().locator('[data-testid=resolve-on-approve]').count()).toBe(0);
    expect(await editor().locator('[data-testid=resolved-note]').textContent()).toContain('wang');
    await expect.poll(() => page.locator('[data-testid=quality-score]').getAttribute('data-score')).toBe('100.00');
    await editor().locator('[data-shortcut=cancel]').click();
    await page.locator('tr.pair[data-state=rejected]', { hasText: ROW }).waitFor();
    expect(await row().locator('[data-testid=row-comment]').count()).toBe(0);
  });

  it('when the translator fixes a rejected row and the reviewer approves it with Ctrl+Shift+Enter then the ticked box resolves the rejection and the score is 100', async () => {
    const FIXED = 'Xi said China and South Korea are good neighbours and partners.';
    await openEditor();
    const form = editor().locator('[data-testid=reject-form]');
    await form.locator('textarea[name=comment]').fill(COMMENT);
    await form.locator('select[name=category]').selectOption('accuracy');
    await form.locator('select[name=severity]').selectOption('major');
    await form.locator('[data-testid=reject]').click();
    await page.locator('tr.pair[data-state=rejected]', { hasText: ROW }).waitFor();
    await expect.poll(async () => Number(await page.locator('[data-testid=quality-score]').getAttribute('data-score'))).toBeLessThan(100);

    await openDocumentAs('lin');
    await openEditor();
    await editor().locator('[data-testid=editor-text]').fill(FIXED);
    await editor().locator('[data-testid=editor-text]').press('Control+Enter');
    await page.locator('tr.pair[data-state=translated]', { hasText: FIXED }).waitFor();

    await openDocumentAs('wang');
    await page.locator('tr.pair', { hasText: FIXED }).locator('button[data-edit]').click();
    await editor().waitFor();
    expect(await editor().locator('[data-testid=editor-diff] ins').first().textContent()).toBeTruthy();
    const box = editor().locator('[data-testid=resolve-on-approve]');
    expect(await box.isChecked()).toBe(true);
    // Beside its words, not stretched like the row field: the reviewer sees what the tick means.
    expect((await box.boundingBox())!.width).toBeLessThan(40);
    // On a phone too, where the editor's fields take the whole line.
    const wide = page.viewportSize()!;
    await page.setViewportSize({ width: 390, height: 800 });
    expect((await box.boundingBox())!.width).toBeLessThan(40);
    await page.setViewportSize(wide);
    expect(await editor().locator('label.resolve-on-approve').textContent()).toContain('accuracy · major');
    await editor().locator('[data-testid=editor-text]').press('Control+Shift+Enter');
    await page.locator('tr.pair[data-state=approved]', { hasText: FIXED }).waitFor();
    await expect.poll(() => page.locator('[data-testid=quality-score]').getAttribute('data-score')).toBe('100.00');
    expect(await page.locator('tr.pair', { hasText: FIXED }).locator('[data-testid=row-comment]').count()).toBe(0);
  });

  it('when the loop is done then the browser logged no error on any page (a missing /favicon.ico was one on each)', () => {
    expect(consoleErrors).toEqual([]);
  });
});
