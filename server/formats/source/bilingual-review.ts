// The side-by-side file for reviewers: one row per pair, Chinese left and English right, as .docx or .html.

import { UNTRANSLATED_MARK } from '../../domain/place-translation.ts';
import { utf8, type Block } from './blocks.ts';
import { docxPackage, tableXml } from './docx.ts';
import { escapeHtml, htmlPage } from './html-page.ts';

export interface ReviewRow {
  src: string;
  /** Empty when the pair has no English yet. */
  tgt: string;
}

export type ReviewFormat = 'docx' | 'html';

export interface ReviewFile {
  /** Column heads, in the reader's language. */
  heads: [string, string];
  title: string;
  rows: ReviewRow[];
}

const paragraph = (text: string): Block => ({ kind: 'paragraph', text });
const english = (r: ReviewRow) => r.tgt.trim() || `${UNTRANSLATED_MARK}${r.src}`;

export function reviewDocx(file: ReviewFile): Uint8Array {
  const head = file.heads.map((h) => [{ kind: 'heading', level: 3, text: h } as Block]);
  const rows = file.rows.map((r) => [[paragraph(r.src)], [paragraph(english(r))]]);
  return docxPackage(`${tableXml([head, ...rows])}<w:p/>`, file.title);
}

const STYLE = 'table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:4px 8px;vertical-align:top;width:50%}td.fallback{background:#fff3c4}';

export function reviewHtml(file: ReviewFile): Uint8Array {
  const rows = file.rows.map((r) => `<tr><td lang="zh-CN">${escapeHtml(r.src)}</td><td lang="en"${r.tgt.trim() ? '' : ' class="fallback"'}>${escapeHtml(english(r))}</td></tr>\n`).join('');
  const body = `<h1>${escapeHtml(file.title)}</h1>\n<table>\n<thead><tr><th>${escapeHtml(file.heads[0])}</th><th>${escapeHtml(file.heads[1])}</th></tr></thead>\n<tbody>\n${rows}</tbody>\n</table>\n`;
  return utf8(htmlPage(file.title, 'zh-CN', body, STYLE));
}
