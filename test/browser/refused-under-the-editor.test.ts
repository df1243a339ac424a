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

  function duiqi(...args: string[]) {
    const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/duiqi.js'), ...args],
      { cwd: ROOT, env: { ...process.env, DUIQI_DB: wb.dbFile }, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
  }

  const admin = () => ({ Authorization: `Bearer ${createToken(wb.dbFile, 'admin')}` });

  /** A document of `rows` one-sentence rows, imported by the admin and shared with the team. */
  async function longDocument(rows: number): Promise<{ doc: number; pairs: { id: number }[] }> {
    const form = new FormData();
    form.append('source', new Blob([Array.from({ length: rows }, (_, i) => `这是第${i + 1}句话。`).join('\n')]), 'long.zh.txt');
    form.append('translation', new Blob([Array.from({ length: rows }, (_, i) => `This is sentence number ${i + 1}.`).join('\n')]), 'long.en.txt');
    const imported = await fetch(`${wb.url}/api/documents/import`, { method: 'POST', body: form, headers: admin() });
    expect(imported.status).toBe(201);
    const doc = (await imported.json() as { id: number }).id;
    return { doc, pairs: await (await fetch(`${wb.url}/api/documents/${doc}/pairs`, { headers: admin() })).json() as { id: number }[] };
  }

  async function documentPage(name: string, doc: number): Promise<Page> {
    const opened = await context.newPage();
    await login(opened, wb.url, name);
    await opened.goto(`${wb.url}/documents/${doc}`);
    return opened;
  }

  async function restrict(doc: number) {
    const res = await fetch(`${wb.url}/api/documents/${doc}/access`, {
      method: 'POST', body: JSON.stringify({ shared: false }), headers: { ...admin(), 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(200);
  }

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
    duiqi('user', 'role', 'li', 'translator');
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

  it('when a translator is deactivated while editing then saving says so in Chinese beside the text, which stays, and offers no Retry', async () => {
    addUser(wb.dbFile, 'zhou', 'translator');
    const typed = 'Zhou’s sentence, typed before the account was deactivated.';
    const box = await openEditor('zhou', 7, typed);
    duiqi('user', 'deactivate', 'zhou');
    const refused = page.waitForResponse((r) => r.url().includes('/pairs/7/save'));
    await box.press('Control+Enter');
    expect((await refused).status()).toBe(401);
    const notice = page.locator('#pair-7 .session-slot [data-testid=account-deactivated]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('管理员停用了你的账户');
    expect(await page.locator('#pair-7 [data-session-retry]').count()).toBe(0);
    expect(await page.locator('#pair-7 [data-testid=editor-text]').inputValue()).toBe(typed);
    await page.close();
  });

  it('when an action far down the page is refused then the refusal is shown beside it, in view, not only at the top of the page', async () => {
    const { doc, pairs } = await longDocument(100);
    const row80 = `#pair-${pairs[79]!.id}`;
    const far = await documentPage('wang', doc);
    const edit = far.locator(`${row80} button.edit`);
    await edit.scrollIntoViewIfNeeded();
    await restrict(doc);
    const refused = far.waitForResponse((r) => r.url().endsWith(`/pairs/${pairs[79]!.id}/edit`));
    await edit.focus();
    await far.keyboard.press('Enter');
    expect((await refused).status()).toBe(404);
    const notice = far.locator(`${row80} [role=alert]`);
    await notice.waitFor();
    expect(await notice.textContent()).toMatch(/[\u4e00-\u9fff]/);
    // In the viewport, beside the row: a user who pressed Edit on row 80 sees why nothing opened.
    const box = (await notice.boundingBox())!;
    const row = (await far.locator(row80).boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(900);
    expect(box.y).toBeGreaterThanOrEqual(row.y);
    expect(await far.locator('#session-slot').innerHTML()).toBe('');
    expect(await far.locator(`tr${row80}[data-testid=pair-row]`).count()).toBe(1);
    await far.close();
  });

  it('when X is pressed on row 80 then "no rejected row further" and, once the document is restricted, the refusal show beside row 80, in view', async () => {
    const { doc, pairs } = await longDocument(100);
    const row80 = `#pair-${pairs[79]!.id}`;
    const nav = await documentPage('wang', doc);
    await nav.keyboard.press('g');
    await nav.keyboard.type('80');
    await nav.keyboard.press('Enter');
    await nav.locator(`${row80}.nav-current`).waitFor();
    const note = nav.locator(`${row80} .nav-note`);
    const seen = async () => {
      const box = (await note.boundingBox())!;
      return box.y >= 0 && box.y + box.height <= 900;
    };
    await nav.keyboard.press('x');
    await note.waitFor();
    expect(await note.textContent()).toBe(await nav.locator('[data-testid=nav-message]').textContent());
    expect(await note.textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await seen()).toBe(true);

    const none = await note.textContent();
    await restrict(doc);
    await nav.keyboard.press('u');
    await expect.poll(() => note.textContent()).not.toBe(none);
    expect(await note.textContent()).toBe(await nav.locator('[data-testid=nav-message]').textContent());
    expect(await note.textContent()).toMatch(/[\u4e00-\u9fff]/);
    expect(await nav.locator(`${row80} .nav-note`).count()).toBe(1);
    expect(await seen()).toBe(true);
    await nav.close();
  });

  it('when G reaches past the loaded rows after the session ended then the refusal is said, and no login page lands in the table', async () => {
    const { doc } = await longDocument(230);
    const nav = await documentPage('wang', doc);
    const rows = await nav.locator('#rows > tr').count();
    await context.clearCookies({ name: 'duiqi_sid' });
    await nav.keyboard.press('g');
    await nav.keyboard.type('225');
    await nav.keyboard.press('Enter');
    const said = nav.locator('[data-testid=nav-message]');
    await expect.poll(() => said.textContent()).toContain('退出登录');
    expect(await nav.locator('#rows > tr').count()).toBe(rows);
    expect(await nav.locator('#rows form[action="/login"]').count()).toBe(0);
    await nav.close();
  });

  it('when the proxy answers 502 (its app server died mid-save) or nothing answers then the editor and the text stay, and the page says so in Chinese', async () => {
    const typed = 'Typed just before the app server behind the proxy died.';
    const box = await openEditor('wang', 6, typed);
    // nginx's own page, as it answers a save whose server was killed after the request reached it.
    await page.route('**/pairs/6/save', (r) => r.fulfill({ status: 502, contentType: 'text/html',
      body: '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>' }));
    await box.press('Control+Enter');
    const notice = page.locator('#pair-6 .session-slot [data-testid=unanswered]');
    await notice.waitFor();
    expect(await notice.textContent()).toBe('服务器没有回应，这一操作可能没有完成。你输入的内容都还在：请再试一次。');
    expect(await page.getByText('502 Bad Gateway').count()).toBe(0);
    expect(await page.locator('#pair-6 [data-testid=editor-text]').inputValue()).toBe(typed);
    await page.unroute('**/pairs/6/save');
    await page.evaluate(() => document.querySelector('#pair-6 .session-slot')!.replaceChildren());
    await page.route('**/pairs/6/save', (r) => r.abort('connectionreset'));
    await box.press('Control+Enter');
    await notice.waitFor();
    expect(await page.locator('#pair-6 [data-testid=editor-text]').inputValue()).toBe(typed);
    await page.unroute('**/pairs/6/save');
    // Once the server answers again, the same key saves.
    const saved = page.waitForResponse((r) => r.url().includes('/pairs/6/save'));
    await box.press('Control+Enter');
    expect((await saved).status()).toBe(200);
    await page.locator('tr#pair-6[data-testid=pair-row]').waitFor();
    expect(await page.locator('#pair-6').textContent()).toContain(typed);
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
