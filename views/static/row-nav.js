// The document page's row navigation: go to row N (G), next / previous row with a QA flag (F), rejected (X),
// unconfirmed (U) or with an open review error (E); rows past the loaded pages are loaded first. The row reached gets focus on its Edit button.
(function () {
  'use strict';
  const bar = document.getElementById('row-nav');
  const tbody = document.getElementById('rows');
  if (!bar || !tbody) return;
  const form = bar.querySelector('form.go-to-row');
  const message = bar.querySelector('.nav-message');
  const headers = JSON.parse(document.body.getAttribute('hx-headers:inherited') || '{}');
  const total = Number(form.elements.row.max);
  let at = -1;
  // Where G came from: Esc in the row field goes back there, as it would from a dialog.
  let cameFrom = null;

  // The index cell starts with the 1-based row number; a shape such as "2:1" may follow it.
  function indexOf(tr) {
    const cell = tr.querySelector('td.idx');
    return cell && cell.firstChild ? parseInt(cell.firstChild.textContent, 10) - 1 : NaN;
  }
  function shown() { return Array.from(tbody.querySelectorAll('tr.pair')); }
  const inView = (el) => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < window.innerHeight; };

  // The message is the bar's live region; said after a key pressed far down the list (X on row 80) it would be heard
  // but not seen, so the row the keyboard is on shows it too (hidden from screen readers, which heard it already).
  function say(text) {
    message.textContent = text || '';
    tbody.querySelectorAll('.nav-note').forEach(function (note) { note.remove(); });
    if (!text || inView(message)) return;
    const active = document.activeElement && document.activeElement.closest && document.activeElement.closest('tr.pair');
    const row = active || tbody.querySelector('tr.nav-current');
    if (!row || !inView(row)) return message.scrollIntoView({ block: 'nearest' });
    const note = document.createElement('p');
    note.className = 'nav-note';
    note.setAttribute('aria-hidden', 'true');
    note.textContent = text;
    row.lastElementChild.append(note);
  }

  // A fetch that never reached the server throws a TypeError in the browser's words; a refusal, the server's sentence.
  function sayFailure(err) {
    say(err instanceof TypeError || !err.message ? bar.dataset.failed : err.message);
  }

  // The server's sentence of a refused fragment (signed out, deactivated, the document closed to this user).
  async function refusal(res) {
    const tpl = document.createElement('template');
    tpl.innerHTML = await res.text();
    const said = tpl.content.querySelector('p, .error');
    return (said ? said.textContent : tpl.content.textContent).trim() || bar.dataset.failed;
  }

  /** Loads the next page of rows in place of the row that would load it on scrolling; false at the end. */
  async function loadMore() {
    const more = tbody.querySelector('tr.more[hx-get]');
    if (!more) return false;
    const url = more.getAttribute('hx-get');
    const holder = document.createElement('tr');
    more.replaceWith(holder);
    // As a fragment: a refusal comes back as one with its status, not as the login page it would redirect a page to.
    const res = await fetch(url, { headers: Object.assign({ 'HX-Request': 'true' }, headers) });
    if (!res.ok) {
      holder.replaceWith(more);
      throw new Error(await refusal(res));
    }
    const tpl = document.createElement('template');
    tpl.innerHTML = await res.text();
    const added = Array.from(tpl.content.children);
    holder.replaceWith(tpl.content);
    if (window.htmx) added.forEach(function (el) { window.htmx.process(el); });
    return true;
  }

  /** The row `index`, or under a filter the first shown after it, loading pages until it is there. */
  async function reveal(index) {
    for (;;) {
      const rows = shown();
      const found = rows.find(function (tr) { return indexOf(tr) >= index; });
      if (found) return found;
      if (!(await loadMore())) return null;
    }
  }

  function mark(tr) {
    tbody.querySelectorAll('tr.nav-current').forEach(function (el) { el.classList.remove('nav-current'); });
    tr.classList.add('nav-current');
    at = indexOf(tr);
    tr.scrollIntoView({ block: 'center' });
    const edit = tr.querySelector('button[data-edit]');
    if (edit) edit.focus({ preventScroll: true });
  }

  // Under a filter a row may not be listed: say so, rather than leave the cursor on another row as if it were that one.
  async function goTo(n) {
    if (!Number.isInteger(n) || n < 1 || n > total) return say(bar.dataset.noRow);
    try {
      await goToShown(n);
    } catch (err) {
      sayFailure(err);
    }
  }

  async function goToShown(n) {
    const tr = await reveal(n - 1);
    if (!tr) return say(bar.dataset.hiddenToEnd.replace('{row}', n));
    say(indexOf(tr) === n - 1 ? '' : bar.dataset.hiddenRow.replace('{row}', n).replace('{shown}', indexOf(tr) + 1));
    mark(tr);
  }

  // The page's own filter (state, QA check, open errors, text) goes with the question, so the row found is one the page lists.
  function filterQuery() {
    const page = new URLSearchParams(location.search);
    let query = '';
    ['state', 'qa', 'errors', 'q'].forEach(function (name) {
      if (page.get(name)) query += '&' + name + '=' + encodeURIComponent(page.get(name));
    });
    return query;
  }

  async function jump(kind, dir) {
    try {
      await jumpTo(kind, dir);
    } catch (err) {
      sayFailure(err);
    }
  }

  async function jumpTo(kind, dir) {
    const res = await fetch('/api/documents/' + bar.dataset.doc + '/rows/find?kind=' + kind + '&dir=' + (dir > 0 ? 'next' : 'previous') + '&from=' + at + filterQuery(), { headers: headers });
    const data = await res.json().catch(function () { return {}; });
    if (!res.ok) return say(data.message || data.error || bar.dataset.failed);
    if (data.index === null) return say(bar.getAttribute('data-none-' + kind));
    const tr = await reveal(data.index);
    say('');
    if (tr) mark(tr);
  }

  // A link to a row (the concordance's hits: /documents/7#row-12) loads the pages up to it and marks it. Row numbers,
  // here and in the go-to field, count noise rows: they are the numbers the index cells show.
  async function followHash() {
    const m = /^#row-(\d+)$/.exec(location.hash);
    if (!m) return;
    try {
      const tr = await reveal(Number(m[1]) - 1);
      if (tr) mark(tr);
    } catch (err) {
      sayFailure(err);
    }
  }
  window.addEventListener('hashchange', followHash);
  followHash();

  const KEYS = { f: 'flagged', x: 'rejected', u: 'unconfirmed', e: 'errors' };
  document.addEventListener('keydown', function (e) {
    if (e.ctrlKey || e.metaKey || e.altKey || e.target.closest('input, textarea, select, tr.editing, dialog')) return;
    const k = e.key.toLowerCase();
    if (k === 'g') {
      e.preventDefault();
      cameFrom = document.activeElement;
      form.elements.row.focus();
      form.elements.row.select();
    } else if (KEYS[k]) {
      e.preventDefault();
      jump(KEYS[k], e.shiftKey ? -1 : 1);
    }
  });

  form.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape' || e.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    const back = cameFrom && cameFrom.isConnected ? cameFrom : document.body;
    cameFrom = null;
    if (back === document.body) form.elements.row.blur();
    else back.focus();
  });

  form.addEventListener('submit', function (e) {
    e.preventDefault();
    goTo(Number(form.elements.row.value));
  });
  bar.addEventListener('click', function (e) {
    const button = e.target.closest('button[data-nav]');
    if (button) jump(button.dataset.nav, 1);
  });
  // Opening a row's editor makes it the row the next jump starts from.
  tbody.addEventListener('click', function (e) {
    const row = e.target.closest('tr.pair');
    if (row && e.target.closest('[data-edit]')) at = indexOf(row);
  });
})();
