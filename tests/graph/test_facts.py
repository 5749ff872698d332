"""The facts view, read from the graph, round-trips the seed gold."""

import json

from graph.evaluate import load_gold, score
from graph.facts import FIELDS, to_jsonl

from .conftest import GOLD, SAMPLES, needs_gold


@needs_gold()
def test_facts_seed_claims_score_f1_one(seed_kg):
    result = score(seed_kg.facts(), load_gold(GOLD))
    micro = result.micro
    assert micro.fn == 0 and micro.fp == 0 and micro.f1 == 1.0, result.table()


@needs_gold()
def test_facts_every_field_of_gold_read_back(seed_kg):
    got = [{k: v for k, v in f.items() if k != "evidence"} for f in seed_kg.facts()]
    for path in GOLD.glob("*.jsonl"):
        for line in path.read_text().splitlines():
            gold = json.loads(line)
            if "kind" not in gold:
                continue
            match = [g for g in got if all(g.get(k) == v for k, v in gold.items())]
            assert match, f"not read back from the graph: {gold}"


def test_facts_evidence_is_exact_source_text(seed_kg):
    facts = seed_kg.facts()
    assert all(f.get("evidence") for f in facts)
    for f in facts:
        assert set(f) - {"kind", "doc", "evidence"} <= set(FIELDS[f["kind"]])
        for ev in f["evidence"]:
            source = (SAMPLES / f"{ev['doc']}.txt").read_text(encoding="utf-8")
            assert source[ev["start"] : ev["end"]] == ev["text"]


def test_facts_doc_filter_and_jsonl(seed_kg):
    only = seed_kg.facts(doc="innotrac_8k_2003-07-28")
    assert only and {f["doc"] for f in only} == {"innotrac_8k_2003-07-28"}
    lines = to_jsonl(only).splitlines()
    assert len(lines) == len(only) and json.loads(lines[0])["kind"] == "filing"
    owns = [f for f in seed_kg.facts() if f["kind"] == "owns"]
    assert owns[0]["shares"] == 2800500 and isinstance(owns[0]["shares"], int)
