// Keyboard and screen reader use after htmx swaps: where the focus lands, and what the live region says.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserUnavailable, closeWorkbench, login, openWorkbench } from '../support/browser.ts';
import type { Workbench } from '../support/start-workbench.ts';
import { alignmentChange, openRealignPreview } from '../support/alignment-keys.ts';

const skip = browserUnavailable();

/** The focused element, as a selector-like line: what a keyboard user's next key acts on. */
const focused = (page: Page) => page.evaluate(() => {
  const a = document.activeElement!;
  return `${a.tagName.toLowerCase()}${a.id ? `#${a.id}` : ''}${a.getAttribute('name') ? `[name=${a.getAttribute('name')}]` : ''}`;
});

describe.skipIf(skip)('focus and announcements after a swap', () => {
  let wb: Workbench;
  let context: BrowserContext;
  let page: Page;
  const announcer = () => page.locator('[data-testid=announcer]');

  beforeAll(async () => {
    ({ wb, context, page } = await openWorkbench([['lin', 'translator']]));
    await login(page, wb.url, 'lin');
  });
  afterAll(() => closeWorkbench({ wb, context }));

  it('when a term is added with Enter then the focus is back in the Chinese field for the next one, and the addition is said', async () => {
    await page.goto(`${wb.url}/glossary`);
    await page.fill('input[name=zh]', '对齐');
    await page.fill('input[name=en]', 'alignment');
    await page.locator('input[name=en]').press('Enter');
    await page.locator('table.glossary td', { hasText: 'alignment' }).waitFor();
    await expect.poll(() => focused(page)).toBe('input[name=zh]');
    await expect.poll(() => announcer().textContent()).toBe('Added 对齐 → alignment.');
    expect(await page.locator('input[name=zh]').inputValue()).toBe('');
  });

  it('when a term is deleted with its button then the focus stays in the glossary, not on the page', async () => {
    await page.locator('table.glossary tr', { hasText: 'alignment' }).locator('button.danger').focus();
    await page.keyboard.press('Enter');
    await page.locator('table.glossary td', { hasText: 'alignment' }).waitFor({ state: 'detached' });
    await expect.poll(() => focused(page)).toBe('div#glossary');
    // The next Tab goes on from the glossary: to the add form's first field.
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('input[name=zh]');
  });

  it('when a TBX file is imported from the glossary page then its terms appear and the count is said; a refused file says why, in the table', async () => {
    await page.goto(`${wb.url}/glossary`);
    const tbx = `<?xml version="1.0"?><!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd"><martif type="TBX"><text><body>
      <termEntry><langSet xml:lang="zh-CN"><tig><term>双边关系</term></tig></langSet><langSet xml:lang="en-US"><tig><term>bilateral relations</term></tig></langSet></termEntry>
      <termEntry><langSet xml:lang="de"><tig><term>Beziehung</term></tig></langSet></termEntry></body></text></martif>`;
    await page.setInputFiles('[data-testid=glossary-file]', { name: '术语库.tbx', mimeType: 'application/xml', buffer: Buffer.from(tbx) });
    await page.locator('[data-testid=glossary-file-form] button[type=submit]').click();
    await page.locator('table.glossary td', { hasText: 'bilateral relations' }).waitFor();
    await expect.poll(() => announcer().textContent()).toBe('Imported 1 entry. 1 concept had no Chinese or no English term and was skipped.');
    await page.setInputFiles('[data-testid=glossary-file]', { name: 'notes.tbx', mimeType: 'application/xml', buffer: Buffer.from('<notes/>') });
    await page.locator('[data-testid=glossary-file-form] button[type=submit]').click();
    await expect.poll(() => page.locator('#glossary .error').textContent()).toBe('This is not a TBX file: its root is <notes>, not <martif> (TBX 2) or <tbx> (TBX 3). (line 1)');
    expect(await page.locator('table.glossary td', { hasText: 'bilateral relations' }).count()).toBe(1);
  });

  it('when a row is saved from its editor by keyboard then the live region says its new state and the focus is on its own Edit button', async () => {
    await page.goto(`${wb.url}/documents/1`);
    // Each Edit button names its row: a screen reader's list of buttons is not a column of identical "Edit"s.
    const edit = page.getByRole('button', { name: 'Edit row 3', exact: true });
    expect(await edit.count()).toBe(1);
    await edit.focus();
    await page.keyboard.press('Enter');
    const box = page.locator('tr.editing textarea[name=tgt]');
    await box.waitFor();
    expect(await focused(page)).toBe('textarea[name=tgt]');
    // The box's description is the Chinese it translates, read when the focus arrives.
    const source = await page.locator('tr.editing .source-text').textContent();
    expect(await box.evaluate((t) => document.getElementById(t.getAttribute('aria-describedby')!)?.textContent)).toBe(source);
    // The editor's buttons tell a screen reader their keys, which sighted users read in the shortcuts list.
    expect(await page.locator('tr.editing button[aria-keyshortcuts]').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-keyshortcuts'))))
      .toEqual(['Control+Enter', 'Escape']);
    // The focus ring stands apart from the control, so it shows on the blue Save & next as on a white button.
    await page.keyboard.press('Tab');
    for (let i = 0; i < 30 && (await focused(page)) !== 'button[name=next]'; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return [s.outlineStyle, s.outlineWidth, s.outlineOffset, s.outlineColor];
    })).toEqual(['solid', '2px', '2px', 'rgb(11, 92, 173)']);
    await box.fill('Row three, checked by keyboard.');
    await page.locator('tr.editing button[type=submit][value="0"]').focus();
    await page.keyboard.press('Enter');
    await page.locator('tr.pair[data-state=translated]', { hasText: 'Row three, checked by keyboard.' }).waitFor();
    await expect.poll(() => announcer().textContent()).toBe('Row 3: translated.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit row 3');
  });

  it('when G or Ctrl+H took the focus from a row then Esc gives it back to that row, the replace panel closing', async () => {
    const edit = page.getByRole('button', { name: 'Edit row 5', exact: true });
    await edit.focus();
    await page.keyboard.press('g');
    expect(await focused(page)).toBe('input[name=row]');
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit row 5');
    await page.keyboard.press('Control+h');
    expect(await focused(page)).toBe('input[name=find]');
    await page.keyboard.press('Escape');
    expect(await page.locator('#replace-panel').evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Edit row 5');
  });

  it('when an editor offers glossary terms then each insert button says what it inserts and tells its key', async () => {
    await page.goto(`${wb.url}/documents/1`);
    await page.getByRole('button', { name: 'Edit row 2', exact: true }).click();
    const insert = page.locator('tr.editing [data-testid=glossary-terms] button[data-insert-term="1"]');
    await insert.waitFor();
    expect(await insert.getAttribute('aria-keyshortcuts')).toBe('Control+Shift+1');
    const term = await page.locator('tr.editing [data-testid=glossary-terms] li').first().locator('span[lang=en]').textContent();
    expect(await page.locator('tr.editing').getByRole('button', { name: `Insert term 1 at the cursor: ${term}`, exact: true }).textContent()).toBe('1');
    await page.keyboard.press('Escape');
    await page.locator('tr.editing').waitFor({ state: 'detached' });
  });

  it('when a comment thread is started by keyboard then the focus stays in the row\'s threads, not on the page', async () => {
    await page.goto(`${wb.url}/documents/1`);
    await page.getByRole('button', { name: 'Edit row 6', exact: true }).click();
    const start = page.locator('tr.editing [data-testid=new-thread-form]');
    await page.locator('tr.editing .threads details summary').click();
    await start.locator('textarea[name=body]').fill('Is “level” right here?');
    await start.locator('button[type=submit]').focus();
    await page.keyboard.press('Enter');
    await page.locator('tr.editing [data-testid=thread]').waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('.threads') !== null)).toBe(true);
    await page.keyboard.press('Escape');
    await page.locator('tr.editing').waitFor({ state: 'detached' });
  });

  it('when a word is looked up with Ctrl+K then the number of hits is said, not the whole list', async () => {
    await page.goto(`${wb.url}/glossary`);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('China');
    await page.locator('#concordance-dialog .concordance-hits li').first().waitFor();
    await expect.poll(() => announcer().textContent()).toMatch(/^\d+ hits?( shown; more follow)?\.$/);
    await page.keyboard.press('Escape');
  });

  it('when an admin creates an account by keyboard then the creation and the one-time password note are said, and the focus stays on Create', async () => {
    await login(page, wb.url, 'admin');
    await page.goto(`${wb.url}/admin/users`);
    await page.fill('form.user-add input[name=name]', 'zhou');
    await page.locator('form.user-add button[type=submit]').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('one-time-password').waitFor();
    await expect.poll(() => announcer().textContent()).toBe('Created the account "zhou". One-time password for zhou. It is shown only now: give it to them; they choose their own at their next sign-in.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('form')?.classList.contains('user-add') && document.activeElement.tagName)).toBe('BUTTON');
  });

  it('when the alignment cursor moves by keyboard then the grid\'s active cell is the cursor\'s, for a screen reader to read', async () => {
    await page.goto(`${wb.url}/documents/1/align`);
    await page.locator('tr.arow.cursor').waitFor();
    const grid = page.getByRole('grid');
    expect(await grid.evaluate((t) => t === document.activeElement)).toBe(true);
    const active = () => grid.evaluate((t) => {
      const cell = document.getElementById(t.getAttribute('aria-activedescendant') ?? '');
      return cell && cell.classList.contains('cursor-side') && cell.closest('tr')!.classList.contains('cursor') ? `${cell.closest('tr')!.dataset.row} ${cell.classList.contains('src') ? 'src' : 'tgt'}` : null;
    });
    expect(await active()).toBe('0 tgt');
    // The buttons that do what the keys do tell their keys, as the shortcuts list does.
    expect(await page.getByRole('toolbar').getByRole('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-keyshortcuts'))))
      .toEqual(['Alt+ArrowUp', 'Alt+ArrowDown', 'Shift+ArrowDown', 'Shift+ArrowUp', 'Control+Shift+ArrowDown', 'Control+Shift+ArrowUp',
        'M', 'S', 'J', 'B', 'C', 'Shift+C', 'U']);
    expect(await page.locator('#align-toolbar button[data-action=realign]').getAttribute('aria-keyshortcuts')).toBe('R');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(active).toBe('2 src');
  });
  it('when the alignment cursor reaches a low-confidence row then its cell is described by what a sighted reader sees beside it: number, confidence in words, status', async () => {
    await page.goto(`${wb.url}/documents/1/align`);
    const cursor = page.locator('tr.arow.cursor');
    await cursor.waitFor();
    for (let i = 0; i < 40 && !(await cursor.getAttribute('class'))!.includes('band-low'); i++) await page.keyboard.press('n');
    const n = await cursor.getAttribute('data-n');
    const score = (await cursor.locator('td.conf').evaluate((td) => td.firstChild!.nextSibling!.textContent))!;
    const description = await page.evaluate(() => {
      const cell = document.getElementById(document.querySelector('table.align')!.getAttribute('aria-activedescendant')!)!;
      return cell.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)!.textContent!.replace(/\s+/g, ' ').trim());
    });
    expect(description).toEqual([expect.stringMatching(new RegExp(`^${n}`)), `${score} low confidence: check this row`, expect.stringMatching(/^(automatic|confirmed by )/)]);
  });

  it('when a row\'s score is low then the cell says so in words, and what the figures mean opens from the keyboard', async () => {
    await page.goto(`${wb.url}/documents/1`);
    const low = page.locator('tr.pair td.score.low').first();
    expect(await low.textContent()).toMatch(/^0\.\d+ Low alignment confidence: check this row$/);
    const help = page.getByTestId('figures-help');
    await help.locator('summary').focus();
    await page.keyboard.press('Enter');
    expect(await help.locator('dt', { hasText: 'HTER' }).locator('+ dd').textContent()).toBe('Word edit distance from the machine translation, per word (HTER)');
    expect(await help.locator('dd').first().isVisible()).toBe(true);
  });

  it('when the split-sentence and realign dialogs open by keyboard then each is a named dialog holding the focus, and Esc closes it and gives the focus back to the grid', async () => {
    await page.goto(`${wb.url}/documents/1/align`);
    await page.locator('tr.arow.cursor').waitFor();
    const grid = page.getByRole('grid');
    const inDialog = () => page.evaluate(() => document.activeElement?.closest('dialog')?.id ?? null);
    const version = () => page.locator('#align-toolbar').getAttribute('data-version');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('b');
    const split = page.getByRole('dialog', { name: 'Split the sentence' });
    await split.waitFor();
    expect(await inDialog()).toBe('split-sentence-dialog');
    expect(await split.getByRole('textbox', { name: 'Put the cursor where the sentence should break, then press Enter.' }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await split.waitFor({ state: 'hidden' });
    expect(await grid.evaluate((t) => t === document.activeElement)).toBe(true);

    // The preview is described by its summary.
    await openRealignPreview(page);
    const shifted = await version();
    const realign = page.getByRole('dialog', { name: 'What realigning would change' });
    expect(await realign.count()).toBe(1);
    expect(await inDialog()).toBe('realign-dialog');
    expect(await realign.evaluate((d) => document.getElementById(d.getAttribute('aria-describedby')!)!.textContent)).toMatch(/^Realigning would replace rows \d+ to \d+/);
    // The list of new rows scrolls, so the keyboard can reach it to scroll it.
    expect(await realign.getByRole('list', { name: 'The new rows' }).getAttribute('tabindex')).toBe('0');
    await page.keyboard.press('Escape');
    await realign.waitFor({ state: 'hidden' });
    expect(await grid.evaluate((t) => t === document.activeElement)).toBe(true);
    expect(await version()).toBe(shifted);
    await alignmentChange(page, 'Control+z');
  });
  it('when rows are changed by keyboard in the alignment editor then each outcome is said in the reader\'s language, the same outcome twice said twice', async () => {
    const said = {
      en: { up: (n: string, m: string) => `First English sentence of row ${n} moved up into row ${m}.`, shift: (n: string) => `Row ${n}: English shifted down one row.` },
      'zh-CN': { up: (n: string, m: string) => `第 ${n} 行英文的第一句已上移到第 ${m} 行。`, shift: (n: string) => `第 ${n} 行：英文已下移一行。` },
    };
    for (const lang of ['en', 'zh-CN'] as const) {
      await page.goto(`${wb.url}/documents/1/align`);
      if ((await page.locator('html').getAttribute('lang')) !== lang) {
        await page.click('[data-testid=lang-switch]');
        await page.waitForURL('**/align');
      }
      const cursor = page.locator('tr.arow.cursor');
      await cursor.waitFor();
      // What the live region holds at each frame the browser draws, which is when its accessibility tree follows.
      await page.evaluate(() => {
        const region = document.getElementById('align-message')!;
        const seen: string[] = [];
        Object.assign(window, { seen });
        const look = () => {
          if (seen[seen.length - 1] !== region.textContent) seen.push(region.textContent!);
          requestAnimationFrame(look);
        };
        look();
      });
      const seen = () => page.evaluate(() => (window as unknown as { seen: string[] }).seen);
      for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
      const n = (await cursor.getAttribute('data-n'))!;
      await alignmentChange(page, 'Alt+ArrowUp');
      await expect.poll(seen).toEqual(['', said[lang].up(n, String(Number(n) - 1))]);
      await alignmentChange(page, 'Shift+ArrowDown');
      await alignmentChange(page, 'Shift+ArrowDown');
      // Words that do not change are not said again: the region empties for a moment in between.
      await expect.poll(seen).toEqual(['', said[lang].up(n, String(Number(n) - 1)), said[lang].shift(n), '', said[lang].shift(n)]);
      for (let i = 0; i < 3; i++) await alignmentChange(page, 'Control+z');
    }
    await page.click('[data-testid=lang-switch]');
    await page.waitForURL('**/align');
  });
});
