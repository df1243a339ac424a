// After an htmx swap: keeps the keyboard's place when the part of the page that held the focus was replaced (a list
// re-rendered after an add, a delete or a rename), where the focus would fall to <body> and the next Tab start from the
// top; and says a swapped-in [data-announce] message in the page's one live region, which screen readers follow
// reliably, as they do not a status element that arrives with its text already in it.
(function () {
  'use strict';
  let lost = null;

  function announce() {
    const region = document.getElementById('announcer');
    const said = document.querySelectorAll('[data-announce]');
    if (!region || !said.length) return;
    const text = Array.from(said).map(function (el) {
      // The words are the attribute's where a whole row carries them, else the element's own text.
      const words = el.getAttribute('data-announce') || el.textContent;
      el.removeAttribute('data-announce');
      return words.trim();
    }).join(' ');
    // Emptied first: the same words twice (two terms saved alike) are a change, and are said again.
    region.textContent = '';
    setTimeout(function () { region.textContent = text; }, 50);
  }

  // What names a control across a re-render: its kind, name and what it sends, and a button's words.
  function identity(el) {
    const form = el.form || (el.closest && el.closest('form'));
    return [el.tagName, el.getAttribute('name'), el.getAttribute('type'), el.getAttribute('hx-post'), el.getAttribute('hx-get'),
      el.getAttribute('href'), form && (form.getAttribute('hx-post') || form.getAttribute('action')),
      el.tagName === 'BUTTON' ? el.textContent.trim() : ''].join('|');
  }

  // A page script that puts fetched markup in place itself (the concordance) says so with this event.
  document.addEventListener('duiqi:swapped', announce);

  document.addEventListener('htmx:before:swap', function (e) {
    const focused = document.activeElement;
    const target = e.detail.ctx.target;
    lost = focused && focused !== document.body && target && target.id && target.contains(focused)
      ? { id: target.id, identity: identity(focused) } : null;
  });

  document.addEventListener('htmx:after:settle', function () {
    announce();
    if (!lost) return;
    const was = lost;
    lost = null;
    // Later so that a page's own choice (the row editor's, an autofocus in the new markup) comes first.
    setTimeout(function () {
      if (document.activeElement && document.activeElement !== document.body) return;
      const holder = document.getElementById(was.id);
      if (!holder || holder.matches('tr')) return;
      const same = Array.from(holder.querySelectorAll('a[href], button, input, select, textarea, summary'))
        .find(function (el) { return identity(el) === was.identity && !el.disabled; });
      // A control found again may be hidden now (the new-thread form closes once sent): then the list takes the focus.
      if (same) same.focus();
      if (same && document.activeElement === same) return;
      // The control went with what it acted on (a deleted entry): the list that held it takes the focus.
      if (!holder.hasAttribute('tabindex')) holder.setAttribute('tabindex', '-1');
      holder.focus();
    }, 0);
  });
})();
