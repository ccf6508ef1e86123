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

  // A message under a field the person has since changed is stale ("请填写您的称呼" under a filled name):
  // it goes, with its line in the summary; the server checks everything again on submit.
  function settle(event) {
    var field = event.target;
    var wrapper = field.closest && field.closest('[id^="field-"]');
    if (!wrapper || field.getAttribute("aria-invalid") !== "true") return;
    var message = wrapper.querySelector(".invalid-feedback");
    Array.prototype.forEach.call(wrapper.querySelectorAll('[aria-invalid="true"]'), function (input) {
      input.removeAttribute("aria-invalid");
      input.classList.remove("is-invalid");
      // A hidden message that aria-describedby still names would still be read out.
      var described = (input.getAttribute("aria-describedby") || "").split(" ").filter(function (id) {
        return id && (!message || id !== message.id);
      });
      if (described.length) input.setAttribute("aria-describedby", described.join(" "));
      else input.removeAttribute("aria-describedby");
      var line = input.id && summary.querySelector('a[href="#' + input.id + '"]');
      if (line) line.closest("li").remove();
    });
    wrapper.classList.remove("field-invalid");
    if (message) message.hidden = true;
    if (!summary.querySelector("li")) summary.hidden = true;
  }
  document.addEventListener("input", settle);
  document.addEventListener("change", settle);
})();
