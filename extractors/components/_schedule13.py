"""Schedule 13D/13G cover pages: the issuer, the class, the CUSIP and, per reporting person, rows 1–13.

Cover pages are read from a document's whole text (they run past the first
cover section of long group filings). HTML tables arrive as lines with
tab-separated cells, text filings as numbered rows; both are read by finding
the printed row labels and taking the value between a label and the next one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.parse import PERCENT_RE, parse_date
from extractors.patterns import load

_SPEC = load("schedule13.json")


def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern, re.IGNORECASE)


PREFILTER = _rx(_SPEC["prefilter"])
_COVER = {row["id"]: _rx(row["pattern"]) for row in _SPEC["cover_labels"]}
_ROWS = [(row["id"], _rx(row["pattern"])) for row in _SPEC["row_labels"]]
_ANY_ROW = _rx("|".join(f"(?P<{rid}>{rx.pattern})" for rid, rx in _ROWS))
OUTSTANDING = _rx(_SPEC["outstanding"])
# A bare row number ("8", "(8)", "8.") closing a value: it belongs to the next row (HTML covers).
_TRAILING_ROW_NO = re.compile(r"(?:^|\n)[ \t]*\(?(\d{1,2})\)?\.?[ \t]*$")
_LEADING_ROW_NO = re.compile(r"^[ \t]*\(?\d{1,2}\)?\.?[ \t]*(?:\n|$)")
# Share counts as printed in rows 7–11: "81,061,550(1)", "-0-", "None", "2,278,400 (1)".
_SHARES = re.compile(r"(?<![\d(,.])(-0-|\d{1,3}(?:,\d{3})+|\d+)(?![\d,]*\))(?!\.\d)", re.IGNORECASE)
_NONE = re.compile(r"^\W*(?:none|nil)\b", re.IGNORECASE)
_BARE_PERCENT = re.compile(r"(?<![\d.])(\d{1,3}(?:\.\d+)?)(?![\d,])")
_LESS_THAN = re.compile(r"less\s+than|<", re.IGNORECASE)
_RULE_LINE = re.compile(r"^[\s\-_=*.]*$")
_EIN = re.compile(r"\s*(?:\d{2}-\d{7}|\d{3}-\d{2}-\d{4}|\bI\.R\.S\..*|\bIRS\b.*)$")
_BLOCK_MAX = 6000


@dataclass
class Cover:
    """The fields printed once on a Schedule 13D/13G cover."""

    issuer: tuple[int, int, str] | None = None  # (start, end, text) in the document text
    security_class: tuple[int, int, str] | None = None
    cusip: tuple[int, int, str] | None = None
    event_date: str | None = None


@dataclass
class Person:
    """One reporting person's cover page."""

    name: tuple[int, int, str]
    start: int
    end: int
    values: dict[str, tuple[int, int, str]] = field(default_factory=dict)  # row id -> value span

    def shares(self, row: str = "aggregate") -> int | None:
        v = self.values.get(row)
        return parse_shares(v[2]) if v else None

    def percent(self) -> float | None:
        v = self.values.get("percent")
        return parse_row_percent(v[2]) if v else None


def parse_shares(text: str) -> int | None:
    """The share count of a row value: ``81,061,550(1)`` → 81061550; ``-0-`` → 0; blank → None."""
    if _NONE.match(text):
        return 0
    m = _SHARES.search(text)
    if not m:
        return None
    tok = m.group(1)
    return 0 if tok == "-0-" else int(tok.replace(",", ""))


def parse_row_percent(text: str) -> float | None:
    """Row 13 (13D) / 11 (13G): ``62.9%`` → 62.9; ``less than 1%`` → None."""
    if _LESS_THAN.search(text):
        return None
    m = PERCENT_RE.search(text)
    if m:
        v = float(m.group(1))
    else:
        m = _BARE_PERCENT.search(text)
        if not m:
            return None
        v = float(m.group(1))
    return v if 0 <= v <= 100 else None


def _line_before(text: str, pos: int, floor: int = 0) -> tuple[int, int, str] | None:
    """The nearest non-empty, non-rule line ending before ``pos`` (or the text before it on its own line)."""
    line_start = text.rfind("\n", floor, pos) + 1
    same = text[line_start:pos]
    if same.strip(" \t:") and not _RULE_LINE.match(same):
        s = line_start + len(same) - len(same.lstrip())
        return s, s + len(same.strip()), same.strip()
    end = line_start - 1
    for _ in range(6):
        if end <= floor:
            return None
        start = text.rfind("\n", floor, end) + 1
        line = text[start:end]
        if line.strip() and not _RULE_LINE.match(line):
            s = start + len(line) - len(line.lstrip())
            return s, s + len(line.strip()), line.strip()
        end = start - 1
    return None


def read_cover(text: str) -> Cover:
    """The issuer, class, CUSIP and event date printed above their parenthesised labels."""
    cover = Cover()
    limit = min(len(text), 20000)
    for key, rx in _COVER.items():
        m = rx.search(text, 0, limit)
        if not m:
            continue
        got = _line_before(text, m.start())
        if not got:
            continue
        if key == "event_date":
            cover.event_date = parse_date(got[2])
        elif key == "cusip":
            value = got[2].strip(" \t")
            if re.fullmatch(r"[0-9A-Z]{6}\s*[0-9A-Z]{2}\s*[0-9A-Z]?", value.replace("-", " ").strip()):
                cover.cusip = got
        else:
            setattr(cover, "security_class" if key == "class" else key, got)
    return cover


def read_persons(text: str) -> list[Person]:
    """Each reporting person's rows, in order."""
    labels = [(m.start(), m.end(), m.lastgroup) for m in _ANY_ROW.finditer(text)]
    name_idx = [i for i, lab in enumerate(labels) if lab[2] == "name"]
    persons: list[Person] = []
    for n, i in enumerate(name_idx):
        stop = labels[name_idx[n + 1]][0] if n + 1 < len(name_idx) else min(len(text), labels[i][1] + _BLOCK_MAX)
        rows = [lab for lab in labels[i:] if lab[0] < stop]
        person = _read_person(text, rows, stop)
        if person:
            persons.append(person)
    return persons


def _read_person(text: str, rows: list[tuple[int, int, str]], stop: int) -> Person | None:
    values: dict[str, tuple[int, int, str]] = {}
    name = None
    for k, (_s, e, rid) in enumerate(rows):
        nxt = rows[k + 1][0] if k + 1 < len(rows) else min(stop, e + 400)
        if rid in values or (rid == "name" and name):
            continue
        span = _value_span(text, e, nxt, last=k + 1 == len(rows))
        if rid in ("name", "irs"):
            if name is None and span:
                name = _name_from(text, *span)
            continue
        if span:
            values[rid] = (span[0], span[1], text[span[0]:span[1]])
    if not name or ("aggregate" not in values and "percent" not in values):
        return None
    end = max(v[1] for v in values.values())
    return Person(name, rows[0][0], end, values)


def _value_span(text: str, start: int, end: int, last: bool) -> tuple[int, int] | None:
    chunk = text[start:end].rstrip()
    if last:  # the last row's value is its first non-empty line
        m = re.match(r"\s*([^\n]*)", chunk)
        chunk = chunk[: m.end()] if m else chunk
    m = _TRAILING_ROW_NO.search(chunk)
    if m and int(m.group(1)) <= 14:
        chunk = chunk[: m.start()]
    lead = _LEADING_ROW_NO.match(chunk)
    off = lead.end() if lead and lead.group().strip() else 0
    body = chunk[off:]
    if not body.strip(" \t\n:"):
        return None
    s = start + off + (len(body) - len(body.lstrip(" \t\n:")))
    e = start + off + len(body.rstrip())
    return (s, e) if e > s else None


def _name_from(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The reporting person's name: the first line of the value that is a name, not a tax number."""
    pos = start
    for line in text[start:end].split("\n"):
        raw = line
        line = _EIN.sub("", line).strip(" \t:")
        if line and re.search(r"[A-Za-z]{2}", line) and not re.match(r"(?i)^(?:\(?[a-z]\)\s*)?\[|^N/?A$", line):
            s = text.index(line, pos)
            return s, s + len(line), line
        pos += len(raw) + 1
    return None


def outstanding_count(text: str) -> int | None:
    """A single stated outstanding count ("based on 49,148,217 shares ... outstanding"), else None."""
    found = {int(m.group("n").replace(",", "")) for m in OUTSTANDING.finditer(text)}
    return found.pop() if len(found) == 1 else None
