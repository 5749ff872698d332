"""What one filing says about its agreements, amendments and agents, merged before claims are made.

Several sentences (and exhibit titles) name the same agreement or amendment;
the registry keeps one record each and decides at the end what an ambiguous
date belongs to: in "Amendment No. 3 to the Rights Agreement dated as of
<date>" the date is the Rights Agreement's when that agreement is
known to bear it, else the amendment's own.
"""

from __future__ import annotations

import re
from collections import Counter

from extractors.claims import Mention
from extractors.components import _agreement_names as an
from extractors.components import _agreement_prose as ap
from extractors.components import _amendment_phrases as am
from extractors.components._agreement_records import (
    AgreementRec,
    AmendmentRec,
    RoleRec,
    compatible,
    filer_of,
    norm,
    overlap,
    person_like,
    pkey,
)
from extractors.components._blocks import resolve
from extractors.names import display_name, kind_of
from extractors.parse import DATE_RE, ORDINAL_WORDS, date_from_match
from extractors.pipeline import FilingContext

_SELF = re.compile(r"^(?:the\s+)?(?:Company|Registrant|Corporation|Issuer)$", re.IGNORECASE)
_GENERIC_WHO = re.compile(
    r"^(?:the\s+)?(?:Trustee|Rights\s+Agent|Agent|Depositary|Paying\s+Agent|Registrar|Company|Bank)$",
    re.IGNORECASE,
)


_HONORIFIC = re.compile(r"^(?:Mr|Mrs|Ms|Dr)\.?\s+[A-Z]")
# Two to four capitalised words: a person's name when the agreement is made with a person.
_PERSON_WORDS = re.compile(r"^[A-Z][\w.'\-]*(?:\s+[A-Z][\w.'\-]*){1,3}$")


class Registry:
    """Agreements, amendments and agent roles of one filing."""

    def __init__(self, ctx: FilingContext, component: str) -> None:
        self.ctx, self.component = ctx, component
        self.agreements: list[AgreementRec] = []
        self.amendments: list[AmendmentRec] = []
        self.roles: dict[tuple[str, str, str], RoleRec] = {}
        self.aliases: dict[str, str] = {}  # normalised defined term -> agreement key
        self.filer = filer_of(ctx)

    # -- names -----------------------------------------------------------------------------------
    def party(self, text: str, personal: bool = False) -> Mention | None:
        """A party as a mention; ``personal``: of an agreement made with a person ("employment agreement")."""
        text = an.fold(text).strip(" ,")
        if _SELF.match(text):
            got = self.ctx.resolve(text)
            return got if got is not None and got.kind not in ("agreement", "group") else self.filer
        got = self.ctx.resolve(text)
        if got is not None and got.kind not in ("agreement", "security", "filing", "document"):
            return got
        if _GENERIC_WHO.match(text) or not re.search(r"[A-Za-z]{2}", text):
            return None
        name = display_name(text) if text.isupper() else text
        if _HONORIFIC.match(name):  # "Mr. Smith", "Ms. Roe"
            return Mention(name, "person")
        guess = (
            "person"
            if person_like(name) or (personal and _PERSON_WORDS.match(name))
            else "organization"
        )
        return Mention(name, kind_of(name, guess))

    def _base(self, name: str) -> tuple[str, str]:
        key = norm(name)
        target = self.aliases.get(key)
        if target:
            rec = next((a for a in self.agreements if a.key == target), None)
            if rec:
                return rec.name, rec.key
        return name, key

    # -- agreements ------------------------------------------------------------------------------
    def found(self, f: an.Found, text: str, evidence, source: str) -> None:
        evidence = tuple(evidence)
        if not evidence:
            return
        parties = [p for p in (self.party(x) for x in f.parties) if p is not None]
        if f.amendment:
            base, key = self._base(f.name)
            kind = (
                "filing"
                if re.match(r"(?:Form|Schedule)\s", base)
                else f.kind
                if f.kind in ("charter", "document")
                else "agreement"
            )
            rec = self.amendment(base, key, f.number, f.amendment, evidence, kind)
            rec.parties.extend(p.name for p in parties if p.name not in rec.parties)
            if f.date:
                (rec.ambiguous if f.date_ambiguous else rec.unambiguous).append(f.date)
            for party, role, succ in f.roles:
                self._role(party, role, parties, key, evidence, succ, rec)
            return
        if f.is_form:
            return
        rec = self.agreement(f.name, f.date, parties, f.kind, evidence, source)
        if (
            source == "prose"
            and len(f.name.split()) >= 2
            and not f.this
            and not f.name.lower().endswith("s")
        ):
            rec.named = True
        if f.alias and norm(f.alias) != rec.key:
            self.aliases.setdefault(norm(f.alias), rec.key)
        for party, role, succ in f.roles:
            self._role(party, role, parties, rec.key, evidence, succ, None)

    def agreement(
        self,
        name: str,
        date: str | None,
        parties: list[Mention],
        kind: str,
        evidence,
        source: str,
        alias_ok: bool = True,
    ) -> AgreementRec:
        name, key = self._base(name) if alias_ok else (name, norm(name))
        names = [p.name for p in parties]
        same = [a for a in self.agreements if a.key == key]
        rec = next((a for a in same if a.date == date and date is not None), None)
        if rec is None:
            if date is None:  # an undated mention of the one dated agreement of that name
                dated = [a for a in same if a.date and overlap(a.parties, names)]
                rec = (
                    dated[0] if len(dated) == 1 and len([a for a in same if a.date]) == 1 else None
                )
            else:  # a date for the one undated agreement of that name
                undated = [a for a in same if a.date is None and overlap(a.parties, names)]
                rec = undated[0] if len(undated) == 1 else None
            if rec is None:
                fits = [
                    a
                    for a in same
                    if a.date is None and date is None and compatible(a.parties, names)
                ]
                rec = fits[0] if len(fits) == 1 else None
        if rec is None:
            rec = AgreementRec(name, key, date, names, kind, list(evidence), source, list(parties))
            self.agreements.append(rec)
            return rec
        rec.date = rec.date or date
        for p in parties:
            if p.name not in rec.parties:
                rec.parties.append(p.name)
                rec.mentions.append(p)
        rec.evidence.extend(e for e in evidence if e not in rec.evidence)
        return rec

    def generic(self, g: ap.Generic, evidence) -> None:
        evidence = tuple(evidence)
        if not evidence:
            return
        personal = an.kind_of_agreement(g.alias or g.name) in an.PERSONAL_KINDS
        parties = [p for p in (self.party(x, personal) for x in g.parties) if p is not None]
        if g.plural and len(parties) > 1:
            for (
                p
            ) in parties:  # one agreement per counterparty ("employment agreements with A and B")
                self._new(g.name, g.date, [p], evidence, "entered-generic")
            return
        if g.alias:
            rec = self.agreement(
                g.alias, g.date, parties, an.kind_of_agreement(g.alias), evidence, "defined-generic"
            )
        elif g.date:
            rec = self.agreement(
                g.name, g.date, parties, an.kind_of_agreement(g.name), evidence, "dated-generic"
            )
        elif g.standing:
            rec = self._new(g.name, g.date, parties, evidence, "under-generic")
            rec.named = True
        else:
            rec = self._new(g.name, g.date, parties, evidence, "entered-generic")
        for party, role, succ in g.roles:
            self._role(party, role, parties, rec.key, evidence, succ, None)

    def _new(self, name, date, parties, evidence, source) -> AgreementRec:
        names = [p.name for p in parties]
        for a in self.agreements:
            if a.key == norm(name) and a.date == date and set(a.parties) == set(names):
                a.evidence.extend(e for e in evidence if e not in a.evidence)
                return a
        rec = AgreementRec(
            name,
            norm(name),
            date,
            names,
            an.kind_of_agreement(name),
            list(evidence),
            source,
            list(parties),
        )
        self.agreements.append(rec)
        return rec

    # -- amendments ------------------------------------------------------------------------------
    def amendment(
        self,
        base: str,
        key: str,
        number: int | None,
        name: str | None,
        evidence,
        kind: str,
        date_key: str | None = None,
    ) -> AmendmentRec:
        for rec in self.amendments:
            if (
                rec.base_key == key
                and rec.number == number
                and (number is not None or rec.name == name)
            ):
                if (
                    name
                    and (not rec.name or len(name) > len(rec.name))
                    and rec.name
                    and name.lower().startswith(rec.name.lower()[:9])
                ):
                    rec.name = name
                rec.evidence.extend(e for e in evidence if e not in rec.evidence)
                return rec
        rec = AmendmentRec(base, key, number, name, kind, list(evidence))
        self.amendments.append(rec)
        return rec

    def listed_amendment(self, f: an.Found, n: re.Match, evidence) -> None:
        """An amendment listed after an agreement ("as previously amended by Amendment No. 1, dated ...")."""
        base, key = self._base(f.name)
        if n.group("num"):
            number = int(n.group("num"))
        elif n.group("ord"):
            number = ORDINAL_WORDS.get(n.group("ord").lower())
        else:
            number = None
        written = an.fold(n.group("amend"))
        name = (
            f"Amendment No. {number} to the {base}"
            if re.match(r"Amendment\s+No", written, re.IGNORECASE)
            else written
        )
        rec = self.amendment(base, key, number, name, tuple(evidence), "agreement")
        if (
            not f.amendment and f.date
        ):  # "an Indenture, dated as of April 1, 1991, as supplemented by ..."
            rec.amended_date = rec.amended_date or f.date
        if n.group("date"):
            d = DATE_RE.match(n.group("date"))
            iso = date_from_match(d) if d else None
            if iso:
                rec.unambiguous.append(iso)

    def _by_ref(self, ref: str) -> AmendmentRec | None:
        number = am.ref_number(ref)
        if number is None:
            return None
        cands = [a for a in self.amendments if a.number == number and a.kind != "filing"]
        if not cands:
            return None
        for a in cands:
            if a.base.lower() in ref.lower():
                return a
        return cands[-1]

    def authorized(self, m: re.Match, evidence) -> None:
        rec = self._by_ref(m.group("ref"))
        d = DATE_RE.match(m.group("date"))
        if rec and d and rec.authorized is None:
            rec.authorized = date_from_match(d)
            rec.evidence.extend(e for e in evidence if e not in rec.evidence)

    def executed(self, m: re.Match, evidence) -> None:
        rec = self._by_ref(m.group("ref"))
        d = DATE_RE.match(m.group("date"))
        if rec and d and rec.executed is None:
            rec.executed = date_from_match(d)
            rec.evidence.extend(e for e in evidence if e not in rec.evidence)

    def filing_amendment(self, fa: ap.FilingAmendment, originals: dict[str, str], evidence) -> None:
        evidence = tuple(evidence)
        if not evidence:
            return
        for c in self.ctx.claims:  # the filing's own amendment is the header component's
            if (
                c.kind == "amends"
                and isinstance(c.object, Mention)
                and norm(c.object.name) == norm(fa.amended)
                and c.q("number") == fa.number
            ):
                return
        rec = self.amendment(fa.amended, norm(fa.amended), fa.number, fa.name, evidence, "filing")
        rec.pattern = "filing-amendment"
        if fa.date:
            rec.unambiguous.append(fa.date)
        rec.amended_date = rec.amended_date or originals.get(fa.amended)

    # -- roles -----------------------------------------------------------------------------------
    def _role(
        self,
        party_text: str,
        role: str,
        parties: list[Mention],
        agreement_key: str | None,
        evidence,
        succ: str = "",
        amendment: AmendmentRec | None = None,
        pattern: str = "as-agent",
    ) -> RoleRec | None:
        who = self.party(party_text)
        if who is None or self.filer is None:
            return None
        org = self.filer
        others = [p for p in parties if pkey(p.name) != pkey(who.name)]
        if others and not any(
            pkey(p.name) == pkey(self.filer.name) or p is self.filer for p in others
        ):
            org = others[0]
        if pkey(who.name) == pkey(org.name):
            return None
        key = (norm(who.name), role, norm(org.name))
        rec = self.roles.get(key)
        if rec is None:
            rec = self.roles[key] = RoleRec(
                who, role, org, agreement_key, list(evidence), pattern=pattern
            )
        else:
            rec.evidence.extend(e for e in evidence if e not in rec.evidence)
        if succ == "successor" and amendment is not None:
            rec.since_of = rec.since_of or amendment
        elif succ == "resigning" and amendment is not None:
            rec.until_of = rec.until_of or amendment
        return rec

    def successor(self, text: str, m: re.Match, evidence) -> None:
        rec = self._by_ref(text[am.sentence_before(text, m.start()) : m.start()])
        role = an.role_label(m.group("role"))
        if rec is None or not role:
            return
        self._role(
            m.group("party"),
            role,
            [],
            rec.base_key,
            tuple(evidence),
            "successor",
            rec,
            "successor-agent",
        )

    def agent(self, r: ap.AgentRole, evidence) -> None:
        evidence = tuple(evidence)
        if not evidence:
            return
        for role in r.roles:
            self._role(r.who, role, [], None, evidence, pattern="serves-as")

    # -- claims ----------------------------------------------------------------------------------
    def _counterparties(self, names: list[str]) -> set[str]:
        me = pkey(self.filer.name) if self.filer else None
        return {pkey(n) for n in names} - {me, "company", "registrant"}

    def _date_of(self, rec: AmendmentRec) -> tuple[str | None, str | None]:
        bases = [a for a in self.agreements if a.key == rec.base_key and a.date]
        if (
            len({a.date for a in bases}) > 1
        ):  # several agreements of that name: the amendment's counterparties tell
            mine = self._counterparties(rec.parties)
            bases = [a for a in bases if mine & self._counterparties(a.parties)]
        base_dates = {a.date for a in bases}
        own = [d for d in rec.ambiguous if d not in base_dates]
        base = [d for d in rec.ambiguous if d in base_dates]
        date = rec.unambiguous[0] if rec.unambiguous else own[0] if own else rec.executed
        amended = rec.amended_date or (base[0] if base else None)
        if amended is None and len(base_dates) == 1:
            amended = next(iter(base_dates))
        if amended == date:
            amended = None
        return date, amended

    def _merge_aliases(self) -> None:
        """A defined term used as a name ("the Lease") is the agreement it was defined for."""
        for rec in list(self.agreements):
            target_key = self.aliases.get(rec.key)
            if not target_key or target_key == rec.key:
                continue
            targets = [a for a in self.agreements if a.key == target_key and a is not rec]
            dated = [a for a in targets if a.date]
            target = dated[0] if len(dated) == 1 else targets[0] if len(targets) == 1 else None
            if target is None or (rec.date and target.date and rec.date != target.date):
                continue
            target.date = target.date or rec.date
            for p in rec.mentions:
                if p.name not in target.parties:
                    target.parties.append(p.name)
                    target.mentions.append(p)
            target.evidence.extend(e for e in rec.evidence if e not in target.evidence)
            self.agreements.remove(rec)

    def emit(self) -> None:
        ctx, name = self.ctx, self.component
        self._merge_aliases()
        shown = [a for a in self.agreements if a.date or a.parties or a.named]
        same = Counter((a.key, a.date) for a in shown)
        for a in shown:
            first = a.mentions[0] if a.mentions else None
            evidence = resolve(a.evidence)
            if not evidence:
                continue
            # Namesakes ("employment agreements with A and with B", two undated "Asset Acquisition
            # Agreements" with different sellers) are different contracts: their parties tell them apart.
            attrs = (("parties", tuple(a.parties)),) if same[(a.key, a.date)] > 1 else ()
            ctx.add(
                "agreement",
                Mention(a.name, "agreement", attrs=attrs),
                first,
                evidence,
                name,
                a.source,
                date=a.date,
                parties=tuple(a.parties) or None,
                agreement_kind=a.kind,
            )
        for rec in self.amendments:
            date, amended = self._date_of(rec)
            if rec.number is None and date is None:
                continue
            title = rec.name or (
                f"Amendment No. {rec.number} to the {rec.base}" if rec.number else None
            )
            if not title:
                continue
            evidence = resolve(rec.evidence)
            if not evidence:
                continue
            ctx.add(
                "amends",
                Mention(title, "filing" if rec.kind == "filing" else "agreement"),
                Mention(rec.base, rec.kind),
                evidence,
                name,
                rec.pattern,
                number=rec.number,
                date=date,
                amended_date=amended,
                authorized=rec.authorized,
                executed=rec.executed,
                parties=tuple(rec.parties) or None,
            )
        successors = [r for r in self.roles.values() if r.since_of is not None]
        for r in self.roles.values():
            since = self._date_of(r.since_of)[0] if r.since_of else None
            until = self._date_of(r.until_of)[0] if r.until_of else None
            if until is None and r.since_of is None:
                for s in successors:
                    if (
                        s.role == r.role
                        and s.agreement_key
                        and s.agreement_key == r.agreement_key
                        and norm(s.party.name) != norm(r.party.name)
                    ):
                        until = self._date_of(s.since_of)[0]
            evidence = resolve(r.evidence)
            if evidence:
                ctx.add(
                    "role",
                    r.party,
                    r.org,
                    evidence,
                    name,
                    r.pattern,
                    role=r.role,
                    since=since,
                    until=until,
                )
