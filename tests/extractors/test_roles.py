"""Roles and people in prose (component 7) on real passages of ../shared seeds and corpus."""

from __future__ import annotations

import pytest

from extractors.components import _roles_prose as rp
from tests.conftest import needs_shared, shared_files
from tests.extractors._e3_support import claims, filing, key, mine, nm

pytestmark = needs_shared()
R = "secgraph_roles"


def roles(name: str, component: str | None = R) -> set[tuple[str, str, str]]:
    """(person, role, organization) keys of the role claims (of one component, or of all)."""
    got = [c for c in claims(name) if c.kind == "role" and (component is None or c.provenance.component == component)]
    return {(key(nm(c.subject)), c.q("role"), key(nm(c.object))) for c in got}


def passage(name: str, anchor: str, length: int = 400) -> str:
    """A real passage of a filing's text, starting at ``anchor``."""
    for doc in filing(name).documents:
        i = doc.text.find(anchor)
        if i >= 0:
            return doc.text[i:i + length]
    raise AssertionError(f"{anchor!r} not in {name}")


def test_roles_seed_general_partner():
    """innotrac_8a-a: 'David Dadante ("Dadante"), who is the general partner of IPOF Fund'."""
    assert roles("innotrac_8a-a_2003-11-24.txt") == {("david dadante", "general partner", "ipof fund")}


def test_roles_signer_titles_are_not_read_here():
    """innotrac_8k: the only roles are the signer's, which the signatures component states."""
    assert roles("innotrac_8k_2003-07-28.txt") == set()


@pytest.mark.parametrize("name, expected", [
    # 8k_pericom_2005 Item 5.02: "appointed ... to serve as a director of the Company, commencing as of January 7, 2005"
    ("8k_pericom_2005.txt", {("murray goldman", "director", "pericom semiconductor corporation"),
                             ("murray goldman", "chairman of the board of directors", "transmeta corporation"),
                             ("murray goldman", "director", "three five systems")}),
    # 8k_apple_2000 EX-99.1: "the Company's CEO Steve Jobs", "Apple Board member Ed Woolard"
    ("8k_apple_2000.txt", {("steve jobs", "ceo", "apple computer inc"), ("ed woolard", "board member", "apple computer inc"),
                           ("jerry york", "board member", "apple computer inc")}),
    # 8k_astafunding_2004 EX-99: "Gary Stern, President and Chief Executive Officer"
    ("8k_astafunding_2004.txt", {("gary stern", "president", "asta funding inc"),
                                 ("gary stern", "chief executive officer", "asta funding inc")}),
    # sctota_cvr_icahn cover: "Andrew Teno / President and Chief Executive Officer / Icahn Enterprises L.P."
    ("sctota_cvr_icahn_2025.txt", {("andrew teno", "president", "icahn enterprises"),
                                   ("jesse lynn", "general counsel", "icahn enterprises")}),
])
def test_roles_corpus(name, expected):
    assert expected <= roles(name)


def test_roles_appointment_since():
    got = [c for c in mine("8k_pericom_2005.txt", R, "role")
           if c.q("role") == "director" and "pericom" in key(c.object.name)]
    assert len(got) == 1 and got[0].q("since") == "2005-01-07" and got[0].q("until") is None


def test_roles_13d_item2_statements():
    """sc13d_cybergy Item 2: "X is the general partner of Y", "Z is the President of W" (any component may state them)."""
    got = roles("sc13d_cybergy_2016.html", None)
    assert ("vukota capital management inc", "general partner", "vukota multi strategy fund lp") in got
    assert ("robert montgomery", "president", "access alternative group") in got
    assert ("pier bjorklund", "managing director", "birch first capital management llc") in got


@pytest.mark.parametrize("name, anchor, expected", [
    ("8k_stockwalk_2000.txt", "said Eldon D. Miller", ("Eldon D. Miller", "Chairman and Chief")),
    ("sc13d_cybergy_2016.html", "Vukota Capital Management Inc. is the general partner",
     ("Vukota Capital Management Inc.", "general partner")),
    ("8k_pericom_2005.txt", "Dr. Goldman has served as Chairman", ("Goldman", "Chairman of the Board of Directors")),
])
def test_roles_find_in_passage(name, anchor, expected):
    found = rp.find_roles(passage(name, anchor))
    assert any(c.holder == expected[0] and (c.titles or "").startswith(expected[1]) for c in found)


@pytest.mark.parametrize("name, anchor", [
    ("8k_zurn_1994.txt", "Contact"),  # a press contact is not an office
    ("8k_unioncamp_1994.txt", "CONTACT"),
    ("def14a_180degree_2020.txt", "Mr. Weil has served as Vice Chairman of Investment Banking"),  # a department
])
def test_roles_nothing_in_passage(name, anchor):
    text = passage(name, anchor, 200)
    if anchor.startswith("Mr. Weil"):
        assert not any(k[2] == "investment banking" for k in roles(name))
    else:
        assert rp.find_roles(text) == []


@pytest.mark.parametrize("name", ["8k_zurn_1994.txt", "8k_unioncamp_1994.txt", "8k_apple_1999.txt",
                                  "innotrac_8k_2003-07-28.txt"])
def test_roles_nothing(name):
    assert roles(name) == set()


def test_roles_nickname_and_surname_resolve():
    """8k_pericom_2005: "Dr. Goldman" → Murray A. Goldman; "Mike Craighead" → the signer Michael D. Craighead."""
    people = {k[0] for k in roles("8k_pericom_2005.txt")}
    assert "goldman" not in people and "mike craighead" not in people


@pytest.mark.parametrize("path", shared_files(), ids=lambda p: p.name)
def test_roles_evidence_round_trip(path):
    fl = filing(path.name)
    for c in mine(path.name, R):
        assert c.q("role") and c.q("role") == c.q("role").lower()
        for ev in c.evidence:
            assert ev.text == fl.source[ev.start:ev.end] and ev.text.strip() == ev.text and ev.text


# --- lists and layouts (_roles_lists, _roles_services, _roles_collect) -------------------------------

from extractors.components import _roles_lists as rl
from extractors.components import _roles_services as sv


def doc_text(name: str, anchor: str) -> str:
    """The whole text of the document of a filing that contains ``anchor``."""
    for doc in filing(name).documents:
        if anchor in doc.text:
            return doc.text
    raise AssertionError(f"{anchor!r} not in {name}")


@pytest.mark.parametrize("name, anchor, expected", [
    # EX-24: "the undersigned hereby makes, constitutes and appoints Robert Krolik, ... and Eric Steiner as the
    # undersigned's true and lawful attorney-in-fact"
    ("ex24_poa_yelp_2012.txt", "Know all by these presents",
     ["Robert Krolik", "Laurence Wilson", "Donna Hammer", "Eric Steiner"]),
    # 10-K signature page: "each person whose signature appears below constitutes and appoints Michael H. Spindler,
    # Joseph A. Graziano, and Edward B. Stead, jointly and severally, his or her attorneys-in-fact"
    ("10k_apple_1994.txt", "KNOW  ALL  PERSONS", ["Michael H. Spindler", "Joseph A. Graziano", "Edward B. Stead"]),
    # "constitutes and appoints Jonah Shacknai and Mark A. Prygocki, Sr., or either of them, as his true and lawful
    # attorneys-in-fact" (HTML 10-K)
    ("10k_medicis_1999.html", "KNOW ALL MEN", ["Jonah Shacknai", "Mark A. Prygocki, Sr."]),
])
def test_roles_power_of_attorney_appointees(name, anchor, expected):
    text = passage(name, anchor, 700)
    found = rl.powers_of_attorney(text)
    assert [f.name for f in found[0][2]] == expected


@pytest.mark.parametrize("name, anchor", [
    ("8k_pericom_2005.txt", "had been appointed"),  # an appointment to the board is not a power of attorney
    ("s3a_pageamerica_1995.txt", "*By:/s/ Martin H. Neidell"),  # signed by an attorney-in-fact: no grant stated here
])
def test_roles_power_of_attorney_nothing(name, anchor):
    assert rl.powers_of_attorney(passage(name, anchor, 400)) == []


def test_roles_power_of_attorney_claims():
    """Each appointee is attorney-in-fact of each person who signs below the grant, never of himself."""
    got = roles("ex24_poa_yelp_2012.txt")
    assert {k for k in got if k[1] == "attorney-in-fact"} == {
        ("robert krolik", "attorney-in-fact", "keith rabois"), ("laurence wilson", "attorney-in-fact", "keith rabois"),
        ("donna hammer", "attorney-in-fact", "keith rabois"), ("eric steiner", "attorney-in-fact", "keith rabois")}
    tenk = roles("10k_apple_1994.txt")
    assert ("joseph graziano", "attorney-in-fact", "katherine hudson") in tenk
    assert ("edward stead", "attorney-in-fact", "michael spindler") in tenk
    assert not any(k[1] == "attorney-in-fact" and k[0] == k[2] for k in tenk)


@pytest.mark.parametrize("name, anchor, item, expected", [
    # 8-K Item 5.07 (HTML): "1. Election of Directors:" then each name with its votes on the next line
    ("8k_disney_2012.html", "1. Election of Directors", True,
     ["Susan E. Arnold", "John S. Chen", "Judith L. Estrin", "Robert A. Iger", "Fred H. Langhammer", "Aylwin B. Lewis",
      "Monica C. Lozano", "Robert W. Matschullat", "Sheryl Sandberg", "Orin C. Smith"]),
    # 10-Q Item 4: "The following directors were elected at the meeting ...:" then a table of names and votes
    ("10q_apple_2000_dup.txt", "PROPOSAL I", True,
     ["William V. Campbell", "Gareth C.C. Chang", "Millard S. Drexler", "Lawrence J. Ellison", "Steven P. Jobs",
      "Jerome B. York"]),
])
def test_roles_elected_directors(name, anchor, item, expected):
    text = passage(name, anchor, 2000)
    assert [f.name for f in rl.elected_directors(text, 0, len(text), item)] == expected


@pytest.mark.parametrize("name, anchor", [
    ("10k_apple_1997.txt", "ELECTIONS OF DIRECTORS"),  # bylaws: "In any election of directors, ..."
    ("def14a_180degree_2020.txt", "Election of Directors"),  # a proxy statement's nominees are not yet elected
    ("10k_apple_1994.txt", "Mr. Spindler was elected"),  # a past election in a biography: no list
])
def test_roles_elected_directors_nothing(name, anchor):
    text = doc_text(name, anchor)
    assert rl.elected_directors(text, 0, len(text), False) == []


def test_roles_elected_directors_claims():
    got = roles("8k_disney_2012.html")
    assert ("sheryl sandberg", "director", "the walt disney company") in got
    assert len({k for k in got if k[1] == "director"}) == 10


@pytest.mark.parametrize("name, anchor, expected", [
    # prospectus supplement: "UNDERWRITER ... OF NOTES" / "Goldman, Sachs & Co......$126,000,000" / ... / "Total"
    ("8k_walmart_1995.txt", "UNDERWRITER", ["Goldman, Sachs & Co.", "Merrill Lynch, Pierce, Fenner & Smith Incorporated",
                                            "CS First Boston Corporation", "J.P. Morgan Securities Inc.",
                                            "Morgan Stanley & Co. Incorporated", "Salomon Brothers Inc."]),
    # a preliminary prospectus: the amounts are blank, the dot leaders stay
    ("424b5_apple_1994.txt", "UNDERWRITER", ["Goldman, Sachs & Co.", "Citicorp Securities, Inc.",
                                             "CS First Boston Corporation", "Morgan Stanley & Co. Incorporated"]),
    # Schedule I of an underwriting agreement (HTML): each firm, then its amounts on the next line
    ("8k_apple_2019.txt", "SCHEDULE I", ["Goldman Sachs & Co. LLC", "Barclays Bank PLC", "BNP Paribas",
                                            "J.P. Morgan Securities plc", "Citigroup Global Markets Limited",
                                            "Deutsche Bank AG, London Branch", "HSBC Bank plc",
                                            "Merrill Lynch International"]),
])
def test_roles_underwriting_table(name, anchor, expected):
    text = doc_text(name, anchor)
    assert [f.name for f in rl.underwriting_table(text, 0, len(text))] == expected


def test_roles_underwriting_table_needs_total():
    """8k_walmart_1995: the same table cut before its "Total" line says nothing."""
    text = doc_text("8k_walmart_1995.txt", "UNDERWRITER")
    i = text.find("     UNDERWRITER ")
    cut = text.find("Total", i)
    assert rl.underwriting_table(text, 0, len(text)) and rl.underwriting_table(text[:cut], 0, cut) == []


@pytest.mark.parametrize("name, anchor, expected", [
    # 8-K Item 8.01: "among Apple and Goldman Sachs & Co. LLC, ... and J.P. Morgan Securities plc, as representatives
    # of the several underwriters named therein" (the first party, the issuer, is not one)
    ("8k_apple_2019.txt", "pursuant to an underwriting agreement",
     ["Goldman Sachs & Co. LLC", "Barclays Bank PLC", "BNP Paribas", "J.P. Morgan Securities plc"]),
    # "for whom Goldman, Sachs & Co. and ... are acting as representatives": a group, not "of the several underwriters"
    ("8k_walmart_1995.txt", "for whom Goldman", []),
])
def test_roles_representatives(name, anchor, expected):
    text = passage(name, anchor, 700)
    assert [f.name for f, several in rl.representatives(text, 0, len(text))] == expected


def test_roles_underwriter_claims():
    got = roles("8k_apple_2019.txt")
    assert ("bnp paribas", "representative of the several underwriters", "apple inc") in got
    assert ("hsbc bank plc", "underwriter", "apple inc") in got
    assert not any(k[0] == "apple inc" for k in got)


@pytest.mark.parametrize("name, anchor, expected", [
    # prospectus: "audited by Ernst & Young LLP, independent auditors"
    ("8k_walmart_1995.txt", "have been audited by Ernst", ("Ernst & Young LLP", "independent auditors")),
    # 8-K Item 4.02: "with its independent registered public accounting firm, Simon &amp; Edward, LLP."
    ("8k_abvc_2025.txt", "the matters disclosed in this",
     ("Simon & Edward, LLP", "independent registered public accounting firm")),
    # 8-K Item 5.07: "Ratification of PricewaterhouseCoopers LLP as registered public accountants"
    ("8k_disney_2012.html", "Ratification of", ("PricewaterhouseCoopers LLP", "registered public accountants")),
])
def test_roles_auditors_in_prose(name, anchor, expected):
    text = passage(name, anchor, 300)
    assert [(s.holder, s.role) for s in sv.auditors(text, 0, len(text))][:1] == [expected]


def test_roles_auditors_report():
    """8k_stockwalk_2000: "INDEPENDENT AUDITORS' REPORT" / "Board of Directors" / "R. J. Steichen & Co.:" ... "/s/ KPMG LLP"."""
    text = doc_text("8k_stockwalk_2000.txt", "We have audited")
    found = sv.auditors_report(text, 0, len(text))
    assert [(s.holder, s.role, s.org) for s in found][:1] == [("KPMG LLP", "independent auditors", "R. J. Steichen & Co.")]
    assert ("kpmg llp", "independent auditors", "steichen company") in roles("8k_stockwalk_2000.txt")


@pytest.mark.parametrize("name, anchor", [
    ("8k_stockwalk_2000.txt", "We have audited"),  # the report's text names no firm
    ("def14a_180degree_2020.txt", "pre-approved all audit and non-audit services provided to us by PwC"),
])
def test_roles_auditors_nothing(name, anchor):
    text = passage(name, anchor, 300)
    assert sv.auditors(text, 0, len(text)) == []


def test_roles_counsel():
    """EX-5.1: "We have acted as special counsel to Apple Inc." in the letter signed "/s/ Latham & Watkins LLP"."""
    text = doc_text("8k_apple_2019.txt", "We have acted as special counsel")
    assert [(s.holder, s.role, s.org) for s in sv.counsel(text, 0, len(text))] == [
        ("Latham & Watkins LLP", "special counsel", "Apple Inc.")]
    text = doc_text("8k_walmart_1995.txt", "will be passed upon for the Company by")
    assert sv.counsel(text, 0, len(text)) == []  # "passed upon by" a firm states no office


@pytest.mark.parametrize("name, expected", [
    # EX-1.1 signature pages: "GOLDMAN SACHS & CO. LLC / By: / /s/ Adam Greene / Name: Adam Greene / Title: Managing
    # Director"; a second signer of the same party ("BNP PARIBAS") under the first one's block
    ("8k_apple_2019.txt", {("adam greene", "managing director", "goldman sachs co llc"),
                           ("anne besson imbert", "authorised signatory", "bnp paribas"),
                           ("gary wipfler", "corporate treasurer", "apple inc")}),
    # EX-10 lease: "LANDLORD: / ATTEST: / By: /s/ Bjorn R. Johnson / Name: ... / Title: Member"; the label is the
    # party the lease defines as "Landlord"
    ("8k_astafunding_2005.txt", {("bjorn johnson", "member", "210 sylvan avenue llc"),
                                 ("gary stern", "ceo", "asta funding inc")}),
])
def test_roles_name_title_blocks(name, expected):
    assert expected <= roles(name, None)  # the signatures component may read the same block first


def test_roles_name_title_through_intermediary_nothing():
    """sc13d_cybergy: "VUKOTA MULTI_STRATEGY FUND LP / By: Vukota Capital Management Inc., / its General Partner /
    By: /s/ ... Title: President": the president is the general partner's, not the fund's."""
    text = passage("sc13d_cybergy_2016.html", "VUKOTA MULTI_STRATEGY FUND LP", 200)
    assert sv.name_title_blocks(text, 0, len(text)) == []


@pytest.mark.parametrize("name, expected", [
    # Form 4: "6. Relationship of Reporting Person(s) to Issuer ... (X) Director ( ) 10% Owner"
    ("form4_productivity_2000.txt", {("alan foster", "director", "productivity technologies corp")}),
    # a Form 4 header alone: "<RELATIONSHIP>DIRECTOR" of the reporting owner
    ("hdr_form4_morton_1998.txt", {("james cantalupo", "director", "morton international inc")}),
])
def test_roles_form4_relationship(name, expected):
    assert roles(name) == expected


def test_roles_form4_unchecked_box_nothing():
    text = "6. Relationship of Reporting Person(s) to Issuer (Check all applicable)\n   ( ) Director (X) 10% Owner"
    assert sv.director_box(text) is None


def test_roles_appointed_together_and_nickname():
    """8k_stockwalk_2000: "Messrs. John E. and John C. Feltl were appointed to the registrant's Board of Directors";
    "Jack Feltl, President and Chief Executive Officer of R.J. Steichen" is John E. Feltl (John C. Feltl, his son, is
    named in the same passage)."""
    got = roles("8k_stockwalk_2000.txt")
    assert {("john feltl", "director", "stockwalk com group inc"), ("john feltl", "president", "steichen company")} <= got
    people = {c.subject.name for c in mine("8k_stockwalk_2000.txt", R, "role")}
    assert {"John E. Feltl", "John C. Feltl"} <= people and "Jack Feltl" not in people


def test_roles_short_names_without_full_form_stay():
    """8k_apple_2000: "Steve Jobs" is written nowhere else in full: it stays as written."""
    assert ("steve jobs", "ceo", "apple computer inc") in roles("8k_apple_2000.txt")


def test_roles_org_capacity_in_parentheses():
    """sc13g_livent: "Millennium Group Management LLC (the managing member of Millennium Management LLC) and Mr.
    Englander (the sole voting trustee of the managing member of ...)": the unnamed organisation gives nothing."""
    got = roles("sc13g_livent_2023.html")
    assert ("millennium group management llc", "managing member", "millennium management llc") in got
    assert not any("englander" in k[0] for k in got)
