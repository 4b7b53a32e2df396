"""A module fixture's writes to the demo (tests/fixtures/demo.py)."""

import pytest
from django.contrib.auth.models import Group
from django.db import IntegrityError, transaction

from tests.fixtures.demo import module_store_writes

MISSING_PERMISSION = 2**31 - 1


def test_a_dangling_key_written_by_a_module_fixture_is_refused_at_its_end(
    db, django_db_blocker
):
    group = Group.objects.create(name="Packers")
    link = Group.permissions.through

    with pytest.raises(IntegrityError), transaction.atomic():
        with module_store_writes(django_db_blocker):
            link.objects.create(group=group, permission_id=MISSING_PERMISSION)

    assert not link.objects.filter(group=group).exists()


def test_a_module_fixtures_rows_stay_written(db, django_db_blocker):
    with module_store_writes(django_db_blocker):
        Group.objects.create(name="Packers")

    assert Group.objects.filter(name="Packers").exists()
