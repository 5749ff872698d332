"""Header and cover page (secgraph_header_v1): real covers of ../shared, including what must yield nothing."""

from __future__ import annotations

import pytest

from extractors.components._cover import read_cover
from extractors.components._cover_values import address_from_rows, jurisdiction
from extractors.components._filers import invert_person, person_from_conformed
from tests.conftest import needs_shared, shared_files
from tests.extractors._e1_support import claims, filing, name_of, run

pytestmark = needs_shared()
HEADER = "secgraph_header"


def _cover(name: str):
    fl = filing(name)
    doc = fl.main
    sec = doc.section("cover")
    known = fl.header.filer.name if fl.header.filer else None
    return read_cover(doc.text, sec.start, sec.end, known)


# (file, field, value): the three-column state / file number / EIN row in its layouts.
COVER_FIELDS = [
    ("innotrac_8k_2003-07-28.txt", "ein", "58-1592285"),  # seed: values above labels
    ("innotrac_8k_2003-07-28.txt", "file_number", "000-23741"),
    ("innotrac_8k_2003-07-28.txt", "state", "Georgia"),
    ("innotrac_8a-a_2003-11-24.txt", "state", "Georgia"),  # "GEORGIA" in a <TABLE> of two columns
    ("innotrac_8a-a_2003-11-24.txt", "ein", "58-1592285"),
    ("8k_zurn_1994.txt", "ein", "25-1040754"),  # values printed under their labels
    ("8k_zurn_1994.txt", "file_number", "1-5502"),
    ("8k_zurn_1994.txt", "state", "Pennsylvania"),
    ("8k_stockwalk_2000.txt", "state", "Minnesota"),  # HTML flattened onto one line
    ("8k_stockwalk_2000.txt", "file_number", "0-22247"),
    ("8k_stockwalk_2000.txt", "ein", "41-1756256"),
    ("8k_homehealth_1997.txt", "ein", "23-2224800"),  # EIN column before the file number
    ("8k_homehealth_1997.txt", "file_number", "0-26938"),
    ("8k_aames_1998.txt", "file_number", "333-46893-01"),
    ("8k_apple_2019.txt", "file_number", "001-36743"),  # one cell a line
    ("10k_apple_1997.txt", "ein", "942404110"),  # no hyphen, upper-case labels
    ("10k_apple_1994.txt", "file_number", "0-10030"),  # "Commission file number 0-10030" inline
    ("13fa_berkshire_2003.txt", "file_number", "28-4545"),  # "Form 13F File Number:"
    (
        "8k_pericom_2002.txt",
        "date",
        "2002-03-06",
    ),  # "March 14, 2002 (March 6, 2002)": earliest event
    ("8k_pericom_2005.txt", "date", "2005-01-07"),  # the parenthesised date on the next line
    ("8k_apple_2019.txt", "date", "2019-11-07"),  # date printed above its label
    ("sc13g_livent_2023.html", "date", "2023-12-29"),  # date of event which requires filing
    ("innotrac_8a-a_2003-11-24.txt", "amendment", "1"),
    ("innotrac_8k_2003-07-28.txt", "name", "INNOTRAC CORPORATION"),
    ("8k_stockwalk_2000.txt", "name", "Stockwalk.com Group, Inc."),
]


@pytest.mark.parametrize(
    "name,field,value", COVER_FIELDS, ids=[f"{n}-{f}" for n, f, _v in COVER_FIELDS]
)
def test_header_cover_field(name, field, value):
    got = getattr(_cover(name), field)
    assert got is not None and got.value == value


# Addresses: street lines, city, state, zip; telephone lines and labels left out.
ADDRESSES = [
    ("innotrac_8a-a_2003-11-24.txt", "6655 Sugarloaf Parkway, Duluth, Georgia 30097", "Duluth"),
    ("8k_walmart_1995.txt", "702 S.W. Eighth St., Bentonville, Arkansas 72716", "Bentonville"),
    (
        "8k_homehealth_1997.txt",
        "2200 Renaissance Boulevard, Suite 300, King of Prussia, PA 19406",
        "King of Prussia",
    ),
    (
        "8k_zurn_1994.txt",
        "One Zurn Place, Erie, Pennsylvania 16505",
        "Erie",
    ),  # "Address and Telephone Number" above
    ("8k_pericom_2002.txt", "2380 Bering Drive, San Jose, California 95131", "San Jose"),
    ("13fa_berkshire_2003.txt", "1440 Kiewit Plaza, Omaha, NE 68131", "Omaha"),
]


@pytest.mark.parametrize("name,text,city", ADDRESSES, ids=[a[0] for a in ADDRESSES])
def test_header_cover_address(name, text, city):
    got = _cover(name).address
    assert got is not None and got.value == text and got.extra["city"] == city


# Fields a cover does not have must stay empty.
NOTHING = [
    ("innotrac_8a-a_2003-11-24.txt", "file_number"),  # the 8-A/A prints no commission file number
    (
        "8k_abvc_2025.txt",
        "registers",
    ),  # "Securities registered pursuant to Section 12(b)": not a registration
    ("8k_apple_2019.txt", "registers"),
    ("8k_zurn_1994.txt", "amendment"),
    ("sc13d_cybergy_2016.html", "ein"),  # reporting persons' numbers are not the issuer's
]


@pytest.mark.parametrize("name,field", NOTHING, ids=[f"{n}-{f}" for n, f in NOTHING])
def test_header_cover_field_absent(name, field):
    got = getattr(_cover(name), field)
    assert not got


# (file, form, date, registrant, amendment_no, items)
FILINGS = [
    ("innotrac_8k_2003-07-28.txt", "8-K", "2003-07-28", "Innotrac Corporation", None, ("7", "12")),
    (
        "innotrac_8a-a_2003-11-24.txt",
        "8-A/A",
        "2003-11-24",
        "Innotrac Corporation",
        1,
        None,
    ),  # signature date
    (
        "8k_unioncamp_1994.txt",
        "8-K",
        "1994-08-09",
        "Union Camp Corporation",
        None,
        ("5", "7"),
    ),  # header captions
    ("8k_astafunding_2004.txt", "8-K", "2004-11-23", "Asta Funding, Inc.", None, ("2.02", "9.01")),
    (
        "8k_apple_1999.txt",
        "8-K",
        "1999-09-03",
        "Apple Computer, Inc.",
        None,
        ("5", "7"),
    ),  # body headings
    (
        "8k_abvc_2025.txt",
        "8-K",
        "2025-04-15",
        "ABVC BioPharma, Inc.",
        None,
        ("2.02", "4.02", "7.01", "9.01"),
    ),
    ("sc13d_cybergy_2016.html", "SC 13D", "2016-02-02", "MMCAP International Inc. SPC", None, None),
    ("sc13g_livent_2023.html", "SC 13G", "2023-12-29", "ICS Opportunities, Ltd.", None, None),
    (
        "sctota_cvr_icahn_2025.txt",
        "SC TO-T/A",
        "2025-01-10",
        "Icahn Enterprises Holdings L.P.",
        3,
        None,
    ),
    ("form4_productivity_2000.txt", "4", "2000-02-29", "Alan H. Foster", None, None),
    ("13fa_berkshire_2003.txt", "13F-HR/A", "2002-12-31", "Berkshire Hathaway Inc.", 3, None),
    ("def14a_180degree_2020.txt", "DEF 14A", "2020-05-14", "180 Degree Capital Corp.", None, None),
    # Saved without their SGML header: the period the cover says the report covers ("For the
    # fiscal year ended June 30, 1999"), not the signature date (September 28, 1999).
    (
        "10k_medicis_1999.html",
        "10-K",
        "1999-06-30",
        "Medicis Pharmaceutical Corporation",
        None,
        None,
    ),
    ("10k_gainsco_2010.html", "10-K", "2009-12-31", "Gainsco, Inc.", None, None),
    # A letter: no period, no date of report; its date (June 22), not the filing date (June 23).
    ("corresp_alltel_2005.txt", "CORRESP", "2005-06-22", "ALLTEL Corp", None, None),
    # The manager named above "Name of Institutional Investment Manager" (13F cover).
    ("13f_loews_2001.txt", "13F-HR/A", "2001-03-31", "Loews Corporation", 1, None),
]


@pytest.mark.parametrize("row", FILINGS, ids=[r[0] for r in FILINGS])
def test_header_filing_claim(row):
    name, form, date, registrant, amendment, items = row
    got = claims(name, "filing")
    assert len(got) == 1
    c = got[0]
    assert (c.q("form"), c.q("date"), name_of(c.object), c.q("amendment_no"), c.q("items")) == (
        form,
        date,
        registrant,
        amendment,
        items,
    )


def test_header_period_from_the_cover():
    got = claims("10k_medicis_1999.html", "filing")[0]
    assert got.q("period") == "1999-06-30"
    # An 8-K's date of report is not a period of report.
    assert claims("innotrac_8k_2003-07-28.txt", "filing")[0].q("period") is None


def test_header_header_only_filing():
    # hdr_form4_morton_1998.txt: the SGML header of a Form 4 without its body still names its parties.
    got = claims("hdr_form4_morton_1998.txt", "filing")
    assert [(c.q("form"), c.q("date"), name_of(c.object)) for c in got] == [
        ("4", "1998-10-31", "James R. Cantalupo")
    ]
    ids = {
        (name_of(c.subject), c.object) for c in claims("hdr_form4_morton_1998.txt", "identifier")
    }
    assert ("James R. Cantalupo", "0001012325") in ids and (
        "Morton International Inc",
        "0001035972",
    ) in ids


def test_header_no_filing_claim_for_an_exhibit_alone():
    # ex1_jv_igene_2003.html is an EX-1 agreement saved on its own: no form to report.
    assert claims("ex1_jv_igene_2003.html", "filing") == []


def _facts(name: str, kind: str) -> set:
    out = set()
    for c in claims(name, kind, HEADER):
        out.add((name_of(c.subject), c.q("scheme") or "", str(name_of(c.object))))
    return out


IDENTIFIERS = [
    ("innotrac_8k_2003-07-28.txt", ("Innotrac Corporation", "irs_ein", "58-1592285")),
    ("innotrac_8k_2003-07-28.txt", ("Innotrac Corporation", "commission_file_number", "000-23741")),
    ("8k_turner_1994.txt", ("Turner Broadcasting System, Inc.", "cik", "0000100240")),
    (
        "8k_turner_1994.txt",
        ("Turner Broadcasting System, Inc.", "commission_file_number", "0-9334"),
    ),
    ("form4_productivity_2000.txt", ("Alan H. Foster", "cik", "0001050609")),
    (
        "form4_productivity_2000.txt",
        ("Productivity Technologies Corp.", "commission_file_number", "000-24212"),
    ),
    ("sc13g_livent_2023.html", ("Livent Corporation", "cusip", "53814L108")),
    ("sctota_cvr_icahn_2025.txt", ("CVR Energy, Inc.", "cik", "0001376139")),
    ("13fa_berkshire_2003.txt", ("Warren E. Buffett", "commission_file_number", "28-554")),
    (
        "def14a_180degree_2020.txt",
        ("180 Degree Capital Corp.", "irs_ein", "133119827"),
    ),  # header only
    # The covering letter's list, name first: the fuller name of the manager 28-101.
    (
        "13fa_berkshire_2003.txt",
        ("Government Employees Insurance Company", "commission_file_number", "28-101"),
    ),
    # Form 13F information tables: the issuer's name (wrapped names joined) and its CUSIP as printed.
    ("13fa_berkshire_2003.txt", ("Automatic Data Processing", "cusip", "053015 10 3")),
    ("13f_loews_2001.txt", ("Agnico Eagle Mines Ltd.", "cusip", "008474108")),  # name over 2 lines
    ("13f_loews_2001.txt", ("Stillwater Mining Co.", "cusip", "86074Q102")),  # starts a line above
    ("13f_loews_2001.txt", ("Delphi Finl Group Inc", "cusip", "247131105")),  # name touches class
    ("13f_loews_2001.txt", ("Apex Silver Mines Ltd.", "cusip", "G04074111")),  # warrants, CINS
]


@pytest.mark.parametrize("name,fact", IDENTIFIERS, ids=[f"{n}-{f[1]}" for n, f in IDENTIFIERS])
def test_header_identifier(name, fact):
    assert fact in _facts(name, "identifier")


def test_header_cusips_of_a_13f_table_only():
    got = [
        c for c in claims("13f_loews_2001.txt", "identifier", HEADER) if c.q("scheme") == "cusip"
    ]
    assert len(got) == 125 and len({c.object for c in got}) == 125
    # Option rows print a number whose check digit is wrong ("067901908" for calls on a stock whose
    # CUSIP is 067901108): no identifier; nor for a row that prints "None".
    assert not {"067901908", "067901958", "25271C112"} & {c.object for c in got}
    # Other forms print CUSIPs only on their covers (one, the issuer's): no table is read.
    for name in ("sc13d_cybergy_2016.html", "def14a_180degree_2020.txt", "8k_aames_1998.txt"):
        assert not [
            c for c in claims(name, "identifier") if c.provenance.pattern == "13f.table.cusip"
        ]


@pytest.mark.parametrize(
    "cusip,ok",
    [("00130H105", True), ("053015103", True), ("G04074103", True), ("00130H106", False)],
)
def test_header_cusip_check_digit(cusip, ok):
    from extractors.components._info_table import check_digit_ok

    assert check_digit_ok(cusip) is ok


def test_header_cover_file_number_wins_over_header():
    # 8k_turner_1994.txt: the cover prints 0-9334, the header's SEC FILE NUMBER is 001-08911.
    values = {
        v
        for _e, s, v in _facts("8k_turner_1994.txt", "identifier")
        if s == "commission_file_number"
    }
    assert values == {"0-9334"}


INCORPORATIONS = [
    ("innotrac_8k_2003-07-28.txt", "Innotrac Corporation", "Georgia", "corporation"),
    (
        "def14a_180degree_2020.txt",
        "180 Degree Capital Corp.",
        "New York",
        "corporation",
    ),  # header code NY
    (
        "sc13d_cybergy_2016.html",
        "MM Asset Management Inc.",
        "Ontario",
        "corporation",
    ),  # row 6 "Ontario, Canada"
    ("sctota_cvr_icahn_2025.txt", "Beckton Corp.", "Delaware", "corporation"),
    ("10k_apple_1994.txt", "Apple Computer B.V.", "Netherlands", None),  # EX-21 subsidiaries
    ("10k_apple_1994.txt", "Apple Computer France S.A.R.L.", "France", None),  # a foreign form
]


@pytest.mark.parametrize(
    "name,entity,juris,form", INCORPORATIONS, ids=[i[0] for i in INCORPORATIONS]
)
def test_header_incorporation(name, entity, juris, form):
    got = {
        (name_of(c.subject), c.object, c.q("org_form"))
        for c in claims(name, "incorporation", HEADER)
    }
    assert (entity, juris, form) in got


def test_header_reporting_persons_are_one_group():
    got = claims("sc13g_livent_2023.html", "member", HEADER)
    assert {name_of(c.subject) for c in got} == {
        "ICS Opportunities, Ltd.",
        "Millennium Management LLC",
        "Millennium Group Management LLC",
        "Israel A. Englander",
    }
    assert {name_of(c.object) for c in got} == {"reporting persons"}


def test_header_single_filer_forms_have_no_group():
    assert claims("innotrac_8k_2003-07-28.txt", "member", HEADER) == []
    assert claims("form4_productivity_2000.txt", "member", HEADER) == []


def test_header_amends_and_registers_on_the_8a_amendment():
    amends = claims("innotrac_8a-a_2003-11-24.txt", "amends", HEADER)
    assert [(name_of(c.object), c.q("number"), c.q("date")) for c in amends] == [
        ("Form 8-A", 1, "2003-11-24")
    ]
    reg = claims("innotrac_8a-a_2003-11-24.txt", "registers", HEADER)
    assert [(name_of(c.object), c.q("section")) for c in reg] == [
        ("Series A Participating Cumulative Preferred Stock Purchase Rights", "12(g)")
    ]


def test_header_amended_form_as_the_form_calls_itself():
    # 13f_loews_2001.txt prints "FORM 13F-HR/A" (an EDGAR submission type): it amends a Form 13F.
    amends = claims("13f_loews_2001.txt", "amends", HEADER)
    assert [(name_of(c.object), c.q("number"), c.q("date")) for c in amends] == [
        ("Form 13F", 1, "2001-05-15")
    ]
    # 13fa_berkshire_2003.txt prints "Form 13F".
    amends = claims("13fa_berkshire_2003.txt", "amends", HEADER)
    assert [(name_of(c.object), c.q("number")) for c in amends] == [("Form 13F", 3)]


def test_header_schedule_to_also_amending_a_13d():
    # sctota_cvr_icahn_2025.txt: Amendment No. 3 to the Schedule TO, and the box "amendment to
    # Schedule 13D under Rule 13d-2" checked: a second amendment whose number is not printed,
    # which is not the filing's own Amendment No. 3.
    amends = claims("sctota_cvr_icahn_2025.txt", "amends", HEADER)
    got = {(name_of(c.object), c.q("number"), c.q("date")) for c in amends}
    assert got == {("Schedule TO", 3, "2025-01-10"), ("Schedule 13D", None, "2025-01-10")}
    own = [c.subject.attr("doc") for c in amends]
    assert own.count("0001104659-25-002604") == 1


@pytest.mark.parametrize(
    "printed,form,name",
    [
        ("Form 8-A/A", "8-A/A", "Form 8-A"),
        (None, "8-A12G/A", "Form 8-A"),
        ("Form 13F-HR/A", "13F-HR/A", "Form 13F"),
        (None, "SC 13D/A", "Schedule 13D"),
        ("Schedule TO", "SC TO-T/A", "Schedule TO"),
        (None, "SC TO-T/A", "Schedule TO"),
        (None, "S-3/A", "Form S-3"),
    ],
)
def test_header_amended_name(printed, form, name):
    from extractors.components.header import amended_name

    assert amended_name(printed, form) == name


def test_header_no_amends_on_an_original_form():
    assert claims("innotrac_8k_2003-07-28.txt", "amends", HEADER) == []
    assert claims("8k_pericom_2002.txt", "amends", HEADER) == []


def test_header_aliases_and_state():
    ctx = run("innotrac_8k_2003-07-28.txt")
    assert ctx.filer.name == "Innotrac Corporation"
    assert ctx.resolve("the Company") is ctx.filer and ctx.resolve("Registrant") is ctx.filer
    ctx13 = run("sc13d_cybergy_2016.html")
    assert ctx13.filer.name == "MMCAP International Inc. SPC"
    assert ctx13.state["issuer"].name == "Cybergy Holdings, Inc."
    assert ctx13.resolve("the Company").name == "Cybergy Holdings, Inc."


@pytest.mark.parametrize(
    "code,name",
    [
        ("GA", "Georgia"),
        ("de", "Delaware"),
        ("E9", "Cayman Islands"),
        ("Virgin Islands", "US Virgin Islands"),
        ("Atlantis", None),
    ],
)
def test_header_jurisdiction_names(code, name):
    assert jurisdiction(code) == name


def test_header_person_names():
    assert invert_person("Foster, Alan H.") == "Alan H. Foster"
    assert invert_person("GEICO Corp.") == "GEICO Corp."
    assert person_from_conformed("FOSTER ALAN H", "") == "Alan H. Foster"


def test_header_address_needs_a_number():
    # "Tulsa, Oklahoma" alone is a place, not an address (NOTES-A conventions).
    assert address_from_rows([[(0, 14, "Tulsa, Oklahoma")]]) is None


FILES = shared_files()


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_header_evidence_round_trip(path):
    fl = filing(path.name)
    for c in claims(path.name, component=HEADER):
        for ev in c.evidence:
            assert (
                ev.text == fl.source[ev.start : ev.end] and ev.text.strip() == ev.text and ev.text
            )


# The pattern files of the header, defined-terms, signature and event components load and compile.
E1_PATTERN_FILES = [
    "header_cover.json",
    "header_items.json",
    "header_forms.json",
    "us_states.json",
    "role_titles.json",
    "signatures.json",
    "defined_terms.json",
    "events.json",
    "events.jsonl",
]


@pytest.mark.parametrize("name", E1_PATTERN_FILES)
def test_header_pattern_files_are_valid(name):
    import re

    from extractors.patterns import load

    data = load(name)
    assert data
    if name == "events.jsonl":
        for row in data:
            assert {"id", "label", "pattern"} <= set(row) and re.compile(row["pattern"])
        return
    if name == "us_states.json":
        assert all(len(k) == 2 for k in data["states"]) and "Georgia" in data["jurisdictions"]
        return
    if name == "role_titles.json":
        assert all(t == t.lower() for t in data["heads"] + data["titles"])
        return
    for key, value in data.items():
        if isinstance(value, str) and key != "//" and not key.startswith("switch"):
            re.compile(value.replace("{JURIS}", "x"))
        if (
            isinstance(value, list)
            and value
            and isinstance(value[0], dict)
            and "pattern" in value[0]
        ):
            for row in value:
                re.compile(row["pattern"])
