// The alignment editor driven from the keyboard in browser tests: a key that changes rows, and the realign preview.

import { expect } from 'vitest';
import type { Page } from 'playwright-core';

/** Presses `key` and waits for the rows it changed: the page sets the new version once they show. */
export async function alignmentChange(page: Page, key: string): Promise<void> {
  const version = () => page.locator('#align-toolbar').getAttribute('data-version');
  const before = await version();
  await page.keyboard.press(key);
  await expect.poll(version).not.toBe(before);
}

/**
 * Opens the realign preview on the alignment editor's page: a side shifted out of step on the second row leaves rows
 * for a realign to change, so R has a preview to show. Esc and an undo (Control+z) put the rows back.
 */
export async function openRealignPreview(page: Page): Promise<void> {
  await page.keyboard.press('ArrowDown');
  await alignmentChange(page, 'Shift+ArrowDown');
  await page.keyboard.press('r');
  await page.locator('#realign-dialog[open]').waitFor();
}
