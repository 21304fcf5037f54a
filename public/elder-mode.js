/*
 * 适老化 mode: applied before first paint (this file is a small blocking script in <head>),
 * remembered in localStorage, toggled by the button in the top bar (hidden without JS).
 * An external file, never inline, so the site works under a strict Content-Security-Policy.
 */
(function () {
  var KEY = 'elder-mode';
  var root = document.documentElement;
  /* Scripts run: chart boxes are shown (without JS the tables take their place). */
  root.classList.add('js');
  var on = false;
  try {
    on = window.localStorage.getItem(KEY) === '1';
  } catch (e) {
    on = false;
  }
  if (on) root.classList.add('elder');

  /* Phones: the navigation is one sideways-scrolling row; bring the current page's link into view. */
  function showCurrentNav() {
    var list = document.querySelector('.site-nav ul');
    var current = list && list.querySelector('[aria-current="page"]');
    if (!list || !current || list.scrollWidth <= list.clientWidth) return;
    var item = current.parentNode;
    list.scrollLeft = Math.max(0, item.offsetLeft - list.offsetLeft - (list.clientWidth - item.offsetWidth) / 2);
  }

  function setup() {
    showCurrentNav();
    var buttons = document.querySelectorAll('[data-elder-toggle]');
    for (var i = 0; i < buttons.length; i++) {
      var b = buttons[i];
      b.hidden = false;
      b.setAttribute('aria-pressed', root.classList.contains('elder') ? 'true' : 'false');
      b.addEventListener('click', function (ev) {
        var next = !root.classList.contains('elder');
        root.classList.toggle('elder', next);
        try {
          window.localStorage.setItem(KEY, next ? '1' : '0');
        } catch (e) {
          /* private mode: the choice lasts for this page only */
        }
        var all = document.querySelectorAll('[data-elder-toggle]');
        for (var j = 0; j < all.length; j++) all[j].setAttribute('aria-pressed', next ? 'true' : 'false');
        showCurrentNav();
        window.dispatchEvent(new CustomEvent('elder-mode-change', { detail: { on: next } }));
      });
    }
    /* Print: open every <details> so tables print, then restore. */
    var opened = [];
    window.addEventListener('beforeprint', function () {
      var ds = document.querySelectorAll('details:not([open])');
      for (var k = 0; k < ds.length; k++) {
        ds[k].open = true;
        opened.push(ds[k]);
      }
    });
    window.addEventListener('afterprint', function () {
      while (opened.length) opened.pop().open = false;
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setup);
  else setup();
  /* The stylesheets that make the row scroll may arrive after DOMContentLoaded: try again once all is loaded. */
  window.addEventListener('load', showCurrentNav);
})();
