// Admin only: refresh the rendered preview of a guide while the editor types.
// Without JavaScript the preview shows the last saved version ("保存并继续编辑" updates it).
// The admin loads form media in <head>, so wait for the form to exist.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var preview = document.querySelector(".article-preview");
  var body = document.getElementById("id_body");
  var token = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (!preview || !body || !token) {
    return;
  }
  var timer = null;

  function refresh() {
    var data = new FormData();
    data.append("body", body.value);
    data.append("csrfmiddlewaretoken", token.value);
    fetch(preview.dataset.previewUrl, { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) {
        return response.ok ? response.text() : Promise.reject(response.status);
      })
      .then(function (html) {
        preview.innerHTML = html; // already sanitised by the server
      })
      .catch(function () {});
  }

  body.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 400);
  });
});
