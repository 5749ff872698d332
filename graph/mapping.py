"""Claims to quads: one named graph per filing, n-ary fact nodes with provenance.

Each claim becomes a node of its own (a holding, a role, a signature, an
amendment, an ownership limit, an exhibit, an event, an identifier, an
address; a reified statement for incorporation, membership and registration)
carrying ``prov:wasDerivedFrom`` and ``sg:statedIn`` the filing, ``sg:hasEvidence``
(Web Annotation selectors), ``sg:reportedDate`` (the filing's date: the second
time axis) and its effective/as-of dates. Shortcut triples (``owns``,
``amends``, ``signedBy``, ``isGeneralPartnerOf``, ``isRightsAgentOf``...) sit beside.
The graph itself is described with PROV: source file, accession number, filing
date and the extraction run (secgraph version, time).

What each claim kind is expected to carry (subject / object / qualifiers):

=================  ===================  ======================  ===========================
kind               subject              object                  qualifiers
=================  ===================  ======================  ===========================
filing             the filing           registrant mention      form date amendment_no
                                                                period items
identifier         entity               value (str)             scheme
incorporation      entity               jurisdiction (str)      org_form
address            entity               text (str)              street city region postal_code
role               holder               organisation            role since until
signed             the filing           signer                  date title on_behalf_of doc
agreement          agreement            first party             date parties kind
amends             amendment            amended                 number date amended_date
owns               owner                issuer                  security_class shares percent
                                                                as_of outstanding check
ownership_limit    holder               issuer                  percent effect agreement
                                                                replaces security_class
member             member               group
exhibit            the filing           exhibit (or title)      number title source_form
                                                                source_number source_filed
                                                                source_exhibit source_amendment_no
registers          the filing           class (mention or str)  section
event              the filing           subject (str/mention)   type date
=================  ===================  ======================  ===========================
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from extractors.claims import Claim, Mention
from graph import iri as iris
from graph.normalize import norm_text
from graph.records import FilingInput
from graph.resolve import Entity, Resolution, security_iri, source_mention
from graph.vocab import TYPE, A, D, K, P, R, S, concept, lit

N = ox.NamedNode
_TABLES = Path(__file__).with_name("data") / "mapping.json"


@lru_cache(maxsize=1)
def tables() -> dict[str, Any]:
    """Class and shortcut tables (``graph/data/mapping.json``)."""
    return json.loads(_TABLES.read_text(encoding="utf-8"))


def opt(value: Any, datatype: str | None = None) -> ox.Literal | None:
    """A literal, or None when there is no value (so that nothing is written)."""
    if value is None or value == "" or value is False:
        return None
    return lit(value, datatype)


def _first_match(table: dict[str, str], text: str, default: str | None = None) -> str | None:
    t = norm_text(text)
    for phrase, value in table.items():
        if phrase in t:
            return value
    return default


class FilingMapper:
    """Map one filing's claims (already resolved) to quads in its named graph."""

    def __init__(self, f: FilingInput, res: Resolution, version: str, started: str) -> None:
        self.f = f
        self.res = res
        self.doc = f.doc_id
        self.g = N(iris.graph_iri(f.doc_id))
        self.filing = N(res.filings.get(f.doc_id) or iris.filing_iri(f.doc_id))
        self.run = N(iris.run_iri(f.doc_id, version))
        self.version = version
        self.started = started
        self.quads: dict[ox.Quad, None] = {}
        self.used: set[str] = set()
        self.fact_date = f.filed_date or next(
            (c.q("date") for c in f.claims if c.kind == "filing" and c.q("date")), None
        )
        self.roles: list[tuple[N, str, str, str | None, str | None]] = []
        self.amendments: dict[tuple[str, int], N] = {}

    # -- low level -------------------------------------------------------------
    def add(self, s: Any, p: N, o: Any) -> None:
        if o is None:
            return
        self.quads[ox.Quad(s, p, o, self.g)] = None

    def ent(self, iri: str) -> N:
        self.used.add(iri)
        return N(iri)

    def mention(self, m: Mention | None) -> N | None:
        if m is None:
            return None
        iri = self.res.mentions.get((self.doc, m)) or self.res.lookup(self.doc, m.name)
        return self.ent(iri) if iri else None

    def named(self, name: Any) -> N | None:
        """An entity named only by a string in a qualifier, if the filing resolved it."""
        if isinstance(name, Mention):
            return self.mention(name)
        iri = self.res.lookup(self.doc, name) if isinstance(name, str) else None
        return self.ent(iri) if iri else None

    def fact(self, node: N, cls: N | None, claim: Claim) -> None:
        """Type a fact node and attach its provenance and evidence."""
        if cls is not None:
            self.add(node, TYPE, cls)
        self.add(node, P.wasDerivedFrom, self.filing)
        self.add(node, S.statedIn, self.filing)
        self.add(node, P.wasGeneratedBy, self.run)
        if self.fact_date:
            self.add(node, S.reportedDate, lit(self.fact_date, "date"))
        if claim.confidence < 1:
            self.add(node, S.confidence, lit(claim.confidence, "decimal"))
        if claim.q("check"):
            self.add(node, S.checkNote, lit(claim.q("check")))
        for ev in claim.evidence:
            self.add(node, S.hasEvidence, self.evidence(ev, claim))

    def evidence(self, ev: Any, claim: Claim) -> N:
        node = N(iris.evidence_iri(ev.doc, ev.start, ev.end))
        pos, quote = N(node.value + "/position"), N(node.value + "/quote")
        src = N(self.res.filings.get(ev.doc) or iris.filing_iri(ev.doc))
        add = self.add
        add(node, TYPE, S.Evidence)
        add(node, A.hasSource, src)
        add(node, S.evidenceStart, lit(ev.start, "integer"))
        add(node, S.evidenceEnd, lit(ev.end, "integer"))
        add(node, A.hasSelector, pos)
        add(node, A.hasSelector, quote)
        add(pos, TYPE, A.TextPositionSelector)
        add(pos, A.start, lit(ev.start, "nonNegativeInteger"))
        add(pos, A.end, lit(ev.end, "nonNegativeInteger"))
        add(quote, TYPE, A.TextQuoteSelector)
        add(quote, A.exact, lit(ev.text))
        if ev.section:
            add(node, S.inSection, lit(ev.section))
        prov = claim.provenance
        add(node, S.extractorComponent, lit(f"{prov.component}@{prov.version}"))
        if prov.pattern:
            add(node, S.patternId, lit(prov.pattern))
        return node

    def statement(self, s: N, p: N, o: Any, claim: Claim) -> N:
        """A reified statement for a fact without an n-ary class of its own."""
        node = N(iris.node_iri("statement", s.value, p.value, str(o)))
        self.add(s, p, o)
        self.add(node, R.subject, s)
        self.add(node, R.predicate, p)
        self.add(node, R.object, o)
        self.fact(node, R.Statement, claim)
        return node

    # -- the filing and its provenance -------------------------------------------
    def describe_filing(self) -> None:
        f, fil = self.f, self.filing
        self.used.add(fil.value)
        self.add(fil, TYPE, S.Filing)
        self.add(fil, D.identifier, lit(self.doc))
        self.add(fil, S.accessionNumber, opt(f.accession))
        self.add(fil, S.sourceFile, opt(f.source_file))
        self.add(fil, S.filedDate, opt(f.filed_date, "date"))
        self.add(fil, S.fileNumber, opt(f.file_number))
        if f.form and not any(c.kind == "filing" and c.q("form") for c in f.claims):
            self.form(fil, f.form)
        self.add(self.g, P.wasDerivedFrom, fil)
        self.add(self.g, P.wasGeneratedBy, self.run)
        self.add(self.g, TYPE, P.Bundle)
        self.add(self.run, TYPE, S.ExtractionRun)
        self.add(self.run, S.extractorVersion, lit(self.version))
        self.add(self.run, P.used, fil)
        self.add(self.run, P.startedAtTime, lit(self.started, "dateTime"))
        if f.sha256:
            self.add(fil, S.matchKey, lit("sha256:" + f.sha256))
        for comp in sorted({f"{c.provenance.component}@{c.provenance.version}" for c in f.claims}):
            self.add(self.run, S.extractorComponent, lit(comp))

    def form(self, node: N, form: str) -> None:
        self.add(node, S.formTypeText, lit(form))
        c = concept("form", form)
        if c is not None:
            self.add(node, S.hasFormType, c)

    # -- claims --------------------------------------------------------------------
    def map_claim(self, c: Claim) -> None:
        handler = getattr(self, "_" + c.kind, None)
        if handler is not None:
            handler(c)

    def _filing(self, c: Claim) -> None:
        fil = self.filing
        q = c.quals
        if q.get("form"):
            self.form(fil, q["form"])
        self.add(fil, S.reportDate, opt(q.get("date"), "date"))
        self.add(fil, S.periodOfReport, opt(q.get("period"), "date"))
        if q.get("amendment_no") is not None:
            self.add(fil, S.amendmentNumber, lit(int(q["amendment_no"]), "integer"))
        for item in q.get("items") or ():
            node = concept("item", str(item))
            if node is not None:
                self.add(fil, S.reportsItem, node)
                self.add(node, K.notation, lit(str(item)))
        reg = self.mention(c.object) if isinstance(c.object, Mention) else None
        self.add(fil, S.isSubmittedBy, reg)
        for ev in c.evidence:
            self.add(fil, S.hasEvidence, self.evidence(ev, c))
        if self.fact_date:
            self.add(fil, S.reportedDate, lit(self.fact_date, "date"))

    def _identifier(self, c: Claim) -> None:
        ent = self.mention(c.subject)
        scheme = str(c.q("scheme") or "other")
        if ent is None or c.object is None:
            return
        node = self.identifier(ent, scheme, str(c.object))
        self.fact(node, None, c)

    def identifier(self, ent: N, scheme: str, value: str) -> N:
        node = N(iris.node_iri("identifier", ent.value, scheme, norm_text(value)))
        self.add(ent, S.hasIdentifier, node)
        self.add(node, TYPE, S.Identifier)
        cls = tables()["identifier_classes"].get(scheme)
        if cls:
            self.add(node, TYPE, getattr(S, cls))
        self.add(node, S.identifierScheme, lit(scheme))
        self.add(node, S.identifierValue, lit(value))
        return node

    def _incorporation(self, c: Claim) -> None:
        ent = self.mention(c.subject)
        if ent is None or not c.object:
            return
        jur = N(iris.iri("jurisdiction/" + iris.slug(str(c.object))))
        self.add(jur, TYPE, S.Jurisdiction)
        self.add(jur, S.name, lit(str(c.object)))
        node = self.statement(ent, S.isIncorporatedIn, jur, c)
        form = c.q("org_form")
        if form:
            self.add(node, S.organizationForm, lit(form))
            self.add(ent, S.organizationForm, lit(form))
            cls = _first_match(tables()["org_form_classes"], form)
            if cls:
                self.add(ent, TYPE, getattr(S, cls))

    def _address(self, c: Claim) -> None:
        ent = self.mention(c.subject)
        if ent is None or not c.object:
            return
        node = N(iris.node_iri("address", ent.value, norm_text(str(c.object))))
        self.add(ent, S.hasAddress, node)
        self.add(node, S.addressText, lit(str(c.object)))
        for key, prop in (
            ("street", S.street),
            ("city", S.city),
            ("region", S.region),
            ("postal_code", S.postalCode),
        ):
            if c.q(key):
                self.add(node, prop, lit(str(c.q(key))))
        self.fact(node, S.Address, c)

    def _role(self, c: Claim) -> None:
        holder = self.mention(c.subject)
        org = self.mention(c.object) if isinstance(c.object, Mention) else self.named(c.object)
        title = norm_text(c.q("role") or "")
        if holder is None or org is None or not title:
            return
        node = N(iris.node_iri("role", holder.value, org.value, title))
        self.add(node, S.roleHolder, holder)
        self.add(node, S.roleOrganization, org)
        self.add(node, S.roleTitle, lit(title))
        since, until = c.q("since"), c.q("until")
        self.add(node, S.startDate, opt(since, "date"))
        self.add(node, S.endDate, opt(until, "date"))
        self.add(holder, S.hasRoleIn, org)
        shortcut = tables()["role_shortcuts"].get(title) or _first_match(
            tables()["officer_words"], title
        )
        if shortcut:
            self.add(holder, getattr(S, shortcut), org)
        self.fact(node, S.Role, c)
        self.roles.append((node, org.value, title, since, until))

    def _signed(self, c: Claim) -> None:
        signer = self.mention(c.object) if isinstance(c.object, Mention) else self.named(c.object)
        if signer is None:
            return
        doc = c.q("doc")
        fil = N(self.res.filings.get(doc) or iris.filing_iri(doc)) if doc else self.filing
        # One signature per signer, date and principal: a person signing for several
        # reporting persons (Schedule 13D/G, tender offers) signs several times.
        principal = self.named(c.q("on_behalf_of"))
        node = N(iris.node_iri("signature", fil.value, signer.value, c.q("date"),
                               principal.value if principal is not None else None))
        self.add(fil, S.hasSignature, node)
        self.add(fil, S.signedBy, signer)
        self.add(node, S.hasSigner, signer)
        self.add(node, S.signedOnBehalfOf, principal)
        self.add(node, S.signatureDate, opt(c.q("date"), "date"))
        self.add(node, S.title, opt(c.q("title")))
        self.fact(node, S.Signature, c)

    def _agreement(self, c: Claim) -> None:
        node = self.mention(c.subject)
        if node is None:
            return
        self.agreement_type(node, c.subject.name, c.q("agreement_kind") or c.q("kind"))
        self.add(node, S.effectiveDate, opt(c.q("date"), "date"))
        parties = [self.named(p) for p in c.q("parties") or ()]
        if isinstance(c.object, Mention):
            parties.append(self.mention(c.object))
        for party in parties:
            if party is not None:
                self.add(node, S.hasContractParty, party)
                self.add(party, S.isPartyTo, node)
        self.fact(node, None, c)

    def agreement_type(self, node: N, name: str, kind: str | None = None) -> None:
        self.add(node, TYPE, S.Agreement)
        cls = _first_match(tables()["agreement_classes"], f"{kind or ''} {name}")
        if cls:
            self.add(node, TYPE, getattr(S, cls))

    def _amends(self, c: Claim) -> None:
        node = self.mention(c.subject)
        amended = self.mention(c.object) if isinstance(c.object, Mention) else None
        if node is None or amended is None:
            return
        target = self.res.entities.get(amended.value)
        if node != self.filing:
            self.add(node, TYPE, S.Amendment)
        else:
            self.add(node, S.title, opt(c.subject.name))
        for party in c.q("parties") or ():
            party_node = self.named(party)
            if party_node is not None:
                self.add(node, S.hasContractParty, party_node)
        if target is not None and target.category == "agreement":
            self.agreement_type(amended, target.name_in(self.doc))
            ad = c.q("amended_date")
            self.add(amended, S.effectiveDate, opt(ad, "date"))
        self.add(node, S.amends, amended)
        self.add(node, P.wasRevisionOf, amended)
        number = c.q("number")
        if number is not None:
            self.add(node, S.amendmentNumber, lit(int(number), "integer"))
            self.amendments[(amended.value, int(number))] = node
        self.add(node, S.effectiveDate, opt(c.q("date"), "date"))
        self.fact(node, None, c)

    def _owns(self, c: Claim) -> None:
        owner = self.mention(c.subject)
        issuer = self.mention(c.object) if isinstance(c.object, Mention) else self.named(c.object)
        if owner is None or issuer is None:
            return
        q = c.quals
        cls = q.get("security_class")
        node = N(
            iris.node_iri(
                "holding",
                owner.value,
                issuer.value,
                norm_text(cls or ""),
                q.get("as_of"),
                q.get("shares"),
                q.get("percent"),
            )
        )
        self.add(node, S.hasOwner, owner)
        self.add(node, S.hasIssuer, issuer)
        self.add(node, S.ofSecurityClass, cls and self.security(issuer, cls))
        self.add(node, S.shareCount, opt(q.get("shares"), "decimal"))
        pct = q.get("percent")
        self.add(node, S.percentOfClass, opt(pct, "decimal"))
        out = q.get("outstanding")
        self.add(node, S.outstandingShares, opt(out, "decimal"))
        self.add(node, S.asOfDate, opt(q.get("as_of"), "date"))
        self.add(owner, S.owns, issuer)
        self.fact(node, S.Holding, c)

    def security(self, issuer: N, name: str) -> N:
        node = self.ent(security_iri(issuer.value, name))
        self.add(node, TYPE, S.SecurityClass)
        self.add(node, S.name, lit(name))
        cls = _first_match(tables()["security_classes"], name)
        if cls:
            self.add(node, TYPE, getattr(S, cls))
        return node

    def _ownership_limit(self, c: Claim) -> None:
        holder = self.mention(c.subject)
        issuer = self.mention(c.object) if isinstance(c.object, Mention) else self.named(c.object)
        q = c.quals
        if holder is None or q.get("percent") is None:
            return
        agreement = self.named(q.get("agreement"))
        node = N(
            iris.node_iri(
                "limit",
                holder.value,
                issuer and issuer.value,
                q["percent"],
                agreement and agreement.value,
            )
        )
        self.add(holder, S.hasOwnershipLimit, node)
        self.add(node, S.limitHolder, holder)
        self.add(node, S.limitIssuer, issuer)
        self.add(node, S.thresholdPercent, lit(q["percent"], "decimal"))
        rep = q.get("replaces")
        self.add(node, S.replacesPercent, opt(rep, "decimal"))
        self.add(node, S.limitEffect, opt(q.get("effect")))
        self.add(node, S.setBy, agreement)
        if issuer is not None and q.get("security_class"):
            self.add(node, S.ofSecurityClass, self.security(issuer, q["security_class"]))
        self.fact(node, S.OwnershipLimit, c)

    def _member(self, c: Claim) -> None:
        member = self.mention(c.subject)
        group = self.mention(c.object) if isinstance(c.object, Mention) else self.named(c.object)
        if member is not None and group is not None:
            self.add(group, TYPE, S.HolderGroup)
            self.statement(member, S.isMemberOf, group, c)

    def _exhibit(self, c: Claim) -> None:
        q = c.quals
        number = q.get("number")
        if not number:
            return
        title = q.get("title") or (c.object.name if isinstance(c.object, Mention) else c.object)
        node = N(iris.node_iri("exhibit", self.doc, number))
        self.add(self.filing, S.hasExhibit, node)
        self.add(node, S.isExhibitOf, self.filing)
        self.add(node, S.exhibitNumber, lit(str(number)))
        self.add(node, S.title, opt(title and str(title)))
        self.add(node, S.sourceExhibitNumber, opt(q.get("source_exhibit")))
        src = source_mention(c)
        if src is not None:
            self.add(node, S.isIncorporatedByReferenceFrom, self.mention(src))
        self.fact(node, S.Exhibit, c)

    def _registers(self, c: Claim) -> None:
        obj = c.object
        name = obj.name if isinstance(obj, Mention) else obj
        if not name:
            return
        issuer = self.res.registrants.get(self.doc)
        sec = self.security(N(issuer) if issuer else self.filing, str(name))
        node = self.statement(self.filing, S.registers, sec, c)
        self.add(node, S.section, opt(c.q("section")))

    def _event(self, c: Claim) -> None:
        etype = str(c.q("type") or "other")
        subject = c.object.name if isinstance(c.object, Mention) else c.object
        node = N(iris.node_iri("event", self.doc, etype, c.q("date"), norm_text(subject or "")))
        cls = tables()["event_classes"].get(etype, "OtherEvent")
        self.add(node, TYPE, S.CorporateEvent)
        self.add(self.filing, S.reportsEvent, node)
        self.add(node, S.eventTypeText, lit(etype))
        date = opt(c.q("date"), "date")
        self.add(node, S.eventDate, date)
        self.add(node, S.eventSubjectText, opt(subject and str(subject)))
        target = self.named(subject)
        self.add(node, S.eventSubject, target)
        dated = tables()["event_dates"].get(etype)
        if target is not None and dated and date is not None:
            self.add(target, getattr(S, dated), date)
        self.fact(node, getattr(S, cls), c)

    # -- derived links and the entities ---------------------------------------------
    def derive(self) -> None:
        """Successor roles and previous amendments stated by this filing."""
        by_post = defaultdict(list)
        for node, org, title, since, until in self.roles:
            by_post[(org, title)].append((node, since, until))
        for posts in by_post.values():
            for a, _, until in posts:
                for b, since, _ in posts:
                    if until and since == until and a != b:
                        self.add(a, S.hasSuccessor, b)
        for (target, number), node in self.amendments.items():
            prev = self.amendments.get((target, number - 1))
            if prev is not None:
                self.add(node, S.previousAmendment, prev)

    def describe_entities(self) -> None:
        # Indexed once per batch: looping over every mention for each filing was quadratic.
        self.mention_ids = self.res.identifiers_in(self.doc)
        for iri in sorted(self.used):
            ent = self.res.entities.get(iri)
            if ent is not None:
                self.describe(ent)

    def describe(self, ent: Entity) -> None:
        node = N(ent.iri)
        cls = tables()["category_classes"].get(ent.category)
        if ent.category == "org":
            kinds = sorted(ent.kinds & set(tables()["org_kind_classes"]))
            cls = tables()["org_kind_classes"][kinds[0]] if kinds else "LegalEntity"
        if cls:
            self.add(node, TYPE, getattr(S, cls))
        name = ent.name_in(self.doc)
        if name:
            self.add(node, S.name, lit(name))
        if ent.norm:
            self.add(node, S.normalizedName, lit(ent.norm))
        for alias in sorted(
            set(ent.names.get(self.doc, ())) - {name} | ent.aliases.get(self.doc, set())
        ):
            self.add(node, S.alias, lit(alias))
        for reason, key in sorted(ent.decisions.get(self.doc, ())):
            dec = N(iris.node_iri("decision", ent.iri, key))
            self.add(node, S.resolvedBy, dec)
            self.add(dec, TYPE, S.ResolutionDecision)
            self.add(dec, S.decisionReason, lit(reason))
            self.add(dec, S.matchKey, lit(key))
        if ent.category == "filing" and ent.attrs:
            # What the citing filing says about a cited one, stub or already ingested.
            a = ent.attrs
            self.add(node, S.isStub, opt(a.get("stub") and True, "boolean"))
            if a.get("form"):
                self.form(node, a["form"])
            self.add(node, S.fileNumber, opt(a.get("number")))
            self.add(node, S.filedDate, opt(a.get("date"), "date"))
            if a.get("amendment_no") is not None:
                self.add(node, S.amendmentNumber, lit(int(a["amendment_no"]), "integer"))
        for scheme, value in sorted(self.mention_ids.get(ent.iri, ())):
            self.identifier(node, scheme, value)

    def run_all(self) -> list[ox.Quad]:
        self.describe_filing()
        for c in self.f.claims:
            self.map_claim(c)
        self.derive()
        self.describe_entities()
        return list(self.quads)


def now_iso() -> str:
    """The build time: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else now."""
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    when = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return when.replace(microsecond=0).isoformat().replace("+00:00", "Z")


def map_filing(
    f: FilingInput, res: Resolution, version: str, started: str | None = None
) -> list[ox.Quad]:
    """The quads of one filing's named graph."""
    return FilingMapper(f, res, version, started or now_iso()).run_all()
