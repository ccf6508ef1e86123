import io
import json
import sys
import time

import pytest

from leads import sms


def test_get_backend_follows_the_setting(settings):
    settings.SMS_BACKEND = "leads.sms.ConsoleBackend"
    assert isinstance(sms.get_backend(), sms.ConsoleBackend)
    settings.SMS_BACKEND = "leads.sms.LocmemBackend"
    assert isinstance(sms.get_backend(), sms.LocmemBackend)


def test_get_backend_accepts_an_explicit_path():
    assert isinstance(sms.get_backend("leads.sms.AliyunBackend"), sms.AliyunBackend)


def test_locmem_backend_collects_the_code_message(settings):
    settings.SMS_BACKEND = "leads.sms.LocmemBackend"
    sms.send_code("13812345678", "042917")
    assert len(sms.outbox) == 1
    message = sms.outbox[0]
    assert message.phone == "13812345678"
    assert "042917" in message.text
    assert "5 分钟" in message.text
    assert message.params == {"code": "042917"}


def test_console_backend_prints_masked_number_and_code():
    stream = io.StringIO()
    sms.get_backend("leads.sms.ConsoleBackend", stream=stream).send(sms.code_message("13812345678", "731560"))
    printed = stream.getvalue()
    assert "138****5678" in printed
    assert "731560" in printed
    assert "13812345678" not in printed


def test_message_repr_hides_number_and_code():
    shown = repr(sms.code_message("13812345678", "731560"))
    assert "13812345678" not in shown
    assert "731560" not in shown


class FakeBody:
    def __init__(self, code, message="OK"):
        self.code = code
        self.message = message


class FakeResponse:
    def __init__(self, code, message="OK"):
        self.body = FakeBody(code, message)


class FakeClient:
    def __init__(self, answer=None, error=None):
        self.answer = answer or FakeResponse("OK")
        self.error = error
        self.calls = []

    def send_sms_with_options(self, request, runtime):
        self.calls.append((request, runtime))
        if self.error:
            raise self.error
        return self.answer


@pytest.fixture
def aliyun_settings(settings):
    pytest.importorskip("alibabacloud_dysmsapi20170525")
    settings.SMS_ALIYUN_ACCESS_KEY_ID = "test-id"
    settings.SMS_ALIYUN_ACCESS_KEY_SECRET = "test-secret"
    settings.SMS_ALIYUN_SIGN_NAME = "上海居住证助手"
    settings.SMS_ALIYUN_TEMPLATE_CODE = "SMS_000001"
    return settings


def test_aliyun_sends_the_code_as_template_parameter(aliyun_settings):
    client = FakeClient()
    sms.AliyunBackend(client=client).send(sms.code_message("13812345678", "042917"))
    ((request, runtime),) = client.calls
    assert request.phone_numbers == "13812345678"
    assert request.sign_name == "上海居住证助手"
    assert request.template_code == "SMS_000001"
    assert json.loads(request.template_param) == {"code": "042917"}
    assert runtime.autoretry is False
    assert runtime.connect_timeout <= 3000 and runtime.read_timeout <= 5000


def test_aliyun_refusal_becomes_sms_send_error(aliyun_settings):
    client = FakeClient(answer=FakeResponse("isv.BUSINESS_LIMIT_CONTROL", "触发分钟级流控"))
    with pytest.raises(sms.SmsSendError) as excinfo:
        sms.AliyunBackend(client=client).send(sms.code_message("13812345678", "042917"))
    assert "isv.BUSINESS_LIMIT_CONTROL" in str(excinfo.value)


def test_aliyun_transport_error_becomes_sms_send_error_without_the_number(aliyun_settings):
    client = FakeClient(error=ConnectionError("POST https://x/?PhoneNumbers=13812345678 failed"))
    with pytest.raises(sms.SmsSendError) as excinfo:
        sms.AliyunBackend(client=client).send(sms.code_message("13812345678", "042917"))
    assert "13812345678" not in str(excinfo.value)
    assert excinfo.value.__cause__ is None
    assert excinfo.value.__suppress_context__


# The SDK itself calls datetime.utcnow(), deprecated since Python 3.12.
@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_aliyun_unreachable_provider_fails_fast_with_the_real_sdk(aliyun_settings):
    # Nothing listens on port 1 of the loopback: the real SDK must give up at once, not hang a worker.
    aliyun_settings.SMS_ALIYUN_ENDPOINT = "127.0.0.1:1"
    started = time.monotonic()
    with pytest.raises(sms.SmsSendError):
        sms.AliyunBackend().send(sms.code_message("13812345678", "042917"))
    assert time.monotonic() - started < 10


def test_aliyun_without_the_sdk_installed_is_a_send_error(settings, monkeypatch):
    monkeypatch.setitem(sys.modules, "alibabacloud_dysmsapi20170525", None)
    with pytest.raises(sms.SmsSendError) as excinfo:
        sms.AliyunBackend().send(sms.code_message("13812345678", "042917"))
    assert "requirements-aliyun.txt" in str(excinfo.value)
