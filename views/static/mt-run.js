// After machine translation has drafted rows, the rows on the page are reloaded (with the filters as they are) to show the drafts.
(function () {
  'use strict';
  document.body.addEventListener('rows-drafted', function () {
    const rows = document.getElementById('rows');
    const filters = document.querySelector('form.filters');
    if (!rows || !window.htmx) return;
    const query = filters ? new URLSearchParams(new FormData(filters)).toString() : '';
    window.htmx.ajax('GET', location.pathname + '/rows' + (query ? '?' + query : ''), { target: rows, swap: 'innerHTML' });
  });
})();
