// piuparts-site search: the box in every page's header, and search.html?q=... .
// Each section's index is <section>/search-index.js, a script that hands its JSON to
// piupartsSearch.add: a script element loads it from a web server and from the file system
// alike (Chromium does not let fetch() read local files). No framework, nothing external.
(function () {
  "use strict";

  var indexes = {};   // section -> index (see SearchIndex.cs)
  var waiting = {};   // section -> callbacks waiting for its index
  var MAX_RESULTS = 50;

  window.piupartsSearch = {
    add: function (index) {
      indexes[index.section] = index;
      (waiting[index.section] || []).forEach(function (done) { done(); });
      delete waiting[index.section];
    }
  };

  // Loads the indexes of the sections (each once), then calls done.
  function load(root, sections, done) {
    var left = sections.length;
    if (left === 0) { done(); return; }
    sections.forEach(function (section) {
      function one() { if (--left === 0) done(); }
      if (indexes[section]) { one(); return; }
      if (waiting[section]) { waiting[section].push(one); return; }
      waiting[section] = [one];
      var script = document.createElement("script");
      script.src = root + encodeURIComponent(section) + "/search-index.js";
      script.onerror = function () {
        // A section without an index (not reported yet): searched as empty.
        indexes[section] = { section: section, states: [], sources: [], binaries: [], maintainers: [] };
        window.piupartsSearch.add(indexes[section]);
      };
      document.head.appendChild(script);
    });
  }

  // The naming rules of the site (report.md §3): source/<subdir>/<name>.html, maintainer/<letter>/<email>.html.
  function sourcePage(name) {
    var sub = name.lastIndexOf("lib", 0) === 0 ? Array.from(name).slice(0, 4).join("") : Array.from(name)[0];
    return "source/" + encodeURIComponent(sub) + "/" + encodeURIComponent(name) + ".html";
  }

  function maintainerPage(email) {
    return "maintainer/" + encodeURIComponent(email.charAt(0).toLowerCase()) + "/" + encodeURIComponent(email) + ".html";
  }

  function stateId(name) { return name.replace(/\+/g, "_"); }

  // Every entry of the sections' indexes that matches the query: exact names first, then names
  // starting with it, then names containing it; within each, sections in the given order.
  function search(query, sections) {
    var q = query.trim().toLowerCase();
    var found = [[], [], []];
    if (q === "") return [];
    function consider(name, entry) {
      var lower = name.toLowerCase();
      var rank = lower === q ? 0 : lower.lastIndexOf(q, 0) === 0 ? 1 : lower.indexOf(q) >= 0 ? 2 : -1;
      if (rank >= 0) found[rank].push(entry);
    }
    sections.forEach(function (section) {
      var index = indexes[section];
      if (!index) return;
      index.sources.forEach(function (s) {
        consider(s[0], { kind: "source", name: s[0], section: section, href: section + "/" + sourcePage(s[0]), note: s[1] });
      });
      index.binaries.forEach(function (b) {
        var state = index.states[b[2]] || "unknown";
        var href = b[1] >= 0 ? section + "/" + sourcePage(index.sources[b[1]][0])
          : section + "/state-" + state + ".html#" + encodeURIComponent(stateId(b[0]));
        consider(b[0], { kind: "binary", name: b[0], section: section, href: href, note: state });
      });
      index.maintainers.forEach(function (m) {
        consider(m, { kind: "maintainer", name: m, section: section, href: section + "/" + maintainerPage(m), note: "" });
      });
    });
    return found[0].concat(found[1], found[2]);
  }

  // The box: suggestions while typing; Enter on a name that exists goes straight to its page,
  // anything else to search.html.
  function box(form) {
    var input = form.querySelector("input[name=q]");
    var list = document.getElementById(input.getAttribute("list"));
    var root = form.getAttribute("data-root");
    var current = form.getAttribute("data-section");
    var sections = current ? [current] : (form.getAttribute("data-sections") || "").split(" ").filter(Boolean);
    var ready = false;
    function prepare() { if (!ready) { ready = true; load(root, sections, suggest); } }
    function suggest() {
      if (!list) return;
      var seen = {};
      while (list.firstChild) list.removeChild(list.firstChild);
      search(input.value, sections).slice(0, 12).forEach(function (r) {
        if (seen[r.name]) return;
        seen[r.name] = true;
        var option = document.createElement("option");
        option.value = r.name;
        option.label = r.kind + (r.note ? ", " + r.note : "") + (current ? "" : " (" + r.section + ")");
        list.appendChild(option);
      });
    }
    input.addEventListener("focus", prepare);
    input.addEventListener("input", function () { prepare(); suggest(); });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      load(root, sections, function () {
        var results = search(input.value, sections);
        var exact = results.filter(function (r) { return r.name.toLowerCase() === input.value.trim().toLowerCase(); });
        if (exact.length > 0) {
          window.location.href = root + exact[0].href;
        } else {
          window.location.href = root + "search.html?q=" + encodeURIComponent(input.value.trim());
        }
      });
    });
  }

  // search.html: the results of ?q= in every section, without a click.
  function resultsPage(container) {
    var query = new URLSearchParams(window.location.search).get("q") || "";
    var form = document.querySelector("form.search");
    if (form && query) form.querySelector("input[name=q]").value = query;
    var status = document.getElementById("SearchStatus");
    if (!query) return;
    var sections = (container.getAttribute("data-sections") || "").split(" ").filter(Boolean);
    status.textContent = "Searching\u2026";
    load("", sections, function () {
      var results = search(query, sections);
      status.textContent = results.length === 0 ? "Nothing found for \u201c" + query + "\u201d."
        : results.length + " found for \u201c" + query + "\u201d" + (results.length > MAX_RESULTS ? ", the first " + MAX_RESULTS + " shown." : ".");
      var ul = document.createElement("ul");
      ul.className = "results";
      results.slice(0, MAX_RESULTS).forEach(function (r) {
        var li = document.createElement("li");
        var a = document.createElement("a");
        a.href = r.href;
        a.textContent = r.name;
        li.appendChild(a);
        var note = document.createElement("span");
        note.className = "note";
        note.textContent = " " + r.kind + " in " + r.section + (r.note ? ", " + r.note : "");
        li.appendChild(note);
        ul.appendChild(li);
      });
      container.appendChild(ul);
    });
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("form.search"), box);
    var results = document.getElementById("SearchResults");
    if (results) resultsPage(results);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
