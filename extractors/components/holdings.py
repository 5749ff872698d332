"""Holdings and ownership limits (component 6).

Emits ``owns`` (prose statements, Schedule 13D/13G cover pages,
beneficial-ownership tables), ``ownership_limit`` (rights-plan and
board-approval thresholds, with the limit an amendment replaces) and
``identifier`` (the issuer's CUSIP printed on a Schedule 13D/13G cover).

Cover pages and tables are read once per document in :meth:`begin_filing`
(they run across block boundaries); prose is read block by block.
Where shares, percent and a stated outstanding count are all known the
arithmetic is checked: a disagreement over 0.1 points is kept and reported
(``check`` qualifier, confidence 0.5), never corrected.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extractors.claims import Mention
from extractors.components import _holdings_prose as prose
from extractors.components import _ownership_table as tables
from extractors.components import _schedule13 as sched
from extractors.components._holdings_common import (
    check_fields,
    joint_names,
    mention_for,
    norm_key,
    security_class,
    subject_company,
)
from extractors.components.base import Component
from extractors.names import display_name, kind_of
from extractors.pipeline import FilingContext

NAME = "secgraph_holdings_v1"
#: Schedule 13D row 14 codes → mention kind of the reporting person.
_TYPE_KIND = {"IN": "person", "CO": "company", "PN": "fund", "BD": "company", "BK": "bank", "IA": "company",
              "HC": "company", "IC": "company", "EP": "fund", "OO": None, "FI": None}
_COMPANY_WORDS = frozenset(("company", "corporation", "registrant", "issuer", "partnership", "trust", "fund"))


class Holdings(Component):
    """Reads holdings and ownership thresholds."""

    sections = None

    def begin_filing(self, ctx: FilingContext) -> None:
        st: dict[str, Any] = {"seen": set(), "limits": [], "cover_issuers": set(), "issuer": None,
                              "filing_date": _filing_date(ctx)}
        ctx.state[NAME] = st
        for document in ctx.filing.documents:
            if document.format == "binary" or not document.text:
                continue
            text = document.text
            if sched.PREFILTER.search(text):
                self._schedule(ctx, document, st)
            if tables.HEADER.search(text):
                self._tables(ctx, document, st)

    # -- Schedule 13D/13G cover pages -------------------------------------------------------
    def _schedule(self, ctx: FilingContext, document, st: dict) -> None:
        text = document.text
        cover = sched.read_cover(text)
        persons = sched.read_persons(text)
        if not cover.issuer or not persons:
            return
        issuer = _issuer_mention(ctx, cover.issuer[2], text)
        st["issuer"] = issuer
        st["cover_issuers"].add(norm_key(issuer.name))
        cls = security_class(cover.security_class[2]) if cover.security_class else None
        if cover.cusip:
            value = cover.cusip[2]
            issuer_id = Mention(issuer.name, issuer.kind, issuer.text,
                                tuple(dict(issuer.identifiers + (("cusip", value),)).items()), issuer.attrs)
            key = ("cusip", value)
            stated = any(c.kind == "identifier" and c.q("scheme") == "cusip" and c.object == value for c in ctx.claims)
            if key not in st["seen"] and not stated:  # the header component may have stated it already
                st["seen"].add(key)
                ctx.add("identifier", issuer_id, value,
                        ctx.document_evidence(document, cover.cusip[0], cover.cusip[1], "cover"),
                        NAME, "schedule13_cusip", scheme="cusip")
        outstanding = sched.outstanding_count(text)
        for person in persons:
            kind_code = (person.values.get("type", (0, 0, ""))[2].split() or [""])[0].upper().strip(",;")
            owner = mention_for(ctx, person.name[2], _TYPE_KIND.get(kind_code) or None)
            if _TYPE_KIND.get(kind_code) and owner.kind in ("organization", "person") and owner.text is None:
                owner = Mention(owner.name, _TYPE_KIND[kind_code], owner.text, owner.identifiers, owner.attrs)
            shares, percent = person.shares(), person.percent()
            if shares is None and percent is None:
                continue
            ev = ctx.document_evidence(document, person.start, person.end, "cover")
            self._owns(ctx, st, owner, issuer, ev, "schedule13_cover", security_class=cls, shares=shares,
                       percent=percent, as_of=cover.event_date, outstanding=outstanding)

    # -- beneficial-ownership tables ----------------------------------------------------------
    def _tables(self, ctx: FilingContext, document, st: dict) -> None:
        issuer = _default_issuer(ctx, st)
        if issuer is None:
            return
        for table in tables.find_tables(document.text):
            for row in table.rows:
                owner = mention_for(ctx, row.name[2])
                if owner.kind == "organization" and re.search(r"\bgroup\b|\ball\b", row.name[2], re.IGNORECASE):
                    owner = Mention(owner.name, "group", owner.text)
                ev = ctx.document_evidence(document, row.start, row.end, "ownership table")
                self._owns(ctx, st, owner, issuer, ev, "ownership_table", security_class=table.security_class,
                           shares=row.shares, percent=row.percent, as_of=table.as_of,
                           outstanding=table.outstanding)

    # -- prose, block by block ----------------------------------------------------------------
    def process(self, doc: Doc, ctx: FilingContext) -> None:
        text = doc._.text
        if not prose.PREFILTER.search(text) or not prose.PREFILTER2.search(text):
            return
        st = ctx.state[NAME]
        for h in prose.find_holdings(text, st["filing_date"]):
            if joint_names(h.owner[2]):
                continue  # a joint holding of several people: no single owner
            owner = _default_issuer(ctx, st) if h.owner[2] == prose.SELF else mention_for(ctx, h.owner[2])
            issuer = self._prose_issuer(ctx, st, h.issuer_text)
            if owner is None:
                continue
            if issuer is None or norm_key(owner.name) == norm_key(issuer.name):
                continue
            if st["cover_issuers"] and norm_key(issuer.name) in st["cover_issuers"]:
                continue  # the cover pages state these holdings row by row
            self._owns(ctx, st, owner, issuer, ctx.evidence(doc, h.start, h.end), f"prose_{h.pattern}",
                       security_class=h.security_class, shares=h.shares, percent=h.percent, as_of=h.as_of,
                       outstanding=h.outstanding)
        for t in prose.find_thresholds(text):
            st["limits"].append((t, ctx.evidence(doc, t.start, t.end)))

    def end_filing(self, ctx: FilingContext) -> None:
        st = ctx.state.get(NAME) or {}
        limits = st.get("limits") or []
        if not limits:
            return
        issuer = _default_issuer(ctx, st)
        if issuer is None:
            return
        kept: dict[tuple[str, float], tuple] = {}
        for t, ev in limits:
            key = (norm_key(t.holder), t.percent)
            if key not in kept:
                kept[key] = (t, ev)
        by_holder: dict[str, list] = {}
        for (hkey, _pct), (t, ev) in kept.items():
            by_holder.setdefault(hkey, []).append((t, ev))
        for items in by_holder.values():
            for t, ev in items:
                replaces = None
                num = _amendment_no(t.agreement)
                if num is not None and not t.previous:
                    older = [o for o, _ in items if o is not t and (o.previous or
                             (_amendment_no(o.agreement) or num) < num)]
                    if older:
                        replaces = older[0].percent
                holder = (Mention(t.holder, "group") if t.generic else mention_for(ctx, t.holder, "group"))
                ctx.add("ownership_limit", holder, issuer, ev, NAME, "limit_threshold",
                        percent=_num(t.percent), effect=t.effect, agreement=t.agreement, replaces=_num(replaces))

    # -- shared ------------------------------------------------------------------------------
    def _prose_issuer(self, ctx: FilingContext, st: dict, text: str | None) -> Mention | None:
        bare = re.sub(r"^the\s+", "", (text or "").strip(), flags=re.IGNORECASE).lower()
        if not bare or bare in ("our", "its") or bare in _COMPANY_WORDS:
            return _default_issuer(ctx, st)
        resolved = ctx.resolve(text)
        if resolved is not None:
            return resolved
        return Mention(display_name(text), kind_of(text, "company"))

    def _owns(self, ctx: FilingContext, st: dict, owner: Mention, issuer: Mention, ev, pattern: str,
              **q: Any) -> None:
        key = (norm_key(owner.name), norm_key(issuer.name), q.get("shares"), q.get("percent"))
        if key in st["seen"]:
            return
        st["seen"].add(key)
        check, confidence = check_fields(q.get("shares"), q.get("percent"), q.get("outstanding"))
        q["percent"] = _num(q.get("percent"))
        ctx.add("owns", owner, issuer, ev, NAME, pattern, confidence=confidence, check=check, **q)


def _num(v: float | None) -> float | int | None:
    if v is None:
        return None
    return int(v) if float(v).is_integer() else v


def _amendment_no(name: str | None) -> int | None:
    m = re.search(r"Amendment\s+No\.\s*(\d+)", name or "")
    return int(m.group(1)) if m else None


def _filing_date(ctx: FilingContext) -> str | None:
    for claim in ctx.claims:
        if claim.kind == "filing" and claim.q("date"):
            return claim.q("date")
    h = ctx.filing.header
    return h.period_of_report or h.filed_date


def _issuer_mention(ctx: FilingContext, name: str, text: str) -> Mention:
    """The cover's issuer, in its best-cased form within the document."""
    resolved = ctx.resolve(name)
    if resolved is not None:
        return resolved
    best = name
    if not any(c.islower() for c in name):
        for m in re.finditer(re.escape(name).replace(r"\ ", r"\s+"), text, re.IGNORECASE):
            if any(c.islower() for c in m.group()):
                best = " ".join(m.group().split())
                break
    shown = display_name(best)
    return Mention(shown, kind_of(shown, "company"), text=name if name != shown else None)


def _default_issuer(ctx: FilingContext, st: dict) -> Mention | None:
    """The company whose stock a filing's holdings are in."""
    return st.get("issuer") or subject_company(ctx)


@Language.factory(NAME, requires=["doc._.ctx"], assigns=[])
def make_component(nlp: Language, name: str) -> Component:
    return Holdings(nlp, name)
