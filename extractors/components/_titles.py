"""Officer and director titles: recognising title lines and splitting a title into roles."""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.patterns import load

_T = load("role_titles.json")
_HEADS = sorted(_T["heads"], key=len, reverse=True)
_HEAD_RE = re.compile(
    r"(?<![a-z])(?:" + "|".join(re.escape(h) for h in _HEADS) + r")(?![a-z])", re.IGNORECASE
)
_ABBR_RE = re.compile(
    r"(?<![A-Za-z])(?:" + "|".join(re.escape(a) for a in _T["abbreviations"]) + r")(?![A-Za-z])",
    re.IGNORECASE,
)
_MODIFIERS = frozenset(_T["modifiers"])
# Words that join the lines of a title printed over several lines: "Senior Vice President, Chief" / "Financial Officer".
_JOINERS = re.compile(r"(?:,|\band|&|\bof|\bthe|\bfor|\bto|\bin)$", re.IGNORECASE)
# Words of instructions and prose, not of titles ("PLEASE PRINT THE NAME AND TITLE OF THE SIGNING OFFICER").
_PROSE = re.compile(
    r"\b(?:please|print|below|above|hereby|pursuant|behalf|duly|authori[sz]ed\s+to|signature|"
    r"appoints?|whose|shall|will|may)\b",
    re.IGNORECASE,
)
_SPLIT = re.compile(r",|;|/|&|\band\b", re.IGNORECASE)


def has_head(text: str) -> bool:
    """Whether ``text`` names an office (holds a title noun or abbreviation)."""
    return bool(_HEAD_RE.search(text) or _ABBR_RE.search(text))


def is_title_line(text: str) -> bool:
    """A line of a signature block that states a title ("Chief Financial Officer", "(Principal Executive Officer)")."""
    t = text.strip()
    if not t or len(t) > 120 or re.search(r"\d{3,}|/s/|@|www\.", t, re.IGNORECASE):
        return False
    words = re.findall(r"[A-Za-z][A-Za-z'\-]*", t)
    return bool(words) and len(words) <= 10 and has_head(t) and not _PROSE.search(t)


def continues_title(prev: str, line: str) -> bool:
    """Whether ``line`` continues the title ``prev`` ("Chief" / "Financial Officer and Secretary")."""
    p, t = prev.rstrip(), line.strip()
    if not t or _PROSE.search(t) or len(t.split()) > 8:
        return False
    last = p.split()[-1].lower().strip(",") if p.split() else ""
    return bool(
        _JOINERS.search(p)
        or last in _MODIFIERS
        or t[0].islower()
        or re.match(r"(?i)(?:officer|counsel|director|president)\b", t)
    )


def join_title(lines: list[str]) -> str:
    """The lines of a title as one string: space after a joiner, else a comma."""
    out = ""
    for line in lines:
        line = " ".join(line.split())
        if not out:
            out = line
        elif continues_title(out, line) and not line.startswith("(") or line.startswith("("):
            out = f"{out} {line}"
        else:
            out = f"{out}, {line}"
    return re.sub(r"^(?:its|title:)\s+", "", out.strip(" ,;"), flags=re.IGNORECASE)


@lru_cache(maxsize=2048)
def split_roles(title: str) -> tuple[str, ...]:
    """A title as lower-case roles, split on commas and "and".

    ``Senior Vice President, Chief Financial Officer and Secretary`` → senior vice president,
    chief financial officer, secretary; ``Chief Financial and Accounting Officer`` → chief financial
    officer, chief accounting officer; ``Vice President, Finance`` stays one role.
    """
    t = re.sub(r"^(?:its|title:?)\s+", "", title.strip().lower())
    frags: list[str] = []
    for piece in re.split(r"[()]", t):
        for f in _SPLIT.split(piece):
            f = " ".join(f.split()).strip(" .-:")
            if f and re.search(r"[a-z]", f):
                frags.append(f)
    out: list[str] = []
    i = 0
    while i < len(frags):
        f = frags[i]
        if has_head(f):
            out.append(f)
        elif i + 1 < len(frags) and has_head(frags[i + 1]) and f.split()[0] in _MODIFIERS:
            nxt = frags[i + 1]
            head = _last_head(nxt)
            out.append(f"{f} {head}")
            if nxt.split()[0] not in _MODIFIERS:
                frags[i + 1] = f"{f.split()[0]} {nxt}"
        elif out:
            out[-1] = f"{out[-1]}, {f}"
        i += 1
    seen: list[str] = []
    for r in out:
        r = re.sub(r"^(?:the|its|as)\s+", "", r)
        if r and r not in seen:
            seen.append(r)
    return tuple(seen)


def _last_head(text: str) -> str:
    found = list(_HEAD_RE.finditer(text)) or list(_ABBR_RE.finditer(text))
    return found[-1].group(0).lower() if found else text.split()[-1]
