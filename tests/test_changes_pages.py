"""What changed: the changes page of a resolution of a series, the compare page for any two,
and their JSON. Real texts: A/RES/76/127 and A/RES/77/31 of the series "Safety and security of
humanitarian personnel and protection of United Nations personnel", in English."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from resolutions.comparing import compare_versions
from resolutions.importer import Status
from resolutions.models import LanguageVersion, Resolution, Series
from tests.factories import write_resolution
from tests.importing import import_file

pytestmark = pytest.mark.django_db

CHANGES_77_31 = "/A/RES/77/31/en/changes/"


def in_series(slug: str, *symbols: str) -> Series:
    series, _ = Series.objects.get_or_create(
        slug=slug, defaults={"title": slug, "title_language": "en"}
    )
    Resolution.objects.filter(symbol__in=symbols).update(series=series)
    return series


@pytest.fixture
def safety_series(corpus_dir):
    """76/127 and 77/31 in English, one series; 73/137 in English, in no series."""
    for name in ("A_RES_76_127.en.txt", "A_RES_77_31.en.txt", "A_RES_73_137.en.txt"):
        assert import_file(corpus_dir / "en" / "ga" / name).status == Status.IMPORTED
    Resolution.objects.filter(symbol="A/RES/73/137").update(series=None)
    return in_series("safety", "A/RES/76/127", "A/RES/77/31")


@pytest.fixture
def with_chinese(safety_series, sample_path):
    """76/127 in Chinese too: the two texts still share English only."""
    assert import_file(sample_path).status == Status.IMPORTED


def html(response) -> str:
    return response.content.decode()


def expected_counts() -> dict[str, int]:
    old, new = (
        LanguageVersion.objects.get(resolution__symbol=symbol, language="en")
        for symbol in ("A/RES/76/127", "A/RES/77/31")
    )
    return compare_versions(old, new).counts


def counts_line(counts: dict[str, int]) -> str:
    return (
        f"{counts['new']} new, {counts['changed']} changed, {counts['dropped']} dropped, "
        f"{counts['unchanged']} unchanged"
    )


def test_changes_url_leads_to_the_changes_in_the_first_language_both_have(client, with_chinese):
    response = client.get("/A/RES/77/31/changes/")
    assert response.status_code == 302 and response["Location"] == CHANGES_77_31
    # Asked for Chinese, which 77/31 lacks: the language both have.
    assert client.get("/A/RES/77/31/changes/?lang=zh")["Location"] == CHANGES_77_31
    assert client.get("/A/RES/77/31/changes/?lang=en")["Location"] == CHANGES_77_31


def test_changes_page_names_both_resolutions_and_counts_the_changes(client, safety_series):
    response = client.get(CHANGES_77_31)
    assert response.status_code == 200
    page = html(response)
    assert '<a href="/A/RES/77/31/en/">A/RES/77/31</a>' in page
    assert '<a href="/A/RES/76/127/en/">A/RES/76/127</a>' in page
    counts = expected_counts()
    assert counts["new"] and counts["changed"] and counts["unchanged"]
    assert counts_line(counts) in page
    assert (
        f"新增 {counts['new']} 段，改动 {counts['changed']} 段，删除 {counts['dropped']} 段，"
        f"未改动 {counts['unchanged']} 段"
    ) in page
    assert page.count('class="change ') == sum(counts.values())
    assert '<link rel="canonical" href="http://testserver/A/RES/77/31/en/changes/">' in page


def test_a_changed_paragraph_marks_the_words_inserted_and_deleted(client, safety_series):
    page = html(client.get(CHANGES_77_31))
    # PP2 recalls last year's resolution: 75/125 of 11 December 2020 became 76/127 of
    # 10 December 2021.
    block = re.search(
        r'<div class="change changed preambular" id="preamble_2">.*?</div>', page, re.S
    )
    assert block, "PP2 is shown changed"
    assert "<del>75/125</del><ins>76/127</ins>" in block[0]
    assert "<del>2020</del><ins>2021</ins>" in block[0]
    assert 'href="/A/RES/77/31/en/preamble_2/"' in block[0]
    assert 'lang="en"' in block[0]
    # The legend says what the marks mean in words, not only in colour.
    assert "Inserted words are <ins>underlined</ins>" in page


def test_a_paragraph_that_moved_says_where_it_was(client, safety_series):
    page = html(client.get(CHANGES_77_31))
    # 77/31 inserts a preambular paragraph on disinformation as PP16, so last year's PP16
    # ("Expressing deep concern that the occurrence of attacks …") is now PP17.
    new = re.search(r'<div class="change new preambular" id="preamble_16">.*?</div>', page, re.S)
    assert new and "disinformation" in new[0]
    moved = re.search(r'<div class="change \w+ preambular" id="preamble_17">.*?</div>', page, re.S)
    assert moved and "the occurrence of attacks" in moved[0]
    assert "原序言部分第 16 段" in moved[0]
    assert "was preambular paragraph 16" in moved[0]


def test_unchanged_paragraphs_are_folded_away(client, safety_series):
    page = html(client.get(CHANGES_77_31))
    runs = re.findall(r'<details class="unchanged-run">\s*<summary>(.*?)</summary>', page, re.S)
    assert runs
    folded = sum(int(re.match(r"未改动 (\d+) 段", summary)[1]) for summary in runs)
    assert folded == expected_counts()["unchanged"]
    assert '<details class="unchanged-run" open' not in page


def test_changes_of_a_resolution_first_in_its_series_say_so_and_lead_to_the_compare_page(
    client, safety_series
):
    response = client.get("/A/RES/76/127/changes/")
    assert response.status_code == 404
    page = html(response)
    assert "A/RES/76/127 is the first resolution of its series" in page
    assert 'href="/compare/?to=A%2FRES%2F76%2F127"' in page


def test_changes_of_a_resolution_in_no_series_say_so(client, safety_series):
    response = client.get("/A/RES/73/137/en/changes/")
    assert response.status_code == 404
    assert "A/RES/73/137 is not part of a series of resolutions" in html(response)


def test_changes_of_a_resolution_not_in_the_archive_is_the_not_in_archive_page(client, db):
    response = client.get("/A/RES/46/182/changes/")
    assert response.status_code == 404
    assert "Resolution 46/182 is not in the archive yet" in html(response)


def test_changes_in_a_language_one_text_lacks_say_which_both_have(client, with_chinese):
    response = client.get("/A/RES/77/31/zh/changes/")
    assert response.status_code == 404
    assert "The archive does not hold both in Chinese; both are in English." in html(response)


def test_compare_page_without_symbols_is_the_form(client, db):
    response = client.get("/compare/")
    assert response.status_code == 200
    page = html(response)
    assert 'action="/compare/"' in page and 'name="from"' in page and 'name="to"' in page
    assert '<option value="en">English</option>' in page


def test_compare_reads_symbols_in_any_spelling_and_redirects_to_one_address(client, safety_series):
    response = client.get("/compare/", {"from": "76/127", "to": "A/RES/77/31"})
    assert response.status_code == 302
    canonical = "/compare/?from=A%2FRES%2F76%2F127&to=A%2FRES%2F77%2F31&language=en"
    assert response["Location"] == canonical
    page = html(client.get(canonical))
    assert counts_line(expected_counts()) in page
    assert "<del>75/125</del><ins>76/127</ins>" in page
    assert 'value="A/RES/76/127"' in page  # the form keeps what was compared


def test_compare_any_two_resolutions_even_of_different_series(client, safety_series):
    response = client.get(
        "/compare/", {"from": "A/RES/73/137", "to": "A/RES/77/31", "language": "en"}
    )
    assert response.status_code == 200
    assert "new," in html(response)


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ({"from": "xyz", "to": "77/31"}, 400, "“xyz” is not a resolution symbol"),
        ({"from": "77/31", "to": "A/RES/77/31"}, 400, "choose two different resolutions"),
        ({"from": "46/182", "to": "77/31"}, 404, "A/RES/46/182 is not in the archive yet"),
        ({"from": "76/127", "to": "77/31", "language": "qq"}, 400, "There is no language “qq”"),
        ({"from": "76/127", "to": "77/31", "language": "fr"}, 404, "both are in English"),
        ({"from": "", "to": "77/31"}, 400, "Enter a resolution symbol"),
        ({"from": "x" * 500, "to": "77/31"}, 400, "is not a resolution symbol"),
    ],
)
def test_compare_refuses_what_it_cannot_compare_with_a_clear_message(
    client, safety_series, query, status, message
):
    response = client.get("/compare/", query)
    assert response.status_code == status
    page = html(response)
    assert message in page
    assert 'class="refusal"' in page and 'name="from"' in page


def test_changes_json_has_both_symbols_counts_and_each_change(client, safety_series):
    response = client.get("/api/v1/resolutions/A/RES/77/31/changes/")
    assert response.status_code == 200
    data = response.json()
    assert data["from"]["symbol"] == "A/RES/76/127" and data["to"]["symbol"] == "A/RES/77/31"
    assert data["language"] == "en"
    assert data["counts"] == expected_counts()
    assert 0 < data["share_changed"] < 1
    assert len(data["changes"]) == sum(data["counts"].values())
    first_changed = next(c for c in data["changes"] if c["new"]["eid"] == "preamble_2")
    assert first_changed["state"] == "changed" and first_changed["renumbered"] is False
    assert first_changed["old"]["label"] == "PP2"
    assert {"kind": "deleted", "text": "75/125"} in first_changed["pieces"]
    assert {"kind": "inserted", "text": "76/127"} in first_changed["pieces"]
    new = next(c for c in data["changes"] if c["state"] == "new")
    assert new["old"] is None and set(new["new"]) == {"eid", "label", "text", "url"}
    assert data["links"]["html"] == "http://testserver/A/RES/77/31/en/changes/"
    etag = response["ETag"]
    again = client.get("/api/v1/resolutions/A/RES/77/31/changes/", HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304


def test_compare_json_reads_any_spelling_and_refuses_as_the_api_does(client, safety_series):
    data = client.get("/api/v1/compare/", {"from": "76/127", "to": "77/31"}).json()
    assert (data["from"]["symbol"], data["to"]["symbol"]) == ("A/RES/76/127", "A/RES/77/31")
    assert data["counts"] == expected_counts()
    missing = client.get("/api/v1/compare/", {"from": "76/127"})
    assert missing.status_code == 400 and missing.json()["parameter"] == "to"
    same = client.get("/api/v1/compare/", {"from": "77/31", "to": "77/31"})
    assert same.status_code == 400
    absent = client.get("/api/v1/compare/", {"from": "46/182", "to": "77/31"})
    assert absent.status_code == 404 and "not in the archive" in absent.json()["error"]
    first = client.get("/api/v1/resolutions/A/RES/76/127/changes/")
    assert first.status_code == 404 and "no previous resolution" in first.json()["error"]


def test_compare_page_links_and_api_urls_reverse(db):
    assert reverse("resolutions:compare") == "/compare/"
    assert reverse("api:compare") == "/api/v1/compare/"
    assert reverse("api:changes", kwargs={"symbol": "A/RES/77/31"}) == (
        "/api/v1/resolutions/A/RES/77/31/changes/"
    )


# Queries of the changes and compare pages, the first time they are asked for; answered from
# the page cache after, they skip the two that read the paragraphs.
PAGES = {
    "changes": ("/A/RES/79/{number}/en/changes/", 5),
    "compare": ("/compare/?from=A%2FRES%2F78%2F{number}&to=A%2FRES%2F79%2F{number}&language=en", 4),
}


@pytest.fixture
def small_and_large(tmp_path):
    """Two series: 78/1 → 79/1 of a few paragraphs, 78/2 → 79/2 of a hundred times more."""
    sizes = {1: {"preambular": 2, "operative": 3}, 2: {"preambular": 150, "operative": 250}}
    for number, size in sizes.items():
        for session in (78, 79):
            path = write_resolution(
                tmp_path,
                f"{session}-{number}.md",
                session=session,
                number=number,
                title=f"Series number {number}",
                **size,
            )
            assert import_file(path).status == Status.IMPORTED
        in_series(f"series-{number}", f"A/RES/78/{number}", f"A/RES/79/{number}")
    return sizes


@pytest.mark.parametrize("page", PAGES)
def test_changes_page_queries_do_not_grow_with_the_texts(client, small_and_large, page):
    url, expected = PAGES[page]
    counts = {}
    for number in small_and_large:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url.format(number=number))
        assert response.status_code == 200
        counts[number] = len(queries)
    assert counts == {number: expected for number in small_and_large}
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url.format(number=2)).status_code == 200
    assert len(queries) == expected - 2  # kept: the paragraphs are not read again


def test_other_spellings_of_a_changes_url_are_redirected(client, safety_series):
    response = client.get("/77/31/changes/")
    assert response.status_code == 301 and response["Location"] == "/A/RES/77/31/changes/"
    response = client.get("/a/res/77/31/en/changes/")
    assert response.status_code == 301 and response["Location"] == CHANGES_77_31


def test_a_kept_changes_page_is_rendered_again_once_a_text_is_imported_again(client, safety_series):
    assert "Recalling all relevant resolutions" in html(client.get(CHANGES_77_31))
    version = LanguageVersion.objects.get(resolution__symbol="A/RES/77/31", language="en")
    version.paragraphs.filter(eid="preamble_2").update(text="Recalling a corrected text,")
    version.save()  # a correction moves imported_at, as an import does
    page = html(client.get(CHANGES_77_31))
    block = re.search(r'id="preamble_2">.*?</div>', page, re.S)[0]
    assert "Recalling a corrected text," in block  # no longer last year's words
