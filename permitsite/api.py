"""What every /api/v1 endpoint shares: JSON answers, strict JSON bodies, one date format, JSON 405s.

An endpoint is a plain function wrapped in `@endpoint("GET")` or `@endpoint("POST")`; it raises `ApiError`
for anything the caller got wrong and returns a dict (200) or a `json_response`. No session, no cookie and
no CSRF token: the endpoints read no cookie and store nothing a caller could be tricked into storing. The one
exception is /consult/code/ (`@endpoint("POST", session=True)`): it binds the code to the visitor's session,
so it keeps the CSRF check.
"""

import datetime
import functools
import json
import re

from django.core.exceptions import RequestDataTooBig
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt

DATE_FORMAT = "日期格式应为 YYYY-MM-DD，例如 2026-06-15。"
UNREADABLE_TEXT = "请求正文含有无法识别的字符，请用 UTF-8 编码的文字重新提交。"
DATE_MISSING = "缺少这个参数，请按 YYYY-MM-DD 填写日期。"
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)


class ApiError(Exception):
    """A 4xx answer: `errors` maps a field (or "__all__") to Chinese messages."""

    def __init__(self, errors: dict[str, list[str]], status: int = 400):
        super().__init__(errors)
        self.errors = errors
        self.status = status


def json_response(data, status: int = 200) -> JsonResponse:
    return JsonResponse(data, status=status, safe=False, json_dumps_params={"ensure_ascii": False})


def errors_response(errors: dict[str, list[str]], status: int = 400) -> JsonResponse:
    return json_response({"errors": errors}, status=status)


def endpoint(*methods: str, session: bool = False):
    """Allow only `methods` (GET implies HEAD), answering any other with a JSON 405 and an Allow header;
    turn ApiError into its JSON answer and a returned dict into a 200.

    `session=True` is for an endpoint of our own pages that uses the visitor's session (the SMS code is bound
    to it): Django's CSRF check then stays on, since a cross-site page could otherwise act in the visitor's
    name. The stateless /api/v1 endpoints read no cookie and are exempt."""
    allowed = set(methods) | ({"HEAD"} if "GET" in methods else set())

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            if request.method not in allowed:
                response = errors_response(
                    {"__all__": [f"这个接口只接受 {'、'.join(sorted(methods))} 请求。"]}, status=405
                )
                response["Allow"] = ", ".join(sorted(allowed))
                return response
            try:
                answer = view(request, *args, **kwargs)
            except ApiError as error:
                return errors_response(error.errors, error.status)
            return json_response(answer) if isinstance(answer, dict) else answer

        return wrapper if session else csrf_exempt(wrapper)

    return decorate


def _no_duplicate_keys(pairs):
    keys = [key for key, _ in pairs]
    if any(_LONE_SURROGATE.search(key) for key in keys):
        raise ApiError({"__all__": [UNREADABLE_TEXT]})  # before the key is named in any message
    duplicates = sorted({key for key in keys if keys.count(key) > 1})
    if duplicates:
        raise ApiError({duplicates[0]: ["这一项出现了不止一次，请只提交一次。"]})
    return dict(pairs)


def _no_constant(name):
    raise ValueError(name)  # NaN and Infinity are not JSON


def json_object(request, example: str = '{"age": 30}') -> dict:
    """The request body as a JSON object, strictly: no duplicate keys, no NaN, nothing but an object.
    `example` is the endpoint's own smallest valid body, quoted when something else arrives."""
    try:
        data = json.loads(request.body, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)
    except RequestDataTooBig:
        raise ApiError({"__all__": ["请求正文太大。"]}) from None
    except (ValueError, RecursionError):
        raise ApiError({"__all__": ["请求正文不是有效的 JSON。"]}) from None
    if not isinstance(data, dict):
        raise ApiError({"__all__": [f"请提交一个 JSON 对象，例如 {example}。"]})
    if _has_lone_surrogate(data):
        # JSON may escape half of a UTF-16 pair ("\ud800"): such a string cannot be written as UTF-8, so no
        # message that repeats it could be sent.
        raise ApiError({"__all__": [UNREADABLE_TEXT]})
    return data


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _has_lone_surrogate(data) -> bool:
    waiting = [data]  # not recursive: json.loads accepts nesting deeper than a recursive walk could go
    while waiting:
        value = waiting.pop()
        if isinstance(value, str):
            if _LONE_SURROGATE.search(value):
                return True
        elif isinstance(value, dict):
            waiting.extend(value.keys())
            waiting.extend(value.values())
        elif isinstance(value, list):
            waiting.extend(value)
    return False


def parse_date(value, field: str) -> datetime.date:
    """YYYY-MM-DD and nothing else (no 20260615, no week dates), with a Chinese message naming `field`."""
    match = _ISO_DATE.fullmatch(value) if isinstance(value, str) else None
    if not match:
        raise ApiError({field: [DATE_FORMAT]})
    year, month, day = (int(part) for part in match.groups())
    if year == 0:
        raise ApiError({field: ["没有公元 0 年，请检查年份。"]})
    if not 1 <= month <= 12:
        raise ApiError({field: [f"没有{month}月，请检查日期。"]})
    try:
        return datetime.date(year, month, day)
    except ValueError:
        raise ApiError({field: [f"{year}年{month}月没有{day}日，请检查日期。"]}) from None


def query_date(request, name: str, *, required: bool = False) -> datetime.date | None:
    """?name=YYYY-MM-DD from the query string; None when absent and not required."""
    raw = request.GET.get(name)
    if raw is None or (raw == "" and required):
        if required:
            raise ApiError({name: [DATE_MISSING]})
        return None
    return parse_date(raw, name)
