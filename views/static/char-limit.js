// Fields limited in characters (data-max-chars, views/char-limit.ts) count them as the server does, by code point:
// the maxlength attribute would count 𠮷 twice. Past the limit the form is refused with the field's sentence
// (data-too-long, in the page's language); nothing typed is cut.
(function () {
  'use strict';
  function checkLength(field) {
    if (!field.dataset || !field.dataset.maxChars) return;
    const over = Array.from(field.value).length > Number(field.dataset.maxChars);
    field.setCustomValidity(over ? field.dataset.tooLong : '');
  }
  document.addEventListener('input', function (e) { checkLength(e.target); }, true);

  // A value the server sent back (a refused form keeps what was typed) is checked as it arrives, before it is sent again.
  function checkAll() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-max-chars]'), function (f) { if (f.value) checkLength(f); });
  }
  document.addEventListener('DOMContentLoaded', checkAll);
  document.addEventListener('htmx:after:settle', checkAll);
})();
