/* hsengine HTML report viewer: filters, charts and pages over the embedded messages.
   Message text is only ever inserted as text nodes, never as HTML. */
(function () {
  "use strict";
  var doc = document;
  function $(id) { return doc.getElementById(id); }
  function read(id) { var node = $(id); return node ? JSON.parse(node.textContent || "null") : null; }

  var META = read("hs-meta") || { labels: {}, names: {}, roles: {} };
  var SUMMARY = read("hs-summary") || {};
  var ALL = read("hs-messages") || [];
  // flagged messages; the others in the data were kept for the review of suppressed matches
  var ITEMS = ALL.filter(function (it) { return it.m.length > 0; });
  var SUPPRESSED = ALL.filter(function (it) { return it.u && it.u.length; });
  var COLS = META.roles || {};  // {channel, author, date}: input columns, when their names say so
  var L = META.labels || {}, NAMES = META.names || {}, ROLES = META.role_names || {};
  var SEV = ["low", "medium", "high", "critical"];
  var RANK = { low: 0, medium: 1, high: 2, critical: 3 };

  function lbl(key) { return L[key] || key; }
  function fill(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (m, k) { return values[k] !== undefined ? values[k] : m; });
  }
  function name(kind, id) {
    if (id === null || id === undefined || id === "") { return lbl("no_target"); }
    var table = NAMES[kind] || {};
    return table[id] || id;
  }
  function num(n) {
    try { return Number(n).toLocaleString(); } catch (e) { return String(n); }
  }
  function el(tag, cls, text) {
    var node = doc.createElement(tag);
    if (cls) { node.className = cls; }
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    return node;
  }
  function setCount(id, value) {
    var node = $(id);
    node.dataset.value = String(value);
    node.textContent = num(value);
  }

  // -- precompute ---------------------------------------------------------------------------------
  ITEMS.forEach(function (it, index) {
    var ns = {}, gs = {}, rs = {};
    it.m.forEach(function (m) { ns[m.n] = 1; if (m.g) { gs[m.g] = 1; } rs[m.r] = 1; });
    it.ns = Object.keys(ns); it.gs = Object.keys(gs); it.rs = Object.keys(rs);
    it.rank = RANK[it.s] || 0;
    it.order = index;
    it.lower = null;
    it.key = it.t.replace(/\s+/g, " ").trim().toLowerCase();
    it.ch = COLS.channel && it.f ? fieldText(it.f[COLS.channel]) : "";
    it.au = COLS.author && it.f ? fieldText(it.f[COLS.author]) : "";
    it.dt = COLS.date && it.f ? fieldText(it.f[COLS.date]) : "";
    it.day = dayOf(it.dt);
  });
  function dayOf(v) {
    var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v || "") || /^(\d{2})\.(\d{2})\.(\d{4})/.exec(v || "");
    if (!m) { return ""; }
    return m[1].length === 4 ? m[1] + "-" + m[2] + "-" + m[3] : m[3] + "-" + m[2] + "-" + m[1];
  }
  function fieldText(v) {
    if (v === null || v === undefined) { return ""; }
    return typeof v === "object" ? JSON.stringify(v) : String(v);
  }
  // identical texts (reposts): how many, first and last seen (by the date column, else the line)
  var GROUPS = {};
  ITEMS.forEach(function (it) {
    var g = GROUPS[it.key];
    if (!g) { g = GROUPS[it.key] = { items: [], channels: {} }; }
    g.items.push(it);
    if (it.ch) { g.channels[it.ch] = (g.channels[it.ch] || 0) + 1; }
  });
  var HAS_REPOSTS = Object.keys(GROUPS).some(function (k) { return GROUPS[k].items.length > 1; });
  function seen(g) {
    var dated = g.items.filter(function (x) { return x.dt; }).map(function (x) { return x.dt; }).sort();
    if (dated.length) { return [dated[0], dated[dated.length - 1]]; }
    var lines = g.items.map(function (x) { return x.i; });
    return [lbl("line") + " " + Math.min.apply(null, lines), lbl("line") + " " + Math.max.apply(null, lines)];
  }

  function countBy(items, key) {
    var counts = {};
    items.forEach(function (it) {
      var values = key === "n" ? it.ns : key === "g" ? it.gs : key === "s" ? [it.s] : [it.l];
      values.forEach(function (v) { counts[v] = (counts[v] || 0) + 1; });
    });
    return counts;
  }
  function sortedEntries(counts) {
    return Object.keys(counts).map(function (k) { return [k, counts[k]]; })
      .sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0); });
  }

  // -- static parts -------------------------------------------------------------------------------
  doc.title = lbl("report_title") + (META.source ? " — " + META.source : "");
  $("hs-title").textContent = lbl("report_title");
  $("hs-source").textContent = lbl("source") + ": " + (META.source || "");
  $("hs-generated").textContent = lbl("generated") + ": " + (META.generated || "");
  $("hs-footer").textContent = "hsengine " + (META.version || "") + " · " + (META.source || "");
  Array.prototype.forEach.call(doc.querySelectorAll("[data-label]"), function (node) {
    node.textContent = lbl(node.getAttribute("data-label"));
  });

  var total = SUMMARY.messages || 0, flagged = SUMMARY.flagged || 0, errors = SUMMARY.errors || 0;
  setCount("hs-count-messages", total);
  setCount("hs-count-flagged", flagged);
  setCount("hs-count-clean", Math.max(0, total - flagged - errors));
  setCount("hs-count-errors", errors);
  $("hs-flagged-share").textContent = total ? (100 * flagged / total).toFixed(1) + "%" : "";
  var langs = $("hs-langs");
  sortedEntries(SUMMARY.by_lang || {}).forEach(function (kv) {
    var fl = (SUMMARY.flagged_by_lang || {})[kv[0]] || 0;
    var chip = el("span", "chip", name("langs", kv[0]) + ": " + num(kv[1]) + " (" + lbl("messages_flagged") + " " + num(fl) + ")");
    chip.dataset.lang = kv[0];
    chip.dataset.value = String(kv[1]);
    langs.appendChild(chip);
  });

  var state = { n: "", g: "", s: "", l: "", q: "", ch: "", sort: "input", page: 0, per: 50, group: HAS_REPOSTS };
  var selects = { n: $("hs-f-narrative"), g: $("hs-f-target"), s: $("hs-f-severity"), l: $("hs-f-lang") };

  function option(select, value, text) {
    var o = el("option", null, text);
    o.value = value;
    select.appendChild(o);
  }
  (function buildSelects() {
    var all = lbl("all");
    option(selects.n, "", all + " (" + num(ITEMS.length) + ")");
    sortedEntries(countBy(ITEMS, "n")).forEach(function (kv) { option(selects.n, kv[0], name("narratives", kv[0]) + " (" + num(kv[1]) + ")"); });
    option(selects.g, "", all + " (" + num(ITEMS.length) + ")");
    sortedEntries(countBy(ITEMS, "g")).forEach(function (kv) { option(selects.g, kv[0], name("targets", kv[0]) + " (" + num(kv[1]) + ")"); });
    option(selects.s, "", all);
    SEV.forEach(function (s) { option(selects.s, s, "≥ " + name("severities", s)); });
    option(selects.l, "", all);
    sortedEntries(countBy(ITEMS, "l")).forEach(function (kv) { option(selects.l, kv[0], name("langs", kv[0]) + " (" + num(kv[1]) + ")"); });
    var sort = $("hs-f-sort");
    option(sort, "input", lbl("sort_input"));
    option(sort, "severity", lbl("sort_severity"));
  })();

  // -- filtering ----------------------------------------------------------------------------------
  function matches(it) {
    if (state.n && it.ns.indexOf(state.n) < 0) { return false; }
    if (state.g && it.gs.indexOf(state.g) < 0) { return false; }
    if (state.s && it.rank < RANK[state.s]) { return false; }
    if (state.l && it.l !== state.l) { return false; }
    if (state.ch && it.ch !== state.ch) { return false; }
    if (state.q) {
      if (it.lower === null) { it.lower = it.t.toLowerCase(); }
      if (it.lower.indexOf(state.q) < 0) { return false; }
    }
    return true;
  }
  function filtered() {
    var out = ITEMS.filter(matches);
    if (state.sort === "severity") {
      out.sort(function (a, b) { return b.rank - a.rank || a.order - b.order; });
    }
    return out;
  }

  // -- charts -------------------------------------------------------------------------------------
  function chart(container, counts, kind, filterKey) {
    container.textContent = "";
    var entries = sortedEntries(counts);
    if (kind === "severities") {
      entries = SEV.slice().reverse().filter(function (s) { return counts[s]; }).map(function (s) { return [s, counts[s]]; });
    }
    if (!entries.length) { container.appendChild(el("p", "empty", lbl("no_messages"))); return; }
    var max = 1;
    entries.forEach(function (kv) { if (kv[1] > max) { max = kv[1]; } });
    var list = el("div", "bars");
    list.setAttribute("role", "list");
    entries.forEach(function (kv) {
      var row = el("button", "bar" + (state[filterKey] === kv[0] ? " active" : ""));
      row.type = "button";
      row.setAttribute("role", "listitem");
      row.dataset.key = kv[0];
      row.dataset.count = String(kv[1]);
      var text = name(kind, kv[0]);
      row.title = text + ": " + kv[1];
      row.appendChild(el("span", "bar-label", text));
      var track = el("span", "bar-track");
      var fillEl = el("span", "bar-fill" + (kind === "severities" ? " sev-" + kv[0] : ""));
      fillEl.style.width = Math.max(1, Math.round(100 * kv[1] / max)) + "%";
      track.appendChild(fillEl);
      row.appendChild(track);
      row.appendChild(el("span", "bar-count", num(kv[1])));
      row.addEventListener("click", function () {
        state[filterKey] = state[filterKey] === kv[0] ? "" : kv[0];
        selects[filterKey].value = state[filterKey];
        state.page = 0;
        render();
      });
      list.appendChild(row);
    });
    container.appendChild(list);
  }

  // -- messages -----------------------------------------------------------------------------------
  function highlight(text, item) {
    var spans = [], seen = {};
    item.m.forEach(function (m) {
      m.e.forEach(function (e) {
        var key = e[0] + ":" + e[1];
        if (!seen[key]) { seen[key] = 1; spans.push(e); }
      });
    });
    spans.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var frag = doc.createDocumentFragment(), pos = 0;
    spans.forEach(function (e) {
      if (e[0] < pos) { return; }
      if (e[0] > pos) { frag.appendChild(doc.createTextNode(text.slice(pos, e[0]))); }
      var mark = el("mark", "ev role-" + (e[2] === "target" ? "target" : e[2] === "cue" ? "cue" : "attack"), text.slice(e[0], e[1]));
      mark.dataset.start = String(e[0]);
      mark.dataset.end = String(e[1]);
      mark.dataset.role = e[2];
      mark.title = (ROLES[e[2]] || e[2]) + " · " + e[3];
      frag.appendChild(mark);
      pos = e[1];
    });
    if (pos < text.length) { frag.appendChild(doc.createTextNode(text.slice(pos))); }
    return frag;
  }

  function card(it, group) {
    var art = el("article", "msg sev-" + it.s);
    art.dataset.line = String(it.i);
    art.dataset.lang = it.l;
    art.dataset.severity = it.s;
    art.dataset.narratives = it.ns.join(" ");
    art.dataset.targets = it.gs.join(" ");
    var head = el("header");
    head.appendChild(el("span", "line", lbl("line") + " " + it.i));
    head.appendChild(el("span", "badge sev-" + it.s, name("severities", it.s)));
    head.appendChild(el("span", "lang", name("langs", it.l)));
    if (group && group.length > 1) {
      art.dataset.count = String(group.length);
      var g = GROUPS[it.key], when = seen({ items: group });
      var rep = el("span", "reposts", "×" + num(group.length) + " " + lbl("reposts") + " · " + lbl("first_seen") + ": "
        + when[0] + " · " + lbl("last_seen") + ": " + when[1]);
      rep.dataset.first = when[0];
      rep.dataset.last = when[1];
      head.appendChild(rep);
      var chans = {};
      group.forEach(function (x) { if (x.ch) { chans[x.ch] = (chans[x.ch] || 0) + 1; } });
      var names = sortedEntries(chans).map(function (kv) { return kv[0] + " (" + kv[1] + ")"; });
      art.appendChild(head);
      if (names.length) { art.appendChild(el("div", "fields reposts-channels", lbl("channel") + ": " + names.slice(0, 8).join(", ") + (names.length > 8 ? ", …" : ""))); }
    } else {
      art.dataset.count = "1";
      art.appendChild(head);
    }
    if (it.f) {
      var keys = Object.keys(it.f).filter(function (k) { return fieldText(it.f[k]) !== ""; }).slice(0, 6);
      if (keys.length) {
        art.appendChild(el("div", "fields", keys.map(function (k) {
          var v = fieldText(it.f[k]);
          return k + ": " + (v.length > 120 ? v.slice(0, 119) + "…" : v);
        }).join(" · ")));
      }
    }
    var text = el("p", "text");
    text.appendChild(highlight(it.t, it));
    art.appendChild(text);
    if (it.t.length > 1200) {
      text.classList.add("clamp");
      var toggle = el("button", "linkish", lbl("show_all_text"));
      toggle.type = "button";
      toggle.addEventListener("click", function () {
        var clamped = text.classList.toggle("clamp");
        toggle.textContent = clamped ? lbl("show_all_text") : lbl("show_less");
      });
      art.appendChild(toggle);
    }
    var list = el("ul", "matches");
    it.m.forEach(function (m) {
      var li = el("li");
      li.dataset.rule = m.r;
      li.appendChild(el("span", "badge sev-" + m.s, name("severities", m.s)));
      li.appendChild(doc.createTextNode(" "));
      li.appendChild(el("b", null, name("rules", m.r)));
      li.appendChild(doc.createTextNode(" "));
      li.appendChild(el("code", null, m.r));
      li.appendChild(el("div", "facts", lbl("narrative") + ": " + name("narratives", m.n) + " · " + lbl("target") + ": " + name("targets", m.g)));
      li.appendChild(el("div", "expl", m.x));
      list.appendChild(li);
    });
    art.appendChild(list);
    if (it.w && it.w.length) { art.appendChild(el("div", "warnings", it.w.join("; "))); }
    return art;
  }

  function pager(container, pages) {
    container.textContent = "";
    if (pages <= 1) { return; }
    var prev = el("button", "prev", "‹ " + lbl("previous"));
    prev.type = "button";
    prev.disabled = state.page <= 0;
    prev.addEventListener("click", function () { state.page -= 1; render(true); });
    var next = el("button", "next", lbl("next") + " ›");
    next.type = "button";
    next.disabled = state.page >= pages - 1;
    next.addEventListener("click", function () { state.page += 1; render(true); });
    var info = el("span", "page-info", fill(lbl("page_of"), { page: num(state.page + 1), pages: num(pages) }));
    var per = el("select", "per-page");
    [50, 100, 500].forEach(function (n) { option(per, String(n), n + " / " + lbl("per_page")); });
    per.value = String(state.per);
    per.addEventListener("change", function () { state.per = parseInt(per.value, 10); state.page = 0; render(true); });
    container.appendChild(prev); container.appendChild(info); container.appendChild(next); container.appendChild(per);
  }

  // -- summaries by channel, author and day (when the input has such columns) ---------------------
  function table(container, head, rows, attrs) {
    container.textContent = "";
    var t = el("table", "sum");
    var tr = el("tr");
    head.forEach(function (h) { tr.appendChild(el("th", null, h)); });
    t.appendChild(tr);
    rows.forEach(function (r, i) {
      var row = el("tr");
      if (attrs) { Object.keys(attrs[i]).forEach(function (k) { row.dataset[k] = attrs[i][k]; }); }
      r.forEach(function (c) { row.appendChild(c && c.nodeType ? (function () { var td = el("td"); td.appendChild(c); return td; })() : el("td", null, c)); });
      t.appendChild(row);
    });
    container.appendChild(t);
  }
  function summaries(items) {
    var box = $("hs-summaries");
    if (!COLS.channel && !COLS.author && !COLS.date) { box.hidden = true; return; }
    box.hidden = false;
    var narrIds = sortedEntries(countBy(items, "n")).map(function (kv) { return kv[0]; });
    if (COLS.channel) {
      var per = {};
      items.forEach(function (it) {
        var c = per[it.ch] || (per[it.ch] = { n: 0, by: {} });
        c.n += 1;
        it.ns.forEach(function (n) { c.by[n] = (c.by[n] || 0) + 1; });
      });
      var rows = [], attrs = [];
      var total = SUMMARY.by_channel || {};
      Object.keys(per).sort(function (a, b) { return per[b].n - per[a].n || (a < b ? -1 : 1); }).slice(0, 50).forEach(function (ch) {
        var btn = el("button", "linkish", ch || "—");
        btn.type = "button";
        btn.addEventListener("click", function () { state.ch = state.ch === ch ? "" : ch; state.page = 0; render(); });
        var all = total[ch] || 0;
        rows.push([btn, num(per[ch].n), all ? num(all) + " (" + (100 * per[ch].n / all).toFixed(0) + "%)" : ""].concat(
          narrIds.map(function (n) { return per[ch].by[n] ? num(per[ch].by[n]) : ""; })));
        attrs.push({ channel: ch, flagged: String(per[ch].n), total: String(all) });
      });
      $("hs-by-channel-wrap").hidden = false;
      table($("hs-by-channel"), [lbl("channel"), lbl("messages_flagged"), lbl("messages_total")].concat(
        narrIds.map(function (n) { return name("narratives", n); })), rows, attrs);
    } else { $("hs-by-channel-wrap").hidden = true; }
    if (COLS.author) {
      var au = {};
      items.forEach(function (it) { au[it.au] = (au[it.au] || 0) + 1; });
      var arows = [], aattrs = [];
      sortedEntries(au).slice(0, 20).forEach(function (kv) { arows.push([kv[0] || "—", num(kv[1])]); aattrs.push({ author: kv[0], flagged: String(kv[1]) }); });
      $("hs-by-author-wrap").hidden = false;
      table($("hs-by-author"), [lbl("author"), lbl("messages_flagged")], arows, aattrs);
    } else { $("hs-by-author-wrap").hidden = true; }
    if (COLS.date) {
      var days = {};
      items.forEach(function (it) { if (it.day) { days[it.day] = (days[it.day] || 0) + 1; } });
      var keys = Object.keys(days).sort();
      var wrap = $("hs-timeline");
      wrap.textContent = "";
      $("hs-timeline-wrap").hidden = !keys.length;
      var max = 1;
      keys.forEach(function (k) { if (days[k] > max) { max = days[k]; } });
      var bars = el("div", "timeline");
      keys.forEach(function (k) {
        var b = el("div", "tbar");
        b.dataset.day = k;
        b.dataset.count = String(days[k]);
        b.title = k + ": " + days[k];
        b.style.height = Math.max(2, Math.round(100 * days[k] / max)) + "%";
        bars.appendChild(b);
      });
      wrap.appendChild(bars);
      if (keys.length) { wrap.appendChild(el("div", "tlabels", keys[0] + " — " + keys[keys.length - 1])); }
    } else { $("hs-timeline-wrap").hidden = true; }
  }

  // -- review of suppressed matches ---------------------------------------------------------------
  function suppressedView() {
    var box = $("hs-suppressed");
    if (!SUPPRESSED.length) { box.hidden = true; return; }
    box.hidden = false;
    $("hs-suppressed-count").dataset.value = String(SUPPRESSED.length);
    $("hs-suppressed-count").textContent = num(SUPPRESSED.length);
    var list = $("hs-suppressed-list");
    SUPPRESSED.slice(0, 500).forEach(function (it) {
      var art = el("article", "msg supp");
      art.dataset.line = String(it.i);
      art.dataset.flagged = it.m.length ? "1" : "0";
      var head = el("header");
      head.appendChild(el("span", "line", lbl("line") + " " + it.i));
      head.appendChild(el("span", "lang", name("langs", it.l)));
      head.appendChild(el("span", "badge " + (it.m.length ? "sev-" + it.s : "sev-none"), it.m.length ? lbl("flagged_in") : lbl("not_flagged")));
      art.appendChild(head);
      var spans = [];
      it.u.forEach(function (u) { u.e.forEach(function (e) { spans.push(e); }); if (u.k) { spans.push([u.k[0], u.k[1], "cue", "", u.k[2]]); } });
      var text = el("p", "text");
      text.appendChild(highlight(it.t, { m: [{ e: spans }] }));
      art.appendChild(text);
      var ul = el("ul", "matches");
      it.u.forEach(function (u) {
        var li = el("li");
        li.dataset.rule = u.r;
        li.dataset.context = u.c;
        li.appendChild(el("b", null, name("rules", u.r)));
        li.appendChild(doc.createTextNode(" "));
        li.appendChild(el("code", null, u.r));
        li.appendChild(el("div", "facts", lbl("context") + ": " + name("contexts", u.c) + (u.k ? " · " + lbl("cue") + ": «" + u.k[2] + "»" : "")
          + " · " + lbl("target") + ": " + name("targets", u.g)));
        li.appendChild(el("div", "expl reason", lbl("reason") + ": " + u.y));
        ul.appendChild(li);
      });
      art.appendChild(ul);
      list.appendChild(art);
    });
  }

  function render(scroll) {
    var items = filtered();
    var pages = Math.max(1, Math.ceil(items.length / state.per));
    if (state.page >= pages) { state.page = pages - 1; }
    if (state.page < 0) { state.page = 0; }
    var shown = $("hs-count-shown");
    shown.dataset.value = String(items.length);
    shown.dataset.total = String(ITEMS.length);
    shown.textContent = fill(lbl("shown_of"), { shown: num(items.length), total: num(ITEMS.length) });
    chart($("hs-chart-narrative"), countBy(items, "n"), "narratives", "n");
    chart($("hs-chart-target"), countBy(items, "g"), "targets", "g");
    chart($("hs-chart-severity"), countBy(items, "s"), "severities", "s");
    summaries(items);
    var units = items.map(function (it) { return [it, null]; });
    if (state.group) {
      var byKey = {}, order = [];
      items.forEach(function (it) {
        if (!byKey[it.key]) { byKey[it.key] = []; order.push(it.key); }
        byKey[it.key].push(it);
      });
      units = order.map(function (k) { return [byKey[k][0], byKey[k]]; });
      pages = Math.max(1, Math.ceil(units.length / state.per));
      if (state.page >= pages) { state.page = pages - 1; }
    }
    $("hs-groups").dataset.value = String(units.length);
    if (units.length < items.length) { shown.textContent += " · " + fill(lbl("distinct_texts"), { n: num(units.length) }); }
    var list = $("hs-list");
    list.textContent = "";
    var frag = doc.createDocumentFragment();
    units.slice(state.page * state.per, (state.page + 1) * state.per).forEach(function (u) { frag.appendChild(card(u[0], u[1])); });
    if (!items.length) { frag.appendChild(el("p", "empty", lbl("no_messages"))); }
    list.appendChild(frag);
    pager($("hs-pager-top"), pages);
    pager($("hs-pager"), pages);
    if (scroll) { $("hs-filters").scrollIntoView({ block: "start" }); }
  }

  Object.keys(selects).forEach(function (key) {
    selects[key].addEventListener("change", function () { state[key] = selects[key].value; state.page = 0; render(); });
  });
  var timer = null;
  $("hs-f-q").addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { state.q = $("hs-f-q").value.trim().toLowerCase(); state.page = 0; render(); }, 150);
  });
  $("hs-f-sort").addEventListener("change", function () { state.sort = $("hs-f-sort").value; state.page = 0; render(); });
  $("hs-reset").addEventListener("click", function () {
    state.n = state.g = state.s = state.l = state.q = state.ch = "";
    state.sort = "input"; state.page = 0;
    Object.keys(selects).forEach(function (k) { selects[k].value = ""; });
    $("hs-f-q").value = ""; $("hs-f-sort").value = "input";
    render();
  });

  var groupBox = $("hs-group");
  groupBox.checked = state.group;
  groupBox.addEventListener("change", function () { state.group = groupBox.checked; state.page = 0; render(); });

  // -- CSV export of the filtered messages: every input column, then ours ---------------------------
  function csvCell(v) {
    var s = String(v === null || v === undefined ? "" : v);
    if (/^[=+\-@\t\r]/.test(s)) { s = "'" + s; }  // spreadsheet formula injection
    return /[",\n\r;\t]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function exportRows(items) {
    var cols = (META.columns || [META.text_key || "text"]).slice();
    var ours = ["line", "flagged", "severity", "narratives", "targets", "rules", "evidence", "explanation", "lang",
                "warnings", "suppressed"];
    var head = cols.concat(ours.map(function (c) { return cols.indexOf(c) >= 0 ? "hs_" + c : c; }));
    var rows = [head];
    items.forEach(function (it) {
      var ev = [];
      it.m.forEach(function (m) { m.e.forEach(function (e) { if (ev.indexOf(e[4]) < 0) { ev.push(e[4]); } }); });
      var row = cols.map(function (c) { return c === META.text_key ? it.t : fieldText((it.f || {})[c]); });
      rows.push(row.concat([it.i, it.m.length ? "true" : "false", it.s || "", it.ns.join("; "), it.gs.join("; "),
        it.rs.join("; "), ev.join("; "), it.m.map(function (m) { return m.x; }).join(" | "), it.l, (it.w || []).join("; "),
        (it.u || []).map(function (u) { return u.r + " (" + u.c + ")"; }).join("; ")]));
    });
    return rows;
  }
  window.hsExportRows = function () { return exportRows(filtered()); };
  $("hs-export").addEventListener("click", function () {
    var sep = META.ui_lang === "en" ? "," : ";";  // what Excel expects in that locale
    var rows = exportRows(filtered());
    var csv = "\ufeff" + rows.map(function (r) { return r.map(csvCell).join(sep); }).join("\r\n") + "\r\n";
    var url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
    var a = el("a");
    a.href = url;
    a.download = "hsengine-filtered.csv";
    doc.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  });

  // -- rows that could not be analyzed ------------------------------------------------------------
  var errorRows = SUMMARY.error_rows || [];
  if (errorRows.length) {
    $("hs-errors").hidden = false;
    var ul = $("hs-error-list");
    errorRows.forEach(function (r) { ul.appendChild(el("li", null, lbl("line") + " " + r[0] + ": " + r[1])); });
    if (errors > errorRows.length) { ul.appendChild(el("li", null, fill(lbl("error_rows_more"), { n: num(errors - errorRows.length) }))); }
  }

  if (!HAS_REPOSTS) { $("hs-group-label").hidden = true; }
  suppressedView();
  render();
  doc.body.dataset.ready = "1";
})();
