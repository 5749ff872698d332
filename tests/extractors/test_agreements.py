"""Agreements, amendments and agent roles (secgraph_agreements_v1), on real filings of ../shared."""

from __future__ import annotations

import pytest

from extractors.components import _agreement_names as an
from extractors.components._agreement_prose import (
    agent_roles,
    entered_generic,
    filing_amendments,
    under_generic,
)
from tests.conftest import needs_shared
from tests.extractors.support import claims

pytestmark = needs_shared()
PIPE = (
    "secgraph_header_v1",
    "secgraph_defined_terms_v1",
    "secgraph_exhibits_v1",
    "secgraph_agreements_v1",
)
def mine(name: str, kind: str) -> list:
    """This component's claims of ``kind`` for a seed or corpus file (read once per session)."""
    return [
        c
        for c in claims(name, PIPE)
        if c.kind == kind and c.provenance.component == "secgraph_agreements"
    ]


def _low(s):
    return s.lower() if isinstance(s, str) else s


def agreements(name):
    return {(_low(c.subject.name), c.q("date")) for c in mine(name, "agreement")}


def amends(name):
    return {(c.object.name, c.q("number"), c.q("date")): c.quals for c in mine(name, "amends")}


def _name(s: str) -> str:
    return s.removeprefix("The ")


def roles(name):
    """Roles by (person, role, organization), names without a leading "The" (as the scorer compares them)."""
    return {
        (_name(c.subject.name), c.q("role"), _name(c.object.name)): c.quals
        for c in mine(name, "role")
    }


def test_agreements_seed_8a_rights_agreement_and_amendments():
    """Seed 8-A/A: the prose and the exhibit list say the same things several times; one claim each."""
    name = "innotrac_8a-a_2003-11-24.txt"
    assert agreements(name) == {("rights agreement", "1997-12-31")}
    got = amends(name)
    assert set(got) == {
        ("Rights Agreement", 1, "2000-11-30"),
        ("Rights Agreement", 2, "2003-08-14"),
        ("Rights Agreement", 3, "2003-11-24"),
    }
    third = got[("Rights Agreement", 3, "2003-11-24")]
    # "On November 21, 2003, the Board ... authorized Amendment No. 3", "executed Amendment No. 3 on November 24, 2003"
    assert third["authorized"] == "2003-11-21" and third["executed"] == "2003-11-24"
    assert all(q["amended_date"] == "1997-12-31" for q in got.values())
    (rights,) = mine(name, "agreement")
    assert rights.q("parties") == ("Innotrac Corporation", "Reliance Trust Company")
    # "Amendment No. 1 ... between the Company, Reliance Trust Company and SunTrust Bank"
    assert set(got[("Rights Agreement", 1, "2000-11-30")]["parties"]) == {
        "Innotrac Corporation", "Reliance Trust Company", "SunTrust Bank"}
    assert set(got[("Rights Agreement", 2, "2003-08-14")]["parties"]) == {
        "Innotrac Corporation", "SunTrust Bank"}


def test_agreements_seed_8a_successor_rights_agent():
    """ "Amendment No. 1 provided for the appointment of SunTrust Bank as a successor rights agent"."""
    got = roles("innotrac_8a-a_2003-11-24.txt")
    assert set(got) == {
        ("SunTrust Bank", "rights agent", "Innotrac Corporation"),
        ("Reliance Trust Company", "rights agent", "Innotrac Corporation"),
    }
    assert (
        got[("SunTrust Bank", "rights agent", "Innotrac Corporation")].get("since") == "2000-11-30"
    )
    assert (
        got[("Reliance Trust Company", "rights agent", "Innotrac Corporation")].get("until")
        == "2000-11-30"
    )


# (file, agreements (name lower case, date) that must be found)
FOUND = [
    # 8k_pericom_2002: "a Rights Agreement dated as of March 6, 2002 (the "Rights Agreement") between the Company
    # and Equiserve Trust Company, N.A., as Rights Agent"
    ("8k_pericom_2002.txt", {("rights agreement", "2002-03-06")}),
    # 8k_turner_1994: "an Agreement and Plan of Merger dated as of October 15, 1993 (the "Merger Agreement"),
    # among TBS, NL Acquisition Co., ..." and "five-year employment agreements with ... and ..."
    (
        "8k_turner_1994.txt",
        {("agreement and plan of merger", "1993-10-15"), ("employment agreement", None)},
    ),
    # 8k_walmart_1995 EX-99: "an Indenture, dated as of April 1, 1991, as supplemented by a Supplemental Indenture
    # dated as of September 9, 1992"; "an indenture dated as of December 1, 1986".
    (
        "8k_walmart_1995.txt",
        {("indenture", "1991-04-01"), ("indenture", "1986-12-01"), ("pricing agreement", None)},
    ),
    # 8k_apple_2019: "an underwriting agreement (the "Underwriting Agreement") dated November 7, 2019 among ...".
    ("8k_apple_2019.txt", {("underwriting agreement", "2019-11-07"), ("indenture", "2018-11-05")}),
    # sc13d_cybergy_2016: "On August 27, 2015, MMCAP Asset Management Inc. entered into an agreement (the "Voting
    # Agreement") with ..." and "On May 8, 2015, Mr. Williamson entered into a settlement agreement with the Company".
    (
        "sc13d_cybergy_2016.html",
        {
            ("voting agreement", "2015-08-27"),
            ("settlement agreement", "2015-05-08"),
            ("joint filing agreement", "2016-02-02"),
        },
    ),
    # 8k_astafunding_2005: the exhibit title, the EX-10.1 opening and "(the "Lease")" are one lease.
    ("8k_astafunding_2005.txt", {("lease agreement", "2005-06-10")}),
    ("sctota_cvr_icahn_2025.txt", {("tender offer agreement", "2024-12-06")}),
]


@pytest.mark.parametrize("name,expected", FOUND, ids=[c[0] for c in FOUND])
def test_agreements_found(name, expected):
    assert expected <= agreements(name)


def test_agreements_one_lease_in_astafunding():
    assert agreements("8k_astafunding_2005.txt") == {("lease agreement", "2005-06-10")}


def test_agreements_turner_two_employment_agreements():
    got = [
        c
        for c in mine("8k_turner_1994.txt", "agreement")
        if c.subject.name == "employment agreement"
    ]
    assert sorted(c.q("parties")[-1] for c in got) == ["Michael Lynne", "Robert Shaye"]


@pytest.mark.parametrize(
    "name,key,extra",
    [
        # 8k_walmart_1995: the supplemental indenture amends the indenture of April 1, 1991.
        ("8k_walmart_1995.txt", ("Indenture", None, "1992-09-09"), {"amended_date": "1991-04-01"}),
        # 8k_walmart_1995 EX-99: "(as amended by Amendment No. 1 on Form 10-\n Q/A dated September 27, 1994)".
        ("8k_walmart_1995.txt", ("Form 10-Q", 1, "1994-09-27"), {}),
        # sctota_cvr_icahn_2025: earlier amendments of the Schedule TO filed on December 6, 2024.
        (
            "sctota_cvr_icahn_2025.txt",
            ("Schedule TO", 1, "2024-12-18"),
            {"amended_date": "2024-12-06"},
        ),
        (
            "sctota_cvr_icahn_2025.txt",
            ("Schedule TO", 2, "2025-01-06"),
            {"amended_date": "2024-12-06"},
        ),
        # 8k_disney_2012: "On March 13, 2012, the shareholders ... approved an amendment to the Registrant's 2011 Stock
        # Incentive Plan".
        ("8k_disney_2012.html", ("2011 Stock Incentive Plan", None, "2012-03-13"), {}),
        # 10k_gainsco_2010 exhibit titles: "First Amendment to Credit Agreement dated as of January 13, 2006".
        (
            "10k_gainsco_2010.html",
            ("Credit Agreement", 1, "2006-01-13"),
            {"amended_date": "2005-09-30"},
        ),
        # 10k_gainsco_2010: three Employment Agreements; the amendment's party says which one it amends.
        (
            "10k_gainsco_2010.html",
            ("Employment Agreement", 1, "2004-08-27"),
            {"amended_date": "1998-04-25"},
        ),
        # 10k_medicis_1999: "Amendment No. 2 to Rights Agreement, dated March 17, 1997".
        (
            "10k_medicis_1999.html",
            ("Rights Agreement", 2, "1997-03-17"),
            {"amended_date": "1995-08-17"},
        ),
    ],
)
def test_agreements_amends(name, key, extra):
    got = amends(name)
    assert key in got, sorted(got)
    for k, v in extra.items():
        assert got[key].get(k) == v


def test_agreements_header_amendment_not_repeated():
    """The filing's own Amendment No. 3 (sctota) is the header component's claim, not ours."""
    assert not [k for k in amends("sctota_cvr_icahn_2025.txt") if k[1] == 3]


@pytest.mark.parametrize(
    "name,key",
    [
        (
            "8k_pericom_2002.txt",
            ("Equiserve Trust Company, N.A.", "rights agent", "Pericom Semiconductor Corporation"),
        ),
        # 8k_walmart_1995: ", as Trustee" and "will also serve as Paying Agent and Registrar".
        (
            "8k_walmart_1995.txt",
            ("First National Bank of Chicago", "trustee", "Wal-Mart Stores, Inc."),
        ),
        (
            "8k_walmart_1995.txt",
            ("First National Bank of Chicago", "registrar", "Wal-Mart Stores, Inc."),
        ),
        # sctota_cvr_icahn_2025: "D.F. King & Co., Inc. acted as information agent for the Offer".
        (
            "sctota_cvr_icahn_2025.txt",
            ("D.F. King & Co., Inc.", "information agent", "Icahn Enterprises Holdings L.P."),
        ),
        # 8k_apple_2019 EX-4.1 term sheet: "Trustee, Registrar, Transfer Agent, and Authenticating Agent" over the bank.
        (
            "8k_apple_2019.txt",
            ("Bank of New York Mellon Trust Company, N.A.", "authenticating agent", "Apple Inc."),
        ),
        (
            "8k_apple_2019.txt",
            ("Bank of New York Mellon, London Branch", "paying agent", "Apple Inc."),
        ),
    ],
)
def test_agreements_agent_roles(name, key):
    assert key in roles(name), sorted(roles(name))


def test_agreements_resigning_and_successor_trustee():
    """10k_apple_1994 4.3: "Supplemental Indenture dated as of February 1, 1994, among the Company, Morgan Guaranty
    Trust Company of New York, as resigning trustee, and Citibank, N.A., as successor trustee"."""
    got = roles("10k_apple_1994.txt")
    assert got[("Citibank, N.A.", "trustee", "Apple Computer, Inc.")].get("since") == "1994-02-01"
    assert (
        got[("Morgan Guaranty Trust Company of New York", "trustee", "Apple Computer, Inc.")].get(
            "until"
        )
        == "1994-02-01"
    )


@pytest.mark.parametrize(
    "name",
    [
        "innotrac_8k_2003-07-28.txt",
        "8k_zurn_1994.txt",
        "8k_apple_1999.txt",
        "8k_apple_2000.txt",
        "8k_unioncamp_1994.txt",
        "form4_productivity_2000.txt",
        "8k_pericom_2005.txt",
        "13fa_berkshire_2003.txt",
    ],
)
def test_agreements_nothing(name):
    """Filings that name no agreement, amendment or agent yield nothing from this component."""
    assert not mine(name, "agreement") and not mine(name, "amends") and not mine(name, "role")


def test_agreements_no_amendment_for_this_filing_or_citations():
    # The seed 8-A/A cites "Amendment No. 1 to the Registration Statement on Form S-1" in its exhibit list: a source,
    # not an amendment this filing reports.
    assert not [k for k in amends("innotrac_8a-a_2003-11-24.txt") if k[0].startswith("Form")]


# Parsers on sentences of the seed and corpus files.
def test_agreements_names_in_an_exhibit_title():
    # 10k_medicis_1999 4.1b
    (f,) = an.find_agreements(
        "Amendment No. 2 to Rights Agreement, dated March 17, 1997, between the Company and "
        "Norwest Bank Minnesota, N.A."
    )
    assert (f.name, f.amendment, f.number, f.date, f.date_ambiguous) == (
        "Rights Agreement",
        "Amendment No. 2 to Rights Agreement",
        2,
        "1997-03-17",
        True,
    )
    assert f.parties == ["the Company", "Norwest Bank Minnesota, N.A."]


def test_agreements_parties_and_roles():
    # seed 8-A/A 4.2(a)
    (f,) = an.find_agreements(
        "Rights Agreement between the Company and Reliance Trust Company as Rights Agent "
        "dated as of December 31, 1997"
    )
    assert f.date == "1997-12-31" and f.parties == ["the Company", "Reliance Trust Company"]
    assert f.roles == [("Reliance Trust Company", "rights agent", "")]


@pytest.mark.parametrize(
    "text",
    [
        "The Rights Agreement continues to provide that all other shareholders must secure Board approval",  # seed
        "This Agreement may be executed in two or more counterparts",  # sc13g_livent_2023
        "ITEM 1.01 ENTRY INTO A MATERIAL DEFINITIVE AGREEMENT",  # 8k_astafunding_2005
        "RESTRICTIONS ON SALE AND LEASE-BACK TRANSACTIONS.",  # 8k_walmart_1995
    ],
)
def test_agreements_no_dated_or_party_agreement(text):
    assert all(not (f.date or f.parties) for f in an.find_agreements(text))


def test_agreements_generic_needs_a_counterparty():
    text = (
        "On June 6, 2000, the registrant announced that it had entered into a\ndefinitive merger agreement with "
        "R.J. Steichen & Company.  The merger was completed"
    )  # 8k_stockwalk_2000
    (g,) = entered_generic(text, 0, len(text))
    assert (g.name, g.date, g.parties) == ("merger agreement", None, ["R.J. Steichen & Company"])


def test_agreements_filing_amendment_skips_this_filing():
    text = "This Amendment No. 3 to the Tender Offer Statement on Schedule TO (this \u201cAmendment No. 3\u201d) amends"
    assert filing_amendments(text, 0, len(text))[0] == []  # sctota_cvr_icahn_2025


def test_agreements_agent_roles_need_a_name():
    text = "The prospectus supplement will name the owner trustee for each trust."  # 424b5_carmax_2010_nc
    assert agent_roles(text, 0, len(text)) == []


# -- namesakes, contract exhibits past their opening, forms, tables of contents, financing agreements --------------


@pytest.mark.parametrize(
    "name,agreement",
    [
        # 8k_turner_1994: "signed five-year employment agreements with New Line Chairman Robert Shaye and New Line
        # President Michael Lynne": two contracts of one name, no date.
        ("8k_turner_1994.txt", "employment agreement"),
        # 8k_homehealth_1997 exhibits 2.1 and 2.2: two undated "Asset Acquisition Agreements" with different sellers.
        ("8k_homehealth_1997.txt", "Asset Acquisition Agreement"),
    ],
)
def test_agreements_namesakes_are_told_apart_by_their_parties(name, agreement):
    """Namesakes carry their parties on the subject mention, so that the graph keeps them apart."""
    got = [c for c in mine(name, "agreement") if c.subject.name == agreement]
    assert len(got) == 2 and got[0].subject != got[1].subject
    assert [c.subject.attr("parties") for c in got] == [c.q("parties") for c in got]


def test_agreements_single_agreement_mention_has_no_parties_attr():
    """An agreement without a namesake keeps a plain mention (8k_pericom_2002's Rights Agreement)."""
    (c,) = mine("8k_pericom_2002.txt", "agreement")
    assert c.subject.attrs == ()


def test_agreements_duly_authorized_past_the_contract_opening():
    """8k_apple_2019 EX-1.1, the annexed form of opinion: "The Paying Agent Agreement has been duly authorized by all
    necessary corporate action of the Company"; "the Base Indenture has been duly authorized" names a defined term
    ((the "Base Indenture")), not a contract of that name."""
    got = agreements("8k_apple_2019.txt")
    assert ("paying agent agreement", None) in got
    assert not [n for n, _ in got if n == "base indenture"]


def test_agreements_duly_executed_list_of_names():
    """10k_apple_1997 EX-10: "This Agreement, the Registration Rights Agreement, the Patent Cross License Agreement
    and the Technology Agreement have been duly executed": the names listed as the verb's subject."""
    got = {n for n, _ in agreements("10k_apple_1997.txt")}
    assert {"patent cross license agreement", "technology agreement"} <= got


@pytest.mark.parametrize(
    "name,agreement",
    [
        # 10k_apple_1997 EX-10.A-8: "This Indemnification Agreement ("Agreement") is made as of this ____ day of":
        # a form with its date left blank; and its exhibit list title "Form of Indemnification Agreement".
        ("10k_apple_1997.txt", "indemnification agreement"),
        # 10k_apple_1994 10.A.8: "Form of Indemnification Agreement between the Registrant and ...".
        ("10k_apple_1994.txt", "indemnification agreement"),
        # sctota_cvr_icahn_2025 (d)(2): "Form\n    of Tax Allocation Agreement by and among ...", across a line break.
        ("sctota_cvr_icahn_2025.txt", "tax allocation agreement"),
        # 10k_apple_1997 tables of contents: "7.  Entire Agreement; Amendments . . . . 10".
        ("10k_apple_1997.txt", "entire agreement"),
    ],
)
def test_agreements_forms_and_contents_are_no_agreements(name, agreement):
    assert not [n for n, _ in agreements(name) if n == agreement]


@pytest.mark.parametrize(
    "text",
    [
        # 10k_apple_1997 EX-10 table of contents
        "7.        Entire Agreement; Amendments . . . . . . . . . . . . . . . . . . . . . . 10\n",
        "    5.6  Patent Cross License Agreement and Technology Agreement . . . . . . 7\n",
    ],
)
def test_agreements_table_of_contents_lines(text):
    assert an.find_agreements(text) == []


@pytest.mark.parametrize(
    "text,parties",
    [
        # 10k_apple_1997 4.8: a firm name with a comma
        (
            (
                "Registration Rights Agreement, dated June 7, 1996 among\n   the Company and Goldman, Sachs & Co. "
                "and Morgan Stanley\n   & Co. Incorporated."
            ),
            ["the Company", "Goldman, Sachs & Co.", "Morgan Stanley\n   & Co. Incorporated"],
        ),
        # 10k_apple_1997 10.A.28: a generational suffix
        (
            "Employment Agreement dated March 4, 1996, between Registrant and Fred D.\n   Anderson, Jr.",
            ["the Company", "Fred D. Anderson, Jr."],
        ),
        # 10k_gainsco_2010 4.6: an upper-case name with its suffix
        (
            (
                "Junior Subordinated Indenture between GAINSCO, INC. and Wilmington Trust Company, as Trustee, "
                "dated as of January 13, 2006"
            ),
            ["GAINSCO, INC.", "Wilmington Trust Company"],
        ),
        # 8k_turner_1994: short names stay apart
        (
            "Agreement and Plan of Merger dated as of October 15, 1993, among TBS, NL Acquisition Co. and New Line",
            ["TBS", "NL Acquisition Co.", "New Line"],
        ),
    ],
)
def test_agreements_party_lists(text, parties):
    (f,) = an.find_agreements(text)
    assert [" ".join(p.split()) for p in f.parties] == [" ".join(p.split()) for p in parties]


def test_agreements_representatives_of_the_underwriters():
    """8k_apple_2019: "... and J.P. Morgan Securities plc, as representatives of the several underwriters named
    therein": the capacity is not part of the name."""
    (c,) = [
        c
        for c in mine("8k_apple_2019.txt", "agreement")
        if c.subject.name == "Underwriting Agreement"
    ]
    assert "J.P. Morgan Securities plc" in c.q("parties")


def test_agreements_financing_agreement_under_which_one_borrowed():
    """8k_stockwalk_2000, notes to the financial statements: "Short-term borrowings represent secured borrowings
    under a bank credit\nagreement to finance securities inventory positions and receivables"."""
    text = (
        "     Short-term borrowings represent secured borrowings under a bank credit\nagreement to finance "
        "securities inventory positions and receivables."
    )
    (g,) = under_generic(text, 0, len(text))
    assert (g.name, g.date, g.parties, g.standing) == ("bank credit agreement", None, [], True)
    assert ("bank credit agreement", None) in agreements("8k_stockwalk_2000.txt")


@pytest.mark.parametrize(
    "text",
    [
        # 8k_apple_2019 EX-4.1: a hypothetical lender, no particular agreement
        (
            "being a bank receiving payments on an extension of credit made pursuant to a loan agreement entered "
            "into in the ordinary course of its trade or business"
        ),
        # 10k_gainsco_2010: a definite mention refers to an agreement named elsewhere
        "The interest rate on borrowings under our credit agreement is variable",
        # an indefinite agreement of no particular kind
        "loans under a new agreement to be negotiated with the lenders",
    ],
)
def test_agreements_financing_agreement_nothing(text):
    assert under_generic(text, 0, len(text)) == []


@pytest.mark.parametrize(
    "name,agreement,party,kind",
    [
        # 8k_turner_1994: employment agreements with New Line's chairman and president
        ("8k_turner_1994.txt", "employment agreement", "Robert Shaye", "person"),
        # 8k_stockwalk_2000: "a five-year employment/noncompete agreement with Mr. Feltl"
        ("8k_stockwalk_2000.txt", "employment/noncompete agreement", "Mr. Feltl", "person"),
        # 8k_stockwalk_2000: "a definitive merger agreement with R.J. Steichen & Company" (a company)
        ("8k_stockwalk_2000.txt", "merger agreement", "R.J. Steichen & Company", "company"),
    ],
)
def test_agreements_counterparty_kinds(name, agreement, party, kind):
    got = {
        (c.subject.name, c.object.name): c.object.kind
        for c in mine(name, "agreement")
        if c.object is not None
    }
    assert got[(agreement, party)] == kind
