// Reads a news web page saved as text: its date line, headline entries, article sentences and noise.

import { splitSentenceSpans } from './split-sentences.ts';

export type PageItemKind = 'dateline' | 'headline' | 'sentence' | 'noise';

export interface PageItem {
  kind: PageItemKind;
  text: string;
  /** Paragraph number in the page, 0-based; every header line is a paragraph of its own. */
  paragraph: number;
  start: number;
  end: number;
  /** Headline entries only. */
  time?: string;
  tags?: string[];
  lang?: 'zh' | 'en';
}

const MONTHS = 'January|February|March|April|May|June|July|August|September|October|November|December';
const DATE_LINE = new RegExp(`^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\\s+)?(?:${MONTHS})\\s+\\d{1,2},\\s+\\d{4}$`);
// "• 2:57 pm Title #tag #tag": bullet optional, 12- or 24-hour clock, tags as trailing hashtags.
const HEADLINE = /^(?:[•·*\-–]\s*)?(\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?)\s+(.+?)((?:\s+#[^\s#]+)*)$/i;
const NOISE_PHRASES = /^(?:sponsor(?:ed)?(?:\s+advertisement)?|advertisement|advert|ad|related(?: articles| posts)?|share(?: this)?|read more|photo(?:graph)?:.*|image:.*|source:.*)$/i;
const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/g;

export function parsePage(page: string): PageItem[] {
  const items: PageItem[] = [];
  const lines = lineSpans(page);
  let paragraph = 0;
  let i = 0;
  // The header: date line and headline entries, one per line, before the article starts.
  for (; i < lines.length; i++) {
    const { text, start } = lines[i]!;
    const trimmed = text.trim();
    if (!trimmed) continue;
    const lead = start + text.indexOf(trimmed);
    if (DATE_LINE.test(trimmed)) {
      items.push({ kind: 'dateline', text: trimmed, paragraph: paragraph++, start: lead, end: lead + trimmed.length });
      continue;
    }
    const h = HEADLINE.exec(trimmed);
    if (!h) break;
    const title = h[2]!.trim();
    const titleStart = lead + trimmed.indexOf(title, h[1]!.length);
    items.push({
      kind: 'headline', text: title, paragraph: paragraph++, start: titleStart, end: titleStart + title.length,
      time: h[1]!, tags: (h[3] ?? '').split(/\s+#/).map((t) => t.replace(/^#/, '').trim()).filter(Boolean),
      lang: isChinese(title) ? 'zh' : 'en',
    });
  }
  // The article: paragraphs separated by blank lines, split into sentences.
  const bodyStart = lines[i]?.start ?? page.length;
  const body = page.slice(bodyStart);
  for (const block of body.split(/\n[ \t]*(?:\n[ \t]*)+/).reduce(collectBlocks(bodyStart, body), [])) {
    const captionLines = noiseLines(page, block);
    if (captionLines) {
      for (const line of captionLines) items.push({ kind: 'noise', ...line, paragraph });
    } else if (isNoise(block.text)) {
      items.push({ kind: 'noise', text: block.text, paragraph, start: block.start, end: block.end });
    } else {
      for (const s of splitSentenceSpans(block.text, 'en')) {
        items.push({ kind: 'sentence', text: s.text, paragraph, start: block.start + s.start, end: block.start + s.end });
      }
    }
    paragraph++;
  }
  return items;
}

function lineSpans(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  for (const line of text.split('\n')) {
    out.push({ text: line, start });
    start += line.length + 1;
  }
  return out;
}

function collectBlocks(base: number, body: string) {
  let cursor = 0;
  return (acc: { text: string; start: number; end: number }[], raw: string) => {
    const at = body.indexOf(raw, cursor);
    cursor = at + raw.length;
    const text = raw.trim();
    if (text) {
      const start = base + at + raw.indexOf(text);
      acc.push({ text: text.replace(/\s*\n\s*/g, ' '), start, end: start + text.length });
    }
    return acc;
  };
}

/**
 * A block of several lines that each stand alone as noise (a photo caption over its place line,
 * "Hong Kong" / "Hong Kong, CHINA") is that many noise lines, not one wrapped paragraph: prose
 * wrapped over lines ends at least one of them like a sentence.
 */
function noiseLines(page: string, block: { start: number; end: number }): { text: string; start: number; end: number }[] | undefined {
  const lines = lineSpans(page.slice(block.start, block.end))
    .map(({ text, start }) => ({ text: text.trim(), start: block.start + start + text.indexOf(text.trim()) }))
    .filter((l) => l.text);
  if (lines.length < 2 || !lines.every((l) => isNoise(l.text))) return undefined;
  return lines.map((l) => ({ text: l.text, start: l.start, end: l.start + l.text.length }));
}

function isChinese(text: string): boolean {
  return HAN.test(text) && (text.match(LATIN)?.length ?? 0) < text.length / 4;
}

/** Adverts and photo captions: known phrases, or short lines that never end like a sentence. */
export function isNoise(paragraph: string): boolean {
  if (NOISE_PHRASES.test(paragraph)) return true;
  const words = paragraph.split(/\s+/).length;
  return words <= 12 && !/[.!?。！？”"’)]$/.test(paragraph);
}
