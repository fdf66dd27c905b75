"""axe-core, run in Chromium on each kind of page, finds no serious or critical violation."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from .pages import PAGES_TO_CHECK

BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def axe() -> Axe:
    return Axe()


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            target = " ".join(str(part) for part in node["target"])
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"    {target} — {summary}")
    return "\n".join(lines)


@pytest.mark.parametrize(("url", "status"), PAGES_TO_CHECK.values(), ids=PAGES_TO_CHECK.keys())
def test_page_has_no_serious_accessibility_violation(page, archive, axe, url, status):
    response = page.goto(url)
    assert response.status == status, f"{url} answered {response.status}"
    violations = axe.run(page).response["violations"]
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, f"axe finds on {url}:\n{describe(blocking)}"
