// When a request finds the session ended, nothing on the page is replaced: the server's notice goes beside the
// work (in the open editor, or at the top of the page), the user signs in in another tab, and Retry sends the
// same request again with the new session's CSRF token. Any other refusal aimed at the user's work goes there too.
(function () {
  'use strict';
  let failed = null;

  // Where a refusal goes: in the open editor; else beside the action refused (a button on row 80 is far from the top
  // of the page, where the notice was heard but not seen); else, for an action no longer on the page, at the top.
  function slotFor(elt) {
    const editor = elt && elt.isConnected && elt.closest('tr.editing');
    return (editor && editor.querySelector('.session-slot')) || besideAction(elt) || document.getElementById('session-slot');
  }

  function besideAction(elt) {
    if (!elt || !elt.isConnected || elt === document.body || elt.matches('table, thead, tbody') || !elt.getClientRects().length) return null;
    // Inside a form or a row (its last cell); after any other control.
    const inside = elt.matches('form') ? elt : elt.matches('tr') ? elt.lastElementChild : null;
    const kept = inside ? inside.querySelector(':scope > .refusal-slot') : elt.nextElementSibling;
    if (kept && kept.matches('.refusal-slot')) return kept;
    const slot = document.createElement('div');
    slot.className = 'refusal-slot';
    if (inside) inside.append(slot);
    else elt.after(slot);
    return slot;
  }

  // The notice in sight; at the top of the page it also takes the focus, which would otherwise stay far below it.
  function show(slot, text) {
    // The notice is this server's own escaped markup; the Content-Security-Policy runs no script from it.
    slot.innerHTML = text;
    slot.scrollIntoView({ block: 'nearest' });
    const retryButton = slot.querySelector('[data-session-retry]');
    if (retryButton) retryButton.focus();
    else if (slot.id === 'session-slot' && slot.firstElementChild) {
      slot.firstElementChild.tabIndex = -1;
      slot.firstElementChild.focus();
    }
  }

  // A refusal aimed at a row, an open editor or a list with forms (403 after the role was changed, 404 after the
  // document was restricted) would replace it with one sentence: the row leaves the table and the typed text is gone.
  function keepsWork(ctx) {
    const target = ctx.target;
    return ctx.response.headers.get('X-Duiqi-Refusal') === '1' && target && target.matches
      && (target.matches('tr') || !!target.querySelector('form, textarea'));
  }

  // No answer of this server's: a proxy's error page (nginx's 502 when the app server died mid-request, a 504) or no
  // answer at all. Swapped in, the proxy's page took the place of the open editor and what was typed in it.
  function unanswered(elt) {
    // A poll (a job's progress bar) asks again by itself: it stays as it was, without a notice to outlive the outage.
    if (elt && /^\s*every\b/.test(elt.getAttribute('hx-trigger') || '')) return;
    const slot = slotFor(elt);
    const notice = document.createElement('p');
    notice.className = 'error';
    notice.setAttribute('role', 'alert');
    notice.dataset.testid = 'unanswered';
    notice.textContent = document.getElementById('session-slot').dataset.unanswered;
    slot.replaceChildren(notice);
    slot.scrollIntoView({ block: 'nearest' });
  }

  document.addEventListener('htmx:error', function (e) {
    const ctx = e.detail.ctx;
    if (ctx && !ctx.response) unanswered(ctx.sourceElement);
  });

  document.addEventListener('htmx:before:swap', function (e) {
    const ctx = e.detail.ctx;
    if (!ctx.response) return;
    if (ctx.response.status >= 500 && ctx.response.headers.get('X-Duiqi-Refusal') !== '1') {
      e.preventDefault();
      unanswered(ctx.sourceElement);
      return;
    }
    if (ctx.response.status !== 401) {
      if (!keepsWork(ctx)) return;
      e.preventDefault();
      show(slotFor(ctx.sourceElement), ctx.text);
      return;
    }
    e.preventDefault();
    failed = { elt: ctx.sourceElement, submitter: ctx.sourceEvent && ctx.sourceEvent.submitter };
    show(slotFor(ctx.sourceElement), ctx.text);
  });

  function useToken(token) {
    document.body.setAttribute('hx-headers:inherited', JSON.stringify({ 'X-CSRF-Token': token }));
    for (const input of document.querySelectorAll('input[name=_csrf]')) input.value = token;
  }

  async function retry(button) {
    const notice = button.closest('.session-lost');
    const res = await fetch('/api/session', { headers: { Accept: 'application/json' }, cache: 'no-store' });
    if (!res.ok) {
      notice.querySelector('[data-session-still-out]').hidden = false;
      return;
    }
    useToken((await res.json()).csrfToken);
    notice.remove();
    const again = failed;
    failed = null;
    if (!again || !again.elt.isConnected) return;
    if (again.elt.matches('form')) again.elt.requestSubmit(again.submitter && again.submitter.isConnected ? again.submitter : undefined);
    else again.elt.click();
  }

  document.addEventListener('click', function (e) {
    const button = e.target.closest && e.target.closest('[data-session-retry]');
    if (button) retry(button);
  });
})();
