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
