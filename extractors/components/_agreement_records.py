"""The records the agreements registry keeps, and how it compares names."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.claims import Evidence, Mention
from extractors.names import display_name, kind_of
from extractors.pipeline import FilingContext


def norm(name: str) -> str:
    key = " ".join(re.sub(r"[\u2019']", "'", name).lower().replace("-", " ").split())
    return key.removeprefix("the ")


@dataclass
class AgreementRec:
    name: str
    key: str
    date: str | None
    parties: list[str]
    kind: str
    evidence: list[Evidence]
    source: str
    mentions: list[Mention] = field(default_factory=list)
    named: bool = False  # a capitalised name of two words or more in prose ("Pricing Agreement")


@dataclass
class AmendmentRec:
    base: str
    base_key: str
    number: int | None
    name: str | None
    kind: str  # what it amends: "agreement", "charter", "document" (a plan), "filing"
    evidence: list[Evidence]
    unambiguous: list[str] = field(default_factory=list)
    ambiguous: list[str] = field(default_factory=list)
    executed: str | None = None
    authorized: str | None = None
    amended_date: str | None = None
    pattern: str = "amendment"
    parties: list[str] = field(default_factory=list)


@dataclass
class RoleRec:
    party: Mention
    role: str
    org: Mention
    agreement_key: str | None
    evidence: list[Evidence]
    since_of: AmendmentRec | None = None
    until_of: AmendmentRec | None = None
    pattern: str = "as-agent"


def overlap(a: list[str], b: list[str]) -> bool:
    return not a or not b or bool({pkey(x) for x in a} & {pkey(x) for x in b})


def compatible(a: list[str], b: list[str]) -> bool:
    if not a or not b:
        return True
    na, nb = {pkey(x) for x in a}, {pkey(x) for x in b}
    return na <= nb or nb <= na


def pkey(name: str) -> str:
    return re.sub(
        r"\b(?:inc|incorporated|corp|corporation|co|company|llc|ltd|lp|na)\b",
        "",
        re.sub(r"[^\w\s&]", "", norm(name)),
    ).strip()


def person_like(name: str) -> bool:
    words = name.replace(",", " ").split()
    return (
        2 <= len(words) <= 4
        and all(w[:1].isupper() for w in words)
        and kind_of(name, "") == ""
        and any(re.fullmatch(r"[A-Z]\.", w) for w in words)
    )


def filer_of(ctx: FilingContext) -> Mention | None:
    if ctx.filer is not None:
        return ctx.filer
    party = ctx.filing.header.filer
    if party and party.name:
        name = display_name(party.name)
        return Mention(name, kind_of(name, "company"))
    return None
