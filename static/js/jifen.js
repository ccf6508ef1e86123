// Progressive enhancement for the self-test: reveal conditional questions as soon as they apply,
// copy the result link and print. Everything works without this file.
(function () {
  "use strict";

  function currentValue(form, name) {
    var field = form.querySelector('[name="' + name + '"]');
    if (!field) return "";
    if (field.type === "radio" || field.type === "checkbox") {
      var checked = form.querySelector('input[name="' + name + '"]:checked');
      return checked ? checked.value : "";
    }
    return field.value;
  }

  document.querySelectorAll("form").forEach(function (form) {
    var conditional = form.querySelectorAll("[data-reveal-when]");
    if (!conditional.length) return;
    function update() {
      conditional.forEach(function (block) {
        var values = block.getAttribute("data-reveal-values").split(" ");
        block.hidden = values.indexOf(currentValue(form, block.getAttribute("data-reveal-when"))) === -1;
      });
    }
    form.addEventListener("change", update);
    update();
  });

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy")).then(function () {
        button.textContent = "已复制";
      });
    });
  });

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
