"""Beneficial-ownership tables of proxy statements and 10-K Item 12.

``Name of Beneficial Owner | Amount and Nature of Beneficial Ownership |
Percent of Class`` rows, one holder a row; HTML cells arrive tab-separated and
a name may sit on its own line above its numbers. ``*`` (less than 1%) gives
no percent. The paragraph above the table gives the date ("as of March 16,
2020") and often the outstanding count ("based on 31,121,562 shares ...
outstanding"), which checks each row's percent.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.parse import parse_date
from extractors.patterns import load

_SPEC = load("holdings_table.json")
HEADER = re.compile(_SPEC["header"], re.IGNORECASE)
_AMOUNT_HEAD = re.compile(_SPEC["amount_header"], re.IGNORECASE)
_SKIP_HEADER = re.compile(_SPEC["not_holdings_header"], re.IGNORECASE)
_OUTSTANDING = re.compile(_SPEC["outstanding"], re.IGNORECASE)
_AS_OF = re.compile(r"\bas\s+of\s+", re.IGNORECASE)
_CLASS = re.compile(_SPEC["security_class"], re.IGNORECASE)
_NUM_CELL = re.compile(r"^\s*(?P<n>\d{1,3}(?:,\d{3})+|\d+|-0-|—|-)\s*(?:\(\d{1,2}\))*\s*$")
_PCT_CELL = re.compile(r"^\s*(?:(?P<star>\*+)|(?P<p>\d{1,3}(?:\.\d+)?)\s*%?|(?P<dash>[-—–]+))\s*(?:\(\d{1,2}\))*\s*$")
_FOOTNOTE_MARK = re.compile(r"(?:\s*\(\s*\d{1,2}\s*\)|\*+|\s*\(\s*[a-z]\s*\))+$")
_GROUP_COUNT = re.compile(r"\s*\((?:\d+|[a-z]+)\s+(?:persons?|individuals?)\)\s*$", re.IGNORECASE)
_CATEGORY = re.compile(r":\s*$")
_MAX_LINES = 120


@dataclass
class TableRow:
    name: tuple[int, int, str]  # span in the document text, cleaned name
    start: int
    end: int
    shares: int | None
    percent: float | None


@dataclass
class Table:
    start: int
    end: int
    rows: list[TableRow]
    as_of: str | None
    outstanding: int | None
    security_class: str


def find_tables(text: str) -> list[Table]:
    """The beneficial-ownership tables of a document's text."""
    tables = []
    for m in HEADER.finditer(text):
        head_end = text.find("\n", m.end())
        head_block = text[m.start(): m.end() + 400]
        if not _AMOUNT_HEAD.search(head_block) or _SKIP_HEADER.search(head_block):
            continue
        before = text[max(0, m.start() - 2500): m.start()]
        table = _read_rows(text, head_end if head_end > 0 else m.end())
        if not table:
            continue
        as_of = None
        for a in _AS_OF.finditer(before):
            as_of = parse_date(before[a.end(): a.end() + 25]) or as_of
        om = list(_OUTSTANDING.finditer(before))
        outstanding = int(om[-1].group("n").replace(",", "")) if om else None
        cm = list(_CLASS.finditer(before + head_block))
        cls = " ".join(cm[-1].group(0).lower().split()) if cm else "common stock"
        cls = {"common shares": "common stock"}.get(cls, cls)
        tables.append(Table(table[0].start, table[-1].end, table, as_of, outstanding, cls))
    return tables


def _cells(line: str) -> list[str]:
    return [c.strip() for c in re.split(r"\t|\s{3,}", line) if c.strip()]


def _read_rows(text: str, pos: int) -> list[TableRow]:
    rows: list[TableRow] = []
    pending: tuple[int, int, str] | None = None
    blank_run = 0
    for n_line, line_m in enumerate(re.finditer(r"[^\n]*\n?", text[pos:])):
        if n_line > _MAX_LINES or not line_m.group():
            break
        line = line_m.group().rstrip("\n")
        ls = pos + line_m.start()
        if not line.strip():
            blank_run += 1
            if rows and blank_run >= 1:
                break
            continue
        blank_run = 0
        if len(line) > 300 or line.lstrip().startswith(("*", "(1)", "(a)")) and rows:
            break
        cells = _cells(line)
        if not cells:
            continue
        first = cells[0]
        nums = cells[1:] if not _NUM_CELL.match(first) else cells
        if _NUM_CELL.match(first) and pending is not None:
            row = _row(pending, cells, ls + len(line))
            if row:
                rows.append(row)
            pending = None
            continue
        if _CATEGORY.search(first) and len(cells) == 1:
            pending = None
            continue
        name_span = _name_span(text, ls, line, first)
        if name_span is None:
            pending = None
            continue
        if len(nums) >= 1 and _NUM_CELL.match(nums[0]):
            row = _row(name_span, nums, ls + len(line))
            if row:
                rows.append(row)
            pending = None
        elif len(cells) == 1:
            pending = name_span
        else:
            pending = None
    return rows


def _name_span(text: str, ls: int, line: str, cell: str) -> tuple[int, int, str] | None:
    name = _GROUP_COUNT.sub("", _FOOTNOTE_MARK.sub("", cell)).strip(" ,:")
    if not re.match(r"[A-Z]", name) or len(name) < 3 or re.search(r"\d{3,}", name):
        return None
    if re.match(r"(?i)(?:name|total|amount|percent|shares|c/o|address)\b", name):
        return None
    s = ls + line.index(cell)
    return s, s + len(cell), name


def _row(name: tuple[int, int, str], cells: list[str], end: int) -> TableRow | None:
    m = _NUM_CELL.match(cells[0])
    if not m:
        return None
    tok = m.group("n")
    shares = 0 if tok in ("-0-", "—", "-") else int(tok.replace(",", ""))
    percent = None
    if len(cells) > 1:
        p = _PCT_CELL.match(cells[1])
        if p and p.group("p"):
            percent = float(p.group("p"))
            if percent > 100:
                percent = None
        elif p and p.group("dash"):
            percent = None
    return TableRow(name, name[0], end, shares, percent)
