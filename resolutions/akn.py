"""The Akoma Ntoso 3.0 form of a language version, in the UN's AKN4UN profile as far as it
applies to the archive's data: what ``export_resolution --format akn`` prints and
``/A/RES/76/127/zh.akn.xml`` serves.

A resolution is a ``<statement name="resolution">``: its symbol and title in the ``<preface>``,
the opening formula and the preambular paragraphs (``<recital>``) in the ``<preamble>``, the
operative paragraphs (``<paragraph>``, sub-items as ``<point>`` in a ``<list>``) in the
``<mainBody>``, the meeting and date in the ``<conclusions>`` and each annex as an
``<attachment>``. Every paragraph's ``eId`` is its archive eid, so ``#para_4`` names the same
paragraph here, on the page and in the JSON export. Footnotes stand as ``<authorialNote>`` at
their marker and citations as ``<ref>`` over the cited symbol: the text of each paragraph, read
without its notes, is exactly the archive's plain text.

The XML is built with lxml, never by joining strings, so imported text cannot become markup.
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from lxml import etree

from .akn_text import Span, indent, new_element, sub, weave, xml_safe
from .bodies import BODIES
from .citations.formatting import english_date
from .citations.links import citation_url
from .models import Body, Citation, Footnote, LanguageVersion, Paragraph, ParagraphKind
from .structure import Node, Section, arrange, build_tree

CONTENT_TYPE = "application/akn+xml"

# ISO 639-2 codes, as AKN URIs and FRBRlanguage write languages.
ISO_639_2 = {"zh": "zho", "en": "eng", "fr": "fra", "es": "spa", "ru": "rus", "ar": "ara"}

# The bodies as TLC organisations: (eId, name); the eId is the AKN4UN actor code.
_BODIES = {code: (names.actor, names.en) for code, names in BODIES.items()}
_ARCHIVE = ("un-archive", "UN Resolutions Archive")

# The closing lines under the text: the meeting (Assembly, Council) in the version's language.
_MEETINGS = {
    "zh": ("第 {n} 次全体会议", "第 {n} 次会议"),
    "en": ("{nth} plenary meeting", "{nth} meeting"),
    "fr": ("{n}e séance plénière", "{n}e séance"),
    "es": ("{n}ª sesión plenaria", "{n}ª sesión"),
    "ru": ("{n}-е пленарное заседание", "{n}-е заседание"),
    "ar": ("الجلسة العامة {n}", "الجلسة {n}"),
}

# --- Identification ---------------------------------------------------------------------------


@dataclass(frozen=True)
class WorkURI:
    """The FRBR URIs of one resolution in one language:
    ``/akn/un/statement/deliberation/unga/2021-12-10/76-127`` and ``…/zho@``."""

    work: str
    language: str  # ISO 639-2

    @property
    def expression(self) -> str:
        return f"{self.work}/{self.language}@"

    def this(self, level: str, component: str = "main") -> str:
        """FRBRthis of ``component`` (main, annex_ii) at level work, expression or
        manifestation."""
        if level == "work":
            return f"{self.work}/!{component}"
        suffix = ".xml" if level == "manifestation" else ""
        return f"{self.expression}/!{component}{suffix}"


def work_date(version: LanguageVersion) -> tuple[date | None, str]:
    """The date a resolution is known by, and what it is: its adoption, else the version's
    distribution; (None, "") when the source gives neither."""
    if version.resolution.adopted_on:
        return version.resolution.adopted_on, "adoption"
    if version.distributed_on:
        return version.distributed_on, "distribution"
    return None, ""


def work_uri(version: LanguageVersion) -> WorkURI:
    """AKN4UN naming: the Assembly's resolutions by session and number (``76-127``,
    ``es-11-1``, ``217-a-iii``), the Council's by number, after the date of ``work_date`` (or
    the year of a Council resolution when the source gives no date)."""
    resolution = version.resolution
    actor = _BODIES[resolution.body][0]
    if resolution.body == Body.SECURITY_COUNCIL:
        number = str(resolution.number)
    else:
        number = re.sub(r"[^0-9a-z]+", "-", resolution.short_symbol.lower()).strip("-")
    when, _ = work_date(version)
    dated = when.isoformat() if when else str(resolution.year or "")
    path = "/".join(part for part in ("un/statement/deliberation", actor, dated, number) if part)
    return WorkURI(f"/akn/{path}", ISO_639_2[version.language])


def _frbr(parent, name: str, this: str, uri: str, when: date, date_name: str, author: str):
    frbr = sub(parent, name)
    sub(frbr, "FRBRthis", value=this)
    sub(frbr, "FRBRuri", value=uri)
    sub(frbr, "FRBRdate", date=when.isoformat(), name=date_name)
    sub(frbr, "FRBRauthor", href=f"#{author}")
    return frbr


def _identification(meta, version: LanguageVersion, uri: WorkURI, component: str) -> None:
    resolution = version.resolution
    body = _BODIES[resolution.body][0]
    identification = sub(meta, "identification", source=f"#{_ARCHIVE[0]}")
    known, known_as = work_date(version)
    if known is None:  # the schema wants a date: the day the archive took the text in
        known, known_as = version.imported_at.date(), "import"
    work = _frbr(
        identification, "FRBRWork", uri.this("work", component), uri.work, known, known_as, body
    )
    sub(work, "FRBRcountry", value="un")
    sub(work, "FRBRsubtype", value="deliberation")
    sub(work, "FRBRnumber", value=resolution.short_symbol)
    published, published_as = known, known_as
    if version.distributed_on:
        published, published_as = (version.distributed_on, "distribution")
    expression = _frbr(
        identification,
        "FRBRExpression",
        uri.this("expression", component),
        uri.expression,
        published,
        published_as,
        body,
    )
    # All six official languages are authentic: no version is a translation of another.
    sub(expression, "FRBRauthoritative", value="true")
    sub(expression, "FRBRlanguage", language=uri.language)
    manifestation = _frbr(
        identification,
        "FRBRManifestation",
        uri.this("manifestation", component),
        f"{uri.expression}.akn",
        version.imported_at.date(),
        "generation",
        _ARCHIVE[0],
    )
    sub(manifestation, "FRBRformat", value=CONTENT_TYPE)


def _meta(document, version: LanguageVersion, uri: WorkURI, component: str = "main"):
    meta = sub(document, "meta")
    _identification(meta, version, uri, component)
    return meta


# --- The text ---------------------------------------------------------------------------------


class _Writer:
    """Writes one version's paragraphs; remembers which footnotes already stand somewhere, so
    each is written once (``<authorialNote eId="fn_1">``) and later markers point at it."""

    def __init__(self, version: LanguageVersion):
        self.language = version.language
        # The prefetched footnotes, whose citations come with them (a reference's own
        # ``footnote`` would fetch its citations again).
        self.footnotes = {footnote.id: footnote for footnote in version.footnotes.all()}
        self.placed: set[int] = set()

    def spans(self, citations: Iterable[Citation]) -> list[Span]:
        return [Span(c.start, c.end, citation_url(c, self.language)) for c in citations]

    def note(self, footnote: Footnote, tag: str = "authorialNote") -> etree._Element:
        note = new_element(tag, eId=footnote.eid, marker=footnote.marker)
        if tag == "authorialNote":
            note.set("placement", "bottom")
        weave(sub(note, "p"), footnote.text, self.spans(footnote.citations.all()))
        self.placed.add(footnote.id)
        return note

    def markers(self, paragraph: Paragraph) -> list[tuple[int, etree._Element]]:
        markers = []
        for ref in paragraph.footnote_references.all():
            footnote = self.footnotes[ref.footnote_id]
            if footnote.id in self.placed:
                marker = new_element("noteRef", marker=footnote.marker, href=f"#{footnote.eid}")
            else:
                marker = self.note(footnote)
            markers.append((ref.offset, marker))
        return markers

    def text(self, element: etree._Element, paragraph: Paragraph) -> etree._Element:
        return weave(
            element, paragraph.text, self.spans(paragraph.citations.all()), self.markers(paragraph)
        )

    def num(self, element, paragraph: Paragraph) -> None:
        if paragraph.label:
            printed = xml_safe(paragraph.label)
            sub_item = paragraph.kind == ParagraphKind.SUBPARAGRAPH
            sub(element, "num").text = f"({printed})" if sub_item else f"{printed}."

    def recital(self, parent, node: Node) -> None:
        """A preambular paragraph; its sub-items, if any, as a block list inside it."""
        recital = sub(parent, "recital", eId=node.paragraph.eid)
        self.text(sub(recital, "p"), node.paragraph)
        if node.subitems:
            self.items(recital, node.subitems)

    def items(self, parent, nodes: list[Node]) -> None:
        block_list = sub(parent, "blockList")
        for node in nodes:
            item = sub(block_list, "item", eId=node.paragraph.eid)
            self.num(item, node.paragraph)
            self.text(sub(item, "p"), node.paragraph)
            if node.subitems:
                self.items(item, node.subitems)

    def hierarchy(self, parent, node: Node, tag: str) -> None:
        """An operative paragraph, a sub-item (``point``) or other text (``hcontainer``):
        its own text as ``content``, or as the ``intro`` to a list of its sub-items."""
        paragraph = node.paragraph
        attributes = {"eId": paragraph.eid}
        if tag == "hcontainer":
            attributes["name"] = _container_name(paragraph)
        element = sub(parent, tag, **attributes)
        if tag == "hcontainer" and attributes["name"] == "heading":
            self.text(sub(element, "heading"), paragraph)
        else:
            self.num(element, paragraph)
            if not node.subitems:
                self.text(sub(sub(element, "content"), "p"), paragraph)
                return
            if paragraph.text:
                self.text(sub(sub(element, "intro"), "p"), paragraph)
        if node.subitems:
            points = sub(element, "list", eId=f"{paragraph.eid}__list_1")
            for item in node.subitems:
                self.hierarchy(points, item, "point")

    def document(self, document, roots: list[Node], formula: str = "") -> None:
        """The preamble (opening formula, the preambular paragraphs that open the text) and the
        main body (everything after them) of the resolution or of one annex."""
        leading = 0
        while leading < len(roots) and roots[leading].paragraph.kind == ParagraphKind.PREAMBULAR:
            leading += 1
        if leading == len(roots):
            leading = 0  # a main body cannot be empty: recitals alone go into it
        if formula or leading:
            preamble = sub(document, "preamble")
            if formula:
                weave(sub(sub(preamble, "formula", name="enactingFormula"), "p"), formula)
            if leading:
                recitals = sub(preamble, "recitals")
                for node in roots[:leading]:
                    self.recital(recitals, node)
        body = sub(document, "mainBody")
        for node in roots[leading:]:
            tag = "paragraph" if node.paragraph.kind == ParagraphKind.OPERATIVE else "hcontainer"
            self.hierarchy(body, node, tag)
        if not roots:
            sub(body, "p")  # a version without paragraphs still needs a body


def _container_name(paragraph: Paragraph) -> str:
    """What an unnumbered piece of text is, read from its eid: a heading, a table row
    (``table_1_row_2``), an item of a list standing alone, or plain text; a preambular
    paragraph found after the preamble (or in a text with nothing else) is a recital."""
    if paragraph.kind == ParagraphKind.PREAMBULAR:
        return "recital"
    for prefix, name in (("heading_", "heading"), ("table_", "tableRow"), ("item_", "item")):
        if prefix in paragraph.eid:
            return name
    return "text"


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _date_text(day: date, language: str) -> str:
    if language == "zh":
        return f"{day.year} 年 {day.month} 月 {day.day} 日"
    if language == "en":
        return english_date(day)
    return day.isoformat()


def _conclusions(statement, version: LanguageVersion) -> None:
    resolution = version.resolution
    if not (resolution.meeting_number or resolution.adopted_on):
        return
    conclusions = sub(statement, "conclusions")
    if resolution.meeting_number:
        assembly, council = _MEETINGS[version.language]
        template = council if resolution.body == Body.SECURITY_COUNCIL else assembly
        n = resolution.meeting_number
        sub(conclusions, "p").text = template.format(n=n, nth=_ordinal(n))
    if resolution.adopted_on:
        day = resolution.adopted_on
        sub(sub(conclusions, "p"), "date", date=day.isoformat()).text = _date_text(
            day, version.language
        )


def _references(meta, version: LanguageVersion) -> None:
    references = sub(meta, "references", source=f"#{_ARCHIVE[0]}")
    for eid, name in (_BODIES[version.resolution.body], _ARCHIVE):
        href = f"/ontology/organization/un/{eid}"
        sub(references, "TLCOrganization", eId=eid, href=href, showAs=name)


def _annex(attachments, writer: _Writer, version, uri: WorkURI, section: Section) -> None:
    attachment = sub(attachments, "attachment", eId=section.anchor)
    if section.number:
        sub(attachment, "num").text = section.number
    doc = sub(attachment, "doc", name="annex")
    _meta(doc, version, uri, component=section.anchor)
    writer.document(doc, [node for run in section.runs for node in run.items])


def build_akn(version: LanguageVersion) -> etree._Element:
    """The ``<akomaNtoso>`` element of a version fetched with
    ``LanguageVersion.objects.with_contents()`` (no further queries)."""
    resolution = version.resolution
    uri = work_uri(version)
    root = new_element("akomaNtoso")
    statement = sub(root, "statement", name="resolution")
    meta = _meta(statement, version, uri)
    _references(meta, version)

    preface = sub(statement, "preface")
    sub(sub(preface, "p"), "docNumber").text = resolution.symbol
    sub(sub(preface, "p"), "docTitle").text = xml_safe(version.title)

    paragraphs = list(version.paragraphs.all())
    sections = arrange(build_tree(paragraphs))
    body = [node for s in sections if not s.is_annex for run in s.runs for node in run.items]
    writer = _Writer(version)
    writer.document(statement, body, version.opening_formula)
    _conclusions(statement, version)
    annexes = [section for section in sections if section.is_annex]
    if annexes:
        attachments = sub(statement, "attachments")
        for section in annexes:
            _annex(attachments, writer, version, uri, section)

    # A footnote no marker points at (kept by a --lenient import) is still part of the text.
    unplaced = [f for f in writer.footnotes.values() if f.id not in writer.placed]
    if unplaced:
        notes = sub(meta, "notes", source=f"#{_ARCHIVE[0]}")
        for footnote in unplaced:
            notes.append(writer.note(footnote, tag="note"))
    indent(root)
    return root


def export_akn(version: LanguageVersion) -> bytes:
    """The version as an Akoma Ntoso document, UTF-8 with an XML declaration."""
    return etree.tostring(build_akn(version), xml_declaration=True, encoding="UTF-8") + b"\n"


def download_name(version: LanguageVersion) -> str:
    """A_RES_76_127.zh.akn.xml, S_RES_2286_2016.en.akn.xml."""
    stem = re.sub(r"[^0-9A-Za-z]+", "_", version.resolution.symbol).strip("_")
    return f"{stem}.{version.language}.akn.xml"
