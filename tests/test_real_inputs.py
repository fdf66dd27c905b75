"""The real UN inputs together: PDF text, the Official Records extract and the Chinese sample
import side by side, line up across languages and cite each other."""

import pytest

from resolutions.importer import Status
from resolutions.models import Citation, LanguageVersion, Resolution
from resolutions.parsing import read_source
from tests.importing import import_file, import_path

pytestmark = pytest.mark.django_db

CHINESE = "zh/A_RES_76_127.zh.md"
ENGLISH = "en/ga/A_RES_76_127.en.txt"
COUNCIL = ["en/sc/S_RES_2175_2014.en.txt", "en/sc/S_RES_2286_2016.en.txt"]
EXTRACT = "en/ga-ocr/A_RES_46_182.en.txt"


@pytest.mark.parametrize("order", [[CHINESE, ENGLISH], [ENGLISH, CHINESE]])
def test_english_and_chinese_76_127_line_up_with_no_difference(corpus_dir, order):
    for file in order:
        result = import_file(corpus_dir / file, strict_alignment=True)
        # The only warnings are the Chinese text's stray spaces, repaired.
        differences = [i for i in result.issues if "between Chinese characters" not in i.message]
        assert (result.status, differences) == (Status.IMPORTED, [])
    resolution = Resolution.objects.get(symbol="A/RES/76/127")
    english, chinese = (resolution.versions.get(language=code) for code in ("en", "zh"))
    assert english.paragraphs.preambular().count() == chinese.paragraphs.preambular().count()
    assert english.paragraphs.operative().count() == chinese.paragraphs.operative().count() == 50
    assert english.footnotes.count() == chinese.footnotes.count() == 17


def _targets(symbol: str, language: str) -> dict[str, bool]:
    """Cited symbol → whether it resolves, over the paragraphs and footnotes of one version."""
    version = LanguageVersion.objects.get(resolution__symbol=symbol, language=language)
    citations = Citation.objects.filter(paragraph__version=version) | Citation.objects.filter(
        footnote__version=version
    )
    return {c.target_symbol: c.target_id is not None for c in citations.filter(kind="resolution")}


def test_every_citation_of_2286_is_stored_and_those_in_the_archive_resolve(corpus_dir):
    for file in [*COUNCIL, CHINESE, ENGLISH]:
        assert import_file(corpus_dir / file).status == Status.IMPORTED
    # The parser's test pins the fourteen symbols; all are stored and only 2175 (2014) is here.
    (parsed,) = read_source((corpus_dir / COUNCIL[1]).read_bytes()).documents
    targets = _targets("S/RES/2286 (2016)", "en")
    assert set(targets) == {c.target for p in parsed.paragraphs for c in p.citations}
    assert len(targets) == 14
    assert [symbol for symbol, resolved in targets.items() if resolved] == ["S/RES/2175 (2014)"]
    for language in ("zh", "en"):
        cited = _targets("A/RES/76/127", language)
        assert cited["S/RES/2175 (2014)"] and cited["S/RES/2286 (2016)"], language


def test_the_official_records_extract_gives_46_181_and_46_182_whole(corpus_dir):
    outcome = import_path(corpus_dir / EXTRACT)
    assert [(r.status, r.symbol) for r in outcome.results] == [
        (Status.IMPORTED, "A/RES/46/181"),
        (Status.IMPORTED, "A/RES/46/182"),
    ]
    # The end of the text before 46/181 and the start of 46/219 are reported, not imported, and
    # so are the notes printed at the feet of pages the extract does not hold.
    fragments = [n.message for n in outcome.left_out if n.message.endswith("fragment skipped")]
    assert len(fragments) == 2
    assert fragments[1].startswith("46/219")
    missing_notes = [n.message for n in outcome.left_out if "is not in the extract" in n.message]
    assert len(missing_notes) == 4
    assert not Resolution.objects.filter(symbol="A/RES/46/219").exists()
    resolution = Resolution.objects.get(symbol="A/RES/46/182")
    assert str(resolution.adopted_on) == "1991-12-19"
    assert resolution.meeting_number == 78


def test_the_chinese_sample_citation_of_46_182_resolves_to_the_extract(corpus_dir):
    import_file(corpus_dir / CHINESE)
    assert _targets("A/RES/76/127", "zh")["A/RES/46/182"] is False
    import_path(corpus_dir / EXTRACT)
    assert _targets("A/RES/76/127", "zh")["A/RES/46/182"] is True
