// The alignment editor's keyboard: a row cursor, a side and a sentence; each key is one operation on the server.
(function () {
  'use strict';
  const toolbar = document.getElementById('align-toolbar');
  if (!toolbar) return;
  const docId = toolbar.dataset.doc;
  const tbody = document.getElementById('align-rows');
  const table = document.querySelector('table.align');
  const head = document.getElementById('align-head');
  const message = document.getElementById('align-message');
  const layoutEl = document.querySelector('.align-layout');
  function strip() { return layoutEl.querySelector('svg.weak-strip'); }
  const goForm = toolbar.querySelector('form.go-to-row');
  const headers = JSON.parse(document.body.getAttribute('hx-headers:inherited') || '{}');
  const onlyIrregular = new URLSearchParams(location.search).get('irregular') === '1';
  const PAGE = 200;
  const state = { row: 0, side: 'tgt', sentence: 0, busy: false };

  function rows() { return Array.from(tbody.querySelectorAll('tr[data-row]')); }
  function rowEl(index) { return tbody.querySelector('tr[data-row="' + index + '"]'); }
  function rowOf(el) { return Number(el.dataset.row); }
  function sentences(el) { return el ? Array.from(el.querySelectorAll('td.' + state.side + ' .sentence')) : []; }
  function total() { return Number(strip().dataset.total); }
  // Rows are numbered as on the document page, page-noise rows counted: how many there are, and where the noise rows stand.
  function documentRows() { return Number(strip().dataset.rows); }
  // Counts written as the page's language writes them (1,234), as the server writes the ones it sends.
  const numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);
  function noisePlaces() { return (strip().dataset.noise || '').split(' ').filter(Boolean).map(Number); }
  function focusTable() { table.focus({ preventScroll: true }); }

  // The table head sticks under the toolbars, so it needs their height; they wrap on narrow windows.
  function measureHead() { document.documentElement.style.setProperty('--align-head', head.offsetHeight + 'px'); }

  /** Scrolls as little as needed for the row to sit below the sticky toolbars and table head, and above the window's bottom. */
  function keepInView(el) {
    const th = table.querySelector('thead th');
    const top = Math.max(head.getBoundingClientRect().bottom, th.getBoundingClientRect().bottom) + 4;
    const box = el.getBoundingClientRect();
    if (box.top < top) window.scrollBy(0, box.top - top);
    else if (box.bottom > window.innerHeight - 4) window.scrollBy(0, Math.min(box.bottom - window.innerHeight + 4, box.top - top));
  }

  function paint() {
    tbody.querySelectorAll('.cursor, .cursor-side, .cursor-sentence').forEach(function (el) {
      el.classList.remove('cursor', 'cursor-side', 'cursor-sentence');
      el.removeAttribute('aria-describedby');
    });
    const el = rowEl(state.row);
    if (!el) return;
    el.classList.add('cursor');
    const cell = el.querySelector('td.' + state.side);
    if (cell) {
      cell.classList.add('cursor-side');
      // The cursor's cell is the grid's active one: a screen reader reads it as the cursor moves, the focus staying
      // on the table (role=grid also puts NVDA and JAWS in focus mode, so the arrow keys reach this script).
      if (!cell.id) cell.id = 'row-' + state.row + '-' + state.side;
      // What a sighted reader sees beside the sentence, the row's number, confidence and status, is the cell's description.
      cell.setAttribute('aria-describedby', ['idx', 'conf', 'status'].map(function (kind) {
        const td = el.querySelector('td.' + kind);
        if (!td.id) td.id = 'row-' + state.row + '-' + kind;
        return td.id;
      }).join(' '));
      table.setAttribute('aria-activedescendant', cell.id);
    }
    const list = sentences(el);
    if (state.sentence >= list.length) state.sentence = Math.max(0, list.length - 1);
    if (list[state.sentence]) list[state.sentence].classList.add('cursor-sentence');
    strip().querySelector('.strip-cursor').setAttribute('y', ((1000 * state.row) / Math.max(1, total())).toFixed(1));
    keepInView(el);
    if (remembering) remember(el);
  }

  // Not while the page loads: the browser scrolls to the address's row once it has loaded, and a fresh page stays at its top.
  // A reload scrolls there too, not back to where the window was, which may be far from the cursor's row.
  let remembering = false;
  history.scrollRestoration = 'manual';

  /**
   * The address follows the cursor (its row by the document page's number, and a page of rows that holds it), so that a
   * reload, or the address copied to a colleague, comes back to the row and not to row 1.
   */
  function remember(el) {
    const params = new URLSearchParams(location.search);
    const from = Math.max(0, state.row - 5);
    if (from) params.set('from', String(from));
    else params.delete('from');
    const query = params.toString();
    history.replaceState(history.state, '', location.pathname + (query ? '?' + query : '') + '#' + el.id);
  }

  // The words the message area last showed, and a repeat of them waiting to be shown.
  let said = '';
  let sayAgain = 0;

  /**
   * One message at a time; `offer` adds the one button that gets past it ({label, run}). The area is a live region,
   * which a screen reader reads when its words change: the same words again (a second shift of the same row) would
   * be no change, so the area empties first and shows them a moment later, after the browser has drawn it empty.
   */
  function say(text, isError, offer) {
    if (text && text === said) {
      show('', false);
      sayAgain = setTimeout(function () { show(text, isError, offer); }, 150);
      return;
    }
    show(text, isError, offer);
  }

  function show(text, isError, offer) {
    clearTimeout(sayAgain);
    said = text;
    message.textContent = text;
    message.classList.toggle('error', Boolean(isError));
    message.classList.toggle('ok', Boolean(text) && !isError);
    if (!offer) return;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'message-offer';
    button.textContent = offer.label;
    button.addEventListener('click', function () {
      focusTable();
      offer.run();
    });
    message.append(' ', button);
  }

  const undoButton = toolbar.querySelector('[data-action=undo]');
  const redoButton = toolbar.querySelector('[data-action=redo]');
  function showStack(data) {
    undoButton.disabled = !data.undo;
    redoButton.disabled = !data.redo;
    undoButton.textContent = data.undoLabel;
    toolbar.dataset.undo = data.undo;
    toolbar.dataset.redo = data.redo;
  }

  // Loads run one after another, so two never swap the same rows.
  let queue = Promise.resolve();
  function serial(fn) {
    const run = queue.then(fn);
    queue = run.catch(function () {});
    return run;
  }

  // The version of the rows last loaded whole, which an operation on them must name.
  let rowsVersion = toolbar.dataset.version;
  async function fetchText(path) {
    const res = await fetch('/documents/' + docId + '/align/' + path, { headers: headers });
    const text = await res.text();
    if (!res.ok) throw new Error(text);
    rowsVersion = res.headers.get('x-alignment-version') || rowsVersion;
    return text;
  }
  function fetchRows(from, to) {
    return fetchText('rows?from=' + from + (to !== undefined ? '&to=' + to : '') + (onlyIrregular ? '&irregular=1' : ''));
  }

  function fragment(markup) {
    const tpl = document.createElement('template');
    tpl.innerHTML = markup;
    return tpl.content;
  }

  /** Rows from a little above `index`; the rows before them load again as ↑ or scrolling reaches them. */
  async function showWindow(index) {
    const from = Math.max(0, index - 20);
    tbody.replaceChildren(fragment(await fetchRows(from)));
    tbody.dataset.from = from;
    watchEdges();
  }

  /** Puts the page of rows before the first one shown above it, keeping what is on screen where it was. */
  async function loadBefore() {
    const marker = tbody.querySelector('tr.more-before');
    if (!marker) return false;
    const first = rows()[0];
    const from = Number(marker.dataset.before);
    const part = fragment(await fetchRows(from, rowOf(first)));
    part.querySelectorAll('tr.more-after').forEach(function (el) { el.remove(); });
    const y = first.getBoundingClientRect().top;
    marker.replaceWith(part);
    window.scrollBy(0, first.getBoundingClientRect().top - y);
    tbody.dataset.from = from;
    watchEdges();
    return true;
  }

  async function loadAfter() {
    const marker = tbody.querySelector('tr.more-after');
    if (!marker) return false;
    marker.replaceWith(fragment(await fetchRows(Number(marker.dataset.after))));
    watchEdges();
    return true;
  }

  // Rows at either end load when they scroll into view, as well as when the cursor reaches them.
  const edges = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (e.isIntersecting) serial(e.target.classList.contains('more-before') ? loadBefore : loadAfter);
    });
  });
  function watchEdges() {
    edges.disconnect();
    tbody.querySelectorAll('tr.more-before, tr.more-after').forEach(function (el) { edges.observe(el); });
  }

  // An operation changes how many rows there are and how many are weak: the summary and the go-to field follow the strip.
  const summary = document.getElementById('align-summary');
  function showTotals() {
    summary.textContent = summary.dataset.template.replace('{{rows}}', numbers.format(documentRows())).replace('{{weak}}', numbers.format(strip().querySelectorAll('a[data-row]').length));
    goForm.elements.row.max = Math.max(1, documentRows());
  }

  async function refresh() {
    const from = Number(tbody.dataset.from || 0);
    const list = rows();
    const last = list.length ? rowOf(list[list.length - 1]) + 1 : 0;
    const [markup, marks] = await Promise.all([fetchRows(from, Math.max(last, state.row + 50, from + PAGE)), fetchText('strip')]);
    tbody.replaceChildren(fragment(markup));
    strip().replaceWith(fragment(marks));
    showTotals();
    watchEdges();
    paint();
  }

  // What a row holds, whatever its number: rows above it may have come or gone.
  function content(el) {
    return Array.from(el.querySelectorAll('td.src, td.tgt, td.status')).map(function (td) { return td.textContent; }).join('\u0000');
  }

  /**
   * After a 409: the rows on screen as they are now, those someone else changed marked, the cursor on the row it was
   * on (found by its key, as rows above may have come or gone), and the version they are at, so the retry works.
   */
  async function loadChanges() {
    const cursorKey = rowEl(state.row) && rowEl(state.row).dataset.key;
    const before = new Map(rows().map(function (el) { return [el.dataset.key, content(el)]; }));
    await serial(refresh);
    const changed = rows().filter(function (el) { return before.get(el.dataset.key) !== content(el); });
    changed.forEach(function (el) { el.classList.add('changed-elsewhere'); });
    const same = cursorKey && tbody.querySelector('tr[data-key="' + cursorKey + '"]');
    state.row = same ? rowOf(same) : Math.min(state.row, total() - 1);
    paint();
    const res = await fetch('/api/documents/' + docId + '/alignment/stack', { headers: Object.assign({ accept: 'application/json' }, headers) });
    if (res.ok) showStack(await res.json());
    toolbar.dataset.version = rowsVersion;
    say(changed.length === 1 ? toolbar.dataset.loadedOne : (changed.length ? toolbar.dataset.loaded : toolbar.dataset.loadedNone).replace('{{rows}}', changed.length), false);
  }

  /** A refusal in the message area, with what gets past it: loading the changes, or undoing or redoing another's change after all. */
  function refused(data) {
    if (data.changed) return say(data.message, true, { label: toolbar.dataset.loadChanges, run: loadChanges });
    if (data.ask) {
      const label = toolbar.dataset[data.ask.direction + 'Others'].replace('{{author}}', data.ask.author);
      return say(data.message, true, { label: label, run: function () { post(data.ask.direction, { consent: data.ask.op }); } });
    }
    say(data.message || data.error, true);
  }


  /** Shows a running job (a realign) as a progress bar and its words in the message area, until it ends; answers the ended job. */
  async function jobEnd(job) {
    while (job.state === 'queued' || job.state === 'running') {
      // The bar moves in place; the words are said again only when they change.
      let bar = message.querySelector('progress');
      if (!bar || said !== ' ' + job.progress.message) {
        show(' ' + job.progress.message, false);
        bar = document.createElement('progress');
        message.prepend(bar);
      }
      if (job.progress.total) {
        bar.max = job.progress.total;
        bar.value = job.progress.done;
      }
      await new Promise(function (resolve) { setTimeout(resolve, 700); });
      const res = await fetch('/api/jobs/' + job.id, { headers: { accept: 'application/json' } });
      job = await res.json();
      if (!res.ok) return { state: 'failed', error: { message: job.message || job.error } };
    }
    return job;
  }

  /** `asJob`: the server answers with a job at once (a realign) and the page stays usable while it runs. */
  async function post(path, body, asJob) {
    if (state.busy) return;
    state.busy = true;
    try {
      const res = await fetch('/api/documents/' + docId + '/alignment/' + path, {
        method: 'POST',
        headers: Object.assign({ 'content-type': 'application/json', accept: 'application/json' }, asJob ? { prefer: 'respond-async' } : {}, headers),
        body: JSON.stringify(Object.assign({ version: Number(toolbar.dataset.version) }, body || {})),
      });
      let data = await res.json();
      if (!res.ok) return refused(data);
      if (res.status === 202) {
        const job = await jobEnd(data);
        if (job.state === 'failed') return say(job.error.message, true);
        data = job.result;
      }
      await serial(refresh);
      showStack(data);
      say(data.message || '', false);
      // Undo and redo change rows wherever the change was, maybe far from the cursor: it goes there, to show what they did.
      if ((path === 'undo' || path === 'redo') && total() > 0 && (state.row < data.at || state.row >= data.at + Math.max(1, data.inserted))) await goTo(Math.min(data.at, total() - 1));
      // The version changes last, once the rows on screen show it.
      toolbar.dataset.version = data.version;
    } finally {
      state.busy = false;
    }
  }

  function op(o) { return post('ops', { op: Object.assign({ row: state.row }, o) }); }

  const realignDialog = document.getElementById('realign-dialog');
  /** Realign is shown before it is applied: which rows it would replace, with how many, and their confidence. */
  async function previewRealign() {
    if (state.busy) return;
    state.busy = true;
    let data;
    try {
      say(toolbar.dataset.previewing, false);
      const res = await fetch('/api/documents/' + docId + '/alignment/realign-preview?version=' + toolbar.dataset.version,
        { headers: Object.assign({ accept: 'application/json' }, headers) });
      data = await res.json();
      if (!res.ok) return refused(data);
    } finally {
      state.busy = false;
    }
    say(data.message, false);
    if (!data.removed && !data.inserted) return;
    document.getElementById('realign-summary').textContent = data.message;
    const list = realignDialog.querySelector('ol.realign-rows');
    list.replaceChildren.apply(list, data.rows.map(function (r) {
      const li = document.createElement('li');
      li.className = 'band-' + r.band;
      li.textContent = r.text;
      return li;
    }));
    if (data.more) list.append(Object.assign(document.createElement('li'), { className: 'more', textContent: data.more }));
    realignDialog.returnValue = '';
    realignDialog.showModal();
    realignDialog.querySelector('button[value=ok]').focus();
    realignDialog.addEventListener('close', function onClose() {
      realignDialog.removeEventListener('close', onClose);
      focusTable();
      if (realignDialog.returnValue === 'ok') post('ops', { version: data.version, op: { kind: 'realign' } }, true);
      else say('', false);
    });
  }

  function moveTo(index) {
    state.row = index;
    state.sentence = 0;
    paint();
  }

  /** One row up or down in the order shown, loading the neighbouring page at either end. */
  async function step(dir) {
    for (let tries = 0; tries < 2; tries++) {
      const list = rows();
      const at = list.findIndex(function (el) { return rowOf(el) === state.row; });
      const next = list[at + dir];
      if (next) return moveTo(rowOf(next));
      if (!(await serial(dir > 0 ? loadAfter : loadBefore))) return;
    }
  }

  // Row numbers stay as typed in the field (1234), like line numbers; counts are grouped.
  function noSuchRow() { say(toolbar.dataset.noRow.replace('{{total}}', documentRows()), true); }

  /** Goes to alignment row `index` (0-based), showing the rows around it if they are not on the page. */
  async function goTo(index) {
    if (!Number.isInteger(index) || index < 0 || index >= total()) return noSuchRow();
    if (!rowEl(index) && !onlyIrregular) await serial(function () { return showWindow(index); });
    const el = rowEl(index) || rows().find(function (r) { return rowOf(r) >= index; });
    if (el) moveTo(rowOf(el));
  }

  /**
   * The alignment row at the document page's 0-based row `at`; for a page-noise row, which the alignment leaves out,
   * the row after it (before it at the end), with `noise` set.
   */
  function alignmentPlace(at) {
    const places = noisePlaces();
    let before = 0;
    for (let j = 0; j < places.length; j++) {
      if (places[j] + j === at) return { row: Math.min(places[j], total() - 1), noise: true };
      if (places[j] + j < at) before++;
    }
    return { row: at - before, noise: false };
  }

  /** Goes to row `n` as the document page numbers it; a page-noise row is said to be one, and the cursor goes to the nearest row. */
  async function goToNumber(n) {
    if (!Number.isInteger(n) || n < 1 || n > documentRows()) return noSuchRow();
    const place = alignmentPlace(n - 1);
    await goTo(place.row);
    const el = rowEl(state.row);
    if (place.noise && el) say(toolbar.dataset.noiseRow.replace('{{n}}', n).replace('{{m}}', el.dataset.n), false);
  }

  /** The next (dir 1) or previous (dir -1) row that `predicate` accepts, loading pages until one does or the document ends. */
  async function jump(predicate, dir, none) {
    for (;;) {
      const list = rows();
      const found = dir > 0
        ? list.find(function (el) { return rowOf(el) > state.row && predicate(el); })
        : list.findLast(function (el) { return rowOf(el) < state.row && predicate(el); });
      if (found) return moveTo(rowOf(found));
      if (!(await serial(dir > 0 ? loadAfter : loadBefore))) return say(none, false);
    }
  }
  const weak = function (el) { return el.matches('.band-low, .irregular, .review'); };
  const unconfirmed = function (el) { return el.dataset.confirmed !== 'yes'; };

  const dialog = document.getElementById('split-sentence-dialog');
  const area = document.getElementById('split-sentence-text');
  // The text is read-only, so Enter has nothing to type: it confirms the place chosen.
  area.addEventListener('keydown', function (e) {
    if (e.key !== 'Enter') return;
    e.preventDefault();
    dialog.close('ok');
  });

  // An offset between the two halves of a character beyond the BMP (𠮷) is no place to split: the caret can stop there
  // where the font has no glyph for it. The place after the character is.
  const betweenCharacters = (text, at) => (/[\uD800-\uDBFF]/.test(text[at - 1] ?? '') && /[\uDC00-\uDFFF]/.test(text[at] ?? '') ? at + 1 : at);

  function splitSentence() {
    const el = sentences(rowEl(state.row))[state.sentence];
    // A side without sentences: the server's refusal says so in the reader's words, as it does for J.
    if (!el) return op({ kind: 'splitSentence', side: state.side, sentence: state.sentence, offset: 0 });
    area.value = el.textContent;
    dialog.returnValue = '';
    dialog.showModal();
    area.focus();
    // A sentence joined across a line break (a cue's two lines) most likely splits there again; any other in its middle.
    const at = area.value.indexOf('\n') > 0 ? area.value.indexOf('\n') : betweenCharacters(area.value, Math.floor(area.value.length / 2));
    area.setSelectionRange(at, at);
    dialog.addEventListener('close', function onClose() {
      dialog.removeEventListener('close', onClose);
      if (dialog.returnValue === 'ok') op({ kind: 'splitSentence', side: state.side, sentence: state.sentence, offset: betweenCharacters(area.value, area.selectionStart) });
      focusTable();
    });
  }

  function splitRow() {
    const el = rowEl(state.row);
    if (!el) return;
    const at = state.sentence + 1;
    op({ kind: 'split', srcAt: Math.min(at, el.querySelectorAll('td.src .sentence').length), tgtAt: Math.min(at, el.querySelectorAll('td.tgt .sentence').length) });
  }

  function toggleImported(open) {
    const details = rowEl(state.row) && rowEl(state.row).querySelector('details.imported');
    if (details) details.open = open === undefined ? !details.open : open;
  }

  function sentenceStep(delta) {
    if (state.side === 'tgt') toggleImported(true);
    state.sentence = Math.max(0, state.sentence + delta);
    paint();
  }

  // Every operation by name: the keys below and the toolbar buttons (data-action) call the same ones.
  const actions = {
    'move-up': function () { op({ kind: 'moveUp', side: state.side }); },
    'move-down': function () { op({ kind: 'moveDown', side: state.side }); },
    'shift-down': function () { op({ kind: 'shiftDown', side: state.side }); },
    'shift-up': function () { op({ kind: 'shiftUp', side: state.side }); },
    'shift-both-down': function () { op({ kind: 'shiftDown', side: 'both' }); },
    'shift-both-up': function () { op({ kind: 'shiftUp', side: 'both' }); },
    merge: function () { op({ kind: 'merge' }); },
    split: splitRow,
    join: function () { op({ kind: 'joinSentences', side: state.side, sentence: state.sentence }); },
    'split-sentence': splitSentence,
    confirm: function () { op({ kind: 'confirm' }); },
    'confirm-above': function () { op({ kind: 'confirmAbove' }); },
    realign: previewRealign,
    undo: function () { post('undo'); },
    redo: function () { post('redo'); },
    'next-weak': function () { jump(weak, 1, toolbar.dataset.noneWeak); },
    'previous-weak': function () { jump(weak, -1, toolbar.dataset.noneWeak); },
    'next-unconfirmed': function () { jump(unconfirmed, 1, toolbar.dataset.noneUnconfirmed); },
    'previous-unconfirmed': function () { jump(unconfirmed, -1, toolbar.dataset.noneUnconfirmed); },
    'go-to-row': function () { goForm.elements.row.focus(); goForm.elements.row.select(); },
    imported: function () { toggleImported(); },
    up: function () { step(-1); },
    down: function () { step(1); },
    'previous-sentence': function () { sentenceStep(-1); },
    'next-sentence': function () { sentenceStep(1); },
    'chinese-side': function () { state.side = 'src'; paint(); },
    'english-side': function () { state.side = 'tgt'; paint(); },
  };

  function keyAction(e) {
    const k = e.key;
    const ctrl = e.ctrlKey || e.metaKey;
    if (k === 'ArrowDown' && e.shiftKey) return ctrl ? 'shift-both-down' : 'shift-down';
    if (k === 'ArrowUp' && e.shiftKey) return ctrl ? 'shift-both-up' : 'shift-up';
    if (k === 'ArrowUp' && e.altKey) return 'move-up';
    if (k === 'ArrowDown' && e.altKey) return 'move-down';
    if ((k === 'z' || k === 'Z') && ctrl) return e.shiftKey ? 'redo' : 'undo';
    if ((k === 'y' || k === 'Y') && ctrl) return 'redo';
    if (ctrl || e.altKey) return null;
    return { m: 'merge', M: 'merge', s: 'split', S: 'split', j: 'join', J: 'join', b: 'split-sentence', B: 'split-sentence',
      c: 'confirm', C: 'confirm-above', r: 'realign', R: 'realign', n: 'next-weak', N: 'previous-weak', u: 'next-unconfirmed', U: 'previous-unconfirmed',
      g: 'go-to-row', G: 'go-to-row', t: 'imported', T: 'imported', ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'chinese-side', ArrowRight: 'english-side',
      '[': 'previous-sentence', ']': 'next-sentence' }[k] || null;
  }

  document.addEventListener('keydown', function (e) {
    if (e.target.closest('dialog, input, textarea, select')) {
      if (e.key === 'Escape' && e.target.closest('form.go-to-row')) focusTable();
      return;
    }
    const name = keyAction(e);
    if (!name) return;
    e.preventDefault();
    actions[name]();
  });

  goForm.addEventListener('submit', function (e) {
    e.preventDefault();
    focusTable();
    goToNumber(Number(goForm.elements.row.value));
  });

  tbody.addEventListener('click', function (e) {
    if (e.target.closest('tr.more-before a')) {
      e.preventDefault();
      serial(loadBefore);
      return;
    }
    const tr = e.target.closest('tr[data-row]');
    if (!tr || e.target.closest('summary')) return;
    state.row = rowOf(tr);
    const cell = e.target.closest('td.src, td.tgt');
    if (cell) state.side = cell.classList.contains('src') ? 'src' : 'tgt';
    const sentence = e.target.closest('.sentence');
    state.sentence = sentence ? Number(sentence.dataset.sentence) : 0;
    paint();
  });

  layoutEl.addEventListener('click', function (e) {
    const mark = e.target.closest('svg.weak-strip a[data-row]');
    if (!mark) return;
    e.preventDefault();
    focusTable();
    goTo(Number(mark.dataset.row));
  });

  document.addEventListener('click', function (e) {
    const button = e.target.closest('[data-action]');
    if (!button || !actions[button.dataset.action]) return;
    actions[button.dataset.action]();
    focusTable();
  });

  measureHead();
  new ResizeObserver(measureHead).observe(head);
  watchEdges();
  // The address names a row by the document page's number; a noise row's is answered with the row after it.
  const hash = /^#row-(\d+)$/.exec(location.hash);
  let named = hash && document.getElementById('row-' + hash[1]);
  while (named && named.dataset.row === undefined) named = named.nextElementSibling;
  state.row = named ? rowOf(named) : Number(tbody.dataset.from || 0);
  paint();
  remembering = true;
  focusTable();
})();
