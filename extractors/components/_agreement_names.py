"""Agreement names, their dates and parties, amendments and agents, as written in filings.

Shared by the agreements component (prose of any document) and its reading of
exhibit titles ("Amendment No. 1 to the Rights Agreement dated as of <date>
between the Company, <old agent> and <new agent>").
Everything here works on plain strings with offsets; the component turns the
results into claims.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from extractors.names import display_name
from extractors.parse import DATE_RE, ORDINAL_WORDS, date_from_match
from extractors.patterns import load

_KIND_ROWS = load("agreement_kinds.jsonl")
_ROLE_ROWS = load("agent_roles.jsonl")

# Agreement heads, longest first; a name ends with one ("Rights Agreement", "Indenture",
# "Agreement and Plan of Merger"). Capitalised heads only: "the agreement" is not a name.
_HEADS = sorted({r["pattern"] for r in _KIND_ROWS if r["kind"] == "head"}, key=len, reverse=True)
HEAD_RE = re.compile(
    r"\b(?:" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in _HEADS) + r")\b", re.IGNORECASE
)
_KINDS = sorted(
    ((r["pattern"], r["label"]) for r in _KIND_ROWS if r["kind"] == "kind"),
    key=lambda r: -len(r[0]),
)
_HEAD_KINDS = sorted(
    (
        (r["pattern"], r["label"])
        for r in _KIND_ROWS
        if r["kind"] == "head" and r["label"] != "agreement"
    ),
    key=lambda r: -len(r[0]),
)
#: Kinds of agreement made with a person ("employment agreement"): their counterparties are people.
PERSONAL_KINDS = frozenset(
    r["label"] for r in _KIND_ROWS if r["kind"] == "kind" and r.get("personal")
)
_ROLES = sorted(((r["pattern"], r["label"]) for r in _ROLE_ROWS), key=lambda r: -len(r[0]))
ROLE_ALT = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p, _ in _ROLES)
_ROLE_LABEL = {p: label for p, label in _ROLES}

_HEAD_WORDS = frozenset(h.split()[-1] for h in _HEADS if " " not in h)
#: Words that may sit inside a name between capitalised words.
_CONNECTORS = frozenset(["of", "and", "for", "to", "&", "on", "in", "with", "under"])
#: Capitalised words that start a sentence or clause, not a name (agreement_kinds.jsonl, kind "stop").
_NAME_STOP = frozenset(r["pattern"] for r in _KIND_ROWS if r["kind"] == "stop")
_KEEP_LEADING = frozenset(("amended", "restated"))
_SUFFIX = r"(?:Inc|Ltd|L\.P|LLC|L\.L\.C|N\.A|S\.A|Co|Corp|plc|PLC|LP|LLP|SPC|AG|NV|N\.V|B\.V|Limited|Incorporated|GMBH|GmbH)\.?"
_SUFFIX_ONLY = re.compile(rf"^(?i:{_SUFFIX})$")  # "<NAME>, INC." keeps its suffix too
# A person's generational suffix after a comma: "<Name>, Jr." (a 1997 10-K exhibit list).
_PERSON_SUFFIX = re.compile(r"^(?:Jr|Sr|JR|SR)\.?$|^(?:II|III|IV)$")
# A one-word segment before a firm name with "&" is the firm's first name: "Goldman, Sachs & Co." (a 1997
# 10-K exhibit list).
_FIRM_TAIL = re.compile(r"^[A-Z][\w.'\-]*\s+&\s+[A-Z]")
# Dot leaders after a name: a table of contents line ("7. Entire Agreement; Amendments . . . 10").
_TOC_LEADER = re.compile(r"[^\n]*?(?:\.\s?){4,}\s*\d")
_SUFFIX_START = re.compile(rf"^(?i:{_SUFFIX})(?=\s)")
_DATE = DATE_RE.pattern
# "dated as of <date>", "made as of <date>", "entered into on <date>", "effective <date>".
DATE_CLAUSE = re.compile(
    r"^[\s,]*(?:(?:is|was)\s+)?(?:dated|made|entered\s+into|effective|executed|made\s+and\s+entered\s+into)"
    r"(?:\s+(?:as\s+of|on|as\s+at))?\s+(?:the\s+)?(?=" + _DATE[2:] + ")",
    re.IGNORECASE,
)
# (the "Rights Agreement"), (this "Lease"), (together, the "Indenture") (8-A/A, 8-K and exhibits).
DEFINED = re.compile(
    r"^[\s,]*\((?:(?:the|this|such|together|collectively|herein|hereinafter|as\s+amended)[\s,]+)*"
    r"[\"\u201c\u2018']([^\"\u201d\u2019()]{2,60}?)[,.]?[\"\u201d\u2019']\s*\)",
    re.IGNORECASE,
)
_PARTIES_START = re.compile(r"^[\s,]*(?:by\s+and\s+)?(?:between|among|amongst)\s+", re.IGNORECASE)
# A period after these is no sentence end ("Mr. Smith", "Co., Inc.", "N.A.").
_ABBREV_OK = (
    "".join(
        rf"(?<!\b{a})"
        for a in (
            "Mr",
            "Ms",
            "Dr",
            "Mrs",
            "Inc",
            "Co",
            "Corp",
            "Ltd",
            "Jr",
            "Sr",
            "No",
            "St",
            "Messrs",
        )
    )
    + r"(?<!\b[A-Z])"
)
# Where a list of parties ends (8-A/A, 8-K and 10-K exhibit titles and prose).
_PARTIES_END = re.compile(
    r"[;(\[]|"
    + _ABBREV_OK
    + r"\.(?=\s+[A-Z\"\u201c]|\s*$)|,?\s+(?:dated|pursuant|relating|related|providing|under\s+which|in\s+connection"
    r"|which|whereby|that|as\s+(?:previously\s+)?(?:amended|supplemented|modified)|including|for\s+the|to\s+(?:purchase|"
    r"acquire|sell|provide)|establishing|regarding|with\s+respect|effective|executed|filed|incorporated|is\s|was\s"
    r"|are\s|were\s|has\s|have\s|will\s|and\s+(?:the|its|their)\s+(?:respective\s+)?(?:affiliates|subsidiaries)"
    r"|having|located|whose|with\s+(?:an?|its)\s+(?:address|office|principal))\b",
)
_PARTY_SPLIT = re.compile(r",\s+and\s+|,\s+|\s+and\s+|\s+&\s+(?=the\s)")
_AS_ROLE = re.compile(
    r"^(?P<name>.+?),?\s+as\s+(?:the\s+|a\s+|an\s+)?(?P<succ>(?:successor|resigning|initial|new)\s+)?"
    r"(?P<role>" + ROLE_ALT + r")\b",
    re.IGNORECASE,
)
_AS_ANY = re.compile(
    r",?\s+as\s+(?:the\s+|a\s+|an\s+)?[A-Za-z][\w\-]*(?:\s+[A-Za-z][\w\-]*){0,3}$"
    # "<Bank> plc, as representatives of the several underwriters named therein" (a 2019 8-K)
    r"|,\s+as\s+(?:the\s+)?representatives?\s+of\b[^,;]*$"
)
_SELF = re.compile(r"^(?:the\s+)?(?:Company|Registrant|Corporation|Issuer)$", re.IGNORECASE)
_APPOSITIVE = re.compile(
    r"^(?:an?|the)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:corporation|limited|company|partnership"
    r"|limited\s+liability\s+company|trust|national\s+banking\s+association|banking)",
    re.IGNORECASE,
)
# "Amendment No. 3 to the", "First Amendment to", "Amendment to", "Articles of Amendment to the" before a name.
AMEND_BEFORE = re.compile(
    r"(?P<amend>(?:Agreement\s+amending(?=\s)|(?P<articles>Articles|Certificate)\s+of\s+Amendment|(?P<ord>"
    + "|".join(ORDINAL_WORDS)
    + r")\s+Amendment|Amendment\s+No\.?\s*(?P<num>\d{1,2}|[A-Za-z]+)|Amendment|Supplement(?:\s+No\.?\s*(?P<snum>\d{1,2}))?))"
    r"\s+(?:to|of)\s+(?:the\s+|that\s+certain\s+|such\s+|its\s+|(?:the\s+)?(?:Company|Registrant)['\u2019]s\s+)?$",
    re.IGNORECASE,
)
_SUPPLEMENTAL = re.compile(
    r"(?:(?P<ord>" + "|".join(ORDINAL_WORDS) + r")\s+)?Supplemental\s+Indenture$", re.IGNORECASE
)


@dataclass
class Found:
    """An agreement (or amendment) named in a text, with what the words around it say."""

    name: str  # as written, white space folded ("Rights Agreement")
    start: int  # offsets in the text given to the parser
    end: int
    kind: str = "agreement"
    date: str | None = None
    date_ambiguous: bool = False  # "Amendment No. 3 to the X dated D": D may be X's date
    parties: list[str] = field(default_factory=list)
    roles: list[tuple[str, str, str]] = field(
        default_factory=list
    )  # (party, role, "successor"/"resigning"/"")
    alias: str | None = None
    amendment: str | None = (
        None  # the amendment's own name ("Amendment No. 3 to the Rights Agreement")
    )
    amend_start: int | None = None
    number: int | None = None
    is_form: bool = False  # "Form of Indemnification Agreement"
    this: bool = False  # "This Agreement", "This Amendment No. 3"
    clause_end: int = 0


def fold(text: str) -> str:
    return " ".join(text.split())


def kind_of_agreement(name: str) -> str:
    low = fold(name).lower()
    for pattern, label in _KINDS + _HEAD_KINDS:
        if low.endswith(pattern):
            return label
    return "agreement"


def role_label(text: str) -> str | None:
    low = fold(text).lower()
    for pattern, label in _ROLES:
        if low == pattern or low.endswith(" " + pattern):
            return label
    return None


@lru_cache(maxsize=256)
def _word_re() -> re.Pattern:
    return re.compile(r"[A-Za-z0-9][\w'\u2019.&/\-]*|&")


def name_before(text: str, head_start: int, head_end: int) -> tuple[int, str]:
    """The capitalised words before an agreement head that belong to its name: (start, name)."""
    lo = max(0, head_start - 120)
    window = text[lo:head_start]
    kept: list[tuple[str, int]] = []  # (word, absolute start), right to left
    edge = head_start
    for w in reversed(list(_word_re().finditer(window))):
        between = window[w.end() : edge - lo]
        if between.strip() not in ("", "-", "/") or "\n\n" in between or "\t" in between:
            break  # punctuation (comma, quote, parenthesis) or a paragraph break ends the name
        token = w.group()
        low = token.lower().rstrip(".")
        if low not in _CONNECTORS:
            if not (
                token[0].isupper()
                or (token[0].isdigit() and (len(token) >= 4 or re.search(r"[A-Za-z]", token)))
            ):
                break
            if (low in _NAME_STOP and low not in _KEEP_LEADING) or token.endswith(
                ("'s", "\u2019s")
            ):
                break
            if low in ("no", "amendment", "amendments", "supplement", "waiver"):
                break
            if low in _HEAD_WORDS and kept and kept[-1][0].lower() in _CONNECTORS:
                break  # "Separation Agreement and Consulting Services Agreement": two names
        kept.append((token, lo + w.start()))
        edge = lo + w.start()
    if kept and kept[0][0].lower() in _CONNECTORS:
        kept = []  # "Termination of Agreement", "Modification of Indenture": a heading, not a name
    while kept and kept[-1][0].lower() in _CONNECTORS:
        kept.pop()
    start = kept[-1][1] if kept else head_start
    return start, fold(text[start:head_end])


def _display(name: str) -> str:
    name = fold(name)
    return display_name(name) if name.isupper() else name


def parse_parties(text: str) -> tuple[list[str], list[tuple[str, str, str]], int]:
    """Party names and their "as <role>" from a list after "between"/"among"; and where the list ends."""
    end_m = _PARTIES_END.search(text)
    end = end_m.start() if end_m else len(text)
    body = text[:end]
    # "<Name> Trust Company, N.A." and "<NAME>, INC." keep their suffix.
    raw = _PARTY_SPLIT.split(body)
    segments: list[str] = []
    for seg in raw:
        seg = seg.strip()
        if not seg:
            continue
        if segments and (
            _SUFFIX_ONLY.match(seg)
            or _SUFFIX_START.match(seg)
            or _PERSON_SUFFIX.match(seg)
            or re.match(r"^as\s", seg, re.IGNORECASE)
            or (re.fullmatch(r"[A-Z][\w'\-]+", segments[-1]) and _FIRM_TAIL.match(seg))
        ):
            segments[-1] = segments[-1] + ", " + seg
            continue
        segments.append(seg)
    parties: list[str] = []
    roles: list[tuple[str, str, str]] = []
    for seg in segments:
        seg = re.sub(r"^(?:Messrs|Mmes)\.?\s+", "", fold(seg))
        r = _AS_ROLE.match(seg)
        role = None
        if r:
            seg, role = (
                r.group("name").strip(" ,"),
                (_ROLE_LABEL_OF(r.group("role")), (r.group("succ") or "").strip().lower()),
            )
        else:  # "<NAME>, INC. as Depositor": a capacity the lexicon does not list
            seg = _AS_ANY.sub("", seg).strip(" ,")
        if _APPOSITIVE.match(seg) or re.search(r"['\u2019]s\b", seg):
            continue  # "a Delaware corporation", "Mr. Smith's son"
        seg = _strip_title(seg)
        if seg is None:
            continue
        if _SELF.match(seg):
            name = "the Company"
        elif seg[:1].isupper() or seg[:1].isdigit():
            name = seg if _keeps_the(seg) else re.sub(r"^(?:the|The)\s+(?=[A-Z])", "", seg)
            if (
                len(name.split()) > 12
                or re.search(r"\d{3,}", name)
                and not re.search(_SUFFIX, name)
            ):
                continue
        else:
            continue
        parties.append(name)
        if role:
            roles.append((name, role[0], role[1]))
    return parties, roles, end


def _keeps_the(name: str) -> bool:
    """ "The First <City> Bank", "The Bank of <Place>" keep their article."""
    return bool(
        re.match(r"^The\s+(?:[A-Z][\w.&'\-]*\s+)*(?:Bank|Trust|Company|Corporation)\b", name)
    )


def _ROLE_LABEL_OF(text: str) -> str:
    return role_label(text) or fold(text).lower()


def read_tail(
    text: str, pos: int, limit: int = 600
) -> tuple[str | None, str | None, list[str], list, int]:
    """After a name: date, defined alias, parties (with roles), in any order. Returns (date, alias,
    parties, roles, end offset)."""
    end_at = min(len(text), pos + limit)
    date = alias = None
    parties: list[str] = []
    roles: list = []
    for _ in range(5):
        rest = text[pos:end_at]
        m = DATE_CLAUSE.match(rest)
        if m and date is None:
            d = DATE_RE.match(rest, m.end())
            if d:
                date = date_from_match(d)
                pos += d.end()
                continue
        m = DEFINED.match(rest)
        if m and alias is None:
            alias = fold(m.group(1))
            pos += m.end()
            continue
        m = _PARTIES_START.match(rest)
        if m and not parties:
            ps, rs, pend = parse_parties(rest[m.end() :])
            if ps:
                parties, roles = ps, rs
                pos += m.end() + pend
                continue
        break
    return date, alias, parties, roles, pos


def find_agreements(text: str, start: int = 0, end: int | None = None) -> list[Found]:
    """Agreements and amendments named in ``text[start:end]``."""
    end = len(text) if end is None else end
    out: list[Found] = []
    for h in HEAD_RE.finditer(text, start, end):
        head = h.group()
        if not head[0].isupper():
            continue
        if text[h.end() : h.end() + 1] == "-":
            continue  # "Sale and Lease-back"
        if re.match(
            r"[ \t]+(?:[A-Z][a-z]+|[A-Z]{3,})\b(?![.,])", text[h.end() : h.end() + 30]
        ) and not re.match(
            r"[ \t]+(?:Among|Between|By|Dated|And|With|For|Of|To|In|On|As|The)\b",
            text[h.end() : h.end() + 12],
        ):
            continue  # "Lease Agreement", "Voting Agreement Assignment": the name goes on
        if _TOC_LEADER.match(text, h.end(), min(end, h.end() + 120)):
            continue  # a table of contents names sections, not agreements
        got = name_before(text, h.start(), h.end())
        if not got:
            continue
        n_start, name = got
        f = _found(text, n_start, h.end(), name, end)
        if f is not None:
            out.append(f)
    return out


def _found(text: str, n_start: int, n_end: int, name: str, limit: int) -> Found | None:
    low = name.lower()
    is_form = False
    m = re.match(r"^(?:Forms?\s+of\s+)", name, re.IGNORECASE)
    if m:
        is_form = True
        n_start += m.end()
        name = name[m.end() :]
        low = name.lower()
    elif re.search(r"\bForms?\s+of\s+$", text[max(0, n_start - 24) : n_start], re.IGNORECASE):
        is_form = True  # "Form\n of Tax Allocation Agreement" across a line break (a Schedule TO exhibit list)
    if low in ("agreement", "agreements", "contract", "guaranty", "guarantee"):
        bare = True
    else:
        bare = False
    f = Found(_display(name), n_start, n_end, kind_of_agreement(name), is_form=is_form)
    before = text[max(0, n_start - 80) : n_start]
    a = AMEND_BEFORE.search(before)
    sup = _SUPPLEMENTAL.search(name)
    if a:
        f.amend_start = n_start - len(before) + a.start()
        f.amendment = fold(text[f.amend_start : n_end])
        if a.group("num"):
            f.number = _number(a.group("num"))
        elif a.group("ord"):
            f.number = ORDINAL_WORDS.get(a.group("ord").lower())
        elif a.group("snum"):
            f.number = int(a.group("snum"))
        pre = text[max(0, f.amend_start - 12) : f.amend_start].lower()
        f.this = bool(re.search(r"\bthis\s+$", pre))
    elif sup:
        f.amendment = fold(name)
        f.amend_start = n_start
        f.name = "Indenture"
        f.number = ORDINAL_WORDS.get((sup.group("ord") or "").lower())
    elif bare:
        pre = text[max(0, n_start - 12) : n_start].lower()
        if not re.search(r"(?:^|\n)\s*$", pre):
            return None  # "the Agreement", "this Agreement": not a name; an exhibit title may start with it
    pre = text[max(0, (f.amend_start or n_start) - 12) : (f.amend_start or n_start)].lower()
    if not f.amendment and re.search(r"\bthis\s+$", pre):
        f.this = True
    date, alias, parties, roles, pos = read_tail(text, n_end, max(0, min(600, limit - n_end)))
    f.date, f.alias, f.parties, f.roles, f.clause_end = date, alias, parties, roles, pos
    if f.amendment and date and not sup and not re.match(r"^[\s,]*\(", text[n_end : n_end + 3]):
        f.date_ambiguous = True
    return f


def _number(text: str) -> int | None:
    if text.isdigit():
        return int(text)
    from extractors.parse import parse_int

    return parse_int(text)


_TITLE_HEADS = frozenset(load("role_titles.json")["heads"]) | {"chief", "executive", "vice"}


def _strip_title(seg: str) -> str | None:
    """ "<Company> Chairman John Smith" -> "John Smith"; a bare title ("Executive Vice President") -> None."""
    words = seg.split()
    last = max(
        (i for i, w in enumerate(words) if w.lower().strip(",") in _TITLE_HEADS), default=None
    )
    if last is None:
        return seg
    rest = words[last + 1 :]
    if not rest:
        return None
    if 2 <= len(rest) <= 4 and all(w[:1].isupper() for w in rest) and words[last][:1].isupper():
        return " ".join(rest)
    return seg
