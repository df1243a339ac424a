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

  document.addEventListener('keydown', function (e) {
    if (e.target.closest('dialog, input, textarea, select')) return;
    const k = e.key;
    const handled = true;
    if (k === 'ArrowDown' && e.shiftKey) op({ kind: 'shiftDown', side: e.ctrlKey ? 'both' : state.side });
    else if (k === 'ArrowUp' && e.shiftKey) op({ kind: 'shiftUp', side: e.ctrlKey ? 'both' : state.side });
    else if (k === 'ArrowUp' && e.altKey) op({ kind: 'moveUp', side: state.side });
    else if (k === 'ArrowDown' && e.altKey) op({ kind: 'moveDown', side: state.side });
    else if (k === 'ArrowDown') { const last = rows().at(-1); if (last && state.row < Number(last.dataset.row)) { state.row++; state.sentence = 0; paint(); } }
    else if (k === 'ArrowUp') { if (state.row > Number(tbody.dataset.from || 0)) { state.row--; state.sentence = 0; paint(); } }
    else if (k === 'ArrowLeft') { state.side = 'src'; paint(); }
    else if (k === 'ArrowRight') { state.side = 'tgt'; paint(); }
    else if (k === '[') { state.sentence = Math.max(0, state.sentence - 1); paint(); }
    else if (k === ']') { state.sentence++; paint(); }
    else if ((k === 'z' || k === 'Z') && (e.ctrlKey || e.metaKey)) post(e.shiftKey ? 'redo' : 'undo');
    else if ((k === 'y' || k === 'Y') && (e.ctrlKey || e.metaKey)) post('redo');
    else if (e.ctrlKey || e.metaKey || e.altKey) return;
    else if (k === 'm' || k === 'M') op({ kind: 'merge' });
    else if (k === 's' || k === 'S') {
      const el = rowEl(state.row);
      const at = state.sentence + 1;
      op({ kind: 'split', srcAt: Math.min(at, el.querySelectorAll('td.src .sentence').length), tgtAt: Math.min(at, el.querySelectorAll('td.tgt .sentence').length) });
    }
    else if (k === 'j' || k === 'J') op({ kind: 'joinSentences', side: state.side, sentence: state.sentence });
    else if (k === 'b' || k === 'B') splitSentence();
    else if (k === 'C') op({ kind: 'confirmAbove' });
    else if (k === 'c') op({ kind: 'confirm' });
    else if (k === 'r' || k === 'R') post('ops', { op: { kind: 'realign' } });
    else if (k === 'n' || k === 'N') jump(weak);
    else if (k === 'u' || k === 'U') jump(unconfirmed);
    else return;
    if (handled) e.preventDefault();
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

  toolbar.addEventListener('click', function (e) {
    const action = e.target.closest('[data-action]');
    if (!action) return;
    if (action.dataset.action === 'undo') post('undo');
    else if (action.dataset.action === 'redo') post('redo');
    else if (action.dataset.action === 'realign') post('ops', { op: { kind: 'realign' } });
    else if (action.dataset.action === 'next-weak') jump(weak);
  });

  const hash = /^#row-(\d+)$/.exec(location.hash);
  state.row = hash ? Number(hash[1]) : Number(tbody.dataset.from || 0);
  paint();
  document.querySelector('table.align').focus();
})();
