"""Load the staff groups and the demo's staff users."""

from django.contrib.auth.models import Group

from backend.account.models import User
from backend.account.staff import staff_groups_sync

from .common import LoadContext
from .report import DemoLogin
from .validate import Catalog


def _group_codes() -> dict[str, set[str]]:
    return {
        group.name: {permission.codename for permission in group.permissions.all()}
        for group in Group.objects.prefetch_related("permissions")
    }


def staff_load(catalog: Catalog, context: LoadContext) -> None:
    """Sync the staff groups; create the demo users and put them in groups."""
    before = _group_codes()
    groups = staff_groups_sync()
    after = _group_codes()
    for name in groups:
        if before.get(name) != after.get(name):
            context.report.record(
                "staff groups", created=name not in before, updated=name in before
            )
    for entry in catalog.users:
        email = entry["email"].lower()
        user = User.objects.filter(email=email).first()
        if user is None:
            # The password is set once: a changed one is never reset by a rerun.
            user = User.objects.create_user(
                email,
                entry["password"],
                first_name=entry.get("first_name", ""),
                last_name=entry.get("last_name", ""),
                is_staff=True,
                is_superuser=entry["superuser"],
            )
            context.report.record("users", created=True)
        elif not user.is_staff or user.is_superuser != entry["superuser"]:
            user.is_staff = True
            user.is_superuser = entry["superuser"]
            user.save(update_fields=["is_staff", "is_superuser"])
            context.report.record("users", updated=True)
        held = set(user.groups.values_list("name", flat=True))
        missing = [groups[name] for name in entry.get("groups", []) if name not in held]
        if missing:
            user.groups.add(*missing)
            context.report.created["group memberships"] += len(missing)
        role = "superuser" if entry["superuser"] else ", ".join(entry.get("groups", []))
        context.report.logins.append(
            DemoLogin(email=email, password=entry["password"], role=role)
        )
