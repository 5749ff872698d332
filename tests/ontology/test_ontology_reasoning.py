"""OWL 2 RL closure (owlrl) of the ontology plus the sample: consistent, expected inferences."""

from __future__ import annotations

from pathlib import Path

import owlrl
import pytest
from owlrl.Namespaces import ERRNS
from rdflib import Graph, URIRef

from ontology import FOAF, ID, OA, OWL, PROV, RDF, SCHEMA, SG, load_ontology

DATA = Path(__file__).resolve().parent / "data"
CMNS_ORG = "https://www.omg.org/spec/Commons/Organizations/"
CMNS_RGA = "https://www.omg.org/spec/Commons/RegulatoryAgencies/"
FIBO = "https://spec.edmcouncil.org/fibo/ontology/"
OWNERSHIP = URIRef(FIBO + "FND/OwnershipAndControl/Ownership/Ownership")


def problems(graph: Graph) -> list[str]:
    """owlrl's inconsistency reports, and members of owl:Nothing, in a closed graph.

    owlrl does not raise on an inconsistency: it adds a node of type
    ``ERRNS.ErrorMessage`` with the text under ``ERRNS.error``.
    """
    found = [
        str(graph.value(node, ERRNS.error)) for node in graph.subjects(RDF.type, ERRNS.ErrorMessage)
    ]
    found += [f"{node} is owl:Nothing" for node in graph.subjects(RDF.type, OWL.Nothing)]
    return found


def close(graph: Graph) -> Graph:
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics).expand(graph)
    return graph


def _ontology_and_sample() -> Graph:
    graph = load_ontology()
    graph.parse(DATA / "sample.ttl", format="turtle")
    return graph


@pytest.fixture(scope="module")
def closed_plain() -> Graph:
    return close(_ontology_and_sample())


@pytest.fixture(scope="module")
def closed_with_slice(fibo_slice: Graph) -> Graph:
    graph = _ontology_and_sample()
    graph += fibo_slice
    return close(graph)


@pytest.fixture(params=["ontology", "ontology+fibo-slice"])
def closed(request: pytest.FixtureRequest) -> Graph:
    """The closure without, then with, the FIBO slice (its parents and domains)."""
    name = "closed_plain" if request.param == "ontology" else "closed_with_slice"
    return request.getfixturevalue(name)


def test_reasoning_closure_is_consistent(closed: Graph) -> None:
    assert problems(closed) == []


@pytest.mark.parametrize(
    ("node", "cls"),
    [
        ("fact/holding-1", OWNERSHIP),
        ("entity/peachtree", URIRef(CMNS_ORG + "LegalEntity")),
        ("entity/peachtree", URIRef(FIBO + "BE/LegalEntities/CorporateBodies/StockCorporation")),
        ("entity/peachtree", PROV.Organization),
        ("entity/peachtree", SCHEMA.Organization),
        ("entity/lakeshore-fund", URIRef(FIBO + "BE/Partnerships/Partnerships/LimitedPartnership")),
        ("entity/dana-whitcomb", URIRef(FIBO + "FND/AgentsAndPeople/People/Person")),
        ("entity/dana-whitcomb", FOAF.Person),
        (
            "entity/lakeshore-group",
            URIRef(FIBO + "BE/OwnershipAndControl/ControlParties/ControllingAlliance"),
        ),
        ("filing/0000000001-03-000010", URIRef(CMNS_RGA + "RegulatoryReport")),
        ("filing/0000000001-03-000010", PROV.Entity),
        ("fact/amendment-3", URIRef(FIBO + "FND/Agreements/Contracts/WrittenContract")),
        (
            "fact/role-2",
            URIRef(FIBO + "FBC/ProductsAndServices/FinancialProductsAndServices/LegalAgent"),
        ),
        ("fact/signature-1", PROV.Attribution),
        ("evidence/f1-1200-1290", OA.SpecificResource),
        ("run/run-1", PROV.Activity),
        # range inference: the untyped S-1 stub is a filing, hence a regulatory report
        ("entity/s1-stub", SG.Filing),
        ("entity/s1-stub", URIRef(CMNS_RGA + "RegulatoryReport")),
        # domain inference: whoever signs is an agent
        ("entity/jordan-ellis", PROV.Agent),
    ],
)
def test_reasoning_infers_superclass(closed: Graph, node: str, cls: URIRef) -> None:
    assert (ID[node], RDF.type, cls) in closed


@pytest.mark.parametrize(
    ("node", "cls"),
    [
        ("filing/0000000001-03-000010", URIRef(FIBO + "FND/Arrangements/Reporting/Report")),
        ("entity/peachtree", URIRef(FIBO + "BE/LegalEntities/CorporateBodies/Corporation")),
        ("entity/lakeshore-fund", URIRef(FIBO + "FND/OwnershipAndControl/Ownership/Owner")),
        (
            "fact/holding-1",
            URIRef("https://www.omg.org/spec/Commons/PartiesAndSituations/Situation"),
        ),
    ],
)
def test_reasoning_infers_fibo_parents_with_the_slice(
    closed_with_slice: Graph, node: str, cls: URIRef
) -> None:
    # Only the slice knows that a regulatory report is a FIBO report, and so on.
    assert (ID[node], RDF.type, cls) in closed_with_slice


@pytest.mark.parametrize(
    ("subject", "predicate", "obj"),
    [
        ("fact/amendment-3", PROV.wasRevisionOf, "entity/rights-agreement"),
        (
            "fact/holding-1",
            URIRef(FIBO + "FND/OwnershipAndControl/Ownership/hasOwningParty"),
            "entity/lakeshore-fund",
        ),
        ("fact/signature-2", PROV.wasDerivedFrom, "filing/0000000002-03-000020"),
        ("entity/atlantic-trust", SG.isPartyTo, "entity/rights-agreement"),
        ("entity/exhibit-4-1", SG.isExhibitOf, "filing/0000000002-03-000020"),
        ("entity/jordan-ellis", SG.hasRoleIn, "entity/peachtree"),
        ("filing/0000000001-03-000010", PROV.wasAttributedTo, "entity/dana-whitcomb"),
    ],
)
def test_reasoning_infers_property(
    closed: Graph, subject: str, predicate: URIRef, obj: str
) -> None:
    assert (ID[subject], predicate, ID[obj]) in closed


def test_reasoning_problems_are_detected() -> None:
    """The consistency check can fail: a deliberate clash is reported."""
    graph = load_ontology()
    graph.parse(
        data="""
        @prefix sg: <https://w3id.org/secgraph/ontology#> .
        @prefix owl: <http://www.w3.org/2002/07/owl#> .
        sg:Person owl:disjointWith sg:LegalEntity .
        <https://w3id.org/secgraph/id/entity/x> a sg:Person , sg:Corporation .
        """,
        format="turtle",
    )
    assert problems(close(graph))
