"""How a paragraph is named, read from its eid: the label printed beside it and the words a
reader uses to cite it (第 4(a) 段, paragraph 4 (a), paragraphe 4 a)).

The eid carries the whole path (``para_4_a_ii`` is sub-item (ii) of (a) of paragraph 4;
``part_B_para_1`` is paragraph 1 of part B), so naming a paragraph needs no look-up.
"""

# {n}: paragraph number; {items}: the sub-item path written the language's way.
_NAMES = {
    "zh": ("序言部分第 {n} 段", "第 {n}{items} 段", "({item})"),
    "en": ("preambular paragraph {n}", "paragraph {n}{items}", " ({item})"),
    "fr": ("alinéa {n} du préambule", "paragraphe {n}{items}", " {item})"),
    "es": ("párrafo {n} del preámbulo", "párrafo {n}{items}", " {item})"),
    "ru": ("пункт {n} преамбулы", "пункт {n}{items}", " {item})"),
    "ar": ("الفقرة {n} من الديباجة", "الفقرة {n}{items}", " ({item})"),
}


def _parts(eid: str) -> tuple[str, str, str, list[str]]:
    """("B", "para", "4", ["a", "ii"]) for part_B_para_4_a_ii; the part is "" outside parts."""
    part = ""
    if eid.startswith("part_"):
        _, part, eid = eid.split("_", 2)
    kind, number, *items = eid.split("_")
    return part, kind, number, items


def paragraph_label(eid: str) -> str:
    """The label printed beside the paragraph: PP3 (preambular), 4. (operative), (a), (ii);
    a heading or an unnumbered paragraph gets a pilcrow."""
    _, kind, number, items = _parts(eid)
    if items:
        return f"({items[-1]})"
    if kind == "preamble":
        return f"PP{number}"
    if kind == "annex":
        return f"A{number}"
    if kind in ("heading", "text"):
        return "¶"
    return f"{number}."


def paragraph_name(eid: str, language: str) -> str:
    """How a reader of ``language`` cites the paragraph: 第 4(a) 段, paragraph 4 (a)."""
    preamble, operative, item_format = _NAMES.get(language, _NAMES["en"])
    part, kind, number, items = _parts(eid)
    written = "".join(item_format.format(item=item) for item in items)
    if kind == "preamble":
        name = preamble.format(n=number) + written
    elif kind in ("heading", "text"):
        name = eid
    else:
        name = operative.format(n=number, items=written)
    return f"{name} ({part})" if part else name
