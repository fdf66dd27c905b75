"""An editor corrects a paragraph in the admin, in Chromium, under the site's
Content-Security-Policy: every admin page works with no inline script allowed (a blocked
script or style is a console error, which fails the test)."""

import re

from django.contrib.auth.models import User
from playwright.sync_api import expect

from resolutions.models import LanguageVersion

PASSWORD = "a-test-password-for-the-editor"


def test_an_editor_logs_in_and_corrects_a_paragraph(page, archive, screenshots):
    User.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    version = LanguageVersion.objects.get(resolution__symbol="A/RES/80/501", language="en")
    paragraph = version.paragraphs.get(eid="para_1")

    page.goto(f"/admin/resolutions/languageversion/{version.pk}/change/")
    expect(page).to_have_url(re.compile(r"/admin/login/\?next="))
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.locator("input[type=submit]").click()

    expect(page).to_have_url(re.compile(rf"/languageversion/{version.pk}/change/$"))
    field = page.locator("textarea[name$='-text']").filter(has_text=paragraph.text[:40]).first
    field.fill(paragraph.text + " (corrected)")
    page.screenshot(path=screenshots / "admin-correction.png")
    page.locator("input[name='_continue']").click()

    expect(page.locator(".messagelist")).to_be_visible()
    paragraph.refresh_from_db()
    assert paragraph.text.endswith("(corrected)")
    page.goto("/A/RES/80/501/en/")
    expect(page.locator("#para_1")).to_contain_text("(corrected)")
