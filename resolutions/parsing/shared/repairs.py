"""Flaws every layout can leave in a paragraph's plain text, repaired once it is parsed.

* A space between two Chinese characters (``又回顾 国际人道法``): the PDF conversion leaves one
  after the opening verb of a paragraph, set in italics in the print. Chinese has no spaces
  between words, so it is taken out of every text in every layout: it would be shown, and the
  search index, which pairs characters only where they stand together, would not find
  ``深为关切国际法`` across it. The source file keeps it. A space beside a figure (``在 2020
  年``) is the layout's own and stays.
* An ASCII comma, semicolon or colon set after a Chinese character, before another or at the
  end of the text (``承认,乃是``): Chinese text takes the full-width marks (``，；：``), which an
  HTML edition of a text may have replaced. The full-width mark is put back, so the text reads
  and is quoted as the official one; a comma between figures or Latin words is not touched.
* A word hyphenated at a line end that the OCR of a printed volume left with a space
  (``inter- national``). It is joined where the joined word is a word of the archive
  (``international``) and keeps its hyphen where the hyphenated form is (``Secretary-General``,
  ``self-determination``); what is neither stays as printed (``cost- and time-effective`` is
  a suspended hyphen, not a broken word). The evidence is ``KnownWords``: every word of the
  archive and of the files being imported, so that a text is mended the same way whichever
  file of a run comes first.

Every repair is recorded in the resolution's ``repairs``, which the importer keeps among the
version's warnings. Footnote references move with the text; citations are found again in a
repaired text, where a mended word may complete a list (``10 Au- gust``).
"""

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from ..document import FootnoteRef, Issue, ParsedResolution
from .text import citation_spans

# The layouts whose texts are read by OCR from printed volumes, hyphenated at line ends.
OCR_FORMATS = frozenset({"crunsc", "ocr"})

# A word as the archive's vocabulary counts it: letters, hyphenated compounds whole. The
# pattern reads the same in PostgreSQL (see resolutions.vocabulary).
WORD_PATTERN = "[A-Za-z]+(?:-[A-Za-z]+)*"
WORD_RE = re.compile(WORD_PATTERN)

# Chinese characters and the full-width punctuation set with them; curly quotes, which both
# scripts use, are left out, so a space beside them is never taken for a stray one.
_CJK = r"\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0002fa1f"
_STRAY_SPACE_RE = re.compile(rf"(?<=[{_CJK}])[ \u3000]+(?=[{_CJK}])")
_ASCII_MARK_RE = re.compile(rf"(?<=[{_CJK}])[,;:](?=[{_CJK}]|$)")
_FULL_WIDTH = {",": "，", ";": "；", ":": "："}
_MARK_NOTE = "full-width mark"
# Prefixes the UN always hyphenates: self-sufficiency, non-fragmented, ex-combatants.
_HYPHENATED_PREFIXES = frozenset({"self", "non", "ex"})
# "inter- national", "Non-Self- Governing": the hyphenated word before the space, the rest after.
_BROKEN_RE = re.compile(r"(?<![A-Za-z-])(?P<head>[A-Za-z]+(?:-[A-Za-z]+)*)- (?P<tail>[A-Za-z]+)")


@dataclass(frozen=True)
class KnownWords:
    """How often each word is printed whole, in lower case, and each pair a hyphenated compound
    is made of (``self-determination``, ``secretary-general``)."""

    words: Counter[str] = field(default_factory=Counter)
    compounds: Counter[str] = field(default_factory=Counter)

    @classmethod
    def of(cls, counts: Iterable[tuple[str, int]]) -> "KnownWords":
        """The words of ``counts``: each a word as WORD_RE finds them, and how often."""
        words: Counter[str] = Counter()
        compounds: Counter[str] = Counter()
        for token, count in counts:
            parts = token.lower().split("-")
            if len(parts) == 1:
                words[parts[0]] += count
            for pair in zip(parts, parts[1:], strict=False):
                compounds["-".join(pair)] += count
        return cls(words, compounds)

    @classmethod
    def of_text(cls, text: str) -> "KnownWords":
        """The words of a text; a word broken at a line end (``inter-`` / ``national``) gives
        its halves only, never a compound."""
        return cls.of(Counter(WORD_RE.findall(text)).items())

    def __or__(self, other: "KnownWords") -> "KnownWords":
        return KnownWords(self.words + other.words, self.compounds + other.compounds)

    def mend(self, head: str, tail: str) -> str | None:
        """``head- tail`` as the archive spells it, or None when it does not say.

        The hyphenated spelling wins where the archive prints it (``co-operate``,
        ``peace-keeping`` in the texts of their time), unless it is printed once and the joined
        one more often: that is a slip (``Decem-ber``). A few prefixes keep their hyphen even
        when the archive has no other instance.
        """
        last = head.rsplit("-", 1)[-1]
        if last.islower() and tail[:1].isupper():
            return None  # "in- Formation" is no word of any spelling
        hyphenated = self.compounds[f"{last}-{tail}".lower()]
        joined = self.words[(last + tail).lower()]
        if hyphenated > 1 or hyphenated and hyphenated >= joined:
            return f"{head}-{tail}"
        if joined:
            return head + tail
        if last.lower() in _HYPHENATED_PREFIXES:
            return f"{head}-{tail}"
        return None


@dataclass(frozen=True)
class _Fix:
    """One repair: ``text[start:end]`` becomes ``replacement``, which drops the characters at
    ``removed``."""

    start: int
    end: int
    replacement: str
    removed: tuple[int, ...]
    note: str


def repair(resolution: ParsedResolution, known: KnownWords) -> None:
    """Repair every paragraph and footnote of ``resolution`` in place, recording each repair."""
    hyphenation = resolution.source_format in OCR_FORMATS
    for item in [*resolution.paragraphs, *resolution.footnotes]:
        fixes = _fixes(item.text, known if hyphenation else None)
        if not fixes:
            continue
        removed = [at for fix in fixes for at in fix.removed]
        refs = getattr(item, "footnote_refs", None)
        if refs is not None:
            item.footnote_refs = [
                FootnoteRef(ref.marker, ref.offset - sum(1 for at in removed if at < ref.offset))
                for ref in refs
            ]
        pieces, position = [], 0
        for fix in fixes:
            pieces += [item.text[position : fix.start], fix.replacement]
            position = fix.end
        item.text = "".join(pieces) + item.text[position:]
        item.citations = citation_spans(item.text)
        where = f"{item.eid}: " if item.eid else ""
        resolution.repairs += [Issue(item.line, where + note) for note in _notes(fixes)]


def _notes(fixes: list[_Fix]) -> list[str]:
    """What was repaired in one text: each repair, except the full-width marks put back, which
    are told once, with how many of each there were."""
    marks = Counter(fix.replacement for fix in fixes if fix.note == _MARK_NOTE)
    notes = [fix.note for fix in fixes if fix.note != _MARK_NOTE]
    if marks:
        back = {full: ascii for ascii, full in _FULL_WIDTH.items()}
        counted = ", ".join(f"{count} × {back[mark]} → {mark}" for mark, count in marks.items())
        notes.append(f"ASCII punctuation after Chinese characters made full-width ({counted})")
    return notes


def _fixes(text: str, known: KnownWords | None) -> list[_Fix]:
    """The repairs a text needs, in order; a stray space or an ASCII mark lies between Chinese
    characters and a broken word between letters, so no two overlap."""
    fixes = [
        _Fix(
            match.start(),
            match.end(),
            _FULL_WIDTH[match.group()],
            (),
            _MARK_NOTE,
        )
        for match in _ASCII_MARK_RE.finditer(text)
    ]
    fixes += [
        _Fix(
            match.start(),
            match.end(),
            "",
            tuple(range(match.start(), match.end())),
            f"space between Chinese characters removed "
            f"({text[max(match.start() - 3, 0) : match.end() + 3]})",
        )
        for match in _STRAY_SPACE_RE.finditer(text)
    ]
    for match in _BROKEN_RE.finditer(text) if known is not None else ():
        mended = known.mend(match["head"], match["tail"])
        if mended is None:
            continue
        hyphen = match.end("head")
        kept_hyphen = mended == f"{match['head']}-{match['tail']}"
        fixes.append(
            _Fix(
                match.start(),
                match.end(),
                mended,
                (hyphen + 1,) if kept_hyphen else (hyphen, hyphen + 1),
                f"line-end hyphenation undone ({match.group()} → {mended})",
            )
        )
    return sorted(fixes, key=lambda fix: fix.start)
