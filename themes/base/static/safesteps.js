// SafeSteps: the one script. Every page works without it; it only adds conveniences.
(function () {
  'use strict';

  // Quick exit: replace this page in the history, so Back does not return to it.
  function leave(url) {
    try { document.body.style.visibility = 'hidden'; } catch (e) { /* page still leaves */ }
    window.location.replace(url);
  }

  function setUpQuickExit() {
    var link = document.querySelector('[data-quick-exit]');
    if (!link) { return; }
    var url = link.getAttribute('href');
    link.addEventListener('click', function (event) {
      event.preventDefault();
      leave(url);
    });
    var lastEscape = 0;
    document.addEventListener('keydown', function (event) {
      if (event.key !== 'Escape' && event.key !== 'Esc') { return; }
      var now = Date.now();
      if (now - lastEscape < 1500) {
        leave(url);
      }
      lastEscape = now;
    });
  }

  // Print buttons are hidden until this script can make them work.
  function setUpPrint() {
    document.querySelectorAll('[data-print]').forEach(function (button) {
      button.addEventListener('click', function () { window.print(); });
      var wrap = button.closest('[data-print-wrap]');
      if (wrap) { wrap.hidden = false; }
    });
  }

  function start() {
    setUpQuickExit();
    setUpPrint();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
