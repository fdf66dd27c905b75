"""From a parsed user query to the index's query syntax (Whoosh's), field by field.

Whoosh-specific on purpose and kept here, so that code above haystack does not know it:

- A Chinese term must occur as an exact substring: a phrase of character pairs in ``bigrams``
  decides whether a paragraph is a hit. ``ANDMAYBE`` adds the word-level match in ``text``, so
  paragraphs where the term stands as whole jieba words rank above those where it only straddles
  words (国人员 in 联合国人员). A one-character term is a prefix of pairs (国*).
- Any other term is a phrase of words, matched exactly in ``text`` or by stem in the field of
  each language.
- Terms are always quoted: nothing the user types can become Whoosh syntax.
"""

from .analysis import CJK_RE, LANGUAGE_FIELDS

WORD_FIELDS = ("text", *LANGUAGE_FIELDS.values())


def quoted(text: str) -> str:
    return '"' + text.replace('"', " ").replace("\\", " ") + '"'


def term_clause(text: str) -> str:
    chinese = "".join(CJK_RE.findall(text))
    if chinese:
        if len(chinese) == 1 and chinese == text.strip():
            return f"(bigrams:{chinese}* ANDMAYBE text:{quoted(text)})"
        return f"(bigrams:{quoted(text)} ANDMAYBE text:{quoted(text)})"
    return "(" + " OR ".join(f"{field}:{quoted(text)}" for field in WORD_FIELDS) + ")"


def build_query(groups, excluded) -> str:
    """AND of the groups (each an OR of terms), then NOT each excluded term."""
    clauses = [
        "(" + " OR ".join(term_clause(term.text) for term in group) + ")" for group in groups
    ]
    query = " AND ".join(clauses)
    for term in excluded:
        query += f" ANDNOT {term_clause(term.text)}"
    return query


def citing_query(canonical_symbol: str) -> str:
    """Paragraphs and footnotes that cite the symbol."""
    return f"cites:{quoted(canonical_symbol)}"


def filter_query(field: str, value: str) -> str:
    return f"{field}:{quoted(value)}"
