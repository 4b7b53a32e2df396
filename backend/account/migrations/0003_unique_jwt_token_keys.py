"""Give every user their own JWT key.

0002 added ``jwt_token_key`` with a callable default, which Django evaluates
once for the whole table: every existing user got the same key, so one
user's "log out everywhere" revoked nobody else's tokens but also shared a
key with them. Each existing user gets a fresh random key here.
"""

import secrets

from django.db import migrations

# Rows rewritten per UPDATE: a few hundred bytes each, so memory stays small.
BATCH_SIZE = 1000


def _new_key() -> str:
    # Same shape as backend.account.models.new_jwt_token_key (kept here so
    # the migration does not change if that function does).
    return secrets.token_urlsafe(9)[:12]


def give_each_user_a_key(apps, schema_editor):
    User = apps.get_model("account", "User")
    batch = []
    for user in User.objects.only("pk").order_by("pk").iterator(chunk_size=BATCH_SIZE):
        user.jwt_token_key = _new_key()
        batch.append(user)
        if len(batch) >= BATCH_SIZE:
            User.objects.bulk_update(batch, ["jwt_token_key"])
            batch = []
    if batch:
        User.objects.bulk_update(batch, ["jwt_token_key"])


class Migration(migrations.Migration):

    dependencies = [
        ("account", "0002_user_jwt_key_and_reset_request"),
    ]

    operations = [
        migrations.RunPython(give_each_user_a_key, migrations.RunPython.noop),
    ]
