"""Idempotence, rebuilds and persistence of the store."""

import dataclasses

from graph import build
from graph.kg import KnowledgeGraph
from graph.store import GraphStore, default_location


def test_store_build_twice_identical(seed_inputs):
    a = build(list(seed_inputs), store="memory")
    b = build(list(seed_inputs), store="memory")
    assert len(a) == len(b) > 500
    assert a.canonical_hash(volatile=True) == b.canonical_hash(volatile=True)


def test_store_hash_ignores_run_time_only(seed_inputs, monkeypatch):
    a = build(list(seed_inputs), store="memory")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    b = build(list(seed_inputs), store="memory")
    assert a.canonical_hash() == b.canonical_hash()
    assert a.canonical_hash(volatile=True) != b.canonical_hash(volatile=True)


def test_store_rebuild_one_filing_no_duplicates(seed_inputs):
    kg = build(list(seed_inputs), store="memory")
    before, digest = len(kg), kg.canonical_hash()
    kg.add([seed_inputs[0]])
    kg.add(list(seed_inputs))
    assert len(kg) == before and kg.canonical_hash() == digest
    # A changed filing replaces its graph: fewer claims, fewer quads, nothing stale.
    fewer = dataclasses.replace(seed_inputs[0], claims=seed_inputs[0].claims[:3])
    kg.add([fewer])
    assert len(kg) < before
    rows = kg.query("ownership")
    assert rows == [] or all(r["filing"] != seed_inputs[0].doc_id for r in rows)


def test_store_persists_across_reopen(seed_inputs, tmp_path):
    kg = build(list(seed_inputs), store=str(tmp_path / "s"))
    n, digest = len(kg), kg.canonical_hash()
    kg.close()
    again = KnowledgeGraph.open(str(tmp_path / "s"))
    assert len(again) == n and again.canonical_hash() == digest
    assert again.query("ownership")[0]["shares"] == 2800500
    again.close()


def test_store_default_location_honours_secgraph_home(monkeypatch, tmp_path):
    monkeypatch.setenv("SECGRAPH_HOME", str(tmp_path))
    assert default_location() == tmp_path / "store"


def test_store_rewrite_moves_every_quad():
    import pyoxigraph as ox

    s = GraphStore("memory")
    a, b, g = ox.NamedNode("urn:a"), ox.NamedNode("urn:b"), ox.NamedNode("urn:g")
    s.bulk_extend([ox.Quad(a, a, ox.Literal("x"), g), ox.Quad(a, b, a, g)])
    assert s.rewrite("urn:a", "urn:b") == 2  # entities are never predicates
    assert {str(q) for q in s.quads()} == {
        '<urn:b> <urn:a> "x" <urn:g>',
        "<urn:b> <urn:b> <urn:b> <urn:g>",
    }
