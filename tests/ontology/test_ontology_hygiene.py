"""Hygiene queries (ontology/hygiene/*.rq): none flags the ontology, each flags the bad snippet."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Graph, URIRef

from ontology import ONTOLOGY_PATH, SG

HYGIENE = ONTOLOGY_PATH.parent / "hygiene"
QUERIES = sorted(HYGIENE.glob("*.rq"))
BAD = Path(__file__).resolve().parent / "data" / "bad_ontology.ttl"

#: query file -> the terms of the bad snippet it must return (first column).
EXPECTED: dict[str, set[str]] = {
    "term-without-label.rq": {"Unlabelled"},
    "term-without-definition.rq": {"Undefined", "EmptyDefinition"},
    "label-not-lower-case.rq": {"Shouting"},
    "class-name-not-upper-camel-case.rq": {"lowerClass", "Holdings"},
    "property-name-not-lower-camel-case.rq": {"HasOwner"},
    "property-without-domain.rq": {"noDomain"},
    "property-without-range.rq": {"noRange"},
    "property-range-kind-mismatch.rq": {"textualLink", "classValued"},
    "concept-incomplete.rq": {"form-NO-NOTATION"},
    "concept-notation-not-unique.rq": {"form-X"},
    "term-undeclared.rq": {"Agreemnt"},
}
#: Terms of the bad snippet that are fine: no query may return them.
GOOD = {"GoodClass", "goodProperty", "openProperty"}
NAMESPACE = str(SG)


def _rows_rdflib(graph: Graph, query: Path) -> set[str]:
    return {str(row[0]) for row in graph.query(query.read_text(encoding="utf-8"))}


def _rows_oxigraph(path: Path, query: Path) -> set[str]:
    store = pyoxigraph.Store()
    store.load(path=str(path), format=pyoxigraph.RdfFormat.TURTLE)
    return {row[0].value for row in store.query(query.read_text(encoding="utf-8"))}


def _local(terms: set[str]) -> set[str]:
    return {term.removeprefix(NAMESPACE) for term in terms}


@pytest.fixture(scope="module")
def bad_graph() -> Graph:
    return Graph().parse(BAD, format="turtle")


def test_hygiene_every_query_has_a_bad_case() -> None:
    assert QUERIES, f"no hygiene queries in {HYGIENE}"
    assert {query.name for query in QUERIES} == set(EXPECTED)


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_hygiene_query_has_a_comment_header(query: Path) -> None:
    first = query.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# Hygiene check: "), first


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_hygiene_query_returns_no_rows_on_the_ontology(ontology_graph: Graph, query: Path) -> None:
    assert _local(_rows_rdflib(ontology_graph, query)) == set()


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_hygiene_query_returns_no_rows_on_the_ontology_in_oxigraph(query: Path) -> None:
    assert _local(_rows_oxigraph(ONTOLOGY_PATH, query)) == set()


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_hygiene_query_flags_the_bad_snippet(bad_graph: Graph, query: Path) -> None:
    found = _local(_rows_rdflib(bad_graph, query))
    assert EXPECTED[query.name] <= found
    assert not GOOD & found


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_hygiene_query_flags_the_bad_snippet_in_oxigraph(query: Path) -> None:
    found = _local(_rows_oxigraph(BAD, query))
    assert EXPECTED[query.name] <= found
    assert not GOOD & found


def test_hygiene_open_properties_are_marked_in_the_ontology(ontology_graph: Graph) -> None:
    # Guard against "fixing" a missing domain by marking everything open.
    open_domain = set(ontology_graph.subjects(SG.openDomain, None))
    assert URIRef(SG.statedIn) in open_domain
    assert URIRef(SG.hasOwner) not in open_domain
    assert len(open_domain) <= 20
