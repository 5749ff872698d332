"""The contract between extractors and graph: claims with evidence.

A claim is a typed statement that a component read at an exact place of a
filing. Extractors hand nothing else to the graph: no RDF, no spaCy objects.

``Claim.kind`` is one of :data:`KINDS`, the kinds of the facts view
(``../shared/spec/facts.md``); ``Claim.predicate`` is the local name of the
ontology property that states it (``ontology/secgraph.ttl``), fixed per kind
by :data:`PREDICATES`. Qualifiers carry the kind's other fields, named as in
the facts view (``shares``, ``percent``, ``as_of``, ``number``...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

#: Mention kinds: what a name refers to.
MENTION_KINDS = (
    "company",  # a corporation or other business entity
    "fund",  # a fund or limited partnership
    "bank",  # a bank or trust company
    "government",  # a government agency
    "organization",  # an organisation of unknown form
    "person",
    "group",  # a group of holders ("the Acme Holders Group")
    "agreement",  # an agreement or an amendment
    "security",  # a class of securities
    "filing",  # a filing or a form ("Form 8-A", "S-1 No. 333-42373")
    "document",  # an exhibit or other document
    "charter",  # articles, certificate of incorporation, bylaws
)

#: Fact kinds and the ontology property (local name) that states each.
PREDICATES: dict[str, str] = {
    "filing": "isSubmittedBy",  # filing -> registrant
    "identifier": "hasIdentifier",  # entity -> value (qualifier scheme)
    "incorporation": "isIncorporatedIn",  # entity -> jurisdiction (literal)
    "address": "hasAddress",  # entity -> address text (literal)
    "role": "hasRoleIn",  # person/org -> organization (qualifier role)
    "signed": "signedBy",  # filing -> signer
    "agreement": "hasContractParty",  # agreement -> party (first); qualifiers parties
    "amends": "amends",  # amendment -> amended
    "owns": "owns",  # owner -> issuer
    "ownership_limit": "hasOwnershipLimit",  # holder -> issuer
    "member": "isMemberOf",  # member -> group
    "exhibit": "hasExhibit",  # filing -> exhibit document
    "registers": "registers",  # filing -> security class
    "event": "reportsEvent",  # filing -> subject (qualifier type)
}

KINDS = tuple(PREDICATES)


@dataclass(frozen=True)
class Mention:
    """A reference to an entity, as resolved within one filing.

    Attributes:
        name: the best (longest, most formal) name in this filing, e.g.
            ``"Acme Value Fund"`` for a mention written ``"Acme"``.
        kind: one of :data:`MENTION_KINDS`.
        text: the words as written at this place, when they differ.
        identifiers: ``(scheme, value)`` pairs seen for it (``cik``,
            ``irs_ein``, ``commission_file_number``, ``registration_number``...).
        attrs: further facts about the mention, e.g. ``("form", "S-1")``
            and ``("date", "1998-02-11")`` for a filing that is cited.
    """

    name: str
    kind: str = "organization"
    text: str | None = None
    identifiers: tuple[tuple[str, str], ...] = ()
    attrs: tuple[tuple[str, Any], ...] = ()

    def attr(self, key: str, default: Any = None) -> Any:
        return dict(self.attrs).get(key, default)


@dataclass(frozen=True)
class Evidence:
    """An exact span of the decoded source: ``text == source[start:end]``."""

    doc: str  # the filing id (accession number, else file stem)
    start: int
    end: int
    text: str
    section: str | None = None  # e.g. "cover", "Item 1", "signature"
    document: int | None = None  # sequence of the document within the submission


@dataclass(frozen=True)
class Provenance:
    """Which component, at which version, with which rule, made the claim."""

    component: str  # the spaCy factory name, e.g. "secgraph_holdings"
    version: str  # e.g. "1"
    pattern: str | None = None  # the id of the pattern or rule that fired


@dataclass(frozen=True)
class Claim:
    """A statement read from a filing, with its evidence.

    Attributes:
        kind: one of :data:`KINDS`.
        subject: who or what the statement is about.
        predicate: the ontology property's local name (see :data:`PREDICATES`).
        object: a mention, a literal (str, int, float) or None.
        qualifiers: the kind's other fields as ``(name, value)`` pairs, values
            being str, int, float, or tuples of str (``parties``, ``items``).
        evidence: one or more spans; the first is the main one.
        provenance: the component that made it.
        confidence: 0..1; lowered when a check fails (see ``check`` qualifier).
    """

    kind: str
    subject: Mention
    predicate: str
    object: Mention | str | int | float | None
    qualifiers: tuple[tuple[str, Any], ...] = ()
    evidence: tuple[Evidence, ...] = ()
    provenance: Provenance = field(default_factory=lambda: Provenance("unknown", "0"))
    confidence: float = 1.0

    def q(self, key: str, default: Any = None) -> Any:
        """The value of qualifier ``key``."""
        for k, v in self.qualifiers:
            if k == key:
                return v
        return default

    @property
    def quals(self) -> dict[str, Any]:
        return dict(self.qualifiers)


def make_claim(
    kind: str,
    subject: Mention,
    obj: Mention | str | float | None,
    evidence: Evidence | tuple[Evidence, ...],
    provenance: Provenance,
    /,
    confidence: float = 1.0,
    **qualifiers: Any,
) -> Claim:
    """Build a claim of ``kind``, dropping qualifiers that are None.

    The leading parameters are positional-only, so a qualifier may be named
    ``subject`` (the subject of an event) or ``kind`` (an agreement's kind).
    """
    if kind not in PREDICATES:
        raise ValueError(f"unknown claim kind {kind!r}")
    evs = evidence if isinstance(evidence, tuple) else (evidence,)
    quals = tuple(
        (k, tuple(v) if isinstance(v, list) else v)
        for k, v in sorted(qualifiers.items())
        if v is not None
    )
    return Claim(kind, subject, PREDICATES[kind], obj, quals, evs, provenance, confidence)
