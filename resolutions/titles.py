"""Telling resolutions apart in a list when their title does not.

The Security Council's yearly volumes print no title of their own: a text is "Resolution 242
(1967)" unless a topic heading stood above it. Lists, search results, feeds and the API then show,
under that title, the opening words of the first paragraph ("Expressing its continuing concern
with the grave situation in the Middle East…"), which is what a reader skims to find a text.

Plain Python: no Django here.
"""

# Characters of a subtitle: a line of a list on a wide screen, two on a phone.
SUBTITLE_LENGTH = 90


def names_no_subject(title: str, short_symbol: str) -> bool:
    """Whether ``title`` is only the resolution's number: "Resolution 242 (1967)", or empty."""
    return not title.strip() or title.strip() == f"Resolution {short_symbol}"


def opening_words(text: str, length: int = SUBTITLE_LENGTH) -> str:
    """The start of ``text``, cut at a word (or, in Chinese, anywhere) before ``length``
    characters, with "…" when it was cut."""
    text = " ".join(text.split()).rstrip(",;:")
    if len(text) <= length:
        return text
    cut = text[:length]
    if " " in cut and text[length] != " ":
        cut = cut.rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + "…"


def subtitle_for(title: str, short_symbol: str, paragraphs: list[tuple[str, str]]) -> str:
    """The subtitle of a language version: the opening words of its first preambular or
    operative paragraph ((kind, text) pairs in order) when its title names no subject."""
    if not names_no_subject(title, short_symbol):
        return ""
    texts = [text for kind, text in paragraphs if kind in ("preambular", "operative")]
    texts = texts or [text for _, text in paragraphs]
    return opening_words(texts[0]) if texts else ""
