"""Signatures (secgraph_signatures_v1): signers, titles, dates and on whose behalf, from real blocks of ../shared."""

from __future__ import annotations

import pytest

from extractors.components._sigblock import parse_block, person_like
from extractors.components._titles import join_title, split_roles
from tests.conftest import needs_shared, shared_files
from tests.extractors._e1_support import claims, filing, name_of

pytestmark = needs_shared()
SIG = "secgraph_signatures"


def _signed(name: str) -> list[tuple]:
    return [
        (name_of(c.object), c.q("title"), c.q("date"), c.q("on_behalf_of"))
        for c in claims(name, "signed", SIG)
    ]


# (file, signer, title, date, on behalf of)
SIGNERS = [
    # "By: /s/ Name" over a typed name and a title on three lines; "Date:" beside the last title line (seed).
    (
        "innotrac_8k_2003-07-28.txt",
        "David L. Gamsey",
        "Senior Vice President, Chief Financial Officer and Secretary",
        "2003-07-28",
        "Innotrac Corporation",
    ),
    # "By:/s/Name"; the date on the line of the registrant's name; title broken after "Chief" (seed).
    (
        "innotrac_8a-a_2003-11-24.txt",
        "David L. Gamsey",
        "Senior Vice President, Chief Financial Officer and Secretary",
        "2003-11-24",
        "Innotrac Corporation",
    ),
    (
        "8k_zurn_1994.txt",
        "William A. Freeman",
        "President",
        "1994-03-22",
        "Zurn Industries, Inc.",
    ),  # typed name is fuller
    (
        "8k_walmart_1995.txt",
        "Paul R. Carter",
        "Executive Vice President and Chief Financial Officer",
        "1995-05-19",
        "Wal-Mart Stores, Inc.",
    ),  # "\\s\\ Paul R. Carter"
    (
        "8k_unioncamp_1994.txt",
        "Dirk R. Soutendijk",
        "Vice President, General Counsel and Secretary",
        "1994-08-17",
        "Union Camp Corporation",
    ),  # "Name:" / "Title:" labels
    (
        "8k_astafunding_2004.txt",
        "Mitchell Cohen",
        "Chief Financial Officer",
        "2004-11-26",
        "Asta Funding, Inc.",
    ),  # no /s/
    (
        "8k_apple_2000.txt",
        "Fred Anderson",
        "Executive Vice President and Chief Financial Officer",
        "2000-01-21",
        "Apple Computer, Inc.",
    ),  # no typed name: the signature is the name
    (
        "8k_disney_2012.html",
        "Roger J. Patterson",
        "Associate General Counsel and Assistant Secretary, Registered In-House Counsel",
        "2012-03-16",
        "The Walt Disney Company",
    ),
    (
        "8k_pericom_2002.txt",
        "Alex Chi-Ming Hui",
        "President and Chief Executive Officer",
        None,
        "Pericom Semiconductor Corporation",
    ),  # "Its President ..."; "Marcxh 12, 2002" is no date
    (
        "13fa_berkshire_2003.txt",
        "Marc D. Hamburg",
        "Vice President",
        "2003-08-25",
        "Berkshire Hathaway Inc.",
    ),
    (
        "form4_productivity_2000.txt",
        "Alan H. Foster",
        None,
        "2000-03-13",
        None,
    ),  # signs for himself
    (
        "def14a_180degree_2020.txt",
        "Kevin M. Rendino",
        "Chairman and Chief Executive Officer",
        "2020-03-25",
        "180 Degree Capital Corp.",
    ),  # "By Order of the Board of Directors"
    (
        "ex24_poa_yelp_2012.txt",
        "Keith Rabois",
        None,
        "2012-01-13",
        None,
    ),  # "executed as of this 13th day of January"
    (
        "24f2nt_commonsense_1995.txt",
        "Nori L. Gabert",
        "Secretary",
        "1995-12-28",
        "Common Sense Trust",
    ),
    (
        "sc13g_livent_2023.html",
        "Gil Raviv",
        "Global General Counsel",
        "2024-01-05",
        "ICS Opportunities, Ltd.",
    ),
    ("sc13g_livent_2023.html", "Israel A. Englander", None, "2024-01-05", None),
]


@pytest.mark.parametrize("row", SIGNERS, ids=[f"{r[0]}-{r[1]}" for r in SIGNERS])
def test_signatures_signer(row):
    name, *fact = row
    assert tuple(fact) in _signed(name)


def test_signatures_ten_k_table_signers():
    # 10k_apple_1997.txt: "By:" signature, then a NAME / TITLE / DATE table whose titles start above the name.
    got = {s[0]: s[1] for s in _signed("10k_apple_1997.txt")}
    assert len(got) == 7
    assert (
        got["Steven P. Jobs"]
        == "Interim Chief Executive Officer and Director (Principal Executive Officer)"
    )
    assert got["Edgar S. Woolard, Jr."] == "Director"
    # He signs twice ("By:" and the table): one fact, with the fuller title of the table.
    assert (
        got["Fred D. Anderson"]
        == "Executive Vice President and Chief Financial Officer (Principal Financial Officer)"
    )


def test_signatures_side_by_side_signers():
    # 10k_apple_1994.txt: two signers per row.
    got = {s[0]: s[1] for s in _signed("10k_apple_1994.txt")}
    assert got["Joseph A. Graziano"].startswith(
        "Executive Vice President and Chief Financial Officer"
    )
    assert got["Jeanne Seeley"] == "Vice President, Finance, and Corporate Controller"
    assert len(got) == 8


def test_signatures_joint_filing_agreement_is_not_signed_again():
    # sc13g_livent_2023.html repeats the signatures under EXHIBIT I JOINT FILING AGREEMENT.
    assert len(_signed("sc13g_livent_2023.html")) == 4
    # sc13d_cybergy_2016.html: 27 signatures for companies and individuals, none from the agreement.
    assert len(_signed("sc13d_cybergy_2016.html")) == 27


def test_signatures_exhibit_signatures_are_not_the_filings():
    # 8k_apple_2019.txt: Gary Wipfler signs the underwriting agreement (EX-1.1), not the 8-K.
    assert [s[0] for s in _signed("8k_apple_2019.txt")] == ["Luca Maestri"]


def test_signatures_intermediary_roles():
    # sctota_cvr_icahn_2025.txt: "BY: Icahn Enterprises G.P. Inc., its general partner" then "By: /s/ ...".
    roles = {
        (name_of(c.subject), c.q("role"), name_of(c.object))
        for c in claims("sctota_cvr_icahn_2025.txt", "role", SIG)
    }
    assert (
        "Icahn Enterprises G.P. Inc.",
        "general partner",
        "Icahn Enterprises Holdings L.P.",
    ) in roles
    assert ("Ted Papapostolou", "chief financial officer", "Icahn Enterprises G.P. Inc.") in roles
    assert (
        "Ted Papapostolou",
        "chief financial officer",
        "Icahn Enterprises Holdings L.P.",
    ) not in roles


def test_signatures_attorney_in_fact():
    # s3a_pageamerica_1995.txt: "/s/ David A. Barry*" ... "*By:/s/ Martin H. Neidell / attorney-in-fact".
    roles = {
        (name_of(c.subject), c.q("role"), name_of(c.object))
        for c in claims("s3a_pageamerica_1995.txt", "role", SIG)
    }
    assert ("Martin H. Neidell", "attorney-in-fact", "David A. Barry") in roles
    assert "Martin H. Neidell" not in {s[0] for s in _signed("s3a_pageamerica_1995.txt")}


def test_signatures_roles_of_the_seed_signer():
    roles = [
        (name_of(c.subject), c.q("role"), name_of(c.object))
        for c in claims("innotrac_8k_2003-07-28.txt", "role", SIG)
    ]
    assert roles == [
        ("David L. Gamsey", "senior vice president", "Innotrac Corporation"),
        ("David L. Gamsey", "chief financial officer", "Innotrac Corporation"),
        ("David L. Gamsey", "secretary", "Innotrac Corporation"),
    ]


def test_signatures_none_without_a_signature():
    # 424b5_apple_1994.txt (a prospectus) and 10q_indianabell_1999_nc.txt print no conformed signature.
    assert _signed("424b5_apple_1994.txt") == []
    assert _signed("10q_indianabell_1999_nc.txt") == []


def test_signatures_instructions_are_not_titles():
    # 24f2nt_commonsense_1995.txt: "* PLEASE PRINT THE NAME AND TITLE OF THE SIGNING OFFICER BELOW THE SIGNATURE."
    roles = {c.q("role") for c in claims("24f2nt_commonsense_1995.txt", "role", SIG)}
    assert roles == {"secretary"}


TITLES = [
    (
        "Senior Vice President, Chief Financial Officer and Secretary",
        ("senior vice president", "chief financial officer", "secretary"),
    ),
    (
        "Chief Financial and Accounting Officer",
        ("chief financial officer", "chief accounting officer"),
    ),  # homehealth
    (
        "Vice President, Finance, and Corporate Controller",
        ("vice president, finance", "corporate controller"),
    ),
    (
        "Associate General Counsel and Assistant Secretary, Registered In-House Counsel",
        ("associate general counsel", "assistant secretary", "registered in-house counsel"),
    ),
    (
        "Chief Financial Officer (Principal Financial and Accounting Officer)",
        ("chief financial officer", "principal financial officer", "principal accounting officer"),
    ),
    ("Its President and Chief Executive Officer", ("president", "chief executive officer")),
    ("Chairman of the Board", ("chairman of the board",)),
    ("Global General Counsel", ("global general counsel",)),
    ("Omaha, NE", ()),  # a place, not a title
]


@pytest.mark.parametrize("title,roles", TITLES, ids=[t[0][:40] for t in TITLES])
def test_signatures_split_roles(title, roles):
    assert split_roles(title) == roles


def test_signatures_join_title_lines():
    assert (
        join_title(["Senior Vice President, Chief", "Financial Officer and Secretary"])
        == "Senior Vice President, Chief Financial Officer and Secretary"
    )
    assert (
        join_title(
            ["Associate General Counsel and Assistant Secretary", "Registered In-House Counsel"]
        )
        == "Associate General Counsel and Assistant Secretary, Registered In-House Counsel"
    )


@pytest.mark.parametrize(
    "text,ok",
    [
        ("David L. Gamsey", True),
        ("MICHAEL H. SPINDLER", True),
        ("Montclair, New Jersey", False),
        ("Chief Financial Officer", False),
        ("ASTA FUNDING, INC.", False),
        ("March 31, 2010", False),
    ],
)
def test_signatures_person_like(text, ok):
    assert person_like(text) is ok


def test_signatures_block_without_anchor_yields_nothing():
    text = "SIGNATURES\n\nPursuant to the requirements of the Securities Exchange Act of 1934.\n\nINNOTRAC CORPORATION\n"
    assert parse_block(text, 0, len(text)) == []


FILES = shared_files()


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_signatures_evidence_round_trip(path):
    fl = filing(path.name)
    for c in claims(path.name, component=SIG):
        for ev in c.evidence:
            assert ev.text and ev.text == fl.source[ev.start : ev.end]


def _roles(name: str, pattern: str | None = None) -> set[tuple]:
    return {
        (name_of(c.subject), c.q("role"), name_of(c.object))
        for c in claims(name, "role", SIG)
        if pattern is None or c.provenance.pattern == pattern
    }


# A signer who signs both "By:" and in the table of officers and directors: a role for every title
# part of every signature; "chairman of the board" beside "chairman of the board of directors" is one.
EVERY_TITLE = [
    ("10k_medicis_1999.html", "Jonah Shacknai", "chairman of the board of directors", True),
    ("10k_medicis_1999.html", "Jonah Shacknai", "principal executive officer", True),
    ("10k_medicis_1999.html", "Jonah Shacknai", "chief executive officer", True),
    ("10k_medicis_1999.html", "Jonah Shacknai", "chairman of the board", False),
    ("10k_apple_1994.txt", "Michael H. Spindler", "principal executive officer", True),
    ("10k_apple_1994.txt", "Michael H. Spindler", "director", True),
    ("10k_apple_1997.txt", "Fred D. Anderson", "principal financial officer", True),
    ("s3a_pageamerica_1995.txt", "Steven L. Sinn", "principal executive officer", True),
    ("s3a_pageamerica_1995.txt", "Steven L. Sinn", "chairman of the board", True),
    ("10k_gainsco_2010.html", "Glenn W. Anderson", "chief executive officer", True),  # split cells
    ("10k_gainsco_2010.html", "Glenn W. Anderson", "director", True),
]


@pytest.mark.parametrize("row", EVERY_TITLE, ids=[f"{r[0]}-{r[2]}-{r[3]}" for r in EVERY_TITLE])
def test_signatures_role_for_every_title(row):
    name, person, role, present = row
    got = {(p, r) for p, r, _o in _roles(name, "block.title")}
    assert ((person, role) in got) is present


def test_signatures_one_signed_fact_per_signer():
    signers = [s[0] for s in _signed("10k_medicis_1999.html")]
    assert sorted(signers) == sorted(set(signers)) and len(signers) == 9
    assert ("Martin H. Neidell", "attorney-in-fact", "Steven L. Sinn") in _roles(
        "s3a_pageamerica_1995.txt"
    )


def test_signatures_degrees_are_not_names():
    # 10k_medicis_1999.html: "/s/ RICHARD L DOBSON, M.D." over "Richard L. Dobson, M.D.", "Peter S. Knight, Esq.".
    signers = {s[0] for s in _signed("10k_medicis_1999.html")}
    assert {"Richard L. Dobson", "Peter S. Knight", "Philip S. Schein"} <= signers
    assert "Mark A. Prygocki, Sr." in signers  # a generational suffix is part of the name
    assert not any("M.D." in s or "Esq" in s for s in signers)


PERSON_NAMES = [
    ("Philip S. Schein, M.D.", "Philip S. Schein"),
    ("Peter S. Knight, Esq.", "Peter S. Knight"),
    ("Jesse A. Lynn, Esq.", "Jesse A. Lynn"),  # sctota_cvr_icahn_2025.txt "Copies to"
    ("MARTIN H. NEIDELL, ESQ.", "MARTIN H. NEIDELL"),  # s3a_pageamerica_1995.txt
    ("Uttam Patil, Ph.D.", "Uttam Patil"),  # 8k_abvc_2025.txt
    ("John Roe, Jr., M.D.", "John Roe, Jr."),
    ("Mark A. Prygocki, Sr.", "Mark A. Prygocki, Sr."),
    ("E. Pete Contrucci III", "E. Pete Contrucci III"),  # 8k_apple_2019.txt
    ("Dr. Murray A. Goldman", "Murray A. Goldman"),
    ("Nguyen, Do", "Nguyen, Do"),  # a name, not a degree
    ("John Do", "John Do"),
]


@pytest.mark.parametrize("raw,name", PERSON_NAMES, ids=[p[0] for p in PERSON_NAMES])
def test_signatures_person_name_without_degrees(raw, name):
    from extractors.names import person_name

    assert person_name(raw) == name


def test_signatures_title_of_the_person_authorized_on_a_13f_cover():
    # 13f_loews_2001.txt: "Barry Hirsch, Senior Vice President  (212) 521-2920" above "Name, Phone No.,
    # and Title of Person Duly Authorized to Submit This Report", signed "By: /s/ Barry Hirsch" below.
    assert [(s[0], s[1]) for s in _signed("13f_loews_2001.txt")] == [
        ("Barry Hirsch", "Senior Vice President")
    ]
    assert {r for _p, r, _o in _roles("13f_loews_2001.txt")} == {"senior vice president"}


def test_signatures_roles_from_exhibit_signature_blocks():
    # 8k_apple_2019.txt EX-1.1: "BNP PARIBAS / By: /s/ Hugh Pryse-Davies / Name: ... / Title: ...",
    # then a second officer for the same party; the registrant's own officer signs above.
    got = _roles("8k_apple_2019.txt", "exhibit.title")
    assert ("Hugh Pryse-Davies", "duly authorised signatory", "BNP Paribas") in got
    assert ("Anne Besson-Imbert", "authorised signatory", "BNP Paribas") in got
    assert ("Marc Lewell", "managing director", "J.P. Morgan Securities PLC") in got
    assert ("Gary Wipfler", "corporate treasurer", "Apple Inc.") in got
    assert ("Adam Greene", "managing director", "Goldman Sachs & Co. LLC") in got


def test_signatures_no_exhibit_role_without_the_party_above():
    # 8k_astafunding_2005.txt EX-10.1: "LANDLORD: / ATTEST: / By: /s/ Bjorn R. Johnson": the party
    # is not named in the block, so no organisation for the title.
    assert _roles("8k_astafunding_2005.txt", "exhibit.title") == set()
    # Opinions and consents are signed by firms (8k_apple_2019.txt EX-5.1): no person, no role.
    assert not any(p.endswith("LLP") for p, _r, _o in _roles("8k_apple_2019.txt"))
