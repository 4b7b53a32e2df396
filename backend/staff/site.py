"""The admin site: Django's, with the old password checked like a login.

The admin's login already goes through authenticate() and so through the
throttle (backends.py). Django's password change page checks the old
password with user.check_password() instead, which would let someone at
an unattended staff session guess it without limit; here it goes through
authenticate() too, with the request, so the guesses share the throttle.
"""

from django.contrib import admin
from django.contrib.admin.forms import AdminPasswordChangeForm
from django.contrib.auth import authenticate
from django.contrib.auth.views import PasswordChangeView
from django.core.exceptions import ValidationError
from django.urls import reverse


class ThrottledPasswordChangeForm(AdminPasswordChangeForm):
    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)

    def clean_old_password(self):
        old_password = self.cleaned_data["old_password"]
        # Raises LoginAttemptDelayed, shown on the field, while a wait runs.
        confirmed = authenticate(
            self.request, email=self.user.get_username(), password=old_password
        )
        if confirmed is None or confirmed.pk != self.user.pk:
            raise ValidationError(
                self.error_messages["password_incorrect"], code="password_incorrect"
            )
        return old_password


class _PasswordChangeView(PasswordChangeView):
    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}


class LumbarAdminSite(admin.AdminSite):
    def password_change(self, request, extra_context=None):
        """Show and check the change password form, throttled."""
        defaults = {
            "form_class": ThrottledPasswordChangeForm,
            "success_url": reverse("admin:password_change_done", current_app=self.name),
            "extra_context": {**self.each_context(request), **(extra_context or {})},
        }
        if self.password_change_template is not None:
            defaults["template_name"] = self.password_change_template
        request.current_app = self.name
        return _PasswordChangeView.as_view(**defaults)(request)
