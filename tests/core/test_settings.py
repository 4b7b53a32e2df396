import os
import subprocess
import sys

from django.conf import settings
from django.contrib.auth import get_user_model

from backend.core.permissions import PermissionEnum


def test_suite_runs_on_postgresql():
    assert settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def test_cache_is_redis():
    assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")


def test_saleor_permission_codes_are_real_permissions(db):
    user = get_user_model().objects.create_user("staff@example.com", "pw-Secret-123")
    from django.contrib.auth.models import Permission

    permission = Permission.objects.get(codename=PermissionEnum.MANAGE_PRODUCTS.value)
    user.user_permissions.add(permission)
    user = get_user_model().objects.get(pk=user.pk)
    assert user.has_perm("core.manage_products")
    assert not user.has_perm("core.manage_orders")


def test_a_web_servers_statement_timeout_keeps_the_environments_pgoptions(
    django_db_setup,
):
    """libpq ignores PGOPTIONS once settings pass their own options."""
    database = settings.DATABASES["default"]
    shown = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup()\n"
            "from django.db import connection\n"
            "with connection.cursor() as cursor:\n"
            "    for name in ('statement_timeout', 'work_mem'):\n"
            "        cursor.execute(f'SHOW {name}')\n"
            "        print(cursor.fetchone()[0])",
        ],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "backend.settings",
            "DATABASE_URL": f"{os.environ['DATABASE_URL'].rsplit('/', 1)[0]}/"
            f"{database['NAME']}",
            "DATABASE_STATEMENT_TIMEOUT_MS": "1500",
            "PGOPTIONS": "-c work_mem=7MB",
        },
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()

    assert shown == ["1500ms", "7MB"]
