/* reelcheck HTML report: filters (kept in the URL hash), paging, tooltips and the table of the
   documents not shown in full. Builds DOM with textContent only: nothing is parsed as HTML. */
(function () {
  'use strict';
  var d = document;
  var docsEl = d.getElementById('rc-docs');
  var PAGE = parseInt(docsEl && docsEl.getAttribute('data-page-size'), 10) || 50;
  var REST_PAGE = 100;
  var FACETS = ['sev', 'cat', 'market', 'rule'];
  var state = { sev: [], cat: [], market: [], rule: [], q: '', page: 1, rpage: 1 };
  var slice = Array.prototype.slice;

  function attr(el, name) { return el.getAttribute(name) || ''; }
  function fmt(n) { return n.toLocaleString('en-US'); }
  function plural(n, word) { return fmt(n) + ' ' + word + (n === 1 ? '' : 's'); }

  /* ---- model of the documents rendered in full ---- */
  var docs = slice.call(d.querySelectorAll('#rc-docs > .doc')).map(function (card) {
    var byIndex = {};
    var fs = slice.call(card.querySelectorAll('li.finding')).map(function (li) {
      var f = {
        li: li, sev: attr(li, 'data-sev'), cat: attr(li, 'data-cat'), rule: attr(li, 'data-rule'),
        mk: attr(li, 'data-mk').split(' ').filter(Boolean), on: true
      };
      byIndex[attr(li, 'data-i')] = f;
      return f;
    });
    var marks = slice.call(card.querySelectorAll('mark.hl')).map(function (m) {
      return { el: m, fs: attr(m, 'data-f').split(' ').map(function (i) { return byIndex[i]; }).filter(Boolean) };
    });
    return { card: card, fs: fs, marks: marks, text: null };
  });
  var nFindings = docs.reduce(function (n, x) { return n + x.fs.length; }, 0);

  function facetActive() {
    return state.sev.length || state.cat.length || state.market.length || state.rule.length;
  }
  function has(list, v) { return list.indexOf(v) >= 0; }
  function matches(sev, cat, rule, mk) {
    if (state.sev.length && !has(state.sev, sev)) return false;
    if (state.cat.length && !has(state.cat, cat)) return false;
    if (state.rule.length && !has(state.rule, rule)) return false;
    if (state.market.length && !mk.some(function (m) { return has(state.market, m); })) return false;
    return true;
  }
  function searchText(x) {
    if (x.text === null) x.text = x.card.textContent.toLowerCase();
    return x.text;
  }

  /* ---- applying the filters ---- */
  var visible = [];
  var shownFindings = 0;
  function filterDocs() {
    var q = state.q.trim().toLowerCase();
    var active = facetActive();
    visible = [];
    shownFindings = 0;
    docs.forEach(function (x) {
      var any = false;
      var on = 0;
      x.fs.forEach(function (f) {
        f.on = matches(f.sev, f.cat, f.rule, f.mk);
        f.li.classList.toggle('off', !f.on);
        if (f.on) { any = true; on++; }
      });
      x.marks.forEach(function (m) {
        var lit = m.fs.some(function (f) { return f.on; });
        m.el.classList.toggle('off', !lit);
        m.el.tabIndex = lit ? 0 : -1;
      });
      var ok = (!active || any) && (!q || searchText(x).indexOf(q) >= 0);
      x.card.classList.toggle('flt-hide', !ok);
      if (ok) { visible.push(x); shownFindings += on; }
    });
  }
  function pageDocs() {
    var pages = Math.max(1, Math.ceil(visible.length / PAGE));
    if (state.page > pages) state.page = pages;
    if (state.page < 1) state.page = 1;
    var from = (state.page - 1) * PAGE;
    var to = from + PAGE;
    visible.forEach(function (x, i) { x.card.classList.toggle('pg-hide', i < from || i >= to); });
    slice.call(d.querySelectorAll('[data-pager]')).forEach(function (nav) {
      drawPager(nav, state.page, pages, function (p) { state.page = p; update(true); focusDocs(); });
    });
    var none = d.getElementById('rc-none');
    if (none) none.hidden = visible.length > 0 || docs.length === 0;
    var status = d.getElementById('rc-status');
    if (status) {
      var text = 'Showing ' + plural(visible.length, 'document') + ' with ' + plural(shownFindings, 'finding');
      if (visible.length !== docs.length || shownFindings !== nFindings) {
        text += ' (of ' + fmt(docs.length) + ' documents, ' + fmt(nFindings) + ' findings shown in full)';
      }
      if (pages > 1) text += ', page ' + state.page + ' of ' + pages;
      status.textContent = text + '.';
    }
  }
  function focusDocs() {
    var target = d.getElementById('rc-docs');
    if (target) { target.focus({ preventScroll: true }); target.scrollIntoView({ block: 'start' }); }
  }
  function drawPager(nav, page, pages, go) {
    nav.textContent = '';
    nav.hidden = pages <= 1;
    if (pages <= 1) return;
    function button(label, target, disabled, aria) {
      var b = d.createElement('button');
      b.type = 'button';
      b.textContent = label;
      if (aria) b.setAttribute('aria-label', aria);
      b.disabled = disabled;
      b.addEventListener('click', function () { go(target); });
      nav.appendChild(b);
    }
    button('\u00ab First', 1, page === 1, 'First page');
    button('\u2039 Previous', page - 1, page === 1, 'Previous page');
    var label = d.createElement('span');
    label.textContent = 'Page ' + page + ' of ' + pages;
    nav.appendChild(label);
    button('Next \u203a', page + 1, page === pages, 'Next page');
    button('Last \u00bb', pages, page === pages, 'Last page');
  }

  /* ---- documents not shown in full (compact JSON rows) ---- */
  var rest = null;
  var restEl = d.getElementById('rc-rest-data');
  if (restEl) {
    try { rest = JSON.parse(restEl.textContent); } catch (e) { rest = null; }
  }
  function drawRest() {
    if (!rest) return;
    var q = state.q.trim().toLowerCase();
    var active = facetActive();
    var sevIdx = rest.sev;
    var want = [];
    var found = 0;
    for (var r = 0; r < rest.rows.length; r++) {
      var row = rest.rows[r];
      if (q && String(row[0]).toLowerCase().indexOf(q) < 0) continue;
      if (!active) { want.push(r); found += row.length - 1; continue; }
      var n = 0;
      for (var k = 1; k < row.length; k++) {
        var f = row[k];
        var mk = [];
        for (var j = 3; j < f.length; j++) mk.push(rest.market[f[j]]);
        if (matches(sevIdx[f[0]], rest.cat[f[1]], rest.rule[f[2]], mk)) n++;
      }
      if (n) { want.push(r); found += n; }
    }
    var pages = Math.max(1, Math.ceil(want.length / REST_PAGE));
    if (state.rpage > pages) state.rpage = pages;
    var body = d.getElementById('rc-rest-body');
    body.textContent = '';
    var frag = d.createDocumentFragment();
    want.slice((state.rpage - 1) * REST_PAGE, state.rpage * REST_PAGE).forEach(function (r) {
      var row = rest.rows[r];
      var counts = { error: 0, warning: 0, info: 0 };
      var rules = [];
      for (var k = 1; k < row.length; k++) {
        var f = row[k];
        var mk = [];
        for (var j = 3; j < f.length; j++) mk.push(rest.market[f[j]]);
        if (active && !matches(sevIdx[f[0]], rest.cat[f[1]], rest.rule[f[2]], mk)) continue;
        counts[sevIdx[f[0]]] = (counts[sevIdx[f[0]]] || 0) + 1;
        if (!has(rules, rest.rule[f[2]])) rules.push(rest.rule[f[2]]);
      }
      var tr = d.createElement('tr');
      [row[0], counts.error, counts.warning, counts.info, rules.join(', ')].forEach(function (v, i) {
        var td = d.createElement('td');
        td.textContent = typeof v === 'number' ? (v ? fmt(v) : '\u2013') : v;
        if (i >= 1 && i <= 3) td.className = 'num';
        tr.appendChild(td);
      });
      frag.appendChild(tr);
    });
    body.appendChild(frag);
    drawPager(d.getElementById('rc-rest-pager'), state.rpage, pages, function (p) { state.rpage = p; drawRest(); });
    var status = d.getElementById('rc-rest-status');
    if (status) {
      status.textContent = plural(want.length, 'document') + ' with ' + plural(found, 'matching finding') +
        (pages > 1 ? ', page ' + state.rpage + ' of ' + pages : '') + '.';
    }
  }

  /* ---- the URL hash keeps the filter state ---- */
  function toHash() {
    var parts = [];
    FACETS.forEach(function (k) {
      if (state[k].length) parts.push(k + '=' + state[k].map(encodeURIComponent).join(','));
    });
    if (state.q) parts.push('q=' + encodeURIComponent(state.q));
    if (state.page > 1) parts.push('page=' + state.page);
    return parts.join('&');
  }
  function readHash() {
    var h = location.hash.replace(/^#/, '');
    if (h && h.indexOf('=') < 0) return false; /* an anchor, not a filter */
    FACETS.forEach(function (k) { state[k] = []; });
    state.q = '';
    state.page = 1;
    h.split('&').forEach(function (part) {
      var eq = part.indexOf('=');
      if (eq < 0) return;
      var key = part.slice(0, eq);
      var raw = part.slice(eq + 1);
      var val;
      try { val = decodeURIComponent(raw); } catch (e) { val = raw; }
      if (has(FACETS, key)) {
        state[key] = raw.split(',').filter(Boolean).map(function (v) {
          try { return decodeURIComponent(v); } catch (e) { return v; }
        });
      } else if (key === 'q') {
        state.q = val;
      } else if (key === 'page') {
        state.page = parseInt(val, 10) || 1;
      }
    });
    return true;
  }
  var writing = false;
  function writeHash() {
    var h = toHash();
    var current = location.hash.replace(/^#/, '');
    if (h === current || (!h && !current)) return;
    writing = true;
    try {
      history.replaceState(null, '', h ? '#' + h : location.pathname + location.search);
    } catch (e) {
      location.hash = h;
    }
    writing = false;
  }

  /* ---- controls ---- */
  var chips = slice.call(d.querySelectorAll('.chip[data-facet]'));
  var ruleSelect = d.getElementById('rc-rule');
  var search = d.getElementById('rc-q');
  function syncControls() {
    chips.forEach(function (c) {
      c.setAttribute('aria-pressed', has(state[attr(c, 'data-facet')], attr(c, 'data-value')) ? 'true' : 'false');
    });
    if (ruleSelect) ruleSelect.value = state.rule.length === 1 ? state.rule[0] : '';
    if (search && search.value !== state.q) search.value = state.q;
  }
  function update(keepPage) {
    if (!keepPage) { state.page = 1; state.rpage = 1; }
    hideTip();
    filterDocs();
    pageDocs();
    drawRest();
    syncControls();
    writeHash();
  }
  chips.forEach(function (c) {
    c.addEventListener('click', function () {
      var list = state[attr(c, 'data-facet')];
      var v = attr(c, 'data-value');
      var i = list.indexOf(v);
      if (i >= 0) list.splice(i, 1); else list.push(v);
      update(false);
    });
  });
  if (ruleSelect) {
    ruleSelect.addEventListener('change', function () {
      state.rule = ruleSelect.value ? [ruleSelect.value] : [];
      update(false);
    });
  }
  if (search) {
    var timer = 0;
    search.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { state.q = search.value; update(false); }, 150);
    });
  }
  var clear = d.getElementById('rc-clear');
  if (clear) {
    clear.addEventListener('click', function () {
      FACETS.forEach(function (k) { state[k] = []; });
      state.q = '';
      update(false);
    });
  }
  window.addEventListener('hashchange', function () {
    if (writing) return;
    if (readHash()) update(true);
  });

  /* ---- tooltips: message, rationale, suggestion and source of the findings under a highlight ---- */
  var tip = d.getElementById('rc-tip');
  var tipFor = null;
  var hideTimer = 0;
  function hideTip() {
    if (!tip) return;
    tip.hidden = true;
    tip.textContent = '';
    tipFor = null;
  }
  function showTip(mark) {
    if (!tip || mark.classList.contains('off')) return;
    clearTimeout(hideTimer);
    if (tipFor === mark && !tip.hidden) return;
    var card = mark.closest('.doc');
    if (!card) return;
    var n = attr(card, 'data-n');
    tip.textContent = '';
    attr(mark, 'data-f').split(' ').forEach(function (i) {
      var li = d.getElementById('f-' + n + '-' + i);
      if (!li || li.classList.contains('off')) return;
      var head = li.querySelector('.fhead .badge');
      var body = li.querySelector('.fbody');
      if (!body) return;
      var copy = body.cloneNode(true);
      slice.call(copy.querySelectorAll('[id]')).forEach(function (el) { el.removeAttribute('id'); });
      if (head) {
        var h = head.cloneNode(true);
        var wrap = d.createElement('div');
        wrap.className = 'tiphead';
        wrap.appendChild(h);
        copy.insertBefore(wrap, copy.firstChild);
      }
      tip.appendChild(copy);
    });
    if (!tip.firstChild) { hideTip(); return; }
    tipFor = mark;
    tip.hidden = false;
    var r = mark.getBoundingClientRect();
    var width = tip.offsetWidth;
    var left = Math.min(window.scrollX + r.left, window.scrollX + d.documentElement.clientWidth - width - 8);
    tip.style.left = Math.max(window.scrollX + 4, left) + 'px';
    var below = window.scrollY + r.bottom + 6;
    var h2 = tip.offsetHeight;
    if (r.bottom + h2 + 12 > window.innerHeight && r.top - h2 - 6 > 0) below = window.scrollY + r.top - h2 - 6;
    tip.style.top = below + 'px';
  }
  function scheduleHide() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hideTip, 250);
  }
  d.addEventListener('mouseover', function (e) {
    var m = e.target.closest && e.target.closest('mark.hl');
    if (m) showTip(m);
    else if (tip && tip.contains(e.target)) clearTimeout(hideTimer);
  });
  d.addEventListener('mouseout', function (e) {
    var m = e.target.closest && e.target.closest('mark.hl');
    if ((m && m === tipFor) || (tip && tip.contains(e.target))) scheduleHide();
  });
  d.addEventListener('focusin', function (e) {
    var m = e.target.closest && e.target.closest('mark.hl');
    if (m) showTip(m);
    else if (!(tip && tip.contains(e.target))) hideTip();
  });
  d.addEventListener('keydown', function (e) {
    if (e.key === 'Escape' && tip && !tip.hidden) {
      var back = tipFor;
      hideTip();
      if (back) back.focus();
    }
  });

  /* ---- the side lists jump to a highlight without touching the filter hash ---- */
  d.addEventListener('click', function (e) {
    var a = e.target.closest && e.target.closest('a.jump');
    if (!a) return;
    var target = d.getElementById(attr(a, 'href').slice(1));
    if (!target) return;
    e.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
    target.classList.add('flash');
    setTimeout(function () { target.classList.remove('flash'); }, 1200);
  });

  readHash();
  update(true);
  d.documentElement.setAttribute('data-ready', '1');
  window.__reelcheckReady = true;
})();
