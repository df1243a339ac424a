// The alignment editor's keyboard: a row cursor, a side and a sentence; each key is one operation on the server.
(function () {
  'use strict';
  const toolbar = document.getElementById('align-toolbar');
  if (!toolbar) return;
  const docId = toolbar.dataset.doc;
  const tbody = document.getElementById('align-rows');
  const message = toolbar.querySelector('.align-message');
  const headers = JSON.parse(document.body.getAttribute('hx-headers:inherited') || '{}');
  const state = { row: 0, side: 'tgt', sentence: 0, busy: false };

  function rows() { return Array.from(tbody.querySelectorAll('tr[data-row]')); }
  function rowEl(index) { return tbody.querySelector('tr[data-row="' + index + '"]'); }
  function sentences(el) { return el ? Array.from(el.querySelectorAll('td.' + state.side + ' .sentence')) : []; }

  function paint() {
    tbody.querySelectorAll('.cursor, .cursor-side, .cursor-sentence').forEach(function (el) {
      el.classList.remove('cursor', 'cursor-side', 'cursor-sentence');
    });
    const el = rowEl(state.row);
    if (!el) return;
    el.classList.add('cursor');
    const cell = el.querySelector('td.' + state.side);
    if (cell) cell.classList.add('cursor-side');
    const list = sentences(el);
    if (state.sentence >= list.length) state.sentence = Math.max(0, list.length - 1);
    if (list[state.sentence]) list[state.sentence].classList.add('cursor-sentence');
    el.scrollIntoView({ block: 'nearest' });
  }

  function say(text, isError) {
    message.textContent = text;
    message.classList.toggle('error', Boolean(isError));
  }

  async function refresh() {
    const from = Number(tbody.dataset.from || 0);
    const res = await fetch('/documents/' + docId + '/align/rows?from=' + from + '&to=' + Math.max(state.row + 50, from + 200) + location.search.replace('?', '&'), { headers: headers });
    tbody.innerHTML = await res.text();
    if (window.htmx) window.htmx.process(tbody);
    paint();
  }

  async function post(path, body) {
    if (state.busy) return;
    state.busy = true;
    try {
      const res = await fetch('/api/documents/' + docId + '/alignment/' + path, {
        method: 'POST',
        headers: Object.assign({ 'content-type': 'application/json', accept: 'application/json' }, headers),
        body: JSON.stringify(Object.assign({ version: Number(toolbar.dataset.version) }, body || {})),
      });
      const data = await res.json();
      if (!res.ok) {
        say(data.error || res.statusText, true);
        if (res.status === 409 && data.current !== undefined) toolbar.dataset.version = data.current;
        return;
      }
      await refresh();
      // The version changes last, once the rows on screen show it.
      toolbar.querySelector('[data-action=undo]').disabled = !data.undo;
      toolbar.querySelector('[data-action=redo]').disabled = !data.redo;
      say(data.message || '', false);
      toolbar.dataset.undo = data.undo;
      toolbar.dataset.redo = data.redo;
      toolbar.dataset.version = data.version;
    } finally {
      state.busy = false;
    }
  }

  function op(o) { return post('ops', { op: Object.assign({ row: state.row }, o) }); }

  function jump(predicate) {
    const list = rows();
    const next = list.find(function (el) { return Number(el.dataset.row) > state.row && predicate(el); });
    if (next) { state.row = Number(next.dataset.row); state.sentence = 0; paint(); }
    else say(toolbar.dataset.none || '', false);
  }
  const weak = function (el) { return el.matches('.band-low, .irregular, .review'); };
  const unconfirmed = function (el) { return el.dataset.confirmed !== 'yes'; };

  function splitSentence() {
    const el = sentences(rowEl(state.row))[state.sentence];
    if (!el) return;
    const dialog = document.getElementById('split-sentence-dialog');
    const area = document.getElementById('split-sentence-text');
    area.value = el.textContent;
    dialog.showModal();
    area.focus();
    area.setSelectionRange(Math.floor(area.value.length / 2), Math.floor(area.value.length / 2));
    dialog.addEventListener('close', function onClose() {
      dialog.removeEventListener('close', onClose);
      if (dialog.returnValue === 'ok') op({ kind: 'splitSentence', side: state.side, sentence: state.sentence, offset: area.selectionStart });
      document.querySelector('table.align').focus();
    });
  }

  function splitRow() {
    const el = rowEl(state.row);
    if (!el) return;
    const at = state.sentence + 1;
    op({ kind: 'split', srcAt: Math.min(at, el.querySelectorAll('td.src .sentence').length), tgtAt: Math.min(at, el.querySelectorAll('td.tgt .sentence').length) });
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
    realign: function () { post('ops', { op: { kind: 'realign' } }); },
    undo: function () { post('undo'); },
    redo: function () { post('redo'); },
    'next-weak': function () { jump(weak); },
    'next-unconfirmed': function () { jump(unconfirmed); },
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
      c: 'confirm', C: 'confirm-above', r: 'realign', R: 'realign', n: 'next-weak', N: 'next-weak', u: 'next-unconfirmed', U: 'next-unconfirmed' }[k] || null;
  }

  document.addEventListener('keydown', function (e) {
    if (e.target.closest('dialog, input, textarea, select')) return;
    const k = e.key;
    const name = keyAction(e);
    if (name) actions[name]();
    else if (k === 'ArrowDown') { const last = rows().at(-1); if (last && state.row < Number(last.dataset.row)) { state.row++; state.sentence = 0; paint(); } }
    else if (k === 'ArrowUp') { if (state.row > Number(tbody.dataset.from || 0)) { state.row--; state.sentence = 0; paint(); } }
    else if (k === 'ArrowLeft') { state.side = 'src'; paint(); }
    else if (k === 'ArrowRight') { state.side = 'tgt'; paint(); }
    else if (k === '[') { state.sentence = Math.max(0, state.sentence - 1); paint(); }
    else if (k === ']') { state.sentence++; paint(); }
    else return;
    e.preventDefault();
  });

  tbody.addEventListener('click', function (e) {
    const tr = e.target.closest('tr[data-row]');
    if (!tr) return;
    state.row = Number(tr.dataset.row);
    const cell = e.target.closest('td.src, td.tgt');
    if (cell) state.side = cell.classList.contains('src') ? 'src' : 'tgt';
    const sentence = e.target.closest('.sentence');
    state.sentence = sentence ? Number(sentence.dataset.sentence) : 0;
    paint();
  });

  document.addEventListener('click', function (e) {
    const button = e.target.closest('[data-action]');
    if (!button || !actions[button.dataset.action]) return;
    actions[button.dataset.action]();
    document.querySelector('table.align').focus();
  });

  const hash = /^#row-(\d+)$/.exec(location.hash);
  state.row = hash ? Number(hash[1]) : Number(tbody.dataset.from || 0);
  paint();
  document.querySelector('table.align').focus();
})();
