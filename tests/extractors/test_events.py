"""Events (secgraph_events_v1): releases, approvals, executions, acquisitions and appointments from ../shared."""

from __future__ import annotations

import re

import pytest

from extractors.components.events import _ROWS, NOT_EVENT
from tests.conftest import needs_shared, shared_files
from tests.extractors._e1_support import claims, filing

pytestmark = needs_shared()
EV = "secgraph_events"


def _events(name: str) -> set[tuple]:
    return {(c.q("type"), c.q("date"), c.q("subject")) for c in claims(name, "event", EV)}


EVENTS = [
    (
        "innotrac_8k_2003-07-28.txt",
        ("earnings_release", "2003-07-28", "financial results for the second quarter of 2003"),
    ),
    (
        "innotrac_8a-a_2003-11-24.txt",
        ("board_approval", "2003-11-21", "Amendment No. 3 to the Rights Agreement"),
    ),
    # "executed Amendment No. 3 on November 24, 2003": the number is resolved to the amendment named earlier.
    (
        "innotrac_8a-a_2003-11-24.txt",
        ("agreement_executed", "2003-11-24", "Amendment No. 3 to the Rights Agreement"),
    ),
    (
        "8k_abvc_2025.txt",
        (
            "earnings_release",
            "2025-04-15",
            "financial results for fiscal year ended December 31, 2024",
        ),
    ),
    (
        "8k_astafunding_2004.txt",
        (
            "earnings_release",
            "2004-11-23",
            "results for the three months and year ended September 30, 2004",
        ),
    ),
    (
        "8k_astafunding_2005.txt",
        ("agreement_executed", "2005-07-29", "a lease extension agreement"),
    ),
    (
        "8k_pericom_2002.txt",
        ("board_approval", "2002-03-06", "a dividend of one preferred share purchase right"),
    ),
    (
        "8k_pericom_2005.txt",
        ("director_appointment", "2005-01-07", "Dr. Murray Goldman"),
    ),  # "commencing as of"
    (
        "8k_apple_2000.txt",
        ("press_release", "2000-01-19", None),
    ),  # "press release issued ... on January 19, 2000"
    (
        "8k_zurn_1994.txt",
        ("press_release", "1994-03-22", None),
    ),  # "FOR IMMEDIATE RELEASE / March 22, 1994"
    ("8k_unioncamp_1994.txt", ("press_release", "1994-08-09", None)),  # dateline nine lines below
    (
        "8k_stockwalk_2000.txt",
        ("acquisition", "2000-08-01", "merger"),
    ),  # "The merger was completed on August 1, 2000"
    (
        "8k_turner_1994.txt",
        (
            "acquisition",
            "1994-01-28",
            "all of the issued and outstanding shares of common stock of New Line Cinema Corporation",
        ),
    ),
]


@pytest.mark.parametrize("name,event", EVENTS, ids=[f"{n}-{e[0]}" for n, e in EVENTS])
def test_events_found(name, event):
    assert event in _events(name)


def test_events_one_release_per_date():
    # 8k_pericom_2005.txt mentions the January 10, 2005 press release twice.
    got = [e for e in _events("8k_pericom_2005.txt") if e[0] == "press_release"]
    assert len(got) == 1 and got[0][1] == "2005-01-10"


def test_events_earnings_release_is_not_also_a_press_release():
    types = [e[0] for e in _events("innotrac_8k_2003-07-28.txt")]
    assert types == ["earnings_release"]


def test_events_none_in_filings_without_events():
    # A prospectus supplement's future swap agreements ("the trust will enter into ...") and a Form 4.
    assert _events("424b5_carmax_2010_nc.txt") == set()
    assert _events("form4_productivity_2000.txt") == set()


@pytest.mark.parametrize(
    "before",
    [
        "If the issuing entity issues any floating rate notes, it will ",  # 424b5_carmax_2010_nc.txt
        "the Purchaser may ",  # 10k_apple_1997.txt
        "The Company has not ",
    ],
)
def test_events_future_or_negated_is_no_event(before):
    assert NOT_EVENT.search(before)


def test_events_patterns_are_valid_rows():
    ids = [r[0] for r in _ROWS]
    assert len(ids) == len(set(ids))
    for _rid, label, scope, _all, rx in _ROWS:
        assert re.fullmatch(r"[a-z_]+", label) and scope in ("any", "main", "item") and rx.pattern


FILES = shared_files()


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_events_evidence_round_trip(path):
    fl = filing(path.name)
    for c in claims(path.name, component=EV):
        assert c.subject.kind == "filing" and c.q("type")
        for ev in c.evidence:
            assert ev.text and ev.text == fl.source[ev.start : ev.end]
