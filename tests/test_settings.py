"""Production settings: secure by default, and loud when something required is missing."""

import json
import os
import subprocess
import sys

import pytest

from tests.conftest import PROJECT_DIR

PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.prod",
    "SECRET_KEY": "k" * 20 + "-a-long-random-value-used-only-by-this-test-" + "x" * 10,
    "ALLOWED_HOSTS": "archive.example.org",
    "DATABASE_URL": "postgresql://archive@127.0.0.1:5432/archive",
}


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {k: v for k, v in os.environ.items() if k not in PRODUCTION} | env
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=PROJECT_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_check():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "DATABASE_URL"])
def test_production_refuses_to_start_without_required_settings(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = manage("check", **env)
    assert result.returncode != 0
    assert f"{missing} must be set in the environment for production" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = manage("check", **(PRODUCTION | {"SECRET_KEY": "changeme"}))
    assert result.returncode != 0
    assert "SECRET_KEY must be a long random value" in result.stderr


def production_settings(*names: str, **env: str) -> dict:
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        f"print(json.dumps({{n: getattr(s, n) for n in {list(names)!r}}}, default=str))"
    )
    environment = {k: v for k, v in os.environ.items() if k not in PRODUCTION}
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT_DIR,
        env=environment | PRODUCTION | env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_keeps_database_connections_and_checks_them_before_use():
    (database,) = production_settings("DATABASES")["DATABASES"].values()
    assert database["CONN_MAX_AGE"] == 60
    assert database["CONN_HEALTH_CHECKS"] is True
    (database,) = production_settings("DATABASES", CONN_MAX_AGE="300")["DATABASES"].values()
    assert database["CONN_MAX_AGE"] == 300


def test_production_hsts_is_on_by_default_and_configurable():
    defaults = production_settings("SECURE_HSTS_SECONDS", "SECURE_SSL_REDIRECT", "DEBUG")
    assert defaults == {
        "SECURE_HSTS_SECONDS": 31536000,
        "SECURE_SSL_REDIRECT": True,
        "DEBUG": False,
    }
    changed = production_settings(
        "SECURE_HSTS_SECONDS",
        "SECURE_HSTS_PRELOAD",
        SECURE_HSTS_SECONDS="3600",
        SECURE_HSTS_PRELOAD="0",
    )
    assert changed == {"SECURE_HSTS_SECONDS": 3600, "SECURE_HSTS_PRELOAD": False}
