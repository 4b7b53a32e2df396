"""Migration account 0003 gives every existing user their own JWT key."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("account", "0002_user_jwt_key_and_reset_request")]
AFTER = [("account", "0003_unique_jwt_token_keys")]


@pytest.mark.django_db(transaction=True)
def test_users_sharing_the_0002_key_each_get_their_own():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    OldUser = old_apps.get_model("account", "User")
    for index in range(3):
        OldUser.objects.create(
            email=f"user{index}@example.com", password="!", jwt_token_key="SAMEKEY12345"
        )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    new_apps = executor.loader.project_state(AFTER).apps
    keys = list(
        new_apps.get_model("account", "User").objects.values_list(
            "jwt_token_key", flat=True
        )
    )

    assert len(keys) == 3
    assert len(set(keys)) == 3
    assert "SAMEKEY12345" not in keys
    assert all(len(key) == 12 for key in keys)
