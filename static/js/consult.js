// 获取验证码 without reloading the page. Without JavaScript the same button posts the whole form and the
// server re-renders it, so everything here is an enhancement.
(function () {
  "use strict";

  // One post per form: on a slow network a second tap would post it again. The server answers such a repeat
  // as it did the first (leads/codes.py REPEATED); this only spares the second request.
  Array.prototype.forEach.call(document.querySelectorAll("form[data-code-url]"), function (form) {
    var sending = false;
    var buttons = form.querySelectorAll("button[name=action]:not([value=send_code])");
    function disable(state) {
      Array.prototype.forEach.call(buttons, function (button) { button.disabled = state; });
    }
    form.addEventListener("submit", function (event) {
      if (sending) {
        event.preventDefault();
        return;
      }
      sending = true;
      // Not at once: the entry list is built after this handler, and a disabled button's action is left out.
      setTimeout(function () { disable(true); }, 0);
    });
    // 返回 may show this page from the back-forward cache, as it was left: ready to post again.
    window.addEventListener("pageshow", function (event) {
      if (event.persisted) {
        sending = false;
        disable(false);
      }
    });
  });

  var forms = document.querySelectorAll("form[data-code-url]");
  Array.prototype.forEach.call(forms, function (form) {
    var button = form.querySelector("button[name=action][value=send_code]");
    var status = form.querySelector("[data-code-status]");
    if (!button || !status || !window.fetch || !window.FormData) {
      return;
    }
    var label = button.textContent;
    var timer = null;
    var LONGEST_COUNTDOWN = 120;
    // Once a code is on its way the CAPTCHA goes away, as the server does without JavaScript; asking again
    // brings a fresh one back before anything is sent.
    var captchaBlock = form.querySelector("[data-captcha-block]");
    var captchaPutAway = false;
    var RESEND_LABEL = "没收到短信？重新获取验证码";

    function say(text, isError) {
      status.textContent = text;
      status.classList.toggle("text-danger", Boolean(isError));
      status.classList.toggle("text-success", !isError);
    }

    function countdown(seconds) {
      clearInterval(timer);
      button.disabled = true;
      var left = seconds;
      button.textContent = left + " 秒后可重发";
      timer = setInterval(function () {
        left -= 1;
        if (left <= 0) {
          clearInterval(timer);
          button.disabled = false;
          button.textContent = label;
        } else {
          button.textContent = left + " 秒后可重发";
        }
      }, 1000);
    }

    function refreshCaptcha() {
      var image = form.querySelector("img.captcha");
      var key = form.querySelector("input[name=captcha_0]");
      var answer = form.querySelector("input[name=captcha_1]");
      if (!image || !key) {
        return;
      }
      fetch(form.getAttribute("data-captcha-refresh-url"), {
        headers: { "X-Requested-With": "XMLHttpRequest" },
        credentials: "same-origin",
      })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          image.src = data.image_url;
          image.srcset = data.image_url.replace(/\/$/, "@2/") + " 2x";
          key.value = data.key;
          if (answer) { answer.value = ""; }
        })
        .catch(function () {});
    }

    // Enter (or 前往 on a phone keyboard) in the CAPTCHA answer means 获取验证码, the next step there, not
    // 提交咨询: submitting the whole form would spend the challenge and send no code.
    var captchaInput = form.querySelector("input[name=captcha_1]");
    if (captchaInput) {
      captchaInput.addEventListener("keydown", function (event) {
        if (event.key === "Enter" && !event.isComposing) {
          event.preventDefault();
          if (!button.disabled) { button.click(); }
        }
      });
    }

    var newCaptcha = form.querySelector("button[name=action][value=new_captcha]");
    if (newCaptcha) {
      newCaptcha.addEventListener("click", function (event) {
        event.preventDefault();
        refreshCaptcha();
      });
    }

    button.addEventListener("click", function (event) {
      event.preventDefault();
      if (captchaPutAway) {
        captchaPutAway = false;
        captchaBlock.hidden = false;
        label = button.textContent = "获取验证码";
        refreshCaptcha();
        var captchaAnswer = form.querySelector("input[name=captcha_1]");
        if (captchaAnswer) { captchaAnswer.focus(); }
        return;
      }
      button.disabled = true;
      say("正在发送…", false);
      fetch(form.getAttribute("data-code-url"), {
        method: "POST",
        body: new FormData(form),
        credentials: "same-origin",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.json().then(function (data) {
            return { status: response.status, data: data };
          });
        })
        .then(function (answer) {
          var data = answer.data;
          if (answer.status === 200 && data.sent) {
            say(data.message || "验证码已发送，请查看短信。", false);
            if (captchaBlock) {
              captchaBlock.hidden = true;
              captchaPutAway = true;
              label = RESEND_LABEL;
            }
            countdown(data.resend_after || 60);
            var codeInput = form.querySelector("input[name=code]");
            if (codeInput) { codeInput.focus(); }
          } else if (answer.status === 429) {
            say(data.error, true);
            var wait = data.retry_after || 60;
            // A daily limit lasts hours: a countdown of "79200 秒" helps nobody, the message says how long.
            if (wait <= LONGEST_COUNTDOWN) {
              countdown(wait);
            } else {
              button.disabled = false;
            }
          } else {
            var messages = [];
            var errors = data.errors || {};
            Object.keys(errors).forEach(function (field) {
              messages = messages.concat(errors[field]);
            });
            say(messages.join(" ") || data.error || "发送失败，请稍后再试。", true);
            button.disabled = false;
          }
          // Every answer spent the challenge; draw a new one unless it has been put away.
          if (!captchaPutAway) { refreshCaptcha(); }
        })
        .catch(function () {
          say("网络不稳定，验证码没有发出，请稍后再试。", true);
          button.disabled = false;
        });
    });
  });
})();
