/* ddns.js: show only the fields the chosen provider takes. The page works
 * without it: every field is then shown and the server says which to
 * leave empty. No inline script anywhere, so the CSP forbids it. */
/* A notice ("Saved.") comes in the URL an action redirects to; once shown
 * it leaves the URL, so that a reload or a bookmark does not say it
 * again. Without script the URL keeps it. */
(function () {
  'use strict';
  if (!window.history || !history.replaceState ||
      !/[?&](msg|apply)=/.test(location.search)) return;
  var q = location.search.slice(1).split('&').filter(function (kv) {
    return !/^(msg|apply)=/.test(kv);
  }).join('&');
  history.replaceState(history.state, '',
    location.pathname + (q ? '?' + q : '') + location.hash);
})();

(function () {
  'use strict';
  var provider = document.getElementById('f-provider');
  var protocol = document.getElementById('f-protocol');
  var hint = document.getElementById('provider-hint');
  var famhint = document.getElementById('provider-families');
  if (!provider) return;

  var family = document.getElementById('f-family');

  function listOf(select, name) {
    var opt = select.options[select.selectedIndex];
    var v = opt ? opt.getAttribute(name) || '' : '';
    return v ? v.split(' ') : [];
  }
  function fieldsOf(select) { return listOf(select, 'data-fields'); }

  /* Offer only the families the installed ddclient updates for the
   * choice (the server refuses the others anyway, saying why). */
  function updateFamilies(custom) {
    if (!family) return;
    var fams = custom && protocol ? listOf(protocol, 'data-families') :
      listOf(provider, 'data-families');
    var first = null;
    Array.prototype.forEach.call(family.options, function (o) {
      o.disabled = fams.length > 0 && fams.indexOf(o.value) < 0;
      if (!o.disabled && first === null) first = o;
    });
    var cur = family.options[family.selectedIndex];
    if (cur && cur.disabled && first) first.selected = true;
  }

  function update() {
    var want = fieldsOf(provider);
    if (want.indexOf('protocol') >= 0 && protocol) {
      want = want.concat(fieldsOf(protocol));
    }
    /* data-fields names every field the choice takes (the server builds
     * it from the one field table); the provider itself always shows. */
    document.querySelectorAll('.field[data-field]').forEach(function (box) {
      var name = box.getAttribute('data-field');
      if (name === 'provider') return;
      var on = want.indexOf(name) >= 0;
      box.classList.toggle('is-hidden', !on);
      /* A hidden field is not sent, so a stale value cannot be refused. */
      box.querySelectorAll('input, select').forEach(function (el) {
        el.disabled = !on;
      });
    });
    updateFamilies(fieldsOf(provider).indexOf('protocol') >= 0);
    var opt = provider.options[provider.selectedIndex];
    if (hint && opt) hint.textContent = opt.getAttribute('data-hint') || '';
    /* what the provider calls its login and password, else the words of
     * every provider (the label's data-default) */
    ['login', 'password'].forEach(function (name) {
      var label = document.querySelector('label[for="f-' + name + '"][data-default]');
      if (label) label.textContent = (opt && opt.getAttribute('data-label-' + name)) ||
        label.getAttribute('data-default');
    });
    /* what the choice updates on the installed ddclient: Custom's says
     * its protocol's */
    var src = fieldsOf(provider).indexOf('protocol') >= 0 && protocol ?
      protocol.options[protocol.selectedIndex] : opt;
    if (famhint) famhint.textContent = src ? src.getAttribute('data-famhint') || '' : '';
  }

  provider.addEventListener('change', update);
  if (protocol) protocol.addEventListener('change', update);
  update();
}());

/* The list follows the status JSON (?action=status) while a host on it
 * waits or is being updated: every few seconds, and once ddclient has
 * answered for one of them (its verdict there is no longer a wait), the
 * page's rows and summary are fetched again and put in place, so that
 * the row turns "up to date" (or says why not) without a reload. The
 * server renders them as ever: no row is built here. Without script the
 * summary's refresh link does it. */
(function () {
  'use strict';
  var EVERY = 3000;
  var WAITS = ['waiting', 'wait'];
  if (!window.fetch || !window.DOMParser || !document.querySelector('table.hosts')) return;

  function waitingHosts() {
    return Array.prototype.map.call(
      document.querySelectorAll('table.hosts tbody tr.state-wait'),
      function (tr) { return tr.querySelector('td.hostname').textContent.trim(); });
  }
  /* whether the JSON has a verdict other than a wait for one of names */
  function answered(json, names) {
    var left = {};
    names.forEach(function (n) { left[n] = 0; });
    (json.hosts || []).forEach(function (h) {
      if (h.hostname in left && !h.queued && WAITS.indexOf(h.verdict) < 0) left[h.hostname]++;
    });
    return names.some(function (n) { return left[n] > 0; });
  }
  function swap(html) {
    var doc = new DOMParser().parseFromString(html, 'text/html');
    ['table.hosts tbody', '#summary', '#public-ip'].forEach(function (sel) {
      var now = document.querySelector(sel), next = doc.querySelector(sel);
      if (now && next) now.parentNode.replaceChild(document.importNode(next, true), now);
    });
  }
  function get(url, as) {
    return fetch(url, { credentials: 'same-origin', headers: { Accept: as } })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r; });
  }
  function tick() {
    var names = waitingHosts();
    if (names.length === 0) return;
    get('?action=status', 'application/json').then(function (r) { return r.json(); })
      .then(function (json) {
        if (!answered(json, names)) return null;
        return get(location.href, 'text/html').then(function (r) { return r.text(); }).then(swap);
      })
      .catch(function () { /* the next tick tries again */ })
      .then(function () { setTimeout(tick, EVERY); });
  }
  setTimeout(tick, EVERY);
}());
