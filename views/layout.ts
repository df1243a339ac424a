// The page shell: header with user, language switch and logout; the htmx script and config.

import { html, type SafeHtml } from './html.ts';
import type { ViewContext } from './view-context.ts';
import { concordanceDialog } from './concordance-form.ts';

// htmx 4.0 has no allowEval, allowScriptTags or selfRequestsOnly: `mode` keeps its requests same-origin, the
// Content-Security-Policy forbids the inline scripts and eval it could run, and stored text sits inside hx-ignore.
// htmx's own history is off: on back and forward it would swap a fetched page into the body, running the page's
// scripts a second time; the document page's filters keep the URL themselves (views/static/filters.js).
const HTMX_CONFIG = JSON.stringify({
  includeIndicatorCSS: false,
  mode: 'same-origin',
  history: false,
});

function languageSwitch(ctx: ViewContext): SafeHtml {
  const other = ctx.lang === 'zh-CN' ? { code: 'en', label: 'English' } : { code: 'zh-CN', label: '中文' };
  return html`<form method="post" action="/language" class="lang-switch">
    <input type="hidden" name="_csrf" value="${ctx.csrfToken}">
    <input type="hidden" name="lang" value="${other.code}">
    <input type="hidden" name="next" value="${ctx.path}">
    <button type="submit" lang="${other.code}" data-testid="lang-switch" title="${ctx.t('layout.switchLanguage')}">${other.label}</button>
  </form>`;
}

/** The header of a table's column of buttons: said to screen readers, which would otherwise read an empty header. */
export function actionsHeader(ctx: ViewContext): SafeHtml {
  return html`<th><span class="visually-hidden">${ctx.t('layout.actions')}</span></th>`;
}

/** `ownLiveRegion`: the page says its messages in a live region of its own, and needs no second one. */
export function layout(ctx: ViewContext, title: string, body: SafeHtml, opts: { skip?: { href: string; label: string }; ownLiveRegion?: boolean } = {}): SafeHtml {
  const skip = opts.skip ?? { href: '#main', label: ctx.t('narrow.skipToContent') };
  return html`<!doctype html>
<html lang="${ctx.lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="htmx-config" content="${HTMX_CONFIG}">
  <title>${title} · duiqi 对齐</title>
  <link rel="stylesheet" href="/static/app.css">
  <link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
  <script src="/static/htmx.min.js" defer></script>
  <script src="/static/session.js" defer></script>
  <script src="/static/after-swap.js" defer></script>
  <script src="/static/char-limit.js" defer></script>
</head>
<body hx-headers:inherited='${JSON.stringify({ 'X-CSRF-Token': ctx.csrfToken })}'>
  <a class="skip-link" href="${skip.href}" data-testid="skip-link">${skip.label}</a>
  <header class="top">
    <a class="brand" href="/documents">duiqi <span lang="zh-CN">对齐</span></a>
    <nav>
      ${ctx.user ? html`<a href="/documents">${ctx.t('layout.documents')}</a> <a href="/glossary">${ctx.t('layout.glossary')}</a> <a href="/import">${ctx.t('layout.import')}</a> <a href="/concordance" data-testid="nav-concordance" title="Ctrl+K" aria-keyshortcuts="Control+K">${ctx.t('concordance.nav')}</a>${ctx.user.role === 'admin'
        ? html` <a href="/admin/users" data-testid="nav-users">${ctx.t('layout.users')}</a>` : ''}` : ''}
    </nav>
    <div class="account">
      ${languageSwitch(ctx)}
      ${ctx.user
        ? html`<a class="user" href="/account" data-testid="current-user" title="${ctx.t('layout.account')}"><span translate="no">${ctx.user.name}</span> · ${ctx.t(`roles.${ctx.user.role}`)}</a>
          <form method="post" action="/logout"><input type="hidden" name="_csrf" value="${ctx.csrfToken}">
          <button type="submit">${ctx.t('layout.logout')}</button></form>`
        : ''}
    </div>
  </header>
  <main id="main" tabindex="-1"><div id="session-slot"></div>${body}</main>
  ${opts.ownLiveRegion ? '' : html`<div id="announcer" class="visually-hidden" role="status" aria-live="polite" data-testid="announcer"></div>`}
  ${ctx.user ? concordanceDialog(ctx) : ''}
</body>
</html>`;
}
