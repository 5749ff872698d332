"""Exports parse back to the same dataset, and independent parsers accept them."""

import shutil
import subprocess

import pyoxigraph as ox
import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic


def _dataset_lines(data: bytes, fmt: ox.RdfFormat) -> set[str]:
    return {str(q) for q in ox.parse(data, format=fmt)}


def test_export_nq_and_trig_round_trip_same_dataset(seed_kg):
    expected = {str(q) for q in seed_kg.store.quads()}
    for fmt, ox_fmt in (("nq", ox.RdfFormat.N_QUADS), ("trig", ox.RdfFormat.TRIG)):
        data = seed_kg.export(fmt)
        assert _dataset_lines(data, ox_fmt) == expected, fmt
    trig = Dataset()
    trig.parse(data=seed_kg.export("trig").decode(), format="trig")
    nq = Dataset()
    nq.parse(data=seed_kg.export("nq").decode(), format="nquads")
    tq = {(s, p, o, g.identifier if hasattr(g, "identifier") else g) for s, p, o, g in trig.quads()}
    nqq = {(s, p, o, g.identifier if hasattr(g, "identifier") else g) for s, p, o, g in nq.quads()}
    assert tq == nqq and len(tq) == len(seed_kg)


def test_export_ttl_is_the_union_graph(seed_kg):
    union = {(q.subject, q.predicate, q.object) for q in seed_kg.store.quads()}
    data = seed_kg.export("ttl")
    parsed = {
        (t.subject, t.predicate, t.object) for t in ox.parse(data, format=ox.RdfFormat.TURTLE)
    }
    assert parsed == union
    g1 = Graph().parse(data=data.decode(), format="turtle")
    g2 = Graph().parse(data=seed_kg.export("nt").decode(), format="nt")
    assert isomorphic(g1, g2)
    assert b"@prefix sg:" in data


def test_export_jsonld_parses(seed_kg):
    g = Graph().parse(data=seed_kg.export("jsonld").decode(), format="json-ld")
    assert len(g) == len({(q.subject, q.predicate, q.object) for q in seed_kg.store.quads()})


@pytest.mark.skipif(
    shutil.which("rapper") is None, reason="rapper (raptor2-utils) is not installed"
)
@pytest.mark.parametrize(("fmt", "name"), [("ttl", "turtle"), ("trig", "trig"), ("nq", "nquads")])
def test_export_rapper_accepts(seed_kg, tmp_path, fmt, name):
    path = tmp_path / f"out.{fmt}"
    seed_kg.export(fmt, path)
    run = subprocess.run(
        ["rapper", "-q", "-c", "-i", name, str(path)], check=False, capture_output=True, text=True
    )
    assert run.returncode == 0, run.stderr
