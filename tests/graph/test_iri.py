"""Deterministic IRIs from natural keys."""

from graph import iri
from ontology import ID


def test_iri_org_by_strongest_key_and_stable():
    assert (
        iri.org_iri("cik", "0000320193")
        == iri.org_iri("cik", "320193")
        == str(ID) + "org/cik-320193"
    )
    assert iri.org_iri("irs_ein", "58-1592285").endswith("org/ein-581592285")
    assert iri.org_iri("name", "acme widgets") == iri.org_iri("name", "acme widgets")


def test_iri_hashes_depend_on_every_part():
    a = iri.node_iri("holding", "o", "i", 100, 24.2)
    assert a == iri.node_iri("holding", "o", "i", 100, 24.2)
    assert a != iri.node_iri("holding", "o", "i", 100, 24.3)
    assert iri.node_iri("x", None) != iri.node_iri("x", "")


def test_iri_filing_and_graph_safe_for_odd_stems():
    f = iri.filing_iri("my filing#1")
    assert " " not in f and "#" not in f
    assert iri.graph_iri("0000950144-94-000277").endswith("graph/0000950144-94-000277")
    long = iri.slug("x" * 200)
    assert len(long) < 80 and long != iri.slug("x" * 199)
