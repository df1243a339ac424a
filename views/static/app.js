// Editor keyboard shortcuts (Alt+R: the rejection's comment), "go to next" after a save, and focus back on the row when its editor closes;
// everything else is htmx attributes.
(function () {
  'use strict';
  let closingRowId = null;
  // The row whose editor Alt+R is opening, to put the focus in its rejection's comment.
  let toComment = null;

  function nextEditableRow(row) {
    let next = row.nextElementSibling;
    while (next && !(next.matches('tr.pair') && next.querySelector('[data-edit]'))) next = next.nextElementSibling;
    return next;
  }

  document.addEventListener('htmx:before:request', function (e) {
    const editor = e.detail.ctx.sourceElement.closest && e.detail.ctx.sourceElement.closest('tr.editing');
    closingRowId = editor ? editor.id : null;
  });

  document.addEventListener('htmx:after:settle', function () {
    // The closed editor's button had the focus and is gone: keyboard users continue from the row they left.
    const closed = closingRowId && document.querySelector('#' + closingRowId + ':not(.editing) [data-edit]');
    if (closed) {
      closingRowId = null;
      if (!document.activeElement || document.activeElement === document.body) closed.focus();
    }
    const saved = document.querySelector('tr[data-open-next]');
    if (saved) {
      saved.removeAttribute('data-open-next');
      const next = nextEditableRow(saved);
      if (next) next.querySelector('[data-edit]').click();
    }
    // Opened by Alt+R: the rejection's comment takes the focus, not the text box (a translator's editor has no comment).
    const opened = toComment && document.querySelector('#' + toComment + '.editing');
    if (opened) {
      toComment = null;
      const comment = opened.querySelector('form.reject textarea[name=comment]');
      if (comment) {
        // htmx focuses the swapped-in [autofocus] after this event: the text box gives that up here.
        const box = opened.querySelector('textarea[name=tgt]');
        box.setAttribute('data-focused', '');
        box.removeAttribute('autofocus');
        comment.focus();
      }
    }
    // A rejection or comment the server refused comes back with the field to fix marked: it takes the focus, not the English.
    const refused = document.querySelector('tr.editing :is(form.reject, form.reply) [aria-invalid="true"]:not([data-focused])');
    if (refused) {
      refused.setAttribute('data-focused', '');
      refused.closest('tr.editing').querySelector('textarea[name=tgt]').setAttribute('data-focused', '');
      refused.focus();
    }
    // An editor just opened takes the focus once; a later swap inside it (a comment thread sent) keeps its own.
    const editor = document.querySelector('tr.editing textarea[name=tgt]:not([data-focused])');
    if (editor && document.activeElement !== editor && !document.activeElement.closest('tr.editing')) {
      editor.setAttribute('data-focused', '');
      editor.focus();
      editor.setSelectionRange(editor.value.length, editor.value.length);
    }
  });

  // Opening a row closes the editors left open with nothing typed in them (after "Save & next", say), so one row is
  // worked on at a time; an editor holding unsaved text or an unsent comment stays open, since closing would lose it.
  function untouched(editor) {
    return Array.from(editor.querySelectorAll('textarea')).every(function (t) {
      return t.name === 'tgt' ? t.value === t.defaultValue && !t.hasAttribute('data-unsaved') : t.value.trim() === '';
    });
  }
  document.addEventListener('click', function (e) {
    const edit = e.target.closest && e.target.closest('tr.pair:not(.editing) [data-edit]');
    if (!edit) return;
    document.querySelectorAll('tr.editing').forEach(function (editor) {
      const cancel = editor.querySelector('[data-shortcut="cancel"]');
      if (cancel && untouched(editor)) cancel.click();
    });
  });

  // A field the browser refuses gets its sentence beside it (in the page's language), not only in a bubble.
  document.addEventListener('invalid', function (e) {
    const field = e.target;
    const slot = field.form && field.form.querySelector('[data-field-error="' + field.name + '"]');
    if (slot) slot.textContent = (field.validity.valueMissing && field.dataset.required) || field.validationMessage;
  }, true);
  document.addEventListener('input', function (e) {
    const slot = e.target.form && e.target.form.querySelector('[data-field-error="' + e.target.name + '"]');
    if (slot && e.target.checkValidity()) slot.textContent = '';
  });

  // Cancel (or Esc, which presses it) closes the editor's row with whatever its other forms hold: a rejection's comment
  // or a reply not yet sent is asked about first, as leaving the page with unsaved text is.
  document.addEventListener('click', function (e) {
    const cancel = e.target.closest && e.target.closest('tr.editing [data-shortcut="cancel"]');
    if (!cancel) return;
    const editor = cancel.closest('tr.editing');
    const unsent = Array.from(editor.querySelectorAll('form:not(.editor) textarea')).some(function (t) { return t.value.trim() !== ''; });
    if (unsent && !window.confirm(editor.dataset.discardComment)) {
      e.preventDefault();
      e.stopImmediatePropagation();
    }
  }, true);

  // Alt+R: ⌥R on a Mac types ®, so there the key is known by its place when it gives no Latin letter.
  function rejectKey(e) {
    return e.altKey && !e.ctrlKey && !e.metaKey && !e.shiftKey && (e.key.toLowerCase() === 'r' || (e.code === 'KeyR' && !/^[a-z]$/i.test(e.key)));
  }

  // Alt+R on a row without its editor (the row G, X or E reached) opens the editor at the rejection's comment.
  function openAtComment(e) {
    const row = rejectKey(e) && e.target.closest && e.target.closest('#pairs[data-may-reject] tr.pair:not(.editing)');
    const edit = row && row.querySelector('[data-edit]');
    if (!edit) return;
    e.preventDefault();
    toComment = row.id;
    edit.click();
  }
  // A click of the person's own (the editor refused, another row chosen) ends that wish.
  document.addEventListener('click', function (e) { if (e.isTrusted) toComment = null; }, true);

  document.addEventListener('keydown', function (e) {
    const editor = e.target.closest && e.target.closest('tr.editing');
    // Esc or Enter that ends an input method's composition (a Chinese comment being typed) belongs to the input method;
    // Safari sends it after compositionend, marked only by keyCode 229.
    if (e.isComposing || e.keyCode === 229) return;
    if (!editor) return openAtComment(e);
    // The rejection's comment is many Tabs below the text box: Alt+R takes a reviewer there from anywhere in the editor,
    // and from the comment back to the English. Where there is no reject form (a translator) the key is left alone.
    const rejectComment = editor.querySelector('form.reject textarea[name=comment]');
    if (rejectComment && rejectKey(e)) {
      e.preventDefault();
      (e.target === rejectComment ? editor.querySelector('textarea[name=tgt]') : rejectComment).focus();
      return;
    }
    // The reject form and the threads' replies live in the editor's row too: Ctrl+Enter there sends what is being
    // written, never the translation's save or approval (which would drop the comment and confirm the pair).
    const form = e.target.closest('form');
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && form && !form.matches('form.editor')) {
      e.preventDefault();
      form.requestSubmit();
      return;
    }
    const press = function (name) {
      const button = editor.querySelector('[data-shortcut="' + name + '"]');
      if (button) {
        e.preventDefault();
        button.click();
      }
    };
    if ((e.ctrlKey || e.metaKey) && e.key === 'Enter') press(e.shiftKey ? 'approve-next' : 'save-next');
    else if (e.key === 'Escape') press('cancel');
  });
})();
