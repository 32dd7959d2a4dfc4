"""Settings of the Mekendeshter portal.

Every value that differs between machines is read here, from the environment (or an optional
`.env` file beside manage.py), with a safe development default: with nothing set the site runs
in development mode on SQLite, a local-memory cache, console email and eager Celery tasks.
"""

from pathlib import Path
from urllib.parse import urlsplit

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# --- Core -----------------------------------------------------------------------------------

DEBUG = env.bool("DJANGO_DEBUG", default=True)

_DEV_SECRET_KEY = "django-insecure-development-only-key"
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default=_DEV_SECRET_KEY if DEBUG else "")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])

if not DEBUG:
    # Production must be configured on purpose: no fallback secret, no open host list.
    if not SECRET_KEY or SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 50:
        raise ImproperlyConfigured("Set DJANGO_SECRET_KEY to a random string of 50+ characters.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("Set DJANGO_ALLOWED_HOSTS to the site's host names.")

INSTALLED_APPS = [
    # modeltranslation must come before the admin so that its admin classes win.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Full-text search fields and lookups (mekendeshter.core.search); inert on SQLite.
    "django.contrib.postgres",
    "django.forms",
    "django_countries",
    # Staff imports and exports of spreadsheets (mekendeshter.core.imports).
    "import_export",
    "adminsortable2",
    "reversion",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.google",
    "allauth.socialaccount.providers.facebook",
    "allauth.socialaccount.providers.vk",
    "allauth.socialaccount.providers.odnoklassniki",
    "allauth.socialaccount.providers.mailru",
    "allauth.socialaccount.providers.telegram",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
    "django_prose_editor",
    "mekendeshter.core",
    "mekendeshter",
    "forum",
    "news",
    "diaspora",
]

MIDDLEWARE = [
    # Pages, the manifest and the worker are sent compressed (a programme page: 15 KB, 4 KB
    # gzipped; what a phone on a thin connection waits for first). Outermost, so that it compresses
    # the final body, pages from the page cache too. Django's, not nginx's gzip: it pads each
    # answer by a random length, which defeats BREACH against the secrets a page carries (CSRF
    # token, a ticket's code). Static files are compressed once by collectstatic and sent by nginx
    # (gzip_static); a compressed file WhiteNoise sends carries its Content-Encoding and is left be.
    "django.middleware.gzip.GZipMiddleware",
    # Next, so that every response gets their headers: static files (WhiteNoise answers
    # before the middleware below it runs), the 400 for a bad Host, the language redirect of `/`.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A language chosen with the switcher is remembered for `/` (a cookie, on that answer only).
    "mekendeshter.core.pagecache.LanguageChoiceMiddleware",
    # Anonymous pages from the shared cache, before the session, CSRF and messages middleware that
    # a kept page does not need (and whose cookies it must see before keeping a page).
    "mekendeshter.core.pagecache.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # What a signed-in person sees is kept by no cache (Cache-Control: private, no-store).
    "mekendeshter.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # Staff must have two-factor authentication before the admin opens.
    "mekendeshter.middleware.StaffTwoFactorMiddleware",
]

ROOT_URLCONF = "mekendeshter.urls"
WSGI_APPLICATION = "mekendeshter.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "mekendeshter.context_processors.site",
            ],
        },
    },
]

# Label, help, widget and errors of every field in the site's markup (`field.as_field_group`).
FORM_RENDERER = "mekendeshter.core.renderers.SiteFormRenderer"

# --- Data -----------------------------------------------------------------------------------

# The embedded default: an SQLite file in var/ (git ignores the folder, so make it here).
if "DATABASE_URL" not in env:
    (BASE_DIR / "var").mkdir(exist_ok=True)
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'db.sqlite3'}")}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=0 if DEBUG else 60)
# A persistent connection is checked before a request reuses it: after a database restart each
# worker reconnects instead of answering one 500 on its dead connection.
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Spreadsheet imports and exports in the admin (mekendeshter.core.imports): importing needs the
# model's "add" permission, exporting its "view" permission (lists hold personal data).
IMPORT_EXPORT_IMPORT_PERMISSION_CODE = "add"
IMPORT_EXPORT_EXPORT_PERMISSION_CODE = "view"

CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://mekendeshter")}
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
    # Django's backend, reusing its Redis client instead of building one per call (core/redis_cache.py).
    CACHES["default"]["BACKEND"] = "mekendeshter.core.redis_cache.RedisCache"
# Production needs a cache that every app server shares: a per-process cache splits sessions,
# reauthentication and every rate limit between the workers. `mekendeshter.checks` refuses to
# serve (gunicorn, Celery, `manage.py check`) without one, while collectstatic and migrate, which a
# build step may run without the services, still work.
# Sessions are read from the shared cache and written through to the database, so that a cache
# restart or eviction signs nobody out; signing out deletes both copies.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Anonymous pages are kept this long in that cache (and by browsers, nginx or a CDN:
# `Cache-Control: public, max-age`); a staff edit makes them stale at once. 0 turns the page cache
# off, the default in development, where templates change under it.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=0 if DEBUG else 60)

# --- Email ----------------------------------------------------------------------------------

# EMAIL_URL (smtp+tls://user:password@host:587, consolemail://, filemail:///var/mail/site) becomes
# Django 6.1's MAILERS, with the options of its backend (a backend refuses options it does not know,
# and the file backend needs its directory). Production without EMAIL_URL hands mail to a local MTA
# rather than printing it.
_email_url = env.str("EMAIL_URL", default="consolemail://" if DEBUG else "smtp://localhost:25")
_email = env.email_url_config(_email_url)
if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend"):
    _email_options = {
        "host": _email.get("EMAIL_HOST"),
        "port": _email.get("EMAIL_PORT"),
        "username": _email.get("EMAIL_HOST_USER"),
        "password": _email.get("EMAIL_HOST_PASSWORD"),
        "use_tls": _email.get("EMAIL_USE_TLS"),
        "use_ssl": _email.get("EMAIL_USE_SSL"),
        "timeout": 30,
    }
elif _email["EMAIL_BACKEND"].endswith("filebased.EmailBackend"):
    # django-environ drops the path's leading slash (filemail:///tmp/mail gives tmp/mail): read it
    # from the URL itself, so that the URL means the directory it names.
    _email_path = urlsplit(_email_url)
    _email_options = {"file_path": str(BASE_DIR / (_email_path.netloc + _email_path.path))}
else:
    _email_options = {}
MAILERS = {
    "default": {
        "BACKEND": _email["EMAIL_BACKEND"],
        "OPTIONS": {k: v for k, v in _email_options.items() if v},
    }
}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Мекендештер <noreply@mekendeshter.org>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# The site's public address, for every link in mail (confirmation, unsubscribe, registration,
# articles, .ics), which is built outside a request. Production's default is its first host.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000" if DEBUG else f"https://{ALLOWED_HOSTS[0]}").rstrip("/")
# The organizing committee: contact requests go to this address; both are shown on every page.
ORGANIZERS_EMAIL = env.str("ORGANIZERS_EMAIL", default="mekendeshter@roza.kg")
ORGANIZERS_PHONE = env.str("ORGANIZERS_PHONE", default="+996 312 66 35 38")

# --- Background tasks -----------------------------------------------------------------------

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="memory://")
# Without a broker, tasks (mail) would run inside the request, so production refuses to serve
# without one (`mekendeshter.checks`).
# With no broker configured (development, tests) tasks run in the calling process.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default="CELERY_BROKER_URL" not in env)
CELERY_TASK_EAGER_PROPAGATES = True
# One message at a time per worker process: a stopped worker holds back as little as possible.
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Transactional letters (registration, contact, subscription, allauth's): a worker retries one
# that the mail server refuses this many times, waiting MAIL_RETRY_SECONDS, then twice as long
# each time; a letter that still fails is listed for staff in the admin (Failed letters).
MAIL_MAX_RETRIES = env.int("MAIL_MAX_RETRIES", default=5)
MAIL_RETRY_SECONDS = env.int("MAIL_RETRY_SECONDS", default=60)

# --- News, subscriptions and newsletters ----------------------------------------------------

# How long a subscription's confirmation link works, and how often one address may get one.
SUBSCRIPTION_CONFIRM_DAYS = env.int("SUBSCRIPTION_CONFIRM_DAYS", default=7)
SUBSCRIPTION_RESEND_SECONDS = env.int("SUBSCRIPTION_RESEND_SECONDS", default=600)
# Newsletters go out in batches (one Celery task each); an SMTP error is retried a few times.
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=50)
NEWSLETTER_MAX_ATTEMPTS = env.int("NEWSLETTER_MAX_ATTEMPTS", default=5)
NEWSLETTER_RETRY_SECONDS = env.int("NEWSLETTER_RETRY_SECONDS", default=60)

# --- Rate limits ----------------------------------------------------------------------------

# What one client may do per scope: (attempts, period in seconds); past it a page answers 429
# with Retry-After (mekendeshter/core/ratelimit.py). Directory pages (lists and people's entries):
# enough for a person, slow for a scraper walking every page.
RATE_LIMITS = {
    "contact": (5, 3600),
    "register": (20, 3600),
    "propose": (10, 3600),
    "comment": (10, 3600),
    "comment-report": (20, 3600),
    "subscribe": (10, 3600),
    "directory": (env.int("DIRECTORY_RATE_LIMIT", default=60), env.int("DIRECTORY_RATE_PERIOD", default=600)),
    # Site search runs many queries per request; a search that lists people counts as a
    # directory page too (mekendeshter.views.search).
    "search": (120, 600),
}

# --- Languages ------------------------------------------------------------------------------

LANGUAGE_CODE = "ky"
LANGUAGES = [
    ("ky", _("Kyrgyz")),
    ("ru", _("Russian")),
    ("en", _("English")),
]
# locale/ is our own catalogue (makemessages); locale_overrides/ rewords a few of Django's and
# allauth's own strings whose shipped Kyrgyz is curt or uses other terms than the site.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
# Our own date formats: Django's ky formats capitalise months, Kyrgyz writes them in lower case.
FORMAT_MODULE_PATH = ["mekendeshter.core.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Asia/Bishkek"
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_SAMESITE = "Lax"
# A language chosen with the switcher is remembered for a year (mekendeshter.core.pagecache).
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600

MODELTRANSLATION_DEFAULT_LANGUAGE = "ky"
# The admin's language tabs need jQuery UI: ours, not modeltranslation's default CDN (no CDN, CSP).
JQUERY_UI_URL = "vendor/jquery-ui/jquery-ui.min.js"
MODELTRANSLATION_LANGUAGES = ("ky", "ru", "en")
# Where a text is missing in the page's language, show it in the language its reader most
# likely reads next (templates mark such text with its own lang attribute).
MODELTRANSLATION_FALLBACK_LANGUAGES = {
    "default": ("ky", "ru", "en"),
    "ky": ("ru", "en"),
    "ru": ("ky", "en"),
    "en": ("ru", "ky"),
}

# --- Static and media files -----------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = env.str("MEDIA_URL", default="/media/")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
STORAGES = {
    "default": {"BACKEND": env.str("DEFAULT_FILE_STORAGE", default="django.core.files.storage.FileSystemStorage")},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Maps -----------------------------------------------------------------------------------

# OpenStreetMap's tiles; a self-hosted tile server can replace them. Its origin is the one image
# source the Content Security Policy admits besides the site ({s} subdomains as a wildcard).
MAP_TILE_URL = env.str("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
_tiles = urlsplit(MAP_TILE_URL)
MAP_TILE_ORIGIN = f"{_tiles.scheme}://{_tiles.netloc.replace('{s}', '*')}"

# --- Authentication (django-allauth) --------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "me"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_ADAPTER = "mekendeshter.adapters.AccountAdapter"
# Sign-in and password reset find the account whichever spelling of its address is typed;
# sign-up takes as long for a known address as for a new one.
ACCOUNT_FORMS = {
    "login": "mekendeshter.account_forms.LoginForm",
    "signup": "mekendeshter.account_forms.SignupForm",
    "reset_password": "mekendeshter.account_forms.ResetPasswordForm",
}
# Email is the login; no usernames are asked for (allauth fills the username column itself).
ACCOUNT_LOGIN_METHODS = {"email"}
# ...and that username, which the person never chose, is never shown to them.
ACCOUNT_USER_DISPLAY = "mekendeshter.adapters.user_display"
# One password field: a typo is mended with "forgot password", a second field costs everyone.
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
# The mailed reset link signs the person in: their way in when failed sign-ins by others have
# stopped password sign-in to their account (mekendeshter/adapters.py).
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
ACCOUNT_PREVENT_ENUMERATION = True
# Password, email and MFA changes ask for the password (or a code) again.
ACCOUNT_REAUTHENTICATION_REQUIRED = True
# allauth's rate limits stay on with its defaults (failed sign-ins: 5 in 5 minutes per account and
# address, see mekendeshter/adapters.py for the account-wide limit);
# they count in the default cache, a real one everywhere (local memory in development and tests,
# Redis via CACHE_URL in production), never a dummy cache.
# Client IPs for the rate limits: how many proxies in front of the app append to X-Forwarded-For.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("ALLAUTH_TRUSTED_PROXY_COUNT", default=0)

# Social sign-in: the provider's login starts with a POST (a page with a button), never a GET.
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_ADAPTER = "mekendeshter.adapters.SocialAccountAdapter"
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False  # enabled per provider below, only where the email is verified
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_REQUESTS_TIMEOUT = 10


def _social_providers():
    """allauth's SOCIALACCOUNT_PROVIDERS with an app for each provider configured in the environment.

    Only Google and the OpenID Connect provider report whether an email address is verified, so
    only they may sign in to (and connect with) an existing account that has the same email.
    """
    providers = {}
    verified_by_provider = {"EMAIL_AUTHENTICATION": True}
    simple = {
        "google": ("SOCIAL_GOOGLE", {"SCOPE": ["openid", "profile", "email"], **verified_by_provider}),
        "facebook": ("SOCIAL_FACEBOOK", {"METHOD": "oauth2", "SCOPE": ["email", "public_profile"]}),
        "vk": ("SOCIAL_VK", {"SCOPE": ["email"]}),
        "odnoklassniki": ("SOCIAL_ODNOKLASSNIKI", {}),
        "mailru": ("SOCIAL_MAILRU", {}),
        "telegram": ("SOCIAL_TELEGRAM", {}),
    }
    for provider, (prefix, options) in simple.items():
        client_id, secret = env.str(f"{prefix}_CLIENT_ID", default=""), env.str(f"{prefix}_SECRET", default="")
        if client_id and secret:
            app = {"client_id": client_id, "secret": secret}
            if provider == "odnoklassniki":
                app["key"] = env.str("SOCIAL_ODNOKLASSNIKI_KEY", default="")
            providers[provider] = {**options, "APPS": [app]}
    oidc_url = env.str("SOCIAL_OIDC_SERVER_URL", default="")
    oidc_client_id, oidc_secret = (
        env.str("SOCIAL_OIDC_CLIENT_ID", default=""),
        env.str("SOCIAL_OIDC_SECRET", default=""),
    )
    if oidc_url and oidc_client_id:
        providers["openid_connect"] = {
            **verified_by_provider,
            "OAUTH_PKCE_ENABLED": True,
            "APPS": [
                {
                    "provider_id": env.str("SOCIAL_OIDC_ID", default="oidc"),
                    "name": env.str("SOCIAL_OIDC_NAME", default="OpenID Connect"),
                    "client_id": oidc_client_id,
                    "secret": oidc_secret,
                    "settings": {"server_url": oidc_url},
                }
            ],
        }
    return providers


SOCIALACCOUNT_PROVIDERS = _social_providers()

# The sign-in form POSTs to our site, which redirects to the provider: browsers check such
# redirects against the CSP's form-action, so the configured providers' origins are allowed there.
SOCIAL_FORM_ACTION_ORIGINS = {
    "google": ["https://accounts.google.com"],
    "facebook": ["https://www.facebook.com"],
    "vk": ["https://id.vk.ru", "https://id.vk.com"],
    "odnoklassniki": ["https://www.odnoklassniki.ru", "https://connect.ok.ru"],
    "mailru": ["https://connect.mail.ru", "https://oauth.mail.ru"],
    "telegram": ["https://oauth.telegram.org"],
}


def social_form_actions(providers):
    origins = []
    for provider, options in providers.items():
        if provider == "openid_connect":
            for app in options["APPS"]:
                url = urlsplit(app["settings"]["server_url"])
                origins.append(f"{url.scheme}://{url.netloc}")
        else:
            origins += SOCIAL_FORM_ACTION_ORIGINS.get(provider, [])
    return origins


# Two-factor authentication: TOTP (with recovery codes) for everyone, required for staff.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Mekendeshter"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Security -------------------------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_HTTPONLY = True
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=not DEBUG)
SECURE_HSTS_SECONDS = 0 if DEBUG else env.int("DJANGO_SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = not DEBUG
SECURE_HSTS_PRELOAD = not DEBUG
if env.bool("DJANGO_BEHIND_PROXY", default=False):
    # Only behind a TLS-terminating proxy that sets this header itself.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    # The hash admits the one <style> element the admin's rich-text editor (Tiptap's base CSS in
    # django-prose-editor 0.28) inserts; update it with that package (tests/e2e/test_news.py checks).
    "style-src": [CSP.SELF, "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"],
    "img-src": [CSP.SELF, "data:", MAP_TILE_ORIGIN],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF, *social_form_actions(SOCIALACCOUNT_PROVIDERS)],
    "frame-ancestors": [CSP.NONE],
}

if not DEBUG and not SECURE_SSL_REDIRECT:
    # Allowed on purpose (a TLS-terminating proxy, or a local production-like run).
    SILENCED_SYSTEM_CHECKS = ["security.W008"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="INFO")},
    # WeasyPrint (badges) reports every layout step at INFO: only its warnings are news.
    "loggers": {"weasyprint": {"level": "WARNING"}},
}
