"""Agreed language: on a paragraph's page (and in the API), where its words, the same or nearly
the same, were first used in the archive, and the later resolutions that repeat them.

The pairs below were read in the English series "Safety and security of humanitarian personnel
and protection of United Nations personnel" (A/RES/73/137 … 77/31):

- 77/31 para 18 ("Urges States, while undertaking counter-terrorism activities, …") first
  appears as 74/116 para 16 ("and recognizes the key role that humanitarian organizations
  play"); 75/125 para 16 has "as well as recognizes the key role humanitarian organizations
  play" (and "al so", split in the PDF), which 76/127 para 18 and 77/31 para 18 repeat word
  for word ("also"). 73/137 has no such paragraph.
- 77/31 preambular paragraph 12 adds a clause ("and the increase in the number of attacks
  directed against such personnel, …") to 73/137's; 74/116 onwards have it.
- 77/31 preambular paragraph 16 (disinformation campaigns) is new in 77/31.
"""

import os
import random
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext

from resolutions import agreed, echoes
from resolutions.agreed import trail
from resolutions.echoes import NEARLY_THE_SAME, bands, similarity, tokens
from resolutions.importer import Status
from resolutions.models import Paragraph, Resolution
from resolutions.parsing import read_source
from tests.factories import write_resolution
from tests.importing import import_file

SERIES = ["73/137", "74/116", "75/125", "76/127", "77/31"]


def english_path(corpus_dir: Path, short: str) -> Path:
    return corpus_dir / "en" / "ga" / f"A_RES_{short.replace('/', '_')}.en.txt"


def parsed_paragraphs(corpus_dir: Path, short: str) -> dict[str, str]:
    """The paragraphs of an English text of the series, by eid, as the importer reads them."""
    (document,) = read_source(english_path(corpus_dir, short).read_bytes()).documents
    return {paragraph.eid: paragraph.text for paragraph in document.paragraphs}


@pytest.fixture(scope="module")
def texts(corpus_dir) -> dict[str, dict[str, str]]:
    return {short: parsed_paragraphs(corpus_dir, short) for short in SERIES}


def share_a_band(a: str, b: str) -> bool:
    return bool(set(bands(a)) & set(bands(b)))


# --- Bands and likeness, on their own -----------------------------------------------------------


def test_identical_texts_have_the_same_bands(texts):
    text = texts["77/31"]["preamble_3"]
    assert bands(text) == bands(text) == bands(f"  {text} ")
    assert len(bands(text)) == echoes.BANDS
    assert all(-(2**63) <= band < 2**63 for band in bands(text))


def test_bands_are_the_same_in_another_process(texts):
    """Stored bands are compared with bands computed later, by other processes."""
    text = texts["77/31"]["para_18"]
    code = "import sys; from resolutions.echoes import bands; print(bands(sys.stdin.read()))"
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run(
        [sys.executable, "-c", code], input=text, capture_output=True, text=True, env=env
    )
    assert out.stdout.strip() == str(bands(text))


def test_headings_and_short_items_get_no_bands():
    for text in ["Annex", "Safety and security", "(a) The Sudan;", "大会，", "第一部分 总则"]:
        assert bands(text) == [], text


def test_numbers_in_figures_or_words_do_not_make_texts_different():
    older = (
        "Decides to include in the provisional agenda of its seventy-third session the item "
        "entitled as adopted on 14 December 2018 in resolution 72/131"
    )
    newer = (
        "Decides to include in the provisional agenda of its seventy-seventh session the item "
        "entitled as adopted on 6 December 2022 in resolution 76/127"
    )
    assert bands(older) == bands(newer)
    assert similarity(older, newer) == 1.0
    chinese_older = "决定将题为“人道主义人员的安全和安保”的项目列入大会第七十六届会议临时议程"
    chinese_newer = "决定将题为“人道主义人员的安全和安保”的项目列入大会第七十七届会议临时议程"
    assert bands(chinese_older) == bands(chinese_newer)


def test_chinese_is_compared_character_by_character():
    expected = [*"重申其", "0", "年", "0", "月", "0", *"日的决议"]
    assert tokens("重申其1991年12月19日的决议") == expected
    assert tokens("Reaffirming its Resolution") == ["reaffirming", "its", "resolution"]


def test_one_word_changed_shares_a_band_in_every_paragraph_of_the_series(texts):
    rng = random.Random(16)
    checked = 0
    for short in SERIES:
        for eid, text in texts[short].items():
            words = text.split()
            if len(words) < 15:
                continue
            words[rng.randrange(len(words))] = "otherwise"
            changed = " ".join(words)
            assert share_a_band(text, changed), (short, eid)
            assert similarity(text, changed) >= NEARLY_THE_SAME
            checked += 1
    assert checked > 300


def test_real_near_repeats_share_a_band_and_count_as_nearly_the_same(texts):
    pairs = [
        # "that humanitarian organizations play" / "humanitarian organizations play", "al so"
        (texts["74/116"]["para_16"], texts["77/31"]["para_18"]),
        (texts["75/125"]["para_16"], texts["77/31"]["para_18"]),
        # a clause added
        (texts["73/137"]["preamble_12"], texts["77/31"]["preamble_12"]),
        # "in the light of" / "in light of"
        (texts["76/127"]["preamble_30"], texts["77/31"]["preamble_31"]),
    ]
    for older, newer in pairs:
        assert older != newer
        assert share_a_band(older, newer)
        assert similarity(older, newer) >= NEARLY_THE_SAME


def test_different_paragraphs_on_the_same_subject_are_not_nearly_the_same(texts):
    pairs = [
        # the principles of humanitarian assistance, reaffirmed in the preamble, called for
        # in an operative paragraph
        (texts["73/137"]["para_9"], texts["74/116"]["preamble_8"]),
        # two "Calls upon all States to consider becoming parties …"
        (texts["73/137"]["para_6"], texts["73/137"]["para_7"]),
        # the same opening, the rest rewritten: 77/31 rewrote its preambular paragraph 13
        (texts["76/127"]["preamble_13"], texts["77/31"]["preamble_13"]),
        # new in 77/31, beside an older paragraph on threats to personnel
        (texts["76/127"]["preamble_27"], texts["77/31"]["preamble_16"]),
    ]
    for a, b in pairs:
        assert similarity(a, b) < NEARLY_THE_SAME


# --- The trail, in the archive ------------------------------------------------------------------


@pytest.fixture(scope="module")
def series(django_db_setup, django_db_blocker, corpus_dir):
    """The English series, imported once for the module (rolled back after it)."""
    with django_db_blocker.unblock(), transaction.atomic():
        for short in SERIES:
            assert import_file(english_path(corpus_dir, short)).status == Status.IMPORTED
        yield
        transaction.set_rollback(True)


def paragraph(symbol: str, eid: str, language: str = "en") -> Paragraph:
    return Paragraph.objects.get(
        version__resolution__symbol=symbol, version__language=language, eid=eid
    )


def uses(found) -> list[tuple[str, str, bool]]:
    """(symbol, eid, same words) of the first use and each later one."""
    return [(use.symbol, use.eid, use.same_words) for use in [found.first, *found.later]]


COUNTER_TERRORISM = [
    ("A/RES/74/116", "para_16", False),
    ("A/RES/75/125", "para_16", False),  # "al so"
    ("A/RES/76/127", "para_18", True),
    ("A/RES/77/31", "para_18", True),
]


@pytest.mark.django_db
def test_a_paragraph_shows_its_first_use_and_the_later_ones(series):
    found = trail(paragraph("A/RES/77/31", "para_18"), "en")
    assert uses(found) == COUNTER_TERRORISM
    assert found.first.label == "A/RES/74/116 (2019)" and found.first.name == "paragraph 16"
    assert found.first.url == "/A/RES/74/116/en/para_16/"
    assert [use.is_this for use in found.later] == [False, False, True]
    assert found.more == 0 and found.complete


@pytest.mark.django_db
def test_the_first_text_to_have_the_words_says_it_is_the_first(series):
    found = trail(paragraph("A/RES/74/116", "para_16"), "en")
    assert found.first_is_this and not found.only_use
    assert [use.symbol for use in found.later] == ["A/RES/75/125", "A/RES/76/127", "A/RES/77/31"]
    assert [use.same_words for use in found.later] == [False, False, False]


@pytest.mark.django_db
def test_a_clause_added_later_still_leads_back_to_the_first_use(series):
    found = trail(paragraph("A/RES/77/31", "preamble_12"), "en")
    assert found.first.symbol == "A/RES/73/137" and not found.first.same_words
    assert [use.symbol for use in found.later] == [f"A/RES/{s}" for s in SERIES[1:]]


@pytest.mark.django_db
def test_a_paragraph_new_in_77_31_is_its_only_use(series):
    found = trail(paragraph("A/RES/77/31", "preamble_16"), "en")
    assert found.only_use and found.first.symbol == "A/RES/77/31"


@pytest.mark.django_db
def test_the_trail_costs_one_query(series):
    shown = paragraph("A/RES/77/31", "para_18")
    with CaptureQueriesContext(connection) as queries:
        trail(shown, "en")
    assert len(queries) == 1
    assert "&&" in queries[0]["sql"]


@pytest.mark.django_db
def test_the_paragraph_page_shows_the_trail(client, series):
    page = client.get("/A/RES/77/31/en/para_18/").content.decode()
    section = re.search(r'<section class="agreed-language".*?</section>', page, re.S).group(0)
    assert '首次使用 <span lang="en">Agreed language</span>' in section
    assert 'First used in</span>\n    <a href="/A/RES/74/116/en/para_16/">' in section
    assert "A/RES/74/116 (2019)" in section and "几乎相同" in section
    for url in ["/A/RES/75/125/en/para_16/", "/A/RES/76/127/en/para_18/"]:
        assert f'<a href="{url}">' in section
    assert '<a href="/A/RES/77/31/en/para_18/" aria-current="page">' in section
    new = client.get("/A/RES/77/31/en/preamble_16/").content.decode()
    assert "This is the only use of these words in the archive." in new


@pytest.mark.django_db
def test_the_api_gives_the_trail_of_a_paragraph(client, series):
    element = client.get("/api/v1/resolutions/A/RES/77/31/en/para_18/").json()
    agreed = element["agreed_language"]
    assert agreed["first_used"]["symbol"] == "A/RES/74/116"
    assert agreed["first_used"]["links"]["html"].endswith("/A/RES/74/116/en/para_16/")
    assert agreed["first_used"]["links"]["self"].endswith(
        "/api/v1/resolutions/A/RES/74/116/en/para_16/"
    )
    assert [use["symbol"] for use in agreed["later"]] == [s for s, _, _ in COUNTER_TERRORISM[1:]]
    assert [use["is_this"] for use in agreed["later"]] == [False, False, True]
    assert agreed["more"] == 0 and agreed["complete"] is True
    footnote = client.get("/api/v1/resolutions/A/RES/77/31/en/fn_1/").json()
    assert footnote["agreed_language"] is None


# --- Imports in any order, pages kept in the cache, an archive from before bands ---------------


def import_series(corpus_dir: Path, shorts) -> None:
    """Import ``shorts`` into an archive emptied first (of the module's series, if it is set up)."""
    Resolution.objects.all().delete()
    for short in shorts:
        assert import_file(english_path(corpus_dir, short)).status == Status.IMPORTED


@pytest.mark.django_db
def test_the_trail_does_not_depend_on_the_order_of_import(corpus_dir):
    import_series(corpus_dir, reversed(SERIES))
    assert uses(trail(paragraph("A/RES/77/31", "para_18"), "en")) == COUNTER_TERRORISM


@pytest.mark.django_db
def test_a_kept_paragraph_page_changes_when_a_later_text_repeats_it(client, corpus_dir):
    # 76/124, on the coordination of humanitarian assistance, repeats 74/116's paragraph on
    # counter-terrorism (its paragraph 75) without citing 74/116 or joining its series: only
    # the repeat of the words changes 74/116's page.
    import_series(corpus_dir, ["74/116"])
    url = "/A/RES/74/116/en/para_16/"
    assert "This is the only use" in client.get(url).content.decode()
    with CaptureQueriesContext(connection) as queries:
        assert "This is the only use" in client.get(url).content.decode()
    assert len(queries) == 1  # answered from the page cache
    assert import_file(english_path(corpus_dir, "76/124")).status == Status.IMPORTED
    page = client.get(url).content.decode()
    assert "This is the first use of these words in the archive." in page
    assert '<a href="/A/RES/76/124/en/para_75/">' in page


@pytest.mark.django_db
def test_the_api_answers_anew_when_a_later_text_repeats_a_paragraph(client, corpus_dir):
    import_series(corpus_dir, ["74/116"])
    url = "/api/v1/resolutions/A/RES/74/116/en/para_16/"
    etag = client.get(url)["ETag"]
    assert client.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert import_file(english_path(corpus_dir, "76/124")).status == Status.IMPORTED
    response = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert response.json()["agreed_language"]["later"][0]["symbol"] == "A/RES/76/124"


@pytest.mark.django_db
def test_a_much_repeated_paragraph_lists_a_few_and_counts_the_rest(client, tmp_path, monkeypatch):
    """Generated resolutions open with the same preambular paragraphs ("part 1", "part 2", …:
    nearly the same once numbers are folded). The earliest candidates are checked, a few uses
    are listed, the others counted."""
    Resolution.objects.all().delete()
    for number in range(1, 5):
        path = write_resolution(tmp_path, f"{number}.md", number=number, preambular=3)
        assert import_file(path).status == Status.IMPORTED
    monkeypatch.setattr(agreed, "CANDIDATES", 5)
    monkeypatch.setattr(agreed, "SHOWN", 2)
    found = trail(paragraph("A/RES/79/1", "preamble_1"), "en")
    assert uses(found) == [
        ("A/RES/79/1", "preamble_1", True),
        ("A/RES/79/1", "preamble_2", False),
        ("A/RES/79/1", "preamble_3", False),
    ]
    assert found.more == 2 and not found.complete
    page = client.get("/A/RES/79/1/en/preamble_1/").content.decode()
    assert '另有至少 2 处 <span lang="en">and at least 2 more</span>' in page
    assert "only the earliest were checked" in page


@pytest.mark.django_db
def test_the_migration_gives_bands_to_an_archive_imported_before(corpus_dir):
    import_series(corpus_dir, ["76/127", "77/31"])
    Paragraph.objects.update(text_bands=[])
    state = MigrationExecutor(connection).loader.project_state(
        [("resolutions", "0006_series_and_echoes_of_stored_texts")]
    )
    echoes.backfill(state.apps)
    stored = list(Paragraph.objects.values_list("text", "text_bands"))
    assert len(stored) > 150
    assert all(text_bands == bands(text) for text, text_bands in stored)
    assert uses(trail(paragraph("A/RES/77/31", "para_18"), "en")) == COUNTER_TERRORISM[2:]
    assert Resolution.objects.count() == 2
