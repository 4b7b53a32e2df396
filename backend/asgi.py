import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "backend.settings")
# A web request's SQL statement runs at most this long (settings.py).
os.environ.setdefault("DATABASE_STATEMENT_TIMEOUT_MS", "2000")
application = get_asgi_application()
