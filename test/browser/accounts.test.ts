// The admin's user list and a user's own account in a real browser: create, sign in with a one-time password,
// change it, make and revoke a token, deactivate (the open page is refused), and the last admin refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, launchBrowser, login, screenshotPath } from '../support/browser.ts';
import { startWorkbench, type Workbench } from '../support/start-workbench.ts';

const skip = browserUnavailable();

describe.skipIf(skip)('managing accounts in a real browser', () => {
  let wb: Workbench;
  let adminContext: BrowserContext;
  let userContext: BrowserContext;
  let admin: Page;
  let mei: Page;
  let oneTime = '';
  let token = '';

  beforeAll(async () => {
    wb = await startWorkbench({ DUIQI_ADMIN_PASSWORD: 'admin-password' });
    adminContext = await launchBrowser();
    userContext = await launchBrowser();
    admin = await adminContext.newPage();
    mei = await userContext.newPage();
  });
  afterAll(async () => {
    await adminContext?.close();
    await userContext?.close();
    await wb?.stop();
  });

  const meisRow = () => admin.locator('[data-testid="user-mei"]');

  it('when an admin follows the header link and creates a user then the one-time password is shown in the list', async () => {
    await login(admin, wb.url, 'admin');
    await admin.click('[data-testid=nav-users]');
    await admin.waitForURL('**/admin/users');
    const form = admin.locator('[data-testid=user-add]');
    await form.locator('input[name=name]').fill('mei');
    await form.locator('select[name=role]').selectOption('translator');
    await form.locator('button[type=submit]').click();
    oneTime = (await admin.locator('[data-testid=one-time-password]').textContent())!;
    expect(oneTime).toMatch(/^\S{12,}$/);
    await meisRow().waitFor();
    expect(await meisRow().locator('[data-testid=state]').textContent()).toContain('one-time password not yet changed');
  });

  it('when the new user signs in with it then only the account page opens until they choose their own password', async () => {
    await mei.goto(`${wb.url}/login`);
    await mei.fill('input[name=name]', 'mei');
    await mei.fill('input[name=password]', oneTime);
    await mei.click('form[action="/login"] button[type=submit]');
    await mei.waitForURL('**/account');
    await mei.locator('[data-testid=must-change]').waitFor();
    const form = mei.locator('[data-testid=password-form]');
    await form.locator('input[name=current]').fill(oneTime);
    await form.locator('input[name=password]').fill('mei-own-password');
    await form.locator('button[type=submit]').click();
    await mei.locator('[data-testid=account-info]').waitFor();
    expect(await mei.locator('[data-testid=must-change]').count()).toBe(0);
    await mei.goto(`${wb.url}/documents`);
    expect(new URL(mei.url()).pathname).toBe('/documents');
  });

  it('when the user makes a token then it is shown once and listed; revoking one removes it from the list', async () => {
    await mei.click('[data-testid=current-user]');
    await mei.waitForURL('**/account');
    for (const name of ['laptop', 'old script']) {
      await mei.locator('[data-testid=token-form] input[name=name]').fill(name);
      await mei.locator('[data-testid=token-form] button[type=submit]').click();
      await mei.locator('[data-testid=new-token]', { hasText: name }).waitFor();
    }
    token = (await mei.locator('[data-testid=new-token-value]').textContent())!;
    expect((await fetch(`${wb.url}/api/documents`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    await mei.locator('[data-testid=token-row]', { hasText: 'laptop' }).locator('[data-testid=revoke-token]').click();
    await mei.locator('[data-testid=account-info]').waitFor();
    expect(await mei.locator('[data-testid=token-row]').allTextContents()).toEqual([expect.stringContaining('old script')]);
    await mei.screenshot({ path: screenshotPath('account.png') });
  });

  it("when the admin deactivates the user then the user's open page and token are refused at their next request", async () => {
    await admin.reload();
    await meisRow().locator('[data-testid=deactivate-form] button').click();
    await meisRow().locator('[data-testid=reactivate-form]').waitFor();
    expect(await meisRow().locator('[data-testid=state]').textContent()).toContain('deactivated');
    await admin.screenshot({ path: screenshotPath('users.png') });
    await mei.click('header nav a[href="/glossary"]');
    // Told why, not sent to a login that would only refuse her.
    await mei.locator('main', { hasText: 'An admin deactivated your account' }).waitFor();
    expect((await fetch(`${wb.url}/api/documents`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    await mei.goto(`${wb.url}/login`);
    await mei.fill('input[name=name]', 'mei');
    await mei.fill('input[name=password]', 'mei-own-password');
    await mei.click('form[action="/login"] button[type=submit]');
    await mei.locator('.error', { hasText: 'This account is deactivated' }).waitFor();
  });

  it('when the last admin tries to give up the role then the list says why and nothing changes', async () => {
    const row = admin.locator('[data-testid="user-admin"]');
    await row.locator('select[name=role]').selectOption('reviewer');
    await row.locator('[data-testid=role-form] button').click();
    await admin.locator('[data-testid=users-error]', { hasText: 'last active admin' }).waitFor();
    expect(await admin.locator('[data-testid="user-admin"] select[name=role]').inputValue()).toBe('admin');
  });

  it('when both pages are shown 390 px wide then neither scrolls sideways', async () => {
    const overflow: Record<string, number> = {};
    await admin.setViewportSize({ width: 390, height: 800 });
    for (const path of ['/admin/users', '/account']) {
      await admin.goto(`${wb.url}${path}`);
      overflow[path] = await admin.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    }
    expect(overflow).toEqual({ '/admin/users': 0, '/account': 0 });
  });
});
