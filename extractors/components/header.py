"""Component 1: the SGML header and the cover page.

Reads, before any other component looks at the filing, who files it and
what it is: the form, the date, the amendment number, the Items reported,
the registrant's name, state of incorporation and organisation form, IRS
employer number, commission file number, CIK and address, the classes a
registration statement registers, and for Schedules 13D/13G, Schedule TO and
Forms 3/4/5 the filing persons and the issuer. It sets ``ctx.filer``,
registers the aliases "company", "registrant" and "issuer", and leaves what
it found in ``ctx.state["header"]`` (and the issuer in ``ctx.state["issuer"]``)
for the components after it.

Cover values are preferred to header values (they are what the filing
prints: ``58-1592285``, ``000-23741``, ``Georgia``); the header gives the CIK
and whatever the cover lacks. The filing's date is the period of report (the
header's, else the period the cover says a 10-K/10-Q covers), the date of
report or event, else the signature date (a letter's date); the filing date
only when none is printed. A Form 13F's information table gives the CUSIP of
each issuer it lists.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language

from extractors.claims import Evidence, Mention
from extractors.components._cover import Cover, Field, read_cover
from extractors.components._filers import clean_conformed
from extractors.components._header_parties import PartiesMixin, _suffix
from extractors.components._sgml_spans import HeaderSpans, header_spans
from extractors.components._sigblock import parse_block
from extractors.components.base import Component
from extractors.components.signatures import signature_regions
from extractors.filing import Document
from extractors.names import org_form, org_key
from extractors.parse import DATE_RE, date_from_match
from extractors.patterns import load
from extractors.pipeline import FilingContext

NAME = "secgraph_header_v1"
_FORMS = load("header_forms.json")
_ITEMS = load("header_items.json")
_CODES = dict(load("us_states.json")["states"]) | dict(load("us_states.json")["edgar_codes"])
# "Items 1 through 4, 6 and 8 Not Applicable" and "Item 3. Not applicable." (8k_apple_1999.txt).
_NOT_APPLICABLE = re.compile(r"\bnot\s+applicable\b|\bnone\b\.?\s*$", re.IGNORECASE)


class Header(Component):
    """Reads the header and cover page in ``begin_filing``; block Docs are not needed."""

    sections = frozenset()

    def process(self, doc, ctx: FilingContext) -> None:  # pragma: no cover - reads no blocks
        return None

    def begin_filing(self, ctx: FilingContext) -> None:
        _Reader(ctx).run()


class _Reader(PartiesMixin):
    """One filing's header and cover, read once."""

    def __init__(self, ctx: FilingContext) -> None:
        self.ctx = ctx
        self.filing = ctx.filing
        self.hdr = ctx.filing.header
        self.spans: HeaderSpans = header_spans(ctx.filing)
        self.main: Document | None = ctx.filing.main
        self.text = self.main.text if self.main else ""
        sec = self.main.section("cover") if self.main else None
        if sec is None and self.main and self.main.sections:
            sec = self.main.sections[0]
        self.cover_span = (sec.start, sec.end) if sec else (0, min(len(self.text), 12000))
        self.cover_label = sec.label if sec else None
        self.cover: Cover = Cover()
        self.state: dict[str, Any] = {}
        self.done: set[tuple] = set()

    # -- evidence ---------------------------------------------------------------------------
    def ev(self, fld: Field | tuple[int, int]) -> Evidence:
        s, e = (fld.start, fld.end) if isinstance(fld, Field) else fld
        return self.ctx.document_evidence(self.main, s, e, self.cover_label)

    def hev(self, party: int | None, key: str) -> Evidence | None:
        """Evidence for a header value of a party (or of the filing when party is None)."""
        if party is None:
            recs = self.spans.filing.get(key)
            rec = recs[0] if recs else None
        else:
            rec = self.spans.parties[party].get(key) if party < len(self.spans.parties) else None
        return self.ctx.source_evidence(rec[1], rec[2], "header") if rec else None

    def add(
        self, kind: str, subject: Mention, obj: Any, ev: Evidence | None, pattern: str, **q: Any
    ) -> None:
        if ev is None or ev.end <= ev.start:
            return
        if kind in ("incorporation", "identifier", "member"):
            key = (
                kind,
                org_key(subject.name),
                str(obj.name if isinstance(obj, Mention) else obj).lower(),
                q.get("scheme"),
            )
            if key in self.done:
                return
            self.done.add(key)
        self.ctx.add(kind, subject, obj, ev, NAME, pattern, **q)

    # -- the filing ---------------------------------------------------------------------------
    def run(self) -> None:
        if self.main is None and not self.hdr.dialect:
            return
        form = self.form()
        family = _family(form or "")
        known = self.hdr.filer.name if self.hdr.filer else None
        if self.main is not None:
            self.cover = read_cover(
                self.text, *self.cover_span, clean_conformed(known) if known else None
            )
        if form is None and self.cover.form:
            form = self.cover_form()
            family = _family(form or "")
        self.state.update(form=form, family=family["id"])
        parties = self.party_mentions()
        filer, issuer = self.filer_and_issuer(family, parties)
        if filer is None:
            return
        self.ctx.filer = filer
        self.register_aliases(family["id"], filer, issuer)
        self.state.update(filer=filer, issuer=issuer, parties=parties)
        self.ctx.state["header"] = self.state
        if issuer is not None:
            self.ctx.state["issuer"] = issuer
        self.emit_filing(form, family, filer)
        self.emit_registrant(family["id"], filer)
        self.emit_parties(parties, filer)
        self.emit_lists(family["id"], filer, issuer)
        self.emit_subsidiaries()

    def form(self) -> str | None:
        if self.hdr.form_type:
            return self.hdr.form_type.strip().upper()
        if self.main is not None and self.main.type:
            t = self.main.type.strip().upper()
            if not t.startswith(tuple(_FORMS["no_filing_fact"])):
                return t
        return None

    def cover_form(self) -> str | None:
        f = self.cover.form
        title = f.extra["title"].upper()
        form = _FORMS["cover_forms"].get(title, f.value if title.startswith("FORM") else None)
        if (
            form
            and self.cover.amendment
            and not form.endswith("/A")
            and title.startswith("SCHEDULE")
        ):
            form += "/A"
        return form

    def type_tag(self) -> Evidence | None:
        """The main document's ``<TYPE>`` value in the source (a document saved without its header)."""
        start = self.main.source_span[0]
        src = self.filing.source
        m = None
        for m in re.finditer(
            r"<TYPE>[ \t]*([^\n<]+?)[ \t]*(?:\n|<)", src[max(0, start - 2000) : start]
        ):
            pass
        if m is None:
            return None
        base = max(0, start - 2000)
        return self.ctx.source_evidence(base + m.start(1), base + m.end(1), "header")

    def date(self) -> str | None:
        """The period of report, the cover's date of report (or event, or period covered), else
        the signature date (a letter's date); the filing date only when none is printed."""
        if self.hdr.period_of_report:
            return self.hdr.period_of_report
        if self.cover.date:
            return self.cover.date.value
        return self.signature_date() or self.hdr.filed_date

    def period(self) -> str | None:
        """The period of report: the header's, else the period the cover says the report covers."""
        if self.hdr.period_of_report:
            return self.hdr.period_of_report
        if self.cover.date and self.cover.date.extra.get("period"):
            return self.cover.date.value
        return None

    def signature_date(self) -> str | None:
        """The date of the main document's signatures (a filing without a report date).

        The first date of its signature section; without one, the date of the first conformed
        signature that states one (a letter's "By: /s/" block dated by its letterhead,
        corresp_alltel_2005.txt).
        """
        if self.main is None:
            return None
        if "sig_date" in self.state:
            return self.state["sig_date"]
        found = None
        sec = self.main.section("signature")
        if sec is not None:
            for m in DATE_RE.finditer(self.text, sec.start, min(sec.end, sec.start + 3000)):
                found = date_from_match(m)
                if found:
                    break
        else:
            for start, end, _label in signature_regions(self.main):
                found = next((s.date for s in parse_block(self.text, start, end) if s.date), None)
                if found:
                    break
        self.state["sig_date"] = found
        return found

    def items(self) -> tuple[str, ...] | None:
        got: list[str] = []
        filed = self.hdr.filed_date or self.date() or "9999"
        table = _ITEMS["before"] if filed < _ITEMS["switch"] else _ITEMS["after"]
        for raw in self.hdr.items:
            v = " ".join(raw.split()).strip(" .")
            if re.fullmatch(r"\d{1,2}(?:\.\d{2})?", v):
                got.append(v)
            elif v.lower() in table:
                got.append(table[v.lower()])
        if not got and self.main is not None:
            for sec in self.main.sections:
                if sec.kind == "item" and sec.number:
                    body = self.text[sec.start : sec.end]
                    head = body.split("\n", 1)[0]
                    rest = body[len(head) :].strip()
                    if (
                        _NOT_APPLICABLE.search(head)
                        or (not rest and len(head) < 90)
                        or _NOT_APPLICABLE.match(rest[:40] or "x")
                    ):
                        continue
                    got.append(sec.number)
        uniq = sorted(
            set(got),
            key=lambda n: (
                tuple(float(x) for x in n.split(".")) if n.replace(".", "").isdigit() else (999,)
            ),
        )
        return tuple(uniq) or None

    # -- who --------------------------------------------------------------------------------
    def emit_filing(self, form: str | None, family: dict, filer: Mention) -> None:
        if not form:
            return
        subject = Mention(self.ctx.doc_id, "filing")
        ev = (
            self.ev(self.cover.form)
            if self.cover.form and self.main
            else self.hev(None, "CONFORMED SUBMISSION TYPE")
        )
        if ev is None and self.hdr.span:
            ev = self.hev(None, "TYPE")
        if ev is None and self.main is not None:
            ev = self.type_tag()
        amendment = (
            int(self.cover.amendment.value)
            if self.cover.amendment and form.endswith("/A")
            else None
        )
        date = self.date()
        self.add(
            "filing",
            subject,
            filer,
            ev,
            "cover.form" if self.cover.form else "header.form",
            form=form,
            date=date,
            amendment_no=amendment,
            period=self.period(),
            items=self.items() if family["items"] else None,
            filed=self.hdr.filed_date,
        )
        self.state["date"] = date
        if amendment and self.cover.amendment:
            printed = self.cover.form.extra["title"] if self.cover.form else None
            amended = amended_name(printed, form)
            when = self.hdr.filed_date or self.signature_date() or date
            self.add(
                "amends",
                Mention(
                    f"{printed or amended} Amendment No. {amendment}",
                    "filing",
                    attrs=(("doc", self.ctx.doc_id),),
                ),
                Mention(amended, "filing"),
                self.ev(self.cover.amendment),
                "cover.amendment",
                number=amendment,
                date=when,
            )
        if self.cover.amends_13d and self.main:
            # A Schedule TO that is also an amendment to a Schedule 13D (box checked on its cover,
            # sctota_cvr_icahn_2025.txt): its own amendment, whose number the cover does not state.
            when = self.hdr.filed_date or self.signature_date() or date
            self.add(
                "amends",
                Mention(
                    "amendment to Schedule 13D",
                    "filing",
                    attrs=(("form", "SC 13D/A"), ("date", when))
                    if when
                    else (("form", "SC 13D/A"),),
                ),
                Mention("Schedule 13D", "filing"),
                self.ev(self.cover.amends_13d),
                "cover.amends_13d",
                date=when,
            )
        for reg in self.cover.registers:
            self.add(
                "registers",
                subject,
                Mention(reg.value, "security"),
                self.ev(reg),
                "cover.registers",
                section=reg.extra.get("section"),
            )

    def emit_registrant(self, fam: str, filer: Mention) -> None:
        if fam not in ("registrant", "current") or self.main is None:
            return
        c = self.cover
        if c.ein:
            self.add(
                "identifier", filer, c.ein.value, self.ev(c.ein), "cover.ein", scheme="irs_ein"
            )
        if c.file_number:
            self.add(
                "identifier",
                filer,
                c.file_number.value,
                self.ev(c.file_number),
                "cover.file_number",
                scheme="commission_file_number",
            )
        if c.state:
            form = c.state.extra.get("org_form") or org_form(_suffix(filer.name))
            self.add(
                "incorporation",
                filer,
                c.state.value,
                self.ev(c.state),
                "cover.state",
                org_form=form.lower() if form else None,
            )
        if c.address:
            self.add(
                "address",
                filer,
                c.address.value,
                self.ev(c.address),
                "cover.address",
                **c.address.extra,
            )


def amended_name(printed: str | None, form: str | None) -> str:
    """The name of the form an amendment amends, as the form calls itself.

    The cover's printed title without "/A" ("Form 8-A/A" → "Form 8-A"); an EDGAR submission
    type ("13F-HR/A", "SC 13D/A", "SC TO-T/A", "8-A12G/A") goes through the lexicon of form
    names (header_forms.json "form_names") when no title is printed, and so does a printed
    title that is a submission type ("FORM 13F-HR/A", 13f_loews_2001.txt).
    """
    names = _FORMS["form_names"]
    if printed:
        word, _, code = printed.partition(" ")
        code = re.sub(r"/A$", "", code.strip(), flags=re.IGNORECASE).upper()
        return names.get(code) or f"{word} {code}"
    code = re.sub(r"/A$", "", (form or "").strip(), flags=re.IGNORECASE).upper()
    return names.get(code) or f"Form {code}"


def _family(form: str) -> dict:
    f = form.upper()
    for fam in _FORMS["families"]:
        if f in fam.get("forms", ()) or any(f.startswith(p) for p in fam.get("prefixes", ())):
            return fam
    return _FORMS["families"][-1]


@Language.factory(NAME)
def make_component(nlp: Language, name: str) -> Component:
    return Header(nlp, name)
