"""Series: Assembly resolutions of one title session after session, or recalling the previous
one, kept together as texts are imported in any order, and the migration that fills them in for
an archive imported before series existed (pages and API: test_series_pages)."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.test.utils import CaptureQueriesContext

from resolutions import series as series_module
from resolutions.importer import Status
from resolutions.models import Resolution, Series
from resolutions.series import backfill, neighbours
from resolutions.series_rule import Candidate, Recall, alike, groups, order_key, title_key
from tests.factories import markdown_resolution
from tests.importing import import_file, import_path
from tests.series_corpus import (
    SAFETY,
    SAFETY_SERIES,
    SAFETY_SLUG,
    corpus_series_imported,
    series_of,
)
from tests.test_security import admin_form

pytestmark = pytest.mark.django_db


# --- The rule, on its own ----------------------------------------------------------------------


def candidate(id_, session, title, *recalls, adopted=None, language="en") -> Candidate:
    return Candidate(
        id=id_,
        symbol=f"A/RES/{session}/{id_}",
        session=("", session),
        order=order_key(adopted or date(1945 + session, 12, 1), session, "", id_, ""),
        titles={language: title_key(title)},
        # What the recalling paragraph says is written for the reader of the test only.
        recalls=[Recall(target, language) for target, _ in recalls],
    )


def ids(found) -> list[list[int]]:
    return [[c.id for c in group] for group in found]


def test_one_title_in_different_sessions_is_a_series_in_the_order_adopted():
    found = groups([candidate(3, 78, "Oceans"), candidate(1, 76, "OCEANS"), candidate(2, 77, "x")])
    assert ids(found) == [[1, 3]]


def test_one_title_twice_in_one_session_only_is_no_series_until_another_session_has_it():
    twins = [candidate(1, 76, "Oceans"), candidate(2, 76, "Oceans")]
    assert groups(twins) == []
    assert ids(groups([*twins, candidate(3, 77, "Oceans")])) == [[1, 2, 3]]


def test_titles_in_different_languages_are_not_compared():
    assert groups([candidate(1, 76, "Oceans"), candidate(2, 77, "Oceans", language="fr")]) == []


def test_a_recall_of_an_earlier_resolution_of_a_title_alike_joins_a_reworded_title():
    earlier = candidate(1, 76, "Cooperation between the United Nations and regional organizations")
    later = candidate(
        2,
        77,
        "Cooperation between the United Nations and the regional and subregional organizations",
        ("A/RES/76/1", "Recalling its resolution 76/1 of 1 December 2021"),
    )
    assert ids(groups([earlier, later])) == [[1, 2]]


def test_a_resolution_on_another_subject_named_in_full_in_the_preamble_joins_nothing():
    coordination = "Strengthening of the coordination of humanitarian emergency assistance"
    founding = candidate(182, 46, coordination)
    safety = candidate(
        137,
        73,
        SAFETY,
        ("A/RES/46/182", f"Reaffirming its resolution 46/182 on the {coordination}"),
    )
    assert groups([founding, safety]) == []


def test_a_recall_of_a_resolution_on_another_subject_or_a_later_one_joins_nothing():
    founding = candidate(
        1, 21, "Establishment of the United Nations Commission on International Trade Law"
    )
    rules = candidate(
        2,
        76,
        "Expedited Arbitration Rules of the United Nations Commission on International Trade Law",
        (
            "A/RES/21/1",
            "Recalling its resolution 2205 (XXI) by which it established the Commission",
        ),
    )
    assert groups([founding, rules]) == []
    later = candidate(3, 78, "Oceans and the law of the sea")
    backwards = candidate(4, 77, "Oceans and the law of the sea", ("A/RES/78/3", "Recalling 78/3"))
    backwards.session = later.session  # one session: a recall does not make a series
    assert groups([later, backwards]) == []


def test_titles_are_alike_when_most_of_their_words_are_shared():
    assert alike(
        title_key(SAFETY),
        title_key(SAFETY.replace("Nations personnel", "Nations and associated personnel")),
    )
    assert not alike(title_key("Question of Cyprus"), title_key("Question of Palestine"))
    assert alike("联合国人员的安全保障", "联合国人员和有关人员的安全保障")


# --- Assignment as texts are imported ----------------------------------------------------------


def write(tmp_path, session: int, number: int, title: str, recalling: str = "", name: str = ""):
    """A generated English resolution; ``recalling`` opens its preamble (Recalling …)."""
    text = markdown_resolution(
        session=session, number=number, title=title, adopted=f"2 December {1945 + session}"
    )
    if recalling:
        text = text.replace(
            "*Recalling* the considerations set out in part 1 of its work,",
            f"*Recalling* {recalling},",
            1,
        )
    path = tmp_path / (name or f"{session}-{number}.md")
    path.write_text(text, encoding="utf-8")
    return path


def imported(path) -> None:
    assert import_file(path).status in (Status.IMPORTED, Status.REPLACED), path


def test_resolutions_of_one_title_in_different_sessions_form_a_series(tmp_path):
    imported(write(tmp_path, 78, 10, "Oceans and the law of the sea"))
    assert series_of("A/RES/78/10") == []  # alone, no series
    assert not Series.objects.exists()
    imported(write(tmp_path, 79, 12, "Oceans and the law of the sea"))
    assert series_of("A/RES/78/10") == ["A/RES/78/10", "A/RES/79/12"]
    (series,) = Series.objects.all()
    assert series.slug == "oceans-and-the-law-of-the-sea"
    assert (series.title, series.title_language) == ("Oceans and the law of the sea", "en")


def test_same_title_in_one_session_is_no_series_but_joins_one_of_another_session(tmp_path):
    imported(write(tmp_path, 78, 10, "Assistance to refugees"))
    imported(write(tmp_path, 78, 11, "Assistance to refugees"))
    assert series_of("A/RES/78/10") == []
    imported(write(tmp_path, 79, 5, "Assistance to refugees"))
    assert series_of("A/RES/79/5") == ["A/RES/78/10", "A/RES/78/11", "A/RES/79/5"]


def test_a_reworded_title_joins_the_series_it_recalls(tmp_path):
    imported(write(tmp_path, 77, 3, "Protection of journalists and media workers"))
    imported(write(tmp_path, 78, 4, "Protection of journalists and media workers"))
    imported(
        write(
            tmp_path,
            79,
            9,
            "Safety and protection of journalists and media workers",
            recalling="its resolution 78/4 of 2 December 2023 and all its previous resolutions "
            "on the protection of journalists",
        )
    )
    assert series_of("A/RES/79/9") == ["A/RES/77/3", "A/RES/78/4", "A/RES/79/9"]
    # The series is named by its latest resolution.
    assert Series.objects.get().title == "Safety and protection of journalists and media workers"


def test_a_text_that_joins_two_series_merges_them_into_one(tmp_path):
    for session, number in ((76, 1), (77, 1)):
        imported(write(tmp_path, session, number, "Improving global road safety"))
    for session, number in ((79, 2), (80, 2)):
        imported(write(tmp_path, session, number, "Improving global road safety and mobility"))
    assert Series.objects.count() == 2
    kept = Series.objects.get(title="Improving global road safety")
    imported(
        write(
            tmp_path,
            78,
            3,
            "Improving global road safety and mobility",
            recalling="its resolution 77/1 of 2 December 2022",
        )
    )
    assert series_of("A/RES/76/1") == [
        "A/RES/76/1",
        "A/RES/77/1",
        "A/RES/78/3",
        "A/RES/79/2",
        "A/RES/80/2",
    ]
    # One series remains: the first of the two, of as many members, keeps its slug.
    (merged,) = Series.objects.all()
    assert (merged.pk, merged.slug) == (kept.pk, "improving-global-road-safety")
    assert merged.title == "Improving global road safety and mobility"


def test_reimporting_a_changed_title_moves_the_resolution_and_drops_a_series_of_one(tmp_path):
    imported(write(tmp_path, 78, 1, "Agricultural technology"))
    imported(write(tmp_path, 79, 1, "Agricultural technology"))
    before = Resolution.objects.get(symbol="A/RES/78/1").updated_at
    imported(write(tmp_path, 80, 7, "Culture of peace"))
    imported(write(tmp_path, 81, 7, "Culture of peace"))
    # 79/1 is imported again under another title: it leaves its series, which, left with one
    # resolution, is no series; it joins the other.
    imported(write(tmp_path, 79, 1, "Culture of peace", name="79-1.md"))
    assert series_of("A/RES/78/1") == []
    assert series_of("A/RES/79/1") == ["A/RES/79/1", "A/RES/80/7", "A/RES/81/7"]
    assert list(Series.objects.values_list("title", flat=True)) == ["Culture of peace"]
    # The resolution it left shows no series any more: its page is rendered again.
    assert Resolution.objects.get(symbol="A/RES/78/1").updated_at > before


def test_deleting_resolutions_leaves_no_series_of_one_or_none(tmp_path):
    for session in (78, 79, 80):
        imported(write(tmp_path, session, 1, "Agricultural technology"))
    Resolution.objects.filter(symbol="A/RES/79/1").delete()
    assert series_of("A/RES/80/1") == ["A/RES/78/1", "A/RES/80/1"]
    Resolution.objects.filter(symbol="A/RES/80/1").delete()
    assert series_of("A/RES/78/1") == []
    assert not Series.objects.exists()
    imported(write(tmp_path, 81, 1, "Agricultural technology"))
    Resolution.objects.filter(symbol__in=["A/RES/78/1", "A/RES/81/1"]).delete()
    assert not Series.objects.exists()


def test_a_title_corrected_in_the_admin_moves_the_resolution(
    tmp_path, admin_client, django_capture_on_commit_callbacks
):
    for session in (78, 79, 80):
        imported(write(tmp_path, session, 1, "Agricultural technology"))
    version = Resolution.objects.get(symbol="A/RES/80/1").versions.get()
    url = f"/admin/resolutions/languageversion/{version.pk}/change/"
    fields = admin_form(admin_client, url)
    fields["title"] = "Agricultural technology for sustainable development"
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client.post(url, fields).status_code == 302
    assert series_of("A/RES/78/1") == ["A/RES/78/1", "A/RES/79/1"]
    assert series_of("A/RES/80/1") == []


def test_every_member_is_marked_updated_when_its_series_gains_one(tmp_path):
    imported(write(tmp_path, 78, 1, "Literacy for life"))
    imported(write(tmp_path, 79, 1, "Literacy for life"))
    stamps = dict(Resolution.objects.values_list("symbol", "updated_at"))
    imported(write(tmp_path, 80, 1, "Literacy for life"))
    for symbol in ("A/RES/78/1", "A/RES/79/1"):
        assert Resolution.objects.get(symbol=symbol).updated_at > stamps[symbol]


def test_placing_a_resolution_costs_the_same_queries_in_a_long_series(tmp_path):
    def queries_to_place(symbol: str) -> int:
        resolution = Resolution.objects.get(symbol=symbol)
        with CaptureQueriesContext(connection) as queries:
            series_module.place_in_series(resolution)
        return len(queries)

    for session in (70, 71, 72):
        imported(write(tmp_path, session, 1, "Short series"))
    for session in range(70, 82):
        imported(write(tmp_path, session, 2, "Long series"))
    assert queries_to_place("A/RES/72/1") == queries_to_place("A/RES/81/2") <= 6


def test_a_slug_taken_is_numbered():
    Series.objects.create(slug="oceans", title="Oceans", title_language="en")
    assert series_module._free_slug(Series, "Oceans") == "oceans-2"
    assert series_module._free_slug(Series, "联合国人员的安全") == "联合国人员的安全"


# --- The corpus series -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def corpus_series(django_db_setup, django_db_blocker, corpus_dir):
    with corpus_series_imported(django_db_blocker, corpus_dir):
        yield


def test_the_corpus_series_is_found_whatever_the_order_of_import(corpus_dir):
    # Newest first, with every other Assembly text of the corpus: 73/137 … 77/31 reaffirm
    # 46/182 (in the Official Records volume) by its full title, which joins none of them to it.
    paths = sorted((corpus_dir / "en" / "ga").glob("*.txt"), reverse=True)
    paths += [corpus_dir / "en" / "ga-ocr" / "A_RES_46_182.en.txt"]
    for path in [corpus_dir / "zh" / "A_RES_76_127.zh.md", *paths]:
        results = import_path(path).results
        assert {result.status for result in results} == {Status.IMPORTED}, path
    assert series_of("A/RES/77/31") == SAFETY_SERIES
    safety = Series.objects.get(slug=SAFETY_SLUG)
    assert (safety.title, safety.title_language) == (SAFETY, "en")
    # The yearly resolution on humanitarian coordination recalls 46/182, whose title it
    # rewords (emergency humanitarian, humanitarian emergency): the one other series.
    assert series_of("A/RES/76/124") == ["A/RES/46/182", "A/RES/76/124"]
    assert Series.objects.count() == 2
    grouped = [*SAFETY_SERIES, "A/RES/46/182", "A/RES/76/124"]
    others = Resolution.objects.exclude(symbol__in=grouped)
    assert others.count() >= len(paths) - 6
    assert not others.filter(series__isnull=False).exists()


def test_neighbours_are_the_resolutions_before_and_after(corpus_series):
    previous, following = neighbours(Resolution.objects.get(symbol="A/RES/76/127"))
    assert (previous.symbol, following.symbol) == ("A/RES/75/125", "A/RES/77/31")
    assert neighbours(Resolution.objects.get(symbol="A/RES/73/137"))[0] is None


def test_the_migration_fills_in_the_series_of_an_archive_imported_before(corpus_series):
    Resolution.objects.update(series=None)
    Series.objects.all().delete()
    executor = MigrationExecutor(connection)
    state = executor.loader.project_state(
        [("resolutions", "0006_series_and_echoes_of_stored_texts")]
    )
    backfill(state.apps)
    assert series_of("A/RES/74/116") == SAFETY_SERIES
    assert Series.objects.get().slug == SAFETY_SLUG
    backfill(state.apps)  # run again, nothing changes
    assert Series.objects.count() == 1 and series_of("A/RES/74/116") == SAFETY_SERIES
