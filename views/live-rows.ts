// The answer to the document page's poll: the rows others changed since the page last looked, for
// views/static/live-rows.js to swap in (or, over an open editor, to say that saving will show both texts).

import { html, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import type { LiveChanges } from '../server/services/document-views.ts';
import { pairRow, stateKey, type ShownRow } from './pair-row.ts';
import { markedT } from './marked-text.ts';

/** Rows one poll sends at most; past it the page is told to reload, which costs less than sending the document. */
export const LIVE_ROWS_LIMIT = 50;

// Said over an editor open on a row someone else saved: the editor keeps the version it opened, so its save is refused
// and shows both texts (the existing conflict), never silently replacing theirs.
function savedUnder(ctx: ViewContext, p: ShownRow): SafeHtml | string {
  const state = ctx.t(`states.${stateKey(p.state, p.mtKind)}`);
  return p.lastEditor
    ? markedT(ctx, 'live.savedUnderBy', { name: p.lastEditor, state }, { name: 'name' })
    : ctx.t('live.savedUnder', { state });
}

// Only a row a teammate changed last counts as "changed by others": one the reader changed (in another tab, by a replace or
// a repeat's propagation, each of which says its own result) or no person did is shown anew without a word.
const byOther = (ctx: ViewContext, p: ShownRow) => p.lastEditor !== null && p.lastEditor !== ctx.user?.name;

export function liveChanges(ctx: ViewContext, docId: number, changes: LiveChanges): SafeHtml {
  const { now } = changes;
  if (changes.outcome !== 'rows') {
    return html`<div data-live-changes data-revision="${now.revision}" data-version="${now.version}" data-stale>
      <p data-live-notice>${ctx.t(changes.outcome === 'many' ? 'live.many' : 'live.realigned')} <button type="button" data-live-reload>${ctx.t('live.reload')}</button></p></div>`;
  }
  // The count is the client's (rows shown on this page, not open in an editor): "%n" stands for it in each plural form.
  return html`<div data-live-changes data-revision="${now.revision}" data-version="${now.version}"
    data-one="${ctx.t('live.changed', { count: 1, n: '%n' })}" data-other="${ctx.t('live.changed', { count: 2, n: '%n' })}">
    <table><tbody>${changes.rows.map((p) => pairRow(ctx, docId, p))}</tbody></table>
    ${changes.rows.map((p) => html`<p class="live-saved-under" data-notice-for="pair-${p.id}" data-version="${p.version}"${byOther(ctx, p) ? html` data-by-other` : ''} data-testid="live-saved-under">${savedUnder(ctx, p)}</p>`)}</div>`;
}
