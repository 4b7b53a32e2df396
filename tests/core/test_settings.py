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
