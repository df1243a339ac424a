// Search and replace on the document page: Ctrl+H opens it; after a batch of changes (a replacement, a propagation
// or their undo) the rows it changed are shown anew, except one being edited.
(function () {
  'use strict';
  // Where Ctrl+H came from (an open editor, a row): Esc in the panel closes it and goes back there.
  let cameFrom = null;
  document.addEventListener('keydown', function (e) {
    if (!(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || e.key.toLowerCase() !== 'h') return;
    const panel = document.getElementById('replace-panel');
    if (!panel) return;
    e.preventDefault();
    if (!panel.contains(document.activeElement)) cameFrom = document.activeElement;
    panel.open = true;
    const find = panel.querySelector('input[name=find]');
    find.focus();
    find.select();
  });

  const panel = document.getElementById('replace-panel');
  if (panel) {
    panel.addEventListener('keydown', function (e) {
      // An Esc that dismisses an input method's candidates (typing Chinese to find) is the input method's.
      if (e.key !== 'Escape' || e.isComposing || e.keyCode === 229) return;
      e.preventDefault();
      panel.open = false;
      const back = cameFrom && cameFrom.isConnected && cameFrom !== document.body ? cameFrom : panel.querySelector('summary');
      cameFrom = null;
      back.focus();
    });
  }

  // One row after another: requests htmx starts together may cancel one another.
  async function showAnew(ids) {
    for (const id of ids) {
      const row = document.getElementById('pair-' + id);
      if (row && !row.classList.contains('editing')) {
        await window.htmx.ajax('GET', location.pathname + '/pairs/' + id + '/row', { source: row, target: row, swap: 'outerHTML' });
      }
    }
  }

  document.addEventListener('htmx:after:settle', function () {
    if (!window.htmx) return;
    for (const result of document.querySelectorAll('[data-changed-pairs]:not([data-shown])')) {
      result.setAttribute('data-shown', '');
      // An offer made before this batch may name rows it changed: it is made again after the next save.
      for (const offer of document.querySelectorAll('form.repeats')) offer.remove();
      showAnew(result.dataset.changedPairs.split(' ').filter(Boolean));
    }
  });
})();
