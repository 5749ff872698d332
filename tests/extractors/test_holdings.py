"""Holdings and ownership limits (component 6) on real passages of ../shared seeds and corpus."""

from __future__ import annotations

import pytest

from extractors.components import _holdings_prose as prose
from extractors.components import _ownership_table as tables
from extractors.components import _schedule13 as sched
from extractors.components._holdings_common import check_fields, security_class
from tests.conftest import needs_shared, shared_files
from tests.extractors._e3_support import claims, filing, key, mine, nm

pytestmark = needs_shared()
H = "secgraph_holdings"


def owns(name: str) -> list[tuple[str, str, int | None, float | None]]:
    return [(key(nm(c.subject)), key(nm(c.object)), c.q("shares"), c.q("percent")) for c in mine(name, H, "owns")]


def limits(name: str) -> dict[tuple[str, float], dict]:
    return {(key(nm(c.subject)), c.q("percent")): c.quals for c in mine(name, H, "ownership_limit")}


# -- prose ------------------------------------------------------------------------------------
def test_holdings_prose_seed_8a_owns():
    """innotrac_8a-a: "IPOF Fund has indicated to the Company that it currently owns 2,800,500 shares, or 24.2%"."""
    got = mine("innotrac_8a-a_2003-11-24.txt", H, "owns")
    assert [(key(nm(c.subject)), key(nm(c.object)), c.q("shares"), c.q("percent")) for c in got] == [
        ("ipof fund", "innotrac corporation", 2800500, 24.2)]
    assert got[0].q("security_class") == "common stock"
    assert got[0].q("check") is None and got[0].confidence == 1.0


def test_holdings_prose_seed_8a_limits():
    """innotrac_8a-a: 40% under Amendment No. 3 replacing 25% (Amendment No. 2); 15% for all other shareholders."""
    got = limits("innotrac_8a-a_2003-11-24.txt")
    assert set(got) == {("ipof group", 40), ("ipof group", 25), ("all other shareholders", 15)}
    assert got[("ipof group", 40)]["replaces"] == 25
    assert got[("ipof group", 40)]["agreement"] == "Amendment No. 3 to the Rights Agreement"
    assert got[("ipof group", 25)]["agreement"] == "Amendment No. 2 to the Rights Agreement"
    assert "replaces" not in got[("ipof group", 25)]
    assert got[("all other shareholders", 15)]["effect"].startswith("Board approval required")


def test_holdings_rights_plan_8k_limits():
    """8k_pericom_2002: "a person or group ... acquired beneficial ownership of 15% or more"; the 50% exchange bound."""
    got = limits("8k_pericom_2002.txt")
    assert set(got) == {("any person or group of affiliated or associated persons", 15),
                        ("any person or group of affiliated or associated persons", 50)}
    assert owns("8k_pericom_2002.txt") == []


@pytest.mark.parametrize("name, expected", [
    # 10k_gainsco: "Goff Moore Strategic Partners, LP owned approximately 34% ..., Robert W. Stallings owned approximately 23%"
    ("10k_gainsco_2010.html", {("goff moore strategic partners lp", "gainsco inc", None, 34),
                               ("robert stallings", "gainsco inc", None, 23), ("james reis", "gainsco inc", None, 12)}),
    # 8k_turner: "TBS ... acquired all of the issued and outstanding shares of common stock of New Line Cinema Corporation"
    ("8k_turner_1994.txt", {("turner broadcasting system inc", "new line cinema corporation", None, 100)}),
])
def test_holdings_prose_corpus(name, expected):
    assert expected <= set(owns(name))


@pytest.mark.parametrize("name", [
    "innotrac_8k_2003-07-28.txt",  # earnings 8-K: no holding
    "8k_zurn_1994.txt", "8k_apple_1999.txt", "8k_unioncamp_1994.txt", "8k_disney_2012.html",
    "8k_apple_2019.txt",  # notes offering: "beneficial owner of the Notes" is not a holding
    "10q_apple_1997.txt",  # change-of-control definitions ("becomes the beneficial owner of 50%") are not limits
])
def test_holdings_nothing(name):
    assert mine(name, H, "owns") == [] and mine(name, H, "ownership_limit") == []


def test_holdings_joint_owners_yield_nothing():
    """13f_loews: "Mr. Laurence A. Tisch and Mr. Preston R. Tisch own in the aggregate approximately 27%"."""
    assert not [o for o in owns("13f_loews_2001.txt") if "tisch" in o[0]]


# -- Schedule 13D / 13G cover pages --------------------------------------------------------------
def test_holdings_13d_cover_rows():
    """sc13d_cybergy (HTML, 27 reporting persons); a blank row 11 gives no share count."""
    got = {o[0]: o for o in owns("sc13d_cybergy_2016.html")}
    assert len(got) == 27
    assert got["mmcap international inc spc"][2:] == (81061550, 62.9)
    assert got["steve schnipper"][2:] == (None, 4.4)
    assert got["tomislav vukota"][2:] == (12052990, 19.7)
    assert {o[1] for o in got.values()} == {"cybergy holdings inc"}
    # the CUSIP is stated once for the issuer (by this component, or already by the header component)
    cusip = [c for c in claims("sc13d_cybergy_2016.html") if c.kind == "identifier" and c.q("scheme") == "cusip"]
    assert [(key(nm(c.subject)), c.object) for c in cusip] == [("cybergy holdings inc", "23248X101")]


def test_holdings_13g_cover_zero():
    """sc13g_livent: rows 9 and 11 of a 13G, "-0- (See Item 4(a))" and 0.0%."""
    got = owns("sc13g_livent_2023.html")
    assert sorted(got) == sorted([(k, "livent corporation", 0, 0) for k in (
        "ics opportunities ltd", "millennium management llc", "millennium group management llc", "israel englander")])
    assert {c.q("as_of") for c in mine("sc13g_livent_2023.html", H, "owns")} == {"2023-12-29"}


def test_holdings_schedule_to_cover():
    """sctota_cvr_icahn: a Schedule TO whose cover pages are 13D rows; "(Name of Subject Company (Issuer))"."""
    got = [o for o in owns("sctota_cvr_icahn_2025.txt") if o[1] == "cvr energy inc"]
    assert ("carl icahn", "cvr energy inc", 67570593, 67.2) in got and len(got) == 6


def test_holdings_13d_row_values_parse():
    assert sched.parse_shares("81,061,550(1) ") == 81061550
    assert sched.parse_shares("-0- (See Item 4(a))") == 0
    assert sched.parse_shares("") is None
    assert sched.parse_row_percent("62.9%") == 62.9
    assert sched.parse_row_percent("Less than 1%") is None
    assert security_class("Common Stock, par value $.0001 per share") == "common stock"


# -- beneficial-ownership table ---------------------------------------------------------------------
def test_holdings_proxy_table():
    """def14a_180degree: name | amount | percent rows; "*" (less than 1%) gives no percent."""
    got = {c.subject.name: c for c in mine("def14a_180degree_2020.txt", H, "owns")}
    assert got["Stacy R. Brandom"].q("shares") == 56116 and got["Stacy R. Brandom"].q("percent") is None
    assert got["Kevin M. Rendino"].q("percent") == 2.5
    assert got["All directors and executive officers as a group"].q("shares") == 1591968
    assert got["Financial Consulate, Inc."].q("percent") == 7
    assert got["Kevin M. Rendino"].q("outstanding") == 31121562
    assert got["Kevin M. Rendino"].q("as_of") == "2020-03-16"
    assert all(c.q("check") is None for c in got.values())
    # the "dollar range of equity securities" table below it is not a holdings table
    assert len([c for c in got.values() if c.q("security_class") == "common stock"]) == 11


def test_holdings_table_reader_on_document():
    text = filing("def14a_180degree_2020.txt").documents[0].text
    found = tables.find_tables(text)
    assert len(found) == 1 and len(found[0].rows) == 11


# -- arithmetic -----------------------------------------------------------------------------------
@pytest.mark.parametrize("shares, percent, outstanding, check", [
    (771901, 2.5, 31121562, None),  # def14a_180degree: Rendino, 2.48% printed 2.5
    (2800500, 24.2, 11572314, None),  # 24.2% of an outstanding count that agrees
    (2800500, 30.0, 11572314, "percent != shares/outstanding"),
    (2800500, 24.2, None, None),  # no outstanding count: nothing to check
])
def test_holdings_arithmetic_check(shares, percent, outstanding, check):
    got, confidence = check_fields(shares, percent, outstanding)
    assert got == check and confidence == (0.5 if check else 1.0)


def test_holdings_prose_outstanding_disagreement_is_reported():
    """A prose statement whose percent disagrees with its stated outstanding count keeps its numbers and is flagged."""
    text = filing("innotrac_8a-a_2003-11-24.txt").documents[0].text
    start = text.index("IPOF Fund has indicated")
    sentence = text[start:text.index("outstanding.", start) + len("outstanding")]
    found = prose.find_holdings(sentence + " of the 9,000,000 shares outstanding.", None)
    assert found and found[0].outstanding == 9000000 and found[0].percent == 24.2
    assert check_fields(found[0].shares, found[0].percent, found[0].outstanding)[0] == "percent != shares/outstanding"


# -- evidence round trip on every seed and corpus filing ----------------------------------------------
@pytest.mark.parametrize("path", shared_files(), ids=lambda p: p.name)
def test_holdings_evidence_round_trip(path):
    fl = filing(path.name)
    for c in mine(path.name, H):
        for ev in c.evidence:
            assert ev.text == fl.source[ev.start:ev.end] and ev.text.strip() == ev.text and ev.text
