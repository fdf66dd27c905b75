"""Resolution files in the Markdown-like layout, written by the tests themselves.

``markdown_resolution`` makes a well-formed English resolution of any size, for tests that need
many paragraphs, footnotes and citations (query counts, lists, pagination) without copying the
corpus. The wording is generic on purpose.
"""

from pathlib import Path


def markdown_resolution(
    session: int = 79,
    number: int = 1,
    *,
    preambular: int = 3,
    operative: int = 3,
    subitems: int = 0,
    footnote_every: int = 0,
    cites: tuple[str, ...] = (),
    adopted: str = "2 December 2024",
    title: str = "",
) -> str:
    """A resolution with the given numbers of paragraphs; every ``footnote_every``-th paragraph
    carries a footnote, and each symbol in ``cites`` is cited by one operative paragraph."""
    footnotes: list[str] = []
    lines = [
        "General Assembly",
        "",
        "Distr.: General",
        adopted,
        "",
        "Agenda item 12",
        "",
        "Records of the Organization",
        "",
        f"Resolution adopted by the General Assembly on {adopted}",
        "",
        f"[without reference to a Main Committee ([A/{session}/L.{number}](#))]",
        "",
        f"{session}/{number}. {title or f'Test resolution number {number}'}",
        "",
        "The General Assembly,",
        "",
    ]

    def note(position: int) -> str:
        if not footnote_every or position % footnote_every:
            return ""
        footnotes.append(f"A/{session}/{100 + len(footnotes) + 1}")
        return _superscript(len(footnotes))

    position = 0
    for n in range(1, preambular + 1):
        position += 1
        lines += [
            f"*Recalling* the considerations set out in part {n} of its work,{note(position)}",
            "",
        ]
    citations = list(cites)
    for n in range(1, operative + 1):
        position += 1
        cited = f" and recalls resolution {citations.pop(0)}" if citations else ""
        lines += [
            f"{n}. **Decides** to continue the work described in item {n}{cited};{note(position)}",
            "",
        ]
        for letter in "abcdefghijklmnopqrstuvwxyz"[:subitems]:
            lines += [f"({letter}) To report on aspect {letter} of item {n};", ""]
    lines += [f"{_superscript(i)} See {symbol}." for i, symbol in enumerate(footnotes, 1)]
    lines += ["", "51st plenary meeting", adopted, ""]
    return "\n".join(lines)


def _superscript(number: int) -> str:
    return str(number).translate(str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹"))


def write_resolution(directory: Path, name: str, **options) -> Path:
    path = directory / name
    path.write_text(markdown_resolution(**options), encoding="utf-8")
    return path
