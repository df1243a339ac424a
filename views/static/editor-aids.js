// The pair editor's matches and terms by key: Ctrl+1…9 (or Alt+1…9) put the n-th memory match in the box,
// Ctrl+Shift+1…9 (or Alt+Shift+1…9) insert the n-th glossary term at the caret; a click on a number does the same.
(function () {
  'use strict';

  function put(editor, text, replace) {
    const box = editor.querySelector('textarea[name=tgt]');
    if (!box) return;
    box.focus();
    if (replace) {
      box.value = text;
      box.setSelectionRange(text.length, text.length);
    } else {
      // A term typed between two words gets the spaces a word needs, after a sentence's or a clause's end too
      // ("attention." + "data security") and before an opening bracket or quote.
      const before = box.value.slice(0, box.selectionStart);
      const after = box.value.slice(box.selectionEnd);
      const lead = /[\p{L}\p{N}.,;:!?)\]}”’"]$/u.test(before) ? ' ' : '';
      const trail = /^[\p{L}\p{N}(\[{“‘]/u.test(after) ? ' ' : '';
      box.setRangeText(lead + text + trail, box.selectionStart, box.selectionEnd, 'end');
    }
    // The text is the translator's now, no longer the memory's untouched suggestion; others listening hear the change.
    box.classList.remove('suggested');
    box.dispatchEvent(new Event('input', { bubbles: true }));
  }

  function insert(editor, kind, n) {
    const item = kind === 'match' ? editor.querySelector('li[data-match="' + n + '"]') : editor.querySelector('[data-insert-term="' + n + '"]');
    if (!item) return false;
    put(editor, kind === 'match' ? item.dataset.tgt : item.dataset.text, kind === 'match');
    return true;
  }

  document.addEventListener('keydown', function (e) {
    const editor = e.target.closest && e.target.closest('tr.editing');
    const digit = /^Digit([1-9])$/.exec(e.code);
    if (!editor || !digit || !(e.ctrlKey || e.metaKey || e.altKey)) return;
    if (insert(editor, e.shiftKey ? 'term' : 'match', digit[1])) e.preventDefault();
  });

  document.addEventListener('click', function (e) {
    const button = e.target.closest('[data-insert-match], [data-insert-term]');
    const editor = button && button.closest('tr.editing');
    if (!editor) return;
    if (button.dataset.insertMatch) insert(editor, 'match', button.dataset.insertMatch);
    else insert(editor, 'term', button.dataset.insertTerm);
  });

  document.addEventListener('input', function (e) {
    if (e.target.matches && e.target.matches('textarea.suggested')) e.target.classList.remove('suggested');
  });
})();
