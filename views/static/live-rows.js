// Others' work arriving on the document page: while the tab is visible it asks, every data-poll-ms (with jitter, so
// pages opened together do not ask in step; longer after each failure), what changed since the revision it last saw.
// A changed row shown here is swapped in; a row open in an editor is never replaced but told that saving will show both
// texts (its form keeps the version it opened, so the save meets the usual conflict); the figures are asked anew.
(function () {
  'use strict';
  const table = document.getElementById('pairs');
  const notice = document.getElementById('live-notice');
  if (!table || !table.dataset.live) return;
  const interval = Number(table.dataset.pollMs) || 12000;
  // At most five minutes between tries while the server does not answer.
  const LONGEST = 300000;
  let seen = { revision: table.dataset.revision, version: table.dataset.version };
  let failures = 0;
  let timer = null;
  let asking = false;
  let stopped = false;

  function schedule(ms) {
    clearTimeout(timer);
    timer = null;
    if (stopped || document.hidden) return;
    const base = ms !== undefined ? ms : Math.min(LONGEST, interval * Math.pow(2, failures));
    timer = setTimeout(poll, base * (0.8 + Math.random() * 0.4));
  }

  function say(text) {
    if (!text) return;
    table.setAttribute('data-announce', text);
    document.dispatchEvent(new Event('duiqi:swapped'));
  }

  // An editor open on the row: the sentence goes at its top, replacing one said before.
  function markEditor(editor, sentence) {
    const old = editor.querySelector('.live-saved-under');
    if (old) old.remove();
    const slot = editor.querySelector('form.editor .session-slot');
    if (slot) slot.after(sentence);
  }

  function swapRow(shown, fresh) {
    const hadFocus = shown.contains(document.activeElement);
    if (shown.classList.contains('nav-current')) fresh.classList.add('nav-current');
    shown.replaceWith(fresh);
    if (window.htmx) window.htmx.process(fresh);
    const edit = hadFocus && fresh.querySelector('[data-edit]');
    if (edit) edit.focus({ preventScroll: true });
  }

  function showRows(result) {
    // Rows a teammate changed: the only ones the announcement counts.
    let swapped = 0;
    const said = [];
    result.querySelectorAll('tbody > tr[id]').forEach(function (fresh) {
      const shown = document.getElementById(fresh.id);
      // Not on this page (filtered out, or its page not loaded yet): the figures count it, the rows do not show it.
      if (!shown) return;
      const newer = Number(fresh.dataset.version);
      if (shown.classList.contains('editing')) {
        const held = shown.querySelector('form.editor input[name=version]');
        const sentence = result.querySelector('[data-notice-for="' + fresh.id + '"]');
        if (held && sentence && newer > Number(held.value)) {
          markEditor(shown, sentence);
          said.push(sentence.textContent.trim());
        }
        return;
      }
      // Older or the same: this page's own save, or a page loaded after the change, shows it already.
      if (!(newer > Number(shown.dataset.version))) return;
      swapRow(shown, fresh);
      const note = result.querySelector('[data-notice-for="' + fresh.id + '"]');
      if (note && note.hasAttribute('data-by-other')) swapped++;
    });
    if (swapped) said.unshift(result.dataset[swapped === 1 ? 'one' : 'other'].replace('%n', String(swapped)));
    say(said.join(' '));
  }

  function apply(result) {
    const moved = result.dataset.revision !== seen.revision || result.dataset.version !== seen.version;
    const stale = result.hasAttribute('data-stale');
    if (stale && notice) {
      notice.replaceChildren(...result.querySelector('[data-live-notice]').childNodes);
      notice.hidden = false;
      say(notice.textContent.trim());
    }
    // The rows of another alignment are other rows: nothing more this page shows can be brought up to date.
    if (result.dataset.version !== seen.version) stopped = true;
    else if (!stale) showRows(result);
    seen = { revision: result.dataset.revision, version: result.dataset.version };
    if (moved) document.body.dispatchEvent(new CustomEvent('pair-changed'));
  }

  async function poll() {
    timer = null;
    if (asking || stopped || document.hidden) return;
    asking = true;
    try {
      const url = table.dataset.live + '?since=' + encodeURIComponent(seen.revision) + '&version=' + encodeURIComponent(seen.version);
      // As a fragment: signed out or refused comes back as a status, not a login page; the page's actions say why.
      const res = await fetch(url, { headers: { 'HX-Request': 'true' } });
      if (!res.ok) throw new Error(String(res.status));
      const tpl = document.createElement('template');
      tpl.innerHTML = await res.text();
      const result = tpl.content.querySelector('[data-live-changes]');
      if (!result) throw new Error('no changes element');
      apply(result);
      failures = 0;
    } catch (err) {
      failures++;
    } finally {
      asking = false;
      schedule();
    }
  }

  document.addEventListener('click', function (e) {
    if (e.target.closest && e.target.closest('[data-live-reload]')) location.reload();
  });
  // A hidden tab asks nothing; shown again, it asks at once (after a short pause, in case it is only passed through).
  document.addEventListener('visibilitychange', function () {
    if (document.hidden) schedule();
    else schedule(Math.min(interval, 1000));
  });
  schedule();
})();
