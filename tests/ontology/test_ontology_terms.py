"""The contract ontology/TERMS.md: every term it names is declared, as the right kind."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from ontology import OWL, RDF, RDFS, SG, XSD

TERMS_MD = Path(__file__).resolve().parents[2] / "ontology" / "TERMS.md"
KINDS = {
    "Classes": OWL.Class,
    "Object properties": OWL.ObjectProperty,
    "Datatype properties": OWL.DatatypeProperty,
}
_NAME = re.compile(r"^[A-Za-z][A-Za-z0-9]*$")


def _names(cell: str) -> list[str]:
    """Term names in a table cell: "name (⊑ rdfs:label), alias" -> ["name", "alias"]."""
    cell = re.sub(r"\([^)]*\)", "", cell)
    return [part.strip() for part in re.split(r"[,/]", cell) if _NAME.match(part.strip())]


def parse_terms(text: str) -> list[tuple[str, URIRef, str]]:
    """``(name, kind, second column)`` for every term named in the tables of TERMS.md."""
    rows: list[tuple[str, URIRef, str]] = []
    kind = None
    for line in text.splitlines():
        if line.startswith("## "):
            kind = KINDS.get(line[3:].strip())
            continue
        if kind is None or not line.startswith("|") or set(line) <= set("|- "):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if cells[0] == "term":
            continue
        rows += [(name, kind, cells[1]) for name in _names(cells[0])]
        # "abstract; subclasses CentralIndexKey, EmployerIdentificationNumber (...), ..."
        if kind == OWL.Class and (found := re.search(r"subclasses (.*)", cells[1])):
            rows += [(name, kind, "") for name in _names(found.group(1))]
    return rows


TEXT = TERMS_MD.read_text(encoding="utf-8")
ROWS = parse_terms(TEXT)
MENTIONED = sorted(set(re.findall(r"\bsg:([A-Za-z][A-Za-z0-9]*)", TEXT)))
RANGES = [(name, m.group(1)) for name, kind, cell in ROWS if (m := re.search(r"xsd:(\w+)", cell))]


def test_terms_tables_are_parsed_fully() -> None:
    names = {name for name, _, _ in ROWS}
    assert len(names) == len(ROWS), "a term is listed twice"
    for expected in ("Holding", "CentralIndexKey", "PressRelease", "OtherEvent", "LeaseAgreement"):
        assert expected in names
    for expected in ("amends", "isExhibitOf", "isDirectorOf", "resolvedBy"):
        assert expected in names
    for expected in ("normalizedName", "reportedDate", "matchKey", "evidenceEnd"):
        assert expected in names
    assert len(names) > 130


@pytest.mark.parametrize("name", sorted({name for name, _, _ in ROWS} | set(MENTIONED)))
def test_terms_name_is_in_the_closed_namespace(name: str) -> None:
    assert name in SG
    assert SG[name] == URIRef(str(SG) + name)


@pytest.mark.parametrize(("name", "kind"), [(name, kind) for name, kind, _ in ROWS])
def test_terms_name_is_declared_as_its_kind(ontology_graph: Graph, name: str, kind: URIRef) -> None:
    assert (SG[name], RDF.type, kind) in ontology_graph


@pytest.mark.parametrize(("name", "datatype"), RANGES)
def test_terms_datatype_property_has_the_stated_range(
    ontology_graph: Graph, name: str, datatype: str
) -> None:
    assert set(ontology_graph.objects(SG[name], RDFS.range)) == {XSD[datatype]}
