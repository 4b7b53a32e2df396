"""The authentication backend: Django's password check behind the throttle.

Every door that checks a password calls django.contrib.auth.authenticate():
the store's login page and tokenCreate (services.user_authenticate), the
admin's login (and so /ops/, which signs in there), and the old password of
a password change. Throttling here rather than in each door means a door
added later (another form, another API) is throttled without knowing it,
and failures at one door delay the others for the same IP and email.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend

from .throttling import (
    client_ip,
    login_attempt_check,
    login_failure_record,
    login_success_record,
)


class ThrottledModelBackend(ModelBackend):
    """Check email and password unless the wait after failures still runs.

    Raises throttling.LoginAttemptDelayed (a ValidationError) while it runs,
    whether or not the password is right.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        email = username or kwargs.get(get_user_model().USERNAME_FIELD)
        if not email or password is None:
            return None
        ip = client_ip(request)
        login_attempt_check(ip=ip, email=email)
        user = super().authenticate(request, username=email, password=password)
        if user is None:
            login_failure_record(ip=ip, email=email)
        else:
            login_success_record(ip=ip, email=email)
        return user
