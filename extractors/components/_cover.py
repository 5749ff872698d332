"""The fields of a registrant's cover page, located in a document's text.

The cover of an 8-K, 8-A, 10-K, 10-Q, S-x or proxy statement prints each
value beside a parenthesised label: the registrant's name above "(Exact name
of registrant as specified in its charter)", the state, commission file
number and IRS employer number in a row of three columns above (or below)
their labels, the address of principal executive offices and zip code. Text
filings keep the columns; HTML filings arrive one cell a line or, flattened,
all on one line (8k_stockwalk_2000.txt). The values have fixed formats
(``58-1592285``, ``000-23741``, a state name), so they are found by format
within the region the labels mark, not by column position.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.components._cover_values import (
    JURIS_RE,
    Field,
    _pieces,
    _zip_label,
    address_from_rows,
    jurisdiction,
    piece_before,
)
from extractors.components._lines import PAGE_LINE, RULE_LINE, segments, squash, title_case
from extractors.parse import DATE_RE, date_from_match, parse_int
from extractors.patterns import load

_P = load("header_cover.json")
_STATES = load("us_states.json")


def _rx(p: str, flags: int = re.IGNORECASE) -> re.Pattern:
    return re.compile(p, flags)


NAME_LABELS = [_rx(row["pattern"]) for row in _P["name"]]
STATE_LABEL = _rx(_P["state"])
FILE_LABEL = _rx(_P["file_number"])
EIN_LABEL = _rx(_P["ein"])
INLINE_FILE = _rx(_P["inline_file_number"])
INLINE_EIN = _rx(_P["inline_ein"])
ADDRESS_LABEL = _rx(_P["address"])
PHONE_LABEL = _rx(_P["phone"])
DATE_OF_REPORT = _rx(_P["date_of_report"])
EVENT_DATE = _rx(_P["event_date"])
PERIOD_13F = _rx(_P["period_13f"])
STATEMENT_MONTH = _rx(_P["statement_month"])
FISCAL_PERIOD = _rx(_P["fiscal_period"])
AMENDMENT = _rx(_P["amendment"])
REGISTERED = _rx(_P["registered"])
NOT_APPLICABLE = _rx(_P["not_applicable"])
FORM_TITLE = _rx(_P["form_title"], re.IGNORECASE | re.MULTILINE)
LABEL_WORDS = _rx(_P["label_words"])
TO_AMENDS_13D = _rx(_P["to_amends_13d"])

# IRS employer identification number as printed on covers: "58-1592285".
EIN_RE = re.compile(r"(?<![\w-])\d{2}-\d{7}(?![\w-])")
# ... or without its hyphen, in the EIN column of a cover (10k_apple_1997.txt: "942404110").
EIN9_RE = re.compile(r"(?<![\w$.,-])\d{9}(?![\w-])")
# "An Indiana Corporation" printed as the registrant's description (10q_indianabell_1999_nc.txt).
APPOSITIVE_LINE = re.compile(
    r"^[ \t]*An?[ \t]+(?P<j>[A-Z][A-Za-z .]+?)[ \t]+(?P<form>corporation|limited[ \t]+partnership"
    r"|limited[ \t]+liability[ \t]+company|business[ \t]+trust|statutory[ \t]+trust|company)[ \t]*$",
    re.IGNORECASE | re.MULTILINE,
)
# "Address:  1440 Kiewit Plaza" on a Form 13F cover (13fa_berkshire_2003.txt).
ADDRESS_INLINE = re.compile(r"^[ \t]*Address:[ \t]*", re.IGNORECASE | re.MULTILINE)
# Commission file numbers: "0-9334", "000-23741", "1-5502", "333-46893-01" (8k_aames_1998.txt), "28-4545" (13F).
FILE_RE = re.compile(r"(?<![\w/.-])\d{1,3}-\d{3,6}(?:-\d{1,3})?(?![\w-])")
# Telephone numbers printed under the address (8k_walmart_1995.txt, 8k_zurn_1994.txt).
PHONE_RE = re.compile(r"\(?\d{3}\)?[\s./-]{0,2}\d{3}[\s.-]\d{4}\b")
_SUFFIX_WORDS = frozenset(load("org_forms.json")["company_suffixes"]) | {"incorporated", "company"}


@dataclass
class Cover:
    """What a registrant cover page states (each field optional)."""

    form: Field | None = None  # value: the form as printed ("8-A/A"); extra title: "Form 8-A/A"
    name: Field | None = None
    state: Field | None = None
    file_number: Field | None = None
    ein: Field | None = None
    address: Field | None = None
    date: Field | None = None  # value: ISO date of report / event / period; extra period: True
    # when it is the period a periodic report covers ("For the fiscal year ended June 30, 1999")
    amendment: Field | None = None  # value: the number as a string
    registers: list[Field] = field(default_factory=list)
    amends_13d: Field | None = None


def read_cover(text: str, start: int, end: int, known_name: str | None = None) -> Cover:
    """Read the cover fields of ``text[start:end]`` (a cover section)."""
    cov = Cover()
    cov.form = _form(text, start, min(end, start + 4000))
    name_end = _name(cov, text, start, end, known_name)
    id_end = _ids(cov, text, name_end if name_end is not None else start, end, name_end is not None)
    _address(cov, text, id_end if id_end else (name_end or start), end)
    _date(cov, text, start, end)
    _amendment(cov, text, start, min(end, start + 4000))
    _registers(cov, text, start, end)
    m = TO_AMENDS_13D.search(text, start, end)
    if m:
        cov.amends_13d = Field("Schedule 13D", m.start(), m.end())
    return cov


def _form(text: str, start: int, end: int) -> Field | None:
    m = FORM_TITLE.search(text, start, end)
    if not m:
        return None
    title = squash(m.group(0))
    return Field(
        m.group("form").upper(),
        m.start(0) + len(m.group(0)) - len(m.group(0).lstrip()),
        m.end(),
        {"title": title.split()[0].title() + " " + m.group("form").upper()},
    )


def _name(cov: Cover, text: str, start: int, end: int, known: str | None) -> int | None:
    """Set the registrant's name; return where the region after it begins."""
    for rx in NAME_LABELS:
        m = rx.search(text, start, end)
        if not m:
            continue
        got = piece_before(text, m.start(), start)
        if got and not LABEL_WORDS.search(got[2]) and not DATE_RE.search(got[2]):
            s, e, val = got
            val = _join_name_line(text, s, val, start)
            cov.name = Field(squash(val[0]), val[1], e)
        return m.end()
    if known:
        words = [w for w in re.split(r"[\W_]+", known) if w]
        if words:
            rx = re.compile(
                r"(?<!\w)" + r"[\W_]*".join(re.escape(w) for w in words) + r"\.?", re.IGNORECASE
            )
            m = rx.search(text, start, end)
            if m:
                cov.name = Field(squash(m.group(0)), m.start(), m.end())
                return m.end()
        # "EXAMPLE TELEPHONE CO INC" printed "Example Telephone Company, Incorporated"
        # (10q_indianabell_1999_nc.txt): the words before the suffix, then the rest of the line.
        core = [w for w in words if w.lower() not in _SUFFIX_WORDS]
        if len(core) >= 2 and len(core) < len(words):
            rx = re.compile(
                r"(?<!\w)" + r"[\W_]*".join(re.escape(w) for w in core) + r"\b[^\n]{0,40}",
                re.IGNORECASE,
            )
            m = rx.search(text, start, end)
            if m and re.fullmatch(
                r"[\s,]*(?:[A-Za-z.]+[\s,]*){1,3}", m.group(0)[len(" ".join(core)) - 1 :] + " "
            ):
                val = squash(m.group(0)).rstrip(" ,")
                if all(w.lower().strip(",.") in _SUFFIX_WORDS for w in val.split()[len(core) :]):
                    cov.name = Field(val, m.start(), m.start() + len(m.group(0).rstrip(" ,\t")))
                    return cov.name.end
    return None


def _join_name_line(text: str, s: int, val: str, floor: int) -> tuple[str, int]:
    """Join a name printed over two lines ("EXAMPLE HEALTH CORPORATION OF" / "AMERICA, INC.")."""
    ls = text.rfind("\n", floor, s)
    if ls <= floor:
        return val, s
    prev_start = text.rfind("\n", floor, ls) + 1
    prev = text[prev_start:ls].strip()
    if (
        prev
        and re.search(r"(?:,|\b(?:OF|AND|&|THE))$", prev, re.IGNORECASE)
        and prev.isupper() == val.isupper()
    ):
        return prev + " " + val, prev_start + len(text[prev_start:ls]) - len(
            text[prev_start:ls].lstrip()
        )
    return val, s


def _ids(cov: Cover, text: str, lo: int, end: int, after_name: bool) -> int | None:
    """State, file number and EIN; returns the end of the region they occupy."""
    for rx, attr, val_rx in ((INLINE_FILE, "file_number", FILE_RE), (INLINE_EIN, "ein", EIN_RE)):
        for m in rx.finditer(
            text, max(0, lo - 2000) if not after_name else lo - 2000 if lo > 2000 else 0, end
        ):
            v = val_rx.match(text, m.end())
            if v:
                setattr(cov, attr, Field(v.group(0), v.start(), v.end()))
                break
    labels = sorted(
        (m.start(), m.end())
        for rx in (STATE_LABEL, FILE_LABEL, EIN_LABEL)
        for m in rx.finditer(text, lo, end)
    )
    if not labels:
        return None
    first = labels[0][0]
    cluster = [lab for lab in labels if lab[0] - first < 700]
    last = max(e for _s, e in cluster)
    nl = text.find("\n", last, end)
    last = nl if nl >= 0 else end
    region_lo = lo if after_name and first - lo < 1200 else max(lo, first - 400)
    found = _find_ids(text, region_lo, last)
    if not (found.get("ein") or found.get("file_number")):
        after_end = _after_values_end(text, last, end)
        found = _find_ids(text, last, after_end)
        last = after_end if found else last
    for key, fld in found.items():
        if fld and getattr(cov, key) is None:
            setattr(cov, key, fld)
    if cov.state is None:
        m = APPOSITIVE_LINE.search(text, lo, min(end, last + 800))
        if m and jurisdiction(m.group("j")):
            cov.state = Field(
                jurisdiction(m.group("j")),
                m.start("j"),
                m.end("form"),
                {"org_form": m.group("form")},
            )
    return last


def _find_ids(text: str, lo: int, hi: int) -> dict[str, Field | None]:
    out: dict[str, Field | None] = {"ein": None, "file_number": None, "state": None}
    m = EIN_RE.search(text, lo, hi) or EIN9_RE.search(text, lo, hi)
    if m:
        out["ein"] = Field(m.group(0), m.start(), m.end())
    for m in FILE_RE.finditer(text, lo, hi):
        if out["ein"] and m.start() == out["ein"].start:
            continue
        out["file_number"] = Field(m.group(0), m.start(), m.end())
        break
    for row in segments(text, lo, hi):
        for seg in row:
            for s, e, piece in _pieces(text, seg.start, seg.end):
                j = JURIS_RE.match(piece)
                if j and (len(piece) == j.end() or re.match(r"\s+\d", piece[j.end() :])):
                    name = jurisdiction(j.group(1))
                    if name and out["state"] is None:
                        out["state"] = Field(name, s, s + j.end(), {"printed": j.group(1)})
    return out


def _after_values_end(text: str, pos: int, end: int) -> int:
    """The end of the first non-empty line after ``pos`` (values printed under their labels)."""
    nl = text.find("\n", pos, end)
    if nl < 0:
        return end
    seen = False
    p = nl + 1
    while p < end:
        e = text.find("\n", p, end)
        e = end if e < 0 else e
        line = text[p:e]
        if line.strip() and not RULE_LINE.match(line):
            if LABEL_WORDS.search(line) and not (EIN_RE.search(line) or FILE_RE.search(line)):
                p = e + 1
                continue
            return e
        if seen:
            break
        p = e + 1
    return pos


def _address(cov: Cover, text: str, lo: int, end: int) -> None:
    m = ADDRESS_LABEL.search(text, lo, end)
    if not m:
        m = ADDRESS_INLINE.search(text, lo, end)
        if m:
            fld = address_from_rows(_address_rows_after(text, m.end(), end, same_line=True))
            if fld:
                cov.address = fld
        return
    label_first = m.group(0).lstrip()[:1] in "([" or "principal" in m.group(0).lower()
    rows = _address_rows_before(text, lo, m.start()) if label_first else []
    if not any(re.search(r"\d", p[2]) for row in rows for p in row):
        rows = _address_rows_after(text, m.end(), end)
    fld = address_from_rows(rows)
    if fld:
        cov.address = fld


def _address_rows_before(text: str, lo: int, pos: int) -> list[list]:
    # Walk back from the label over at most five value lines.
    rows = segments(text, lo, pos)
    out: list[list] = []
    for row in reversed(rows):
        pieces = [p for s in row for p in _pieces(text, s.start, s.end)]
        vals = [p for p in pieces if not _zip_label(p[2])]
        if not vals:
            continue
        if any(LABEL_WORDS.search(p[2]) for p in vals) or any(EIN_RE.search(p[2]) for p in vals):
            break
        line = squash(" ".join(s.text for s in row))
        if PHONE_RE.fullmatch(line) or PAGE_LINE.match(line) or NOT_APPLICABLE.match(line):
            continue
        out.insert(0, vals)
        if len(out) >= 7:
            break
    return out


def _address_rows_after(text: str, pos: int, end: int, same_line: bool = False) -> list[list]:
    out: list[list] = []
    nl = pos - 1 if same_line else text.find("\n", pos, end)
    if nl < 0 and not same_line:
        return out
    blank = 0
    for row in segments(text, nl + 1, min(end, nl + 600)):
        pieces = [p for s in row for p in _pieces(text, s.start, s.end)]
        if not pieces:
            blank += 1
            if out and blank >= 2:
                break
            continue
        blank = 0
        if LABEL_WORDS.search(" ".join(p[2] for p in pieces)):
            if out:
                break
            continue
        if PHONE_RE.fullmatch(squash(" ".join(s.text for s in row))):
            break
        out.append(pieces)
        if len(out) >= 4:
            break
    return out


def _date(cov: Cover, text: str, start: int, end: int) -> None:
    for rx in (DATE_OF_REPORT, EVENT_DATE, PERIOD_13F, STATEMENT_MONTH):
        m = rx.search(text, start, min(end, start + 6000))
        if not m:
            continue
        fld = _date_near(text, m, end)
        if fld:
            cov.date = fld
            return
    # The period a 10-K / 10-Q covers, printed on its cover: "For the fiscal year ended June 30,
    # 1999" (10k_medicis_1999.html, saved without its SGML header), "For the quarterly period ended".
    m = FISCAL_PERIOD.search(text, start, min(end, start + 4000))
    if m:
        d = DATE_RE.search(text, m.end(), min(end, m.end() + 80))
        iso = date_from_match(d) if d else None
        if iso and re.fullmatch(r"[\s:_\-]*", text[m.end() : d.start()]):
            cov.date = Field(iso, d.start(), d.end(), {"period": True})


def _date_near(text: str, m: re.Match, end: int) -> Field | None:
    window_end = min(end, m.end() + 220)
    for rx in NAME_LABELS:
        n = rx.search(text, m.end(), window_end)
        if n:
            window_end = n.start()
    after = []
    for d in DATE_RE.finditer(text, m.end(), window_end):
        iso = date_from_match(d)
        if iso:
            after.append((d, iso))
    # "March 14, 2002 (March 6, 2002)": the parenthesised date is the earliest event (8k_pericom_2002.txt).
    for d, iso in after[1:]:
        if text[max(d.start() - 3, 0) : d.start()].strip().endswith("("):
            return Field(iso, d.start(), d.end())
    if after:
        gap = text[m.end() : after[0][0].start()]
        if gap.count("\n") <= 4:
            return Field(after[0][1], after[0][0].start(), after[0][0].end())
    # The date printed above its label (8k_apple_2019.txt, schedule covers).
    got = piece_before(text, m.start(), max(0, m.start() - 300), 3)
    if got:
        d = DATE_RE.search(got[2])
        if d:
            iso = date_from_match(d)
            if iso:
                return Field(iso, got[0] + d.start(), got[0] + d.end())
    # "Statement for Month/Year" followed by "February 29,2000" (form4_productivity_2000.txt).
    loose = re.compile(r"([A-Z][a-z]+)\.?\s+(\d{1,2}),\s*((?:19|20)\d\d)")
    lm = loose.search(text, m.end(), min(end, m.end() + 80))
    if lm:
        from extractors.parse import parse_date

        iso = parse_date(f"{lm.group(1)} {lm.group(2)}, {lm.group(3)}")
        if iso:
            return Field(iso, lm.start(), lm.end())
    return None


def _amendment(cov: Cover, text: str, start: int, end: int) -> None:
    m = AMENDMENT.search(text, start, end)
    if not m:
        return
    raw = m.group("n") or m.group("n2")
    n = parse_int(raw)
    if n:
        cov.amendment = Field(str(n), m.start(), m.end())


def _registers(cov: Cover, text: str, start: int, end: int) -> None:
    for m in REGISTERED.finditer(text, start, end):
        section = re.sub(r"\s+", "", m.group("sec"))
        for row in segments(text, m.end(), min(end, m.end() + 900)):
            vals = [
                s
                for s in row
                if not re.search(
                    r"(?i)title\s+of\s+each|to\s+be\s+so\s+registered|name\s+of\s+each"
                    r"|each\s+class\s+is\s+to\s+be|exchange\s+on\s+which|^</?[A-Z]+>$"
                    r"|^<[SC]>",
                    s.text,
                )
            ]
            if not row:
                continue
            if not vals:
                continue
            first = vals[0]
            if REGISTERED.match(text, first.start) or RULE_LINE.match(first.text):
                break
            if not NOT_APPLICABLE.match(first.text.strip()) and not first.text.startswith("("):
                cov.registers.append(
                    Field(title_case(first.text), first.start, first.end, {"section": section})
                )
            break
