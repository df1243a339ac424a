// The filters of the document page and of the document list: applied as one types (debounced), one request per change of the filters, and
// kept in the URL, so reload, back and forward and a shared link show the same rows.
(function () {
  'use strict';
  const form = document.querySelector('form.filters[data-rows]');
  if (!form) return;
  const TYPING_PAUSE_MS = 300;
  let timer = 0;

  function query() {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form)) if (String(value).trim()) params.set(name, String(value).trim());
    return params.toString();
  }
  let shown = query();

  function show(q, pushToHistory) {
    clearTimeout(timer);
    if (q === shown) return;
    shown = q;
    const address = location.pathname + (q ? '?' + q : '');
    if (pushToHistory && address !== location.pathname + location.search) history.pushState({ filters: q }, '', address);
    // With the form as its source, htmx sends the form's fields itself, and a newer request replaces an older one.
    htmx.ajax('GET', form.dataset.rows, { source: form, target: form.dataset.target || '#rows', swap: form.dataset.swap || 'innerHTML' });
  }

  function typed() {
    clearTimeout(timer);
    timer = setTimeout(function () { show(query(), true); }, TYPING_PAUSE_MS);
  }
  // Pinyin an input method is composing ("hezuo" on the way to 合作) is not the text yet: it would filter the rows down to
  // none and put ?q=hezuo in the history. The filter waits for the committed text, which compositionend brings.
  form.addEventListener('input', function (e) {
    if (!e.target.matches('input')) return;
    if (e.isComposing) clearTimeout(timer);
    else typed();
  });
  form.addEventListener('compositionend', function (e) {
    if (e.target.matches('input')) typed();
  });
  form.addEventListener('change', function (e) {
    if (e.target.matches('select')) show(query(), true);
  });
  // Enter applies at once; the typing pause it cuts short then has nothing left to send.
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    show(query(), true);
  });

  // Rows that did not come (the session ended, the server failed) are asked for again by the same filters.
  form.addEventListener('htmx:after:request', function (e) {
    if (e.detail.ctx.response && e.detail.ctx.response.status >= 400) shown = null;
  });

  window.addEventListener('popstate', function () {
    const params = new URLSearchParams(location.search);
    for (const field of form.elements) if (field.name) field.value = params.get(field.name) || '';
    show(query(), false);
  });
})();
