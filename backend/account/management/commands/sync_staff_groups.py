from django.core.management.base import BaseCommand

from backend.account.staff import staff_groups_sync


class Command(BaseCommand):
    help = "Create or update the staff groups and their Saleor permission codes."

    def handle(self, *args, **options):
        groups = staff_groups_sync()
        for name, group in groups.items():
            codes = sorted(
                code.upper()
                for code in group.permissions.values_list("codename", flat=True)
            )
            self.stdout.write(f"{name}: {', '.join(codes)}")
