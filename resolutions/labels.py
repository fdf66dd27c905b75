"""How a paragraph is named, read from its eid: the label printed beside it and the words a
reader uses to cite it (第 4(a) 段, paragraph 4 (a), paragraphe 4 a)).

The eid carries the whole path (``para_4_a_ii`` is sub-item (ii) of (a) of paragraph 4;
``part_B_para_1`` is paragraph 1 of part B; ``annex_para_3`` is paragraph 3 of the annex and
``annex_ii_para_3`` of annex II; ``table_1_row_2`` is a row of a table; ``article_5_para_1``
is paragraph 1 of article 5 of an agreement the resolution approves; ``item_a`` is item (a) of
a list that stands on its own), so naming a paragraph needs no look-up. A footnote's eid is
``fn_`` and its marker.
"""

import re
from dataclasses import dataclass, field

# {n}: paragraph number; {items}: the sub-item path written the language's way.
_NAMES = {
    "zh": ("序言部分第 {n} 段", "第 {n}{items} 段", "({item})"),
    "en": ("preambular paragraph {n}", "paragraph {n}{items}", " ({item})"),
    "fr": ("alinéa {n} du préambule", "paragraphe {n}{items}", " {item})"),
    "es": ("párrafo {n} del preámbulo", "párrafo {n}{items}", " {item})"),
    "ru": ("пункт {n} преамбулы", "пункт {n}{items}", " {item})"),
    "ar": ("الفقرة {n} من الديباجة", "الفقرة {n}{items}", " ({item})"),
}
_ANNEX_NAMES = {
    "zh": "附件",
    "en": "annex",
    "fr": "annexe",
    "es": "anexo",
    "ru": "приложение",
    "ar": "المرفق",
}
# Headings, unnumbered text and table rows: {n} their number, {row} the row of a table.
_OTHER_NAMES = {
    "zh": {"heading": "标题 {n}", "text": "无编号段落 {n}", "table": "表 {n} 第 {row} 行"},
    "en": {
        "heading": "heading {n}",
        "text": "unnumbered paragraph {n}",
        "table": "table {n}, row {row}",
    },
    "fr": {
        "heading": "intertitre {n}",
        "text": "paragraphe non numéroté {n}",
        "table": "tableau {n}, ligne {row}",
    },
    "es": {
        "heading": "epígrafe {n}",
        "text": "párrafo sin número {n}",
        "table": "cuadro {n}, fila {row}",
    },
    "ru": {
        "heading": "заголовок {n}",
        "text": "ненумерованный абзац {n}",
        "table": "таблица {n}, строка {row}",
    },
    "ar": {
        "heading": "العنوان {n}",
        "text": "الفقرة غير المرقمة {n}",
        "table": "الجدول {n}، الصف {row}",
    },
}
_KINDS = frozenset({"preamble", "para", "heading", "text", "table", "item"})
_ARTICLE_NAMES = {
    "zh": "第 {n} 条",
    "en": "article {n}",
    "fr": "article {n}",
    "es": "artículo {n}",
    "ru": "статья {n}",
    "ar": "المادة {n}",
}
_FOOTNOTE_NAMES = {
    "zh": "脚注 {marker}",
    "en": "footnote {marker}",
    "fr": "note {marker}",
    "es": "nota {marker}",
    "ru": "сноска {marker}",
    "ar": "الحاشية {marker}",
}
_ROMAN_RE = re.compile(r"^[ivxl]+$")
# Printed beside headings, unnumbered paragraphs and table rows, which have no number.
UNNUMBERED_LABEL = "¶"
FOOTNOTE_PREFIX = "fn_"


@dataclass
class _Path:
    """What an eid says: the annex and part it is in, its kind, number and sub-items."""

    kind: str
    number: str
    items: list[str] = field(default_factory=list)
    part: str = ""
    annex: str | None = None  # None outside annexes, "" in the only annex, "ii" in annex II
    article: str = ""  # the article of an agreement the resolution approves


def _parts(eid: str) -> _Path:
    """_Path("para", "4", ["a", "ii"], part="B") for part_B_para_4_a_ii."""
    tokens = eid.split("_")
    annex = None
    if tokens[0] == "annex" and len(tokens) > 2:
        if tokens[1] in _KINDS or tokens[1] == "part":
            annex, tokens = "", tokens[1:]
        elif _ROMAN_RE.match(tokens[1]) and (tokens[2] in _KINDS or tokens[2] == "part"):
            annex, tokens = tokens[1], tokens[2:]
    part = article = ""
    if tokens[0] == "part" and len(tokens) > 2:
        part, tokens = tokens[1], tokens[2:]
    elif tokens[0] == "article" and len(tokens) > 2:
        article, tokens = tokens[1], tokens[2:]
    kind, number, *items = tokens
    if kind == "table":
        items = items[1:]  # table_1_row_2: the row, which has no sub-items
    if kind == "item":  # item_a_i: item (a) of a list standing on its own, and its (i)
        number, items = "", [number, *items]
    return _Path(kind, number, items, part, annex, article)


def annex_of(eid: str) -> str | None:
    """The annex a paragraph stands in: None outside annexes, "" in the only annex, "ii" in
    annex II."""
    return _parts(eid).annex


def paragraph_label(eid: str) -> str:
    """The label printed beside the paragraph: PP3 (preambular), 4. (operative), (a), (ii);
    a heading (an article's too), an unnumbered paragraph or a table row gets a pilcrow."""
    path = _parts(eid)
    if path.kind in ("heading", "text", "table", "article"):
        return UNNUMBERED_LABEL
    if path.items:
        return f"({path.items[-1]})"
    if path.kind == "preamble":
        return f"PP{path.number}"
    if path.kind == "annex":
        return f"A{path.number}"
    return f"{path.number}."


def paragraph_name(eid: str, language: str) -> str:
    """How a reader of ``language`` cites the paragraph: 第 4(a) 段, paragraph 4 (a),
    paragraph 3 (annex II)."""
    preamble, operative, item_format = _NAMES.get(language, _NAMES["en"])
    path = _parts(eid)
    written = "".join(item_format.format(item=item) for item in path.items)
    if path.kind == "preamble":
        name = preamble.format(n=path.number) + written
    elif path.kind in ("heading", "text", "table"):
        names = _OTHER_NAMES.get(language, _OTHER_NAMES["en"])
        name = names[path.kind].format(n=path.number, row="".join(path.items))
    elif path.kind == "item":
        name = written.strip()
    elif path.kind == "article":  # article_1: an article of a declaration, as a whole
        name = _ARTICLE_NAMES.get(language, _ARTICLE_NAMES["en"]).format(n=path.number)
    else:
        name = operative.format(n=path.number, items=written)
    where = []
    if path.annex is not None:
        annex = _ANNEX_NAMES.get(language, _ANNEX_NAMES["en"])
        where.append(f"{annex} {path.annex.upper()}" if path.annex else annex)
    if path.part:
        where.append(path.part)
    if path.article:
        where.append(_ARTICLE_NAMES.get(language, _ARTICLE_NAMES["en"]).format(n=path.article))
    return f"{name} ({', '.join(where)})" if where else name


def element_name(eid: str, language: str) -> str:
    """How a reader of ``language`` names a paragraph or a footnote: 第 4(a) 段,
    paragraph 4 (a), footnote 2, note 2."""
    if eid.startswith(FOOTNOTE_PREFIX):
        names = _FOOTNOTE_NAMES.get(language, _FOOTNOTE_NAMES["en"])
        return names.format(marker=eid.removeprefix(FOOTNOTE_PREFIX))
    return paragraph_name(eid, language)
