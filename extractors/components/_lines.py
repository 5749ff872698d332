"""Small text helpers shared by the header, signature and event components.

Cover pages and signature blocks are laid out in lines and columns (text
filings) or in lines with tab-separated cells (HTML tables flattened by the
reader). These helpers cut a region into lines and column segments with
their offsets, and build exact evidence for spans of a document's text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Two or more spaces, or a tab, separate the columns of a text cover page or signature block.
_COLUMN_GAP = re.compile(r"\t+[ \t]*| {2,}")
# A line of rules only: "-----", "_____", "=====", "- -------" (SGML quoted dashes).
RULE_LINE = re.compile(r"^[\s\-_=*.\u2014\u2013\u00a0]*$")
# A page number or page footer line: "3", "-3-", "Page 2 of 11".
PAGE_LINE = re.compile(
    r"^\s*(?:-\s*)?(?:\d{1,3}|[ivx]{1,5})(?:\s*-)?\s*$|^\s*Page\s+\d+\s+of\s+\d+", re.IGNORECASE
)


@dataclass(frozen=True)
class Seg:
    """A column segment of a line: its text and its offsets in the document text."""

    text: str
    start: int
    end: int
    col: int  # column of the segment within its line (characters from line start)
    line: int  # index of the line within the region


def lines(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """The ``(start, end)`` offsets of each line of ``text[start:end]`` (without the newline)."""
    end = len(text) if end is None else end
    out: list[tuple[int, int]] = []
    pos = start
    while pos <= end:
        nl = text.find("\n", pos, end)
        if nl < 0:
            out.append((pos, end))
            break
        out.append((pos, nl))
        pos = nl + 1
    return out


def segments(text: str, start: int = 0, end: int | None = None) -> list[list[Seg]]:
    """Lines of a region cut into column segments; empty lines give empty lists."""
    rows: list[list[Seg]] = []
    for i, (ls, le) in enumerate(lines(text, start, end)):
        line = text[ls:le]
        row: list[Seg] = []
        pos = 0
        for m in _COLUMN_GAP.finditer(line):
            if m.start() > pos:
                row.append(_seg(line, ls, pos, m.start(), i))
            pos = m.end()
        if pos < len(line):
            row.append(_seg(line, ls, pos, len(line), i))
        rows.append([s for s in row if s.text])
    return rows


def _seg(line: str, base: int, a: int, b: int, i: int) -> Seg:
    piece = line[a:b]
    lead = len(piece) - len(piece.lstrip())
    s, e = a + lead, a + len(piece.rstrip())
    return Seg(line[s:e], base + s, base + e, s, i)


_SMALL = frozenset(
    [
        "of",
        "and",
        "the",
        "for",
        "to",
        "in",
        "on",
        "at",
        "by",
        "a",
        "an",
        "or",
        "de",
        "du",
        "la",
        "le",
    ]
)


def title_case(text: str) -> str:
    """Words printed in capitals in readable case: ``100 MAIN STREET`` → ``100 Main Street``.

    Single letters (``SERIES A``) and dotted abbreviations (``S.W.``, ``P.O.``) keep their capitals.
    Text already in mixed case is returned as it is.
    """
    if any(c.islower() for c in text):
        return text
    out = []
    for i, w in enumerate(text.split(" ")):
        core = w.strip(",;:()")
        if (
            not core
            or len(core.rstrip(".")) <= 1
            or re.fullmatch(r"(?:[A-Z]\.){1,4}[A-Z]?\.?", core)
        ):
            out.append(w)
        elif i and core.lower() in _SMALL or re.fullmatch(r"\d+(?:ST|ND|RD|TH)", core):
            out.append(w.lower())
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)


def squash(text: str) -> str:
    """White space folded to single spaces."""
    return " ".join(text.split())


