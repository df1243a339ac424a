// Ctrl+K (Cmd+K) opens the concordance over any page: the selected text, if any, is looked up at once; typing looks
// up after a pause; the hits link to their rows. On the concordance page itself the key focuses its own field.
(function () {
  'use strict';
  const dialog = document.getElementById('concordance-dialog');
  if (!dialog) return;
  const form = dialog.querySelector('form.concordance-form');
  const input = form.elements.q;
  const slot = dialog.querySelector('.concordance-slot');
  let pending = null;
  let timer = 0;

  async function lookUp() {
    clearTimeout(timer);
    const q = input.value.trim();
    if (pending) pending.abort();
    if (!q) {
      slot.textContent = '';
      return;
    }
    pending = new AbortController();
    try {
      // A refusal (400) comes back as the same fragment with its sentence: shown as it is.
      const res = await fetch('/concordance/results?q=' + encodeURIComponent(q), { signal: pending.signal });
      slot.innerHTML = await res.text();
      // Not an htmx swap: the page's live region (views/static/after-swap.js) is told there is something to say.
      document.dispatchEvent(new Event('duiqi:swapped'));
    } catch (err) {
      if (err.name !== 'AbortError') slot.textContent = String(err.message || err);
    }
  }

  function selectedText() {
    const el = document.activeElement;
    if (el && (el.tagName === 'TEXTAREA' || (el.tagName === 'INPUT' && el.type === 'text'))) {
      return el.value.slice(el.selectionStart, el.selectionEnd);
    }
    return String(window.getSelection() || '');
  }

  function open() {
    const own = document.querySelector('main form.concordance-form input[name=q]');
    if (own) {
      own.focus();
      own.select();
      return;
    }
    // Cut by characters, as the field's limit counts them: never half of a 𠮷.
    const text = Array.from(selectedText().trim()).slice(0, Number(input.dataset.maxChars) || 100).join('');
    if (!dialog.open) dialog.showModal();
    if (text) input.value = text;
    input.focus();
    input.select();
    if (input.value.trim()) lookUp();
  }

  document.addEventListener('keydown', function (e) {
    if (!(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey || e.key.toLowerCase() !== 'k') return;
    e.preventDefault();
    open();
  });
  // Esc in a search field would only empty it: here it closes the dialog, focus going back where it was.
  dialog.addEventListener('keydown', function (e) {
    // An Esc that dismisses an input method's candidates (typing Chinese) is the input method's, not the dialog's.
    if (e.key !== 'Escape' || e.isComposing || e.keyCode === 229) return;
    e.preventDefault();
    dialog.close();
  });
  // A hit in the document on screen only changes the address's #row-N, which the page follows (row-nav.js) behind
  // the modal dialog: the dialog closes so the row reached is seen and has the focus. The same hit again changes no
  // address, so the page is told to follow it anyway.
  slot.addEventListener('click', function (e) {
    const link = e.target.closest('a[href]');
    if (!link || link.pathname !== location.pathname || link.search !== location.search) return;
    const again = link.hash === location.hash;
    dialog.close();
    if (again) window.dispatchEvent(new HashChangeEvent('hashchange'));
  });
  // Pinyin being composed is not the text yet: the lookup waits for the input method to commit it (compositionend).
  function typed() {
    clearTimeout(timer);
    timer = setTimeout(lookUp, 250);
  }
  input.addEventListener('input', function (e) {
    if (e.isComposing) clearTimeout(timer);
    else typed();
  });
  input.addEventListener('compositionend', typed);
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    lookUp();
  });
})();
