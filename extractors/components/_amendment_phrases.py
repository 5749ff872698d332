"""Phrases about amendments: lists of earlier amendments, successor agents, board authorisation, execution,
and amendments of charters, bylaws and plans (agreements component)."""

from __future__ import annotations

import re

from extractors.components._agreement_names import ROLE_ALT, Found, fold
from extractors.parse import DATE_RE, ORDINAL_WORDS, date_from_match

_DATE = DATE_RE.pattern

# Charters and plans that amendments amend (1994 10-K "Amendment to Restated Articles of Incorporation",
# 2012 8-K "an amendment to the Registrant's <year> Stock Incentive Plan").
CHARTER_RE = re.compile(
    r"(?:(?:Amended\s+and\s+)?Restated\s+)?(?:Articles|Certificate)\s+of\s+(?:Incorporation|Organization"
    r"|Formation)|(?:(?:Amended\s+and\s+)?Restated\s+)?(?:By-?[Ll]aws|Code\s+of\s+Regulations|Charter)"
    r"|Declaration\s+of\s+Trust"
)


# "as previously amended by Amendment No. 1, dated as of <date>, and Amendment No. 2, dated <date>"
# (8-A/A).
AMENDED_BY = re.compile(
    r"\bas\s+(?:previously\s+|further\s+)?(?:amended|supplemented)(?:\s+and\s+supplemented)?\s+by\s+",
    re.IGNORECASE,
)
NUMBERED = re.compile(
    r"(?:,?\s*(?:and\s+)?(?:by\s+)?(?:an?\s+|the\s+)?)(?P<amend>(?:(?P<ord>"
    + "|".join(ORDINAL_WORDS)
    + r")\s+(?:Supplemental\s+Indenture|Amendment)|Amendment\s+No\.?\s*(?P<num>\d{1,2})|Supplemental"
    r"\s+Indenture))(?:,?\s+(?:dated|effective)(?:\s+as\s+of)?\s+(?P<date>" + _DATE[2:] + r"))?",
    re.IGNORECASE,
)
# "the appointment of <Bank> as a successor rights agent" (8-A/A).
SUCCESSOR = re.compile(
    r"\bappoint(?:ment\s+of|ed|s|ing)\s+(?P<party>[A-Z][^,;()]{2,80}?)\s*,?\s+as\s+(?:a\s+|the\s+)?"
    r"successor\s+(?P<role>" + ROLE_ALT + r")\b",
    re.IGNORECASE,
)
# "On <date>, the Board of Directors ... authorized Amendment No. 3" and "executed Amendment No. 3 on <date>"
# (8-A/A).
AUTHORIZED = re.compile(
    r"\bOn\s+(?P<date>"
    + _DATE[2:]
    + r"),?\s+(?:the\s+)?(?:Company['\u2019]s\s+)?Board\s+of\s+Directors"
    r"[^.;]{0,120}?\b(?:authorized|approved|adopted)\s+(?P<ref>(?:No\.|[^.;]){3,120})",
    re.IGNORECASE,
)
EXECUTED = re.compile(
    r"\b(?:executed|entered\s+into|signed)\s+(?P<ref>(?:the\s+)?(?:Amendment\s+No\.?\s*\d{1,2}|(?:"
    + "|".join(ORDINAL_WORDS)
    + r")\s+Amendment)[^.;]{0,80}?)\s+on\s+(?P<date>"
    + _DATE[2:]
    + r")",
    re.IGNORECASE,
)
AMEND_REF = re.compile(
    r"Amendment\s+No\.?\s*(?P<num>\d{1,2})|(?P<ord>" + "|".join(ORDINAL_WORDS) + r")\s+Amendment",
    re.IGNORECASE,
)


def ref_number(text: str) -> int | None:
    m = AMEND_REF.search(text)
    if not m:
        return None
    return int(m.group("num")) if m.group("num") else ORDINAL_WORDS.get(m.group("ord").lower())


_SENTENCE_END = re.compile(r"(?<!\bNo)(?<!\b[A-Z])\.\s+(?=[A-Z\"\u201c])|;\s|\n\s*\n")


def sentence_before(text: str, pos: int, reach: int = 300) -> int:
    """Where the sentence holding ``pos`` starts ("No. 1" and initials do not end a sentence)."""
    lo = max(0, pos - reach)
    last = None
    for m in _SENTENCE_END.finditer(text, lo, pos):
        last = m
    return last.end() if last else lo


# "Amendment to Restated Articles of Incorporation, filed with the Secretary of State ... on <date>"
# (1994 10-K), "Articles of Amendment to the Articles of Incorporation" (2010 10-K), "an amendment to
# the Registrant's <year> Stock Incentive Plan" (2012 8-K).
OTHER_AMENDMENT = re.compile(
    r"(?<=[Aa])mendment(?:\s+No\.?\s*(?P<num>\d{1,2}))?\s+(?:to|of)\s+(?:(?:the\s+)?(?:Company|Registrant"
    r"|Corporation)['\u2019]s\s+|the\s+|its\s+)?(?P<doc>"
    + CHARTER_RE.pattern
    + r"|(?:[A-Z0-9][\w'\u2019.&\-]*,?\s+"
    r"(?:(?:of|and|for)\s+)?){1,7}Plan)\b"
)
# What may stand before "Amendment": "Articles of", "Certificate of", "First" (the search starts at "mendment",
# a literal, so that the regex engine skips ahead quickly).
_OTHER_PREFIX = re.compile(
    r"(?:(?P<articles>(?:Articles|Certificate)\s+of\s+)|(?P<ord>(?i:"
    + "|".join(ORDINAL_WORDS)
    + r"))\s+)?$"
)
_CHARTER_DATE = re.compile(
    r"^[^.;]{0,20}?(?:,\s*)?(?:as\s+)?(?:filed\s+with\s+the\s+Secretary\s+of\s+State[^.;]{0,60}?\s+on|"
    r"dated(?:\s+as\s+of)?|effective(?:\s+as\s+of)?)\s+(?P<date>" + _DATE[2:] + ")",
    re.IGNORECASE,
)
_APPROVED_BEFORE = re.compile(
    r"\bOn\s+(?P<date>" + _DATE[2:] + r"),\s+[^.;]{0,100}?\b(?:approved|adopted|authorized|"
    r"entered\s+into|executed)\s+(?:an?|the)\s+$",
    re.IGNORECASE,
)


def find_other_amendments(text: str, start: int = 0, end: int | None = None) -> list[Found]:
    """Amendments of charters, bylaws and plans."""
    end = len(text) if end is None else end
    out = []
    for m in OTHER_AMENDMENT.finditer(text, start, end):
        a_start = m.start() - 1
        pre = _OTHER_PREFIX.search(text, max(0, a_start - 40), a_start)
        if pre and pre.group():
            a_start = pre.start()
        doc = fold(m.group("doc"))
        kind = "document" if doc.endswith("Plan") else "charter"
        if kind == "document" and not re.search(
            r"\b(?:Stock|Option|Incentive|Compensation|Savings|Bonus|Purchase|Equity|"
            r"Retirement|Pension|Benefit|Award|Deferred|Investment|Share)\b",
            doc,
        ):
            continue
        f = Found(doc, m.start("doc"), m.end(), kind)
        f.amendment = fold(
            re.sub(
                r"(?:the\s+)?(?:Company|Registrant|Corporation)['\u2019]s\s+",
                "the ",
                text[a_start : m.end()],
            )
        )
        f.amend_start = a_start
        ordinal = pre.group("ord") if pre else None
        f.number = (
            int(m.group("num")) if m.group("num") else ORDINAL_WORDS.get((ordinal or "").lower())
        )
        d = _CHARTER_DATE.match(text, m.end(), min(end, m.end() + 160))
        if d:
            dm = DATE_RE.match(d.group("date"))
            f.date = date_from_match(dm) if dm else None
        else:
            b = _APPROVED_BEFORE.search(text, max(0, a_start - 200), a_start)
            if b:
                dm = DATE_RE.match(b.group("date"))
                f.date = date_from_match(dm) if dm else None
        f.clause_end = d.end() if d else m.end()
        out.append(f)
    return out
