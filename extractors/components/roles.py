"""Roles and people in prose (component 7).

Emits ``role`` claims: officers and directors named in press releases and
biographies (``Jane Roe, President and Chief Executive Officer``), general
partners and investment managers (``who is the general partner of``),
appointments with ``since`` and departures with ``until`` (8-K Item 5.02 and
older Item 5 text). Signer titles (signatures component) and agent roles of
agreement parties (agreements component) are not read here.

Candidates are collected block by block; at the end of the filing short
references (``Dr. Roe``, ``Jack Roe`` for the one ``John E. Roe``) are resolved
to the full name written elsewhere in the filing, abbreviations give way to the
full title for the same person (``CFO`` / ``Chief Financial Officer``), and each
role is emitted once.

Roles written as lists or fixed layouts rather than sentences are read by
``_roles_collect`` (``_roles_lists``, ``_roles_services``): powers of attorney
(``attorney-in-fact`` of each person who signs below the grant), election
results (8-K Item 5.07, 10-Q Item 4), underwriting tables and representatives
of the underwriters, independent auditors and special counsel, ``Name:/Title:``
signature blocks of agreements in exhibits, and the Form 3/4/5 relationship box.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extractors.claims import Mention
from extractors.components import _roles_collect as rc
from extractors.components import _roles_prose as rp
from extractors.components._holdings_common import (
    cut_after_suffix,
    norm_key,
    split_orgs,
    subject_company,
)
from extractors.components._titles import split_roles
from extractors.components.base import Component
from extractors.names import display_name, kind_of, person_name
from extractors.patterns import load
from extractors.pipeline import FilingContext

NAME = "secgraph_roles_v1"
_SPEC = load("roles_prose.json")
_CANONICAL: dict[str, str] = _SPEC["canonical"]
_ABBR_FULL: dict[str, str] = _SPEC["abbreviation_full"]
_SELF_REFS = frozenset(("our", "its", "the company's", "the company\u2019s", "the registrant's", "the registrant\u2019s",
                        "company", "registrant", "issuer", "partnership", "trust", "fund"))
_ORGPRE_STOP = frozenset(["The", "Our", "Its", "A", "An", "Former", "Current", "Said", "By", "And", "Of", "As", "With", "From", "For", "To", "In", "On", "At"])
_DEPARTMENT = frozenset(_SPEC["department_words"])
_DROP_ROLES = frozenset(_SPEC["drop_roles"])
_POSSESSIVE_END = re.compile(r"(?:'s|\u2019s)$")
_NICKNAMES: dict[str, list[str]] = load("roles_nicknames.json")["nicknames"]


class Roles(Component):
    """Reads roles of people (and organisations) stated in prose."""

    sections = None

    def begin_filing(self, ctx: FilingContext) -> None:
        ctx.state[NAME] = {"cands": [], "names": set(), "more": [], "seen": set()}

    def process(self, doc: Doc, ctx: FilingContext) -> None:
        st = ctx.state[NAME]
        rc.collect(doc, ctx, st["more"], st["seen"])
        if doc._.section is not None and doc._.section.kind == "signature":
            return  # signer titles belong to the signatures component
        text = doc._.text
        if not rp.PREFILTER.search(text):
            return
        st["names"].update(rp.full_names(text))
        for c in rp.find_roles(text):
            if not c.holder_is_org and not c.surname_only:
                st["names"].add(c.holder)
            st["cands"].append((c, ctx.evidence(doc, c.start, c.end), text))

    def end_filing(self, ctx: FilingContext) -> None:
        st = ctx.state.get(NAME) or {}
        default_org = subject_company(ctx)
        registry = _registry(st.get("names", set()), ctx)
        rows: dict[tuple[str, str, str], dict[str, Any]] = {}
        for c, ev, block in st.get("cands", []):
            holder = self._holder(ctx, c, registry, block)
            if holder is None:
                continue
            roles = ["director"] if c.board else [_CANONICAL.get(r, r) for r in split_roles(c.titles or "")]
            for org_text in (split_orgs(cut_after_suffix(c.org)) if c.org else [None]):
                org = self._org(ctx, c, default_org, org_text)
                if org is not None and norm_key(holder.name) != norm_key(org.name):
                    _collect(rows, c, ev, holder, org, roles)
        existing = {(norm_key(cl.subject.name), cl.q("role"), norm_key(getattr(cl.object, "name", "") or ""))
                    for cl in ctx.claims if cl.kind == "role"}
        for (hk, role, ok), row in rows.items():
            if role in _ABBR_FULL and ((hk, _ABBR_FULL[role], ok) in rows or (hk, _ABBR_FULL[role], ok) in existing):
                continue  # the same office written in full elsewhere in the filing
            if (hk, role, ok) in existing and not (row["since"] or row["until"]):
                continue
            ctx.add("role", row["holder"], row["org"], row["ev"], NAME, row["pattern"], role=role,
                    since=row["since"], until=row["until"])
        # roles of lists and layouts: powers of attorney, election results, underwriters, auditors...
        more = st.get("more", [])
        rc.header_roles(ctx, more)
        rc.emit(ctx, more, default_org, lambda h, o, ev, pat, role: ctx.add("role", h, o, ev, NAME, pat, role=role))

    def _holder(self, ctx: FilingContext, c: rp.RoleCandidate, registry: dict[str, str], block: str) -> Mention | None:
        if c.holder_is_org:
            resolved = ctx.resolve(c.holder)
            if resolved is not None:
                return resolved
            shown = display_name(c.holder)
            return Mention(shown, kind_of(shown, "company"))
        name = c.holder
        if c.surname_only:
            name = registry.get(name.lower())
            if name is None:
                return None
        elif not re.search(r"\s[A-Z]\.?\s", name):  # no middle initial: take the fullest form
            known = registry.get(_first_last(name))
            if known is None or known == name:
                known = _short_form_of(name, registry.get("\x00pool", ()), block)
            name = known or name
        resolved = ctx.resolve(name)
        if resolved is not None and resolved.kind == "person":
            return Mention(person_name(resolved.name), "person", resolved.text, resolved.identifiers,
                           resolved.attrs)
        return Mention(person_name(name), "person")

    def _org(self, ctx: FilingContext, c: rp.RoleCandidate, default_org: Mention | None,
             text: str | None) -> Mention | None:
        if text and c.pattern == "title_before_name" and text.split()[0] in _ORGPRE_STOP:
            text = None
        if not text:
            return default_org
        bare = _POSSESSIVE_END.sub("", re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)).strip()
        if text.lower() in _SELF_REFS or bare.lower() in _SELF_REFS:
            return default_org
        resolved = ctx.resolve(bare)
        if resolved is not None:
            return resolved
        if default_org is not None and _prefix_of(bare, default_org.name):
            return default_org
        known = _known_org(ctx, bare)
        if known is not None:
            return known
        if c.pattern == "title_before_name" and not kind_of(bare, ""):
            return None  # a bare capitalised word before a title may not be an organisation
        if bare.split()[-1] in _DEPARTMENT:
            return None  # "Vice Chairman of Investment Banking": a department, not an organisation
        shown = display_name(bare)
        return Mention(shown, kind_of(shown, "company"))


def _collect(rows: dict, c: rp.RoleCandidate, ev, holder: Mention, org: Mention, roles: list[str]) -> None:
    """One row per (holder, role, organisation); dates merged from every statement of it."""
    since = c.date if c.label == "since" else None
    until = c.date if c.label == "until" else None
    for role in roles:
        if not role or len(role) > 60 or role in _DROP_ROLES:
            continue
        key = (norm_key(holder.name), role, norm_key(org.name))
        row = rows.get(key)
        if row is None:
            rows[key] = {"holder": holder, "org": org, "role": role, "ev": ev, "pattern": c.pattern,
                         "since": since, "until": until}
        else:
            row["since"] = row["since"] or since
            row["until"] = row["until"] or until


def _given_fits(short: str, full: str) -> bool:
    """Whether a given name as written can stand for a formal one: "Mike" / "Michael", "Jack" / "John", "Ed" / "Edward"."""
    s, f = short.lower().rstrip("."), full.lower().rstrip(".")
    return s == f or (len(s) >= 2 and f.startswith(s)) or f in _NICKNAMES.get(s, ())


def _short_form_of(name: str, pool, block: str) -> str | None:
    """The one full name of the filing that a short form ("Mike Roe", "Jack Roe") stands for: same surname, a
    fitting given name; people whose full name is written in the same passage are other people."""
    words = name.split()
    last = words[-1].lower()
    alts = {n for n in pool if _surname(n) == last and _first_last(n) != _first_last(name)
            and _given_fits(words[0], n.split()[0])}
    if len(alts) > 1:
        alts = {n for n in alts if not re.search(r"\s+".join(map(re.escape, n.split())), block)}
    return alts.pop() if len(alts) == 1 else None


def _surname(name: str) -> str:
    words = [w for w in name.replace(",", " ").split() if w not in ("Jr.", "Sr.", "II", "III", "IV")]
    return words[-1].lower() if words else ""


def _first_last(name: str) -> str:
    words = [w for w in name.replace(",", " ").split() if not re.fullmatch(r"[A-Z]\.?", w)]
    return f"{words[0]} {words[-1]}".lower() if len(words) >= 2 else name.lower()


def _registry(names: set[str], ctx: FilingContext) -> dict[str, str]:
    """Surname (and first+last) → the fullest name written in the filing, when unambiguous."""
    pool = set(names)
    pool.update(m.name for cl in ctx.claims for m in (cl.subject, cl.object)
                if isinstance(m, Mention) and m.kind == "person")
    pool.update(m.name for m in ctx.aliases.values() if m.kind == "person")
    by_last: dict[str, set[str]] = {}
    by_fl: dict[str, str] = {}
    for n in pool:
        words = [w for w in n.replace(",", " ").split() if w not in ("Jr.", "Sr.", "II", "III", "IV")]
        if len(words) < 2:
            continue
        by_last.setdefault(words[-1].lower(), set()).add(n)
        fl = _first_last(n)
        if len(n) > len(by_fl.get(fl, "")):
            by_fl[fl] = n
    out: dict[str, Any] = dict(by_fl)
    out["\x00pool"] = frozenset(n for n in pool if len(n.split()) >= 2)
    for last, full in by_last.items():
        keys = {_first_last(f) for f in full}
        if len(keys) == 1:
            out[last] = max(full, key=len)
    return out


def _known_org(ctx: FilingContext, short: str) -> Mention | None:
    """The one organisation named in the filing's claims whose name contains ``short`` ("Acme" for "A.B. Acme & Company")."""
    key = norm_key(short)
    if not key:
        return None
    found: dict[str, Mention] = {}
    for cl in ctx.claims:
        for m in (cl.subject, cl.object):
            if isinstance(m, Mention) and m.kind not in ("person", "filing", "document", "agreement", "security"):
                k = norm_key(m.name)
                if k != key and f" {key} " in f" {k} ":
                    found[k] = m
    return next(iter(found.values())) if len(found) == 1 else None


def _prefix_of(short: str, full: str) -> bool:
    s, f = norm_key(short), norm_key(full)
    return bool(s) and (f == s or f.startswith(s + " "))


@Language.factory(NAME, requires=["doc._.ctx"], assigns=[])
def make_component(nlp: Language, name: str) -> Component:
    return Roles(nlp, name)
