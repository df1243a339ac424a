// A refusal that reaches an open editor after the admin changed something under the user (their role, who may open
// the document) is said beside the work: the row stays in the table and the typed text stays in the box.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { addUser, browserUnavailable, createToken, launchBrowser, login } from '../support/browser.ts';
import { ROOT, startWorkbench, type Workbench } from '../support/start-workbench.ts';

const skip = browserUnavailable();

describe.skipIf(skip)('a refusal under an open editor, in a real browser', () => {
  let wb: Workbench;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    wb = await startWorkbench({ DUIQI_ADMIN_PASSWORD: 'admin-password' });
    addUser(wb.dbFile, 'li', 'reviewer');
    addUser(wb.dbFile, 'wang', 'translator');
    context = await launchBrowser();
    await context.setExtraHTTPHeaders({ 'Accept-Language': 'zh-CN' });
  });
  afterAll(async () => {
    await context?.close();
    await wb?.stop();
  });

  async function openEditor(name: string, row: number, typed: string) {
    page = await context.newPage();
    await login(page, wb.url, name);
    await page.goto(`${wb.url}/documents/1`);
    await page.click(`#pair-${row} button.edit`);
    const box = page.locator(`#pair-${row} [data-testid=editor-text]`);
    await box.fill(typed);
    return box;
  }

  it('when a reviewer made translator approves with Ctrl+Shift+Enter then the editor stays with the text and the refusal in Chinese', async () => {
    const typed = 'The reviewer’s own wording, typed before the role changed.';
    const box = await openEditor('li', 8, typed);
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/duiqi.js'), 'user', 'role', 'li', 'translator'],
      { cwd: ROOT, env: { ...process.env, DUIQI_DB: wb.dbFile }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const refused = page.waitForResponse((res) => res.url().includes('/pairs/8/approve'));
    await box.press('Control+Shift+Enter');
    expect((await refused).status()).toBe(403);
    const notice = page.locator('#pair-8 .session-slot [role=alert]');
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await page.locator('#pair-8 [data-testid=editor-text]').inputValue()).toBe(typed);
    expect(await page.locator('tr#pair-8[data-testid=pair-editor]').count()).toBe(1);
    await page.close();
  });

  it('when the document is restricted to members while a translator edits then saving keeps the text on screen', async () => {
    const typed = 'Wang’s sentence, typed before the document was restricted.';
    const box = await openEditor('wang', 9, typed);
    const res = await fetch(`${wb.url}/api/documents/1/access`, {
      method: 'POST', body: JSON.stringify({ shared: false }),
      headers: { Authorization: `Bearer ${createToken(wb.dbFile, 'admin')}`, 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(200);
    const refused = page.waitForResponse((r) => r.url().includes('/pairs/9/save'));
    await box.press('Control+Enter');
    expect((await refused).status()).toBe(404);
    await page.locator('#pair-9 .session-slot [role=alert]').waitFor();
    expect(await page.locator('#pair-9 [data-testid=editor-text]').inputValue()).toBe(typed);
  });
});
