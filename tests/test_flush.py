"""The flush that ends a transactional test (tests/conftest.py)."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from tests.factories import UserFactory


def _flush(**options):
    call_command("flush", verbosity=0, interactive=False, **options)


@pytest.mark.django_db(transaction=True)
def test_a_flush_empties_the_tables_tests_write():
    user = UserFactory()
    Group.objects.create(name="Packers").permissions.add(Permission.objects.first())

    _flush()

    assert not type(user).objects.exists()
    assert not Group.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_a_flush_keeps_the_content_types_and_permissions_migrations_made():
    permissions = set(Permission.objects.values_list("pk", "codename"))
    content_types = set(ContentType.objects.values_list("pk", "model"))

    _flush()

    assert set(Permission.objects.values_list("pk", "codename")) == permissions
    assert set(ContentType.objects.values_list("pk", "model")) == content_types
    assert Permission.objects.filter(codename="manage_orders").exists()


@pytest.mark.django_db(transaction=True)
def test_a_truncating_flush_makes_the_content_types_and_permissions_again():
    codenames = set(Permission.objects.values_list("codename", flat=True))

    _flush(reset_sequences=True)

    assert set(Permission.objects.values_list("codename", flat=True)) == codenames
