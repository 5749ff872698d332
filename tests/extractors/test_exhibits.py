"""Exhibit lists and incorporation by reference (secgraph_exhibits_v1), on real filings of ../shared."""

from __future__ import annotations

import pytest

from extractors.components._citations import find_form, parse_citation, split_citation
from extractors.components._exhibit_list import number_key, parse_lists
from tests.conftest import SHARED, needs_shared
from tests.extractors.support import claims, filing

pytestmark = needs_shared()
PIPE = (
    "secgraph_header_v1",
    "secgraph_defined_terms_v1",
    "secgraph_exhibits_v1",
    "secgraph_agreements_v1",
)
def run(name: str):
    """The filing and its claims (header, defined terms, exhibits, agreements), read once per session."""
    return filing(name), claims(name, PIPE)


def exhibits(name: str) -> dict[str, dict]:
    _filing, claims = run(name)
    out = {}
    for c in claims:
        if c.kind == "exhibit":
            assert c.q("number") not in out, f"exhibit {c.q('number')} listed twice in {name}"
            out[c.q("number")] = c.quals
    return out


def _src(q: dict) -> tuple:
    return tuple(
        q.get(k)
        for k in (
            "source_form",
            "source_number",
            "source_filed",
            "source_exhibit",
            "source_amendment_no",
        )
    )


# (file, number, (source_form, source_number, source_filed, source_exhibit, source_amendment_no)), from the text.
CASES = [
    # seed 8-A/A "ITEM 2. EXHIBITS": "(incorporated by reference to Exhibit 3.1 to the Company's Amendment No. 1 to
    # the Registration Statement on Form S-1 (Commission File No. 333-42373), filed with the Commission on February
    # 11, 1998)"; a bare "(b)" continues "4.2(a)"; "for the year ended December 31, 2000" is not a filing date.
    ("innotrac_8a-a_2003-11-24.txt", "3.1", ("S-1", "333-42373", "1998-02-11", "3.1", 1)),
    ("innotrac_8a-a_2003-11-24.txt", "3.2", ("S-1", "333-79929", "1999-07-22", "3.2", 2)),
    ("innotrac_8a-a_2003-11-24.txt", "4.2(a)", ("S-1", "333-42373", "1998-02-11", "4.2", 1)),
    ("innotrac_8a-a_2003-11-24.txt", "4.2(b)", ("10-K", "000-23741", "2001-03-30", "4.2", None)),
    ("innotrac_8a-a_2003-11-24.txt", "4.2(c)", ("10-Q", "000-23741", "2003-08-20", "4.2", 1)),
    ("innotrac_8a-a_2003-11-24.txt", "4.2(d)", (None, None, None, None, None)),
    ("innotrac_8k_2003-07-28.txt", "99.1", (None, None, None, None, None)),
    # 8k_turner_1994: "filed as Exhibit 99(a) to TBS's Form 8-K/A filed February 3, 1994"; "Form 8-K dated
    # October 22, 1993" gives no filing date.
    ("8k_turner_1994.txt", "2.1", ("8-K", None, None, "2.1", None)),
    ("8k_turner_1994.txt", "99.1", ("8-K/A", None, "1994-02-03", "99(a)", None)),
    # 8k_pericom_2002: "[Incorporated by reference to Exhibit 4 to Registration Statement on Form 8-A filed by the
    # Registrant dated March 12, 2002]": "4." is number 4, no filing date.
    ("8k_pericom_2002.txt", "4", ("8-A", None, None, "4", None)),
    ("8k_pericom_2002.txt", "99", ("8-A", None, None, "99", None)),
    # 8k_homehealth_1997: "2.1*" and the note "* Incorporated by reference to the Company's Form 8-K dated
    # November 27, 1996, as filed on December 13, 1996."
    ("8k_homehealth_1997.txt", "2.3", ("8-K", None, "1996-12-13", None, None)),
    # 10k_apple_1994: notes-column codes defined after the list ("89-8A", "90K-10.A.10", "90-2Q" for "90/2Q").
    ("10k_apple_1994.txt", "4.1", ("8-A", None, "1989-05-26", "1", None)),
    ("10k_apple_1994.txt", "3.1", ("S-3", "33-23317", "1988-07-27", "4.1", None)),
    ("10k_apple_1994.txt", "3.2", ("10-Q", None, None, "3.2", None)),
    ("10k_apple_1994.txt", "10.A.11", ("10-K", None, None, "10.A.10", None)),
    (
        "10k_apple_1994.txt",
        "10.D.4",
        (None, None, None, None, None),
    ),  # "(1) Copies ... have been omitted"
    ("10k_apple_1994.txt", "27", (None, None, None, None, None)),
    # 10k_medicis_1999: HTML table with a dash cell; "(7)" note; "Exhibit C to the definitive Proxy Statement".
    ("10k_medicis_1999.html", "4.1", ("10-K", "0-18443", "1995-09-27", "4.1", None)),
    ("10k_medicis_1999.html", "10.8", ("DEF 14A", "0-18443", None, "C", None)),
    ("10k_medicis_1999.html", "10.14", ("S-1", "33-34041", "1990-08-02", "10.14", 2)),
    # 10k_gainsco_2010: one cell a line; "[Exhibit 3.8, Form 8-K filed November 16, 2005]"; "effective" is no filing.
    ("10k_gainsco_2010.html", "3.4", ("8-K", None, "2005-11-16", "3.8", None)),
    ("10k_gainsco_2010.html", "3.1", ("S-1", "33-7846", None, "3.1", None)),
    ("10k_gainsco_2010.html", "4.4", ("8-K/A", None, "2001-03-30", "99.22", None)),
    # sctota_cvr_icahn_2025 "Item 12. Exhibits": Schedule TO numbering; "* Filed previously" is no citation.
    ("sctota_cvr_icahn_2025.txt", "(a)(1)(A)", (None, None, None, None, None)),
    ("sctota_cvr_icahn_2025.txt", "(d)(2)", (None, None, None, None, None)),
    ("sctota_cvr_icahn_2025.txt", "107", (None, None, None, None, None)),
    # 8k_stockwalk_2000: "EXHIBIT INDEX 23.1 Consent of KPMG LLP 99.1 Press Release" run into one line.
    ("8k_stockwalk_2000.txt", "23.1", (None, None, None, None, None)),
    (
        "sc13g_livent_2023.html",
        "I",
        (None, None, None, None, None),
    ),  # "Exhibit I: Joint Filing Agreement"
    ("8k_zurn_1994.txt", "20", (None, None, None, None, None)),
    ("8k_apple_2019.txt", "104", (None, None, None, None, None)),  # number alone in its cell
]


@pytest.mark.parametrize("name,number,source", CASES, ids=[f"{c[0]}:{c[1]}" for c in CASES])
def test_exhibits_number_and_source(name, number, source):
    got = exhibits(name)
    assert number in got, f"{number} not among {sorted(got)}"
    assert _src(got[number]) == source


# Whole lists: every number, nothing more.
LISTS = [
    ("innotrac_8a-a_2003-11-24.txt", {"3.1", "3.2", "4.1", "4.2(a)", "4.2(b)", "4.2(c)", "4.2(d)"}),
    ("innotrac_8k_2003-07-28.txt", {"99.1"}),
    ("8k_turner_1994.txt", {"2.1", "99.1", "99.2", "99.3"}),  # listed twice, each once
    (
        "8k_stockwalk_2000.txt",
        {"23.1", "99.1"},
    ),  # "(A) FINANCIAL STATEMENTS" of Item 7 is no exhibit
    ("8k_abvc_2025.txt", {"99.1", "104"}),
    ("8k_astafunding_2004.txt", {"99.1", "99.2"}),
    ("s3a_pageamerica_1995.txt", {"5", "23(a)", "23(b)", "24"}),  # "*5." and "**23(b)." marks
    (
        "sctota_cvr_icahn_2025.txt",
        {
            "(a)(1)(A)",
            "(a)(1)(B)",
            "(a)(1)(C)",
            "(a)(1)(D)",
            "(a)(1)(E)",
            "(a)(1)(F)",
            "(a)(1)(G)",
            "(a)(5)(A)",
            "(a)(5)(B)",
            "(a)(5)(C)",
            "(d)(1)",
            "(d)(2)",
            "107",
        },
    ),
    # Nothing: no exhibit list (a table of contents line, a proxy statement, a Form 4, a header only).
    ("10q_indianabell_1999_nc.txt", set()),
    ("def14a_180degree_2020.txt", set()),
    ("form4_productivity_2000.txt", set()),
    ("hdr_form4_morton_1998.txt", set()),
    (
        "ex1_jv_igene_2003.html",
        set(),
    ),  # an exhibit alone: its own "Exhibit A" attachments are not the filing's
]


@pytest.mark.parametrize("name,numbers", LISTS, ids=[c[0] for c in LISTS])
def test_exhibits_whole_list(name, numbers):
    assert set(exhibits(name)) == numbers


def test_exhibits_10k_items_are_not_exhibits():
    """10k_apple_1997 Item 14(a) "1. FINANCIAL STATEMENTS" and "(b) REPORTS ON FORM 8-K" are not exhibits."""
    got = exhibits("10k_apple_1997.txt")
    assert "1" not in got and "(b)" not in got
    assert {"2", "3.1", "4.10", "10.B.17", "27"} <= set(got)


def test_exhibits_titles_lose_citation_and_status_notes():
    got = exhibits("innotrac_8a-a_2003-11-24.txt")
    assert got["3.1"]["title"] == "Amended and Restated Articles of Incorporation of the Company"
    assert got["4.2(b)"]["title"] == (
        "Amendment No. 1 to the Rights Agreement dated as of November 30, 2000 between "
        "the Company, Reliance Trust Company and SunTrust Bank"
    )
    seed_8k = exhibits("innotrac_8k_2003-07-28.txt")["99.1"]["title"]
    assert "furnished" not in seed_8k and seed_8k.endswith("second quarter of 2003")


# Citation clauses as written in the seed and corpus files.
CITATIONS = [
    (
        "seed 8-A/A 3.2",
        (
            "(incorporated by reference to Exhibit 3.2 to the Company's Amendment No. 2 to the "
            "Registration Statement on Form S-1 (Commission File No. 333-79929), filed with the "
            "Commission on July 22, 1999)"
        ),
        "3.2",
        {
            "source_form": "S-1",
            "source_amendment_no": 2,
            "source_number": "333-79929",
            "source_filed": "1999-07-22",
            "source_exhibit": "3.2",
        },
    ),
    (
        "10k_gainsco_2010 10.4",
        (
            "(incorporated by reference to Exhibit 4.2 to the registration statement on "
            "Form S-8 filed on November 14, 2005)"
        ),
        "10.4",
        {"source_form": "S-8", "source_filed": "2005-11-14", "source_exhibit": "4.2"},
    ),
    (
        "10k_medicis_1999 note 2",
        (
            "Incorporated by reference to the exhibit with the same number in the Company's "
            "Annual Report on Form 10-K for the fiscal year ended June 30, 1992, as amended, "
            "File No. 0-18443, previously filed with the SEC"
        ),
        "10.10",
        {"source_form": "10-K", "source_number": "0-18443", "source_exhibit": "10.10"},
    ),
    (
        "8k_stockwalk_2000",
        (
            "filed as exhibit 2.6 to the Registration Statement on Form S-2 (Registration No. "
            "333-35544) filed by the registrant on June 23, 2000"
        ),
        None,
        {"source_form": "S-2", "source_number": "333-35544", "source_exhibit": "2.6"},
    ),
    (
        "8k_apple_2019 23.1 (no citation)",
        "(included in the opinion filed as Exhibit 5.1)",
        "23.1",
        {},
    ),
]


@pytest.mark.parametrize("label,cite,number,expected", CITATIONS, ids=[c[0] for c in CITATIONS])
def test_exhibits_parse_citation(label, cite, number, expected):
    assert parse_citation(cite, number) == expected


def test_exhibits_split_keeps_non_citations_in_title():
    # 8k_apple_2019 23.1 and sctota (d)(2): "included in" / "included as" stay in the title.
    title, cite, _ = split_citation(
        "Consent of Latham & Watkins LLP (included in the opinion filed as Exhibit 5.1)"
    )
    assert cite is None and title.endswith("(included in the opinion filed as Exhibit 5.1)")
    # 10k_gainsco_2010 3.1: "as filed with the Secretary of State" belongs to the title.
    title, cite, _ = split_citation(
        "Restated Articles of Incorporation of Registrant as filed with the Secretary of "
        "State of Texas on July 24, 1986 [Exhibit 3.1, filed in Registration Statement No. "
        "33-7846 on Form S-1, effective November 6, 1986]."
    )
    assert title.endswith("July 24, 1986") and cite.startswith("[Exhibit 3.1")


@pytest.mark.parametrize(
    "text,form",
    [
        ("Annual Report on Form 10-K for the year ended December 31, 2000", "10-K"),
        (
            "Amendment No. 1 on Form 10-\n  Q/A dated September 27, 1994",
            "10-Q/A",
        ),  # 8k_walmart_1995, a line break
        ("Form of Common Stock Certificate", None),
        ("the definitive Proxy Statement for the 1995 Annual Meeting", "DEF 14A"),
    ],
)
def test_exhibits_find_form(text, form):
    got = find_form(text)
    assert (got[0] if got else None) == form


def test_exhibits_number_key_matches_document_types():
    assert number_key("EX-10.A-49") == number_key("10.A.49")
    assert number_key("EX-99.(A)(5)(C)") == number_key("(a)(5)(C)")


def test_exhibits_prose_numbered_list_is_not_a_list():
    """A numbered prose list under no exhibit heading yields nothing (sc13d_cybergy_2016 Item 6 "1. Promissory")."""
    text = "Item 6. Contracts\n\n1. Promissory Notes in the amount of $2,500,000.00.\n\n2. Earnout Notes.\n"
    assert parse_lists(text, True, frozenset()) == []


def test_exhibits_evidence_round_trip():
    for name in [p.name for p in sorted((SHARED / "seeds").glob("*.txt"))] + [
        p.name for p in sorted((SHARED / "corpus").glob("*")) if p.suffix != ".tsv"
    ]:
        try:
            filing, claims = run(name)
        except Exception as exc:  # a file the reader refuses is not this component's test
            if exc.__class__.__name__ == "FilingError":
                continue
            raise
        for c in claims:
            if c.provenance.component in ("secgraph_exhibits", "secgraph_agreements"):
                assert c.evidence, (name, c)
                for ev in c.evidence:
                    assert ev.text == filing.source[ev.start : ev.end], (name, c.kind, ev)
                    assert ev.text.strip() == ev.text and ev.text
