// Finds Chromium for the browser suites: skipped with one line where there is none, unless REQUIRE_BROWSER=1.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { tempDir } from './test-server.ts';
import { ROOT, startWorkbench, type Workbench } from './start-workbench.ts';

export const CHROME = [process.env.CHROME_PATH, '/usr/bin/chromium'].find((p): p is string => !!p && fs.existsSync(p));

export function browserUnavailable(): boolean {
  if (CHROME) return false;
  const hint = 'Browser tests skipped: no Chromium at $CHROME_PATH or /usr/bin/chromium (install: apt-get install -y chromium fonts-wqy-microhei).';
  if (process.env.REQUIRE_BROWSER === '1') throw new Error(`${hint} REQUIRE_BROWSER=1 makes this a failure.`);
  console.warn(hint);
  return true;
}

/** Waits catch hangs, not slowness: a first import on a fresh server under CI's load took 31 s, past Playwright's 30 s. */
const WAIT_MS = 120_000;

export async function launchBrowser(): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(tempDir('duiqi-chrome-'), {
    executablePath: CHROME!,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  context.setDefaultTimeout(WAIT_MS);
  return context;
}

/** A fresh page signed in as `name` on the server at `url`, on its document list. */
export async function signedInPage(context: BrowserContext, url: string, name: string, password: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${url}/login`);
  await page.fill('input[name=name]', name);
  await page.fill('input[name=password]', password);
  await page.keyboard.press('Enter');
  await page.waitForURL('**/documents');
  return page;
}

/**
 * Where a browser test saves a screenshot: the README's copies in test/screenshots only when
 * UPDATE_SCREENSHOTS=1 (so a test run leaves the tree clean), else a temporary folder.
 */
export function screenshotPath(name: string): string {
  const dir = process.env.UPDATE_SCREENSHOTS === '1'
    ? path.resolve(import.meta.dirname, '../screenshots')
    : fs.mkdtempSync(path.join(os.tmpdir(), 'duiqi-shot-'));
  return path.join(dir, name);
}

/** Runs the `duiqi` command line on a running workbench's database; its standard output. */
function duiqi(dbFile: string, args: string[]): string {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin/duiqi.js'), ...args], {
    cwd: ROOT, env: { ...process.env, DUIQI_DB: dbFile }, encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(r.stderr);
  return r.stdout;
}

/** Adds an account to a running workbench's database the way an admin would, with the password `NAME-password`. */
export function addUser(dbFile: string, name: string, role: string): void {
  duiqi(dbFile, ['user', 'add', name, '--role', role, '--password', `${name}-password`]);
}

/** An API token for an account, as `duiqi token create` prints it. */
export function createToken(dbFile: string, name: string): string {
  return duiqi(dbFile, ['token', 'create', name]).trim();
}

export async function login(page: Page, url: string, name: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.fill('input[name=name]', name);
  await page.fill('input[name=password]', `${name}-password`);
  await page.click('form[action="/login"] button[type=submit]');
  await page.waitForURL('**/documents');
}

/** A workbench process (admin password `admin-password`) with these accounts, and one page in a fresh browser. */
export async function openWorkbench(users: readonly (readonly [name: string, role: string])[] = []): Promise<{ wb: Workbench; context: BrowserContext; page: Page }> {
  const wb = await startWorkbench({ DUIQI_ADMIN_PASSWORD: 'admin-password' });
  for (const [name, role] of users) addUser(wb.dbFile, name, role);
  const context = await launchBrowser();
  return { wb, context, page: await context.newPage() };
}

export async function closeWorkbench(opened: { wb?: Workbench; context?: BrowserContext }): Promise<void> {
  await opened.context?.close();
  await opened.wb?.stop();
}
