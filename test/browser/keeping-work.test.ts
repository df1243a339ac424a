// Nothing typed is lost, in a real browser: a logout in another tab, a reload, leaving the page, an empty save,
// and History's way back to an earlier text.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Dialog, Page } from 'playwright-core';
import { browserUnavailable, closeWorkbench, login, openWorkbench } from '../support/browser.ts';
import type { Workbench } from '../support/start-workbench.ts';

const skip = browserUnavailable();

describe.skipIf(skip)('keeping what a translator types', () => {
  let wb: Workbench;
  let context: BrowserContext;
  let page: Page;
  let documentUrl: string;

  beforeAll(async () => {
    ({ wb, context, page } = await openWorkbench([['lin', 'translator']]));
    await login(page, wb.url, 'lin');
    await page.click('table.documents a');
    await page.waitForSelector('[data-testid=pair-row]');
    documentUrl = page.url();
  });
  afterAll(() => closeWorkbench({ wb, context }));

  const row = (text: string) => page.locator('tr.pair', { hasText: text });
  const editor = () => page.locator('tr.editing');
  const box = () => editor().locator('textarea[name=tgt]');
  async function openEditor(text: string) {
    await row(text).locator('button[data-edit]').click();
    await editor().waitFor();
  }
  const drafts = () => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('duiqi:draft:')));

  it('when the session ends in another tab then the typed text stays, and it is saved after signing in again', async () => {
    await openEditor('Hua Chunying’s Daily Briefing');
    const typed = 'Daily briefing by Hua Chunying, spokeswoman of the Chinese Foreign Ministry, online on 3 February 2020';
    await box().fill(typed);

    const other = await context.newPage();
    await other.goto(`${wb.url}/documents`);
    await other.click('header form[action="/logout"] button');
    await other.waitForURL('**/login');
    await other.close();

    await box().press('Control+Enter');
    const notice = editor().locator('[data-testid=session-lost]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('You are signed out');
    expect(await box().inputValue()).toBe(typed);
    expect(await editor().locator('[data-testid=editor-text]').count()).toBe(1);

    // Retry before signing in says so and keeps everything.
    await notice.locator('[data-testid=session-retry]').click();
    await notice.locator('[data-session-still-out]').waitFor({ state: 'visible' });
    expect(await box().inputValue()).toBe(typed);

    const [signIn] = await Promise.all([context.waitForEvent('page'), notice.locator('[data-testid=session-sign-in]').click()]);
    await signIn.waitForSelector('input[name=name]');
    await signIn.fill('input[name=name]', 'lin');
    await signIn.fill('input[name=password]', 'lin-password');
    await signIn.click('form[action="/login"] button[type=submit]');
    await signIn.waitForSelector('[data-testid=signed-in]');
    await signIn.close();

    await editor().locator('[data-testid=session-retry]').click();
    await page.locator('tr.pair[data-state=translated]', { hasText: typed }).waitFor();
    expect(await drafts()).toEqual([]);
    // Ctrl+Enter opens the next row once the save is answered: wait for that editor (on a busy machine it comes after
    // the saved row shows), or Escape would find none and it would stay open beside the next test's.
    await page.locator('tr.editing').filter({ hasNotText: typed }).waitFor();
    await page.keyboard.press('Escape');
    await editor().waitFor({ state: 'detached' });
  });

  it('when the page is reloaded with unsaved text then leaving asks first, and the text is offered back when the row opens again', async () => {
    await openEditor('exchanged views on the situation on the Korean Peninsula');
    const typed = 'The two sides also exchanged views on the situation on the Korean Peninsula, 朝鲜半岛.';
    await box().fill(typed);
    expect(await drafts()).toHaveLength(1);

    const dialogs: string[] = [];
    const accept = (d: Dialog) => {
      dialogs.push(d.type());
      void d.accept();
    };
    page.on('dialog', accept);
    await page.reload();
    await page.waitForSelector('[data-testid=pair-row]');
    expect(dialogs).toEqual(['beforeunload']);

    await openEditor('exchanged views on the situation on the Korean Peninsula');
    const offer = editor().locator('[data-testid=draft-offer]');
    await offer.waitFor({ state: 'visible' });
    expect(await offer.locator('blockquote').textContent()).toBe(typed);
    expect(await offer.locator('[data-draft-older]').isHidden()).toBe(true);
    expect(await box().inputValue()).not.toBe(typed); // offered, not forced on the user
    await offer.locator('[data-draft-restore]').click();
    expect(await box().inputValue()).toBe(typed);
    await editor().locator('button[name=next][value="0"]').click();
    await page.locator('tr.pair[data-state=translated]', { hasText: typed }).waitFor();
    expect(await drafts()).toEqual([]);

    // Nothing unsaved: leaving asks nothing.
    await page.reload();
    await page.waitForSelector('[data-testid=pair-row]');
    page.off('dialog', accept);
    expect(dialogs).toEqual(['beforeunload']);
  });

  it('when the tab crashed and the pair was saved since then the draft is offered as older, and saving it shows both texts first', async () => {
    await openEditor('The affairs of Hong Kong');
    const typed = 'Moon Jae-in said that Hong Kong and Xinjiang affairs are China’s internal affairs.';
    await box().fill(typed);
    await page.close({ runBeforeUnload: false });
    page = await context.newPage();
    await page.goto(documentUrl);
    await openEditor('The affairs of Hong Kong');
    // Meanwhile the pair is saved from elsewhere (here: the API, with this session's token).
    const status = await page.evaluate(async () => {
      const form = document.querySelector<HTMLFormElement>('form.editor')!;
      const token = JSON.parse(document.body.getAttribute('hx-headers:inherited')!)['X-CSRF-Token'];
      const res = await fetch(`/api/pairs/${form.dataset.draft!.split(':')[2]}`, {
        method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': token },
        body: JSON.stringify({ tgt: 'Saved elsewhere meanwhile.', version: Number(form.querySelector<HTMLInputElement>('input[name=version]')!.value) }),
      });
      return res.status;
    });
    expect(status).toBe(200);
    await page.keyboard.press('Escape');
    await openEditor('Saved elsewhere meanwhile.');
    const offer = editor().locator('[data-testid=draft-offer]');
    await offer.waitFor({ state: 'visible' });
    expect(await offer.locator('[data-draft-older]').isVisible()).toBe(true);
    await offer.locator('[data-draft-restore]').click();
    await editor().locator('button[name=next][value="0"]').click();
    const conflict = editor().locator('[data-testid=conflict]');
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('Saved elsewhere meanwhile.');
    expect(await conflict.textContent()).toContain(typed);
    expect(await drafts()).toHaveLength(1); // still unsaved
    await editor().locator('button[name=next][value="0"]').click();
    await page.locator('tr.pair[data-state=translated]', { hasText: typed }).waitFor();
    expect(await drafts()).toEqual([]);
  });

  it('when the box is saved empty then the editor says how to clear, and Clear translation empties the row after asking', async () => {
    await openEditor('scheduled in Chengdu today');
    await box().fill('');
    await editor().locator('button[name=next][value="0"]').click();
    const message = editor().locator('[data-testid=editor-message]');
    await message.waitFor();
    expect(await message.textContent()).toContain('Clear translation');
    expect(await editor().locator('[data-testid=conflict]').count()).toBe(0);

    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.accept();
    });
    await editor().locator('[data-testid=clear-translation]').click();
    await page.locator('tr.pair[data-state=untranslated]', { hasText: '第八次中日韩领导人会议' }).waitFor();
    expect(asked[0]).toContain('Remove the English of this pair?');
  });

  it('when History offers an earlier version then restoring it brings the text back as a new revision by the restorer', async () => {
    await row('第八次中日韩领导人会议').locator('button[data-edit]').click();
    await editor().waitFor();
    await editor().locator('button', { hasText: 'History' }).click();
    const restore = editor().locator('[data-testid=restore-version]');
    await restore.first().waitFor();
    await restore.first().click();
    const restored = page.locator('tr.pair[data-state=translated]', { hasText: 'scheduled in Chengdu today' });
    await restored.waitFor();
    await restored.locator('button[data-edit]').click();
    await editor().locator('button', { hasText: 'History' }).click();
    const newest = editor().locator('[data-testid=history] li').first();
    await newest.waitFor();
    expect(await newest.locator('.who').textContent()).toMatch(/lin · restored/);
    await page.keyboard.press('Escape');
    await editor().waitFor({ state: 'detached' });
    expect(page.url()).toBe(documentUrl);
  });
});
