/* Consent plugin: applies choices, runs gated scripts, drives banner and dialog. */
(function (d, w) {
  var C = w.consent, c = C.config, html = d.documentElement, opener, gpcSent;
  var banner = d.getElementById("consent-banner"), dialog = d.getElementById("consent-dialog");
  function all(sel, el) { return [].slice.call((el || d).querySelectorAll(sel)); }
  function esc(s) { return s.replace(/[.*?+^$[\](){}|\\\/]/g, "\\$&"); }
  // Like consent/cleaning.py: each inner part at its first occurrence, without
  // backtracking (a lookahead and a backreference stand in for an atomic group).
  function like(p) {
    var parts = p.split("*"), re = "^" + esc(parts.shift()), last;
    if (!parts.length) return new RegExp(re + "$");
    last = parts.pop();
    parts.forEach(function (s, i) { re += "(?=([\\s\\S]*?" + esc(s) + "))\\" + (i + 1); });
    return new RegExp(re + "[\\s\\S]*" + esc(last) + "$");
  }
  // A page cached before a deploy may lack the list: the server still protects them.
  var keep = (c.necessary || []).map(like);
  function necessary(name) { return keep.some(function (re) { return re.test(name); }); }

  function run(id) {
    all('script[type="text/plain"][data-consent="' + id + '"]').forEach(function (old) {
      var s = d.createElement("script");
      if (old.dataset.src) s.src = old.dataset.src; else s.text = old.text;
      old.parentNode.replaceChild(s, old);
    });
    all('template[data-consent="' + id + '"]').forEach(function (t) {
      (t.closest("[data-consent-block]") || t).replaceWith(d.importNode(t.content, true));
    });
  }

  function forget(g) {
    var parts = location.hostname.split("."), domains = [""];
    if (!/^[\d.]+$|:/.test(location.hostname))
      for (var i = 0; i < parts.length - 1; i++) domains.push(";domain=." + parts.slice(i).join("."));
    g.cookies.forEach(function (k) {
      var re = like(k.name);
      if (k.storage == "cookie") {
        d.cookie.split("; ").forEach(function (pair) {
          var name = pair.split("=")[0];
          if (re.test(name) && !necessary(name)) domains.forEach(function (dom) {
            [k.path, "/"].forEach(function (p) { d.cookie = name + "=;max-age=0;path=" + p + dom; });
          });
        });
      } else {
        var store = k.storage == "local" ? w.localStorage : w.sessionStorage;
        Object.keys(store).forEach(function (key) { if (re.test(key)) store.removeItem(key); });
      }
    });
  }

  function apply(chosen) {
    var s = C.state(), ask = false, v = C.jar(c.cookie);
    c.groups.forEach(function (g) {
      if (s[g.id] === null) ask = true;
      if (s[g.id]) run(g.id); else forget(g);
    });
    html.classList.toggle("consent-ask", ask);
    all("[data-consent-gpc]").forEach(function (n) { n.hidden = !C.gpc; });
    if (chosen) C.gcm(s, "update");
    fit();
    // The GPC signal is recorded once: afterwards the consent cookie holds a choice.
    var due = C.gpc && !gpcSent && c.groups.filter(function (g) { return c.gpc.indexOf(g.id) > -1 && v[g.id] == null; });
    if (due && due.length) { gpcSent = 1; send(c.urls.decline, due.map(function (g) { return g.id; }), "gpc"); }
  }

  function fit() {
    html.style.setProperty("--consent-h", banner && ask() ? banner.offsetHeight + "px" : "0px");
  }
  function ask() { return html.classList.contains("consent-ask"); }

  function send(url, groups, source) {
    var notes = all("[data-consent-error]");
    return fetch(c.urls.status, { credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (j) {
        var f = new FormData();
        if (groups) groups.forEach(function (g) { f.append("cookie_groups", g); });
        else f.append("all_groups", "1");
        f.append("source", source || (dialog.open ? "preferences" : "banner"));
        return fetch(url, { method: "POST", credentials: "same-origin", body: f,
          headers: { "X-CSRFToken": j.csrftoken, "X-Cookie-Consent-Fetch": "1" } });
      })
      .then(function (r) {
        if (!r.ok) throw Error(r.status);
        var b = banner && banner.contains(d.activeElement);
        if (source != "gpc") {
          if (dialog.open) dialog.close();
          notes.forEach(function (n) { n.hidden = true; });
        }
        apply(1);
        if (b && !ask()) land();
      })
      .catch(function () { if (source != "gpc") notes.forEach(function (n) { n.hidden = false; }); });
  }

  function open(from) {
    var s = C.state();
    opener = from;
    all("input[name=cookie_groups]", dialog).forEach(function (i) { i.checked = !!s[i.value]; });
    dialog.showModal();
  }

  d.addEventListener("click", function (e) {
    var t = e.target.closest("[data-consent-action],[data-consent-open],[data-consent-allow]");
    if (!t) return;
    e.preventDefault();
    var a = t.dataset.consentAction;
    if (t.hasAttribute("data-consent-open") || a == "customise") open(t);
    else if (a == "accept" && C.gpc) send(c.urls.save, c.groups.map(function (g) { return g.id; }).filter(function (id) { return c.gpc.indexOf(id) < 0; }));
    else if (a == "accept") send(c.urls.accept);
    else if (a == "reject") send(c.urls.decline);
    else if (a == "close") dialog.close();
    else if (t.dataset.consentAllow) send(c.urls.accept, [t.dataset.consentAllow]);
  });

  dialog.addEventListener("submit", function (e) {
    e.preventDefault();
    send(c.urls.save, all("input[name=cookie_groups]:checked", dialog).map(function (i) { return i.value; }));
  });

  dialog.addEventListener("keydown", function (e) {
    if (e.key != "Tab") return;
    var f = all("button,input:not([disabled]),a[href],summary", dialog), first = f[0], last = f[f.length - 1];
    if (e.shiftKey && d.activeElement == first) { last.focus(); e.preventDefault(); }
    else if (!e.shiftKey && d.activeElement == last) { first.focus(); e.preventDefault(); }
  });

  // After a choice, focus moves to the main content (as the skip link does).
  function land() {
    var m = d.querySelector("main") || d.body;
    if (m.tabIndex < 0) m.tabIndex = -1;
    m.focus({ preventScroll: true });
  }
  dialog.addEventListener("close", function () {
    if (opener && opener.isConnected && opener.getClientRects().length) opener.focus();
    else land();
  });
  if (banner && w.ResizeObserver) new ResizeObserver(fit).observe(banner);
  apply();
})(document, window);
