"""The vote of a Security Council resolution, read from its closing sentence.

The yearly volumes close each resolution with how it was adopted, and notes on the vote are
folded into that sentence by the parser (``[27: One member (China) did not participate …]``)::

    Adopted unanimously at the 1382nd meeting.
    Adopted at the 2932nd meeting by 14 votes to none, with 1 abstention (China).
    Adopted at the 1563rd meeting by 9 votes to 1 (USSR), with 1 abstention (France).
    Adopted without a vote at the 2347th meeting.

``parse_vote`` makes small JSON-ready data of it; only what the sentence says is present:

* ``unanimous``, ``without_vote``, ``consensus``, ``in_parts`` (voted on in parts, no vote on the
  whole): ``true`` when said;
* ``in_favour``, ``against``, ``abstaining``, ``not_participating``, ``absent``: counts
  ("none" is 0);
* ``against_members``, ``abstaining_members``, ``not_participating_members``,
  ``absent_members``: the members named, as printed (hyphenation at line ends undone), only when
  as many names as the count are found.

``{"unanimous": true}``; ``{"in_favour": 14, "against": 0, "abstaining": 1,
"abstaining_members": ["China"]}``. ``None`` when the sentence says nothing about the vote.
"""

import re

# OCR reads 1 as I, l or ], "to" as "io"/"ta", "votes" as "vates".
_NUMBER = r"(?:\d{1,2}|[Il\]]\d?|one|none|no)"
_COUNTS_RE = re.compile(
    rf"\b[bh]y\s+(?P<favour>{_NUMBER})\s+(?:v\w{{2}}es\s+)?(?:(?:to|io|ta|10)\s+"
    rf"(?P<against>{_NUMBER})s?\b(?:\s+against)?(?:\s*\((?P<against_members>[^)}}]*)[)}}])?)?",
    re.I,
)
_ABSTAINING_RE = re.compile(
    rf"\bwith\s+(?P<count>{_NUMBER})\s*abstentions?\b(?:\s*\((?P<members>[^)}}]*)[)}}])?", re.I
)
_NOT_PARTICIPATING_RE = re.compile(
    r"(?P<count>one|two|three|four|\d)\s+members?\s*\((?P<members>[^)]*)\)\s+"
    r"(?:did not participate|(?:was|were) absent)",
    re.I,
)
_IN_PARTS_RE = re.compile(
    r"\bvoted on (?:in parts|paragraph by paragraph)|adopted in parts|"
    r"\bNo vote was taken on the (?:text|draft resolution) as a whole",
    re.I,
)
_WITHOUT_VOTE_RE = re.compile(
    r"\bwithout (?:a )?v[ao]te\b|no formal vote|absence of (?:any )?objections?", re.I
)
_UNITED_KINGDOM = "United Kingdom of Great Britain and Northern Ireland"
# The OCR's versions: "United. Kingdom", "Great Britan", "Britain’ and", "Northern, Ireland".
_UNITED_KINGDOM_RE = re.compile(
    r"United\.? Kingdom of Great Brit\w*’? and Northern,? Ireland", re.I
)
_NAMES_WITH_AND = ("Trinidad and Tobago", "Bosnia and Herzegovina", "Antigua and Barbuda")
_WORDS = {"none": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4}


def parse_vote(note: str) -> dict | None:
    """The vote said in a closing sentence (with its folded notes), or None if it says none."""
    text = re.sub(r"(\w)- (\w)", r"\1\2", note)  # "So- viet" broken at a line end
    vote: dict = {}
    if _IN_PARTS_RE.search(text):
        vote["in_parts"] = True
    elif re.search(r"\bunanimous(?:ly)?\b", text, re.I):
        # A part adopted unanimously does not make the whole unanimous.
        vote["unanimous"] = True
    if _WITHOUT_VOTE_RE.search(text):
        vote["without_vote"] = True
    if re.search(r"\bby consensus\b", text, re.I):
        vote["consensus"] = True
    if match := _COUNTS_RE.search(text):
        vote["in_favour"] = _count(match.group("favour"))
        if vote["in_favour"] > 15 and match.group("favour").startswith("7"):
            # The Council never had more than 15 members: "73 votes" is the OCR's 13.
            vote["in_favour"] = _count("1" + match.group("favour")[1:])
        if match.group("against") is not None:
            vote["against"] = _count(match.group("against"))
            _add_members(vote, "against", match.group("against_members"))
    if match := _ABSTAINING_RE.search(text):
        vote["abstaining"] = _count(match.group("count"))
        _add_members(vote, "abstaining", match.group("members"))
    for match in _NOT_PARTICIPATING_RE.finditer(text):
        key = "absent" if "absent" in match.group(0) else "not_participating"
        vote[key] = vote.get(key, 0) + _count(match.group("count"))
        names = _members(match.group("members"), _count(match.group("count")))
        if names:
            vote.setdefault(f"{key}_members", []).extend(names)
    return vote or None


def _count(word: str) -> int:
    word = word.lower()
    if word in _WORDS:
        return _WORDS[word]
    return int(re.sub(r"[il\]]", "1", word))


def _add_members(vote: dict, key: str, members: str | None) -> None:
    names = _members(members, vote[key]) if members else []
    if names:
        vote[f"{key}_members"] = names


def _members(text: str, count: int) -> list[str]:
    """The ``count`` names in "(Poland, Union of Soviet Socialist Republics)"; [] if the names
    found are not as many as the count (the list stays with the verbatim sentence)."""
    text = re.sub(r"\s+", " ", text).strip(" .}—")
    text = _UNITED_KINGDOM_RE.sub(_UNITED_KINGDOM, text)
    # Names with "and" in them are not two members.
    for name in (_UNITED_KINGDOM, *_NAMES_WITH_AND):
        text = text.replace(name, name.replace(" and ", "\0"))
    # "Germany, Federal Republic of" is one name; a full stop is an OCR comma only sometimes
    # ("Belgium. France", but "United. Kingdom"), so it is tried last.
    for separators in (r",(?!\s*Federal Republic of)\s*|\s+and\s+|;\s*", r"[,.;]\s*|\s+and\s+"):
        names = [name.strip(" .}’'—").replace("\0", " and ") for name in re.split(separators, text)]
        names = [name for name in names if name]
        if len(names) == count:
            return names
    return []
