"""Sentence patterns of the agreements component that are not an agreement's name.

Lower-case agreements made definite by a defined term ("an underwriting
agreement (the "Underwriting Agreement") dated <date> among ..."),
agreements entered into with someone ("entered into a five-year employment
agreement with Mr. Smith"), amendments of earlier filings ("Amendment No. 1 to
the Tender Offer Statement on Schedule TO filed with the Commission on <date>"),
and agents appointed outside an agreement's party list ("The Trustee ... will
also serve as Paying Agent and Registrar").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.components._agreement_names import (
    ROLE_ALT,
    fold,
    parse_parties,
    read_tail,
    role_label,
)
from extractors.names import kind_of
from extractors.parse import DATE_RE, date_from_match

_DATE = "(?i:" + DATE_RE.pattern[2:] + ")"  # months are matched in any case
# "an underwriting agreement (the "Underwriting Agreement") dated ...", "an indenture, dated as of <date>
# (the "Indenture"), between <Company> and ..." (a 2019 8-K), "an agreement (the "Voting Agreement")"
# (a Schedule 13D).
DEFINED_GENERIC = re.compile(
    r"\b(?:an?|the|that\s+certain)\s+(?P<words>(?:[a-z][\w\-/]*\s+){0,3}?)(?P<head>agreement|indenture|lease|contract)"
    r"(?P<mid>\s*,?\s*(?:(?:dated|made|entered\s+into|effective)(?:\s+as\s+of)?\s+"
    + _DATE
    + r"\s*,?\s*)?)"
    r"\((?:the\s+|this\s+)?[\"\u201c](?P<alias>[^\"\u201d()]{2,60}?)[\"\u201d]\)",
)
# "entered into a five-year employment/noncompete agreement with Mr. <Name>" (a 2000 8-K), "has signed
# five-year employment agreements with <Company> Chairman <Name> and ..." (a 1994 8-K), "entered into
# a settlement agreement with the Company" (a Schedule 13D).
ENTERED_GENERIC = re.compile(
    r"\b(?:entered\s+into|signed|executed)\s+(?:an?\s+|two\s+|three\s+)?(?:(?:definitive|new|written|separate|formal|"
    r"binding|[\w]+-(?:year|month))\s+)*(?P<name>(?:[a-z][a-z/\-]+\s+){1,2}?agreements?)\s+with\s+(?P<rest>[^;]{3,200})",
)
# "On <date>, Mr. <Name> entered into": the date of the agreement when the subject does not
# announce or report something (a 2000 8-K: "On <date>, the registrant announced that it had
# entered into" gives no date).
_ON_DATE_END = re.compile(
    r"\bOn\s+(?P<date>" + _DATE + r"),\s+(?P<subj>[^,;]{1,80}?)\s+(?:also\s+)?(?:has\s+|had\s+)?$"
)
_REPORTING = re.compile(r"\b(?:announc|report|disclos|stat|said|says|indicat)\w*\b", re.IGNORECASE)
_GENERIC_STOP = frozenset(
    ("an", "a", "the", "this", "such", "any", "other", "certain", "definitive", "written", "oral")
)
# "Amendment No. 1 to the Tender Offer Statement on Schedule TO filed with the Commission on <date>"
# (a Schedule TO-T/A), "Amendment No. 1 on Form 10- Q/A dated <date>" (a 1995 prospectus).
FILING_AMENDMENT = re.compile(
    r"\bAmendment\s+No\.?\s*(?P<num>\d{1,2})\s+(?:to|on)\s+(?:(?:the\s+)?Company['\u2019]s\s+|the\s+|its\s+|our\s+)?"
    r"(?P<doc>(?:[A-Z][\w\-]*\s+){0,5}?(?:on\s+)?)?(?P<form>(?:Form|Schedule)\s+[0-9A-Z]{1,4}(?:-\s{0,3}[0-9A-Z]{1,4})?"
    r"(?:\s?/\s?A)?)(?![\w-])(?P<tail>[^.;]{0,120}?\b(?:filed|dated)\b[^.;]{0,80}?(?P<date>"
    + _DATE
    + r"))?"
)
# "amends and supplements the Tender Offer Statement on Schedule TO filed by ... with the SEC on <date>".
AMENDS_ORIGINAL = re.compile(
    r"\bamends(?:\s+and\s+supplements)?\s+the\s+(?:[A-Z][\w\-]*\s+){0,5}?(?:on\s+)?(?P<form>(?:Form|Schedule)\s+"
    r"[0-9A-Z]{1,4}(?:-[0-9A-Z]{1,4})?)\s+(?:originally\s+)?filed\b"
)
_CITATION_BEFORE = re.compile(
    r"(?:Exhibits?\s+\S+\s+(?:to|of|in)\s+(?:the\s+)?(?:Company['\u2019]s\s+)?|incorporated\s+"
    r"(?:herein\s+)?by\s+reference\s+(?:to|from)\s+[^.;]{0,60})$",
    re.IGNORECASE,
)
# "The Trustee ... will also serve as Paying Agent and Registrar" (a 1995 prospectus), "<Name>, LLC, the
# depositary and paying agent for the Offer" and "<Name> & Co., Inc. acted as information agent for the Offer"
# (a Schedule TO-T/A).
_ROLE_LIST = (
    r"(?P<roles>(?:"
    + ROLE_ALT
    + r")(?:\s*,\s*(?:and\s+)?(?:as\s+)?(?:"
    + ROLE_ALT
    + r")|\s+and\s+(?:as\s+)?(?:"
    + ROLE_ALT
    + r"))*)"
)
SERVES_AS = re.compile(
    r"(?i:\b(?:(?:will|shall)\s+(?:also\s+)?(?:serve|act)|(?:also\s+)?(?:serves|acts|acted|served|has\s+"
    r"been\s+appointed|was\s+appointed|is\s+(?:the|also)))\s+(?:as\s+)?(?:the\s+)?"
    + _ROLE_LIST
    + r"\b(?!\s+(?:agreement|of\s+the\s+(?:Trust|Fund))))"
)
APPOSITIVE_ROLE = re.compile(
    r"(?P<who>(?:(?:[A-Z][\w.'\-]*|&),?\s+){1,8}?(?:LLC|Inc\.|N\.A\.|Company|Corporation|Bank"
    r"|Trust|Co\.|Ltd\.|L\.P\.|plc)),\s+the\s+(?i:" + _ROLE_LIST + r")\s+for\s+the\s+"
    r"(?P<what>Offer|Notes|Rights|Securities|Debentures|Exchange\s+Offer|Merger)\b"
)
# The name that ends right before a verb, or that opens the sentence ("The First <City> Bank, with its
# principal offices in <City>, is the Trustee ... and will also serve as Paying Agent").
_WHO_TAIL = re.compile(
    r"((?:(?:The|the)\s+)?(?:[A-Z][\w.'\-]*|&)(?:[ \t\n]+(?:(?:of|and|de|the|&)[ \t\n]+)?"
    r"(?:[A-Z][\w.'\-]*|&))*(?:,?[ \t\n]+"
    + r"(?:Inc|Ltd|L\.P|LLC|N\.A|S\.A|Co|Corp|plc|LP|LLP)\.?)?)"
    r"[ \t\n]*$"
)
_WHO_HEAD = re.compile(
    r"^\s*((?:The\s+)?[A-Z][\w.'\-]*(?:[ \t\n]+(?:(?:of|and|de|&)[ \t\n]+)?[A-Z][\w.'\-]*)*"
    r"(?:,?[ \t\n]+(?:Inc|Ltd|L\.P|LLC|N\.A|S\.A|Co|Corp|plc|LP|LLP)\.?)?)"
)


@dataclass
class Generic:
    name: str
    start: int
    end: int
    date: str | None
    parties: list[str]
    roles: list
    alias: str | None = None
    plural: bool = False
    standing: bool = False  # an agreement in force though no date or party is given


def defined_generic(text: str, start: int, end: int) -> list[Generic]:
    """Lower-case agreements given a capitalised defined term right after them."""
    out = []
    for m in DEFINED_GENERIC.finditer(text, start, end):
        alias = fold(m.group("alias"))
        if not re.search(r"(?:Agreement|Indenture|Lease|Contract)$", alias):
            continue
        date = None
        d = DATE_RE.search(m.group("mid") or "")
        if d:
            date = date_from_match(d)
        d2, _alias, parties, roles, pos = read_tail(text, m.end(), min(600, end - m.end()))
        date = date or d2
        if not parties:
            w = re.match(r"\s*with\s+", text[pos : pos + 8]) or re.match(
                r"\s*with\s+", text[m.end() : m.end() + 8]
            )
            if w:
                base = (
                    pos if text[pos : pos + 8].lstrip().startswith("with") else m.end()
                ) + w.end()
                parties, roles, pend = parse_parties(text[base : min(end, base + 400)])
                pos = base + pend
        if date is None:
            date = _on_date_before(text, m.start())
        out.append(Generic(alias, m.start(), max(pos, m.end()), date, parties, roles, alias))
    return out


# "an indenture dated as of <date>" (a 1995 prospectus), "a merger agreement dated ...".
DATED_GENERIC = re.compile(
    r"\b(?:an?|the)\s+(?P<name>indenture|lease|(?:[a-z][a-z/\-]+\s+){1,2}(?:agreement|lease))\s*,?"
    r"\s+dated\s+(?:as\s+of\s+)?(?P<date>" + _DATE + r")(?!\s*,?\s*\()"
)


def dated_generic(text: str, start: int, end: int) -> list[Generic]:
    """Lower-case agreements with a date and no defined term."""
    out = []
    for m in DATED_GENERIC.finditer(text, start, end):
        words = [w for w in m.group("name").split() if w not in _GENERIC_STOP]
        if not words or (len(words) < 2 and words[-1] not in ("indenture", "lease")):
            continue
        d = DATE_RE.match(m.group("date"))
        iso = date_from_match(d) if d else None
        if not iso:
            continue
        _d, _a, parties, roles, pos = read_tail(text, m.end(), min(400, end - m.end()))
        out.append(Generic(" ".join(words), m.start(), max(pos, m.end()), iso, parties, roles))
    return out


# "Short-term borrowings represent secured borrowings under a bank credit agreement to finance ..." (the
# financial statements in a 2000 8-K), "borrowings under a revolving credit agreement with <Bank>": a
# financing agreement in force, named by its words. Only an indefinite first mention ("a", "an").
UNDER_GENERIC = re.compile(
    r"\b(?:borrowings|loans|advances|indebtedness)\s+(?:outstanding\s+)?under\s+(?:a|an)\s+"
    r"(?P<name>(?:[a-z][a-z\-]+\s+){0,2}?(?:credit|loan|financing)\s+agreement)\b"
    r"(?P<with>\s+with\s+(?P<rest>[^;.]{3,200}))?"
)
_UNDER_WORDS = frozenset(
    ("bank", "revolving", "secured", "unsecured", "term", "syndicated", "new", "line")
)


def under_generic(text: str, start: int, end: int) -> list[Generic]:
    """Financing agreements under which a company has borrowed, named by their words."""
    out = []
    for m in UNDER_GENERIC.finditer(text, start, end):
        words = m.group("name").split()
        if not all(w in _UNDER_WORDS for w in words[:-2]):
            continue  # "under a loan agreement entered into in the ordinary course": no particular one
        parties: list[str] = []
        roles: list = []
        stop = m.end("name")
        if m.group("rest"):
            parties, roles, pend = parse_parties(m.group("rest"))
            stop = m.start("rest") + pend if parties else stop
        out.append(Generic(" ".join(words), m.start(), stop, None, parties, roles, standing=True))
    return out


def entered_generic(text: str, start: int, end: int) -> list[Generic]:
    """Lower-case agreements entered into with someone, named by their words."""
    out = []
    for m in ENTERED_GENERIC.finditer(text, start, end):
        words = [w for w in m.group("name").split() if w not in _GENERIC_STOP]
        if not words or words[-1] not in ("agreement", "agreements") or len(words) < 2:
            continue
        plural = words[-1] == "agreements"
        name = " ".join(words[:-1] + ["agreement"])
        parties, roles, pend = parse_parties(m.group("rest"))
        if not parties:
            continue
        date = _on_date_before(text, m.start())
        out.append(
            Generic(name, m.start(), m.start("rest") + pend, date, parties, roles, None, plural)
        )
    return out


def _on_date_before(text: str, pos: int) -> str | None:
    m = _ON_DATE_END.search(text, max(0, pos - 160), pos)
    if (
        m
        and not _REPORTING.search(m.group("subj"))
        and not re.search(r"[a-z]{3,}\.\s", m.group("subj"))
    ):
        d = DATE_RE.match(m.group("date"))
        return date_from_match(d) if d else None
    return None


@dataclass
class FilingAmendment:
    name: str
    amended: str
    number: int
    date: str | None
    start: int
    end: int


def filing_amendments(
    text: str, start: int, end: int
) -> tuple[list[FilingAmendment], dict[str, str]]:
    """Amendments of earlier filings named in prose, and the filing date of each original form."""
    out = []
    for m in FILING_AMENDMENT.finditer(text, start, end):
        pre = text[max(0, m.start() - 90) : m.start()]
        if re.search(r"\b(?:this|This|THIS)\s+$", pre) or _CITATION_BEFORE.search(pre):
            continue
        form = re.sub(r"\s*([-/])\s*", r"\1", re.sub(r"\s+", " ", m.group("form")))
        base = re.sub(r"/A$", "", form)
        date = None
        if m.group("date"):
            d = DATE_RE.match(m.group("date"))
            date = date_from_match(d) if d else None
        name = fold(text[m.start() : m.end("form")])
        out.append(FilingAmendment(name, base, int(m.group("num")), date, m.start(), m.end()))
    originals: dict[str, str] = {}
    for m in AMENDS_ORIGINAL.finditer(text, start, end):
        tail = text[m.end() : m.end() + 500]
        d = re.search(r"\bon\s+(" + _DATE + r")", tail)
        if d:
            dm = DATE_RE.match(d.group(1))
            iso = date_from_match(dm) if dm else None
            if iso:
                originals.setdefault(fold(m.group("form")), iso)
    return out, originals


@dataclass
class AgentRole:
    who: str
    roles: list[str]
    start: int
    end: int


# A term sheet's label line and its value: "Trustee, Registrar, Transfer Agent, and Authenticating Agent" then
# "The Bank of <Place> Trust Company, N.A." (the term sheet of a 2019 8-K's EX-4.1).
LABEL_TABLE = re.compile(
    r"(?m)^[ \t]*(?i:"
    + _ROLE_LIST
    + r")[ \t:]*\n(?:[ \t]*\n){0,2}[ \t]*(?P<who>[A-Z][^\n\t]{2,80}?)[ \t]*$"
)


# Substrings of every agent role (agent_roles.jsonl): where to look, found with str.find on lower-case text.
_ROLE_HINTS = (
    "agent",
    "trustee",
    "registrar",
    "deposit",
    "custodian",
    "servicer",
    "dealer manager",
)


def agent_roles(text: str, start: int, end: int) -> list[AgentRole]:
    """Organisations that serve as agents or trustees outside a party list (read only around role words)."""
    low = text[start:end].lower()
    hits = []
    for hint in _ROLE_HINTS:
        i = low.find(hint)
        while i >= 0:
            hits.append(start + i)
            i = low.find(hint, i + len(hint))
    windows: list[list[int]] = []
    for pos in sorted(hits):
        lo, hi = max(start, pos - 400), min(end, pos + 200)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    out: list[AgentRole] = []
    for lo, hi in windows:
        out.extend(_agent_roles(text, lo, hi))
    return out


def _agent_roles(text: str, start: int, end: int) -> list[AgentRole]:
    out = []
    for m in LABEL_TABLE.finditer(text, start, end):
        who = fold(m.group("who"))
        words = who.replace(",", " ").split()
        if (
            kind_of(who, "")
            and not re.search(r"\d", who)
            and len(words) <= 12
            and all(w[:1].isupper() or w in ("of", "and", "the", "de", "&") for w in words)
        ):
            out.append(AgentRole(who, _labels(m.group("roles")), m.start(), m.end()))
    for m in SERVES_AS.finditer(text, start, end):
        who, w_start = _who(text, m.start())
        if who:
            out.append(AgentRole(who, _labels(m.group("roles")), w_start, m.end()))
    for m in APPOSITIVE_ROLE.finditer(text, start, end):
        out.append(
            AgentRole(
                fold(m.group("who")).strip(" ,"), _labels(m.group("roles")), m.start("who"), m.end()
            )
        )
    return [r for r in out if r.roles]


def _labels(roles: str) -> list[str]:
    labels = [
        role_label(r) for r in re.split(r"\s*,\s*(?:and\s+)?(?:as\s+)?|\s+and\s+(?:as\s+)?", roles)
    ]
    return [r for r in labels if r]


_LEAD_STOP = re.compile(
    r"^(?:If|When|Where|Whether|Although|Because|Unless|Then|Also|Initially|Currently|Accordingly)\s+"
)


def _who(text: str, verb: int) -> tuple[str | None, int]:
    from extractors.components._amendment_phrases import sentence_before

    s0 = sentence_before(text, verb)
    lead = _LEAD_STOP.match(text, s0, verb)
    if lead:
        s0 = lead.end()
    before = text[s0:verb]
    m = _WHO_TAIL.search(before)
    if m and _LEAD_STOP.match(m.group(1)):
        cut = _LEAD_STOP.match(m.group(1)).end()
        return fold(m.group(1)[cut:]), s0 + m.start(1) + cut
    if m and m.start(1) > 0 and not before[: m.start(1)].rstrip().endswith((",", "and")):
        return fold(m.group(1)), s0 + m.start(1)
    if m and m.start(1) == 0:
        return fold(m.group(1)), s0
    h = _WHO_HEAD.match(before)
    if h and before[h.end() :].lstrip().startswith(","):
        return fold(h.group(1)), s0 + h.start(1)
    return None, verb
