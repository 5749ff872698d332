"""Roles stated in prose: appositions, "served as", appointments and departures.

``Jane Roe, President and Chief Executive Officer of Acme`` (press
releases), ``David Roe ("Roe"), who is the general partner of X Fund``
(8-A/A), ``Dr. Roe has served as Chairman of the Board of Directors of
Y Corporation`` (biographies), ``appointed ... to serve as a director of the
Company, commencing as of January 7, 2005`` (8-K Item 5.02),
``Z LLC is the investment manager for W Fund`` (13D Item 2). The templates
are data (``patterns/roles_prose.json``; titles from ``role_titles.json``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.components._holdings_prose import PLACEHOLDERS
from extractors.names import kind_of
from extractors.parse import DATE_RE, date_from_match
from extractors.patterns import load

_SPEC = load("roles_prose.json")
_TITLES_LEX = load("role_titles.json")

_TITLE_WORDS = sorted(set(_TITLES_LEX["titles"]) | set(_SPEC["extra_titles"]), key=len, reverse=True)


def _alt(words: list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)


_TITLE = (rf"(?:(?i:(?:co-)?(?:{_alt(_TITLE_WORDS)}|chief\s+[a-z]+\s+and\s+[a-z]+\s+officer|chief\s+[a-z]{{3,}}\s+officer))(?![\w-])"
          rf"|(?:{'|'.join(_SPEC['abbreviations'])})\b)")
TITLES = rf"{_TITLE}(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*|\s*/\s*)(?:the\s+)?{_TITLE})*"
_HON = r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+)"
_GIVEN = r"[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?"
_MID = r"(?:[A-Z]\.(?:\s?[A-Z]\.)?|[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)*|[A-Z][a-z]*[A-Z][a-z]+)"
PERSON = (rf"(?<![\w.])(?P<person>(?-i:{_HON}?(?:[A-Z]\.\s+)?{_GIVEN}(?:[ \t]+{_MID}){{1,3}}(?:,?\s+(?:Jr\.|Sr\.|III|II|IV)(?![\w]))?"
          rf"|(?:Dr|Mr|Mrs|Ms)\.\s+[A-Z][a-z]+(?:[-'][A-Z]?[a-z]+)?))"
          # not the start of an organisation's name ("Acme Enterprises L.P.", "Acme Funding, Inc.")
          r"(?!\.?,?[ \t]*(?:Inc|LLC|L\.?P|Corp|Co|Ltd|Company|Corporation|Group|Holdings|Partners|Fund|Trust|Bank|S\.A|N\.A)\b)")
_NAME = PLACEHOLDERS["NAME"]
ORGREF = rf"(?:the\s+Company|the\s+Registrant|the\s+Issuer|the\s+Partnership|the\s+Trust|the\s+Fund|{_NAME})"
ORGPOSS = (r"(?:the\s+Company(?:'s|\u2019s)|the\s+[Rr]egistrant(?:'s|\u2019s)|our|its|"
           r"(?-i:[A-Z][\w&\-]*(?:\s+[A-Z][\w&\-]*){0,3})(?:'s|\u2019s))")
CAPACITIES = _alt(sorted(_SPEC["org_capacities"], key=len, reverse=True))


def _expand(p: str) -> str:
    return (p.replace("{PERSON}", PERSON).replace("{TITLES}", TITLES).replace("{ORGREF}", ORGREF)
            .replace("{ORGPOSS}", ORGPOSS).replace("{NAME}", _NAME).replace("{CAPACITIES}", CAPACITIES))


PATTERNS = [(r["id"], r["label"], re.compile(_expand(r["pattern"]))) for r in _SPEC["patterns"]]
#: Cheap test on a block before the patterns: a title word or an appointment verb.
PREFILTER = re.compile(
    r"(?i:president|officer|director|chairman|chairwoman|chair\b|secretary|treasurer|controller|counsel|partner|"
    r"manager|member|trustee|founder|advisor|appointed|elected|resigned|retired)|\b(?:CEO|CFO|COO|VP|EVP|SVP)\b")
_EFFECTIVE = re.compile(_SPEC["effective_date"], re.IGNORECASE)
_EXCLUDED_BEFORE = re.compile(_SPEC["excluded_before"], re.IGNORECASE)
_NOT_NAME = frozenset(_SPEC["not_name_words"])
_HONORIFIC = re.compile(r"^(?:Dr|Mr|Mrs|Ms|Prof)\.?\s+")
_SENT_END = re.compile(r"(?<!\b[A-Z])(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bMrs)(?<!\bNo)(?<!\bInc)(?<!\bCo)(?<!\bCorp)[.;](?=\s+[A-Z(\"\u201c]|\s*$)")
#: A person's name and a comma just before a title: the title is that person's (an appositive).
_APPOSED = re.compile(rf"{PERSON.replace('(?P<person>', '(?:')}[*\u2020]*\s*,\s*$")
#: Full names written after an honorific anywhere ("Dr. John A. Roe"): the registry for "Dr. Roe".
FULL_AFTER_HONORIFIC = re.compile(rf"\b(?:Dr|Mr|Mrs|Ms)\.\s+((?:[A-Z]\.\s+)?{_GIVEN}(?:[ \t]+{_MID}){{1,3}})")


@dataclass
class RoleCandidate:
    pattern: str
    label: str  # "role", "since", "until"
    start: int
    end: int
    holder: str  # a person's name as written (honorific dropped), or an organisation's
    holder_is_org: bool
    surname_only: bool
    titles: str | None  # the titles as written; None with board
    board: bool  # "to the Board of Directors" (role director)
    org: str | None  # an organisation written for the role, or a marker
    date: str | None


def person_ok(name: str) -> bool:
    """Token checks: every word capitalised, none a title or organisation word."""
    words = [w.strip(",") for w in name.split()]
    if not words or any(w in _NOT_NAME or w.rstrip(".") in _NOT_NAME for w in words):
        return False
    return len(words) == 1 or kind_of(name, "") == ""


def sentence_of(text: str, start: int, end: int) -> tuple[int, int]:
    s = 0
    for m in _SENT_END.finditer(text, max(0, start - 600), start):
        s = m.end()
    m = _SENT_END.search(text, end)
    return s, (m.end() if m else len(text))


#: Where a statement can be: a title, a board seat, an org capacity (windows around them are searched).
# Searched in the lower-cased text (a case-insensitive alternation is several times slower).
_ANCHOR = re.compile(
    r"president|officer|director|chairman|chairwoman|chair|secretary|treasurer|controller|comptroller|counsel|"
    r"partner|manager|member|trustee|founder|advis[eo]r|board|appoint|elect|named|resign|retire|stepped")
_ANCHOR_ABBR = re.compile(r"\b(?:CEO|CFO|COO|CTO|CIO|CAO|CMO|EVP|SVP|VP)\b")
_WINDOW_BEFORE, _WINDOW_AFTER = 260, 320
#: The title-before-name pattern opens with optional words: it is run in small windows only.
_SMALL_BEFORE, _SMALL_AFTER = 80, 200


def _anchors(text: str) -> list[int]:
    found = [m.start() for m in _ANCHOR.finditer(text.lower())]
    if "C" in text or "VP" in text:
        found.extend(m.start() for m in _ANCHOR_ABBR.finditer(text))
    return sorted(found)


def _windows(text: str, anchors: list[int] | None = None, before: int = _WINDOW_BEFORE,
             after: int = _WINDOW_AFTER) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for a in (anchors if anchors is not None else _anchors(text)):
        s, e = max(0, a - before), min(len(text), a + after)
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


def find_roles(text: str) -> list[RoleCandidate]:
    """Role statements in one block's text (searched only near titles and appointment words)."""
    out: list[RoleCandidate] = []
    seen: set[tuple[str, int]] = set()
    anchors = _anchors(text)
    wide = _windows(text, anchors)
    small = _windows(text, anchors, _SMALL_BEFORE, _SMALL_AFTER)
    for pid, label, rx in PATTERNS:
        for ws, we in (small if pid == "title_before_name" else wide):
            for m in rx.finditer(text, ws, we):
                if (pid, m.start()) in seen:
                    continue
                seen.add((pid, m.start()))
                gd = m.groupdict()
                if _EXCLUDED_BEFORE.search(text, max(0, m.start("titles") - 12) if gd.get("titles") else 0,
                                           m.start("titles") if gd.get("titles") else 0):
                    continue
                if (pid == "title_before_name" and "," in text[m.end("titles"):m.start("person")]
                        and _APPOSED.search(text, max(0, m.start() - 70), m.start())):
                    continue  # "A, our Chairman, B, our President": the title is A's, not B's
                if gd.get("orgsubj"):
                    holder, is_org, surname = " ".join(gd["orgsubj"].split()), True, False
                else:
                    raw = " ".join(gd["person"].split())
                    holder = _HONORIFIC.sub("", raw)
                    surname = " " not in holder
                    is_org = False
                    if not person_ok(holder):
                        continue
                titles = gd.get("titles")
                if titles and _EXCLUDED_BEFORE.search(text, max(0, m.start() - 10), m.start()):
                    continue
                org = gd.get("org") or gd.get("poss") or gd.get("orgpre")
                verb = (gd.get("verb") or "").lower()
                if pid == "served_as" and not gd.get("org") and (verb.startswith(("served", "was")) or verb == "is"):
                    continue  # a past office, or "X is President" with no organisation: whose is not stated
                date = None
                if label in ("since", "until"):
                    s0, s1 = sentence_of(text, m.start(), m.end())
                    eff = _EFFECTIVE.search(text, m.end(), s1) or _EFFECTIVE.search(text, s0, m.start())
                    dm = DATE_RE.search(text, eff.end(), eff.end() + 40) if eff else None
                    if dm is None and label == "until":
                        dm = DATE_RE.search(text, s0, s1)
                    date = date_from_match(dm) if dm else None
                out.append(RoleCandidate(pid, label, m.start(), m.end(), holder, is_org, surname,
                                         " ".join(titles.split()) if titles else None, bool(gd.get("board")),
                                         " ".join(org.split()) if org else None, date))
    return out


def full_names(text: str) -> list[str]:
    """Full names written after an honorific in a block (to resolve "Dr. Roe")."""
    return [" ".join(m.group(1).split()) for m in FULL_AFTER_HONORIFIC.finditer(text)]
