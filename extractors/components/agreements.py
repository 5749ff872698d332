"""Component 5: agreements, their amendments, and the agents they appoint.

Reads agreements named with a date and/or parties ("Rights Agreement dated as
of <date> between the Company and <Bank>, as rights agent"),
in prose and in the titles of the filing's exhibit list (left in ``ctx.state``
by the exhibits component); amendments with their number, date, what they amend
(an agreement, the articles or bylaws, a plan, an earlier filing), when a board
authorised them and when they were executed; and the agent roles of parties,
with successor agents ("Amendment No. 1 provided for the appointment of <Bank>
as a successor rights agent": the new agent's role starts, the old one's
ends, at the amendment's date). What several sentences say about one agreement
or amendment becomes one claim (several evidence spans, the first the main one).
Amendments get ``amends`` claims only, never ``agreement`` claims.
"""

from __future__ import annotations

import re

from spacy.language import Language

from extractors.claims import Mention
from extractors.components import _agreement_names as an
from extractors.components import _agreement_prose as ap
from extractors.components import _amendment_phrases as am
from extractors.components._agreement_registry import Registry
from extractors.components._blocks import FilingBlocks, LazySpan
from extractors.components.base import Component
from extractors.pipeline import FilingContext

NAME = "secgraph_agreements_v1"
# Machine parts and financial data schedules hold no agreements.
_SKIP_TYPES = re.compile(r"^(?:GRAPHIC|XML|ZIP|EXCEL|JSON|PDF|EX-101|EX-27|COVER)", re.IGNORECASE)
# Contracts filed as exhibits (EX-1 underwriting, EX-2 merger, EX-3 charter, EX-4 instruments, EX-10
# material contracts): only their opening names the contract ("This LEASE AGREEMENT (this "Lease"), is made as
# of <date> by and between ...", a 2005 8-K); the rest refers to defined terms.
_CONTRACT_TYPES = re.compile(r"^EX-(?:1|2|3|4|10)(?:\b|\.)", re.IGNORECASE)
_CONTRACT_OPENING = 4000
# Past that opening, a contract names the other transaction documents where it states them authorised
# ("The Paying Agent Agreement has been duly authorized by all necessary corporate action", in the form
# of legal opinion annexed to a 2019 underwriting agreement): only those subjects are read there.
_DULY = re.compile(
    r"\b(?:has|have)\s+been\s+duly\s+(?:authori[sz]ed|executed|approved)\b", re.IGNORECASE
)
_DULY_REACH = 200
# A contract whose date is left blank ("made as of this ____ day of", "dated as of ________") is a form,
# not an executed agreement (a 1997 10-K's EX-10 form of indemnification agreement).
_BLANK_DATE = re.compile(
    r"\b(?:[Mm]ade|[Dd]ated|[Ee]ntered\s+into|[Ee]ffective)\s+(?:as\s+of\s+|on\s+)?(?:this\s+|the\s+)?_{2,}"
)
# Cheap test before any parsing of a document.
_HINT = re.compile(
    r"[Aa]greement|AGREEMENT|[Ii]ndenture|INDENTURE|[Ll]ease\b|LEASE|[Aa]mendment|AMENDMENT|"
    r"[Aa]gent\b|[Tt]rustee|[Rr]egistrar|[Dd]epositary"
)


class Agreements(Component):
    """Agreements and amendments in prose and exhibit titles."""

    sections = None

    # Lists and sentences run across paragraph blocks: the documents are read whole in end_filing.

    def end_filing(self, ctx: FilingContext) -> None:
        reg = Registry(ctx, NAME)
        for ex in ctx.state.get("exhibits") or []:
            self._exhibit_title(reg, ex)
        blocks = FilingBlocks(ctx)
        spans = ctx.state.get("exhibit_spans") or {}
        for document in ctx.filing.documents:
            if document.format == "binary" or (document.type and _SKIP_TYPES.match(document.type)):
                continue
            text = document.text
            end = len(text)
            if document.type and _CONTRACT_TYPES.match(document.type):
                end = min(end, _CONTRACT_OPENING)
                if _BLANK_DATE.search(text, 0, end):
                    continue
            if not _HINT.search(text, 0, end):
                continue
            skip = sorted(spans.get(id(document), []))
            self._prose(reg, text, end, document, blocks, skip)
            if end < len(text):
                self._duly(reg, text, end, document, blocks)
        reg.emit()

    # -- exhibit titles ------------------------------------------------------------------------
    def _exhibit_title(self, reg: Registry, ex) -> None:
        title = ex.title
        for f in am.find_other_amendments(title):
            reg.found(f, title, ex.evidence, source="exhibit")
        for f in an.find_agreements(title):
            if f.start > 0 and not f.amendment and f.name.lower() in ("agreement", "contract"):
                continue
            reg.found(f, title, ex.evidence, source="exhibit")

    # -- prose ---------------------------------------------------------------------------------
    def _prose(
        self,
        reg: Registry,
        text: str,
        end: int,
        document,
        blocks: FilingBlocks,
        skip: list[tuple[int, int]],
    ) -> None:
        def ev(s: int, e: int) -> tuple[LazySpan, ...]:
            return (LazySpan(blocks, document, s, e),)

        def listed(pos: int) -> bool:
            return any(s <= pos < e for s, e in skip)

        consumed = -1
        for f in an.find_agreements(text, 0, end):
            start = f.amend_start if f.amend_start is not None else f.start
            if start < consumed or listed(start):
                continue
            if f.name.lower() in ("agreement", "contract"):
                continue
            pos = f.clause_end
            extra = self._amended_by(reg, text, f, pos, ev)
            if extra is not None:
                pos = extra
                date, alias, parties, roles, pos2 = an.read_tail(text, pos, min(600, end - pos))
                if not f.amendment:
                    f.alias = f.alias or alias
                    f.parties = f.parties or parties
                    f.roles = f.roles or roles
                    f.date = f.date or date
                else:
                    f.roles = f.roles + roles
                pos = max(pos, pos2)
                consumed = pos
            f.clause_end = max(f.clause_end, pos)
            reg.found(f, text, ev(start, f.clause_end), source="prose")
        for f in am.find_other_amendments(text, 0, end):
            if not listed(f.amend_start):
                reg.found(f, text, ev(f.amend_start, f.clause_end), source="prose")
        for g in ap.defined_generic(text, 0, end):
            if not listed(g.start):
                reg.generic(g, ev(g.start, g.end))
        for g in ap.dated_generic(text, 0, end):
            if not listed(g.start):
                reg.generic(g, ev(g.start, g.end))
        for g in ap.entered_generic(text, 0, end):
            if not listed(g.start):
                reg.generic(g, ev(g.start, g.end))
        for g in ap.under_generic(text, 0, end):
            if not listed(g.start):
                reg.generic(g, ev(g.start, g.end))
        for m in am.SUCCESSOR.finditer(text, 0, end):
            if not listed(m.start()):
                reg.successor(text, m, ev(_sentence_start(text, m.start()), m.end()))
        for m in am.AUTHORIZED.finditer(text, 0, end):
            reg.authorized(m, ev(m.start(), m.end()))
        for m in am.EXECUTED.finditer(text, 0, end):
            reg.executed(m, ev(_sentence_start(text, m.start()), m.end()))
        amendments, originals = ap.filing_amendments(text, 0, end)
        for fa in amendments:
            if not listed(fa.start):
                reg.filing_amendment(fa, originals, ev(fa.start, fa.end))
        for r in ap.agent_roles(text, 0, end):
            if not listed(r.start):
                reg.agent(r, ev(r.start, r.end))

    def _duly(self, reg: Registry, text: str, start: int, document, blocks: FilingBlocks) -> None:
        """Named agreements that a contract, past its opening, states to be duly authorised or executed."""
        if text.find("duly", start) < 0:
            return
        for m in _DULY.finditer(text, start):
            s0 = max(_sentence_start(text, m.start()), m.start() - _DULY_REACH)
            # The subject: names listed right before the verb ("the A, the B and the C").
            edge = m.start()
            for f in sorted(an.find_agreements(text, s0, m.start()), key=lambda f: -f.start):
                if re.sub(r"\b(?:and|the)\b|[\s,]", "", text[f.end : edge]):
                    break  # the name must be (part of) the verb's subject, not a word before it
                edge = f.start
                if (
                    f.amendment
                    or f.this
                    or f.is_form
                    or f.name.lower() in ("agreement", "contract")
                ):
                    continue
                if _defined_in(text, f.name):
                    continue  # a defined term ("the Base Indenture") stands for a clause not read here
                f.date, f.parties, f.roles, f.alias = None, [], [], None
                reg.found(f, text, (LazySpan(blocks, document, f.start, f.end),), source="prose")

    def _amended_by(self, reg: Registry, text: str, f: an.Found, pos: int, ev) -> int | None:
        """ "..., as previously amended by Amendment No. 1, dated ..., and Amendment No. 2, dated ..." after a name."""
        m = (
            am.AMENDED_BY.match(text, pos)
            or re.compile(r"[\s,]+").match(text, pos)
            and am.AMENDED_BY.match(text, re.compile(r"[\s,]+").match(text, pos).end())
        )
        if not m:
            return None
        p = m.end()
        got = False
        while True:
            n = am.NUMBERED.match(text, p)
            if not n:
                break
            got = True
            reg.listed_amendment(f, n, ev(n.start("amend"), n.end()))
            p = n.end()
        return p if got else None


def _defined_in(text: str, name: str) -> bool:
    """Whether the document defines ``name`` as a term in quotes ((the "Base Indenture"))."""
    return any(f"{q}{name}{e}" in text for q, e in (('"', '"'), ("\u201c", "\u201d")))


def _sentence_start(text: str, pos: int) -> int:
    return am.sentence_before(text, pos)


@Language.factory(NAME, requires=["doc._.ctx", "doc._.document", "doc._.base"], assigns=[])
def make_component(nlp: Language, name: str) -> Component:
    return Agreements(nlp, name)


__all__ = ["Agreements", "Mention"]
