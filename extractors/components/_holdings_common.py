"""Helpers shared by the holdings component and its parsers.

Names (owner, issuer), security classes, evidence for spans of a whole
document (the Schedule 13D/13G cover pages are read from the document text,
not from block Docs), and the arithmetic check of a holding.
"""

from __future__ import annotations

import re

from extractors.claims import Mention
from extractors.names import display_name, kind_of
from extractors.patterns import load
from extractors.pipeline import FilingContext

_LEX = load("holdings.json")
#: Words that make a capitalised name a person's (honorifics, suffixes).
_HONORIFICS = frozenset(_LEX["honorifics"])
_PERSON_SUFFIXES = frozenset(_LEX["person_suffixes"])
#: Forms whose "Company"/"Issuer" is the subject company, not the filer.
SCHEDULE_FORMS = re.compile(_LEX["schedule_forms"], re.IGNORECASE)
_PAR_VALUE = re.compile(_LEX["par_value"], re.IGNORECASE)
_NAME_TOKEN = re.compile(r"^(?:[A-Z][A-Za-z'\u2019\-]+|[A-Z]\.(?:[A-Z]\.)*|[A-Z])[,.]?$")
_WS = re.compile(r"\s+")


def clean_name(text: str) -> str:
    """A name as written, white space folded, stray punctuation and footnote marks trimmed."""
    name = _WS.sub(" ", text).strip(" \t,;:*")
    name = re.sub(r"(?:\(\d{1,2}\)|\*+)+$", "", name).strip(" ,")
    name = re.sub(r"^(?:the\s+)(?=[A-Z])", "", name) if name.lower().startswith("the ") and " " in name else name
    name = _HONORIFIC_LEAD.sub("", name)
    return name


# "Mr. John A. Roe" -> "John A. Roe" (names are given without honorifics).
_HONORIFIC_LEAD = re.compile(r"^(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+(?=[A-Z])")


def looks_like_person(name: str) -> bool:
    """Two to five capitalised tokens or initials, no organisation word: ``J. Barry Thompson``."""
    if kind_of(name, "") != "":
        return False
    toks = [t for t in name.replace(",", " ").split() if t]
    toks = [t for t in toks if t.rstrip(".").lower() not in _HONORIFICS]
    while toks and toks[-1].rstrip(".,").lower() in _PERSON_SUFFIXES:
        toks.pop()
    if not 2 <= len(toks) <= 5:
        return False
    if not all(_NAME_TOKEN.match(t) for t in toks):
        return False
    return len(toks[-1].rstrip(".,")) > 1 and len(toks[0].rstrip(".")) >= 1


def mention_for(ctx: FilingContext, text: str, default_kind: str | None = None) -> Mention:
    """The mention a name written in the filing stands for (alias, else the name itself)."""
    name = clean_name(text)
    resolved = ctx.resolve(name)
    if resolved is not None:
        return resolved
    shown = display_name(name)
    kind = kind_of(shown, "")
    if not kind:
        kind = "person" if looks_like_person(shown) else (default_kind or "organization")
    return Mention(shown, kind, text=name if name != shown else None)


def filer_mention(ctx: FilingContext) -> Mention | None:
    """The registrant: ``ctx.filer``, else the SGML header's filer."""
    if ctx.filer is not None:
        return ctx.filer
    party = ctx.filing.header.filer
    if party and party.name:
        name = _STATE_TAG.sub("", party.name)
        return Mention(display_name(name), kind_of(display_name(name), "company"),
                       identifiers=(("cik", party.cik),) if party.cik else ())
    main = ctx.filing.main
    m = _EXACT_NAME.search(main.text, 0, 20000) if main else None
    if m:
        line_end = main.text.rfind("\n", 0, m.start())
        prev = [ln.strip(" -=_\t") for ln in main.text[max(0, line_end - 300):line_end].split("\n")]
        prev = [ln for ln in prev if ln]
        if prev:
            shown = display_name(prev[-1])
            return Mention(shown, kind_of(shown, "company"))
    return None


# EDGAR's conformed names carry a state tag: "ACME CAPITAL CORP. /NY/".
_STATE_TAG = re.compile(r"\s*/[A-Z]{2,3}/?\s*$")
# The registrant's name sits above this label on 8-K/10-K/8-A covers (used when the header component set no filer).
_EXACT_NAME = re.compile(r"\(\s*Exact\s+name\s+of\s+(?:the\s+)?registrant", re.IGNORECASE)


def is_schedule(ctx: FilingContext) -> bool:
    """Whether the filing is a Schedule 13D/13G/TO (the "Company" there is the subject company)."""
    return bool(SCHEDULE_FORMS.match((ctx.filing.form_type or "").strip()))


def security_class(text: str) -> str:
    """``Common Stock, par value $.0001 per share`` → ``common stock``."""
    cls = _PAR_VALUE.split(_WS.sub(" ", text).strip())[0]
    cls = cls.strip(" ,;.()\"\u201c\u201d")
    return cls.lower()


def check_fields(shares: int | None, percent: float | None, outstanding: int | None) -> tuple[str | None, float]:
    """The arithmetic check: ``(check, confidence)``; a disagreement over 0.1 points is reported."""
    if shares is None or percent is None or not outstanding:
        return None, 1.0
    computed = 100.0 * shares / outstanding
    if abs(computed - percent) > 0.1:
        return "percent != shares/outstanding", 0.5
    return None, 1.0


def norm_key(name: str) -> str:
    """A comparison key for names: lower case, punctuation and single initials dropped."""
    toks = re.findall(r"[a-z0-9]+", name.lower())
    toks = [t for t in toks if len(t) > 1 or t.isdigit()]
    return " ".join(toks)


def joint_names(name: str) -> bool:
    """Whether a name is two people written together (``Mr. A. Roe and Mr. B. Roe``): a joint holding."""
    parts = re.split(r"\s+and\s+", name)
    return len(parts) > 1 and sum(looks_like_person(clean_name(p)) for p in parts) >= 2


# A corporate suffix with its period closes a name: "Fund Inc. Birch First ..." is two sentences (13D Item 5).
_AFTER_SUFFIX = re.compile(r"\b(?:Inc|Corp|Ltd|Co|S\.A|N\.A|L\.P|N\.V|B\.V|A\.G|P\.C)\.(?=\s+[A-Z][a-z])")


def cut_after_suffix(name: str) -> str:
    """The name up to a corporate suffix written with a period, when more capitalised words follow it."""
    m = _AFTER_SUFFIX.search(name)
    return name[: m.end()] if m else name


def split_orgs(name: str) -> list[str]:
    """``A LLC and B LLC`` → both names, when each side is an organisation's name; else the name itself."""
    parts = [p.strip(" ,") for p in re.split(r",?\s+and\s+", name)]
    if len(parts) > 1 and all(kind_of(p, "") for p in parts):
        return parts
    return [name]


def subject_company(ctx: FilingContext) -> Mention | None:
    """The company a filing is about: a schedule's issuer (as the header component or the
    holdings component found it, else the header's subject company), else the registrant."""
    if is_schedule(ctx):
        for key in ("secgraph_holdings_v1", "secgraph_header_v1", "header"):
            found = (ctx.state.get(key) or {}).get("issuer") if isinstance(ctx.state.get(key), dict) else None
            if isinstance(found, Mention):
                return found
        party = ctx.filing.header.party("subject-company")
        if party and party.name:
            shown = display_name(party.name)
            return Mention(shown, kind_of(shown, "company"))
    return filer_mention(ctx)

