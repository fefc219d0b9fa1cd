/* Inlined in <head>: decides before first paint whether to ask. Rules: consent/state.py */
(function (d, w) {
  var c = JSON.parse(d.getElementById("consent-config").textContent);
  function jar(name) {
    var o = {}, m = d.cookie.match("(?:^|; )" + name + "=([^;]*)"), v = m ? m[1] : "";
    if (v.charAt(0) == '"') v = v.slice(1, -1);
    v.split("|").forEach(function (p) {
      var kv = p.split("=");
      if (kv.length == 2) o[kv[0]] = kv[1];
    });
    return o;
  }
  function state() {
    var v = jar(c.cookie), t = jar(c.timeCookie), now = Date.now(), s = {};
    c.groups.forEach(function (g) {
      var x = v[g.id], at = /^\d{1,15}$/.test(t[g.id]) ? +t[g.id] : 0, age = now - at, r = null;
      if (x != null && at && age > -864e5) {
        if (x == c.declined) { if (age < c.declineMs && at >= g.changed) r = false; }
        else if (x >= g.version && age < c.acceptMs) r = true;
      }
      s[g.id] = r;
    });
    return s;
  }
  w.consent = { config: c, state: state, jar: jar };
  var s = state();
  for (var k in s) if (s[k] === null) d.documentElement.classList.add("consent-ask");
})(document, window);
