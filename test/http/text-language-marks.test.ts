// The document page marks each piece of text with its own language: the English of a pair as English, the interface's
// words beside it (untranslated, QA reasons, comment authors) as the interface's, a comment as what it is written in.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { Client } from '../support/test-server.ts';
import { pairWith, startSeededServer } from '../support/seed.ts';

let seeded: Awaited<ReturnType<typeof startSeededServer>>;
const COMMENT = '请再斟酌这个译法，语气太重了。';
const EDITED = 'The Wuhan lockdown worked, edited.';

beforeAll(async () => {
  seeded = await startSeededServer([['lin', 'translator'], ['wang', 'reviewer']]);
  const pair = await pairWith(seeded.server.store, seeded.docs.demo, 'Wuhan lockdown');
  expect((await seeded.api('wang', 'POST', `/api/pairs/${pair.id}/comments`, { body: COMMENT })).status).toBe(201);
  const edited = await pairWith(seeded.server.store, seeded.docs.other, 'Korean Peninsula');
  expect((await seeded.api('lin', 'PUT', `/api/pairs/${edited.id}`, { tgt: EDITED, version: edited.version })).status).toBe(200);
});
afterAll(() => seeded.server.close());

async function documentPage(lang: 'en' | 'zh-CN', path = `/documents/${seeded.docs.demo}`, user = 'lin'): Promise<Document> {
  const c = new Client(seeded.server.url);
  c.cookies.set('duiqi_lang', lang);
  await c.login(user);
  const page = await c.get(path);
  expect(page.status).toBe(200);
  return parseHTML(page.text).document as unknown as Document;
}

/** The language a screen reader reads `el` in: its nearest lang attribute's. */
const langAt = (el: Element) => el.closest('[lang]')?.getAttribute('lang');

describe('language marks on the document page', () => {
  it('when the interface is Chinese then the words it puts in the English column are marked Chinese, the English stays English', async () => {
    const doc = await documentPage('zh-CN');
    const interfaceWords = [...doc.querySelectorAll('td.tgt .missing, td.tgt li.flag, td.tgt .comment-author')];
    expect(interfaceWords.map((el) => el.className)).toEqual(expect.arrayContaining(['missing', expect.stringContaining('flag'), 'comment-author']));
    expect(interfaceWords.map(langAt).filter((l) => l !== 'zh-CN')).toEqual([]);
    const wuhan = [...doc.querySelectorAll('tr.pair td.tgt')].find((td) => td.textContent!.includes('Wuhan lockdown'))!;
    expect(langAt([...wuhan.querySelectorAll('span')].find((s) => s.textContent!.startsWith('Wuhan lockdown'))!)).toBe('en');
  });

  it.each(['en', 'zh-CN'] as const)('when a reviewer commented in Chinese then the comment is marked Chinese in the %s interface', async (lang) => {
    const doc = await documentPage(lang);
    const quote = [...doc.querySelectorAll('.discussion q')].find((q) => q.textContent === COMMENT)!;
    expect(langAt(quote)).toBe('zh-CN');
  });

  it.each(['en', 'zh-CN'] as const)('when a reviewer opens the editor in the %s interface then the comment boxes say their language is unknown', async (lang) => {
    const pair = await pairWith(seeded.server.store, seeded.docs.demo, 'Wuhan lockdown');
    const doc = await documentPage(lang, `/documents/${seeded.docs.demo}/pairs/${pair.id}/edit`, 'wang');
    const boxes = [...doc.querySelectorAll('textarea[name=body]')];
    // A reply to the thread and a new comment.
    expect(boxes.length).toBe(2);
    expect(doc.querySelector('[data-testid=reply-form] textarea')).not.toBeNull();
    // lang="" says the language is unknown, so neither the interface's nor the English column's is taken.
    expect(boxes.map(langAt)).toEqual(boxes.map(() => ''));
  });

  it('when a row of the alignment editor was post-edited then its English is marked English and the button to show the imported text Chinese', async () => {
    const doc = await documentPage('zh-CN', `/documents/${seeded.docs.other}/align`);
    const current = doc.querySelector('[data-testid=current-en]')!;
    expect(current.textContent).toBe(EDITED);
    expect(langAt(current)).toBe('en');
    const cell = current.closest('td')!;
    expect(langAt(cell.querySelector('summary')!)).toBe('zh-CN');
    expect(langAt(cell.querySelector('.sentence')!)).toBe('en');
  });
});
