// The error summary (templates/includes/error_summary.html) takes focus when the page loads, so a
// screen reader reads the problems first; its links move to the field with the field's question in view.
(function () {
  "use strict";

  var summary = document.querySelector("[data-error-summary]");
  if (!summary) return;
  summary.focus();

  function questionOf(field) {
    var legend = field.closest("fieldset") && field.closest("fieldset").querySelector("legend");
    if (field.type === "radio" && legend) return legend;
    return document.querySelector('label[for="' + field.id + '"]') || field;
  }

  summary.addEventListener("click", function (event) {
    var link = event.target.closest('a[href^="#"]');
    if (!link) return;
    var field = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
    if (!field) return;
    event.preventDefault();
    questionOf(field).scrollIntoView();
    field.focus({ preventScroll: true });
  });
})();
