// The upload page: two texts (plain or structured, as files or web addresses) to align, one TMX/XLIFF/JSON file kept as it is, or TMX into the memory.

import { escapeHtml, html, SafeHtml } from './html.ts';
import { markedT } from './marked-text.ts';
import { layout } from './layout.ts';
import { mayLoadMemory } from '../server/domain/shared-resources.ts';
import type { ViewContext } from './view-context.ts';
import { sourceFormats } from '../server/formats/source/source-formats.ts';
import { charLimit } from './char-limit.ts';
import { MAX_TITLE } from '../server/domain/document-title.ts';

export interface ImportFormState {
  /** The sentence of a refused upload, shown above the form. */
  error?: SafeHtml | string;
  title?: string;
  access?: string;
  memory?: boolean;
  /** Units just loaded into the translation memory, and those skipped for want of Chinese or English text. */
  loaded?: number;
  skipped?: number;
  /** An import that ended with more to say than its document (units skipped): its result, with the way on. */
  done?: SafeHtml;
  sourceUrl?: string;
  translationUrl?: string;
  englishOrigin?: string;
  /** Names of the files of a refused upload: a browser cannot be given them back, so the user is told which to choose again. */
  chosen?: string[];
}

const TRANSLATION_TYPES = ['.txt', 'text/plain', ...sourceFormats.flatMap((f) => f.accept)].join(',');
const SOURCE_TYPES = `${TRANSLATION_TYPES},.tmx,.xlf,.xliff,.sdlxliff,.mqxliff,.json,application/json,application/xml`;

/**
 * The sentence of a refused upload, or what was loaded. Over htmx only this is swapped in, so the files
 * the user chose stay chosen; a full page load cannot give them back and names the files to choose again.
 */
export function importMessage(ctx: ViewContext, state: ImportFormState): SafeHtml {
  return html`${state.error ? html`<p class="error" role="alert" data-testid="import-error">${state.error}</p>` : ''}${
    state.chosen?.length ? html`<p class="meta" data-testid="import-choose-again">${markedT(ctx, 'languageCheck.chooseAgain', { names: fileNames(ctx, state.chosen) }, {})}</p>` : ''}${
    state.loaded !== undefined ? html`<p class="info" data-announce data-testid="import-loaded">${ctx.t('import.loaded', { count: state.loaded })}${
      state.skipped ? ` ${ctx.t('jobs.skippedUnits', { count: state.skipped })}` : ''}</p>` : ''}${
    state.done ?? ''}`;
}

/** The user's file names, each marked as a name, in the reader's list. */
const fileNames = (ctx: ViewContext, names: string[]) =>
  SafeHtml.of(names.map((n) => `<span translate="no">${escapeHtml(n)}</span>`).join(escapeHtml(ctx.t('languageCheck.listSeparator'))));

/** The form alone: htmx swaps it in place, so a refusal shows its sentence without leaving the page. */
export function importForm(ctx: ViewContext, state: ImportFormState = {}): SafeHtml {
  return html`<form id="import-form" method="post" action="/import" enctype="multipart/form-data"
      hx-post="/import" hx-target="this" hx-swap="outerHTML" data-testid="import-form">
    <div id="import-message">${importMessage(ctx, state)}</div>
    <input type="hidden" name="_csrf" value="${ctx.csrfToken}">
    <p><label>${ctx.t('import.source')}<br><input type="file" name="source" accept="${SOURCE_TYPES}" data-testid="import-source"></label><br>
      <label>${ctx.t('fetch.sourceUrl')} <input type="url" name="sourceUrl" size="50" placeholder="https://" value="${state.sourceUrl ?? ''}" data-testid="import-source-url"></label></p>
    <p><label>${ctx.t('import.translation')}<br><input type="file" name="translation" accept="${TRANSLATION_TYPES}" data-testid="import-translation"></label><br>
      <label>${ctx.t('fetch.translationUrl')} <input type="url" name="translationUrl" size="50" placeholder="https://" value="${state.translationUrl ?? ''}" data-testid="import-translation-url"></label></p>
    <fieldset class="origin"><legend>${ctx.t('languageCheck.originLegend')}</legend>
      <label><input type="radio" name="englishOrigin" value="machine"${state.englishOrigin !== 'human' ? html` checked` : ''}> ${ctx.t('languageCheck.originMachine')}</label>
      <label><input type="radio" name="englishOrigin" value="human" data-testid="import-human"${state.englishOrigin === 'human' ? html` checked` : ''}> ${ctx.t('languageCheck.originHuman')}</label></fieldset>
    <p><label>${ctx.t('import.titleField')}<br><input name="title"${charLimit(ctx, MAX_TITLE)} value="${state.title ?? ''}"></label></p>
    <p><label>${ctx.t('import.access')}<br><select name="access" data-testid="import-access">
      <option value="team">${ctx.t('access.team')}</option>
      <option value="members"${state.access === 'members' ? html` selected` : ''}>${ctx.t('import.accessMembers')}</option></select></label></p>
    ${mayLoadMemory(ctx.user) ? html`<p><label><input type="checkbox" name="memory" value="1"${state.memory ? html` checked` : ''}> ${ctx.t('import.memory')}</label></p>` : ''}
    <p class="meta">${ctx.t('import.limits')} ${ctx.t('fetch.urlHint')}</p>
    <button type="submit">${ctx.t('import.submit')}</button>
  </form>`;
}

export function importPage(ctx: ViewContext, state: ImportFormState = {}): SafeHtml {
  return layout(ctx, ctx.t('import.title'), html`
  <h1>${ctx.t('import.title')}</h1>
  <p class="meta">${ctx.t('import.intro')}</p>
  ${importForm(ctx, state)}
  <p><a href="/memory.tmx" download data-testid="memory-download">${ctx.t('import.memoryDownload')}</a></p>`);
}
