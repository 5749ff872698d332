"""Roles read from lists and fixed layouts rather than from one sentence.

- powers of attorney: ``... constitutes and appoints A, B and C, jointly and severally, his
  attorneys-in-fact`` (10-K signature pages, EX-24): each appointee is ``attorney-in-fact`` of
  each person who grants it;
- election results: ``1. Election of Directors`` followed by one line per nominee with the votes
  (8-K Item 5.07, 10-Q Item 4): each elected person is ``director`` of the registrant;
- underwriting tables (a column headed ``Underwriter`` closed by ``Total``) and
  ``A, B and C, as representatives of the several underwriters``;
- ``Messrs. A and B were appointed to the Board of Directors``.

Every function works on a document's text with absolute offsets and returns spans; the component
turns them into claims. The patterns are data (``patterns/roles_lists.json``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.components import _roles_prose as rp
from extractors.names import kind_of, person_name
from extractors.patterns import load

_SPEC = load("roles_lists.json")
_POA, _EL, _UW, _AP = (
    _SPEC["poa"],
    _SPEC["elections"],
    _SPEC["underwriters"],
    _SPEC["appointed_list"],
)
_I = re.IGNORECASE

PERSON_RX = re.compile(rp.PERSON)
_FOOTNOTE = re.compile(r"(?:\s*(?:\(\d{1,2}\)|\(\w\)|[*\u2020\u2021]+))+$")
_HON = re.compile(r"^(?:Mr|Mrs|Ms|Dr|Messrs|Mses|Drs)\.?\s+")
_LIST_SPLIT = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+|\s*;\s*")
_SUFFIX_PIECE = re.compile(r"^(?:Jr\.?|Sr\.?|II|III|IV|Esq\.?)$")


@dataclass
class Found:
    """A name found in a list, its span in the document's text, and what was said of it."""

    name: str
    start: int
    end: int
    role: str
    pattern: str


def as_person(text: str) -> str | None:
    """A person's name as written (honorific, footnote marks and degrees dropped), or None."""
    s = " ".join(text.split()).strip(" ,;:")
    s = _FOOTNOTE.sub("", s).strip(" ,")
    s = _HON.sub("", s)
    if not s or len(s) > 60:
        return None
    if s.isupper() and len(s) > 3:
        s = _title_case(s)
    s = person_name(s)
    if PERSON_RX.fullmatch(s) and rp.person_ok(s):
        return s
    return None


def _title_case(name: str) -> str:
    """``JOHN A. O'NEIL-DOE, JR.`` → ``John A. O'Neil-Doe, Jr.`` (roman numerals stay)."""

    def word(w: str) -> str:
        if re.fullmatch(r"(?:II|III|IV|VI{0,3})[,.]?", w) or re.fullmatch(r"[A-Z]\.?,?", w):
            return w
        return re.sub(r"[A-Za-z]+", lambda m: m.group(0).capitalize(), w.lower())

    return " ".join(word(w) for w in name.split())


def _pieces(text: str, base: int) -> list[tuple[str, int, int]]:
    """Split a written list ("A, B, and C") into its items with their spans; "Jr." stays with its name."""
    out: list[tuple[str, int, int]] = []
    pos = 0
    for m in list(_LIST_SPLIT.finditer(text)) + [None]:
        end = m.start() if m else len(text)
        piece = text[pos:end]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            s, e = pos + lead, pos + len(piece.rstrip())
            if out and _SUFFIX_PIECE.match(piece.strip()):
                name, ps, _ = out[-1]
                out[-1] = (f"{name}, {piece.strip()}", ps, base + e)
            else:
                out.append((piece.strip(), base + s, base + e))
        if m is None:
            break
        pos = m.end()
    return out


# --- powers of attorney -------------------------------------------------------------------------

_POA_ANCHOR = re.compile(_POA["anchor"], _I)
_POA_ATTORNEY = re.compile(_POA["attorney"], _I)
_POA_END = re.compile(_POA["list_end"], _I)
_POA_GRANTOR = re.compile(_POA["grantor_all_below"], _I)


def powers_of_attorney(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, list[Found]]]:
    """``(anchor start, anchor end, appointees)`` of each grant of a power of attorney in ``text[start:end]``."""
    end = len(text) if end is None else end
    out = []
    for m in _POA_ANCHOR.finditer(text, start, end):
        att = _POA_ATTORNEY.search(text, m.end(), min(len(text), m.end() + _POA["window"]))
        if att is None:
            continue
        # who grants it: "each person whose signature appears below", "the undersigned"
        if not _POA_GRANTOR.search(text, max(0, m.start() - 200), m.start()):
            continue
        stop = _POA_END.search(text, m.end(), att.start())
        list_end = stop.start() if stop else att.start()
        chunk = text[m.end() : list_end]
        found = []
        for piece, s, e in _pieces(chunk, m.end()):
            name = as_person(piece)
            if name:
                found.append(Found(name, s, e, "attorney-in-fact", "poa.appoints"))
        if found:
            out.append((m.start(), att.end(), found))
    return out


# --- elections of directors ---------------------------------------------------------------------

_EL_HEADING = re.compile(_EL["heading"], _I)
_EL_STATED = re.compile(_EL["stated"], _I)
_EL_OUTCOME = re.compile(_EL["outcome"], _I)
_EL_FAILED = re.compile(_EL["failed"], _I)
_EL_CONTEXT = re.compile(_EL["context"], _I)
_BOARD_SEAT = re.compile(r"(?i:director|board|trustee)(?![\s\S]*\bofficers?\b)")
_INLINE_TAIL = re.compile(_EL["inline_tail"], _I | re.DOTALL)
#: The end of the sentence of an inline list: a period not after an initial or honorific, a semicolon, a blank line.
_INLINE_END = re.compile(
    r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bMrs)(?<!\bDr)(?<!\bJr)(?<!\bSr)\.(?=\s|$)|;|\n[ \t]*\n"
)
_VOTES = re.compile(_EL["vote_count"])
_HEADER_WORDS = frozenset(_EL["header_words"])
_NUMERIC_LINE = re.compile(r"^[\s\d,.%$()\-\u2013\u2014*/|]*$")
_TABLE_TAG = re.compile(r"^</?(?:TABLE|CAPTION|S|C|FN|PAGE)>", _I)
_LEAD_NUM = re.compile(r"^(?:\(?[0-9]{1,2}[.)]|\(?[a-z][.)]|[\u2022\u25cf\u00b7\-*])\s+")
_NAME_THEN_NUMBERS = re.compile(
    r"^(?P<name>[^\d\t]*?[A-Za-z.)])(?:[\s.]{2,}|\t)(?P<rest>[\d,.\s%\t$()\-]*)$"
)


def _header_line(line: str) -> bool:
    words = re.findall(r"[A-Za-z][A-Za-z\-]*", line.lower())
    return bool(words) and all(w in _HEADER_WORDS for w in words)


def _name_of_line(line: str) -> tuple[str | None, bool, int, int]:
    """(person, vote counts on the line, name start, name end) for one line of a results table."""
    raw = line.rstrip()
    lead = _LEAD_NUM.match(raw.lstrip())
    off = len(raw) - len(raw.lstrip()) + (lead.end() if lead else 0)
    body = raw[off:]
    m = _NAME_THEN_NUMBERS.match(body)
    name_text, votes = (
        (m.group("name"), bool(_VOTES.search(m.group("rest")))) if m else (body, False)
    )
    name = as_person(name_text)
    return name, votes, off, off + len(name_text.rstrip())


def elected_directors(
    text: str, start: int, end: int, item_context: bool, limit: int | None = None
) -> list[Found]:
    """People elected directors by a statement or heading in ``text[start:end]`` (the list may run to ``limit``)."""
    limit = len(text) if limit is None else limit
    out: list[Found] = []
    seen: set[str] = set()
    for rx, stated in ((_EL_STATED, True), (_EL_HEADING, False)):
        for m in rx.finditer(text, start, end):
            if (
                not stated
                and not item_context
                and not _EL_CONTEXT.search(text, max(start, m.start() - 1500), m.start())
            ):
                continue
            names = _inline_list(text, m.end(), limit) if stated else []
            names = names or _list_after(
                text, m.end(), min(limit, m.end() + _EL["window"]), need_votes=not stated
            )
            if not names:
                continue
            last = names[-1].end
            if stated and not _BOARD_SEAT.search(
                text[max(0, m.start() - 150) : min(limit, last + 60)]
            ):
                continue  # "the following officers were elected": not a board seat
            tail = text[m.start() : min(limit, last + 800)]
            if _EL_FAILED.search(tail):
                continue
            if not stated and not _EL_OUTCOME.search(tail):
                continue
            for f in names:
                if f.name not in seen:
                    seen.add(f.name)
                    f.pattern = "election.stated" if stated else "election.results"
                    out.append(f)
    return out


def _inline_list(text: str, pos: int, limit: int) -> list[Found]:
    """``... elected John A. Roe, Jane B. Doe and Richard Poe as directors``: the names written in the sentence."""
    colon = re.match(r"[^.;:\n]{0,120}:", text[pos : pos + 130])
    pos = pos + colon.end() if colon else pos
    end = _INLINE_END.search(text, pos, min(limit, pos + 600))
    chunk = text[pos : end.start() if end else min(limit, pos + 600)]
    lead = re.match(r"[\s:]*(?:the\s+following(?:\s+[a-z]+){0,2}\s*:?\s*)?", chunk)
    base = pos + lead.end()
    chunk = _INLINE_TAIL.sub("", chunk[lead.end() :])
    pieces = _pieces(chunk, base)
    found = [Found(n, s, e, "director", "") for p, s, e in pieces if (n := as_person(p))]
    return found if len(found) == len(pieces) and found else []


def _list_after(text: str, pos: int, end: int, need_votes: bool) -> list[Found]:
    """The names of a results list starting on the line after ``pos``."""
    nl = text.find("\n", pos, end)
    if nl < 0:
        return []
    found: list[Found] = []
    pending: Found | None = None
    junk = 0
    p = nl + 1
    while p < end:
        q = text.find("\n", p, end)
        q = end if q < 0 else q
        line = text[p:q]
        s = line.strip()
        if not s or _TABLE_TAG.match(s) or (found or pending) and _NUMERIC_LINE.match(s):
            if pending is not None and _VOTES.search(s):
                found.append(pending)
                pending = None
        elif _header_line(s) or _NUMERIC_LINE.match(s):
            pass
        else:
            name, votes, ns, ne = _name_of_line(line)
            if name is None:
                if found or pending:
                    break
                junk += 1
                if junk > _EL["max_lines_before"] or len(s) > 120:
                    break
            else:
                f = Found(name, p + ns, p + ne, "director", "")
                if pending is not None and need_votes:
                    break  # a name without votes: not a results table
                if pending is not None:
                    found.append(pending)
                    pending = None
                if votes or not need_votes:
                    found.append(f)
                else:
                    pending = f
        p = q + 1
    if pending is not None and not need_votes:
        found.append(pending)
    return found


# --- underwriters ---------------------------------------------------------------------------------

_UW_HEAD = re.compile(_UW["table_head"], _I)
_UW_TOTAL = re.compile(_UW["total"], _I)
_AMOUNT = re.compile(_UW["amount"])
_CONT = re.compile(_UW["continuation"])
_NOT_FIRM = tuple(_UW["not_firm"])
_DOT_LEADERS = re.compile(r"\.{3,}")
_LEADERS = re.compile(r"(?:\s*\.{2,}[\s.]*|\s{2,}|\t)")
_REPS = re.compile(_UW["representatives"], _I | re.MULTILINE)
_REP_START = re.compile(_UW["rep_list_start"])
_FIRM_WORD = re.compile(
    r"^(?:[A-Z][\w.'\-&]*|&|and|of|de|du|des|la|le|y|et|the|plc|AG|SA|N\.V\.|S\.A\.|[A-Z]\.[A-Z]\.)$"
)
_ABBR_END = re.compile(r"\b(?:Inc|Co|Corp|Ltd|N\.A|S\.A|L\.P)$")
_CORP_TAIL = re.compile(
    r",\s*(?:Inc\.?|LLC|L\.L\.C\.|L\.P\.|Ltd\.?|Incorporated|N\.A\.|S\.A\.|plc|PLC)$"
)


def firm_name(text: str) -> str | None:
    """A firm's name as written in a table row or list (capitalised words, corporate suffixes)."""
    s = " ".join(text.split()).strip(" ,;:*")
    if s.endswith(".") and not _ABBR_END.search(s[:-1]):
        s = s[:-1]
    if not s or len(s) > 90 or not s[0].isupper():
        return None
    low = s.lower()
    if any(low == w or low.startswith(w + " ") for w in _NOT_FIRM):
        return None
    words = s.replace(",", " ").split()
    if not all(_FIRM_WORD.match(w) for w in words):
        return None
    if as_person(s):
        return None
    return s


def underwriting_table(text: str, start: int, end: int, limit: int | None = None) -> list[Found]:
    """The firms of an underwriting table headed in ``text[start:end]``, when the table is closed by "Total".

    A row is a firm's name with its amount (on its line or the next), or, where the amounts are
    left blank (a preliminary prospectus), a firm's name with dot leaders or a corporate suffix."""
    limit = len(text) if limit is None else limit
    out: list[Found] = []
    for head in _UW_HEAD.finditer(text, start, end):
        rows: list[Found] = []
        pending: list[
            tuple[str, int, int]
        ] = []  # a firm's name waiting for its amount on the next line

        def flush(strict: bool, rows: list[Found] = rows, pending: list = pending) -> None:
            if pending:
                name, s0, e0 = pending.pop()
                firm = firm_name(name)
                if firm and (not strict or kind_of(firm, "")):
                    rows.append(Found(firm, s0, e0, "underwriter", "underwriters.table"))

        closed = False
        p = head.end() + 1
        stop = min(limit, head.end() + _UW["window"])
        while p < stop:
            q = text.find("\n", p, stop)
            q = stop if q < 0 else q
            line = text[p:q]
            s = line.strip()
            p0 = p
            p = q + 1
            if not s or _TABLE_TAG.match(s) or set(s) <= set("-=_ \t$\u20ac\u00a3"):
                continue
            if _UW_TOTAL.match(s):
                flush(strict=True)
                closed = True
                break
            amount = _AMOUNT.search(line)
            leaders = _DOT_LEADERS.search(line)
            cut = amount.start() if amount else (leaders.start() if leaders else len(line))
            name_text = " ".join(x for x in _LEADERS.split(line[:cut]) if x.strip())
            lead = len(line) - len(line.lstrip())
            ns, ne = p0 + lead, p0 + lead + len(name_text)
            if line[ne - p0 : ne - p0 + 1] == "." and _ABBR_END.search(name_text):
                name_text, ne = (
                    name_text + ".",
                    ne + 1,
                )  # "Roe, Doe & Co......": the leader ate the period
            if not name_text.strip():
                if amount:
                    flush(strict=False)  # the amount of the firm named on the line before
                continue
            if pending and (amount or leaders) and _CONT.match(name_text.strip()):
                first, ns, _ = pending.pop()
                name_text = f"{first} {name_text.strip()}"  # a name over two lines
            flush(strict=True)
            if amount or leaders:
                firm = firm_name(name_text)
                if firm:
                    rows.append(Found(firm, ns, ne, "underwriter", "underwriters.table"))
                continue
            pending.append((name_text, ns, ne))
        if closed and rows:
            out.extend(rows)
    return out


def representatives(text: str, start: int, end: int) -> list[tuple[Found, bool]]:
    """``A, B and C, as representatives of the several underwriters``: (firm, "several" written)."""
    out: list[tuple[Found, bool]] = []
    for m in _REPS.finditer(text, start, end):
        several = bool(m.group("several"))
        line_start = text.rfind("\n", 0, m.start("as")) + 1
        if not text[line_start : m.start("as")].strip():
            firms = _firm_lines_above(text, line_start)
        else:
            firms = _firm_list_before(text, m.start("as"))
        out.extend((f, several) for f in firms)
    return out


def _firm_list_before(text: str, pos: int) -> list[Found]:
    lo = max(0, pos - 400)
    starts = list(_REP_START.finditer(text, lo, pos))
    s = starts[-1].end() if starts else lo
    chunk = text[s:pos]
    firms = []
    pieces = _pieces(chunk, s)
    merged: list[tuple[str, int, int]] = []
    for piece, ps, pe in pieces:
        if merged and _CORP_TAIL.match(", " + piece):
            merged[-1] = (f"{merged[-1][0]}, {piece}", merged[-1][1], pe)
        else:
            merged.append((piece, ps, pe))
    if starts and starts[-1].group("party"):
        merged = merged[
            1:
        ]  # "among the Company and A, B and C, as representatives": the first is the issuer
    for piece, ps, pe in merged:
        firm = firm_name(piece)
        if firm is None:
            return []  # not a clean list of firms: say nothing
        firms.append(Found(firm, ps, pe, "representative", "underwriters.representatives"))
    return firms


def _firm_lines_above(text: str, line_start: int) -> list[Found]:
    firms: list[Found] = []
    p = line_start - 1
    while p > 0 and len(firms) < 12:
        ls = text.rfind("\n", 0, p) + 1
        line = text[ls:p]
        p = ls - 1
        s = line.strip()
        if not s:
            continue
        firm = firm_name(s)
        if firm is None:
            break
        lead = len(line) - len(line.lstrip())
        firms.insert(
            0,
            Found(
                firm,
                ls + lead,
                ls + lead + len(s),
                "representative",
                "underwriters.representatives",
            ),
        )
    return firms


# --- several people appointed at once ---------------------------------------------------------------

_APPOINTED_LIST = re.compile(_AP["pattern"])
#: A person's name (or its given names and initials before a shared surname) closing a piece of a list.
_PERSON_AT_END = re.compile(
    r"(?P<p>(?:(?:Mr|Mrs|Ms|Dr|Messrs)\.\s+)?[A-Z][a-z]+(?:\s+(?:[A-Z]\.|[A-Z][a-z]+)){0,3})$"
)


def appointed_together(text: str) -> list[tuple[Found, int, int]]:
    """``Messrs. John E. and John C. Roe were appointed to the Board``: each person, with the statement's span."""
    out = []
    for m in _APPOINTED_LIST.finditer(text):
        pieces = _pieces(m.group("list"), m.start("list"))
        surname = pieces[-1][0].split()[-1] if pieces else ""
        names: list[Found] = []
        for piece, ps, pe in reversed(pieces):
            if len(names) == len(pieces) - 1 or not PERSON_RX.fullmatch(_HON.sub("", piece)):
                # the first item of the list: the name at the end of the words before it ("that A, B and C")
                tail = [t for t in _PERSON_AT_END.finditer(piece)]
                if not tail:
                    break
                ps, piece = ps + tail[-1].start("p"), tail[-1].group("p")
            cand = piece if not piece.endswith(".") else f"{piece} {surname}"
            name = as_person(cand)
            if name is None:
                break
            names.insert(0, Found(name, ps, pe, "director", "appointed.together"))
        if len(names) >= 2:
            out.extend((f, m.start(), m.end()) for f in names)
    return out
