"""Defined terms and aliases (secgraph_defined_terms_v1): real definitions of ../shared, and what they must not do."""

from __future__ import annotations

import pytest

from extractors.components.defined_terms import DEFINITION, _relates, name_before
from tests.conftest import needs_shared, shared_files
from tests.extractors._e1_support import claims, filing, name_of, run

pytestmark = needs_shared()
DT = "secgraph_defined_terms"
SEED = "innotrac_8a-a_2003-11-24.txt"


@pytest.mark.parametrize(
    "alias,full,kind",
    [
        ("Dadante", "David Dadante", "person"),  # David Dadante ("Dadante")
        ("IPOF", "IPOF Fund", "fund"),  # IPOF Fund, an Ohio limited partnership ("IPOF," and ...)
        ("the IPOF Group", "IPOF Group", "group"),
        (
            "the Company",
            "Innotrac Corporation",
            "company",
        ),  # the Board of Directors of Innotrac Corporation (the "Company")
        ("the Rights Agreement", "Rights Agreement", "agreement"),
    ],
)
def test_defined_terms_seed_aliases(alias, full, kind):
    got = run(SEED).resolve(alias)
    assert got is not None and (got.name, got.kind) == (full, kind)


def test_defined_terms_company_is_the_filer():
    ctx = run(SEED)
    assert ctx.resolve("the Company") is ctx.filer


def test_defined_terms_group_members():
    got = {(name_of(c.subject), name_of(c.object)) for c in claims(SEED, "member", DT)}
    assert got == {("David Dadante", "IPOF Group"), ("IPOF Fund", "IPOF Group")}


# (file, entity, jurisdiction, org form): "X, a Delaware corporation" appositives.
APPOSITIVES = [
    (SEED, "IPOF Fund", "Ohio", "limited partnership"),
    ("8k_turner_1994.txt", "New Line Cinema Corporation", "Delaware", "corporation"),
    (
        "8k_turner_1994.txt",
        "NL Acquisition Co.",
        "Delaware",
        "corporation",
    ),  # "NL Acquisition Co., a\nDelaware ..."
    (
        "sc13d_cybergy_2016.html",
        "Cybergy Holdings, Inc.",
        "Nevada",
        "corporation",
    ),  # "Holdings,\nInc., a Nevada"
    ("ex24_poa_yelp_2012.txt", "Yelp! Inc.", "Delaware", "corporation"),
    # "X, a <form> (duly) organized (and existing) under the laws of <place>".
    (
        "ex1_jv_igene_2003.html",
        "Tate & Lyle Fermentation Products Ltd.",
        "England",
        "corporation",
    ),
    (
        "8k_apple_2019.txt",
        "Bank of New York Mellon Trust Company, N.A.",
        "United States",
        "national banking association",
    ),
]


@pytest.mark.parametrize(
    "name,entity,juris,form", APPOSITIVES, ids=[f"{a[0]}-{a[1]}" for a in APPOSITIVES]
)
def test_defined_terms_incorporation(name, entity, juris, form):
    got = {
        (name_of(c.subject), c.object, c.q("org_form")) for c in claims(name, "incorporation", DT)
    }
    assert (entity, juris, form) in got


def test_defined_terms_laws_of_a_place_not_named_is_nothing():
    # 8k_apple_2019.txt: "duly qualified ... in good standing under the laws of each other
    # jurisdiction in which it owns or leases properties": no place, no fact; and 8k_walmart_1995.txt
    # "The First National Bank of Chicago, a national banking association with its ..." names none.
    got = {c.object for c in claims("8k_apple_2019.txt", "incorporation", DT)}
    assert got <= {"California", "United States"}
    banks = [
        c
        for c in claims("8k_walmart_1995.txt", "incorporation", DT)
        if "Bank" in name_of(c.subject)
    ]
    assert banks == []


def test_defined_terms_no_incorporation_for_people_or_unknown_places():
    for name in ("innotrac_8k_2003-07-28.txt", "8k_zurn_1994.txt", "8k_apple_1999.txt"):
        assert claims(name, "incorporation", DT) == []


@pytest.mark.parametrize(
    "text,term",
    [
        ('Innotrac Corporation ("Innotrac")', "Innotrac"),  # seed 8-K
        (
            "ABVC BioPharma, Inc. (the \u201cCompany\u201d)",
            "Company",
        ),  # curly quotes (8k_abvc_2025.txt)
        ('(the "Rights Agreement")', "Rights Agreement"),
    ],
)
def test_defined_terms_definition_pattern(text, term):
    m = DEFINITION.search(text)
    assert m and m.group("term") == term


def test_defined_terms_indefinite_terms_are_not_names():
    # 8k_pericom_2002.txt: "one preferred share purchase right (a "Right")" defines a class of things.
    m = DEFINITION.search('purchase right (a "Right") for each')
    assert m and m.group("article")
    ctx = run("8k_pericom_2002.txt")
    assert ctx.resolve("Right") is None


@pytest.mark.parametrize(
    "text,name",
    [
        (
            "On November 21, 2003, the Board of Directors of Innotrac Corporation",
            "Innotrac Corporation",
        ),
        ("Pursuant to Amendment No. 3, David Dadante", "David Dadante"),
        (
            "common stock, par value $.0001 per share (the \u201cCommon Stock\u201d), of Cybergy Holdings,\nInc.",
            "Cybergy Holdings,\nInc.",
        ),
        ("par value $.01 per share, of the", None),
    ],
)
def test_defined_terms_name_before(text, name):
    got = name_before(text, len(text))
    assert (got[1] if got else None) == (" ".join(name.split()) if name else None)


@pytest.mark.parametrize(
    "term,name,ok",
    [
        ("IPOF", "IPOF Fund", True),
        ("Dadante", "David Dadante", True),
        ("TBS", "Turner Broadcasting System", True),
        ("Company", "Innotrac Corporation", True),
        ("EBITDA", "Innotrac Corporation", False),
        ("Common Stock", "Cybergy Holdings, Inc.", False),
    ],
)
def test_defined_terms_relates(term, name, ok):
    assert _relates(term, name) is ok


FILES = shared_files()


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_defined_terms_evidence_round_trip(path):
    fl = filing(path.name)
    for c in claims(path.name, component=DT):
        for ev in c.evidence:
            assert ev.text and ev.text == fl.source[ev.start : ev.end]
