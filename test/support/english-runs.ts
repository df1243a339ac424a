// Finds English sentences in what a 中文 reader is shown: runs of three or more English words in a page's
// text and in the attributes a reader sees (titles, placeholders, labels, messages kept for scripts); and the
// half-width colons and commas an English template put after Chinese words ("谁可以打开: 整个团队").

import { parse, parseFragment } from 'parse5';

interface Node {
  nodeName: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
  value?: string;
}

/** Attributes a reader sees or a page script shows: everything else (href, class, hx-*, ids) is machinery. */
const SHOWN_ATTRIBUTES = /^(title|placeholder|aria-label|alt|label|data-(?!testid$|doc$|rows$|draft$|row$|total$|version$|undo$|redo$|state$|count$|qa$|tgt$|text$|insert-match$|insert-term$|sentence$|before$|after$|from$|action$|confirmed$|weak$).*)$/;

/** Words that stay English in Chinese text: names of formats, products and keys. */
const KEPT = new Set(['duiqi', 'tmx', 'xliff', 'json', 'csv', 'xml', 'html', 'docx', 'word', 'markdown', 'srt', 'vtt', 'utf', 'gb',
  'ctrl', 'shift', 'enter', 'esc', 'alt', 'tab', 'api', 'url', 'http', 'https', 'mt', 'hter', 'id', 'dtd', 'doctype', 'libretranslate',
  'mqm', 'tm', 'mb', 'kb', 'bytes', 'csrf', 'cookie', 'token', 'zh', 'en', 'cn', 'pdf']);

// A word: Latin letters, perhaps with an apostrophe or hyphen inside; words of a run are apart by spaces or commas only.
const RUN = /[A-Za-z][A-Za-z'’-]*(?:[ ,]+[A-Za-z][A-Za-z'’-]*){2,}/g;

/** The runs of three or more English words in `text` that are not all kept words. */
export function englishRuns(text: string): string[] {
  return [...text.matchAll(RUN)].map((m) => m[0]).filter((run) => {
    const words = run.split(/[ ,]+/).filter(Boolean);
    return words.filter((w) => !KEPT.has(w.toLowerCase())).length >= 3;
  });
}

const attr = (n: Node, name: string) => n.attrs?.find((a) => a.name === name)?.value;

// A colon, semicolon or comma of English after a Chinese word or closing mark, where Chinese writes ：；，.
const HALF_WIDTH = /[\u4e00-\u9fff）」』”][:;,](?=\s|$)/gu;

/** Half-width punctuation after Chinese in `text`, each with the characters around it. */
export function halfWidthAfterChinese(text: string): string[] {
  return [...text.matchAll(HALF_WIDTH)].map((m) => text.slice(Math.max(0, m.index - 8), m.index + 6));
}

const textOf = (n: Node): string => (n.nodeName === '#text' ? n.value ?? '' : (n.childNodes ?? []).map(textOf).join(''));

/**
 * What `find` finds in the text of an HTML page or fragment that a reader is shown. User content is skipped where the
 * markup says so: an element with a `lang` other than Chinese (segment text) and one marked `translate="no"` (titles,
 * names, comments, notes: what users typed, which no translation may touch). Scripts and styles are not text, nor is
 * the page's <title>, which repeats its heading after the app's name; a chart's SVG <title> is its tooltip, and is.
 */
function shownText(markup: string, find: (text: string) => string[]): string[] {
  const root = (/^\s*<!doctype/i.test(markup) ? parse(markup) : parseFragment(markup)) as unknown as Node;
  const found: string[] = [];
  // `before`: the last character shown ahead of this node, so that "时间</time>: " counts as written after 间.
  const visit = (n: Node, inSvg: boolean, before: string) => {
    if (n.nodeName === 'script' || n.nodeName === 'style' || (n.nodeName === 'title' && !inSvg)) return;
    const lang = attr(n, 'lang');
    if (lang !== undefined && !lang.startsWith('zh')) return;
    if (attr(n, 'translate') === 'no') return;
    if (n.nodeName === '#text') found.push(...find(before + (n.value ?? '')));
    for (const a of n.attrs ?? []) {
      if (!SHOWN_ATTRIBUTES.test(a.name)) continue;
      if (a.name === 'value' || (a.name === 'label' && n.nodeName !== 'option')) continue;
      found.push(...find(a.value).map((r) => `${a.name}="${r}"`));
    }
    if (n.nodeName === 'input' && ['submit', 'button'].includes(attr(n, 'type') ?? '')) found.push(...find(attr(n, 'value') ?? ''));
    let last = before;
    for (const c of n.childNodes ?? []) {
      visit(c, inSvg || n.nodeName === 'svg', last);
      last = textOf(c).slice(-1) || last;
    }
    if (n.content) visit(n.content, inSvg, '');
  };
  visit(root, false, '');
  return found;
}

/** English runs in an HTML page or fragment, outside what users wrote. */
export const englishInHtml = (markup: string): string[] => shownText(markup, englishRuns);

/** Half-width punctuation after the interface's Chinese in an HTML page or fragment. */
export const halfWidthInHtml = (markup: string): string[] => shownText(markup, halfWidthAfterChinese);
