"""The README's vocabulary section: its examples run and its terms exist."""

from __future__ import annotations

import re

import pytest
from rdflib import Graph

from ontology import ONTOLOGY_PATH, SG, validate

DOC = ONTOLOGY_PATH.parent.parent / "README.md"
TEXT = DOC.read_text(encoding="utf-8").split("## The vocabulary", 1)[1].split("\n## ", 1)[0]
EXAMPLES = re.findall(r"```turtle\n(.*?)```", TEXT, flags=re.DOTALL)


def test_vocabulary_doc_has_a_holding_and_an_amendment_example() -> None:
    assert len(EXAMPLES) == 2
    assert "sg:Holding" in EXAMPLES[0]
    assert "sg:previousAmendment" in EXAMPLES[1] and "oa:TextQuoteSelector" in EXAMPLES[1]


@pytest.mark.parametrize("example", EXAMPLES, ids=["holding", "amendment-chain"])
def test_vocabulary_doc_example_conforms_to_the_shapes(example: str) -> None:
    graph = Graph().parse(data=example, format="turtle")
    conforms, _, text = validate(graph)
    assert conforms, text


def test_vocabulary_doc_names_only_declared_terms() -> None:
    names = set(re.findall(r"\bsg:([A-Za-z][\w.-]*[\w])", TEXT))
    assert len(names) > 40
    assert sorted(name for name in names if name not in SG) == []
