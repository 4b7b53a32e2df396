from django.db import migrations


def create_sequence(apps, schema_editor):
    schema_editor.execute("CREATE SEQUENCE IF NOT EXISTS order_order_number_seq")


def drop_sequence(apps, schema_editor):
    schema_editor.execute("DROP SEQUENCE IF EXISTS order_order_number_seq")


class Migration(migrations.Migration):
    dependencies = [
        ("order", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(create_sequence, drop_sequence),
    ]
