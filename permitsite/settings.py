"""Settings for 上海居住证助手. Every environment variable Django reads is in this file; gunicorn.conf.py
also reads PORT and FORWARDED_ALLOW_IPS, and alone reads GUNICORN_*.

See README.md ("Configuration") for the table of variables and their defaults.
"""

import datetime
import os
from pathlib import Path

from django.utils.csp import CSP

from permitsite import logs
from permitsite.client_ip import trusted_proxies
from permitsite.envconfig import (
    admin_path,
    cache_config,
    database_config,
    envbool,
    envint,
    envlist,
    secret_key,
    var_dir,
)

env = os.environ
BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = var_dir(env, BASE_DIR / "var")

DEBUG = envbool(env, "DJANGO_DEBUG", False)
SECRET_KEY = secret_key(env, VAR_DIR)
ALLOWED_HOSTS = envlist(env, "DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
HTTPS = envbool(env, "DJANGO_HTTPS", False)
ADMIN_URL = admin_path(env.get("DJANGO_ADMIN_URL"))
REDIS_URL = env.get("REDIS_URL", "").strip() or None
# Who runs the site and how people reach them about their data (shown on /privacy/).
SITE_OPERATOR = env.get("SITE_OPERATOR", "上海居住证助手运营团队")
PRIVACY_CONTACT_EMAIL = env.get("PRIVACY_CONTACT_EMAIL", "")

INSTALLED_APPS = [
    "permitsite.apps.PermitAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "crispy_forms",
    "permitsite.apps.LoginProtectionConfig",  # axes
    "django_otp",
    "permitsite.apps.TotpDevicesConfig",  # django_otp.plugins.otp_totp
    "captcha",
    "permitsite",
    "calculator",
    "renewal",
    "leads",
    "settle",
    "schooling",
    "reminders",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After whitenoise, which answers static files itself with its precompressed copies (docs/decisions.md).
    "django.middleware.gzip.GZipMiddleware",
    "permitsite.middleware.SecurityHeadersMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "permitsite.middleware.OutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "permitsite.urls"
WSGI_APPLICATION = "permitsite.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "permitsite.context_processors.site",
            ],
        },
    },
]

# Django's widget templates, with the common widgets printed in Python (permitsite/form_renderer.py).
FORM_RENDERER = "permitsite.form_renderer.FastWidgets"

DATABASES = {"default": database_config(env.get("DATABASE_URL"), VAR_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": cache_config(REDIS_URL, VAR_DIR),
    # Whole pages and template fragments that every visitor shares (permitsite/shared_pages.py), kept per
    # process under the version stamps of what they show: a deploy or restart starts empty (new templates,
    # code or environment), an editor's change moves a stamp that every process reads (docs/decisions.md).
    "pages": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "pages",
        "OPTIONS": {"MAX_ENTRIES": 500},
    },
}
# The database is the record of every session; the shared cache only speeds reads (permitsite/sessions.py).
SESSION_ENGINE = "permitsite.sessions"
SESSION_COOKIE_AGE = 60 * 60 * 24 * 14

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

# Admin sign-in: password plus a TOTP code from an authenticator app, always (docs/admin.md explains
# enrolment; permitsite/admin_site.py the checks).
OTP_TOTP_ISSUER = "上海居住证助手"
# A device's secret is shown once, by `manage.py enrol_totp` to the person enrolling; the admin never shows
# it again (no key field, no QR page), so a hijacked superuser session cannot copy colleagues' second factors.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
# A staff session ends after a working day without a request to the admin.
STAFF_SESSION_IDLE_TIMEOUT = datetime.timedelta(hours=8)
# Revealing a phone number or exporting leads asks for the code again when the last one is older.
STAFF_CODE_FRESH_FOR = datetime.timedelta(minutes=15)

# Lockout after repeated failures, per (username, client address), and per address across usernames
# (permitsite/lockout.py); counted in the database so it holds across workers and servers. Never
# permanent: it lifts after the cool-off.
AXES_HANDLER = "permitsite.lockout.AddressAwareLockout"
AXES_FAILURE_LIMIT = 5
ADMIN_LOGIN_ADDRESS_FAILURE_LIMIT = 20
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_HTTP_RESPONSE_CODE = 429
AXES_LOCKOUT_TEMPLATE = "429_login.html"
AXES_CLIENT_IP_CALLABLE = "permitsite.client_ip.client_ip"
AXES_SENSITIVE_PARAMETERS = ["password", "otp_token"]

# The proxies allowed to tell us the client's address (gunicorn.conf.py reads the same variable): addresses,
# networks (10.0.0.0/8) or *, read as gunicorn reads them; an entry gunicorn would refuse stops us too.
FORWARDED_ALLOW_IPS = envlist(env, "FORWARDED_ALLOW_IPS", [])
trusted_proxies(tuple(FORWARDED_ALLOW_IPS))

LANGUAGE_CODE = "zh-hans"
# The admin strings Django 6.1 and django-axes leave in English (and one Django words oddly): `make messages`.
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names plus gzip and brotli copies; whitenoise serves them with a one-year immutable cache.
    # permitsite/storage.py adds only a memory of the URLs it has worked out.
    "staticfiles": {"BACKEND": "permitsite.storage.StaticFilesStorage"},
}
WHITENOISE_MAX_AGE = 60 * 60 * 24 * 365

# Our own lean pack in templates/permitsite/ (docs/decisions.md, "One template pack").
CRISPY_ALLOWED_TEMPLATE_PACKS = ("permitsite",)
CRISPY_TEMPLATE_PACK = "permitsite"

# Security headers. The CSP needs no nonce because no template has inline script or style.
SECURE_CSP = {
    "default-src": [CSP.NONE],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF],
    "manifest-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CSRF_FAILURE_VIEW = "permitsite.views.csrf_failure"
MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

if HTTPS:
    # Behind a TLS-terminating proxy that sets X-Forwarded-Proto (docs/deploy.md).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    # Load balancers probe health over plain HTTP inside the network.
    SECURE_REDIRECT_EXEMPT = [r"^ping$", r"^healthz$"]
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    # No `preload` (so Django's security.W021 is silenced): the header's preload token lets anyone submit the
    # domain to the browsers' preload list, which is hard to leave and binds every subdomain of the
    # operator's domain, not only this site. DESIGN.md asks for a year and subdomains.
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# Large enough for every form we have, small enough that a hostile body is refused early.
DATA_UPLOAD_MAX_MEMORY_SIZE = 256 * 1024
# The ruleset admin page edits every indicator, option and band of a ruleset at once (~900 fields).
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2000

PORT = envint(env, "PORT", 8000)

# 在线咨询 (leads/): SMS verification codes and how long leads are kept. See docs/leads.md.
SMS_BACKEND = env.get("SMS_BACKEND", "leads.sms.ConsoleBackend")
SMS_DAILY_BUDGET = envint(env, "SMS_DAILY_BUDGET", 500)
SMS_ALIYUN_ACCESS_KEY_ID = env.get("SMS_ALIYUN_ACCESS_KEY_ID", "")
SMS_ALIYUN_ACCESS_KEY_SECRET = env.get("SMS_ALIYUN_ACCESS_KEY_SECRET", "")
SMS_ALIYUN_SIGN_NAME = env.get("SMS_ALIYUN_SIGN_NAME", "")
SMS_ALIYUN_TEMPLATE_CODE = env.get("SMS_ALIYUN_TEMPLATE_CODE", "")
SMS_ALIYUN_ENDPOINT = env.get("SMS_ALIYUN_ENDPOINT", "dysmsapi.aliyuncs.com")
LEADS_RETENTION_DAYS = envint(env, "LEADS_RETENTION_DAYS", 180)
# 签注短信提醒 (reminders/): the provider's approved template for each reminder.
SMS_ALIYUN_REMINDER_TEMPLATES = {
    kind: env.get(f"SMS_ALIYUN_TEMPLATE_{kind.upper()}", "")
    for kind in ("window_opens", "expiry_near", "grace_ending")
}
# The CAPTCHA is shown 44 px high (a touch-sized row); drawn this large, its 2x copy stays sharp on phones.
CAPTCHA_FONT_SIZE = 30

# The operator and the consultants' inbox (issue 13; README "Configuration", docs/leads.md).
# Who stands behind the site: SITE_OPERATOR (above) is the legal name, as on the business licence. It and a
# contact are shown in every footer, on /about/ and on /privacy/; `manage.py check` refuses a production
# site (DJANGO_HTTPS=1) without them (permitsite.E101, E102).
SITE_OPERATOR_ADDRESS = env.get("SITE_OPERATOR_ADDRESS", "").strip()
SITE_CONTACT_PHONE = env.get("SITE_CONTACT_PHONE", "").strip()
SITE_CONTACT_EMAIL = env.get("SITE_CONTACT_EMAIL", "").strip()
SITE_ICP_RECORD = env.get("SITE_ICP_RECORD", "").strip()  # e.g. 沪ICP备12345678号-1
# The site's public address, for links sent outside a request: the 签注 reminders' stop links and the admin
# links in the lead notices. In production the https address (reminders.E001).
SITE_URL = env.get("SITE_URL", "").strip().rstrip("/") or f"http://127.0.0.1:{PORT}"
# A separate company that calls people back: the consent names it (个人信息保护法 第二十三条).
LEADS_RECIPIENT = env.get("LEADS_RECIPIENT", "").strip()
LEADS_RECIPIENT_CONTACT = env.get("LEADS_RECIPIENT_CONTACT", "").strip()
LEADS_NOTIFY_EMAILS = envlist(env, "LEADS_NOTIFY_EMAILS", [])
LEADS_NOTIFY_WEBHOOK = env.get("LEADS_NOTIFY_WEBHOOK", "").strip()
# Outgoing mail (Django 6.1's MAILERS). Without SMTP_HOST, mails are printed to the server log (development).
SMTP_HOST = env.get("SMTP_HOST", "").strip()
SMTP_PORT = envint(env, "SMTP_PORT", 465)
SMTP_USER = env.get("SMTP_USER", "")
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": SMTP_HOST,
            "port": SMTP_PORT,
            "username": SMTP_USER,
            "password": env.get("SMTP_PASSWORD", ""),
            # 465 is SMTP over TLS (腾讯企业邮、阿里企业邮); 587 and 25 upgrade with STARTTLS.
            "use_ssl": SMTP_PORT == 465,
            "use_tls": SMTP_PORT != 465 and envbool(env, "SMTP_STARTTLS", True),
            "timeout": 10,
        },
    }
    if SMTP_HOST
    else {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
}
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", SMTP_USER or "webmaster@localhost")

# One format and one timezone (TIME_ZONE, with the offset) in every line; permitsite/logs.py.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": logs.FORMAT, "datefmt": logs.DATE_FORMAT}},
    "filters": {
        "refused_body": {"()": "permitsite.logs.RefusedBodyAsOneLine"},
        "tokens_out": {"()": "permitsite.logs.TokensOut"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain", "filters": ["tokens_out"]}
    },
    "loggers": {name: {"filters": ["refused_body"]} for name in logs.REFUSED_BODY_LOGGERS},
    "root": {"handlers": ["console"], "level": "INFO"},
}
