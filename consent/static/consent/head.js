/* Inlined in <head>: decides before first paint whether to ask. Rules: consent/state.py */
(function (d, w) {
  var c = JSON.parse(d.getElementById("consent-config").textContent);
  var gpc = navigator.globalPrivacyControl === true;
  // A cookie sent twice (two paths): the last one counts, as on the server.
  function jar(name) {
    var o = {}, v = "";
    d.cookie.split(/; */).forEach(function (p) { if (p.indexOf(name + "=") == 0) v = p.slice(name.length + 1); });
    if (v.charAt(0) == '"') v = v.slice(1, -1);
    v.split("|").forEach(function (p) {
      var kv = p.split("=");
      if (kv.length == 2) o[kv[0]] = kv[1];
    });
    return o;
  }
  // Epoch milliseconds or a revision: ASCII digits only, else 0 (unreadable).
  function num(v) { return /^[0-9]{1,15}$/.test(v) ? +v : 0; }
  // Stored choices; none when made under an older revision of the banner texts.
  function stored() {
    return (num(jar(c.timeCookie)["~texts"]) || 1) < c.texts ? {} : jar(c.cookie);
  }
  function state() {
    var v = stored(), t = jar(c.timeCookie), now = Date.now(), s = {};
    c.groups.forEach(function (g) {
      var x = v[g.id], at = num(t[g.id]), age = now - at, r = null;
      if (x != null && at && age > -864e5) {
        if (x == c.declined) { if (age < c.declineMs && at >= g.changed) r = false; }
        else if (x >= g.version && age < c.acceptMs) r = true;
      }
      // Global Privacy Control declines these until the visitor decides otherwise.
      s[g.id] = r === null && gpc && c.gpc.indexOf(g.id) > -1 ? false : r;
    });
    return s;
  }
  // Scripts learn a sensitive page's type, not its title and address (docs/consent.md).
  var p = c.page || {}, dl = w.dataLayer = w.dataLayer || [], L = location;
  p = p.sensitive ? { sensitive: true, title: p.type, path: p.path } : { sensitive: false, title: d.title, path: L.pathname };
  p.location = L.origin + p.path;
  // Google Consent Mode v2: every type follows its category; denied unless accepted.
  function gcm(s, how) {
    if (!c.gcm) return;
    var t = {};
    for (var k in c.gcm) c.gcm[k].forEach(function (n) { t[n] = s[k] ? "granted" : "denied"; });
    if (how == "default") { t.security_storage = "granted"; t.wait_for_update = 500; }
    // Google's own gtag() stub: the tag reads Arguments objects from dataLayer.
    w.gtag = w.gtag || function () { dl.push(arguments); };
    w.gtag("consent", how, t);
    if (p.sensitive && how == "default")
      w.gtag("set", { ads_data_redaction: true, url_passthrough: false, page_title: p.title, page_location: p.location });
  }
  w.consent = { config: c, page: p, state: state, stored: stored, jar: jar, gpc: gpc, gcm: gcm };
  var s = state(), k;
  gcm({}, "default");
  for (k in stored()) { gcm(s, "update"); break; }
  // After the Consent Mode calls, which must come before anything else.
  dl.push({ event: "consent_page", page_title: p.title, page_location: p.location });
  if (!c.preview) for (k in s) if (s[k] === null) d.documentElement.classList.add("consent-ask");
})(document, window);
