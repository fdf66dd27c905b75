"""A benchmark corpus: N Chinese resolutions in the Markdown-like layout, built from real UN text.

Usage::

    .venv/bin/python -m bench.make_corpus --paragraphs 100000 [--seed 1] [--out var/bench/corpus]

Only one Chinese resolution in the UN's own layout exists (A/RES/76/127), so behaviour at the
scale of the whole record is measured on generated ones. Their sentences are the real UN Chinese
of the parallel corpus (``parallel/UNv1.0.devset.zh`` in the shared corpus, read at run time);
their structure is that of the sample: the full header, preambular paragraphs opening with a
verb, numbered operative paragraphs with a bold verb, sub-items (a) and (i), superscript footnote
markers with the notes printed where a page ends (splitting a paragraph when the page ends inside
it), citations of earlier generated resolutions and of real ones, and the closing date and
meeting.

Each resolution has 20 to 120 paragraphs (sub-items included); the files together have the
number of paragraphs asked for. The same seed gives byte-identical files. The symbols belong to
sessions after the last one in the shared corpus, so they never collide with a real text there.
"""

import argparse
import os
import random
import re
import time
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from resolutions.citations.finding import find_citations
from resolutions.symbols import LAST_PLAUSIBLE_SESSION, MAX_SESSIONAL_NUMBER

from .corpus_words import (
    COMMITTEES,
    ENGLISH_MONTHS,
    OPERATIVE_VERBS,
    PREAMBULAR_VERBS,
    REAL_CITATIONS,
    TOPICS,
    chinese_numeral,
    superscript,
    zh_date,
)

PROJECT_DIR = Path(__file__).resolve().parent.parent
DEFAULT_OUT = PROJECT_DIR / "var" / "bench" / "corpus"
SENTENCES = Path("parallel") / "UNv1.0.devset.zh"

# The shared corpus and the fixtures stop at session 80, so generated resolutions take the
# sessions after it, two-digit ones as the archive's texts have (the symbol module accepts up to
# LAST_PLAUSIBLE_SESSION).
SESSIONS = range(81, min(100, LAST_PLAUSIBLE_SESSION + 1))
RESOLUTIONS_PER_SESSION = 300  # about what a regular session adopts
MIN_PARAGRAPHS, MAX_PARAGRAPHS = 20, 120
PAGE_CHARACTERS = 1400  # a printed Chinese page of resolution text

# Markup and markers that would change how the parser reads a sentence.
_UNSAFE = re.compile(r"[*_\[\]\\`#|<>⁰¹²³⁴⁵⁶⁷⁸⁹\x00-\x1f]")
_LEADING_LABEL = re.compile(
    r"^(?:(?:\d{1,3}|[A-Z])\s*[.．、]\s*|[(（][a-z0-9]{1,4}[)）]\s*|[㈠-㈩]\s*|[a-z]\s+)+"
)
_TRAILING = "。；，：:;,.！？!? "


@dataclass(frozen=True)
class CorpusSummary:
    files: int
    paragraphs: int
    characters: int
    out_dir: Path


@dataclass(frozen=True)
class _Planned:
    """One resolution to write: its place in the corpus, symbol, dates and size."""

    session: int
    number: int
    adopted_on: date
    meeting: int
    title: str
    paragraphs: int

    @property
    def short(self) -> str:
        return f"{self.session}/{self.number}"


def load_sentences(corpus_dir: Path) -> list[str]:
    """The parallel corpus's Chinese sentences, made safe to embed in a paragraph.

    Labels and final punctuation go (the generator adds its own); sentences with Markdown
    characters or superscripts, very short ones, and any that cite a generated session go.
    """
    sentences = []
    for line in (corpus_dir / SENTENCES).read_text(encoding="utf-8").splitlines():
        text = _LEADING_LABEL.sub("", line.strip()).rstrip(_TRAILING)
        if len(text) < 8 or _UNSAFE.search(text):
            continue
        if any(m.symbol.session in SESSIONS for m in find_citations(text)):
            continue
        sentences.append(text)
    if not sentences:
        raise ValueError(f"no usable sentences in {corpus_dir / SENTENCES}")
    return sentences


def _is_ideograph(char: str) -> bool:
    return "\u4e00" <= char <= "\u9fff"


def _paragraph_sizes(rng: random.Random, total: int) -> list[int]:
    """Paragraph counts of the files, each 20–120, adding up to ``total`` (at least 20)."""
    sizes = []
    remaining = total
    while remaining > 0:
        if remaining <= MAX_PARAGRAPHS:
            size = max(remaining, MIN_PARAGRAPHS)
        else:
            size = min(rng.randint(MIN_PARAGRAPHS, MAX_PARAGRAPHS), remaining - MIN_PARAGRAPHS)
        sizes.append(size)
        remaining -= size
    return sizes


def _plan(rng: random.Random, total: int) -> list[_Planned]:
    """Symbols, dates and sizes: sessions fill in order, adoptions spread over October–December."""
    sizes = _paragraph_sizes(rng, total)
    per_session = max(RESOLUTIONS_PER_SESSION, -(-len(sizes) // len(SESSIONS)))
    if per_session > MAX_SESSIONAL_NUMBER:
        capacity = len(SESSIONS) * MAX_SESSIONAL_NUMBER
        raise ValueError(f"{len(sizes)} resolutions do not fit the {capacity} symbols available")
    planned = []
    for index, size in enumerate(sizes):
        session, number = SESSIONS[index // per_session], index % per_session + 1
        day = (number - 1) * 80 // per_session
        planned.append(
            _Planned(
                session=session,
                number=number,
                adopted_on=date(1945 + session, 10, 1) + timedelta(days=day),
                meeting=10 + day,
                title=rng.choice(TOPICS),
                paragraphs=size,
            )
        )
    return planned


class _Pages:
    """The blocks of a resolution's body, with each page's footnotes where the page ends."""

    def __init__(self, rng: random.Random, used: int):
        self.rng = rng
        self.blocks: list[str] = []
        self.used = used
        self.notes: dict[str, str] = {}  # marker → note text, for the whole resolution
        self.pending: list[str] = []  # markers printed on the current page

    def add(self, prefix: str, body: str) -> None:
        """A paragraph: its label and verb (never split), then its text."""
        room = PAGE_CHARACTERS - self.used
        if len(prefix) + len(body) <= room:
            self._emit(prefix + body)
            return
        cut = self._cut(body, room - len(prefix)) if self.rng.random() < 0.6 else None
        if cut is None:
            self._emit(prefix + body)
            self._break()
        else:
            self._emit(prefix + body[:cut])
            self._break()
            self._emit(body[cut:])

    def finish(self, closing: str) -> list[str]:
        """The closing lines, then the last page's footnotes (as in the sample)."""
        self.blocks.append(closing)
        self._break()
        return self.blocks

    def _cut(self, body: str, wanted: int) -> int | None:
        """Where a page can end inside the text: between two Chinese characters, so that the
        first half does not end like a paragraph and the second does not start like one."""
        for position in range(max(wanted, 4), min(wanted + 40, len(body) - 4)):
            if _is_ideograph(body[position - 1]) and _is_ideograph(body[position]):
                return position
        return None

    def _emit(self, block: str) -> None:
        self.blocks.append(block)
        self.used += len(block)
        self.pending.extend(re.findall("[⁰¹²³⁴⁵⁶⁷⁸⁹]+", block))

    def _break(self) -> None:
        self.blocks.extend(f"{marker} {self.notes[marker]}" for marker in self.pending)
        self.pending = []
        self.used = 0


class _Writer:
    """Writes resolution ``index`` of ``planned``; it may cite those before it."""

    def __init__(
        self, rng: random.Random, sentences: list[str], planned: list[_Planned], index: int
    ):
        self.rng = rng
        self.sentences = sentences
        self.planned = planned
        self.index = index
        self.markers = 0
        self.pages: _Pages

    def write(self, res: _Planned) -> str:
        rng = self.rng
        header = self._header(res)
        self.pages = pages = _Pages(rng, used=sum(map(len, header)))
        preambular = min(max(round(res.paragraphs * rng.uniform(0.25, 0.5)), 1), res.paragraphs - 1)
        previous = ""
        for _ in range(preambular):
            verb = rng.choice(PREAMBULAR_VERBS)
            again, previous = verb == previous, verb
            if rng.random() < 0.12:
                pages.add("", self._citing(verb))
            else:
                pages.add(("又" if again else "") + verb, self._text(rng.randint(1, 4)) + "，")
        self._operative(res.paragraphs - preambular)
        closing = f"{zh_date(res.adopted_on)}\n第 {res.meeting} 次全体会议"
        text = "\n\n\n" + "\n\n".join([*header, *pages.finish(closing)]) + "\n"
        return text

    def _header(self, res: _Planned) -> list[str]:
        rng = self.rng
        distributed = res.adopted_on + timedelta(days=rng.randint(3, 10))
        item = str(rng.randint(8, 180)) + (f"({rng.choice('abcd')})" if rng.random() < 0.4 else "")
        agenda = rng.choice(TOPICS) + "：" + rng.choice(self.sentences)[:30]
        wrapped = "\n".join(agenda[i : i + 14] for i in range(0, len(agenda), 14))
        draft = f"A/{res.session}/L.{rng.randint(2, 90)}"
        if rng.random() < 0.5:
            note = f"[未经发交主要委员会而通过([{draft}](#) 和 [{draft}/Add.1](#))]"
        else:
            report = f"A/{res.session}/{rng.randint(400, 700)}"
            note = f"[根据{rng.choice(COMMITTEES)}的报告([{report}](#))通过]"
        return [
            "大 会",
            "Distr.: General\n"
            f"{distributed.day} {ENGLISH_MONTHS[distributed.month - 1]} {distributed.year}",
            f"第{chinese_numeral(res.session)}届会议",
            f"议程项目 {item}",
            wrapped,
            f"{zh_date(res.adopted_on)}大会决议",
            note,
            f"{res.short}. {res.title}",
            "大会，",
        ]

    def _operative(self, budget: int) -> None:
        """Operative paragraphs numbered 1…n, some with sub-items, using ``budget`` paragraphs."""
        rng = self.rng
        number, previous, repeats = 0, "", 0
        while budget > 0:
            number += 1
            budget -= 1
            letters, romans = 0, []
            if budget >= 2 and rng.random() < 0.15:
                letters = min(rng.randint(2, 6), budget)
                spare = budget - letters
                for _ in range(letters):
                    count = (
                        min(rng.randint(2, 4), spare) if spare >= 2 and rng.random() < 0.2 else 0
                    )
                    romans.append(count)
                    spare -= count
                budget -= letters + sum(romans)
            verb, object_ = rng.choice(OPERATIVE_VERBS)
            repeats = repeats + 1 if verb == previous else 0
            previous = verb
            again = ("", "又", "还")[min(repeats, 2)]
            end = "。" if budget == 0 and not letters else "；"
            if letters:
                body = object_ + rng.choice(self.sentences).split("，")[0][:40] + "："
            else:
                body = object_ + self._text(rng.randint(1, 4)) + end
            self.pages.add(f"{number}. **{again}{verb}**", body)
            for letter in range(letters):
                last = budget == 0 and letter == letters - 1 and not romans[letter]
                self.pages.add(f"({'abcdef'[letter]}) ", self._text(1) + ("。" if last else "；"))
                for roman in range(romans[letter]):
                    last = budget == 0 and letter == letters - 1 and roman == romans[letter] - 1
                    label = ("i", "ii", "iii", "iv")[roman]
                    self.pages.add(f"({label}) ", self._text(1) + ("。" if last else "；"))

    def _text(self, sentences: int) -> str:
        """Real sentences joined by commas, sometimes with a footnote marker after one."""
        rng = self.rng
        parts = [rng.choice(self.sentences) for _ in range(sentences)]
        if rng.random() < 0.12:
            parts[rng.randrange(sentences)] += self._marker()
        return "，".join(parts)

    def _marker(self) -> str:
        """A new footnote marker; its note is printed at the end of the page."""
        self.markers += 1
        marker = superscript(self.markers)
        self.pages.notes[marker] = self._note()
        return marker

    def _note(self) -> str:
        rng = self.rng
        kind = rng.random()
        if kind < 0.3:
            volume, number = rng.randint(100, 3000), rng.randint(1000, 60000)
            return f"联合国，《条约汇编》，第 {volume} 卷，第 {number} 号。"
        if kind < 0.55:
            report = f"A/{rng.choice(SESSIONS[:3])}/{rng.randint(100, 900)}"
            return f"{report}，第 {rng.randint(2, 90)} 段。"
        if kind < 0.7 and self.index:
            return f"见第 {self._earlier().short} 号决议。"
        return rng.choice(self.sentences) + "。"

    def _earlier(self) -> _Planned:
        """An earlier resolution, usually a recent one."""
        back = min(int(self.rng.expovariate(1 / 40)), self.index - 1)
        return self.planned[self.index - 1 - back]

    def _citing(self, verb: str) -> str:
        """A preambular paragraph citing an earlier generated resolution or a real one."""
        rng = self.rng
        if self.index and rng.random() < 0.7:
            cited = self._earlier()
            when, symbol, body = zh_date(cited.adopted_on, spaced=False), cited.short, ""
            subject = f"关于{cited.title}的"
        else:
            symbol, adopted, body = rng.choice(REAL_CITATIONS)
            when, subject = zh_date(adopted, spaced=False), ""
        own, space = ("", "") if body else ("其", " ")  # as printed: 第 [2286\(2016\)](#)号决议
        return f"{verb}{body}{own}{when}{subject}第 [{symbol}](#){space}号决议，{self._text(1)}，"


def generate(
    out_dir: Path, *, paragraphs: int, seed: int = 1, corpus_dir: Path | None = None
) -> CorpusSummary:
    """Write resolutions with ``paragraphs`` paragraphs in all to ``out_dir``, replacing the
    generated files already there."""
    if paragraphs < 1:
        raise ValueError("the corpus needs at least one paragraph")
    corpus_dir = corpus_dir or Path(
        os.environ.get("CORPUS_DIR", PROJECT_DIR.parent / "shared" / "corpus")
    )
    sentences = load_sentences(corpus_dir)
    rng = random.Random(seed)
    planned = _plan(rng, paragraphs)
    out_dir.mkdir(parents=True, exist_ok=True)
    for old in out_dir.glob("A_RES_*.zh.md"):
        old.unlink()
    characters = 0
    for index, res in enumerate(planned):
        text = _Writer(rng, sentences, planned, index).write(res)
        (out_dir / f"A_RES_{res.session}_{res.number}.zh.md").write_text(text, encoding="utf-8")
        characters += len(text)
    total = sum(res.paragraphs for res in planned)
    return CorpusSummary(len(planned), total, characters, out_dir)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--paragraphs", type=int, required=True, help="Paragraphs in all (sub-items included)."
    )
    parser.add_argument("--seed", type=int, default=1, help="Random seed (default 1).")
    parser.add_argument(
        "--out", type=Path, default=DEFAULT_OUT, help=f"Folder to write (default {DEFAULT_OUT})."
    )
    parser.add_argument(
        "--corpus", type=Path, help="The shared corpus (default $CORPUS_DIR or ../shared/corpus)."
    )
    args = parser.parse_args()
    start = time.perf_counter()
    summary = generate(args.out, paragraphs=args.paragraphs, seed=args.seed, corpus_dir=args.corpus)
    print(
        f"{summary.files:,} files, {summary.paragraphs:,} paragraphs, "
        f"{summary.characters:,} characters in {summary.out_dir} "
        f"({time.perf_counter() - start:.1f} s)"
    )


if __name__ == "__main__":
    main()
