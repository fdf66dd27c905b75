"""Production settings: secure by default, and loud when something required is missing."""

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
