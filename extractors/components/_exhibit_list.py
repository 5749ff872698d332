"""Find exhibit lists in a document's normalised text and cut them into entries.

A list starts under a heading ("ITEM 2. EXHIBITS", "(c) Exhibits", "Item 9.01
Financial Statements and Exhibits", "EXHIBIT INDEX", "INDEX TO EXHIBITS",
"Exhibits:") and runs while its lines are entries (a number, then a title),
their continuation lines, column headers, page furniture or notes. Three
layouts are read: text columns (``99.1      Press release...``), HTML tables
(cells end with a tab; or one cell a line, the number alone), and lists run
into one line (``EXHIBIT INDEX 23.1 Consent of ... 99.1 Press Release``), the
last only for numbers that are documents of the submission. Notes that cite
sources (``*`` / ``(7)`` / a notes-column code such as ``97/1Q``) are read
after the list and attached to the entries that carry their mark.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.components._citations import NUM
from extractors.patterns import load

_EX = load("exhibits.json")
_HEADING_EXACT = frozenset(_EX["heading_exact"])
_HEADING_REJECT = tuple(_EX["heading_reject"])
_HEADER_WORDS = frozenset(_EX["header_words"])
_NOT_TITLES = frozenset(_EX["not_exhibit_titles"])

_CLEAN = str.maketrans({"\u200b": " ", "\u00a0": " ", "\ufeff": " ", "\u2002": " ", "\u2003": " "})
# Candidate heading lines: short lines that name exhibits (the check is done in code, _is_heading).
_HEADING_LINE = re.compile(r"(?im)^[^\n]{0,60}\bexhibit(?:s|\s+index)?\b[^\n]{0,70}$")
# Prefix of a heading: "ITEM 7.", "Item 9.01", "Item 14 (a)(3):", "(c)", "c)", "3." (8-Ks of every decade, 10-Ks).
_HEADING_PREFIX = re.compile(
    r"^(?:item\s+\d{1,2}(?:\.\d{1,2})?[a-z]?\s*(?:\([a-z0-9]{1,2}\)\s*)*[.:\-\u2013\u2014]?\s*)?"
    r"(?:\(?[a-z0-9]{1,2}\)\s*)*(?:\d{1,2}\.\s+)?"
)
_HEADING_VERBS = re.compile(
    r"\b(?:is|are|were|was|will|attached|hereto|see|listed|following|which|this|these)\b"
)
# A section heading that ends any list: an Item, the signature block, a Part (8-K/10-K layout).
_STOP = re.compile(
    r"^[ \t]*(?:ITEM[ \t]+\d|SIGNATURES?\b|S\s?I\s?G\s?N\s?A\s?T\s?U\s?R\s?E|PART[ \t]+[IV]+\b"
    r"|POWER[ \t]+OF[ \t]+ATTORNEY)",
    re.IGNORECASE,
)
#: A list entry on one line: number, separator, title (8-A/A "4.2(a)   Rights Agreement", 1997 8-K "2.1* Asset",
#: HTML 10-K "2.1\t—\tAgreement", Schedule TO "(a)(1)(A)* \t\u200b\tOffer", 1994 8-K "Exhibit 99     Press",
#: Schedule 13G "Exhibit I:  Joint", S-3/A "**23(b).  Consent").
_ENTRY = re.compile(
    r"^(?P<indent>[ \t]*)(?P<pre>\*{1,3}[ \t]*)?(?P<ex>Exhibit[ \t]+(?:No\.?[ \t]*)?)?"
    r"(?P<num>"
    + NUM
    + r"|[IVX]{1,4}|[A-Z])(?![\w/,%$]|\.\d|\.[A-Z]\b)(?P<post>\*{1,3})?(?P<punct>[.:])?"
    r"(?P<sep>[ \t\u2014\u2013-]*)(?P<title>\S.*)$"
)
_NUM_ONLY = re.compile(r"^[ \t]*(?P<pre>\*{1,3})?(?P<num>" + NUM + r")(?P<post>\*{1,3})?\.?[ \t]*$")
_FURNITURE = re.compile(
    r"^(?:-?\s*\d{1,3}\s*-?|[ivx]{1,5}|page\s*\d{1,3}(?:\s+of\s+\d{1,3})?|of\s*\d{1,3}|\d{1,3}\s+of\s+\d{1,3}|page"
    r"|table\s+of\s+contents|index\s+to\s+financial\s+statements|\(?continued\)?|exhibit\s+index\s*-?\s*\d*"
    r"|cusip\s+(?:no\.?|number).*|schedule\s+13[dg].*|[-=_*.\s\u2014\u2013]+|<page>|\d{1,3}\s*/\s*\d{1,3})$",
    re.IGNORECASE,
)
_NOTE_DEF = re.compile(r"^[ \t]*(?P<m>\*{1,3}|\(\d{1,2}\)|\d{1,2}\))[ \t]*(?P<t>\S.*)$")
# Notes-column codes of 1990s 10-Ks: "88-S3", "90/2Q", "91K", "93K-10.A.15", "96-S3/A" (1990s 10-Ks).
_CODE = r"\d{2}[A-Z0-9/.\-]*[A-Z/][A-Z0-9/.\-]*"
_CODE_DEF = re.compile(
    r"^[ \t]*(?P<m>" + _CODE + r"),?[ \t]{2,}(?P<t>(?:Incorporated|Filed|Previously)\b.*)$"
)
_CODE_LEAD = re.compile(
    r"^(?P<m>" + _CODE + r"|\*{1,3}|\(\d{1,2}\))(?P<stars>[ \t]?\*{1,3})?(?:[ \t]{2,}|\t)"
)
# A page-number column at the end of a line: "Form of Warrant          44" (a 1994 10-K index).
_PAGE_COLUMN = re.compile(r"[ \t]{3,}(?:Page[ \t]+)?\d{1,3}[ \t]*$")
_ATTACHED_NOTE = re.compile(r"(?<=[\w.)\u201d\"])\((\d{1,2})\)")
_NUMBERS_ONLY = re.compile(r"[\d\s$,.%()\-\u2014\u2013]+")
_SINGLE_PAREN = re.compile(r"\(([a-zA-Z])\)")
_STATUS_WORDS = re.compile(
    r"(?:Incorporated|Filed|Previously|Furnished|Included|Represents|Management|Confidential"
    r"|To\s+be\s+filed|Denotes|Indicates|Exhibits?|Notes?|Footnotes|Pursuant|Portions)\b",
    re.IGNORECASE,
)


@dataclass
class Entry:
    """One exhibit of a list, with offsets into the document's text."""

    number: str
    start: int
    end: int
    spans: list[tuple[int, int]] = field(default_factory=list)
    markers: list[str] = field(default_factory=list)
    title_col: int = 0

    def text(self, doc_text: str) -> str:
        return " ".join(
            _PAGE_COLUMN.sub("", doc_text[s:e].translate(_CLEAN)).strip() for s, e in self.spans
        )


@dataclass
class Note:
    marker: str
    text: str
    start: int
    end: int


def number_key(number: str) -> str:
    """A comparison key for exhibit numbers: ``EX-10.A-49`` ~ ``10.A.49`` ~ ``10.a.49``."""
    n = number.upper().strip()
    n = n.removeprefix("EX-")
    n = re.sub(r"^(\d+)\.(?=\()", r"\1", n)  # EX-99.(A)(5)(C) -> 99(A)(5)(C)
    n = re.sub(r"^99(?=\()", "", n) if n.startswith("99(") else n
    return re.sub(r"[.\-\s]", ".", n).rstrip(".*")


def _lines(text: str, start: int, end: int):
    pos = start
    while pos < end:
        nl = text.find("\n", pos, end)
        stop = end if nl < 0 else nl
        yield pos, stop
        pos = stop + 1


def _is_heading(line: str) -> bool:
    low = " ".join(line.translate(_CLEAN).lower().split()).strip(" .:\t")
    if not low or len(low) > 110:
        return False
    rest = _HEADING_PREFIX.sub("", low, count=1).strip(" .:-\u2014\u2013")
    if not rest or any(r in rest for r in _HEADING_REJECT):
        return False
    if rest in _HEADING_EXACT:
        return True
    if _HEADING_VERBS.search(rest):
        return False
    if rest.startswith(
        (
            "exhibit index",
            "index to exhibits",
            "index of exhibits",
            "list of exhibits",
            "exhibits filed",
            "exhibits and reports",
            "exhibits index",
        )
    ):
        return True
    return rest.endswith("exhibits") and len(rest) <= 90 and not re.search(r"\d{2,}", rest)


def _is_header(line: str) -> bool:
    words = line.translate(_CLEAN).lower().replace("\t", " ").split()
    return bool(words) and all(
        w.strip(".:,()") in _HEADER_WORDS or w.strip(".:,()") == "" for w in words
    )


def _entry_ok(m: re.Match, html: bool) -> bool:
    num, sep, title = m.group("num"), m.group("sep"), m.group("title")
    if re.fullmatch(r"[IVX]{1,4}|[A-Z]", num) and not m.group("ex"):
        return False
    if _NUMBERS_ONLY.fullmatch(title):
        return False
    if not (title[0].isalnum() or title[0] in "\"'\u201c([*"):
        return False
    if "\t" in sep or "  " in sep or re.search(r"\s[\u2014\u2013-]\s", sep):
        return True
    if sep == " ":
        return bool(
            m.group("punct")
            or m.group("post")
            or m.group("ex")
            or m.group("pre")
            or "." in num
            or "(" in num
            or (html and title[:1].isupper())
        )
    return bool(sep) and bool(m.group("punct")) and not sep.strip()


def _continues(prev: str, number: str) -> str:
    """A bare ``(b)`` after ``4.2(a)`` is ``4.2(b)`` (seed 8-A/A)."""
    m = _SINGLE_PAREN.fullmatch(number)
    if not m or not prev:
        return number
    base = re.match(r"^(.*?)\(([a-zA-Z])\)$", prev)
    if base and base.group(1) and ord(m.group(1)) == ord(base.group(2)) + 1:
        return base.group(1) + number
    return number


def _major(number: str) -> int | None:
    m = re.match(r"\d+", number)
    return int(m.group()) if m else None


def _fits(entries: list[Entry], number: str, has_ex: bool) -> bool:
    """Whether ``number`` can be the next entry of a list: a bare ``(b)`` only continues ``4.2(a)``
    or a Schedule TO list; an integer does not go back below the previous entry's (a page number
    or a number cut over two lines, a 1994 10-K)."""
    prev = entries[-1].number if entries else ""
    if _SINGLE_PAREN.fullmatch(number) or re.fullmatch(r"\(\d{1,2}\)", number):
        if has_ex:
            return True
        return bool(prev) and (_continues(prev, number) != number or prev.startswith("("))
    a, b = _major(prev), _major(number)
    return a is None or b is None or b >= a or "." in number or "(" in number


def parse_lists(
    text: str, html: bool, doc_numbers: frozenset[str]
) -> list[tuple[list[Entry], dict[str, Note]]]:
    """Every exhibit list of one document's text, with the notes found after it."""
    found = []
    covered = -1
    for h in _HEADING_LINE.finditer(text):
        if h.start() < covered:
            continue
        line = h.group()
        inline = _inline_after_heading(text, h, doc_numbers)
        if inline:
            found.append((inline, {}))
            covered = inline[-1].end
            continue
        if not _is_heading(line):
            continue
        entries, region_end = _region(text, h.end() + 1, html, doc_numbers)
        if not entries:
            continue
        notes = _notes(text, h.end(), region_end)
        _attach_notes(text, entries, notes)
        found.append((entries, notes))
        covered = region_end
    return found


# "EXHIBIT INDEX 23.1 Consent of [auditors] 99.1 Press Release" on one line (a 2000 HTML 8-K).
_INLINE_HEAD = re.compile(
    r"(?i)(?:exhibit\s+index|index\s+to\s+exhibits|\(?[a-d]\)\s*exhibits?\s*:?"
    r"|exhibits?\s+number\s+description(?:\s+[-\s]+)?)[ \t]*(?=\d)"
)


def _inline_after_heading(
    text: str, h: re.Match, doc_numbers: frozenset[str]
) -> list[Entry] | None:
    if not doc_numbers:
        return None
    line_end = text.find("\n", h.start())
    line_end = len(text) if line_end < 0 else line_end
    m = _INLINE_HEAD.search(text, h.start(), line_end)
    if not m:
        # a header line alone, the list on the next line (a 2000 10-Q "EXHIBIT NUMBER DESCRIPTION - ---")
        return None
    return _inline(text, m.end(), min(line_end, m.end() + 4000), doc_numbers)


_INLINE_NUM = re.compile(r"(?<!\S)(" + NUM + r")(?=\s)")
_CAPS_RUN = re.compile(r"\s(?:[A-Z][A-Z'\-]+\s+){1,}[A-Z][A-Z'\-]+\b|\s+Exhibit\s+Index|\s{3,}")


def _inline(text: str, start: int, end: int, doc_numbers: frozenset[str]) -> list[Entry] | None:
    hits = [
        m for m in _INLINE_NUM.finditer(text, start, end) if number_key(m.group(1)) in doc_numbers
    ]
    if not hits or hits[0].start() - start > 40:
        return None
    entries = []
    for i, m in enumerate(hits):
        t_start = m.end() + 1
        t_end = hits[i + 1].start() if i + 1 < len(hits) else end
        if i + 1 == len(hits):
            c = _CAPS_RUN.search(text, t_start, t_end)
            if c:
                t_end = c.start()
            t_end = min(t_end, t_start + 200)
        if t_end <= t_start or not text[t_start:t_end].strip():
            return None
        entries.append(Entry(m.group(1).rstrip("."), m.start(), t_end, [(t_start, t_end)]))
    return entries


def _region(
    text: str, start: int, html: bool, doc_numbers: frozenset[str]
) -> tuple[list[Entry], int]:
    entries: list[Entry] = []
    cur: Entry | None = None
    pending: tuple[str, int, list[str]] | None = None
    gap = False
    in_note = False
    intro = 0
    last_end = start
    for s, e in _lines(text, start, len(text)):
        raw = text[s:e]
        line = raw.translate(_CLEAN)
        stripped = line.strip()
        if not stripped:
            gap = True
            in_note = False
            continue
        if _STOP.match(line) and not _ENTRY.match(line):
            break
        if _is_heading(stripped):
            cur, gap = None, False
            continue
        m = _ENTRY.match(line)
        indent = len(line) - len(line.lstrip())
        if m and cur is not None and not gap and not html and indent >= cur.title_col - 1:
            m = None  # an indented line inside an entry's text: a continuation ("30, 2000 between...")
        if m and _entry_ok(m, html):
            if not _fits(entries, m.group("num"), bool(m.group("ex"))):
                m = None
        else:
            m = None
        if m:
            title = m.group("title").strip()
            number = _continues(entries[-1].number if entries else "", m.group("num"))
            pending, in_note, gap = None, False, False
            if title.lower().rstrip(". ") in _NOT_TITLES:
                cur = None
                continue
            cur = Entry(
                number,
                s + m.start("num"),
                e,
                [(s + m.start("title"), e)],
                _stars(m.group("pre"), m.group("post")),
                m.start("title"),
            )
            entries.append(cur)
            last_end = e
            continue
        n = _NUM_ONLY.match(line)
        if n and (html or "." in n.group("num") or "(" in n.group("num")):
            cur, pending, gap = (
                None,
                (n.group("num"), s + n.start("num"), _stars(n.group("pre"), n.group("post"))),
                False,
            )
            continue
        if pending and not _FURNITURE.fullmatch(stripped) and not _is_header(stripped):
            number = _continues(entries[-1].number if entries else "", pending[0])
            if stripped.lower().rstrip(". ") in _NOT_TITLES:
                pending = cur = None
                continue
            if not _fits(entries, pending[0], False):
                pending = None
                break
            cur = Entry(number, pending[1], e, [(s + indent, e)], pending[2], 0)
            entries.append(cur)
            pending, gap, last_end = None, False, e
            continue
        if cur is not None and not gap and not in_note and not _NOTE_DEF.match(line):
            cur.spans.append((s + indent, e))
            cur.end = last_end = e
            continue
        nd = _NOTE_DEF.match(line)
        if nd and (nd.group("m").startswith("*") or _STATUS_WORDS.match(nd.group("t"))):
            cur, in_note, gap = None, True, False
            continue
        if in_note and not gap:
            continue
        if _FURNITURE.fullmatch(stripped) or _is_header(stripped) or _is_heading(stripped):
            cur, gap = None, False
            continue
        if not entries and intro < 2 and len(stripped) < 100:
            intro += 1
            continue
        if (
            entries
            and cur is None
            and len(stripped) < 80
            and _CODE_DEF.match(line) is None
            and intro < 4
            and re.fullmatch(r"[\w\s.,:;()*\-]+", stripped)
            and not gap
        ):
            intro += 1
            continue
        break
    return entries, last_end


def _stars(pre: str | None, post: str | None) -> list[str]:
    out = []
    for g in (pre, post):
        if g and g.strip():
            out.append(g.strip())
    return out


def _notes(text: str, start: int, region_end: int) -> dict[str, Note]:
    """Notes defined in or after a list: ``*``, ``(7)``, ``7)`` and notes-column codes."""
    notes: dict[str, Note] = {}
    end = min(len(text), region_end + 12000)
    cur: Note | None = None
    for s, e in _lines(text, start, end):
        line = text[s:e].translate(_CLEAN)
        if s > region_end and _STOP.match(line):
            break
        if not line.strip():
            cur = None
            continue
        m = _CODE_DEF.match(line) or _NOTE_DEF.match(line)
        if m and (
            m.re is _CODE_DEF or m.group("m").startswith("*") or _STATUS_WORDS.match(m.group("t"))
        ):
            key = m.group("m").strip()
            cur = Note(key, m.group("t").strip(), s + m.start("t"), e)
            notes.setdefault(key, cur)
            continue
        if cur is not None:
            cur.text += " " + line.strip()
            cur.end = e
    return notes


def _attach_notes(text: str, entries: list[Entry], notes: dict[str, Note]) -> None:
    """Record on each entry the notes it refers to (its stars, an attached ``(7)``, a notes-column code)."""
    for entry in entries:
        s0, e0 = entry.spans[0]
        first = text[s0:e0].translate(_CLEAN)
        lead = _CODE_LEAD.match(first)
        if lead:
            code = lead.group("m")
            entry.markers.append(code)
            if lead.group("stars"):
                entry.markers.append(lead.group("stars"))
            entry.spans[0] = (s0 + lead.end(), e0)
        body = entry.text(text)
        for a in _ATTACHED_NOTE.finditer(body):
            key = f"({a.group(1)})"
            if key in notes:
                entry.markers.append(key)


def _code_key(code: str) -> str:
    return re.sub(r"[-/\s]", "", code.upper())


def find_note(notes: dict[str, Note], marker: str) -> tuple[Note | None, str | None]:
    """The note a marker refers to, and an exhibit number the marker itself adds.

    ``90-2Q`` finds note ``90/2Q``; ``93K-10.A.15`` is note ``93K`` for exhibit 10.A.15 when it is
    not defined itself (a 1994 10-K).
    """
    if marker in notes:
        return notes[marker], None
    keyed = {_code_key(k): n for k, n in notes.items()}
    if _code_key(marker) in keyed:
        return keyed[_code_key(marker)], None
    head, sep, tail = marker.partition("-")
    if sep and re.match(r"\d", tail):
        for k in (head, _code_key(head)):
            note = notes.get(k) or keyed.get(k)
            if note is not None:
                return note, tail
    return None, None
