"""Conservative, explained entity resolution across claims and filings.

Organisations are merged by CIK, IRS EIN or commission file number, and by
normalised name when their identifiers do not conflict; a person by
normalised name within the same organisation; groups, agreements and classes
of securities by name within the organisation that names them; a filing cited
by an exhibit (a stub keyed by form, file number and date) with the real
filing once that is ingested. Every merge keeps its reason, which the mapping
writes into the graph as an ``sg:ResolutionDecision``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from extractors.claims import Claim, Mention
from extractors.names import person_name
from graph import iri as iris
from graph.normalize import best_name, norm_org, norm_person, norm_text, org_identity_key
from graph.records import FilingInput

ORG_KINDS = frozenset({"company", "fund", "bank", "government", "organization"})
AGREEMENT_KINDS = frozenset({"agreement", "charter", "document"})
#: Identifier schemes that identify an organisation (strongest first).
ORG_SCHEMES = ("cik", "irs_ein", "commission_file_number")
_REASONS = {
    "cik": "same CIK",
    "irs_ein": "same IRS employer identification number",
    "commission_file_number": "same commission file number",
    "name": "same normalised name, no conflicting identifier",
    "person": "same normalised name within the same organisation",
    "group": "same group name within the same organisation",
    "agreement": "same agreement name and date within the same organisation",
    "amendment": "same amendment number of the same document",
    "security": "same class of securities of the same issuer",
    "stub": "cited filing with the same form, file number and filing date as an ingested filing",
}
#: Subject-filing kinds: the claim's subject is the filing that states it.
_SELF_FILING_KINDS = frozenset({"filing", "signed", "exhibit", "registers", "event"})
_AMENDMENT_NAME = re.compile(r"\bamendment\b", re.IGNORECASE)
_FORM_PREFIX = re.compile(r"^\s*form\s+", re.IGNORECASE)


def category(kind: str) -> str:
    """The resolution category of a mention kind."""
    if kind in ORG_KINDS:
        return "org"
    if kind in AGREEMENT_KINDS:
        return "agreement"
    return kind  # person, group, security, filing


def form_base(form: str | None) -> str:
    """``"Form S-1/A"`` -> ``"S-1"``: the form without prefix and amendment suffix."""
    f = _FORM_PREFIX.sub("", form or "").strip().upper()
    return f.removesuffix("/A")


@dataclass
class Entity:
    """One resolved entity and what the filings said about its identity."""

    iri: str
    category: str
    kinds: set[str] = field(default_factory=set)
    names: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    aliases: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    norm: str = ""
    keys: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # doc -> keys
    decisions: dict[str, set[tuple[str, str]]] = field(default_factory=lambda: defaultdict(set))
    attrs: dict[str, Any] = field(default_factory=dict)

    def name_in(self, doc: str) -> str:
        """The best name this entity has in one filing (else anywhere)."""
        names = self.names.get(doc) or [n for ns in self.names.values() for n in ns]
        if self.category == "person":  # "Mr. John Q. Public" is shown as "John Q. Public"
            names = [person_name(n) for n in names]
        return best_name(names)


@dataclass
class Resolution:
    """The outcome: an IRI for every mention, entity records, and store rewrites."""

    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: dict[tuple[str, Mention], str] = field(default_factory=dict)
    by_name: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    filings: dict[str, str] = field(default_factory=dict)  # doc id -> filing IRI
    registrants: dict[str, str] = field(default_factory=dict)  # doc id -> org IRI
    stubs: dict[tuple, str] = field(default_factory=dict)  # stub key -> IRI
    rewrites: dict[str, str] = field(default_factory=dict)  # store IRI -> new IRI
    _ids_by_doc: dict[str, dict[str, set[tuple[str, str]]]] | None = field(
        default=None, repr=False
    )

    def identifiers_in(self, doc: str) -> dict[str, set[tuple[str, str]]]:
        """The identifiers that mentions of each entity carry in one filing (indexed once)."""
        if self._ids_by_doc is None:
            index: dict[str, dict[str, set[tuple[str, str]]]] = defaultdict(lambda: defaultdict(set))
            for (d, m), iri in self.mentions.items():
                if m.identifiers:
                    index[d][iri].update(m.identifiers)
            self._ids_by_doc = index
        return self._ids_by_doc.get(doc, {})

    def of(self, doc: str, mention: Mention) -> str:
        """The IRI of a mention in a filing."""
        return self.mentions[(doc, mention)]

    def lookup(self, doc: str, name: str | None) -> str | None:
        """The entity a bare name refers to in a filing (exact normalised name)."""
        if not name:
            return None
        table = self.by_name.get(doc, {})
        return table.get(norm_text(name)) or table.get("org:" + norm_org(name))


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[Any, Any] = {}

    def find(self, x: Any) -> Any:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: Any, b: Any) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb, key=repr)] = min(ra, rb, key=repr)


def _mentions(claim: Claim) -> list[tuple[str, Mention]]:
    out = [("subject", claim.subject)]
    # An exhibit's object is the exhibit itself and an event's object is looked up by
    # name only: neither makes an entity of its own.
    if isinstance(claim.object, Mention) and claim.kind not in ("exhibit", "event"):
        out.append(("object", claim.object))
    return out


def _name_mention(name: str, kind: str) -> Mention:
    return Mention(name=name, kind=kind)


def qualifier_mentions(claim: Claim) -> list[tuple[str, Mention]]:
    """Mentions named only in qualifiers (``on_behalf_of``, ``parties``, ``agreement``)."""
    out: list[tuple[str, Mention]] = []
    q = claim.quals
    if claim.kind == "signed" and isinstance(q.get("on_behalf_of"), str):
        out.append(("on_behalf_of", _name_mention(q["on_behalf_of"], "organization")))
    if claim.kind == "agreement":
        for p in q.get("parties") or ():
            out.append(("party", _name_mention(p, "organization")))
    if claim.kind == "ownership_limit" and isinstance(q.get("agreement"), str):
        out.append(("agreement", _name_mention(q["agreement"], "agreement")))
    if claim.kind == "exhibit":
        src = source_mention(claim)
        if src is not None:
            out.append(("source", src))
    return out


def source_mention(claim: Claim) -> Mention | None:
    """The filing an exhibit claim says it is incorporated by reference from, as a mention."""
    q = claim.quals
    form, number, filed = q.get("source_form"), q.get("source_number"), q.get("source_filed")
    if not (form or number):
        return None
    name = " ".join(
        p for p in (f"Form {form}" if form else "Filing", number and f"No. {number}") if p
    )
    attrs = (
        ("form", form),
        ("file_number", number),
        ("date", filed),
        ("amendment_no", q.get("source_amendment_no")),
    )
    return Mention(name=name, kind="filing", attrs=tuple((k, v) for k, v in attrs if v is not None))


def stub_key(form: str | None, number: str | None, date: str | None) -> str:
    """The index key under which a cited filing and a real filing are the same."""
    return f"{form_base(form)}|{norm_text(number) if number else None}|{date}"


class Resolver:
    """Resolve the mentions of a batch of filings (optionally against a store's index).

    Args:
        index: keys already in the store, ``{"cik:320193": iri, "name:acme": iri, ...}``
            for organisations and ``{"stub:S-1|333-1|1998-02-11": iri}`` for filings.
    """

    def __init__(self, index: dict[str, str] | None = None) -> None:
        self.index = index or {}
        self.res = Resolution()

    # -- public ---------------------------------------------------------------
    def resolve(self, filings: list[FilingInput]) -> Resolution:
        """Resolve every mention of ``filings`` and return the :class:`Resolution`."""
        filings = sorted(filings, key=lambda f: f.doc_id)
        for f in filings:
            own = iris.filing_iri(f.doc_id)
            self.res.filings[f.doc_id] = own
            if f.form and f.file_number and f.filed_date:
                key = stub_key(f.form, f.file_number, f.filed_date)
                self.index["stub:" + key] = own
                old = self.index.get("stubnode:" + key)
                if old and old != own:
                    self.res.rewrites[old] = own
        occurrences = self._collect(filings)
        self._resolve_orgs(filings, occurrences)
        for f in filings:
            self._resolve_filing_locals(f, occurrences[f.doc_id])
        return self.res

    # -- collection -----------------------------------------------------------
    def _collect(self, filings: list[FilingInput]) -> dict[str, list[tuple[Claim, str, Mention]]]:
        """Every (claim, role, mention) of each filing; qualifier names become mentions."""
        occ: dict[str, list[tuple[Claim, str, Mention]]] = {}
        for f in filings:
            rows: list[tuple[Claim, str, Mention]] = []
            explicit: dict[str, Mention] = {}
            for c in f.claims:
                for role, m in _mentions(c):
                    rows.append((c, role, m))
                    explicit.setdefault("org:" + norm_org(m.name), m)
                    explicit.setdefault(norm_text(m.name), m)
            for c in f.claims:
                for role, m in qualifier_mentions(c):
                    known = explicit.get(norm_text(m.name)) or (
                        explicit.get("org:" + norm_org(m.name)) if m.kind != "agreement" else None
                    )
                    rows.append((c, role, known or m))
            occ[f.doc_id] = rows
        return occ

    # -- organisations ----------------------------------------------------------
    def _resolve_orgs(self, filings: list[FilingInput], occ: dict) -> None:
        uf = _UnionFind()
        keys: dict[Any, set[tuple[str, str]]] = defaultdict(set)
        nodes: list[tuple[str, Mention]] = []
        for f in filings:
            for claim, role, m in occ[f.doc_id]:
                if category(m.kind) != "org":
                    continue
                node = (f.doc_id, m)
                if node not in keys:
                    nodes.append(node)
                for scheme, value in m.identifiers:
                    if scheme in ORG_SCHEMES:
                        keys[node].add((scheme, norm_text(value)))
                if (
                    claim.kind == "identifier"
                    and role == "subject"
                    and claim.q("scheme") in ORG_SCHEMES
                ):
                    keys[node].add((claim.q("scheme"), norm_text(str(claim.object))))
                if norm_org(m.name):  # same name and same legal form (not "X Limited" for "X, Inc.")
                    keys[node].add(("name", org_identity_key(m.name)))
        for key, value in self.index.items():
            scheme, _, val = key.partition(":")
            if scheme in (*ORG_SCHEMES, "name"):
                node = ("store", value)
                keys[node].add((scheme, val))
        # Strong identifiers first.
        owner: dict[tuple[str, str], Any] = {}
        for node in sorted(keys, key=repr):
            for k in sorted(keys[node]):
                if k[0] == "name":
                    continue
                if k in owner:
                    uf.union(node, owner[k])
                else:
                    owner[k] = node
        # Then names, unless the two clusters carry different values of one scheme.
        cluster_keys: dict[Any, set[tuple[str, str]]] = defaultdict(set)
        for node, node_keys in keys.items():
            cluster_keys[uf.find(node)] |= node_keys
        by_name: dict[str, Any] = {}
        for node in sorted(keys, key=repr):
            for k in sorted(keys[node]):
                if k[0] != "name":
                    continue
                root = uf.find(node)
                if k not in by_name:
                    by_name[k] = root
                    continue
                other = uf.find(by_name[k])
                if other == root:
                    continue
                if self._compatible(cluster_keys[root], cluster_keys[other]):
                    uf.union(root, other)
                    merged = cluster_keys.pop(root) | cluster_keys.pop(other)
                    cluster_keys[uf.find(root)] = merged
        clusters: dict[Any, list[Any]] = defaultdict(list)
        for node in keys:
            clusters[uf.find(node)].append(node)
        for members in clusters.values():
            self._make_org(members, keys)

    @staticmethod
    def _compatible(a: set[tuple[str, str]], b: set[tuple[str, str]]) -> bool:
        for scheme in ORG_SCHEMES:
            va = {v for s, v in a if s == scheme}
            vb = {v for s, v in b if s == scheme}
            if va and vb and not va & vb:
                return False
        return True

    def _make_org(self, members: list[Any], keys: dict) -> None:
        all_keys = set().union(*(keys[n] for n in members))
        iri = None
        for scheme in (*ORG_SCHEMES, "name"):
            values = sorted(v for s, v in all_keys if s == scheme)
            if values:
                iri = iris.org_iri(scheme, values[0])
                break
        stored = sorted(n[1] for n in members if n[0] == "store")
        if iri is None:
            iri = stored[0] if stored else iris.iri("org/unnamed")
        for old in stored:
            if old != iri:
                self.res.rewrites[old] = iri
        ent = self.res.entities.get(iri) or Entity(iri=iri, category="org")
        self.res.entities[iri] = ent
        real = [n for n in members if n[0] != "store"]
        names = {norm_org(n[1].name) for n in real}
        ent.norm = min(names) if names else ent.norm
        # A key explains a merge when two distinct mentions (other filing or other name) share it.
        holders: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
        for node in members:
            for k in keys[node]:
                holders[k].add(
                    (node[0], norm_text(node[1].name) if node[0] != "store" else node[1])
                )
        for doc, m in real:
            self._register(ent, doc, m)
            ent.keys[doc] |= {f"{s}:{v}" for s, v in keys[(doc, m)]}
            for k in keys[(doc, m)]:
                if len(holders[k]) > 1:
                    ent.decisions[doc].add((_REASONS[k[0]], f"{k[0]}:{k[1]}"))

    def _register(self, ent: Entity, doc: str, m: Mention) -> None:
        self.res.mentions[(doc, m)] = ent.iri
        ent.kinds.add(m.kind)
        if m.name and m.name not in ent.names[doc]:
            ent.names[doc].append(m.name)
        if m.text and m.text != m.name:
            ent.aliases[doc].add(m.text)
        table = self.res.by_name[doc]
        table.setdefault(norm_text(m.name), ent.iri)
        if ent.category == "org":
            table.setdefault("org:" + norm_org(m.name), ent.iri)

    # -- everything else, filing by filing ---------------------------------------
    def _resolve_filing_locals(self, f: FilingInput, rows: list) -> None:
        doc = f.doc_id
        registrant = self._registrant(f, rows)
        if registrant:
            self.res.registrants[doc] = registrant
        context = registrant or iris.filing_iri(doc)
        self._resolve_people(doc, rows, context)
        for claim, role, m in rows:
            cat = category(m.kind)
            if cat == "group":
                self._local(doc, m, "group", iris.group_iri(norm_org(m.name), context), context)
            elif cat == "security":
                issuer = self._issuer_of(doc, claim) or context
                self._local(doc, m, "security", security_iri(issuer, m.name), issuer)
        self._resolve_agreements(f, rows, context)
        for claim, role, m in rows:
            if category(m.kind) == "filing":
                self._resolve_filing_mention(f, claim, role, m, context)

    def _registrant(self, f: FilingInput, rows: list) -> str | None:
        for claim, role, m in rows:
            if claim.kind == "filing" and role == "object" and (f.doc_id, m) in self.res.mentions:
                return self.res.mentions[(f.doc_id, m)]
        return None

    def _issuer_of(self, doc: str, claim: Claim) -> str | None:
        if claim.kind in ("owns", "ownership_limit") and isinstance(claim.object, Mention):
            return self.res.mentions.get((doc, claim.object))
        return None

    def _local(self, doc: str, m: Mention, cat: str, iri: str, context: str | None) -> str:
        ent = self.res.entities.get(iri)
        if ent is None:
            ent = Entity(iri=iri, category=cat, norm=norm_text(m.name))
            self.res.entities[iri] = ent
        seen_elsewhere = ent.names and ent.names.keys() - {doc}
        if seen_elsewhere and (doc not in ent.names or m.name not in ent.names[doc]):
            ent.decisions[doc].add((_REASONS[cat], f"{cat}:{ent.norm}@{context}"))
        self._register(ent, doc, m)
        return iri

    def _resolve_people(self, doc: str, rows: list, registrant: str) -> None:
        people = [(claim, role, m) for claim, role, m in rows if m.kind == "person"]
        keys = _person_keys(m.name for _, _, m in people)
        orgs: dict[str, set[str]] = defaultdict(set)
        for claim, role, m in people:
            key = keys[m.name]
            if claim.kind == "role" and role == "subject" and isinstance(claim.object, Mention):
                org = self.res.mentions.get((doc, claim.object))
                if org:
                    orgs[key].add(org)
            if claim.kind == "signed" and role == "object":
                org = self.res.lookup(doc, claim.q("on_behalf_of"))
                if org:
                    orgs[key].add(org)
        for _claim, _role, m in people:
            key = keys[m.name]
            candidates = orgs.get(key, set())
            ctx = registrant if (registrant in candidates or not candidates) else min(candidates)
            self._local(doc, m, "person", iris.person_iri(key, ctx), ctx)

    def _resolve_agreements(self, f: FilingInput, rows: list, context: str) -> None:
        doc = f.doc_id
        agreements = [(c, r, m) for c, r, m in rows if category(m.kind) == "agreement"]
        # An undated mention takes the one date that the same name has in this filing.
        dates: dict[str, set[str]] = defaultdict(set)
        for c, r, m in agreements:
            d = self._agreement_date(c, r, m)
            if d:
                dates[norm_text(m.name)].add(d)
        amendments = [
            (c, r, m)
            for c, r, m in agreements
            if c.kind == "amends" and r == "subject" and c.q("number") is not None
        ]
        amending = {m for _, _, m in amendments}
        # An unnumbered amendment ("Supplemental Indenture", "Amendment to Employment Agreement")
        # is known by what it amends and its name and date, not by its name alone.
        unnumbered = [
            (c, r, m)
            for c, r, m in agreements
            if c.kind == "amends" and r == "subject" and c.q("number") is None
        ]
        amending |= {m for _, _, m in unnumbered}
        # Agreements of one name and date (often none) with different parties are different
        # contracts ("employment agreements with A and with B"): the extractor makes one
        # agreement claim for each, its subject mention carrying the parties.
        namesakes: dict[tuple[str, str | None], set[tuple[str, ...]]] = defaultdict(set)
        for c, r, m in agreements:
            if c.kind == "agreement" and r == "subject":
                namesakes[(norm_text(m.name), self._agreement_date(c, r, m))].add(_parties_key(c))
        for c, r, m in agreements:
            if m in amending or (doc, m) in self.res.mentions:
                continue
            name = norm_text(m.name)
            d = self._agreement_date(c, r, m)
            if d is None and len(dates.get(name, ())) == 1:
                d = next(iter(dates[name]))
            if c.kind == "agreement" and r == "subject" and len(namesakes[(name, d)]) > 1:
                iri = iris.node_iri("agreement", _strip_the(name), d, context, *_parties_key(c))
            else:
                iri = iris.node_iri("agreement", _strip_the(name), d, context)
            ent_new = iri not in self.res.entities
            self._local(doc, m, "agreement", iri, context)
            if ent_new and d:
                self.res.entities[iri].attrs["date"] = d
        for c, r, m in amendments:
            amended = c.object if isinstance(c.object, Mention) else None
            target = self._target_of(f, c, amended, context)
            iri = iris.node_iri("amendment", target, int(c.q("number")))
            self._local(doc, m, "amendment", iri, target)
        for c, r, m in unnumbered:
            if (doc, m) in self.res.mentions:
                continue
            amended = c.object if isinstance(c.object, Mention) else None
            target = self._target_of(f, c, amended, context)
            iri = iris.node_iri("amendment", target, None, _strip_the(norm_text(m.name)), c.q("date"))
            self._local(doc, m, "amendment", iri, target)
        # Names given only in qualifiers ("Amendment No. 3 ...") that name a resolved amendment.
        for c, r, m in agreements:
            if (doc, m) not in self.res.mentions:
                iri = self.res.lookup(doc, m.name) or iris.node_iri(
                    "agreement", _strip_the(norm_text(m.name)), None, context
                )
                if iri not in self.res.entities:
                    self._local(doc, m, "agreement", iri, context)
                else:
                    self._register(self.res.entities[iri], doc, m)

    def _target_of(self, f: FilingInput, c: Claim, amended: Mention | None, context: str) -> str:
        if amended is None:
            return iris.node_iri("agreement", "unknown", None, context)
        key = (f.doc_id, amended)
        if key not in self.res.mentions:
            if category(amended.kind) == "filing":
                self._resolve_filing_mention(f, c, "object", amended, context)
            else:
                name = norm_text(amended.name)
                iri = iris.node_iri("agreement", _strip_the(name), c.q("amended_date"), context)
                self._local(f.doc_id, amended, "agreement", iri, context)
        return self.res.mentions[key]

    @staticmethod
    def _agreement_date(c: Claim, role: str, m: Mention) -> str | None:
        if m.attr("date"):
            return str(m.attr("date"))
        if c.kind == "agreement" and role == "subject":
            return c.q("date")
        if c.kind == "amends" and role == "object":
            return c.q("amended_date")
        return None

    def _resolve_filing_mention(
        self, f: FilingInput, claim: Claim, role: str, m: Mention, context: str
    ) -> None:
        doc = f.doc_id
        if (doc, m) in self.res.mentions:
            return
        own = self.res.filings[doc]
        self_ref = m.attr("doc") == doc or (role == "subject" and claim.kind in _SELF_FILING_KINDS)
        if claim.kind == "amends" and role == "subject":
            # Only the filing itself carries its own doc id; "Amendment No. 2 to the
            # Tender Offer Statement" named in a filing is another filing.
            self_ref = m.attr("doc") == doc
        if self_ref:
            ent = self.res.entities.get(own) or Entity(iri=own, category="filing")
            self.res.entities[own] = ent
            self._register(ent, doc, m)
            return
        form = m.attr("form") or _FORM_PREFIX.sub("", m.name or "").strip()
        number = m.attr("file_number") or dict(m.identifiers).get("registration_number")
        number = number or dict(m.identifiers).get("commission_file_number")
        date = m.attr("date")
        self.stub(doc, form, number, date, m.attr("amendment_no"), context, mention=m)

    def stub(
        self,
        doc: str,
        form: str | None,
        number: str | None,
        date: str | None,
        amendment_no: int | None,
        context: str | None,
        mention: Mention | None = None,
    ) -> str:
        """The IRI of a filing cited by ``doc`` (a stub, or the real one when known)."""
        base = form_base(form)
        ctx = None if number else context
        key = (base, norm_text(number) if number else None, date, ctx)
        iri = self.res.stubs.get(key)
        if iri is None:
            skey = stub_key(form, number, date)
            real = self.index.get("stub:" + skey) if number and date else None
            iri = real or iris.stub_filing_iri(base, key[1], date, ctx)
            self.res.stubs[key] = iri
            ent = Entity(iri=iri, category="filing", norm=base)
            ent.attrs.update(
                stub=real is None, form=form, number=number, date=date, amendment_no=amendment_no
            )
            self.res.entities[iri] = ent
            if real:
                ent.decisions[doc].add((_REASONS["stub"], "stub:" + skey))
        ent = self.res.entities[iri]
        if mention is not None:
            self._register(ent, doc, mention)
        return iri


def security_iri(issuer: str | None, name: str) -> str:
    """A class of securities of one issuer."""
    return iris.node_iri("security", issuer, _strip_the(norm_text(name)))


def _person_keys(names: Iterable[str]) -> dict[str, str]:
    """The resolution key of each person name in one filing.

    The key drops middle initials ("John Q. Roe" is "John Roe", here and in other
    filings), except where one filing names two people who differ only by their
    initials ("John E. Roe" and "John C. Roe"): those keep their initials apart.
    """
    names = set(names)
    full = {n: norm_person(n, keep_initials=True) for n in names}
    short = {n: norm_person(n) for n in names}
    variants: dict[str, set[str]] = defaultdict(set)
    for n in names:
        if full[n] != short[n]:
            variants[short[n]].add(full[n])
    return {n: full[n] if len(variants[short[n]]) > 1 else short[n] for n in names}


def _parties_key(claim: Claim) -> tuple[str, ...]:
    """Normalised, sorted parties of an agreement claim: what tells namesakes apart."""
    return tuple(sorted({norm_org(p) for p in claim.q("parties") or ()}))


def _strip_the(name: str) -> str:
    return name.removeprefix("the ")


def resolve(filings: list[FilingInput], index: dict[str, str] | None = None) -> Resolution:
    """Resolve the mentions of ``filings``; ``index`` holds keys already in the store."""
    return Resolver(index).resolve(filings)
