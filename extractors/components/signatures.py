"""Component 3: signatures — who signed the filing, with what title, when, for whom.

Reads the signature block of the filing's main document (the section of kind
"signature"; failing that, the passages around conformed signatures, e.g.
the "(s) Name" line of a Form 13F cover or "SIGNATURE OF REPORTING PERSON" of
a Form 4). Signatures in exhibits (agreements, press releases, joint filing
agreements) are not the filing's and are not read.

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
from extractors.names import display_name, kind_of
from extractors.pipeline import FilingContext

NAME = "secgraph_signatures_v1"
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
        for start, end, label in _regions(main):
            found += [(s, label) for s in parse_block(main.text, start, end)]
        _emit(ctx, main, found)


def _regions(doc: Document) -> list[tuple[int, int, str]]:
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
    seen: set[tuple[str, str]] = set()
    kept = []
    for s, label in found:
        if s.attorney == "self" or not s.name:
            continue
        name = display_name(s.name) if s.name.isupper() else s.name
        signer = Mention(name, "person" if not company_like(name) else kind_of(name, "company"))
        company = _company(s, family, filer, known)
        key = (name.lower(), company.name.lower() if company else "")
        if key in seen:
            continue
        seen.add(key)
        title = s.title
        ev = ctx.document_evidence(doc, s.anchor.start, s.anchor.end, label)
        ctx.add(
            "signed",
            filing,
            signer,
            ev,
            NAME,
            "block.anchor",
            date=s.date,
            title=title,
            on_behalf_of=company.name if company else None,
        )
        kept.append(
            {
                "name": name,
                "title": title,
                "date": s.date,
                "on_behalf_of": company.name if company else None,
            }
        )
        org = company
        if s.intermediary and company is not None:
            inter = _resolve(s.intermediary[0], known, ctx)
            ctx.add("role", inter, company, ev, NAME, "block.intermediary", role=s.intermediary[1])
            org = inter
        if title and org is not None and signer.kind == "person":
            tev = (
                ctx.document_evidence(doc, s.title_segs[0].start, s.title_segs[-1].end, label)
                if _one_column(s)
                else ctx.document_evidence(doc, s.title_segs[0].start, s.title_segs[0].end, label)
            )
            for role in split_roles(title):
                ctx.add("role", signer, org, tev, NAME, "block.title", role=role)
        if s.attorney:
            att = Mention(
                display_name(s.attorney) if s.attorney.isupper() else s.attorney, "person"
            )
            ctx.add(
                "role", att, signer, ev, NAME, "block.attorney_in_fact", role="attorney-in-fact"
            )
    ctx.state["signatures"] = kept


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
        if _key(m.name) == _key(name):
            return m
    if ctx is not None:
        got = ctx.resolve(name)
        if got is not None:
            return got
    shown = display_name(name) if name.isupper() else name
    return Mention(shown, kind_of(shown, "company"))


def _key(name: str) -> str:
    drop = {
        "inc",
        "incorporated",
        "corp",
        "corporation",
        "co",
        "company",
        "ltd",
        "limited",
        "llc",
        "lp",
        "l",
        "p",
        "the",
        "plc",
        "sa",
        "s",
        "a",
    }
    return " ".join(w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in drop)


def _one_column(s: Signer) -> bool:
    lines = [t.line for t in s.title_segs]
    return lines == sorted(lines) and (not lines or lines[-1] - lines[0] <= len(lines) + 1)


@Language.factory(NAME)
def make_component(nlp: Language, name: str) -> Component:
    return Signatures(nlp, name)
