"""Lumbar settings: everything from the environment, safe defaults.

PostgreSQL is the only database: DATABASE_URL names it (``make run`` starts
an embedded one and sets it; see scripts/run_demo.py). Without REDIS_URL
Lumbar runs Celery tasks eagerly and caches in local memory; without EMAIL_HOST
it prints email to the console. Production and tests set DATABASE_URL,
REDIS_URL, SECRET_KEY, ALLOWED_HOSTS and the EMAIL_* variables.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DEBUG", False)
_DEV_SECRET = "lumbar-insecure-development-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET)
if not DEBUG and SECRET_KEY == _DEV_SECRET and env_bool("REQUIRE_SECRET_KEY", False):
    raise ImproperlyConfigured("SECRET_KEY must be set in production.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,testserver")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# The public address of the site: JWT issuer and absolute media URLs. By
# default the address runserver serves (make run's HOST and PORT).
PUBLIC_URL = os.environ.get(
    "PUBLIC_URL",
    f"http://{os.environ.get('HOST') or '127.0.0.1'}:{os.environ.get('PORT') or 8000}",
).rstrip("/")

INSTALLED_APPS = [
    # Django's admin with Lumbar's site (throttled password change).
    "backend.staff.admin_config.LumbarAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # Before staticfiles: its runserver (no 40 ms stall on kept-alive
    # connections) extends staticfiles' own.
    "backend.core",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "corsheaders",
    "django_countries",
    "django_prices",
    "mptt",
    "graphene_django",
    "backend.account",
    "backend.channel",
    "backend.attribute",
    "backend.product",
    "backend.warehouse",
    "backend.shipping",
    "backend.discount",
    "backend.checkout",
    "backend.order",
    "backend.payment",
    "backend.page",
    "backend.menu",
    "backend.demo",
    "backend.staff",
    "backend.graphql",
    "backend.storefront",
    "backend.ops",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "backend.core.security.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Answers /graphql/'s CORS preflight before any view (CORS_* below).
    "corsheaders.middleware.CorsMiddleware",
    # A cached storefront page for a reader without a session, before any
    # middleware reads the session or the database (backend.storefront.fast_pages).
    "backend.storefront.fast_pages.CachedPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]
# bench/serve.py only: count each request's SQL queries into a response header.
BENCH = env_bool("BENCH", False)
if BENCH:
    MIDDLEWARE.insert(0, "backend.core.bench.QueryCountMiddleware")

ROOT_URLCONF = "backend.urls"
WSGI_APPLICATION = "backend.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "storefront_templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "backend.storefront.context_processors.storefront",
            ],
        },
    }
]

# Unset, Django's dummy engine stands in, so commands that need no database
# (check, collectstatic, makemigrations) still run; manage.py refuses the
# others in one line asking for DATABASE_URL or `make run`.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL, conn_max_age=60, conn_health_checks=True
    )
    if DATABASE_URL
    else {"ENGINE": "django.db.backends.dummy"}
}
if DATABASE_URL and DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql":
    raise ImproperlyConfigured("DATABASE_URL must name a PostgreSQL database.")
# Storefront catalog reads may go to a PostgreSQL read replica
# (backend/core/db_router.py). Unset, the "replica" alias is a copy of the
# primary that nothing reads from: every query stays on "default".
DATABASE_URL_REPLICA = os.environ.get("DATABASE_URL_REPLICA", "")
DATABASES["replica"] = (
    dj_database_url.parse(
        DATABASE_URL_REPLICA, conn_max_age=60, conn_health_checks=True
    )
    if DATABASE_URL_REPLICA
    else dict(DATABASES["default"])
)
DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
DATABASE_CONNECTION_REPLICA_NAME = "replica" if DATABASE_URL_REPLICA else "default"
DATABASE_ROUTERS = ["backend.core.db_router.PrimaryReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# The longest one SQL statement may run, in ms (0: no limit). The web
# servers' entry points (backend/wsgi.py, asgi.py) default it to 2000: with
# the API's limits it bounds what one request keeps a worker busy, and a
# cancelled statement ends a GraphQL query with a QueryTimeout error.
# Management commands, Celery workers and tests run without it: nobody waits
# on them, and a migration on a large table may rightly run for minutes.
# An explicit options parameter makes libpq ignore PGOPTIONS, so the
# environment's settings come first in it.
DATABASE_STATEMENT_TIMEOUT_MS = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT_MS", 0))
# psycopg prepares a statement only with a threshold set (Django sets none,
# for connection poolers). This one no query reaches: only the cursor that
# asks for it (backend.core.compiled_sql, SQL compiled once per process)
# prepares; Django's cursors bind on the client and never do. Behind a
# pooler that cannot keep prepared statements (PgBouncer in transaction
# mode before 1.21), set DATABASE_PREPARED_STATEMENTS=false.
DATABASE_PREPARED_STATEMENTS = env_bool("DATABASE_PREPARED_STATEMENTS", True)
for _database in (DATABASES["default"], DATABASES["replica"]):
    _timeout = f"-c statement_timeout={DATABASE_STATEMENT_TIMEOUT_MS}"
    _options = _database.get("OPTIONS", {})
    if (
        DATABASE_PREPARED_STATEMENTS
        and _database["ENGINE"] == "django.db.backends.postgresql"
    ):
        _options.setdefault("prepare_threshold", 2**31)
        _database["OPTIONS"] = _options
    if (
        DATABASE_STATEMENT_TIMEOUT_MS
        and _database["ENGINE"] == "django.db.backends.postgresql"
        and _timeout not in _options.get("options", "")
    ):
        _options["options"] = " ".join(
            filter(
                None, [_options.get("options") or os.environ.get("PGOPTIONS"), _timeout]
            )
        )
        _database["OPTIONS"] = _options

AUTH_USER_MODEL = "account.User"
# Django's check behind the failed-login throttle: every door that calls
# authenticate() (store, API, admin, /ops/) shares one count per IP and email.
AUTHENTICATION_BACKENDS = ["backend.account.backends.ThrottledModelBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {
        "NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"  # noqa: E501
    },
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "/admin/login/"
# Sessions live in the database, so any web process serves any shopper.
SESSION_ENGINE = "django.contrib.sessions.backends.db"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            # A Redis outage reads as a cache miss (backend/core/cache.py).
            "BACKEND": "backend.core.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "lumbar"),
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

CELERY_BROKER_URL = os.environ.get("CELERY_BROKER_URL", REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TIMEZONE = "UTC"
# docker-compose runs beat; every task here is safe to run twice at once.
CELERY_BEAT_SCHEDULE = {
    "alert-orders-at-risk": {
        "task": "order.alert_orders_at_risk",
        "schedule": 5 * 60,
    },
    "delete-stale-checkouts": {
        "task": "checkout.delete_stale_checkouts",
        "schedule": 60 * 60,
    },
    "delete-expired-reservations": {
        "task": "checkout.delete_expired_reservations",
        "schedule": 5 * 60,
    },
    "send-unsent-confirmations": {
        "task": "order.send_unsent_confirmations",
        "schedule": 60,
    },
    "send-restock-alerts": {
        "task": "warehouse.send_restock_alerts",
        "schedule": 5 * 60,
    },
    "reconcile-stripe-transactions": {
        "task": "payment.reconcile_stripe_transactions",
        "schedule": 10 * 60,
    },
}

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if os.environ.get("EMAIL_HOST")
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Lumbar <shop@example.com>")

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Media (uploads, thumbnails) on S3 or an S3-compatible store (MinIO, R2...)
# through django-storages when a bucket is named, so web processes share
# them; otherwise files under MEDIA_ROOT (one machine, or a shared volume).
AWS_STORAGE_BUCKET_NAME = os.environ.get("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_LOCATION = os.environ.get("AWS_LOCATION", "")
    # Public-read media under stable URLs (no signed, expiring query strings),
    # so cached pages keep working image links.
    AWS_QUERYSTRING_AUTH = env_bool("AWS_QUERYSTRING_AUTH", False)
    AWS_DEFAULT_ACL = os.environ.get("AWS_DEFAULT_ACL") or None
    AWS_S3_FILE_OVERWRITE = False
    MEDIA_STORAGE_BACKEND = "storages.backends.s3.S3Storage"
    if AWS_S3_CUSTOM_DOMAIN:
        MEDIA_URL = f"https://{AWS_S3_CUSTOM_DOMAIN}/"
    elif AWS_S3_ENDPOINT_URL:
        MEDIA_URL = f"{AWS_S3_ENDPOINT_URL.rstrip('/')}/{AWS_STORAGE_BUCKET_NAME}/"
    else:
        MEDIA_URL = f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com/"
    if AWS_LOCATION:
        MEDIA_URL += AWS_LOCATION.strip("/") + "/"
else:
    MEDIA_STORAGE_BACKEND = "django.core.files.storage.FileSystemStorage"
STORAGES = {
    "default": {"BACKEND": MEDIA_STORAGE_BACKEND},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
SERVE_MEDIA = env_bool("SERVE_MEDIA", not AWS_STORAGE_BUCKET_NAME)

# Where the demo catalog lives and which channel the storefront shows.
CONTENT_DIR = Path(os.environ.get("CONTENT_DIR", BASE_DIR / "content"))
DEFAULT_CHANNEL_SLUG = os.environ.get("DEFAULT_CHANNEL_SLUG", "default-channel")
# The operations team's clock: the ship-by queue's "today" and "tomorrow", and
# every time the ops pages and staff emails show. Empty: the main warehouse's.
OPERATIONS_TIME_ZONE = os.environ.get("OPERATIONS_TIME_ZONE", "")
# The collection the home page features (falls back to the first published).
FEATURED_COLLECTION_SLUG = os.environ.get(
    "FEATURED_COLLECTION_SLUG", "featured-products"
)

GRAPHENE = {
    "SCHEMA": "backend.graphql.api.schema",
    "SCHEMA_OUTPUT": "backend/graphql/schema.graphql",
}
GRAPHQL_MAX_PAGE_SIZE = 100
# What one API request may ask; see backend/graphql/core/limits.py.
GRAPHQL_QUERY_MAX_COMPLEXITY = int(
    os.environ.get("GRAPHQL_QUERY_MAX_COMPLEXITY", 50000)
)
GRAPHQL_MAX_QUERY_DEPTH = int(os.environ.get("GRAPHQL_MAX_QUERY_DEPTH", 20))
GRAPHQL_ALIAS_COUNT_LIMIT = int(os.environ.get("GRAPHQL_ALIAS_COUNT_LIMIT", 100))
GRAPHQL_MUTATION_COUNT_LIMIT = int(os.environ.get("GRAPHQL_MUTATION_COUNT_LIMIT", 10))
GRAPHQL_MAX_QUERY_BYTES = int(os.environ.get("GRAPHQL_MAX_QUERY_BYTES", 65536))
# Saleor's dashboard's longest operation, with its fragments, is 1,221 tokens.
GRAPHQL_MAX_QUERY_TOKENS = int(os.environ.get("GRAPHQL_MAX_QUERY_TOKENS", 3000))
# A query that has spent this many ms of CPU time executing is stopped
# (0: never); see backend/graphql/core/deadline.py.
GRAPHQL_QUERY_CPU_LIMIT_MS = int(os.environ.get("GRAPHQL_QUERY_CPU_LIMIT_MS", 1500))
# Answer anonymous catalog queries from Redis (backend/graphql/core/response_cache.py).
GRAPHQL_RESPONSE_CACHE = env_bool("GRAPHQL_RESPONSE_CACHE", True)

# Security: secure by default behind TLS; plain HTTP only when asked.
SECURE_TLS = env_bool("SECURE_TLS", not DEBUG and bool(os.environ.get("SECRET_KEY")))
SESSION_COOKIE_SECURE = SECURE_TLS
CSRF_COOKIE_SECURE = SECURE_TLS
SECURE_SSL_REDIRECT = SECURE_TLS and env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(
    os.environ.get("SECURE_HSTS_SECONDS", 31536000 if SECURE_TLS else 0)
)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_TLS
SECURE_HSTS_PRELOAD = SECURE_TLS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
DEFAULT_CURRENCY_CODE_LENGTH = 3


def env_minutes(name: str) -> int | None:
    """Minutes from the environment; unset or empty means off (None)."""
    value = os.environ.get(name, "").strip()
    return int(value) if value else None


# Saleor's shop settings reserveStockDuration*: minutes a checkout line holds
# its stock, or None (Saleor's default) for no reservations.
RESERVE_STOCK_DURATION_ANONYMOUS_USER = env_minutes(
    "RESERVE_STOCK_DURATION_ANONYMOUS_USER"
)
RESERVE_STOCK_DURATION_AUTHENTICATED_USER = env_minutes(
    "RESERVE_STOCK_DURATION_AUTHENTICATED_USER"
)

# The test payment gateway takes fake tokens; production refuses it unless asked.
PAYMENT_TEST_GATEWAY_ENABLED = env_bool(
    "PAYMENT_TEST_GATEWAY_ENABLED", DEBUG or not os.environ.get("SECRET_KEY")
)

# Stripe (backend/payment/gateways/stripe.py): offered when both keys are set.
# STRIPE_API_BASE points the SDK at another server (localstripe in tests).
STRIPE_SECRET_KEY = os.environ.get("STRIPE_SECRET_KEY", "")
STRIPE_PUBLISHABLE_KEY = os.environ.get("STRIPE_PUBLISHABLE_KEY", "")
STRIPE_WEBHOOK_SECRET = os.environ.get("STRIPE_WEBHOOK_SECRET", "")
STRIPE_API_BASE = os.environ.get("STRIPE_API_BASE", "")

# The API's JWTs (signed with SECRET_KEY; issuer is PUBLIC_URL + /graphql/).
JWT_ACCESS_TTL = timedelta(seconds=int(os.environ.get("JWT_ACCESS_TTL_SECONDS", 300)))
JWT_REFRESH_TTL = timedelta(
    seconds=int(os.environ.get("JWT_REFRESH_TTL_SECONDS", 30 * 24 * 3600))
)
# Hosts an emailed link (a client's redirectUrl) may point at, as Saleor's
# setting: host names, any port; ".example.com" allows its subdomains too.
# PUBLIC_URL's host is always allowed. Unset, the hosts this site answers
# (ALLOWED_HOSTS); set it to add a headless storefront's or to narrow it.
ALLOWED_CLIENT_HOSTS = env_list("ALLOWED_CLIENT_HOSTS", ",".join(ALLOWED_HOSTS))
# Browser origins that may call /graphql/ (Saleor's dashboard or a storefront
# on its own origin), as Saleor's setting of the same name: full origins
# ("https://dashboard.example.com"), or "*" for any. Unset, none: pages on
# this site's own origin need no CORS. Only /graphql/ answers CORS, and it
# reads bearer tokens, never cookies, so credentials carry no session.
ALLOWED_GRAPHQL_ORIGINS = env_list("ALLOWED_GRAPHQL_ORIGINS", "")
CORS_URLS_REGEX = r"^/graphql/?$"
CORS_ALLOW_ALL_ORIGINS = "*" in ALLOWED_GRAPHQL_ORIGINS
CORS_ALLOWED_ORIGINS = [o for o in ALLOWED_GRAPHQL_ORIGINS if o != "*"]
# The dashboard fetches with credentials: "include".
CORS_ALLOW_CREDENTIALS = True
CORS_ALLOW_METHODS = ("GET", "POST", "OPTIONS")
# corsheaders' defaults plus the dashboard's token and tracing headers.
CORS_ALLOW_HEADERS = (
    "accept",
    "authorization",
    "authorization-bearer",
    "content-type",
    "origin",
    "source-service-name",
    "user-agent",
    "x-requested-with",
)
CORS_PREFLIGHT_MAX_AGE = 24 * 3600
# Proxies in front of the app that append to X-Forwarded-For (nginx: 1);
# login throttling keys on the address the outermost of them saw.
LOGIN_TRUSTED_PROXY_COUNT = int(os.environ.get("LOGIN_TRUSTED_PROXY_COUNT", 0))
# How long a password reset request blocks another for the same account.
PASSWORD_RESET_INTERVAL = timedelta(
    seconds=int(os.environ.get("PASSWORD_RESET_INTERVAL_SECONDS", 60))
)
