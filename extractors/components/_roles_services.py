"""Firms named with their service, signature blocks of agreements and Form 4 relationship boxes.

- auditors: ``audited by Roe & Doe LLP, independent auditors`` (prospectuses),
  ``its independent registered public accounting firm, Acme & Roe, LLP`` (8-K Item 4.02),
  ``Ratification of Acme LLP as registered public accountants`` (8-K Item 5.07), and an auditors'
  report (``INDEPENDENT AUDITORS' REPORT`` / ``Board of Directors`` / ``Acme Co.:`` ... ``/s/ Roe LLP``);
- counsel: ``We have acted as special counsel to Acme Inc.`` in an opinion signed by the firm (EX-5);
- ``By: /s/ ... Name: Jane Roe Title: Managing Director`` under a party's name (agreements in exhibits);
- Forms 3/4/5: ``(X) Director`` in the relationship box, ``<RELATIONSHIP>DIRECTOR`` in the header.

The patterns are data (``patterns/roles_services.json``, ``patterns/roles_lists.json``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.components._roles_lists import as_person, firm_name
from extractors.components._titles import split_roles
from extractors.patterns import load

_S = load("roles_services.json")
_NT = load("roles_lists.json")["name_title"]
_F4 = load("roles_lists.json")["form4"]
_I = re.IGNORECASE


def _expand(p: str) -> str:
    return (
        p.replace("{FIRM_LOOSE}", _S["firm_loose"])
        .replace("{FIRM}", _S["firm"])
        .replace("{AUDITOR_LOOSE}", _S["auditor_loose"])
        .replace("{AUDITOR}", _S["auditor"])
    )


_AUDITOR_PATTERNS = [
    (r["id"], re.compile(_expand(r["pattern"]), _I)) for r in _S["auditor_patterns"]
]
_AUDITED = re.compile(_S["audited_entity"], _I)
_HEADING = re.compile(_S["report_heading"], _I)
_ADDRESSEE = re.compile(_S["addressee"], _I | re.MULTILINE)
_REPORT_SIG = re.compile(_expand(_S["report_signature"]))
_COUNSEL = re.compile(_S["counsel"], _I)
_LETTER_SIG = re.compile(_expand(_S["letter_signature"]), _I)
_SIGNED_FIRM = re.compile(_expand(_S["signed_firm"]))
#: Cheap tests before the patterns.
AUDIT_PREFILTER = re.compile(r"accountants?\b|auditors?\b|accounting\s+firm", _I)
COUNSEL_PREFILTER = re.compile(r"acted\s+as\s+[\w\s]{0,30}counsel", _I)
NAME_TITLE_PREFILTER = re.compile(r"\bTitle:", _I)
#: Sentence-initial words that a firm's name never starts with ("Accordingly, Roe & Co. LLP").
_LEAD_WORDS = frozenset(
    (
        "Accordingly",
        "However",
        "Also",
        "Additionally",
        "Therefore",
        "Thus",
        "Further",
        "Furthermore",
        "Finally",
        "Management",
        "In",
        "The",
        "Our",
        "Its",
        "By",
        "And",
        "Company",
        "Registrant",
        "Moreover",
        "Previously",
        "Currently",
        "Subsequently",
    )
)
#: A firm's name proper: a corporate suffix, an ampersand or two capitalised words ("Roe & Co.", "Roe LLP", "Price Roe").
_FIRM_SHAPE = re.compile(
    r"&|\b(?:LLP|L\.L\.P\.|LLC|P\.C\.|P\.A\.|PLLC|CPAs?|Chartered|Ltd)\b|^[A-Z][\w'\-]+\s+[A-Z][\w'\-]+"
)
_REPORT_OF = re.compile(r"^(?:report|consent|opinion|letter)\s+of\s+", _I)
_SENT_START = re.compile(
    r"(?<![A-Z])(?<!\bInc)(?<!\bCo)(?<!\bCorp)(?<!\bNo)[.;]\s+(?=[A-Z])|\n\s*\n"
)


@dataclass
class Service:
    """A firm (or person) with a role for an organisation written at ``org`` (None: the registrant)."""

    holder: str
    role: str
    org: str | None
    spans: tuple[tuple[int, int], ...]
    pattern: str
    holder_is_org: bool = True


def clean_firm(name: str) -> str:
    """Whitespace collapsed, a sentence-initial word dropped: "Accordingly, Roe LLP" → "Roe LLP"."""
    s = _REPORT_OF.sub("", " ".join(name.split()).strip(" ,"))
    head, sep, rest = s.partition(", ")
    if sep and head in _LEAD_WORDS:
        s = rest
    words = s.split()
    while len(words) > 1 and words[0] in _LEAD_WORDS:
        words = words[1:]
    return " ".join(words)


def auditors(text: str, start: int, end: int) -> list[Service]:
    """Auditors named in prose in ``text[start:end]``."""
    out = []
    for pid, rx in _AUDITOR_PATTERNS:
        for m in rx.finditer(text, start, end):
            firm = clean_firm(m.group("firm"))
            if (
                len(firm.split()) > 8
                or as_person(firm)
                or firm.lower().startswith(("the ", "our ", "its "))
            ):
                continue
            if not _FIRM_SHAPE.search(firm):
                continue  # "PwC": a short name, stated in full elsewhere
            org = None
            if pid == "auditor.appositive":
                s0 = 0
                for b in _SENT_START.finditer(text, max(0, m.start() - 500), m.start()):
                    s0 = b.end()
                aud = list(_AUDITED.finditer(text, max(s0, m.start() - 500), m.start()))
                if aud:
                    org = " ".join(aud[-1].group("org").split())
            fs = m.start("firm") + m.group("firm").find(firm.split()[0])
            span = (min(fs, m.start("role")), max(m.end("firm"), m.end("role")))
            out.append(Service(firm, " ".join(m.group("role").lower().split()), org, (span,), pid))
    return out


def auditors_report(text: str, start: int, end: int) -> list[Service]:
    """An auditors' report or consent: its heading, its addressee (else the registrant) and the firm signing it."""
    out = []
    for h in _HEADING.finditer(text, start, end):
        role = " ".join((h.group("r1") or h.group("r2") or h.group("r3")).lower().split())
        nxt = _HEADING.search(text, h.end(), min(len(text), h.end() + _S["report_window"]))
        stop = nxt.start() if nxt else min(len(text), h.end() + _S["report_window"])
        sig = next(
            (
                x
                for x in _REPORT_SIG.finditer(text, h.end(), stop)
                if x.group("sig") or _after_blank(text, x.start())
            ),
            None,
        )
        if sig is None:
            continue
        org = None
        addr = _ADDRESSEE.search(text, h.end(), min(stop, h.end() + 400))
        if addr and not h.group("r3"):
            org = " ".join(addr.group("org").split())
        firm = clean_firm(sig.group("firm"))
        out.append(
            Service(
                firm,
                role,
                org,
                ((h.start(), h.end()), (sig.start("firm"), sig.end("firm"))),
                "auditor.report",
            )
        )
    return out


def _after_blank(text: str, pos: int) -> bool:
    """Whether the line at ``pos`` follows a blank line (a signature stands apart from the text)."""
    prev_end = text.rfind("\n", 0, pos)
    prev_start = text.rfind("\n", 0, max(0, prev_end)) + 1
    return prev_end < 0 or not text[prev_start:prev_end].strip()


def counsel(text: str, start: int, end: int) -> list[Service]:
    """``We have acted as special counsel to Acme Inc.`` in a letter the firm signs."""
    out = []
    for m in _COUNSEL.finditer(text, start, end):
        hi = min(len(text), m.end() + _S["letter_window"])
        sig = _LETTER_SIG.search(text, m.end(), hi) or _SIGNED_FIRM.search(text, m.end(), hi)
        if sig is None:
            continue
        firm = clean_firm(sig.group("firm"))
        org = " ".join(m.group("org").split()).rstrip(",")
        out.append(
            Service(
                firm,
                " ".join(m.group("role").lower().split()),
                org,
                ((m.start(), m.end()), (sig.start("firm"), sig.end("firm"))),
                "counsel.letter",
            )
        )
    return out


# --- Name:/Title: signature blocks ------------------------------------------------------------------

_BLOCK = re.compile(_NT["block"], _I)
_SKIP_LINE = re.compile(_NT["skip_line"], _I)
_PARTY_LABEL = re.compile(_NT["party_label"])
_CAPACITY_TAIL = re.compile(_NT["capacity_tail"], _I)
_INTERMEDIARY = re.compile(
    r"^(?:its\s+[A-Za-z]|By:?\s+(?!/s/)(?i:[A-Z][\w.&,\- ]+(?:Inc|LLC|L\.?P|Corp|Ltd|Company|Corporation|N\.A)\b))"
)
_BLOCK_LINE = re.compile(r"^(?:By:?|Name:|Title:|Its:?|Date:|Dated:|(?i:/s/))(?:\s|$)", _I)
_SUFFIX_LINE = re.compile(
    r"^(?:LLC|L\.L\.C\.|L\.P\.|LP|Inc\.?|Ltd\.?|Limited|Corp\.?|Corporation|N\.A\.|S\.A\.|plc|PLC)$",
    _I,
)


def name_title_blocks(text: str, start: int, end: int) -> list[Service]:
    """Signers of agreements whose "Title:" is in ``text[start:end]``: ``(person, role, party as written)``;
    a party label ("LANDLORD:") is returned as written, colon included, for the caller to resolve."""
    out: list[Service] = []
    for m in _BLOCK.finditer(text, max(0, start - 600), end):
        if m.start("title") < start:
            continue
        name = as_person(m.group("name"))
        title = " ".join(m.group("title").split())
        if name is None or not title or not split_roles(title):
            continue
        org = _party_above(text, m.start())
        if org is None:
            continue
        for role in split_roles(title):
            out.append(
                Service(
                    name,
                    role,
                    org,
                    ((m.start("name"), m.end("title")),),
                    "block.name_title",
                    holder_is_org=False,
                )
            )
    return out


def _party_above(text: str, pos: int) -> str | None:
    """The party a signature block signs for: the first line above it that is not part of a block."""
    p = pos - 1
    for _ in range(_NT["lines_up"]):
        if p <= 0:
            return None
        ls = text.rfind("\n", 0, p) + 1
        line = text[ls:p].strip()
        p = ls - 1
        if _INTERMEDIARY.match(line):
            return None  # "By: Acme GP LLC, its General Partner": signed through another entity
        if _SKIP_LINE.match(line) or _BLOCK_LINE.match(line):
            continue  # "ATTEST:", rules, or the lines of the block of another signer of the same party
        if _PARTY_LABEL.match(line):
            return line
        if _SUFFIX_LINE.match(line) and p > 0:  # "ACME CAPITAL MANAGEMENT," / "LLC"
            ls2 = text.rfind("\n", 0, p) + 1
            line = f"{text[ls2:p].strip()} {line}"
        line = _CAPACITY_TAIL.sub("", line).strip(" ,")
        firm = firm_name(line)
        return firm if firm and len(firm.split()) <= 10 else None
    return None


# --- Forms 3/4/5 ------------------------------------------------------------------------------------

_F4_FORMS = re.compile(_F4["forms"])
_F4_BOX = re.compile(_F4["box"], _I)
_F4_DIRECTOR = re.compile(_F4["director_checked"])
_F4_HEADER = re.compile(_F4["header_relationship"])


def is_ownership_form(form: str | None) -> bool:
    return bool(_F4_FORMS.match((form or "").strip()))


def director_box(text: str) -> tuple[int, int] | None:
    """The span of a checked "Director" box of a Form 3/4/5's relationship item."""
    box = _F4_BOX.search(text)
    if box is None:
        return None
    m = _F4_DIRECTOR.search(text, box.end(), box.end() + 400)
    return (m.start(), m.end()) if m else None


def header_director(source: str, start: int, end: int) -> tuple[int, int] | None:
    """``<RELATIONSHIP>DIRECTOR`` of a reporting owner in the SGML header span."""
    m = _F4_HEADER.search(source, start, end)
    return (m.start(), m.end()) if m else None
