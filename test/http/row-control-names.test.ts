// Lists with a control per row (documents, accounts, glossary terms): each control is described by its row's name,
// so that a screen reader tabbing through them hears "Delete, 第二篇", not the same "Delete" again and again.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { Client } from '../support/test-server.ts';
import { startSeededServer } from '../support/seed.ts';

let seeded: Awaited<ReturnType<typeof startSeededServer>>;
let mei: Client;

beforeAll(async () => {
  seeded = await startSeededServer([['mei', 'admin'], ['lin', 'translator']]);
  mei = new Client(seeded.server.url);
  await mei.login('mei');
  expect((await seeded.api('mei', 'POST', '/api/glossary', { zh: '对齐', en: 'alignment' })).status).toBeLessThan(300);
});
afterAll(() => seeded.server.close());

describe('controls in a row say whose they are', () => {
  it.each([
    ['the document list', '/documents', '第二篇'],
    ['the accounts', '/admin/users', 'lin'],
    ['the glossary', '/glossary', '对齐'],
  ])('when an admin opens %s then every control of a row is described by that row\'s name', async (_what, path, name) => {
    const page = await mei.get(path);
    expect(page.status).toBe(200);
    const { document } = parseHTML(page.text);
    const rows = [...document.querySelectorAll('tbody tr')].filter((tr) => tr.querySelector('button, select, summary'));
    expect(rows.length).toBeGreaterThan(0);
    const descriptions = rows.flatMap((tr) => [...tr.querySelectorAll('button, select, summary')].map((control) => {
      const by = control.getAttribute('aria-describedby');
      const target = by ? document.getElementById(by) : null;
      return target && tr.contains(target) ? target.textContent!.trim() : `no description: ${control.outerHTML.slice(0, 80)}`;
    }));
    expect(descriptions.filter((d) => d.startsWith('no description'))).toEqual([]);
    expect(descriptions).toContain(name);
  });
});
