"""Alignment: every external IRI the ontology references exists where it should."""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import DefinedNamespace

from ontology import DCTERMS, FOAF, OA, ORG, OWL, PROV, RDF, RDFS, SCHEMA, SG, SKOS, VANN, XSD

FIBO_BASES = ("https://spec.edmcouncil.org/fibo/ontology/", "https://www.omg.org/spec/Commons/")
#: Closed (or enumerated) namespaces whose terms the ontology may reference.
VOCABULARIES: dict[str, type[DefinedNamespace]] = {
    "prov": PROV,
    "foaf": FOAF,
    "org": ORG,
    "schema": SCHEMA,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "oa": OA,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "vann": VANN,
}


def _iris(graph: Graph) -> set[URIRef]:
    return {term for triple in graph for term in triple if isinstance(term, URIRef)}


def _fibo_iris(graph: Graph) -> set[str]:
    return {str(iri) for iri in _iris(graph) if str(iri).startswith(FIBO_BASES)}


def test_alignment_references_fibo(ontology_graph: Graph) -> None:
    assert len(_fibo_iris(ontology_graph)) >= 30


def test_alignment_fibo_iris_are_checked_terms(ontology_graph: Graph, fibo_terms: set[str]) -> None:
    assert sorted(_fibo_iris(ontology_graph) - fibo_terms) == []


def test_alignment_fibo_iris_are_declared_in_the_slice(
    ontology_graph: Graph, fibo_slice: Graph
) -> None:
    declared = {str(s) for s in fibo_slice.subjects(RDF.type, None)}
    assert sorted(_fibo_iris(ontology_graph) - declared) == []


@pytest.mark.parametrize("prefix", sorted(VOCABULARIES))
def test_alignment_external_terms_exist(ontology_graph: Graph, prefix: str) -> None:
    namespace = VOCABULARIES[prefix]
    base = str(namespace)
    # The namespace IRI itself may be linked (rdfs:seeAlso); its terms must exist.
    used = {iri for iri in _iris(ontology_graph) if str(iri).startswith(base) and str(iri) != base}
    assert sorted(str(iri) for iri in used if iri not in namespace) == []


def test_alignment_uses_only_known_namespaces(ontology_graph: Graph) -> None:
    known = (*FIBO_BASES, str(SG), str(XSD), *(str(ns) for ns in VOCABULARIES.values()))
    # Documentation links on the ontology header are not terms.
    ignored = {"https://w3id.org/secgraph/ontology", "https://opensource.org/licenses/MIT"}
    unknown = {
        str(iri)
        for iri in _iris(ontology_graph)
        if not str(iri).startswith(known) and str(iri) not in ignored
    }
    unknown -= {str(o) for o in ontology_graph.objects(None, RDFS.seeAlso)}
    unknown -= {str(o) for o in ontology_graph.objects(None, DCTERMS.source)}
    unknown -= {str(o) for o in ontology_graph.objects(None, OWL.versionIRI)}
    assert sorted(unknown) == []


def test_alignment_declares_nothing_outside_sg(ontology_graph: Graph) -> None:
    # We align to other vocabularies; we never redefine their terms.
    subjects = {s for s in ontology_graph.subjects() if isinstance(s, URIRef)}
    foreign = {str(s) for s in subjects if not str(s).startswith(str(SG))}
    assert foreign == {"https://w3id.org/secgraph/ontology"}


def test_alignment_declares_no_disjointness(ontology_graph: Graph) -> None:
    # Disjoint classes would make a misclassified node an OWL RL inconsistency.
    assert list(ontology_graph.triples((None, OWL.disjointWith, None))) == []
    assert list(ontology_graph.subjects(RDF.type, OWL.AllDisjointClasses)) == []
