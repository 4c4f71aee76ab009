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

// ==== Children: picture codes (learner feature) ====
// The picture form works without this: six rows of radio buttons. With it, tapping a picture moves
// on to the next row, so a young child taps six times and then "Join".
(function () {
  'use strict';

  function setUpPictureCode() {
    var form = document.querySelector('[data-picture-code]');
    if (!form) { return; }
    var rows = Array.prototype.slice.call(form.querySelectorAll('fieldset'));
    rows.forEach(function (row, index) {
      row.addEventListener('change', function () {
        var next = rows[index + 1] || form.querySelector('button[type=submit]');
        var target = next.querySelector ? (next.querySelector('input:checked') || next.querySelector('input') || next) : next;
        next.scrollIntoView({ block: 'center' });
        target.focus({ preventScroll: true });
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUpPictureCode);
  } else {
    setUpPictureCode();
  }
}());

// ==== Accessibility (a11y): read-aloud, focus on error summaries ====
// Listen buttons come from the server hidden; they appear only where the browser can speak. A press
// reads the visible text of the step, question or result in page order, in the page's language; a
// second press (or another Listen button) stops it.
(function () {
  'use strict';

  var SKIP = 'script, style, select, svg, template, [hidden], .visually-hidden, [data-listen]';
  var BLOCK = /^(P|LI|H[1-6]|LEGEND|LABEL|DIV|SECTION|ARTICLE|ASIDE|BLOCKQUOTE|TD|TH|DT|DD|FIGCAPTION)$/;

  function visibleText(root) {
    var blocks = [];
    var current = [];
    function flush() {
      var text = current.join(' ').replace(/\s+/g, ' ').trim();
      if (text) { blocks.push(/[.!?:;]$/.test(text) ? text : text + '.'); }
      current = [];
    }
    function walk(node) {
      node.childNodes.forEach(function (child) {
        if (child.nodeType === 3) {
          current.push(child.nodeValue);
        } else if (child.nodeType === 1 && !child.matches(SKIP) && child.getClientRects().length > 0) {
          var block = BLOCK.test(child.tagName);
          if (block) { flush(); }
          walk(child);
          if (block) { flush(); }
        }
      });
    }
    walk(root);
    flush();
    return blocks.join(' ');
  }

  function setUpReadAloud() {
    var buttons = document.querySelectorAll('[data-listen]');
    if (!buttons.length || !window.speechSynthesis || typeof window.SpeechSynthesisUtterance !== 'function') { return; }
    var synth = window.speechSynthesis;
    var speaking = null;

    function show(button, on) {
      var label = button.querySelector('[data-listen-label]');
      label.textContent = button.getAttribute(on ? 'data-listen-stop' : 'data-listen-start');
      if (on) { button.setAttribute('data-speaking', ''); } else { button.removeAttribute('data-speaking'); }
    }

    function stop() {
      if (speaking) { show(speaking.button, false); }
      speaking = null;
      synth.cancel();
    }

    buttons.forEach(function (button) {
      button.hidden = false;
      button.addEventListener('click', function () {
        var again = speaking && speaking.button === button;
        stop();
        if (again) { return; }
        var root = button.closest('[data-listen-root]') || document.querySelector('main');
        var utterance = new window.SpeechSynthesisUtterance(visibleText(root));
        utterance.lang = document.documentElement.lang || 'en';
        var done = function () {
          if (speaking && speaking.utterance === utterance) { show(button, false); speaking = null; }
        };
        utterance.addEventListener('end', done);
        utterance.addEventListener('error', done);
        speaking = { button: button, utterance: utterance };
        show(button, true);
        synth.speak(utterance);
      });
    });
    window.addEventListener('pagehide', function () { synth.cancel(); });
  }

  // After a failed submission the summary of problems gets the focus, so a screen reader reads it
  // and a keyboard user starts from its links to the fields.
  function focusErrorSummary() {
    var summary = document.querySelector('.error-summary, [data-error-summary]');
    if (!summary) { return; }
    summary.setAttribute('tabindex', '-1');
    summary.focus({ preventScroll: true });
    var top = summary.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight / 2) {
      summary.scrollIntoView({ block: 'start' });
    }
  }

  function start() {
    setUpReadAloud();
    focusErrorSummary();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());

// ==== Teachers: presenter mode (teacher feature) ====
// The board and the presenter notes are plain pages with Previous/Next links. With this script,
// the keys a presentation clicker sends (arrows, Page Up/Down, space) follow those links, and the
// two views keep to the same step in one browser: each announces its step on a BroadcastChannel
// when it loads, and the other moves to that step (no server push).
(function () {
  'use strict';

  var FORWARD = ['ArrowRight', 'ArrowDown', 'PageDown', ' ', 'Spacebar'];
  var BACK = ['ArrowLeft', 'ArrowUp', 'PageUp'];

  function typing(target) {
    return target && target.closest && target.closest('input, select, textarea, button, summary, [contenteditable]');
  }

  function setUpPresenter() {
    if (!document.querySelector('[data-present-keys]')) { return; }
    document.addEventListener('keydown', function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) { return; }
      var link = null;
      if (FORWARD.indexOf(event.key) >= 0) { link = document.querySelector('[data-present-next]'); }
      if (BACK.indexOf(event.key) >= 0) { link = document.querySelector('[data-present-prev]'); }
      if (link) {
        event.preventDefault();
        window.location.assign(link.href);
      }
    });
    var view = document.querySelector('[data-present-channel]');
    if (!view || typeof window.BroadcastChannel !== 'function') { return; }
    var step = view.getAttribute('data-present-step');
    var channel = new window.BroadcastChannel('safesteps-present:' + view.getAttribute('data-present-channel'));
    channel.addEventListener('message', function (event) {
      var wanted = String(event.data && event.data.step);
      if (!/^[0-9]+$/.test(wanted) || wanted === step) { return; }
      var url = new URL(window.location.href);
      url.searchParams.set('step', wanted);
      window.location.replace(url.toString());
    });
    channel.postMessage({ step: step });
    window.addEventListener('pagehide', function () { channel.close(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', setUpPresenter);
  } else {
    setUpPresenter();
  }
}());
