"""SHACL (pyshacl): the sample conforms; each broken sample fails with its shape's message."""

from __future__ import annotations

import pyshacl
import pytest
from rdflib import BNode, Graph, URIRef

from ontology import RDF, RDFS, SG, SH, XSD
from ontology import validate as validate_with_ontology

SGSH = "https://w3id.org/secgraph/shapes#"
PREFIXES = """
PREFIX sg: <https://w3id.org/secgraph/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX ent: <https://w3id.org/secgraph/id/entity/>
PREFIX filing: <https://w3id.org/secgraph/id/filing/>
PREFIX fact: <https://w3id.org/secgraph/id/fact/>
PREFIX ev: <https://w3id.org/secgraph/id/evidence/>
"""


def _replace(node: str, prop: str, value: str) -> str:
    return f"DELETE {{ {node} {prop} ?old }} INSERT {{ {node} {prop} {value} }} WHERE {{ {node} {prop} ?old }}"


#: (case id, the shapes whose messages the report must hold, SPARQL Update on the sample)
BROKEN = [
    (
        "holding-without-owner",
        {"HoldingShape"},
        "DELETE DATA { fact:holding-1 sg:hasOwner ent:lakeshore-fund }",
    ),
    (
        "holding-two-issuers",
        {"HoldingShape"},
        "INSERT DATA { fact:holding-1 sg:hasIssuer ent:atlantic-trust }",
    ),
    (
        "holding-percent-over-100",
        {"HoldingShape"},
        _replace("fact:holding-1", "sg:percentOfClass", "120.5"),
    ),
    (
        "holding-negative-shares",
        {"HoldingShape"},
        _replace("fact:holding-1", "sg:shareCount", '"-5.0"^^xsd:decimal'),
    ),
    (
        "holding-percent-as-double",
        {"HoldingShape"},
        _replace("fact:holding-1", "sg:percentOfClass", '"21.5"^^xsd:double'),
    ),
    (
        "holding-neither-percent-nor-shares",
        {"HoldingShape"},
        "DELETE WHERE { fact:holding-1 sg:percentOfClass ?p ; sg:shareCount ?n }",
    ),
    (
        "amendment-amends-nothing",
        {"AmendmentShape"},
        "DELETE WHERE { fact:amendment-3 sg:amends ?x }",
    ),
    (
        "amendment-amends-two",
        {"AmendmentShape"},
        "INSERT DATA { fact:amendment-3 sg:amends filing:stub-8-a-1998 }",
    ),
    (
        "amendment-number-zero",
        {"AmendmentShape"},
        _replace("fact:amendment-2", "sg:amendmentNumber", "0"),
    ),
    (
        "amendment-neither-number-nor-date",
        {"AmendmentShape"},
        "DELETE WHERE { fact:amendment-2 sg:amendmentNumber ?n ; sg:effectiveDate ?d }",
    ),
    (
        "signature-without-signer",
        {"SignatureShape"},
        "DELETE WHERE { fact:signature-1 sg:hasSigner ?s }",
    ),
    (
        "signature-without-filing",
        {"SignatureShape"},
        "DELETE DATA { filing:0000000001-03-000010 sg:hasSignature fact:signature-1 }",
    ),
    (
        "limit-without-threshold",
        {"OwnershipLimitShape"},
        "DELETE WHERE { fact:limit-1 sg:thresholdPercent ?p }",
    ),
    (
        "limit-threshold-over-100",
        {"OwnershipLimitShape"},
        _replace("fact:limit-1", "sg:thresholdPercent", "140"),
    ),
    (
        "role-two-holders",
        {"RoleShape"},
        "INSERT DATA { fact:role-1 sg:roleHolder ent:dana-whitcomb }",
    ),
    (
        "role-ends-before-it-starts",
        {"RoleShape"},
        'INSERT DATA { fact:role-1 sg:endDate "2000-01-01"^^xsd:date }',
    ),
    ("role-without-title", {"RoleShape"}, "DELETE WHERE { fact:role-2 sg:roleTitle ?t }"),
    (
        "holding-not-derived",
        {"ProvenanceShape"},
        "DELETE WHERE { fact:holding-1 prov:wasDerivedFrom ?f }",
    ),
    (
        "role-derived-from-non-filing",
        {"ProvenanceShape"},
        _replace("fact:role-1", "prov:wasDerivedFrom", "ent:rights-agreement"),
    ),
    (
        "signature-without-evidence",
        {"ProvenanceShape"},
        "DELETE WHERE { fact:signature-1 sg:hasEvidence ?e }",
    ),
    (
        "limit-without-evidence",
        {"ProvenanceShape"},
        "DELETE WHERE { fact:limit-1 sg:hasEvidence ?e }",
    ),
    (
        "evidence-quote-selector-untyped",
        {"ProvenanceShape"},
        "DELETE DATA { ev:f1-1200-1290-quote a oa:TextQuoteSelector }",
    ),
    (
        "evidence-quote-blank",
        {"ProvenanceShape", "TextQuoteSelectorShape"},
        _replace("ev:f1-1200-1290-quote", "oa:exact", '"   "'),
    ),
    (
        "evidence-without-source",
        {"EvidenceShape"},
        "DELETE WHERE { ev:f1-5400-5460 oa:hasSource ?f }",
    ),
    (
        "evidence-blank-selector",
        {"EvidenceShape"},
        (
            "DELETE { ev:f1-5400-5460 oa:hasSelector ev:f1-5400-5460-position } "
            "INSERT { ev:f1-5400-5460 oa:hasSelector "
            "[ a oa:TextPositionSelector ; oa:start 1 ; oa:end 2 ] } WHERE { }"
        ),
    ),
    (
        "quote-with-two-texts",
        {"TextQuoteSelectorShape"},
        'INSERT DATA { ev:f2-10-40-quote oa:exact "FORM 8-A/A" }',
    ),
    (
        "position-start-after-end",
        {"TextPositionSelectorShape"},
        _replace("ev:f2-10-40-position", "oa:start", "90"),
    ),
    (
        "position-negative-start",
        {"TextPositionSelectorShape"},
        _replace("ev:f2-10-40-position", "oa:start", '"-1"^^xsd:integer'),
    ),
    (
        "position-start-as-text",
        {"TextPositionSelectorShape"},
        _replace("ev:f2-10-40-position", "oa:start", '"10"'),
    ),
    (
        "as-of-date-as-text",
        {"DateShape"},
        _replace("fact:holding-1", "sg:asOfDate", '"2003-09-30"'),
    ),
    (
        "filed-date-as-datetime",
        {"DateShape"},
        _replace(
            "filing:0000000001-03-000010", "sg:filedDate", '"2003-10-01T00:00:00"^^xsd:dateTime'
        ),
    ),
    (
        "effective-date-as-text",
        {"DateShape"},
        _replace("fact:amendment-3", "sg:effectiveDate", '"November 18, 2003"'),
    ),
]


def validate(data: Graph, shapes: Graph) -> tuple[bool, set[str], list[str]]:
    """Conformance, the shapes named by the report's messages, and the messages."""
    conforms, report, _ = pyshacl.validate(data, shacl_graph=shapes, inference="none")
    messages = [str(m) for m in report.objects(None, SH.resultMessage)]
    return conforms, {message.split(":", 1)[0] for message in messages}, messages


def _node_shapes(shapes: Graph) -> set[URIRef]:
    return {s for s in shapes.subjects(RDF.type, SH.NodeShape) if isinstance(s, URIRef)}


def _targeted(shapes: Graph) -> set[str]:
    targets = (SH.targetClass, SH.targetSubjectsOf, SH.targetObjectsOf, SH.targetNode)
    return {
        str(shape).removeprefix(SGSH)
        for shape in _node_shapes(shapes)
        if any(shapes.value(shape, target) is not None for target in targets)
    }


def test_shapes_sample_conforms(sample_graph: Graph, shapes_graph: Graph) -> None:
    conforms, _, messages = validate(sample_graph, shapes_graph)
    assert conforms, messages


@pytest.mark.parametrize(
    ("case", "expected", "update"), BROKEN, ids=[case for case, _, _ in BROKEN]
)
def test_shapes_broken_sample_fails_with_its_shape_message(
    sample_graph: Graph, shapes_graph: Graph, case: str, expected: set[str], update: str
) -> None:
    before = set(sample_graph)
    sample_graph.update(PREFIXES + update)
    assert set(sample_graph) != before, f"{case}: the update changed nothing"
    conforms, failed, messages = validate(sample_graph, shapes_graph)
    assert not conforms, f"{case}: the broken sample conforms"
    assert failed == expected, messages


def test_shapes_every_targeted_shape_has_a_broken_case(shapes_graph: Graph) -> None:
    covered = set().union(*(expected for _, expected, _ in BROKEN))
    assert _targeted(shapes_graph) == covered


def test_shapes_every_shape_has_a_message_that_names_it(shapes_graph: Graph) -> None:
    for shape in _node_shapes(shapes_graph):
        name = str(shape).removeprefix(SGSH)
        messages = list(shapes_graph.objects(shape, SH.message))
        assert [str(m).split(":", 1)[0] for m in messages] == [name]
        for prop in shapes_graph.objects(shape, SH.property):
            message = shapes_graph.value(prop, SH.message)
            assert message is not None and str(message).startswith(name + ": "), (name, prop)


def test_shapes_use_only_declared_terms(shapes_graph: Graph) -> None:
    used = {
        t
        for triple in shapes_graph
        for t in triple
        if isinstance(t, URIRef) and str(t).startswith(str(SG))
    }
    assert used, "the shapes name no sg: term"
    assert sorted(str(t) for t in used if t not in SG) == []


def test_shapes_date_shape_covers_every_date_property(
    ontology_graph: Graph, shapes_graph: Graph
) -> None:
    date_properties = set(ontology_graph.subjects(RDFS.range, XSD.date))
    shape = URIRef(SGSH + "DateShape")
    targets = set(shapes_graph.objects(shape, SH.targetSubjectsOf))
    checked = {
        shapes_graph.value(prop, SH.path)
        for prop in shapes_graph.objects(shape, SH.property)
        if shapes_graph.value(prop, SH.datatype) == XSD.date
    }
    assert len(date_properties) >= 12
    assert targets == date_properties
    assert checked == date_properties


def test_shapes_selectors_in_the_sample_are_iris(sample_graph: Graph) -> None:
    # Deterministic builds: evidence and selector nodes are IRIs, never blank nodes.
    for predicate in (SG.hasEvidence, URIRef("http://www.w3.org/ns/oa#hasSelector")):
        assert not any(isinstance(o, BNode) for o in sample_graph.objects(None, predicate))


def test_shapes_target_every_subclass_of_their_classes(
    ontology_graph: Graph, shapes_graph: Graph
) -> None:
    for shape in _node_shapes(shapes_graph):
        targets = set(shapes_graph.objects(shape, SH.targetClass))
        for cls in targets:
            subclasses = set(ontology_graph.transitive_subjects(RDFS.subClassOf, cls)) - {cls}
            assert subclasses <= targets, (shape, sorted(subclasses - targets))


@pytest.mark.parametrize(
    "case", ["role-two-holders", "holding-without-owner", "as-of-date-as-text"]
)
def test_shapes_validate_helper_agrees(sample_graph: Graph, case: str) -> None:
    conforms, _, text = validate_with_ontology(sample_graph)
    assert conforms, text
    update = next(update for name, _, update in BROKEN if name == case)
    expected = next(shapes for name, shapes, _ in BROKEN if name == case)
    sample_graph.update(PREFIXES + update)
    conforms, report, _ = validate_with_ontology(sample_graph)
    assert not conforms
    assert {str(m).split(":", 1)[0] for m in report.objects(None, SH.resultMessage)} == expected
