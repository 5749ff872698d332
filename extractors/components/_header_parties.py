"""Who files and who is named: the parties of a filing's header and cover lists.

A mixin of the header component's reader (``header._Reader``): the mentions of
the SGML header's parties, the filer and the issuer by family of form (the
registrant of a report, the first reporting person of a Schedule 13D/13G, the
filing person of a Schedule TO, the reporting owner of a Form 3/4/5), the
aliases "company", "registrant" and "issuer", and the claims about parties
and the lists covers print (reporting persons, other managers of a Form 13F,
the subsidiaries of an EX-21).
"""

from __future__ import annotations

import re

from extractors.claims import Mention
from extractors.components._cover import LABEL_WORDS
from extractors.components._cover_values import jurisdiction
from extractors.components._filers import (
    best_case,
    clean_conformed,
    cover_issuer,
    filing_persons,
    form4_boxes,
    other_managers,
    person_from_conformed,
    reporting_persons,
)
from extractors.components._info_table import table_rows
from extractors.components._lines import segments
from extractors.filing import Party
from extractors.names import display_name, is_org_name, kind_of, org_form, same_org
from extractors.patterns import load

NAME = "secgraph_header_v1"
_FORMS = load("header_forms.json")
_CODES = dict(load("us_states.json")["states"]) | dict(load("us_states.json")["edgar_codes"])


class PartiesMixin:
    """Parties, filer and issuer, and the claims about them (used by ``header._Reader``)."""

    def party_mentions(self) -> list[tuple[int, Party, Mention]]:
        out: list[tuple[int, Party, Mention]] = []
        seen: set[str] = set()
        for i, p in enumerate(self.hdr.parties):
            if not p.name or (p.cik and p.cik in seen):
                continue
            if p.cik:
                seen.add(p.cik)
            person = p.role == "reporting-owner" and not _looks_org(p.name)
            name = (
                person_from_conformed(p.name, self.text)
                if person
                else best_case(clean_conformed(p.name), self.text)
            )
            ids = (("cik", p.cik),) if p.cik else ()
            out.append(
                (
                    i,
                    p,
                    Mention(
                        name, "person" if person else kind_of(name, "company"), identifiers=ids
                    ),
                )
            )
        return out

    def filer_and_issuer(
        self, family: dict, parties: list
    ) -> tuple[Mention | None, Mention | None]:
        fam = family["id"]
        by_role = {p.role: m for _i, p, m in parties}
        if fam == "ownership":
            owner, issuer_f = form4_boxes(self.text, 0, min(len(self.text), 8000))
            filer = by_role.get("reporting-owner")
            if owner and (filer is None or same_org(owner.name, filer.name)):
                filer = Mention(
                    owner.name, "person", identifiers=filer.identifiers if filer else ()
                )
                self.state["owner_box"] = owner
            issuer = by_role.get("subject-company") or by_role.get("filer")
            if issuer_f:
                issuer = Mention(
                    issuer_f.value,
                    kind_of(issuer_f.value, "company"),
                    identifiers=issuer.identifiers if issuer else (),
                )
            return filer, issuer
        issuer = None
        if fam in ("schedule13", "tender"):
            name, cusip = cover_issuer(self.text, *self.cover_span)
            hdr_issuer = by_role.get("subject-company")
            if name:
                shown = best_case(name.value, self.text)
                issuer = Mention(
                    shown,
                    kind_of(shown, "company"),
                    identifiers=hdr_issuer.identifiers
                    if hdr_issuer and same_org(shown, hdr_issuer.name)
                    else (),
                )
                self.state["issuer_field"] = name
            elif hdr_issuer:
                issuer = hdr_issuer
            self.state["cusip"] = cusip
        if fam == "schedule13":
            persons = reporting_persons(self.text)
            self.state["persons"] = persons
            hdr_filer = by_role.get("filed-by")
            if persons:
                first = persons[0]
                ids = (
                    hdr_filer.identifiers if hdr_filer and same_org(first.name, hdr_filer.name) else ()
                )
                return Mention(
                    first.name,
                    "person" if first.person else kind_of(first.name, "company"),
                    identifiers=ids,
                ), issuer
            return hdr_filer, issuer
        if fam == "tender":
            persons = filing_persons(self.text, *self.cover_span)
            self.state["persons"] = persons
            self.state["row_persons"] = reporting_persons(self.text)
            hdr_filer = by_role.get("filed-by")
            if hdr_filer:
                for p in persons:
                    if same_org(p.name, hdr_filer.name):
                        return Mention(
                            p.name, hdr_filer.kind, identifiers=hdr_filer.identifiers
                        ), issuer
                return hdr_filer, issuer
            if persons:
                return Mention(persons[0].name, kind_of(persons[0].name, "company")), issuer
            return None, issuer
        # A registrant: the cover's name, else the header's filer.
        hdr_filer = (
            by_role.get("filer") or by_role.get("filed-by") or by_role.get("subject-company")
        )
        if self.cover.name:
            shown = best_case(self.cover.name.value, self.text)
            ids = hdr_filer.identifiers if hdr_filer else ()
            return Mention(
                shown, kind_of(shown, "company"), identifiers=ids + self._cover_ids()
            ), None
        if hdr_filer:
            return Mention(
                hdr_filer.name,
                hdr_filer.kind,
                identifiers=hdr_filer.identifiers + self._cover_ids(),
            ), None
        return None, None

    def _cover_ids(self) -> tuple[tuple[str, str], ...]:
        ids = []
        if self.cover.ein:
            ids.append(("irs_ein", self.cover.ein.value))
        if self.cover.file_number:
            ids.append(("commission_file_number", self.cover.file_number.value))
        return tuple(ids)

    def register_aliases(self, fam: str, filer: Mention, issuer: Mention | None) -> None:
        aliases = self.ctx.aliases
        if fam in ("schedule13", "tender", "ownership"):
            if issuer is not None:
                for key in ("issuer", "company", "subject company"):
                    aliases.setdefault(key, issuer)
            aliases.setdefault("reporting person", filer)
            aliases.setdefault("filer", filer)
        else:
            for key in ("company", "registrant", "issuer", "corporation"):
                aliases.setdefault(key, filer)

    # -- claims -----------------------------------------------------------------------------

    def emit_parties(self, parties: list, filer: Mention) -> None:
        fam = self.state["family"]
        for i, p, m in parties:
            is_filer = same_org(m.name, filer.name) or (
                m.identifiers and m.identifiers == filer.identifiers[:1]
            )
            who = filer if is_filer else self._known(m)
            if p.cik:
                self.add(
                    "identifier",
                    who,
                    p.cik,
                    self.hev(i, "CENTRAL INDEX KEY"),
                    "header.cik",
                    scheme="cik",
                )
            cover_has = is_filer and fam in ("registrant", "current") and self.main is not None
            if p.irs_number and p.irs_number.strip("0") and not (cover_has and self.cover.ein):
                self.add(
                    "identifier",
                    who,
                    p.irs_number,
                    self.hev(i, "IRS NUMBER"),
                    "header.irs",
                    scheme="irs_ein",
                )
            if (
                p.file_number
                and not (cover_has and self.cover.file_number)
                and not (is_filer and fam != "registrant" and fam != "current")
            ):
                self.add(
                    "identifier",
                    who,
                    p.file_number,
                    self.hev(i, "SEC FILE NUMBER"),
                    "header.file_number",
                    scheme="commission_file_number",
                )
            juris = _CODES.get((p.state_of_incorporation or "").strip().upper())
            if juris and not (cover_has and self.cover.state) and who.kind != "person":
                self.add(
                    "incorporation",
                    who,
                    juris,
                    self.hev(i, "STATE OF INCORPORATION"),
                    "header.state",
                    org_form=org_form(_suffix(who.name)),
                )

    def _known(self, m: Mention) -> Mention:
        for key in ("issuer",):
            other = self.state.get(key)
            if other is not None and (
                same_org(other.name, m.name)
                or (other.identifiers and other.identifiers[:1] == m.identifiers[:1])
            ):
                return other
        return m

    def emit_lists(self, fam: str, filer: Mention, issuer: Mention | None) -> None:
        if self.main is None:
            return
        cusip = self.state.get("cusip")
        if issuer is not None and cusip:
            self.add(
                "identifier", issuer, cusip.value, self.ev(cusip), "cover.cusip", scheme="cusip"
            )
        persons = self.state.get("persons") or []
        group = _FORMS["group_names"].get(fam)
        mentions = []
        for p in persons:
            m = (
                filer
                if same_org(p.name, filer.name)
                else Mention(p.name, "person" if p.person else kind_of(p.name, "company"))
            )
            mentions.append(m)
            if p.jurisdiction and not p.person:
                self.add(
                    "incorporation",
                    m,
                    p.jurisdiction.value,
                    self.ev(p.jurisdiction),
                    "cover.row6",
                    org_form=org_form(_suffix(p.name)),
                )
            if group and len(persons) > 1:
                self.add(
                    "member",
                    m,
                    Mention(group, "group"),
                    self.ev((p.start, p.end)),
                    f"cover.{fam}.member",
                )
        self.state["persons"] = mentions
        for p in self.state.get("row_persons") or []:
            if p.jurisdiction and not p.person:
                m = next((x for x in mentions if same_org(x.name, p.name)), None) or Mention(
                    p.name, kind_of(p.name, "company")
                )
                self.add(
                    "incorporation",
                    m,
                    p.jurisdiction.value,
                    self.ev(p.jurisdiction),
                    "cover.row6",
                    org_form=org_form(_suffix(p.name)),
                )
        owner = self.state.get("owner_box")
        if owner is not None and owner.address is not None:
            self.add(
                "address",
                filer,
                owner.address.value,
                self.ev(owner.address),
                "cover.form4.address",
                **owner.address.extra,
            )
        if not self.form_is_13f():
            return
        for mgr in other_managers(self.text, 0, len(self.text)):
            fn = mgr.file_number
            who = Mention(
                mgr.name,
                "person" if mgr.person else kind_of(mgr.name, "company"),
                identifiers=() if mgr.person else (("commission_file_number", fn.value),),
            )
            self.add(
                "identifier",
                who,
                fn.value,
                self.ev((min(fn.start, mgr.start), max(fn.end, mgr.end))),
                "cover.13f.managers",
                scheme="commission_file_number",
            )
        self.emit_cusips()

    def emit_cusips(self) -> None:
        """The CUSIP of each issuer in a Form 13F information table (13f_loews_2001.txt)."""
        for doc in self.filing.documents:
            if doc.format == "binary":
                continue
            for row in table_rows(doc.text):
                name = display_name(row.name)
                who = Mention(name, kind_of(name, "company"), identifiers=(("cusip", row.cusip),))
                ev = self.ctx.document_evidence(doc, row.start, row.end)
                self.add("identifier", who, row.cusip, ev, "13f.table.cusip", scheme="cusip")

    def emit_subsidiaries(self) -> None:
        """A subsidiaries exhibit (EX-21): one line per subsidiary, its jurisdiction in the last column."""
        for doc in self.filing.documents:
            if doc.format == "binary" or not (doc.type or "").upper().startswith("EX-21"):
                continue
            for row in segments(doc.text, 0, min(len(doc.text), 60000)):
                if len(row) < 2:
                    continue
                juris = jurisdiction(row[-1].text)
                name = " ".join(s.text for s in row[:-1])
                if juris and _listed_entity(name) and not LABEL_WORDS.search(name):
                    mention = Mention(name, kind_of(name, "company"))
                    ev = self.ctx.document_evidence(doc, row[0].start, row[-1].end, "Exhibit 21")
                    self.ctx.add("incorporation", mention, juris, ev, NAME, "ex21.row")

    def form_is_13f(self) -> bool:
        return (self.state.get("form") or "").startswith("13F")


# A subsidiary listed in an EX-21 table whose legal form is not one of ours ("Example France
# S.A.R.L.", 10k_apple_1994.txt): capitalised words ending in a dotted abbreviation.
_FOREIGN_FORM = re.compile(r"^[A-Z][\w&'.,()\- ]*\s(?:[A-Za-z]{1,4}\.){2,5}$")


def _listed_entity(name: str) -> bool:
    return is_org_name(name) or bool(_FOREIGN_FORM.match(name.strip()))


def _looks_org(name: str) -> bool:
    return kind_of(clean_conformed(name), "") != ""


def _suffix(name: str) -> str:
    """The last word of a name (``Example Widgets Corporation`` → ``Corporation``) for its organisation form."""
    words = re.findall(r"[A-Za-z.]+", name)
    tail = " ".join(words[-3:]) if words else ""
    return (
        tail
        if re.search(r"(?i)limited\s+partnership|limited\s+liability\s+company", tail)
        else (words[-1] if words else "")
    )
