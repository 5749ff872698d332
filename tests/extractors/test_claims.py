"""The claim contract: kinds and predicates agree with the ontology."""

from __future__ import annotations

import pytest

from extractors.claims import KINDS, PREDICATES, Evidence, Mention, Provenance, make_claim
from ontology import SG


@pytest.mark.parametrize("kind", KINDS)
def test_claims_predicate_is_an_ontology_property(kind):
    SG[PREDICATES[kind]]  # a closed namespace: an undeclared term raises


def test_claims_make_claim_drops_none_and_freezes_lists():
    ev = Evidence("doc", 0, 3, "abc")
    claim = make_claim("agreement", Mention("Credit Agreement", "agreement"), None, ev,
                       Provenance("secgraph_agreements", "1"), date=None, parties=["A", "B"])
    assert claim.qualifiers == (("parties", ("A", "B")),)
    assert claim.predicate == "hasContractParty" and claim.evidence == (ev,)
    with pytest.raises(ValueError):
        make_claim("nonsense", Mention("x"), None, ev, Provenance("x", "1"))
