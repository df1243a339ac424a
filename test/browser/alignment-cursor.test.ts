import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, launchBrowser, signedInPage } from '../support/browser.ts';
import { startSeededServer } from '../support/seed.ts';
import { insertDocument } from '../support/insert-document.ts';

const skip = browserUnavailable();

// 260 rows, more than one page of 200; rows 5 and 250 have no English, so they are the weak ones the strip marks.
const LONG = Array.from({ length: 260 }, (_, i) => (i === 5 || i === 250
  ? `第${i + 1}句没有英文。`
  : { zh: `这是第${i + 1}句中文。`, en: `This is English sentence ${i + 1}.` }));

describe.skipIf(skip)('the alignment editor keeps its cursor in view', () => {
  let seeded: Awaited<ReturnType<typeof startSeededServer>>;
  let long: { documentId: number; pairIds: number[] };
  let context: BrowserContext;
  let page: Page;
  const cursorRow = async () => Number(await page.locator('tr.arow.cursor').getAttribute('data-row'));
  // The row's number as the document page shows it, page noise counted.
  const cursorNumber = async () => Number(await page.locator('tr.arow.cursor td.idx').evaluate((td) => td.firstChild!.textContent));
  const version = () => page.locator('#align-toolbar').getAttribute('data-version');

  /** The cursor row lies wholly below the sticky toolbars and table head, and above the window's bottom. */
  async function cursorVisible() {
    const boxes = await page.evaluate(() => {
      const box = (el: Element | null) => el!.getBoundingClientRect().toJSON() as DOMRect;
      return { row: box(document.querySelector('tr.arow.cursor')), head: box(document.getElementById('align-head')),
        th: box(document.querySelector('table.align thead th')), height: window.innerHeight };
    });
    expect(boxes.row.top, 'under the toolbars').toBeGreaterThanOrEqual(boxes.head.bottom - 0.5);
    expect(boxes.row.top, 'under the table head').toBeGreaterThanOrEqual(boxes.th.bottom - 0.5);
    expect(boxes.row.bottom, 'above the bottom').toBeLessThanOrEqual(boxes.height + 0.5);
  }

  async function press(key: string) {
    await page.keyboard.press(key);
    await cursorVisible();
  }

  async function pressOp(key: string) {
    const before = await version();
    await page.keyboard.press(key);
    await expect.poll(version).not.toBe(before);
  }

  async function open(docId: number) {
    await page.goto(`${seeded.server.url}/documents/${docId}/align`);
    await page.waitForSelector('tr.arow.cursor');
  }

  beforeAll(async () => {
    seeded = await startSeededServer([['lin', 'translator']]);
    long = insertDocument(seeded.server.db, '长文档', LONG);
    context = await launchBrowser();
    page = await signedInPage(context, seeded.server.url, 'lin', 'correct horse 12');
  });
  afterAll(async () => {
    await context?.close();
    await seeded?.server.close();
  });

  it('when the page opens then it does not scroll, and after every key the cursor row is clear of the sticky toolbars', async () => {
    await open(seeded.docs.demo);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    for (let i = 0; i < 25; i++) await press('ArrowDown');
    for (const key of ['ArrowUp', 'ArrowUp', 'ArrowUp', 'ArrowLeft', ']', 'ArrowRight', '[', 'n', 'n', 'Shift+N', 'u', 'Shift+U']) await press(key);
    for (let i = 0; i < 25; i++) await press('ArrowUp');
    expect(await cursorRow()).toBe(0);
    const total = () => page.locator('svg.weak-strip').getAttribute('data-total');
    const rowsBefore = Number(await total());
    await pressOp('m');
    await cursorVisible();
    // The strip is redrawn for the rows as they are now.
    expect(Number(await total())).toBe(rowsBefore - 1);
    // The message sits in the sticky head: on screen while the rows are scrolled.
    for (let i = 0; i < 15; i++) await press('ArrowDown');
    await pressOp('m');
    const message = page.getByTestId('align-message');
    const n = await cursorNumber();
    expect(await message.textContent()).toBe(`Rows ${n} and ${n + 1} merged.`);
    expect(await message.getAttribute('aria-live')).toBe('polite');
    // One message area for every operation, success or refusal: no second live region to look for.
    expect(await page.locator('[aria-live], [role=status], [role=alert]').count()).toBe(1);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const box = (await message.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.id, [box.x + 5, box.y + box.height / 2])).toBe('align-message');
  });

  it('when someone else changed the alignment then the next key shows the 409 in the message area', async () => {
    const current = await (await seeded.api('lin', 'GET', `/api/documents/${seeded.docs.demo}/alignment`)).json() as { version: number };
    expect((await seeded.api('lin', 'POST', `/api/documents/${seeded.docs.demo}/alignment/ops`, { version: current.version, op: { kind: 'confirm', row: 0 } })).status).toBe(200);
    await page.keyboard.press('c');
    const message = page.getByTestId('align-message');
    await expect.poll(() => message.getAttribute('class')).toContain('error');
    expect(await message.textContent()).toMatch(/changed since you loaded it/);
    await cursorVisible();
  });

  it('when the split-sentence dialog is open then Enter splits the sentence there', async () => {
    await open(seeded.docs.demo);
    for (let i = 0; i < 40 && !(await page.locator('tr.arow.cursor td.tgt').textContent())!.includes('He called for promoting'); i++) await press('ArrowDown');
    const row = await cursorRow();
    const number = await cursorNumber();
    const sentences = await page.locator(`tr.arow[data-row="${row}"] td.tgt .sentence`).count();
    await page.keyboard.press('b');
    await page.locator('#split-sentence-dialog[open]').waitFor();
    const before = await version();
    await page.keyboard.press('Enter');
    await expect.poll(version).not.toBe(before);
    expect(await page.locator(`tr.arow[data-row="${row}"] td.tgt .sentence`).count()).toBe(sentences + 1);
    expect(await page.getByTestId('align-message').textContent()).toBe(`Sentence split in row ${number}.`);
    await cursorVisible();
  });

  it('when the split-sentence caret stands inside a character beyond the BMP then the sentence splits after that character', async () => {
    const rare = insertDocument(seeded.server.db, '生僻字', [{ zh: '问：能否处理“𠮷”这样的生僻字？', en: 'Q: Can it handle rare characters such as "𠮷"?' }]);
    await open(rare.documentId);
    await press('ArrowLeft');
    await page.keyboard.press('b');
    await page.locator('#split-sentence-dialog[open]').waitFor();
    // Where Chromium has no glyph for 𠮷 its arrow keys stop between the character's two UTF-16 halves: offset 8 here.
    await page.locator('#split-sentence-text').evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(8, 8));
    const before = await version();
    await page.keyboard.press('Enter');
    await expect.poll(version).not.toBe(before);
    expect(await page.getByTestId('align-message').textContent()).toBe('Sentence split in row 1.');
    expect(await page.locator('tr.arow[data-row="0"] td.src .sentence').allTextContents()).toEqual(['问：能否处理“𠮷', '”这样的生僻字？']);
  });

  it('when a row number is typed then it is the row the document page shows under that number, page noise counted', async () => {
    // The document page: each row's number and Chinese, the noise rows among them.
    await page.goto(`${seeded.server.url}/documents/${seeded.docs.demo}`);
    const listed = await page.locator('tr[data-testid=pair-row]').evaluateAll((trs) => trs.map((tr) => ({
      n: Number(tr.querySelector('td.idx')!.firstChild!.textContent), src: tr.querySelector('td.src')!.textContent!.trim(), noise: tr.classList.contains('noise'),
    })));
    const noise = listed.filter((r) => r.noise).map((r) => r.n);
    expect(noise[0]).toBe(1);
    await open(seeded.docs.demo);
    const summary = page.getByTestId('align-summary');
    expect(await summary.textContent()).toMatch(new RegExp(`^${listed.length} rows,`));
    expect(await page.locator('form.go-to-row input[name=row]').getAttribute('max')).toBe(String(listed.length));
    // Every row, noise or not, has the document page's number and Chinese.
    const shown = await page.locator('#align-rows tr[id^=row-]').evaluateAll((trs) => trs.map((tr) => ({
      n: Number(tr.querySelector('td.idx')!.firstChild!.textContent), src: tr.querySelector('td.src')!.textContent!.trim(), noise: tr.classList.contains('noise'),
    })));
    expect(shown).toEqual(listed);
    expect(await cursorNumber()).toBe(2);
    const regular = listed.filter((r) => !r.noise).at(-3)!;
    await page.keyboard.press('g');
    await page.keyboard.type(String(regular.n));
    await page.keyboard.press('Enter');
    await expect.poll(cursorNumber).toBe(regular.n);
    expect((await page.locator('tr.arow.cursor td.src').textContent())!.trim()).toBe(regular.src);
    await pressOp('c');
    expect(await page.getByTestId('align-message').textContent()).toBe(`Row ${regular.n} confirmed.`);
    // A noise row's number: the message says so, and the cursor is on the row after it.
    const inner = noise.find((n) => n > 1 && !noise.includes(n + 1))!;
    await page.keyboard.press('g');
    await page.keyboard.type(String(inner));
    await page.keyboard.press('Enter');
    await expect.poll(cursorNumber).toBe(inner + 1);
    expect(await page.getByTestId('align-message').textContent())
      .toBe(`Row ${inner} is page noise, which the alignment leaves out: the cursor is on row ${inner + 1}, the nearest row.`);
    await page.keyboard.press('g');
    await page.keyboard.type(String(listed.length + 1));
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('align-message').textContent()).toBe(`There is no such row: rows go from 1 to ${listed.length}.`);
  });

  it('when a strip mark near the end is clicked then the cursor goes there and ↑ still reaches row 1', async () => {
    await open(long.documentId);
    const mark = page.locator('svg.weak-strip a[data-row="250"] rect');
    const markBox = (await mark.boundingBox())!;
    const strip = (await page.locator('svg.weak-strip').boundingBox())!;
    // The strip maps the whole document onto its own height: row 250 of 260 sits near its bottom.
    expect((markBox.y - strip.y) / strip.height).toBeCloseTo(250 / 260, 2);
    await mark.click();
    await expect.poll(cursorRow).toBe(250);
    await cursorVisible();
    expect(await page.locator('tr.arow[data-row="0"]').count()).toBe(0);
    for (let i = 0; i < 300 && (await cursorRow()) > 0; i++) await page.keyboard.press('ArrowUp');
    expect(await cursorRow()).toBe(0);
    await cursorVisible();
    expect(await page.locator('tr.arow').count()).toBeGreaterThanOrEqual(251);
  });

  it('when G, a row number and Enter are typed then the cursor goes to that row; N and Shift+N find weak rows beyond the loaded page', async () => {
    await open(long.documentId);
    await page.keyboard.press('g');
    await page.keyboard.type('230');
    await page.keyboard.press('Enter');
    await expect.poll(cursorRow).toBe(229);
    await cursorVisible();
    await page.keyboard.press('g');
    await page.keyboard.type('1');
    await page.keyboard.press('Enter');
    await expect.poll(cursorRow).toBe(0);
    await press('n');
    expect(await cursorRow()).toBe(5);
    await page.keyboard.press('n');
    await expect.poll(cursorRow).toBe(250);
    await cursorVisible();
    await page.keyboard.press('Shift+N');
    await expect.poll(cursorRow).toBe(5);
    await page.keyboard.press('n');
    await expect.poll(cursorRow).toBe(250);
    await page.keyboard.press('n');
    await expect.poll(() => page.getByTestId('align-message').textContent()).toBe('No weak row further that way.');
    await page.keyboard.press('g');
    await page.keyboard.type('999');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('align-message').textContent()).toBe('There is no such row: rows go from 1 to 260.');
  });

  it('when rows are merged and the merge undone then the summary and the go-to message count the rows there are then', async () => {
    const short = insertDocument(seeded.server.db, '五行', Array.from({ length: 5 }, (_, i) => ({ zh: `这是第${i + 1}句。`, en: `Sentence ${i + 1}.` })));
    await open(short.documentId);
    const summary = page.getByTestId('align-summary');
    const marks = () => page.locator('svg.weak-strip a[data-row]').count();
    expect(await summary.textContent()).toBe(`5 rows, ${await marks()} to check`);
    await pressOp('m');
    await expect.poll(() => summary.textContent()).toBe(`4 rows, ${await marks()} to check`);
    await page.keyboard.press('g');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('align-message').textContent()).toBe('There is no such row: rows go from 1 to 4.');
    expect(await page.locator('form.go-to-row input[name=row]').getAttribute('max')).toBe('4');
    await pressOp('Control+z');
    await expect.poll(() => summary.textContent()).toBe(`5 rows, ${await marks()} to check`);
    await page.keyboard.press('g');
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await expect.poll(cursorRow).toBe(4);
  });

  it('when a change far above the cursor is undone or redone then the cursor goes to the rows it changed, even past the loaded page', async () => {
    await open(long.documentId);
    for (let i = 0; i < 3; i++) await press('ArrowDown');
    await pressOp('m');
    expect(await cursorRow()).toBe(3);
    for (let i = 0; i < 30; i++) await page.keyboard.press('ArrowDown');
    expect(await cursorRow()).toBe(33);
    await pressOp('Control+z');
    await expect.poll(cursorRow).toBe(3);
    await cursorVisible();
    await page.keyboard.press('g');
    await page.keyboard.type('240');
    await page.keyboard.press('Enter');
    await expect.poll(cursorRow).toBe(239);
    await pressOp('Control+y');
    await expect.poll(cursorRow).toBe(3);
    await cursorVisible();
    await pressOp('Control+z');
  });

  it('when B is pressed on a side without sentences then the message area says there is none, rather than nothing happening', async () => {
    await open(long.documentId);
    for (let i = 0; i < 5; i++) await press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    expect(await page.locator('tr.arow.cursor td.tgt .sentence').count()).toBe(0);
    await page.keyboard.press('b');
    await expect.poll(() => page.getByTestId('align-message').textContent()).toBe('There is no sentence 1 on this side of the row.');
    expect(await page.locator('dialog[open]').count()).toBe(0);
  });

  it('when the page is reloaded then the cursor is on the row it was on, past the first page of rows too', async () => {
    await open(long.documentId);
    for (let i = 0; i < 7; i++) await press('ArrowDown');
    await page.reload();
    await page.waitForSelector('tr.arow.cursor');
    expect(await cursorRow()).toBe(7);
    await cursorVisible();
    await page.keyboard.press('g');
    await page.keyboard.type('230');
    await page.keyboard.press('Enter');
    await expect.poll(cursorRow).toBe(229);
    await page.reload();
    await page.waitForSelector('tr.arow.cursor');
    expect(await cursorRow()).toBe(229);
    await cursorVisible();
    // ↑ still reaches the rows above the page the reload showed.
    for (let i = 0; i < 10; i++) await press('ArrowUp');
    expect(await cursorRow()).toBe(219);
  });

  it('when a row was post-edited or machine-drafted then the editor shows its current English, the imported text on demand', async () => {
    const edited = long.pairIds[2]!;
    const res = await seeded.api('lin', 'PUT', `/api/pairs/${edited}`, { tgt: 'Here is the third sentence, post-edited.', version: 1 });
    expect(res.status).toBe(200);
    expect((await seeded.api('lin', 'POST', `/api/documents/${long.documentId}/machine-translate`)).status).toBe(200);
    await open(long.documentId);
    const row = page.locator('tr.arow[data-row="2"]');
    expect(await row.getByTestId('current-en').textContent()).toBe('Here is the third sentence, post-edited.');
    expect(await row.locator('details.imported').getAttribute('open')).toBeNull();
    await press('ArrowDown');
    await press('ArrowDown');
    await page.keyboard.press('t');
    expect(await row.locator('details.imported').getAttribute('open')).not.toBeNull();
    expect(await row.locator('details.imported .sentence').textContent()).toBe('This is English sentence 3.');
    const drafted = page.locator('tr.arow[data-row="5"]');
    expect(await drafted.locator('td.empty-side').count()).toBe(0);
    expect((await drafted.getByTestId('current-en').textContent())!.length).toBeGreaterThan(0);
  });
});
