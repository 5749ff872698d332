"""The CUSIP numbers of a Form 13F information table, each with its issuer's name.

A Form 13F lists the securities a manager holds, one row per issuer and class:
name of issuer, title of class, CUSIP number, value, shares. Text filings
print it as a fixed-width table whose issuer names may wrap onto the next
line ("Agnico Eagle" / " Mines Ltd.", 13f_loews_2001.txt); later filings
attach it as XML (``<nameOfIssuer>`` … ``<cusip>``). A CUSIP is recognised by
its format and its check digit, so column positions only decide which words
are the name.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.components._lines import RULE_LINE, segments, squash

# A CUSIP as printed in a 13F table: "00130H105", "G04074103", "053015 10 3" (13fa_berkshire_2003.txt).
CUSIP_IN_ROW = re.compile(
    r"(?<![\w$.,-])(?=(?:[A-Z]*\d){3})([0-9A-Z]{6})[ ]?([0-9A-Z]{2})[ ]?([0-9])(?![\w.,-])"
)
# The head of the table: the column that holds the CUSIPs.
CUSIP_HEAD = re.compile(r"\bCUSIP\b", re.IGNORECASE)
# XML information tables (13F-HR filed after 2013): one <infoTable> per row.
XML_ROW = re.compile(
    r"<(?:\w+:)?nameOfIssuer>\s*(?P<name>[^<]+?)\s*</(?:\w+:)?nameOfIssuer>.{0,400}?"
    r"<(?:\w+:)?cusip>\s*(?P<cusip>[0-9A-Z]{9})\s*</(?:\w+:)?cusip>",
    re.IGNORECASE | re.DOTALL,
)


@dataclass
class Row:
    """One row of the table: the issuer's name, the CUSIP as printed and their spans."""

    name: str
    cusip: str
    start: int  # of the name
    end: int  # of the CUSIP


def check_digit_ok(cusip: str) -> bool:
    """Whether the ninth character of a CUSIP is the check digit of the first eight."""
    code = cusip.replace(" ", "").upper()
    if len(code) != 9 or not code[8].isdigit():
        return False
    total = 0
    for i, c in enumerate(code[:8]):
        if c.isdigit():
            v = int(c)
        elif c.isalpha():
            v = ord(c) - 55
        else:
            v = {"*": 36, "@": 37, "#": 38}.get(c, -1)
            if v < 0:
                return False
        if i % 2:
            v *= 2
        total += v // 10 + v % 10
    return (10 - total % 10) % 10 == int(code[8])


def table_rows(text: str) -> list[Row]:
    """The rows of the information tables in ``text`` (text or XML)."""
    if "nameofissuer" in text[:200000].lower():
        return [
            Row(squash(m.group("name")), m.group("cusip"), m.start("name"), m.end("cusip"))
            for m in XML_ROW.finditer(text)
            if check_digit_ok(m.group("cusip"))
        ]
    head = CUSIP_HEAD.search(text)
    if head is None:
        return []
    out: list[Row] = []
    rows = segments(text, text.rfind("\n", 0, head.start()) + 1)
    current: Row | None = None
    class_col = 0
    # The line just above, when it holds only words left of the class column.
    above: list | None = None
    for row in rows:
        prev, above = above, None
        if not row:
            current = None
            continue
        line_start = row[0].start - row[0].col
        line = text[line_start : row[-1].end]
        if CUSIP_HEAD.search(line):
            current = None
            continue
        m = CUSIP_IN_ROW.search(line)
        if m:
            # A number whose check digit is wrong is no CUSIP ("067901908" printed for calls on
            # a stock whose CUSIP is 067901108, 13f_loews_2001.txt): the row names no identifier.
            if not check_digit_ok("".join(m.groups())):
                current = None
                continue
            current = None
            name = _name_before(row, line, line_start, m.start(), class_col)
            if name is not None:
                text_name, start, class_col = name
                if prev and len(prev) == 1 and prev[0].col < class_col:
                    # "Stillwater Mining" / " Co.   Common  86074Q102": the name starts a line above.
                    text_name, start = squash(f"{prev[0].text} {text_name}"), prev[0].start
                current = Row(text_name, m.group(0), start, line_start + m.end())
                out.append(current)
            continue
        # A wrapped issuer name: the next line's words left of the class column.
        if current is not None and row[0].col < class_col and not RULE_LINE.match(row[0].text):
            current.name = squash(f"{current.name} {row[0].text}")
        else:
            current = None
            if class_col and all(s.col < class_col for s in row) and not RULE_LINE.match(line):
                above = row
    return out


def _name_before(
    row: list, line: str, line_start: int, at: int, class_col: int
) -> tuple[str, int, int] | None:
    """The issuer's name left of the class column: (name, start, class column)."""
    before = [s for s in row if s.end <= line_start + at]
    if len(before) >= 2:
        name, col = squash(" ".join(s.text for s in before[:-1])), before[-1].col
    elif (
        len(before) == 1
        and 0 < class_col < len(line)
        and before[0].col < class_col
        and line[class_col - 1] == " "
    ):
        # "Delphi Finl Group Common  247131105": the name runs up to the class column.
        name, col = squash(line[before[0].col : class_col]), class_col
    else:
        return None
    if not re.search(r"[A-Za-z]{2}", name):
        return None
    return name, before[0].start, col
