"""Checks that a parser kept every word of its source and let no page furniture through.

Golden tests of any layout can use them: the source text and a furniture pattern in, the words
that the parse lost (or the furniture it kept) out, so a failure names what went wrong.
"""

import re
from collections.abc import Iterable

from resolutions.parsing.document import ParsedResolution

_TOKEN_RE = re.compile(r"[^\W_]+")
# Header words the parse keeps as structured values (a date, a session number), not as text.
_HEADER_WORDS_TEXT = (
    "united nations general assembly security council distr resolution resolutions adopted by "
    "the on at its of session emergency special agenda item items plenary meeting resumed "
    "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
    "twenty thirty forty fifty sixty seventy eighty ninety "
    "january february march april may june july august september october november december"
)
_HEADER_WORDS = frozenset(_HEADER_WORDS_TEXT.split())


def parsed_texts(parsed: ParsedResolution) -> list[str]:
    """Every text the parse holds: paragraphs, footnotes and header values."""
    texts = [paragraph.text for paragraph in parsed.paragraphs]
    texts += [note.text for note in parsed.footnotes]
    texts += [note.marker for note in parsed.footnotes]
    texts += [label for label in (p.label for p in parsed.paragraphs) if label]
    texts += [
        parsed.symbol,
        parsed.title,
        parsed.agenda_title,
        parsed.adoption_note,
        parsed.opening_formula,
        " ".join(parsed.agenda_items),
        " ".join(parsed.draft_symbols),
    ]
    for day in (parsed.adopted_on, parsed.distributed_on):
        if day:
            texts.append(f"{day.day} {day.year}")
    if parsed.meeting_number:
        number = parsed.meeting_number
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(
            number % 10 if number % 100 not in (11, 12, 13) else 0, "th"
        )
        texts.append(f"{number} {number}{suffix}")
    if parsed.session:
        texts.append(str(parsed.session))
    return texts


def missing_words(
    text: str,
    parsed: ParsedResolution,
    furniture_re: re.Pattern,
    inline_furniture_re: re.Pattern | None = None,
) -> list[str]:
    """Words of ``text`` (lines matching ``furniture_re`` left out, and what
    ``inline_furniture_re`` finds inside lines) found nowhere in the parse.

    A word broken by the layout (``hu manitarian``) counts as found when each piece is part of a
    word of the parse; a number counts when the parse holds it (as text, label or marker).
    """
    kept = _tokens(parsed_texts(parsed))
    pieces = " ".join(sorted(kept))
    missing = []
    for line in text.replace("\f", "\n").splitlines():
        if furniture_re.match(line.strip()):
            continue
        if inline_furniture_re is not None:
            line = inline_furniture_re.sub(" ", line)
        for token in _TOKEN_RE.findall(line):
            word = token.lower()
            if word in kept or word in _HEADER_WORDS:
                continue
            if not word.isdigit() and word in pieces:
                continue
            missing.append(token)
    return missing


def furniture_in_text(parsed: ParsedResolution, furniture_re: re.Pattern) -> list[str]:
    """The eids (or fn_ eids) whose text contains page furniture."""
    found = [p.eid for p in parsed.paragraphs if furniture_re.search(p.text)]
    return found + [note.eid for note in parsed.footnotes if furniture_re.search(note.text)]


def _tokens(texts: Iterable[str]) -> set[str]:
    return {token.lower() for text in texts for token in _TOKEN_RE.findall(text)}
