// A row's English with line breaks (a subtitle's two lines, a list typed in the editor) shows on its lines, escaped,
// on the document page, in its editor and in the alignment editor; on a phone nothing of it scrolls sideways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, launchBrowser, signedInPage } from '../support/browser.ts';
import { startSeededServer } from '../support/seed.ts';
import { storeDocument } from '../support/insert-document.ts';

const skip = browserUnavailable();

describe.skipIf(skip)('line breaks in a row\'s English', () => {
  let seeded: Awaited<ReturnType<typeof startSeededServer>>;
  let context: BrowserContext;
  let page: Page;
  let doc: { documentId: number; pairIds: number[] };
  const typed = 'Chengdu opened a new light-rail line.\nIt links the airport <b>and</b> the centre.';

  beforeAll(async () => {
    seeded = await startSeededServer([['lin', 'translator']]);
    doc = await storeDocument(seeded.server.store, '两行字幕', [
      { zh: '成都开通了一条新的轻轨线路，连接机场和市中心。', en: 'Chengdu opened a new light-rail line linking the airport and the city centre.' },
      { zh: '居民对开通表示欢迎。', en: 'Residents welcomed the opening.' },
    ]);
    const saved = await seeded.api('lin', 'PUT', `/api/pairs/${doc.pairIds[0]}`, { tgt: typed, version: 1 });
    expect(saved.status).toBe(200);
    context = await launchBrowser();
    page = await signedInPage(context, seeded.server.url, 'lin', 'correct horse 12');
  });
  afterAll(async () => {
    await context?.close();
    await seeded?.server.close();
  });

  // innerText is the text as laid out: a line break shows in it only where the page breaks the line.
  const shown = (selector: string) => page.locator(selector).first().innerText();

  it('when a row\'s English has a line break then the document page, the editor and the alignment editor break it there, the markup shown as text', async () => {
    await page.goto(`${seeded.server.url}/documents/${doc.documentId}`);
    expect(await shown('tr.pair td.tgt')).toContain(typed);
    await page.locator('tr.pair').first().locator('button[data-edit]').click();
    await page.locator('tr.editing').waitFor();
    expect(await page.locator('tr.editing textarea[name=tgt]').inputValue()).toBe(typed);
    // Saving it closes the editor on the row as it was: on its two lines.
    await page.locator('tr.editing button[name=next][value="0"]').click();
    await expect.poll(() => shown('tr.pair td.tgt')).toContain(typed);

    await page.goto(`${seeded.server.url}/documents/${doc.documentId}/align`);
    expect(await shown('[data-testid=current-en]')).toBe(typed);
  });

  it('when a revision only adds a line break, and the next changes a word of a two-line text, then the history shows the break as a mark and the text on its lines', async () => {
    const second = doc.pairIds[1]!;
    expect((await seeded.api('lin', 'PUT', `/api/pairs/${second}`, { tgt: 'Residents welcomed\nthe opening.', version: 1 })).status).toBe(200);
    expect((await seeded.api('lin', 'PUT', `/api/pairs/${second}`, { tgt: 'Residents welcomed\nthe <new> line.', version: 2 })).status).toBe(200);
    await page.goto(`${seeded.server.url}/documents/${doc.documentId}`);
    await page.locator('tr.pair').nth(1).locator('button[data-edit]').click();
    await page.locator('tr.editing [data-shortcut=cancel] ~ button').click();
    const changes = page.getByTestId('history').locator('.change');
    await changes.first().waitFor();
    // Newest first: the word changed on the second line, then the break alone, then the text before it.
    expect(await changes.nth(0).innerText()).toBe('Residents welcomed\nthe opening<new> line.');
    expect(await changes.nth(1).innerText()).toMatch(/^Residents welcomed ?↵\nthe opening\.$/);
    expect(await changes.nth(1).locator('ins').innerText()).toContain('↵');
  });

  it('when the page is 390 px wide then neither page scrolls sideways', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    for (const path of [`/documents/${doc.documentId}`, `/documents/${doc.documentId}/align`, `/documents/${seeded.docs.demo}/align`]) {
      await page.goto(seeded.server.url + path);
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('when a subtitle cue of two lines is in the alignment editor then it shows on its two lines, so does the one sentence J makes of them, and B splits that at its line break', async () => {
    const srt = (cues: string[][]) => cues.map((lines, i) => [String(i + 1), `00:00:0${2 * i},000 --> 00:00:0${2 * i + 1},500`, ...lines, ''].join('\n')).join('\n');
    const form = new FormData();
    form.append('source', new Blob([srt([['我昨天去了书店，', '在那里买了一本书。'], ['今天天气很好。']])]), 'cues.zh.srt');
    form.append('translation', new Blob([srt([['I went to the bookshop yesterday.', 'I bought a book there.'], ['The weather is fine today.']])]), 'cues.en.srt');
    const res = await fetch(`${seeded.server.url}/api/documents/import`, { method: 'POST', body: form, headers: { authorization: `Bearer ${seeded.tokens.lin}` } });
    expect(res.status).toBe(201);
    const cue = 'I went to the bookshop yesterday.\nI bought a book there.';
    await page.goto(`${seeded.server.url}/documents/${(await res.json()).id}/align`);
    const english = page.locator('tr.arow').first().locator('td.tgt');
    expect(await english.innerText()).toBe(cue);
    const version = await page.locator('#align-toolbar').getAttribute('data-version');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('j');
    await expect.poll(() => page.locator('#align-toolbar').getAttribute('data-version')).not.toBe(version);
    expect(await english.locator('.sentence').count()).toBe(1);
    expect(await english.innerText()).toBe(cue);
    // B offers to split it where its lines meet: Enter gives the two sentences back, on their lines.
    await page.keyboard.press('b');
    await page.locator('#split-sentence-dialog[open]').waitFor();
    const joined = await page.locator('#align-toolbar').getAttribute('data-version');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#align-toolbar').getAttribute('data-version')).not.toBe(joined);
    expect(await english.locator('.sentence').allInnerTexts()).toEqual(cue.split('\n'));
    expect(await english.innerText()).toBe(cue);
  });
});
