"""The admin app with Lumbar's site (site.py) as admin.site.

Listed in INSTALLED_APPS in place of "django.contrib.admin". Kept apart
from the site so loading the app list imports no models.
"""

from django.contrib.admin.apps import AdminConfig


class LumbarAdminConfig(AdminConfig):
    default_site = "backend.staff.site.LumbarAdminSite"
