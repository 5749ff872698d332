"""Fixtures for the ontology tests: the graphs, the sample data and ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph

from ontology import load_ontology, load_shapes

DATA = Path(__file__).resolve().parent / "data"
REPO = Path(__file__).resolve().parents[2]
#: ../shared beside the checkout (fibo-slice.ttl, fibo-terms.txt).
SHARED = REPO.parent / "shared"
FIBO_SLICE = SHARED / "vocab" / "fibo-slice.ttl"
FIBO_TERMS = SHARED / "vocab" / "fibo-terms.txt"


@pytest.fixture(scope="session")
def ontology_graph() -> Graph:
    return load_ontology()


@pytest.fixture(scope="session")
def shapes_graph() -> Graph:
    return load_shapes()


@pytest.fixture()
def sample_graph() -> Graph:
    """A fresh copy of the conforming sample, safe to modify."""
    return Graph().parse(DATA / "sample.ttl", format="turtle")


@pytest.fixture(scope="session")
def fibo_slice() -> Graph:
    if not FIBO_SLICE.exists():
        pytest.skip(f"FIBO slice not found at {FIBO_SLICE} (../shared is not beside the checkout)")
    return Graph().parse(FIBO_SLICE, format="turtle")


@pytest.fixture(scope="session")
def fibo_terms() -> set[str]:
    if not FIBO_TERMS.exists():
        pytest.skip(
            f"FIBO term list not found at {FIBO_TERMS} (../shared is not beside the checkout)"
        )
    lines = FIBO_TERMS.read_text(encoding="utf-8").splitlines()
    return {line.split("|", 1)[1].strip() for line in lines if "|" in line}
