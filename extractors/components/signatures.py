"""Component 3: signatures — who signed the filing, with what title, when, for whom.

Reads the signature block of the filing's main document (the section of kind
"signature"; failing that, the passages around conformed signatures, e.g.
the "(s) Name" line of a Form 13F cover or "SIGNATURE OF REPORTING PERSON" of
a Form 4). Signatures in exhibits (agreements, press releases, joint filing
agreements) are not the filing's.

A signer who signs twice for one company (the "By:" block and the table of
officers and directors) gives one ``signed`` fact, with the fullest title, and
the roles of all the titles. In exhibits (agreements, certificates), the
officers who sign "PARTY / By: /s/ X / Title: Y" get a ``role`` at that party
(no ``signed``: they do not sign the filing).

Claims: ``signed`` (filing → signer; qualifiers date, title, on_behalf_of) and
one ``role`` per title part of each signer (``senior vice president``, ``chief
financial officer``, ``secretary``) for the organisation signed for — or for
the intermediary when the signer signs "By: X, its general partner", which
then holds that role itself.
"""

from __future__ import annotations

import re

from spacy.language import Language

from extractors.claims import Mention
from extractors.components._sigblock import (
    ANCHOR,
    BY_ORDER,
    Signer,
    company_like,
    find_anchor,
    parse_block,
)
from extractors.components._titles import split_roles
from extractors.components.base import Component
from extractors.filing import Document
from extractors.names import display_name, kind_of, org_key, person_name
from extractors.pipeline import FilingContext

NAME = "secgraph_signatures_v1"
# Exhibits whose signature blocks name officers of the parties (agreements, certificates); not
# financial data, XBRL or graphics.
_EXHIBIT = re.compile(r"^EX-(?!27\b|101\b|101\.)", re.IGNORECASE)
#: How far around a signature found outside a signature section the block is read.
_AROUND = (1200, 1500)


class Signatures(Component):
    """Reads the main document's signature block once per filing."""

    sections = frozenset()

    def process(self, doc, ctx: FilingContext) -> None:  # pragma: no cover - reads no blocks
        return None

    def end_filing(self, ctx: FilingContext) -> None:
        main = ctx.filing.main
        if main is None or not main.text:
            return
        found: list[tuple[Signer, str]] = []
        for start, end, label in signature_regions(main):
            found += [(s, label) for s in parse_block(main.text, start, end)]
        _emit(ctx, main, found)
        for doc in ctx.filing.documents:
            if doc is not main and _EXHIBIT.match(doc.type or "") and doc.format != "binary":
                _exhibit_roles(ctx, doc)


def signature_regions(doc: Document) -> list[tuple[int, int, str]]:
    text = doc.text
    secs = [s for s in doc.sections if s.kind == "signature"]
    if secs:
        return [(s.start, s.end, s.label) for s in secs if find_anchor(text, s.start, s.end)]
    spans: list[list[int]] = []
    for m in list(ANCHOR.finditer(text)) + list(BY_ORDER.finditer(text)):
        a = max(
            0, text.rfind("\n\n", 0, max(0, m.start() - _AROUND[0])) + 1, m.start() - _AROUND[0]
        )
        b = min(len(text), m.end() + _AROUND[1])
        if spans and a <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], b)
        else:
            spans.append([a, b])
    spans.sort()
    merged: list[list[int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    return [(a, b, "Signatures") for a, b in merged]


def _emit(ctx: FilingContext, doc: Document, found: list) -> None:
    header = ctx.state.get("header") or {}
    family = header.get("family", "registrant")
    filer = ctx.filer
    known = [m for m in header.get("persons") or [] if isinstance(m, Mention)]
    filing = Mention(ctx.doc_id, "filing")
    # One signer may sign twice for one company: "By: /s/ X" above and again in the table of
    # directors and officers (10k_apple_1994.txt, 10k_medicis_1999.html). One signed fact, with
    # the fullest title; a role for every title part of every signature.
    groups: dict[tuple[str, str], list] = {}
    for s, label in found:
        if s.attorney == "self" or not s.name:
            continue
        name = person_name(display_name(s.name) if s.name.isupper() else s.name)
        company = _company(s, family, filer, known)
        key = (name.lower(), company.name.lower() if company else "")
        groups.setdefault(key, []).append((s, label, name, company))
    kept = []
    for entries in groups.values():
        s, label, name, company = max(
            entries, key=lambda e: (len(split_roles(e[0].title or "")), len(e[0].title or ""))
        )
        signer = Mention(name, "person" if not company_like(name) else kind_of(name, "company"))
        ev = ctx.document_evidence(doc, s.anchor.start, s.anchor.end, label)
        date = s.date or next((e[0].date for e in entries if e[0].date), None)
        ctx.add(
            "signed",
            filing,
            signer,
            ev,
            NAME,
            "block.anchor",
            date=date,
            title=s.title,
            on_behalf_of=company.name if company else None,
        )
        kept.append(
            {
                "name": name,
                "title": s.title,
                "date": date,
                "on_behalf_of": company.name if company else None,
            }
        )
        roles: dict[tuple[str, str], tuple] = {}
        for s2, label2, _n, _c in entries:
            ev2 = ctx.document_evidence(doc, s2.anchor.start, s2.anchor.end, label2)
            org = company
            if s2.intermediary and company is not None:
                inter = _resolve(s2.intermediary[0], known, ctx)
                ctx.add(
                    "role", inter, company, ev2, NAME, "block.intermediary", role=s2.intermediary[1]
                )
                org = inter
            if s2.title and org is not None and signer.kind == "person":
                tev = (
                    ctx.document_evidence(
                        doc, s2.title_segs[0].start, s2.title_segs[-1].end, label2
                    )
                    if _one_column(s2)
                    else ctx.document_evidence(
                        doc, s2.title_segs[0].start, s2.title_segs[0].end, label2
                    )
                )
                for role in split_roles(s2.title):
                    roles.setdefault((role, org.name), (org, tev))
            if s2.attorney:
                att = Mention(
                    person_name(
                        display_name(s2.attorney) if s2.attorney.isupper() else s2.attorney
                    ),
                    "person",
                )
                ctx.add(
                    "role",
                    att,
                    signer,
                    ev2,
                    NAME,
                    "block.attorney_in_fact",
                    role="attorney-in-fact",
                )
        for (role, org_name), (org, tev) in roles.items():
            if any(
                r != role and o == org_name and r.startswith((role + " of ", role + ", "))
                for r, o in roles
            ):
                continue  # "chairman of the board" beside "chairman of the board of directors"
            ctx.add("role", signer, org, tev, NAME, "block.title", role=role)
    ctx.state["signatures"] = kept


def _exhibit_roles(ctx: FilingContext, doc: Document) -> None:
    """The titles of those who sign an exhibit (an agreement's "COMPANY / By: /s/ X / Name: X /
    Title: Y" blocks, 8k_apple_2019.txt): roles at the company signed for, not signatures of the
    filing."""
    if not find_anchor(doc.text, 0, len(doc.text)):
        return
    known = [
        m for m in (ctx.state.get("header") or {}).get("persons") or [] if isinstance(m, Mention)
    ]
    seen: set[tuple[str, str, str]] = set()
    for start, end, label in signature_regions(doc):
        for s in parse_block(doc.text, start, end):
            if not (s.name and s.title and s.company_name and s.party_above) or s.attorney:
                continue
            name = person_name(display_name(s.name) if s.name.isupper() else s.name)
            if company_like(name):
                continue
            org = _resolve(s.company_name, known, ctx, ctx.filer)
            tev = ctx.document_evidence(doc, s.title_segs[0].start, s.title_segs[-1].end, label)
            for role in split_roles(s.title):
                key = (name.lower(), role, org.name.lower())
                if key not in seen:
                    seen.add(key)
                    ctx.add(
                        "role", Mention(name, "person"), org, tev, NAME, "exhibit.title", role=role
                    )


def _company(s: Signer, family: str, filer: Mention | None, known: list[Mention]) -> Mention | None:
    """On whose behalf: the registrant for a company's report; the company line signed "By:" for a group."""
    if family in ("registrant", "current"):
        return filer
    if family == "ownership" or not s.company_name or not s.by:
        return None
    return _resolve(s.company_name, known, None, filer)


def _resolve(
    name: str, known: list[Mention], ctx: FilingContext | None, filer: Mention | None = None
) -> Mention:
    for m in known + ([filer] if filer else []):
        if org_key(m.name) == org_key(name):
            return m
    if ctx is not None:
        got = ctx.resolve(name)
        if got is not None:
            return got
    shown = display_name(name) if name.isupper() else name
    return Mention(shown, kind_of(shown, "company"))


def _one_column(s: Signer) -> bool:
    lines = [t.line for t in s.title_segs]
    return lines == sorted(lines) and (not lines or lines[-1] - lines[0] <= len(lines) + 1)


@Language.factory(NAME)
def make_component(nlp: Language, name: str) -> Component:
    return Signatures(nlp, name)
