// Real documents in a real browser: news pages as saved files and by address from a local site, a Word pair and a
// subtitle pair imported through the form; each aligned document shown; the translated .docx and .srt downloaded and read back.

import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import mammoth from 'mammoth';
import { browserUnavailable, launchBrowser } from '../support/browser.ts';
import { startWorkbench, type Workbench } from '../support/start-workbench.ts';
import { tempDir } from '../support/test-server.ts';
import { chineseNewsPage, englishNewsPage, EN_SENTENCES } from '../formats/source/news-pages.ts';
import { chineseWordFile, englishWordFile } from '../formats/source/word-files.ts';
import { EN_SRT, ZH_SRT } from '../formats/source/subtitle-files.ts';
import { readSrt } from '../../server/formats/source/srt.ts';

const skip = browserUnavailable();

describe.skipIf(skip)('structured documents in a real browser', () => {
  let site: http.Server;
  let base: string;
  let wb: Workbench;
  let context: BrowserContext;
  let page: Page;
  const files = tempDir('duiqi-formats-');

  beforeAll(async () => {
    site = http.createServer((req, res) => {
      if (req.url === '/zh/story') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(chineseNewsPage());
      if (req.url === '/en/story') return res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(englishNewsPage());
      if (req.url === '/to-local') return res.writeHead(302, { location: 'http://127.0.0.1:9/' }).end();
      return res.writeHead(404).end();
    });
    await new Promise<void>((r) => site.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    wb = await startWorkbench({ DUIQI_ADMIN_PASSWORD: 'demo-password-1', DUIQI_FETCH_ALLOW: base.replace('http://', '') });
    context = await launchBrowser();
    page = await context.newPage();
    await page.goto(`${wb.url}/login`);
    await page.fill('input[name=name]', 'admin');
    await page.fill('input[name=password]', 'demo-password-1');
    await page.click('button[type=submit]:not([data-testid])');
    await page.waitForURL('**/documents');
  });
  afterAll(async () => {
    await context?.close();
    await wb?.stop();
    site?.closeAllConnections();
    await new Promise((r) => site?.close(r));
    fs.rmSync(files, { recursive: true, force: true });
  });

  async function importThrough(form: { source?: [string, string | Uint8Array]; translation?: [string, string | Uint8Array]; sourceUrl?: string; translationUrl?: string }) {
    await page.goto(`${wb.url}/import`);
    for (const side of ['source', 'translation'] as const) {
      const file = form[side];
      if (file) {
        const at = path.join(files, file[0]);
        fs.writeFileSync(at, file[1]);
        await page.setInputFiles(`[data-testid=import-${side}]`, at);
      }
      const url = form[`${side}Url`];
      if (url) await page.fill(`[data-testid=import-${side}-url]`, url);
    }
    await page.click('[data-testid=import-form] button[type=submit]');
  }

  async function opened(): Promise<void> {
    await page.waitForURL(/\/documents\/\d+$/, { timeout: 60_000 });
    await page.waitForSelector('[data-testid=pair-row]');
  }

  const rowText = (hasText: string) => page.locator('tr.pair', { hasText }).first().textContent();

  async function checkNewsDocument(): Promise<void> {
    expect(await page.textContent('h1')).toBe('成都机场轻轨线路开通');
    expect(await rowText('市政府官员表示')).toContain(EN_SENTENCES[2]);
    expect(await rowText('出行更快捷')).toContain('A faster trip');
    expect(await page.locator('tr.noise', { hasText: 'Sponsor Advertisement' }).count()).toBe(1);
    expect(await page.locator('tr.noise', { hasText: '广告' }).count()).toBe(1);
    expect(await page.textContent('[data-testid=pairs]')).not.toContain('Most read');
    expect(await page.textContent('[data-testid=translation-download]')).toContain('.html');
  }

  it('when the two texts are chosen swapped then the form says to swap them and keeps the chosen files; sent the right way round as a human translation, the rows start translated', async () => {
    const ZH = '我们今天开会讨论两国合作。双方同意继续推进各领域交流。';
    const EN = 'We meet today to discuss cooperation between the two countries. Both sides agreed to keep advancing exchanges in all fields.';
    await importThrough({ source: ['en-first.txt', EN], translation: ['zh-second.txt', ZH] });
    await page.waitForSelector('[data-testid=import-error]');
    expect(await page.textContent('[data-testid=import-error]')).toMatch(/The files are swapped: "en-first\.txt" is English and "zh-second\.txt" is Chinese/);
    // Only the message was swapped in: the choices are still there to correct.
    const chosen = (side: string) => page.locator(`[data-testid=import-${side}]`).evaluate((el) => [...(el as HTMLInputElement).files!].map((f) => f.name));
    expect(await chosen('source')).toEqual(['en-first.txt']);
    expect(await chosen('translation')).toEqual(['zh-second.txt']);
    fs.writeFileSync(path.join(files, 'zh-first.txt'), ZH);
    fs.writeFileSync(path.join(files, 'en-second.txt'), EN);
    await page.setInputFiles('[data-testid=import-source]', path.join(files, 'zh-first.txt'));
    await page.setInputFiles('[data-testid=import-translation]', path.join(files, 'en-second.txt'));
    await page.check('[data-testid=import-human]');
    await page.click('[data-testid=import-form] button[type=submit]');
    await opened();
    const states = await page.locator('tr.pair[data-state]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')));
    expect(states.length).toBeGreaterThan(1);
    expect(new Set(states)).toEqual(new Set(['translated']));
  });

  it('when an English and a Chinese news page are imported as saved .html files then the article is aligned and the furniture is noise', async () => {
    await importThrough({ source: ['成都.html', chineseNewsPage()], translation: ['chengdu.html', englishNewsPage()] });
    await opened();
    await checkNewsDocument();
  });

  it('when the same pages are imported by their addresses then the server fetches them and the document is the same', async () => {
    await importThrough({ sourceUrl: `${base}/zh/story`, translationUrl: `${base}/en/story` });
    await opened();
    await checkNewsDocument();
  });

  it('when an address redirects to 127.0.0.1 then the form says so in place and no document is made', async () => {
    await importThrough({ sourceUrl: `${base}/to-local`, translationUrl: `${base}/en/story` });
    await page.waitForSelector('[data-testid=import-error]');
    expect(await page.textContent('[data-testid=import-error]')).toMatch(/127\.0\.0\.1, which is not a public internet address/);
    expect(page.url()).toMatch(/\/import$/);
  });

  it('when a Word pair is imported then it is aligned, and the translated .docx downloads and reads back with the Chinese structure', async () => {
    await importThrough({ source: ['成都轻轨.docx', await chineseWordFile()], translation: ['rail.docx', await englishWordFile()] });
    await opened();
    expect(await rowText('出行更快捷')).toContain('A faster trip');
    expect(await page.locator('tr.noise', { hasText: '图为列车停靠在成都机场站。' }).count()).toBe(1);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=translation-download]')]);
    expect(download.suggestedFilename()).toMatch(/\.en\.docx$/);
    const { value } = await mammoth.convertToHtml({ path: (await download.path())! });
    expect(value).toContain('<h1>Chengdu opens airport light-rail line</h1>');
    expect(value).toContain('<ul><li>Fares start at 2 yuan.</li><li>The first train leaves at 6 a.m.</li></ul>');
  });

  it('when a subtitle pair is imported then cues align, and the translated .srt keeps the Chinese time codes', async () => {
    await importThrough({ source: ['clip.zh.srt', ZH_SRT], translation: ['clip.en.srt', EN_SRT] });
    await opened();
    expect(await rowText('教师李明说。')).toContain('said Li Ming, a teacher.');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=translation-download]')]);
    expect(download.suggestedFilename()).toMatch(/\.en\.srt$/);
    const cues = readSrt(fs.readFileSync((await download.path())!, 'utf8')).blocks;
    expect(cues.map((c) => `${c.cue!.start} --> ${c.cue!.end}`)).toEqual(['00:00:01,000 --> 00:00:03,500', '00:00:03,600 --> 00:00:06,200', '00:00:06,300 --> 00:00:11,000', '00:00:11,500 --> 00:00:14,000']);
    expect(cues[3]!.text).toBe('Residents welcomed the opening.');
  });
});
