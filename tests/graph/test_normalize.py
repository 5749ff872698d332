"""Name normalisation shared by resolution and scoring."""

import pytest

from graph.normalize import best_name, name_key, norm_org, norm_person


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Innotrac Corporation", "INNOTRAC CORP."),
        ("The Walt Disney Company", "Walt Disney Co."),
        ("IPOF Fund, L.P.", "IPOF Fund LP"),
        ("Acme Holdings, Inc.", "acme holdings"),
        ("Goldman Sachs & Co. LLC", "Goldman Sachs and Co"),
    ],
)
def test_normalize_org_suffixes_and_article_dropped(a, b):
    assert norm_org(a) == norm_org(b)


def test_normalize_org_keeps_distinct_names_apart():
    assert norm_org("Reliance Trust Company") != norm_org("SunTrust Bank")
    assert norm_org("Company") == "company"  # never normalised to nothing


def test_normalize_person_middle_initial_and_honorifics():
    assert norm_person("Mr. David L. Gamsey, Jr.") == norm_person("David Gamsey") == "david gamsey"
    assert name_key("David L. Gamsey") == name_key("DAVID GAMSEY")
    assert name_key("David L. Gamsey") != name_key("Daniel L. Gamsey")


def test_normalize_best_name_prefers_longest_formal():
    assert best_name(["the Company", "Innotrac Corporation", "Innotrac"]) == "Innotrac Corporation"
    assert best_name(["INNOTRAC CORPORATION", "Innotrac Corporation"]) == "Innotrac Corporation"


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Innotrac Corporation", "INNOTRAC CORP.", True),
        ("The Walt Disney Company", "Walt Disney Co.", True),
        ("Acme Fund, L.P.", "Acme Fund LP", True),
        ("Acme Computer Limited", "Acme Computer, Inc.", False),  # an EX-21 subsidiary
        ("Acme Computer, Inc. Limited", "Acme Computer, Inc.", False),
        ("Acme Brothers & Co.", "Acme Brothers & Co. LLC", False),
    ],
)
def test_normalize_org_identity_key_keeps_legal_forms_apart(a, b, same):
    from graph.normalize import org_identity_key

    assert (org_identity_key(a) == org_identity_key(b)) is same
    assert name_key(a) == name_key(b)  # scoring compares names without their forms
