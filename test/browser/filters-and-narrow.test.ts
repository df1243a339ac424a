// The document page's filters as one types (one request per change, kept in the URL), every page on a 390 px
// phone screen, and the keyboard path: skip link to the rows, focus back on the row after Esc.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, launchBrowser, login } from '../support/browser.ts';
import { startWorkbench, type Workbench } from '../support/start-workbench.ts';
import { alignmentChange, openRealignPreview } from '../support/alignment-keys.ts';

const skip = browserUnavailable();

describe.skipIf(skip)('filters, narrow screens and the keyboard', () => {
  let wb: Workbench;
  let context: BrowserContext;
  let page: Page;
  let documentPath: string;
  const rowRequests: string[] = [];

  beforeAll(async () => {
    wb = await startWorkbench({ DUIQI_ADMIN_PASSWORD: 'admin-password' });
    context = await launchBrowser();
    page = await context.newPage();
    page.on('request', (r) => {
      if (new URL(r.url()).pathname.endsWith('/rows')) rowRequests.push(r.url());
    });
  });
  afterAll(async () => {
    await context?.close();
    await wb?.stop();
  });

  const search = () => page.locator('form.filters input[name=q]');
  const stateSelect = () => page.locator('form.filters select[name=state]');
  const shownRows = () => page.locator('#rows tr.pair');
  const query = () => new URL(page.url()).search;
  /** Runs an action and waits until the rows it asked for are on the page. */
  async function rowsAfter(action: () => Promise<unknown>) {
    // The settle of the rows' own swap (htmx fires it on the swap's target): requests the page makes on load (a row's
    // repeats, the last batch) settle too, and on CI's busy machine one came after the typing began.
    const settled = page.evaluate(() => new Promise<void>((resolve) => {
      const rowsSwapped = (e: Event) => {
        if ((e.target as Element).id !== 'rows') return;
        document.removeEventListener('htmx:after:settle', rowsSwapped);
        resolve();
      };
      document.addEventListener('htmx:after:settle', rowsSwapped);
    }));
    await action();
    await settled;
  }
  /** Waits long enough for a debounced request that should not come. */
  const quietPeriod = () => page.waitForTimeout(800);

  it('when the login page is shown on a 390 px screen then nothing is wider than the screen', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${wb.url}/login`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });
    await login(page, wb.url, 'admin');
    await page.click('table.documents a');
    await page.waitForSelector('[data-testid=pair-row]');
    documentPath = new URL(page.url()).pathname;
  });

  it('when a word is typed then one request filters the rows after the pause, Enter adds none, and the URL holds the filter', async () => {
    const all = await shownRows().count();
    await rowsAfter(() => search().pressSequentially('justice', { delay: 40 }));
    expect(rowRequests).toHaveLength(1);
    expect(query()).toBe('?q=justice');
    const texts = await shownRows().allTextContents();
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.length).toBeLessThan(all);
    for (const t of texts) expect(t.toLowerCase()).toContain('justice');
    await search().press('Enter');
    await quietPeriod();
    expect(rowRequests).toHaveLength(1);

    // Typing and pressing Enter at once sends one request, not two.
    await rowsAfter(async () => {
      await search().fill('');
      await search().pressSequentially('level', { delay: 0 });
      await search().press('Enter');
    });
    await quietPeriod();
    expect(rowRequests).toHaveLength(2);
    expect(query()).toBe('?q=level');

    await rowsAfter(() => stateSelect().selectOption('machine'));
    await quietPeriod();
    expect(rowRequests).toHaveLength(3);
    expect(query()).toBe('?state=machine&q=level');
    for (const state of await shownRows().evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')))) expect(state).toBe('machine');
  });

  it('when the page is reloaded, or history goes back and forward, then the filters and their rows follow the URL', async () => {
    await page.reload();
    expect(await search().inputValue()).toBe('level');
    expect(await stateSelect().inputValue()).toBe('machine');
    const filtered = await shownRows().allTextContents();
    expect(filtered.every((t) => t.includes('level'))).toBe(true);

    await rowsAfter(() => page.goBack());
    expect(query()).toBe('?q=level');
    expect(await stateSelect().inputValue()).toBe('');
    expect(await search().inputValue()).toBe('level');
    await rowsAfter(() => page.goBack());
    expect(query()).toBe('?q=justice');
    expect((await shownRows().allTextContents()).every((t) => t.toLowerCase().includes('justice'))).toBe(true);
    await rowsAfter(() => page.goForward());
    expect(query()).toBe('?q=level');
    expect(await search().inputValue()).toBe('level');
  });

  it('when a link with filters is opened in a new tab then it shows those rows', async () => {
    const shared = await context.newPage();
    await shared.goto(`${wb.url}${documentPath}?state=untranslated`);
    expect(await shared.locator('form.filters select[name=state]').inputValue()).toBe('untranslated');
    const states = await shared.locator('#rows tr.pair').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-state')));
    expect(states).toEqual(['untranslated', 'untranslated']);
    await shared.close();
  });

  it('when Chinese is typed through an input method then the filter waits for the committed text, not the pinyin', async () => {
    await page.goto(`${wb.url}${documentPath}`);
    const before = rowRequests.length;
    await search().focus();
    // The browser's own composition events, as an input method sends them while 合作 is typed as "hezuo".
    const ime = await context.newCDPSession(page);
    for (const text of ['h', 'he', 'hez', 'hezu', 'hezuo']) await ime.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
    await quietPeriod();
    expect(rowRequests.slice(before)).toEqual([]);
    expect(query()).toBe('');
    await rowsAfter(() => ime.send('Input.insertText', { text: '合作' }));
    expect(rowRequests.slice(before).map((u) => new URL(u).searchParams.get('q'))).toEqual(['合作']);
    expect(decodeURIComponent(query())).toBe('?q=合作');
    for (const t of await shownRows().allTextContents()) expect(t).toContain('合作');
    await ime.detach();
  });

  it('when the skip link is used then focus lands on the rows, and Esc in an editor puts it back on the row', async () => {
    await page.goto(`${wb.url}${documentPath}`);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('skip-link');
    expect(await page.locator('[data-testid=skip-link]').isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('pairs');
    await page.keyboard.press('Tab');
    const firstEditable = await page.evaluate(() => document.activeElement?.closest('tr')?.id);
    expect(firstEditable).toBe(await page.locator('tr.pair:has(button[data-edit])').first().getAttribute('id'));
    await page.keyboard.press('Enter');
    await page.locator('tr.editing textarea:focus').waitFor();
    await page.keyboard.press('Escape');
    await page.locator('tr.editing').waitFor({ state: 'detached' });
    await page.waitForFunction((id) => document.activeElement?.matches(`#${id} button[data-edit]`), firstEditable);
  });

  it('when the document page is phone-wide then the progress legend and the download form wrap whole names, none broken over two lines', async () => {
    /** The lines the text of each element takes (a radio button aside): one per distinct top of its text's boxes. */
    const broken = (selector: string) => page.locator(selector).evaluateAll((els) => els.map((el) => {
      const tops = [...el.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()).flatMap((n) => {
        const range = document.createRange();
        range.selectNodeContents(n);
        return [...range.getClientRects()].map((r) => Math.round(r.top));
      });
      return { text: el.textContent!.trim(), lines: new Set(tops).size };
    }).filter((l) => l.lines > 1));
    for (const lang of ['en', 'zh-CN']) {
      await context.addCookies([{ name: 'duiqi_lang', value: lang, url: wb.url }]);
      await page.goto(`${wb.url}${documentPath}`);
      expect(await page.locator('form.export fieldset label').count()).toBe(4);
      // Where a line ends depends on the counts and the width: every phone width, so that no name is left to chance.
      for (let width = 320; width <= 430; width += 5) {
        await page.setViewportSize({ width, height: 800 });
        expect(await broken('form.export legend, form.export fieldset label, #progress .legend .key'), `${lang} at ${width} px`).toEqual([]);
      }
    }
    await context.clearCookies({ name: 'duiqi_lang' });
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('when every page is shown 390 px wide then none scrolls sideways, rows stack source over translation, and Edit can be clicked', async () => {
    await page.setViewportSize({ width: 390, height: 800 });
    const overflow: Record<string, number> = {};
    const measure = async (name: string) => {
      overflow[name] = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    };
    await page.goto(`${wb.url}/documents`);
    await measure('documents');
    await page.goto(`${wb.url}${documentPath}`);
    await measure('document');
    const row = page.locator('tr.pair', { hasText: 'level and level' });
    const [src, tgt] = [await row.locator('td.src').boundingBox(), await row.locator('td.tgt').boundingBox()];
    expect(src!.y + src!.height).toBeLessThanOrEqual(tgt!.y + 1);
    expect(tgt!.width).toBeGreaterThan(300);
    // Playwright clicks only what is visible and not covered by another element.
    await row.locator('button[data-edit]').click({ timeout: 30_000 }); // a covered button fails however long it waits
    await page.locator('tr.editing').waitFor();
    await measure('document with the editor open');
    for (const button of await page.locator('tr.editing .buttons button').all()) {
      const box = await button.boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    }
    await page.keyboard.press('Escape');
    await page.goto(`${wb.url}${documentPath}/align`);
    await page.waitForSelector('[data-testid=align-table] tr');
    await measure('alignment');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('b');
    await page.locator('#split-sentence-dialog[open]').waitFor();
    await measure('alignment with the split-sentence dialog open');
    await page.keyboard.press('Escape');
    await openRealignPreview(page);
    await measure('alignment with the realign preview open');
    await page.keyboard.press('Escape');
    await alignmentChange(page, 'Control+z');
    await page.goto(`${wb.url}/glossary`);
    await measure('glossary');
    await page.locator('[data-testid=glossary-edit]').first().click();
    await page.locator('[data-testid=glossary-edit-form]').waitFor();
    await measure('glossary with an entry being edited');
    await page.goto(`${wb.url}${documentPath}/analysis`);
    await measure('match analysis');
    await page.goto(`${wb.url}/import`);
    await measure('import');
    await page.goto(`${wb.url}${documentPath}/charts`);
    await measure('charts');
    await page.goto(`${wb.url}${documentPath}`);
    await page.click('[data-testid=manage-document] summary');
    await measure('document with rename and delete open');
    await page.click('[data-testid=figures-help] summary');
    await measure('document with what the figures mean open');
    await page.click('[data-testid=replace-panel] summary');
    await page.fill('[data-testid=replace-find]', 'level and level');
    await page.fill('[data-testid=replace-with]', 'level');
    await page.click('[data-testid=replace-preview-button]');
    await page.locator('[data-testid=replace-preview] table').waitFor();
    await measure('document with a replace previewed');
    await page.getByTestId('replace-side-zh').check();
    await page.fill('[data-testid=replace-find]', '合作');
    await page.fill('[data-testid=replace-with]', '协作');
    await page.click('[data-testid=replace-preview-button]');
    await page.getByTestId('replace-change').first().waitFor();
    await measure('document with a Chinese replace previewed');
    await page.goto(`${wb.url}/concordance?q=${encodeURIComponent('合作')}`);
    await measure('concordance');
    await page.goto(`${wb.url}/documents?state=trash`);
    await measure('trash');
    await page.goto(`${wb.url}/admin/users`);
    await measure('users');
    await page.goto(`${wb.url}/account`);
    await measure('account');
    expect(overflow).toEqual({
      documents: 0, document: 0, 'document with the editor open': 0, alignment: 0, 'alignment with the split-sentence dialog open': 0,
      'alignment with the realign preview open': 0, glossary: 0, 'glossary with an entry being edited': 0, 'match analysis': 0, import: 0, charts: 0,
      'document with rename and delete open': 0, 'document with what the figures mean open': 0, 'document with a replace previewed': 0, 'document with a Chinese replace previewed': 0, concordance: 0, trash: 0, users: 0, account: 0,
    });
  });
});
