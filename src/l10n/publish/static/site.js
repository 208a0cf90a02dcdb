// Highlight a sentence together with its counterpart on hover and keyboard focus.
(function () {
  "use strict";
  function toggle(pair, on) {
    document.querySelectorAll('.s[data-pair="' + pair + '"]').forEach(function (el) {
      el.classList.toggle("active", on);
    });
  }
  document.querySelectorAll(".s[data-pair]").forEach(function (el) {
    var pair = el.getAttribute("data-pair");
    el.addEventListener("mouseenter", function () { toggle(pair, true); });
    el.addEventListener("mouseleave", function () { toggle(pair, false); });
    el.addEventListener("focus", function () { toggle(pair, true); });
    el.addEventListener("blur", function () { toggle(pair, false); });
  });
})();
