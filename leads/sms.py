"""SMS backends, chosen by settings.SMS_BACKEND the way django.core.mail chooses an email backend.

- ConsoleBackend: development; prints the masked number and the message (with the code) to stdout.
- LocmemBackend: tests; appends each message to ``leads.sms.outbox``.
- AliyunBackend: production; Aliyun template SMS through the official SDK, an optional extra
  (``pip install -r requirements-aliyun.txt``), imported only when a message is sent.

Every backend raises SmsSendError, and only SmsSendError, when a message could not be handed over,
so the view has one friendly answer for every provider failure. Its subclass SmsOutcomeUnknown says the
provider may have taken the message all the same (no answer in time): a reminder is then not sent again.
"""

import json
import logging
import sys
import threading
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.module_loading import import_string

from leads.phones import mask_phone

logger = logging.getLogger(__name__)

# Filled by LocmemBackend; tests clear it between runs.
outbox = []

CODE_TEXT = "【上海居住证助手】您的验证码是 {code}，5 分钟内有效。如非本人操作，请忽略本短信。"


class SmsSendError(Exception):
    """The message was not delivered to the provider. The text is safe to log: no number, no code."""


class SmsOutcomeUnknown(SmsSendError):
    """The request reached the provider (or may have) but no answer came back in time: the text may well
    have gone out. Whoever sends it must not send it again on its own (reminders/services.py)."""


def _waited_for_an_answer(exc):
    """Whether `exc` (or an error it wraps) is a timeout after the request was sent: a read timeout, not a
    connection that never opened. The SDK wraps requests' errors (darabonba UnretryableException)."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        name = type(exc).__name__
        if "ConnectTimeout" in name:
            return False  # the request never left: safe to try again
        if isinstance(exc, TimeoutError) or "ReadTimeout" in name or name in ("Timeout", "TimeoutError"):
            return True
        exc = getattr(exc, "inner_exception", None) or exc.__cause__ or exc.__context__
    return False


@dataclass(frozen=True)
class SmsMessage:
    phone: str
    text: str
    # Provider templates take named parameters instead of free text (the text is for humans and tests).
    params: dict = field(default_factory=dict)
    # Which approved provider template: "code", or a reminder kind (reminders/texts.py).
    template: str = "code"

    def __repr__(self):
        # Keeps the number and the code out of tracebacks and debug logs.
        return f"SmsMessage(phone={mask_phone(self.phone)!r})"


def code_message(phone, code):
    return SmsMessage(phone=phone, text=CODE_TEXT.format(code=code), params={"code": code})


def get_backend(backend=None, **kwargs):
    return import_string(backend or settings.SMS_BACKEND)(**kwargs)


def send_code(phone, code, backend=None):
    """Send a verification code; raises SmsSendError when the provider did not take it."""
    get_backend(backend).send(code_message(phone, code))


class BaseSmsBackend:
    def __init__(self, **kwargs):
        pass

    def send(self, message):
        raise NotImplementedError


class ConsoleBackend(BaseSmsBackend):
    def __init__(self, stream=None, **kwargs):
        super().__init__(**kwargs)
        self.stream = stream or sys.stdout
        self._lock = threading.Lock()

    def send(self, message):
        with self._lock:
            self.stream.write(f"短信 → {mask_phone(message.phone)}：{message.text}\n")
            self.stream.flush()


class LocmemBackend(BaseSmsBackend):
    def send(self, message):
        outbox.append(message)


class AliyunBackend(BaseSmsBackend):
    """Aliyun 短信服务 (Dysmsapi 2017-05-25) SendSms with an approved signature and code template.

    Settings: SMS_ALIYUN_ACCESS_KEY_ID, SMS_ALIYUN_ACCESS_KEY_SECRET, SMS_ALIYUN_SIGN_NAME,
    SMS_ALIYUN_TEMPLATE_CODE (a template with a ${code} variable), SMS_ALIYUN_ENDPOINT, and for the 签注
    reminders SMS_ALIYUN_REMINDER_TEMPLATES (one template per reminder kind).
    """

    # Milliseconds, as the SDK expects. A visitor is waiting on this request: fail fast, never retry
    # (a retried send that actually went through costs money and confuses the person).
    CONNECT_TIMEOUT_MS = 3000
    READ_TIMEOUT_MS = 5000

    def __init__(self, client=None, **kwargs):
        super().__init__(**kwargs)
        self._client = client
        self.sign_name = getattr(settings, "SMS_ALIYUN_SIGN_NAME", "")
        self.template_code = getattr(settings, "SMS_ALIYUN_TEMPLATE_CODE", "")
        self.templates = {
            "code": self.template_code,
            **getattr(settings, "SMS_ALIYUN_REMINDER_TEMPLATES", {}),
        }

    def _sdk(self):
        try:
            from alibabacloud_dysmsapi20170525 import models
            from alibabacloud_dysmsapi20170525.client import Client
            from alibabacloud_tea_openapi.models import Config
            from darabonba.runtime import RuntimeOptions
        except ImportError as exc:
            raise SmsSendError("阿里云短信 SDK 未安装 (pip install -r requirements-aliyun.txt)") from exc
        return Client, Config, models, RuntimeOptions

    def _make_client(self, Client, Config):
        config = Config(
            access_key_id=getattr(settings, "SMS_ALIYUN_ACCESS_KEY_ID", ""),
            access_key_secret=getattr(settings, "SMS_ALIYUN_ACCESS_KEY_SECRET", ""),
            endpoint=getattr(settings, "SMS_ALIYUN_ENDPOINT", "dysmsapi.aliyuncs.com"),
            connect_timeout=self.CONNECT_TIMEOUT_MS,
            read_timeout=self.READ_TIMEOUT_MS,
        )
        return Client(config)

    def send(self, message):
        Client, Config, models, RuntimeOptions = self._sdk()
        template_code = self.templates.get(message.template)
        if not template_code:
            raise SmsSendError(f"阿里云短信模板未配置: {message.template}")
        request = models.SendSmsRequest(
            phone_numbers=message.phone,
            sign_name=self.sign_name,
            template_code=template_code,
            template_param=json.dumps(message.params, ensure_ascii=False),
        )
        runtime = RuntimeOptions(
            autoretry=False,
            max_attempts=1,
            connect_timeout=self.CONNECT_TIMEOUT_MS,
            read_timeout=self.READ_TIMEOUT_MS,
        )
        try:
            client = self._client or self._make_client(Client, Config)
            response = client.send_sms_with_options(request, runtime)
        except Exception as exc:  # the SDK raises its own, requests' and socket errors
            # "from None": SDK errors can quote the request, number included, and must not reach a log.
            if _waited_for_an_answer(exc):
                raise SmsOutcomeUnknown(f"阿里云短信无应答（可能已发出）: {type(exc).__name__}") from None
            raise SmsSendError(f"阿里云短信请求失败: {type(exc).__name__}") from None
        body = getattr(response, "body", None)
        code = getattr(body, "code", None)
        if code != "OK":
            # Aliyun answers 200 with Code e.g. isv.BUSINESS_LIMIT_CONTROL when it refuses a message.
            raise SmsSendError(f"阿里云短信拒绝发送: {code} {getattr(body, 'message', '')}".strip())
