"""Scoring arithmetic, by hand."""

import json

import pytest

from graph.evaluate import keys_match, load_gold, report_markdown, score


def _gold(tmp_path, name, rows):
    p = tmp_path / f"{name}.jsonl"
    p.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return p


def test_evaluate_name_normalisation_and_middle_initial():
    g = {"person": "David L. Gamsey", "role": "secretary", "organization": "The Acme Corp."}
    p = {"person": "DAVID GAMSEY", "role": "Secretary", "organization": "Acme Corporation"}
    assert keys_match("role", g, p)
    assert not keys_match("role", g, {**p, "person": "Dan Gamsey"})


@pytest.mark.parametrize(
    ("pct", "ok"), [(24.2, True), (24.25, True), (24.15, True), (24.26, False)]
)
def test_evaluate_percent_within_tolerance(pct, ok):
    g = {"owner": "X Fund", "issuer": "Y Inc", "shares": 100, "percent": 24.2}
    assert keys_match("owns", g, {**g, "percent": pct}) is ok
    assert not keys_match("owns", g, {**g, "shares": 101})


def test_evaluate_scope_restricts_kinds_and_docs(tmp_path):
    _gold(
        tmp_path,
        "d1",
        [
            {"_scope": ["signed"], "source": "d1.txt", "form": "8-K"},
            {"kind": "signed", "doc": "d1", "signer": "Jane Roe"},
            {"kind": "role", "person": "Jane Roe", "role": "director", "organization": "A Inc"},
        ],
    )
    pred = [
        {"kind": "signed", "doc": "d1", "signer": "Jane Roe"},
        {"kind": "signed", "doc": "d1", "signer": "John Doe"},  # spurious
        {
            "kind": "role",
            "doc": "d1",
            "person": "X",
            "role": "y",
            "organization": "z",
        },  # not scored
        {"kind": "signed", "doc": "other", "signer": "Q"},  # other filing: ignored
        {
            "kind": "signed",
            "signer": "Jane Roe",  # no doc: by evidence
            "evidence": [{"doc": "d1", "start": 0, "end": 1, "text": "x"}],
        },
    ]
    r = score(pred, load_gold(tmp_path))
    assert set(r.kinds) == {"signed"}
    s = r.kinds["signed"]
    assert (s.tp, s.fp, s.fn) == (1, 2, 0)
    assert s.precision == pytest.approx(1 / 3) and s.recall == 1.0 and s.f1 == pytest.approx(0.5)


def test_evaluate_without_scope_scores_all_kinds_micro(tmp_path):
    _gold(
        tmp_path,
        "d2",
        [
            {"kind": "filing", "doc": "d2", "form": "8-K", "date": "2000-01-01", "registrant": "A"},
            {"kind": "identifier", "entity": "A Inc", "scheme": "cik", "value": "1"},
            {"kind": "member", "member": "B", "group": "G"},
        ],
    )
    pred = [
        {"kind": "filing", "doc": "d2", "form": "8-K", "date": "2000-01-01"},
        {
            "kind": "identifier",
            "doc": "d2",
            "entity": "A Incorporated",
            "scheme": "cik",
            "value": "1",
        },
        {"kind": "owns", "doc": "d2", "owner": "B", "issuer": "A", "shares": 1, "percent": 1},
    ]
    r = score(pred, load_gold(tmp_path))
    m = r.micro
    assert (m.tp, m.fp, m.fn) == (2, 1, 1)
    assert r.kinds["member"].missed[0]["member"] == "B"
    text = report_markdown(r)
    assert "| micro | 3 | 3 | 2 |" in text and "## member" in text and "Spurious" in text


def test_evaluate_one_to_one_matching(tmp_path):
    _gold(tmp_path, "d3", [{"kind": "signed", "doc": "d3", "signer": "A B"}])
    pred = [{"kind": "signed", "doc": "d3", "signer": "A B"}] * 2
    s = score(pred, load_gold(tmp_path)).kinds["signed"]
    assert (s.tp, s.fp, s.fn) == (1, 1, 0)
