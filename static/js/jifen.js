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

  // Where the browser refuses to copy (WeChat often does), the link itself is selected for a long press.
  function selectLink(button) {
    var link = button.closest(".result-actions").querySelector(".share-link");
    var range = document.createRange();
    range.selectNodeContents(link);
    window.getSelection().removeAllRanges();
    window.getSelection().addRange(range);
    button.textContent = "请长按上面的链接复制";
  }

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    if (!navigator.clipboard) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(button.getAttribute("data-copy")).then(
        function () { button.textContent = "已复制"; },
        function () { selectLink(button); }
      );
    });
  });

  // WeChat's built-in browser ignores window.print(): a button that does nothing there is not offered.
  var canPrint = typeof window.print === "function" && !/MicroMessenger/i.test(navigator.userAgent);
  document.querySelectorAll("[data-print]").forEach(function (button) {
    if (!canPrint) return;
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
