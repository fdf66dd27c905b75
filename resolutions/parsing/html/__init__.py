"""The HTML layout: a UN text published as structured HTML, one language per file.

What it looks like (the Universal Declaration of Human Rights, A/RES/217 A (III), is the
reference)::

    <html lang="zh" dir="ltr">
      <h1>世界人权宣言</h1>                      ← the title
      <header>
        <h2>序言</h2>                          ← the preamble's heading (not a paragraph)
        <p>鉴于……</p>                          ← preambular paragraphs; the last is the
        …                                         proclamation ("Now, therefore, … proclaims")
      </header>
      <article data-number="1">
        <h2>第一条</h2>                        ← the article's heading
        <p>人人生而自由……</p>                   ← unnumbered paragraphs, or
        <ol><li><p>…</p></li>…</ol>            ← numbered ones
      </article>
      …

eids: ``preamble_N`` for the preamble's paragraphs in order; ``article_N`` for an article's
heading (kind OTHER, the heading's text); ``article_N_para_M`` for its M-th paragraph, numbered
(OPERATIVE, label "M") when it is an item of the article's ``<ol>``, unnumbered (OTHER) when it
is a ``<p>``. So the same place has the same eid in every language wherever the versions agree.

The file carries no resolution header: its symbol, adoption date, meeting and vote come from a
metadata file (``metadata``) and are never guessed; until they are applied the symbol is empty.
Markup is reduced to plain text (tags dropped, white space collapsed); markup the HTML parser
had to repair (an end tag that closes nothing) is refused with its line, as is any structure
other than the above.
"""

import re

import lxml.etree
import lxml.html

from ..document import OPERATIVE, OTHER, PREAMBULAR, ParsedParagraph, ParsedResolution, ParseError
from ..shared.text import citation_spans

FORMAT = "html"

# An HTML document: a doctype or an <html> element first, after any comment or white space.
_HTML_START_RE = re.compile(
    r"^\ufeff?\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b", re.I | re.S
)
_WHITESPACE_RE = re.compile(r"\s+")


def looks_like_html_layout(text: str) -> bool:
    """The layout's signature: an HTML document (its structure is checked when parsed, so an
    HTML file that is not a text in this layout fails with the reason)."""
    return bool(_HTML_START_RE.match(text[:4096]))


def language_of(text: str) -> str | None:
    """The language the document declares on its ``<html lang>``, as a primary subtag."""
    match = re.search(r"<html\b[^>]*?\blang\s*=\s*[\"']?([A-Za-z]{2,3})", text[:4096], re.I)
    return match.group(1).lower() if match else None


def _plain(element: lxml.html.HtmlElement) -> str:
    return _WHITESPACE_RE.sub(" ", element.text_content()).strip()


def _own_text(element: lxml.html.HtmlElement) -> str:
    """Text standing directly in ``element``, outside its child elements."""
    pieces = [element.text or ""] + [child.tail or "" for child in element]
    return "".join(pieces).strip()


def _document(text: str) -> lxml.html.HtmlElement:
    parser = lxml.html.HTMLParser(recover=True)
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (lxml.etree.ParserError, ValueError) as error:
        raise ParseError(f"not readable as HTML: {error}") from None
    for entry in parser.error_log:
        if entry.level >= lxml.etree.ErrorLevels.ERROR:
            raise ParseError(f"broken HTML markup: {entry.message}", entry.line)
    return root


def parse(text: str, language: str) -> ParsedResolution:
    """Parse one file in this layout; raises ParseError when its structure is not the layout's."""
    root = _document(text)
    body = root.find("body")
    if body is None:
        raise ParseError("no <body> in the HTML document")
    headings = body.findall(".//h1")
    if len(headings) != 1:
        raise ParseError(
            f"{len(headings)} <h1> elements: the title is the document's one <h1>",
            headings[1].sourceline if len(headings) > 1 else 0,
        )
    title = _plain(headings[0])
    if not title:
        raise ParseError("the <h1> title is empty", headings[0].sourceline)
    resolution = ParsedResolution(
        symbol="", body="", language=language, title=title, source_format=FORMAT
    )
    resolution.paragraphs += _preamble(body)
    articles = body.xpath(".//article")
    if not articles:
        raise ParseError(
            'no <article data-number="N"> elements: an HTML text in this layout gives its '
            "articles as <article> elements"
        )
    if nested := body.xpath(".//article//article"):
        raise ParseError(
            "an <article> inside another (is an </article> missing?)", nested[0].sourceline
        )
    for expected, article in enumerate(articles, start=1):
        resolution.paragraphs += _article(article, expected)
    return resolution


def _preamble(body: lxml.html.HtmlElement) -> list[ParsedParagraph]:
    headers = body.findall(".//header")
    if len(headers) != 1:
        line = headers[1].sourceline if len(headers) > 1 else 0
        raise ParseError(
            f"{len(headers)} <header> elements: the preamble is the document's one <header>", line
        )
    paragraphs = []
    for child in headers[0]:
        if child.tag is lxml.etree.Comment or child.tag in ("h2", "h3"):
            continue
        if child.tag != "p":
            raise ParseError(
                f"<{child.tag}> in the preamble, where only <p> paragraphs are expected",
                child.sourceline,
            )
        paragraphs.append(_paragraph(child, f"preamble_{len(paragraphs) + 1}", PREAMBULAR, None))
    if _own_text(headers[0]):
        raise ParseError("text outside any <p> in the preamble", headers[0].sourceline)
    if not paragraphs:
        raise ParseError("the preamble (<header>) has no <p> paragraphs", headers[0].sourceline)
    return paragraphs


def _article(article: lxml.html.HtmlElement, expected: int) -> list[ParsedParagraph]:
    line = article.sourceline
    number = article.get("data-number", "")
    if not number.isdigit():
        raise ParseError(f'<article> without a number (data-number="{number}")', line)
    if int(number) != expected:
        raise ParseError(f"article {number} where article {expected} was expected", line)
    children = [child for child in article if child.tag is not lxml.etree.Comment]
    if not children or children[0].tag != "h2":
        raise ParseError(f"article {number} does not open with its <h2> heading", line)
    eid = f"article_{number}"
    paragraphs = [_paragraph(children[0], eid, OTHER, None)]
    if _own_text(article):
        raise ParseError(f"text outside any paragraph in article {number}", line)
    tags = {child.tag for child in children[1:]}
    if not tags:
        raise ParseError(f"article {number} has a heading but no text", line)
    if tags == {"p"}:
        for index, child in enumerate(children[1:], start=1):
            paragraphs.append(_paragraph(child, f"{eid}_para_{index}", OTHER, None))
    elif tags == {"ol"} and len(children) == 2:
        paragraphs += _numbered(children[1], eid, number)
    else:
        raise ParseError(
            f"article {number} holds <{'>, <'.join(sorted(tags))}>: an article's text is "
            "either <p> paragraphs or one <ol> of numbered ones",
            line,
        )
    return paragraphs


def _numbered(items: lxml.html.HtmlElement, eid: str, number: str) -> list[ParsedParagraph]:
    if items.get("start", "1") != "1":
        raise ParseError(
            f"the numbered paragraphs of article {number} start at {items.get('start')}",
            items.sourceline,
        )
    paragraphs = []
    for index, item in enumerate(items, start=1):
        if item.tag != "li":
            raise ParseError(
                f"<{item.tag}> in the numbered paragraphs of article {number}", item.sourceline
            )
        # The text is wrapped in a <p> or stands in the <li>; its line is the text's own.
        inner = [child for child in item if child.tag == "p"]
        line = inner[0].sourceline if inner else item.sourceline
        paragraphs.append(_paragraph(item, f"{eid}_para_{index}", OPERATIVE, str(index), line))
    if _own_text(items) or not paragraphs:
        raise ParseError(
            f"the <ol> of article {number} holds text outside <li> items", items.sourceline
        )
    return paragraphs


def _paragraph(
    element: lxml.html.HtmlElement,
    eid: str,
    kind: str,
    label: str | None,
    line: int | None = None,
) -> ParsedParagraph:
    text = _plain(element)
    if not text:
        raise ParseError(f"{eid} is empty", element.sourceline)
    return ParsedParagraph(
        eid=eid,
        kind=kind,
        label=label,
        parent_eid=None,
        text=text,
        line=line or element.sourceline,
        citations=citation_spans(text),
    )
