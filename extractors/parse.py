"""Small parsers for values written in filings: dates, numbers, percents."""

from __future__ import annotations

import re

from extractors.patterns import load

_NUM = load("numbers.json")
MONTHS: dict[str, int] = _NUM["months"]
NUMBER_WORDS: dict[str, int] = _NUM["number_words"]
ORDINAL_WORDS: dict[str, int] = _NUM["ordinal_words"]

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
#: "July 28, 2003", "November\n24, 2003", "Sept. 3, 1999", "28 July 2003".
DATE_RE = re.compile(
    rf"\b(?:(?P<m1>{_MONTH_ALT})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?(?P<m2>{_MONTH_ALT})\.?,?\s+(?P<y2>(?:19|20)\d\d)"
    rf"|(?P<mn>\d{{1,2}})/(?P<dn>\d{{1,2}})/(?P<yn>(?:19|20)?\d\d))\b",
    re.IGNORECASE,
)
SHARES_RE = re.compile(r"\b\d{1,3}(?:,\d{3})+\b|\b\d{4,}\b")
PERCENT_RE = re.compile(r"(\d{1,3}(?:\.\d+)?)\s*(?:%|percent\b|per\s+cent\b)", re.IGNORECASE)


def date_from_match(m: re.Match) -> str | None:
    """ISO date from a :data:`DATE_RE` match, None if it is not a real date."""
    g = m.groupdict()
    if g["m1"]:
        month, day, year = MONTHS[g["m1"].lower()], int(g["d1"]), int(g["y1"])
    elif g["m2"]:
        month, day, year = MONTHS[g["m2"].lower()], int(g["d2"]), int(g["y2"])
    else:
        month, day, year = int(g["mn"]), int(g["dn"]), int(g["yn"])
        if year < 100:
            year += 1900 if year >= 30 else 2000
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def parse_date(text: str) -> str | None:
    """The first date written in ``text``, as ISO ``YYYY-MM-DD``."""
    for m in DATE_RE.finditer(text):
        iso = date_from_match(m)
        if iso:
            return iso
    return None


def parse_int(text: str) -> int | None:
    """``"2,800,500"`` → 2800500; ``"three"`` → 3; else None."""
    t = text.strip().lower().rstrip(".")
    if t in NUMBER_WORDS:
        return NUMBER_WORDS[t]
    if t in ORDINAL_WORDS:
        return ORDINAL_WORDS[t]
    digits = t.replace(",", "")
    return int(digits) if digits.isdigit() else None


def parse_percent(text: str) -> float | None:
    """``"24.2%"`` → 24.2; else None."""
    m = PERCENT_RE.search(text)
    if not m:
        try:
            v = float(text.strip().rstrip("%"))
        except ValueError:
            return None
        return v if 0 <= v <= 100 else None
    v = float(m.group(1))
    return v if 0 <= v <= 100 else None
