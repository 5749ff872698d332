"""Who files: names of header parties, reporting persons, filing persons, other managers.

Helpers for the header component that turn the names printed in a filing
into the best display form and read the lists that some forms print on
their cover: the reporting persons of a Schedule 13D/13G (rows 1 and 6 of
each cover page), the filing persons of a Schedule TO, box 1 of a Form 3/4/5
and the list of other managers of a Form 13F.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.components._cover_values import Field, address_from_rows, jurisdiction, piece_before
from extractors.components._lines import RULE_LINE, segments, squash
from extractors.components._sigblock import person_like
from extractors.names import display_name, is_org_name

# Trailing state tags of EDGAR conformed names: "EXAMPLE CORP OF AMERICA INC \PA\", "EXAMPLE TECHNOLOGIES CORP /".
_CONFORMED_TAG = re.compile(r"\s*(?:[/\\][A-Z]{0,3}[/\\]?|/)\s*$")
# "(Name of Filing Persons (Offerors))" on a Schedule TO cover (sctota_cvr_icahn_2025.txt).
FILING_PERSONS = re.compile(r"\(\s*Names?\s+of\s+Filing\s+Persons?\b[^)\n]*\)?\)?", re.IGNORECASE)
ISSUER_LABEL = re.compile(
    r"\(\s*Name\s+of\s+(?:Subject\s+Company\s*\(\s*)?Issuer\s*\)?\s*\)", re.IGNORECASE
)
CUSIP_LABEL = re.compile(
    r"\(\s*CUSIP\s+Number(?:\s+of\s+Class\s+of\s+Securities)?\s*\)", re.IGNORECASE
)
CUSIP_RE = re.compile(r"^[0-9A-Z]{6}\s?[0-9A-Z]{2}\s?[0-9A-Z]$")
# Form 3/4/5 box 1 and box 2 (form4_productivity_2000.txt).
FORM4_OWNER = re.compile(
    r"^\s*1\.\s*Name\s+and\s+Address\s+of\s+Reporting\s+Person\*?\s*$", re.IGNORECASE | re.MULTILINE
)
FORM4_ISSUER = re.compile(
    r"^\s*2\.\s*Issuer\s+Name\s+and\s+Ticker\s+or\s+Trading\s+Symbol\s*$",
    re.IGNORECASE | re.MULTILINE,
)
# Form 13F "List of Other Managers": "28-5194   General Re - New England Asset Management, Inc." (13fa_berkshire_2003.txt).
MANAGER_ROW = re.compile(
    r"^[ \t]*(?:\d{1,2}\.[ \t]+)?(?P<no>28-\d{2,6})[ \t]{2,}(?P<name>\S[^\n]*?)[ \t]*$",
    re.MULTILINE,
)
MANAGER_HEAD = re.compile(
    r"Form\s+13F\s+File\s+Number\s+Name|FORM\s+13F\s+FILE\s+NUMBER\s+NAME", re.IGNORECASE
)
# The same list with the name first, as a covering letter prints it: "GEICO Corporation   28-852"
# under a "13F File Number" column head (13fa_berkshire_2003.txt).
MANAGER_ROW_NAME_FIRST = re.compile(
    r"^[ \t]*(?P<name>[A-Z][^\n]*?\S)[ \t]{2,}(?P<no>28-\d{2,6})[ \t]*$", re.MULTILINE
)
MANAGER_HEAD_NUMBER = re.compile(
    r"^[ \t]*(?:Form\s+)?13F\s+File\s+Number[ \t]*$", re.IGNORECASE | re.MULTILINE
)
_PERSON_TYPES = {"IN"}  # row 14 / 12 "Type of reporting person": IN = individual
# Suffixes display_name keeps in capitals as if they were initials ("EXAMPLE INTERNATIONAL INC").
_SUFFIX_CASE = re.compile(r"\b(?:INC|CORP|CO|LTD)\b\.?")
_SALUTATION = re.compile(r"^(?:Mr|Mrs|Ms|Dr)\.?\s+", re.IGNORECASE)


def clean_conformed(name: str) -> str:
    """An EDGAR conformed name without its state tag: ``... INC \\PA\\`` → ``... INC``."""
    return _CONFORMED_TAG.sub("", name).strip()


def best_case(name: str, text: str, limit: int = 300000) -> str:
    """The name as written in mixed case somewhere in ``text``, else a readable form of it."""
    name = squash(name)
    if any(c.islower() for c in name):
        return name
    words = [w for w in re.split(r"[\W_]+", name) if w]
    if not words:
        return name
    rx = re.compile(
        r"(?<![\w])" + r"[\W_]{1,3}".join(re.escape(w) for w in words) + r"(?:\.(?=\W|$))?",
        re.IGNORECASE,
    )
    for m in rx.finditer(text, 0, min(len(text), limit)):
        got = squash(m.group(0))
        if (
            any(c.islower() for c in got)
            and not got.islower()
            and got.count(",") == name.count(",")
        ):
            return got
    return _SUFFIX_CASE.sub(lambda w: w.group(0).title(), display_name(name))


def person_from_conformed(name: str, text: str) -> str:
    """``DOE JOHN A`` → ``John A. Doe`` (checked against the filing's text when possible)."""
    parts = clean_conformed(name).replace(",", " ").split()
    if len(parts) < 2:
        return display_name(name)
    last, first, *middle = parts
    mid = " ".join(m + "." if len(m) == 1 else m for m in middle)
    guess = " ".join(x for x in (first, mid, last) if x)
    found = best_case(guess, text)
    if any(c.islower() for c in found):
        return found
    return display_name(
        " ".join(
            x
            for x in (first.title(), mid.upper() if len(mid) <= 2 else mid.title(), last.title())
            if x
        )
    )


def invert_person(name: str) -> str:
    """``Doe, John A.`` → ``John A. Doe``; other names unchanged."""
    m = re.fullmatch(r"\s*([A-Z][A-Za-z'\-]+),\s+([A-Z][A-Za-z.\s'\-]+?)\s*", name)
    if not m or is_org_name(name):
        return squash(name)
    first = m.group(2).strip()
    first = re.sub(r"\b([A-Z])(?=\s|$)", r"\1.", first)
    return squash(f"{first} {m.group(1)}")


@dataclass
class Listed:
    """A name listed on a cover, with its span, and what the cover says about it."""

    name: str
    start: int
    end: int
    jurisdiction: Field | None = None
    person: bool = False
    file_number: Field | None = None
    address: Field | None = None


def reporting_persons(text: str) -> list[Listed]:
    """Reporting persons of a Schedule 13D/13G, with their place of organisation (row 6 / row 4)."""
    # The holdings component's cover-page reader (extractors/components/_schedule13.py) finds the rows.
    try:
        from extractors.components._schedule13 import read_persons
    except ImportError:
        return []
    out: list[Listed] = []
    seen: set[str] = set()
    for p in read_persons(text):
        if not getattr(p, "name", None):
            continue
        s, e, name = p.name
        name = _SALUTATION.sub("", squash(name)).strip(" ,;")
        if not name or name.lower() in seen:
            continue
        seen.add(name.lower())
        kind_row = p.values.get("type")
        rtype = re.findall(r"\b[A-Z]{2}\b", kind_row[2]) if kind_row else []
        person = bool(rtype) and all(t in _PERSON_TYPES for t in rtype)
        juris = None
        cz = p.values.get("citizenship")
        if cz:
            first_line = cz[2].split("\n")[0].strip()
            head = first_line.split(",")[0].strip()
            canon = jurisdiction(head) or jurisdiction(first_line)
            if canon:
                juris = Field(canon, cz[0], cz[0] + len(first_line))
        out.append(Listed(name, s, e, juris, person))
    return out


def filing_persons(text: str, start: int, end: int) -> list[Listed]:
    """The names listed above "(Name of Filing Persons (Offerors))" on a Schedule TO cover."""
    m = FILING_PERSONS.search(text, start, end)
    if not m:
        return []
    prev = ISSUER_LABEL.search(text, start, m.start())
    floor = prev.end() if prev else max(start, m.start() - 1500)
    names: list[Listed] = []
    for row in reversed(segments(text, floor, m.start())):
        if not row:
            if names and text.count("\n", floor, m.start()) > 40:
                break
            continue
        line = row[0]
        if RULE_LINE.match(line.text) or line.text.startswith("("):
            if names:
                break
            continue
        names.insert(0, Listed(_SALUTATION.sub("", line.text), line.start, line.end))
    return names


def cover_issuer(text: str, start: int, end: int) -> tuple[Field | None, Field | None]:
    """The issuer's name and CUSIP printed above their labels on a schedule cover."""
    name = cusip = None
    m = ISSUER_LABEL.search(text, start, end)
    if m:
        got = piece_before(text, m.start(), start)
        if got:
            name = Field(squash(got[2]), got[0], got[1])
    m = CUSIP_LABEL.search(text, start, end)
    if m:
        got = piece_before(text, m.start(), start)
        if got and CUSIP_RE.match(got[2].strip()):
            cusip = Field(got[2].strip(), got[0], got[1])
    return name, cusip


def form4_boxes(text: str, start: int, end: int) -> tuple[Listed | None, Field | None]:
    """Box 1 (reporting person, with address) and box 2 (issuer name) of a Form 3/4/5."""
    owner = issuer = None
    m = FORM4_OWNER.search(text, start, end)
    if m:
        rows = [r for r in segments(text, m.end() + 1, min(end, m.end() + 600))]
        lines = []
        for row in rows:
            if not row:
                continue
            if re.match(r"\d\.", row[0].text):
                break
            lines.append(row)
        if lines:
            first = lines[0][0]
            owner = Listed(invert_person(first.text), first.start, first.end, person=True)
            addr_rows = [
                [(s.start, s.end, s.text) for s in row]
                for row in lines[1:]
                if not re.fullmatch(r"USA|U\.S\.A\.|United States", row[0].text, re.IGNORECASE)
            ]
            addr = address_from_rows(addr_rows)
            if addr:
                street = [
                    x
                    for x in addr.extra.get("street", "").split(", ")
                    if not x.lower().startswith("c/o")
                ]
                if street:
                    addr.extra["street"] = ", ".join(street)
                owner.address = addr
    m = FORM4_ISSUER.search(text, start, end)
    if m:
        for row in segments(text, m.end() + 1, min(end, m.end() + 300)):
            if row:
                issuer = Field(row[0].text, row[0].start, row[0].end)
                break
    return owner, issuer


def other_managers(text: str, start: int, end: int) -> list[Listed]:
    """The other managers a Form 13F lists, each with its Form 13F file number."""
    out: list[Listed] = []
    for head in MANAGER_HEAD.finditer(text, start, end):
        for m in MANAGER_ROW.finditer(text, head.end(), min(end, head.end() + 3000)):
            name = m.group("name").strip()
            if RULE_LINE.match(name) or not re.search(r"[A-Za-z]{2}", name):
                continue
            person = not is_org_name(name) and bool(
                re.fullmatch(r"[A-Z][A-Za-z'\-]+,\s+[A-Z][A-Za-z.\s]+", name)
            )
            shown = invert_person(name) if person else name
            out.append(
                Listed(
                    shown,
                    m.start("name"),
                    m.end("name"),
                    person=person,
                    file_number=Field(m.group("no"), m.start("no"), m.end("no")),
                )
            )
    for head in MANAGER_HEAD_NUMBER.finditer(text, start, end):
        for m in MANAGER_ROW_NAME_FIRST.finditer(text, head.end(), min(end, head.end() + 3000)):
            name = m.group("name").strip()
            if RULE_LINE.match(name) or not re.search(r"[A-Za-z]{2}", name):
                continue
            person = not is_org_name(name) and person_like(name)
            out.append(
                Listed(
                    name,
                    m.start("name"),
                    m.end("no"),
                    person=person,
                    file_number=Field(m.group("no"), m.start("no"), m.end("no")),
                )
            )
    seen: set[str] = set()
    return [x for x in out if not (x.name in seen or seen.add(x.name))]
