"""The test payment gateway is on for development and off in production."""

import os
import subprocess
import sys

import pytest
from django.conf import settings

PRINT_SETTING = (
    "import django, os; os.environ.setdefault('DJANGO_SETTINGS_MODULE', "
    "'backend.settings'); django.setup(); from django.conf import settings; "
    "print(settings.PAYMENT_TEST_GATEWAY_ENABLED)"
)


def _setting_with(**overrides: str) -> str:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DEBUG", "SECRET_KEY", "PAYMENT_TEST_GATEWAY_ENABLED"}
    }
    env.update(overrides)
    result = subprocess.run(
        [sys.executable, "-c", PRINT_SETTING],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


@pytest.mark.parametrize(
    ("environment", "expected"),
    [
        ({}, "True"),
        ({"DEBUG": "true", "SECRET_KEY": "a-real-production-key"}, "True"),
        ({"DEBUG": "false", "SECRET_KEY": "a-real-production-key"}, "False"),
        (
            {
                "DEBUG": "false",
                "SECRET_KEY": "a-real-production-key",
                "PAYMENT_TEST_GATEWAY_ENABLED": "true",
            },
            "True",
        ),
    ],
    ids=["development", "debug", "production", "production-explicitly-enabled"],
)
def test_test_gateway_is_refused_in_production_unless_enabled(environment, expected):
    assert _setting_with(**environment) == expected
