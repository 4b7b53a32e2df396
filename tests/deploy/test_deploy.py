"""The deployment files are right even though no Docker engine runs here."""

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)
APP_SERVICES = ("migrate", "web", "worker", "beat", "web-2", "worker-2")


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def documented_variables() -> set[str]:
    readme = (ROOT / "README.md").read_text()
    return set(re.findall(r"^\| `([A-Z0-9_]+)`", readme, re.M))


def test_compose_runs_postgres_redis_web_worker_and_beat(compose):
    assert {"postgres", "redis", "web", "worker", "beat"} <= set(compose["services"])


def test_compose_app_services_use_only_variables_the_readme_documents(compose):
    for name in APP_SERVICES:
        environment = compose["services"][name]["environment"]
        assert set(environment) <= documented_variables(), name
        assert {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ALLOWED_HOSTS"} <= set(
            environment
        )


def test_compose_worker_and_beat_run_celery_on_this_project(compose):
    assert compose["services"]["worker"]["command"][:4] == [
        "celery",
        "--app",
        "backend",
        "worker",
    ]
    assert compose["services"]["beat"]["command"][:4] == [
        "celery",
        "--app",
        "backend",
        "beat",
    ]


def test_compose_beat_runs_once_outside_the_scale_profile(compose):
    assert "profiles" not in compose["services"]["beat"]
    assert not any(
        service.get("command", [])[3:4] == ["beat"]
        for name, service in compose["services"].items()
        if name != "beat"
    )


def test_compose_scale_profile_runs_two_web_and_two_worker_containers_behind_nginx(
    compose,
):
    services = compose["services"]
    scale = {name for name, s in services.items() if "scale" in s.get("profiles", [])}

    assert scale == {"web-2", "worker-2", "nginx"}
    # The default web and worker are the first of each; the profile adds twins.
    assert services["web-2"]["command"] == services["web"]["command"]
    assert services["worker-2"]["command"] == services["worker"]["command"]
    assert services["web-2"]["environment"] == services["web"]["environment"]
    assert services["worker-2"]["environment"] == services["worker"]["environment"]
    assert set(services["nginx"]["depends_on"]) == {"web", "web-2"}
    [mount] = services["nginx"]["volumes"]
    assert mount.startswith("./deploy/nginx.conf:")


def test_nginx_balances_over_both_web_containers_and_sets_the_proxy_headers():
    config = (ROOT / "deploy" / "nginx.conf").read_text()
    [upstream] = re.findall(r"upstream (\w+) \{(.*?)\}", config, re.S)
    name, body = upstream

    assert re.findall(r"^\s*server ([\w.-]+:\d+)", body, re.M) == [
        "web:8000",
        "web-2:8000",
    ]
    assert f"proxy_pass http://{name};" in config
    # Django's SECURE_PROXY_SSL_HEADER and the login throttle's client address.
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in config
    assert "proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;" in config
    assert "proxy_set_header Host $host;" in config
    # Never retry a POST (checkout completion) on the other web container.
    assert "non_idempotent" not in config


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def local_environment(**extra) -> dict[str, str]:
    database = connection.settings_dict
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DATABASE_URL=(
            f"postgres://{database['USER']}@{database['HOST'] or '127.0.0.1'}:"
            f"{database['PORT'] or 5432}/{database['NAME']}"
        ),
        SECRET_KEY="compose-web-test-" + "x" * 40,
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_TLS="false",
    )
    env.update(extra)
    return env


@pytest.mark.django_db(transaction=True)
def test_compose_web_command_serves_the_store(compose):
    command = list(compose["services"]["web"]["command"])
    port = free_port()
    command[command.index("--bind") + 1] = f"127.0.0.1:{port}"
    command[command.index("--workers") + 1] = "1"
    command[0] = str(Path(sys.executable).with_name(command[0]))
    process = subprocess.Popen(
        command,
        cwd=ROOT,
        env=local_environment(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        status = None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and status is None:
            try:
                with urllib.request.urlopen(
                    f"http://127.0.0.1:{port}/", timeout=5
                ) as response:
                    status = response.status
            except (ConnectionError, OSError):
                if process.poll() is not None:
                    break
                time.sleep(0.05)
        assert status == 200, (
            process.stderr.read1().decode() if process.poll() else status
        )
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_production_settings_pass_check_deploy():
    env = local_environment(SECURE_TLS="true", DEBUG="false")
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_debug_is_off_unless_asked():
    env = {k: v for k, v in os.environ.items() if k != "DEBUG"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; os.environ.setdefault("
            "'DJANGO_SETTINGS_MODULE', 'backend.settings'); django.setup(); "
            "from django.conf import settings; print(settings.DEBUG)",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.strip() == "False", result.stderr


def test_production_settings_secure_cookies_hsts_and_the_tls_proxy():
    env = local_environment(DEBUG="false")
    env.pop("SECURE_TLS")  # on by default once SECRET_KEY is set
    names = (
        "SESSION_COOKIE_SECURE CSRF_COOKIE_SECURE SESSION_COOKIE_HTTPONLY "
        "SECURE_SSL_REDIRECT SECURE_HSTS_SECONDS SECURE_HSTS_INCLUDE_SUBDOMAINS "
        "SECURE_PROXY_SSL_HEADER SECURE_CONTENT_TYPE_NOSNIFF SECURE_REFERRER_POLICY"
    ).split()
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, os; os.environ.setdefault("
            "'DJANGO_SETTINGS_MODULE', 'backend.settings'); django.setup(); "
            "import json; from django.conf import settings; "
            f"print(json.dumps([getattr(settings, n) for n in {names!r}]))",
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    values = dict(zip(names, json.loads(result.stdout), strict=True))

    assert values == {
        "SESSION_COOKIE_SECURE": True,
        "CSRF_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SECURE_SSL_REDIRECT": True,
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_HSTS_INCLUDE_SUBDOMAINS": True,
        "SECURE_PROXY_SSL_HEADER": ["HTTP_X_FORWARDED_PROTO", "https"],
        "SECURE_CONTENT_TYPE_NOSNIFF": True,
        "SECURE_REFERRER_POLICY": "same-origin",
    }


def settings_in_subprocess(env: dict[str, str], code: str) -> dict:
    """Return what the code prints as JSON, run under settings from env."""
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, json, os; os.environ.setdefault("
            "'DJANGO_SETTINGS_MODULE', 'backend.settings'); django.setup(); "
            "from django.conf import settings; " + code,
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_a_bucket_puts_media_on_s3_compatible_storage_with_absolute_urls():
    env = local_environment(
        AWS_STORAGE_BUCKET_NAME="lumbar-media",
        AWS_S3_ENDPOINT_URL="http://minio:9000",
        AWS_ACCESS_KEY_ID="test-key",
        AWS_SECRET_ACCESS_KEY="test-secret",
    )
    values = settings_in_subprocess(
        env,
        "from django.core.files.storage import default_storage; "
        "from backend.product.thumbnails import image_url; "
        "from django.db.models.fields.files import FieldFile; "
        "from backend.product.models import ProductMedia; "
        "field = ProductMedia._meta.get_field('image'); "
        "file = FieldFile(ProductMedia(), field, 'products/strap.png'); "
        "print(json.dumps([settings.STORAGES['default']['BACKEND'], "
        "settings.MEDIA_URL, settings.SERVE_MEDIA, "
        "default_storage.url('products/strap.png'), image_url(file)]))",
    )

    assert values == [
        "storages.backends.s3.S3Storage",
        "http://minio:9000/lumbar-media/",
        False,
        "http://minio:9000/lumbar-media/products/strap.png",
        "http://minio:9000/lumbar-media/products/strap.png",
    ]


def test_without_a_bucket_media_stays_on_the_filesystem():
    env = local_environment()
    env.pop("AWS_STORAGE_BUCKET_NAME", None)
    values = settings_in_subprocess(
        env,
        "print(json.dumps([settings.STORAGES['default']['BACKEND'], "
        "settings.MEDIA_URL]))",
    )

    assert values == ["django.core.files.storage.FileSystemStorage", "/media/"]


def test_a_replica_url_configures_the_replica_connection():
    env = local_environment(
        DATABASE_URL_REPLICA="postgres://reader@replica.internal:5432/lumbar"
    )
    values = settings_in_subprocess(
        env,
        "r = settings.DATABASES['replica']; print(json.dumps([r['HOST'], "
        "r['USER'], settings.DATABASE_CONNECTION_REPLICA_NAME, "
        "settings.DATABASE_ROUTERS]))",
    )

    assert values == [
        "replica.internal",
        "reader",
        "replica",
        ["backend.core.db_router.PrimaryReplicaRouter"],
    ]


def test_without_a_replica_url_reads_use_the_primary():
    env = local_environment()
    env.pop("DATABASE_URL_REPLICA", None)
    values = settings_in_subprocess(
        env,
        "print(json.dumps([settings.DATABASE_CONNECTION_REPLICA_NAME, "
        "settings.DATABASES['replica']['NAME'] == "
        "settings.DATABASES['default']['NAME']]))",
    )

    assert values == ["default", True]
