// l10n pages: sentence pairing (hover, keyboard, tap) and the review view's filters.
// Progressive enhancement: without this script every page reads in full, one tab stop
// per paragraph pair, and the review view shows every finding.
(function () {
  "use strict";
  var doc = document;

  function spans(pair) {
    return doc.querySelectorAll('.s[data-pair="' + pair + '"]');
  }
  function mark(pair, cls, on) {
    spans(pair).forEach(function (el) { el.classList.toggle(cls, on); });
    doc.querySelectorAll('.finding[data-pair="' + pair + '"]').forEach(function (el) {
      el.classList.toggle("active", on && cls === "active");
    });
  }

  // --- keyboard: the row keeps one tab stop (roving tabindex); arrows move inside it
  function rowOf(el) { return el.closest("section.row"); }
  function sideOf(el) { return el.id.slice(0, 3) === "ko-" ? "ko" : "en"; }
  function sequence(row, side) {
    return Array.prototype.slice.call(row.querySelectorAll(".s[id^='" + side + "-']"));
  }
  function moveTo(from, to) {
    if (!to || to === from) { return; }
    var row = rowOf(from);
    row.querySelectorAll(".s[tabindex='0']").forEach(function (el) {
      el.setAttribute("tabindex", "-1");
    });
    to.setAttribute("tabindex", "0");
    to.focus();
  }
  function onKey(event) {
    var el = event.target;
    if (!el.classList || !el.classList.contains("s")) { return; }
    var row = rowOf(el);
    if (!row) { return; }
    var side = sideOf(el);
    var list = sequence(row, side);
    var at = list.indexOf(el);
    var pair = el.getAttribute("data-pair");
    var target = null;
    switch (event.key) {
      case "ArrowDown": target = list[at + 1]; break;
      case "ArrowUp": target = list[at - 1]; break;
      case "Home": target = list[0]; break;
      case "End": target = list[list.length - 1]; break;
      case "ArrowRight": target = side === "ko" ? doc.getElementById("en-" + pair) : null; break;
      case "ArrowLeft": target = side === "en" ? doc.getElementById("ko-" + pair) : null; break;
      default: return;
    }
    event.preventDefault();
    moveTo(el, target);
  }

  var pinned = null;
  function pin(pair) {
    if (pinned) { mark(pinned, "pinned", false); }
    pinned = pinned === pair ? null : pair;
    if (pinned) { mark(pinned, "pinned", true); }
  }

  doc.querySelectorAll(".s[data-pair]").forEach(function (el) {
    var pair = el.getAttribute("data-pair");
    el.addEventListener("mouseenter", function () { mark(pair, "active", true); });
    el.addEventListener("mouseleave", function () { mark(pair, "active", false); });
    el.addEventListener("focus", function () { mark(pair, "active", true); });
    el.addEventListener("blur", function () { mark(pair, "active", false); });
    el.addEventListener("click", function (event) {
      if (event.target.closest("a")) { return; }
      pin(pair);
    });
  });
  doc.addEventListener("keydown", onKey);
  doc.querySelectorAll(".finding[data-pair]").forEach(function (el) {
    var pair = el.getAttribute("data-pair");
    el.addEventListener("mouseenter", function () { mark(pair, "active", true); });
    el.addEventListener("mouseleave", function () { mark(pair, "active", false); });
  });
  var hint = doc.getElementById("pairing-hint");
  if (hint) { hint.hidden = false; }

  // --- review view: filters by severity and family
  var form = doc.getElementById("filters");
  if (!form) { return; }
  form.hidden = false;
  var findings = doc.querySelectorAll(".finding[data-severity]");
  var markers = doc.querySelectorAll(".marker[data-finding]");
  var count = doc.getElementById("shown-count");
  function checked(name) {
    var on = {};
    form.querySelectorAll("input[name='" + name + "']").forEach(function (box) {
      on[box.value] = box.checked;
    });
    return on;
  }
  function apply() {
    var severity = checked("severity"), family = checked("family");
    var only = form.querySelector("input[name='only-flagged']").checked;
    var shown = 0;
    function visible(el) {
      return severity[el.getAttribute("data-severity")] !== false &&
        family[el.getAttribute("data-family")] !== false;
    }
    findings.forEach(function (el) {
      var on = visible(el);
      el.classList.toggle("filtered", !on);
      if (on) { shown += 1; }
    });
    markers.forEach(function (el) { el.classList.toggle("filtered", !visible(el)); });
    doc.querySelectorAll("ol.findings").forEach(function (list) {
      list.classList.toggle("filtered", !list.querySelector(".finding:not(.filtered)"));
    });
    doc.querySelectorAll("section.row").forEach(function (row) {
      var list = row.querySelector("ol.findings");
      row.classList.toggle("filtered", only && (!list || list.classList.contains("filtered")));
    });
    count.textContent = String(shown);
  }
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  apply();
})();
