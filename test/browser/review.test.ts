import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Dialog, Locator, Page } from 'playwright-core';
import { browserUnavailable, closeWorkbench, login, openWorkbench, screenshotPath } from '../support/browser.ts';
import type { Workbench } from '../support/start-workbench.ts';

const skip = browserUnavailable();

const approvedCount = (page: Page) => page.locator('#progress rect[data-state=approved]').getAttribute('data-count');

describe.skipIf(skip)('post-editing and review in a real browser', () => {
  let wb: Workbench;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    ({ wb, context, page } = await openWorkbench([['lin', 'translator'], ['wang', 'reviewer']]));
  });
  afterAll(() => closeWorkbench({ wb, context }));

  it('when a translator fixes "justice and justice" and presses Ctrl+Enter then it is saved and the next row opens', async () => {
    await login(page, wb.url, 'lin');
    await page.click('table.documents a');
    const row = page.locator('tr.pair', { hasText: 'justice and justice' });
    await row.locator('button[data-edit]').click();
    const editor = page.locator('tr.editing');
    await editor.waitFor();
    expect(await editor.locator('.mt-text').textContent()).toContain('international justice and justice');
    // No approve button for a translator.
    expect(await editor.locator('[data-shortcut=approve-next]').count()).toBe(0);
    const textarea = editor.locator('textarea[name=tgt]');
    const fixed = (await textarea.inputValue()).replace('international justice and justice', 'international fairness and justice');
    await textarea.fill(fixed);
    await textarea.press('Control+Enter');
    const saved = page.locator('tr.pair[data-state=translated]', { hasText: 'international fairness and justice' });
    await saved.waitFor();
    await page.locator('tr.editing').waitFor(); // the next row's editor opened by itself
    expect(await page.locator('tr.editing .source-text').textContent()).not.toContain('公平正义');
    await page.keyboard.press('Escape');
    await page.locator('tr.editing').waitFor({ state: 'detached' });
  });

  it('when the reviewer opens the pair then the diff shows the fix, and approving moves the progress bar', async () => {
    await page.click('header form[action="/logout"] button');
    await login(page, wb.url, 'wang');
    await page.click('table.documents a');
    expect(await approvedCount(page)).toBe('0');
    const row = page.locator('tr.pair', { hasText: 'international fairness and justice' });
    await row.locator('button[data-edit]').click();
    const editor = page.locator('tr.editing');
    await editor.waitFor();
    expect(await editor.locator('[data-testid=editor-diff] del').allTextContents()).toContain('justice');
    expect(await editor.locator('[data-testid=editor-diff] ins').allTextContents()).toContain('fairness');
    await page.screenshot({ path: screenshotPath('editor.png') });
    await editor.locator('textarea[name=tgt]').press('Control+Shift+Enter');
    await page.locator('tr.pair[data-state=approved]', { hasText: 'international fairness and justice' }).waitFor();
    await expect.poll(() => approvedCount(page)).toBe('1');
  });

  it('when the reviewer opens the history then it lists the translator\'s save and the approval', async () => {
    await page.keyboard.press('Escape').catch(() => undefined);
    const row = page.locator('tr.pair', { hasText: 'international fairness and justice' });
    await row.locator('button[data-edit]').click();
    await page.locator('tr.editing button', { hasText: 'History' }).click();
    const history = page.locator('[data-testid=history]');
    await history.waitFor();
    const text = await history.textContent();
    expect(text).toContain('lin');
    expect(text).toContain('wang');
    expect(text).toContain('approved');
  });

  it('when the reviewer types a rejection and presses Ctrl+Enter or Ctrl+Shift+Enter in its comment then the pair is rejected with it, neither saved nor approved', async () => {
    await page.keyboard.press('Escape').catch(() => undefined);
    await page.locator('tr.editing').waitFor({ state: 'detached' });
    // The bar is fetched after the rejected row is in place (pair-changed): slowed here as under load (9.8 made it fail
    // once), so reading the bar without waiting for its own request would read the count before the rejection.
    await page.route('**/documents/*/progress', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue();
    });
    for (const [text, keys] of [['close friends and partners', 'Control+Enter'], ['Over the past two years', 'Control+Shift+Enter']] as const) {
      await page.locator('tr.pair', { hasText: text }).locator('button[data-edit]').click();
      const form = page.locator('tr.editing [data-testid=reject-form]');
      await form.waitFor();
      await form.locator('select[name=category]').selectOption('fluency');
      await form.locator('select[name=severity]').selectOption('minor');
      const comment = `Please rework this sentence (${keys}).`;
      await form.locator('textarea[name=comment]').fill(comment);
      await form.locator('textarea[name=comment]').press(keys);
      const rejected = page.locator('tr.pair[data-state=rejected]', { hasText: text });
      await rejected.waitFor({ timeout: 20_000 });
      expect(await rejected.locator('[data-testid=row-comment]').textContent()).toContain(comment);
      expect(await page.locator('tr.editing').count()).toBe(0); // no next row opened: the reviewer stays on the rejection
    }
    await expect.poll(() => page.locator('#progress rect[data-state=rejected]').getAttribute('data-count')).toBe('2');
    expect(await approvedCount(page)).toBe('1');
    await page.unrouteAll({ behavior: 'wait' });
  });

  it('when the untranslated rows get English and a machine row is post-edited then the summary, the effort line and the downloads note follow without a reload', async () => {
    await page.reload();
    const summary = page.locator('[data-testid=doc-summary]');
    const effort = page.locator('[data-testid=effort]');
    expect(await summary.textContent()).toContain('; 2 untranslated;');
    expect(await page.locator('[data-testid=translation-fallbacks]').textContent()).toBe('Pairs with no English yet: 2. The downloads keep their Chinese in their place, marked [untranslated].');
    const effortBefore = await effort.textContent();
    for (const [zh, text] of [['金灿荣教授', 'Professor Jin Canrong: 𠮷 “selected”'], ['黑超哥', 'Brother Black Shades: 「selected」']] as const) {
      await page.locator('tr.pair', { hasText: zh }).locator('button[data-edit]').click();
      await page.locator('tr.editing textarea[name=tgt]').fill(text);
      await page.locator('tr.editing button[type=submit][value="0"]').click();
      await page.locator('tr.pair[data-state=translated]', { hasText: text }).waitFor();
    }
    await expect.poll(() => summary.textContent()).toContain('; 0 untranslated;');
    expect(await page.locator('[data-testid=translation-fallbacks]').count()).toBe(0);
    expect(await page.locator('#progress rect[data-state=untranslated]').getAttribute('data-count')).toBe('0');
    const wuhan = page.locator('tr.pair', { hasText: 'Wuhan lockdown' });
    await wuhan.locator('button[data-edit]').click();
    const box = page.locator('tr.editing textarea[name=tgt]');
    await box.fill((await box.inputValue()).replace('contain Coronavirus', 'contain the coronavirus'));
    await page.locator('tr.editing button[type=submit][value="0"]').click();
    await expect.poll(() => effort.textContent()).not.toBe(effortBefore);
    expect(await page.locator('#doc-summary, #effort, #translation-fallbacks').count()).toBe(3); // each once, swapped in place
  });

  it('when Esc cancels an input method\'s composition in the rejection comment then the editor stays open with the comment; a plain Esc closes it', async () => {
    await page.locator('tr.pair', { hasText: 'further tap the potential' }).locator('button[data-edit]').click();
    const comment = page.locator('tr.editing [data-testid=reject-form] textarea[name=comment]');
    await comment.fill('译文漏掉了“进一步”');
    // Every question the page asks is kept and answered here; with none waiting Playwright would dismiss it unseen, and
    // an Esc wrongly taken from the input method would leave the editor and the comment as they are.
    const asked: string[] = [];
    let answer: 'accept' | 'dismiss' = 'dismiss';
    const ask = (d: Dialog) => { asked.push(d.message()); void d[answer](); };
    page.on('dialog', ask);
    // An input method composing pinyin (over the DevTools protocol, as headless Chromium has none), then Esc to drop it.
    const ime = await context.newCDPSession(page);
    await ime.send('Input.imeSetComposition', { text: 'jinyibu', selectionStart: 7, selectionEnd: 7 });
    await comment.press('Escape');
    // The editor asks before it closes, during the key's own handling (confirm blocks the page): nothing was asked.
    expect(asked).toEqual([]);
    expect(await page.locator('tr.editing').count()).toBe(1);
    expect(await comment.inputValue()).toContain('译文漏掉了“进一步”');
    await ime.send('Input.insertText', { text: '' }); // the input method lets go
    await ime.detach();
    // A plain Esc would throw the unsent comment away: it asks first, and "no" keeps the editor and the comment.
    await comment.press('Escape');
    await expect.poll(() => asked).toEqual(['Discard the comment you have not sent?']);
    expect(await page.locator('tr.editing').count()).toBe(1);
    expect(await comment.inputValue()).toContain('译文漏掉了“进一步”');
    answer = 'accept';
    await comment.press('Escape');
    await page.locator('tr.editing').waitFor({ state: 'detached' });
    // With nothing typed in it, Esc closes at once.
    await page.locator('tr.pair', { hasText: 'further tap the potential' }).locator('button[data-edit]').click();
    await comment.waitFor();
    await comment.press('Escape');
    await page.locator('tr.editing').waitFor({ state: 'detached' });
    page.off('dialog', ask);
    expect(asked).toHaveLength(2);
  });

  it('when the reviewer presses Alt+R in the editor then the focus goes to the rejection\'s comment and back to the English, but not while an input method composes', async () => {
    const isFocused = (l: Locator) => l.evaluate((el) => el === document.activeElement);
    expect(await page.locator('details.shortcuts', { hasText: 'Keyboard shortcuts' }).textContent()).toContain('Alt+R go to the rejection\'s comment');
    await page.locator('tr.pair', { hasText: 'further tap the potential' }).locator('button[data-edit]').click();
    const box = page.locator('tr.editing textarea[name=tgt]');
    const comment = page.locator('tr.editing [data-testid=reject-comment]');
    await expect.poll(() => isFocused(box)).toBe(true);
    const english = await box.inputValue();
    await page.keyboard.press('Alt+r');
    await expect.poll(() => isFocused(comment)).toBe(true);
    expect(await comment.getAttribute('aria-keyshortcuts')).toBe('Alt+R');
    await page.keyboard.press('Alt+r');
    await expect.poll(() => isFocused(box)).toBe(true);
    // From a thread's reply box or a button of the editor too; ⌥R on a Mac is the same key making "®".
    await page.locator('tr.editing button[data-shortcut=cancel]').focus();
    await page.keyboard.press('Alt+r');
    await expect.poll(() => isFocused(comment)).toBe(true);
    await comment.evaluate((el) => el.dispatchEvent(new KeyboardEvent('keydown', { key: '®', code: 'KeyR', altKey: true, bubbles: true, cancelable: true })));
    await expect.poll(() => isFocused(box)).toBe(true);
    expect(await box.inputValue()).toBe(english);
    expect(await comment.inputValue()).toBe('');
    // Composing pinyin in the box, the key is the input method's.
    const ime = await context.newCDPSession(page);
    await ime.send('Input.imeSetComposition', { text: 'tui', selectionStart: 3, selectionEnd: 3 });
    await page.keyboard.press('Alt+r');
    await ime.send('Input.insertText', { text: '' });
    await ime.detach();
    expect(await isFocused(box)).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('tr.editing').waitFor({ state: 'detached' });
    // On the row the keyboard is on, without its editor (where Esc, E or X left it), the editor opens at the comment.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toMatch(/^Edit row \d+$/);
    await page.keyboard.press('Alt+r');
    await expect.poll(() => isFocused(comment)).toBe(true);
    await page.keyboard.type('Check the verb.');
    expect(await comment.inputValue()).toBe('Check the verb.');
    expect(await box.inputValue()).toBe(english);
    await comment.fill(''); // so Esc closes without asking
    await page.keyboard.press('Escape');
    await page.locator('tr.editing').waitFor({ state: 'detached' });
  });
});
