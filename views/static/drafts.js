// Unsaved editor text kept in this browser as it is typed, offered back when the row opens again, dropped once
// saved; leaving the page with unsaved text asks first. A draft is keyed by user, document, pair and the
// version it was typed on, so text typed on an old version goes back through the server's version check.
(function () {
  'use strict';
  const PREFIX = 'duiqi:draft:';
  // The answers after which the editor's text is stored; a rejection keeps the text as it was, so not that.
  const STORING = /\/(save|confirm|approve|clear|restore)(\?|$)/;

  const pairKey = (form) => PREFIX + form.dataset.draft + ':';
  const versionOf = (form) => form.querySelector('input[name=version]').value;

  function drafts(form) {
    const prefix = pairKey(form);
    const found = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key && key.startsWith(prefix)) {
        try {
          found.push(Object.assign({ key: key, version: key.slice(prefix.length) }, JSON.parse(localStorage.getItem(key))));
        } catch (_) {
          localStorage.removeItem(key);
        }
      }
    }
    return found.sort((a, b) => b.at - a.at);
  }

  function forget(form) {
    for (const d of drafts(form)) localStorage.removeItem(d.key);
  }

  // A box the server sent back after a refused save holds unsaved text from the start.
  const unsaved = (textarea) => textarea.value !== textarea.defaultValue || textarea.hasAttribute('data-unsaved');

  function keep(form, textarea) {
    forget(form);
    if (textarea.value.trim() && unsaved(textarea)) {
      try {
        localStorage.setItem(pairKey(form) + versionOf(form), JSON.stringify({ text: textarea.value, at: Date.now() }));
      } catch (_) {
        // Storage full or disabled: the text is still in the box and leaving still asks.
      }
    }
  }

  function offer(form) {
    const textarea = form.querySelector('textarea[name=tgt]');
    const box = form.querySelector('.draft-offer');
    if (!textarea || !box) return;
    const draft = drafts(form)[0];
    if (!draft || draft.text === textarea.value) {
      if (draft && !unsaved(textarea)) forget(form);
      return;
    }
    box.querySelector('[data-draft-text]').textContent = draft.text;
    box.querySelector('[data-draft-older]').hidden = draft.version === versionOf(form);
    box.hidden = false;
    box.querySelector('[data-draft-restore]').addEventListener('click', function () {
      // Saving text typed on an older version is checked against that version: the server then shows both texts.
      form.querySelector('input[name=version]').value = draft.version;
      textarea.value = draft.text;
      textarea.dispatchEvent(new Event('input', { bubbles: true }));
      box.hidden = true;
      textarea.focus();
    });
    box.querySelector('[data-draft-discard]').addEventListener('click', function () {
      forget(form);
      box.hidden = true;
      textarea.focus();
    });
  }

  document.addEventListener('input', function (e) {
    const form = e.target.closest && e.target.closest('form.editor');
    if (form && e.target.matches('textarea[name=tgt]')) keep(form, e.target);
  });

  document.addEventListener('htmx:after:settle', function () {
    for (const form of document.querySelectorAll('form.editor[data-draft]:not([data-draft-checked])')) {
      form.setAttribute('data-draft-checked', '');
      offer(form);
    }
  });

  document.addEventListener('htmx:after:request', function (e) {
    const ctx = e.detail.ctx;
    const form = ctx.sourceElement && ctx.sourceElement.closest('form.editor');
    if (form && ctx.response && ctx.response.status < 300 && STORING.test(ctx.request.action)) forget(form);
  });

  window.addEventListener('beforeunload', function (e) {
    for (const textarea of document.querySelectorAll('form.editor textarea[name=tgt]')) {
      if (unsaved(textarea)) {
        e.preventDefault();
        e.returnValue = '';
        return;
      }
    }
  });
})();
