"""Blocks of text: the unit every layout starts from (lines between blank lines)."""

import re
from collections.abc import Callable
from dataclasses import dataclass

from .text import join_fragments

# A roman numeral as a sub-item label: i, ii, iv, ix, xii …
ROMAN_RE = re.compile(r"^(?=[ivxl])x{0,3}(?:ix|iv|v?i{0,3})$")


@dataclass
class Block:
    """Consecutive non-blank lines, with the number of the first."""

    line: int
    lines: list[str]

    @property
    def raw(self) -> str:
        text = self.lines[0]
        for line in self.lines[1:]:
            text = join_fragments(text, line)
        return text


def split_blocks(
    lines: list[str], starts_block: Callable[[str], bool] | None = None
) -> list[Block]:
    """Blocks separated by blank lines; a line for which ``starts_block`` is true opens a new
    block even without a blank line before it."""
    blocks: list[Block] = []
    current: Block | None = None
    for number, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped:
            current = None
            continue
        if current is None or (starts_block is not None and starts_block(stripped)):
            current = Block(number, [stripped])
            blocks.append(current)
        else:
            current.lines.append(stripped)
    return blocks
