"""The Turtle files parse, with rdflib and with independent parsers, to the same graph."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from ontology import DCTERMS, ONTOLOGY_PATH, OWL, RDF, RDFS, SHAPES_PATH, VANN, XSD

DATA = Path(__file__).resolve().parent / "data"
TURTLE_FILES = [ONTOLOGY_PATH, SHAPES_PATH, DATA / "sample.ttl", DATA / "bad_ontology.ttl"]
IDS = [path.name for path in TURTLE_FILES]
ONTOLOGY_IRI = URIRef("https://w3id.org/secgraph/ontology")


def _from_oxigraph(path: Path) -> Graph:
    """Parse with Oxigraph's own Turtle parser and convert the triples to rdflib."""
    graph = Graph()
    blanks: dict[str, BNode] = {}

    def term(node):
        if isinstance(node, pyoxigraph.NamedNode):
            return URIRef(node.value)
        if isinstance(node, pyoxigraph.BlankNode):
            return blanks.setdefault(node.value, BNode())
        if node.language is not None:
            return Literal(node.value, lang=node.language)
        # RDF 1.1: a simple literal is an xsd:string; rdflib keeps it without a datatype.
        datatype = None if node.datatype.value == str(XSD.string) else URIRef(node.datatype.value)
        return Literal(node.value, datatype=datatype)

    with path.open("rb") as handle:
        for triple in pyoxigraph.parse(handle, format=pyoxigraph.RdfFormat.TURTLE):
            graph.add((term(triple.subject), term(triple.predicate), term(triple.object)))
    return graph


@pytest.mark.parametrize("path", TURTLE_FILES, ids=IDS)
def test_parse_rdflib_reads_turtle(path: Path) -> None:
    graph = Graph().parse(path, format="turtle")
    assert len(graph) > 20


@pytest.mark.parametrize("path", TURTLE_FILES, ids=IDS)
def test_parse_pyoxigraph_reads_the_same_graph(path: Path) -> None:
    assert isomorphic(_from_oxigraph(path), Graph().parse(path, format="turtle"))


@pytest.mark.parametrize("path", TURTLE_FILES, ids=IDS)
def test_parse_rapper_reads_the_same_number_of_triples(path: Path) -> None:
    rapper = shutil.which("rapper")
    if rapper is None:
        pytest.skip("rapper not installed (Debian raptor2-utils; .ci/run installs it)")
    result = subprocess.run(
        [rapper, "-i", "turtle", "-c", str(path)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "error" not in result.stderr.lower(), result.stderr
    counted = re.search(r"returned (\d+) triples", result.stderr)
    assert counted, result.stderr
    assert int(counted.group(1)) == len(Graph().parse(path, format="turtle"))


def test_parse_ontology_header_has_version_licence_and_description(ontology_graph: Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in ontology_graph
    assert ontology_graph.value(ONTOLOGY_IRI, OWL.versionIRI) == URIRef(
        "https://w3id.org/secgraph/ontology/0.1.0"
    )
    assert ontology_graph.value(ONTOLOGY_IRI, DCTERMS.license) == URIRef(
        "https://opensource.org/licenses/MIT"
    )
    assert len(str(ontology_graph.value(ONTOLOGY_IRI, DCTERMS.description))) > 100
    assert str(ontology_graph.value(ONTOLOGY_IRI, VANN.preferredNamespaceUri)) == (
        "https://w3id.org/secgraph/ontology#"
    )
    # The data namespace is documented on the ontology.
    assert "https://w3id.org/secgraph/id/" in str(ontology_graph.value(ONTOLOGY_IRI, RDFS.comment))


def test_parse_ontology_imports_nothing(ontology_graph: Graph) -> None:
    assert list(ontology_graph.objects(None, OWL.imports)) == []
