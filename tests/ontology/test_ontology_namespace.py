"""The closed namespace SG, its generator, the loaders and the concept helpers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

import ontology
from ontology import (
    OA,
    OWL,
    RDF,
    SG,
    SKOS,
    bind_prefixes,
    form_item_concept,
    form_type_concept,
    generate,
    load_ontology,
    load_shapes,
)

REPO = Path(__file__).resolve().parents[2]
DECLARED_KINDS = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    SKOS.ConceptScheme,
    SKOS.Concept,
)


def _declared(graph: Graph) -> set[str]:
    """Local names of every sg: term the ontology declares."""
    return {
        str(term)[len(str(SG)) :]
        for kind in DECLARED_KINDS
        for term in graph.subjects(RDF.type, kind)
        if str(term).startswith(str(SG))
    }


def test_namespace_generated_module_is_up_to_date(ontology_graph: Graph) -> None:
    module = Path(ontology.__file__).parent / "_namespace.py"
    assert generate.render(ontology_graph) == module.read_text(encoding="utf-8"), (
        "ontology/_namespace.py is stale: run python -m ontology.generate"
    )


def test_namespace_generate_check_exits_1_when_stale(tmp_path: Path, monkeypatch) -> None:
    assert generate.main(["--check"]) == 0
    stale = tmp_path / "_namespace.py"
    stale.write_text("# stale\n", encoding="utf-8")
    monkeypatch.setattr(generate, "TARGET", stale)
    assert generate.main(["--check"]) == 1
    assert generate.main([]) == 0
    assert generate.main(["--check"]) == 0


def test_namespace_misspelt_term_raises() -> None:
    assert SG.Holding == URIRef("https://w3id.org/secgraph/ontology#Holding")
    with pytest.raises(AttributeError):
        _ = SG.Holdng
    with pytest.raises(AttributeError):
        _ = SG["form-8-Q"]


def test_namespace_has_exactly_the_declared_terms(ontology_graph: Graph) -> None:
    members = set(SG.__annotations__) | set(SG._extras)
    assert members == _declared(ontology_graph)


@pytest.mark.parametrize("name", sorted(_declared(load_ontology())))
def test_namespace_term_resolves_to_its_iri(name: str) -> None:
    iri = URIRef(str(SG) + name)
    assert SG[name] == iri
    if name.isidentifier():
        # Attribute access must not be shadowed by a class attribute (e.g. "mro").
        assert getattr(SG, name) == iri


def test_namespace_oa_is_closed() -> None:
    assert OA.exact == URIRef("http://www.w3.org/ns/oa#exact")
    with pytest.raises(AttributeError):
        _ = OA.exactText


def test_namespace_loaders_return_fresh_copies() -> None:
    first = load_ontology()
    size = len(first)
    first.remove((None, None, None))
    assert len(load_ontology()) == size
    assert len(load_shapes()) > 0
    # The copy keeps the Turtle's prefixes.
    assert dict(load_ontology().namespaces())["fibo-fnd-oac-own"] == URIRef(
        "https://spec.edmcouncil.org/fibo/ontology/FND/OwnershipAndControl/Ownership/"
    )


def test_namespace_bind_prefixes_binds_sg_and_id() -> None:
    graph = bind_prefixes(Graph())
    bound = {prefix: str(ns) for prefix, ns in graph.namespaces()}
    assert bound["sg"] == str(SG)
    assert bound["id"] == "https://w3id.org/secgraph/id/"
    assert bound["oa"] == "http://www.w3.org/ns/oa#"


@pytest.mark.parametrize(
    ("form", "local"),
    [
        ("8-A/A", "form-8-A-A"),
        ("8-K", "form-8-K"),
        ("SC 13D/A", "form-SC-13D-A"),
        (" sc 13d/a ", "form-SC-13D-A"),
        ("DEF 14A", "form-DEF-14A"),
        ("8-A12G/A", "form-8-A12G-A"),
        ("4", "form-4"),
        ("13F-HR/A", "form-13F-HR-A"),
        ("SC TO-T/A", "form-SC-TO-T-A"),
    ],
)
def test_namespace_form_type_concept_maps_form_to_declared_concept(
    ontology_graph: Graph, form: str, local: str
) -> None:
    concept = form_type_concept(form, strict=True)
    assert concept == SG[local]
    assert (concept, RDF.type, SG.FormType) in ontology_graph


def test_namespace_form_type_concept_outside_the_scheme() -> None:
    assert form_type_concept("10-KT/A") == URIRef(str(SG) + "form-10-KT-A")
    with pytest.raises(KeyError):
        form_type_concept("10-KT/A", strict=True)
    with pytest.raises(ValueError):
        form_type_concept(" / ")


@pytest.mark.parametrize(
    ("item", "local"),
    [
        ("2.01", "item-2.01"),
        ("Item 2.01.", "item-2.01"),
        ("ITEM 2.01", "item-2.01"),
        ("2.1", "item-2.01"),
        ("9.01", "item-9.01"),
        ("5", "item-5"),
        ("Item 5.", "item-5"),
        ("12", "item-12"),
    ],
)
def test_namespace_form_item_concept_maps_item_to_declared_concept(
    ontology_graph: Graph, item: str, local: str
) -> None:
    concept = form_item_concept(item, strict=True)
    assert concept == SG[local]
    assert (concept, RDF.type, SG.FormItem) in ontology_graph


@pytest.mark.parametrize("item", ["", "Item", "2.01a", "two", "2..01"])
def test_namespace_form_item_concept_rejects_non_items(item: str) -> None:
    with pytest.raises(ValueError):
        form_item_concept(item)


def test_namespace_form_item_concept_outside_the_scheme() -> None:
    assert form_item_concept("13") == URIRef(str(SG) + "item-13")
    with pytest.raises(KeyError):
        form_item_concept("13", strict=True)


@pytest.mark.parametrize(
    ("scheme", "helper"),
    [("FormTypeScheme", form_type_concept), ("FormItemScheme", form_item_concept)],
)
def test_namespace_every_notation_maps_back_to_its_concept(
    ontology_graph: Graph, scheme: str, helper
) -> None:
    concepts = list(ontology_graph.subjects(SKOS.inScheme, SG[scheme]))
    assert len(concepts) > 30
    for concept in concepts:
        notation = ontology_graph.value(concept, SKOS.notation)
        assert isinstance(notation, Literal)
        assert helper(str(notation), strict=True) == concept


def test_namespace_scheme_has_the_required_forms_and_items(ontology_graph: Graph) -> None:
    notations = {str(n) for n in ontology_graph.objects(None, SKOS.notation)}
    forms = {"8-K", "8-A", "8-A/A", "SC 13D", "SC 13D/A", "SC 13G", "SC 13G/A", "DEF 14A"}
    forms |= {"10-K", "10-Q", "S-1", "S-3", "4", "13F-HR", "424B5"}
    items = {str(n) for n in range(1, 13)} | {"1.01", "2.01", "2.02", "5.02", "8.01", "9.01"}
    assert forms | items <= notations


def test_namespace_code_uses_only_declared_terms() -> None:
    """graph/ and extractors/ use declared sg: terms only: via SG in Python, sg: in SPARQL."""
    used: set[tuple[str, str]] = set()
    for folder in ("graph", "extractors"):
        for path in (REPO / folder).rglob("*.py"):
            text = path.read_text(encoding="utf-8")
            used |= {(path.name, m) for m in re.findall(r"\bSG\.([A-Za-z_]\w*)", text)}
            used |= {(path.name, m) for m in re.findall(r"\bSG\[\s*[\"']([^\"']+)[\"']\s*\]", text)}
            assert "w3id.org/secgraph/ontology#" not in text, f"IRI string in {path}"
        for path in (REPO / folder).rglob("*.rq"):
            text = path.read_text(encoding="utf-8")
            used |= {(path.name, m) for m in re.findall(r"\bsg:([A-Za-z][\w.-]*\w)", text)}
    unknown = sorted((file, name) for file, name in used if name not in SG)
    assert unknown == []
