"""Conservative, explained entity resolution."""

from extractors.claims import Evidence, Mention, Provenance, make_claim
from graph.records import FilingInput
from graph.resolve import resolve

P = Provenance("t", "1")


def _ev(doc):
    return Evidence(doc, 0, 4, "text")


def _fi(doc, *claims, **kw):
    return FilingInput(doc_id=doc, claims=list(claims), **kw)


def test_resolve_same_company_by_ein_across_filings_records_reason():
    a = Mention("Acme Widgets Corporation", "company", identifiers=(("irs_ein", "12-3456789"),))
    b = Mention("ACME WIDGETS CORP", "company", identifiers=(("irs_ein", "12-3456789"),))
    fa = _fi("a", make_claim("identifier", a, "12-3456789", _ev("a"), P, scheme="irs_ein"))
    fb = _fi("b", make_claim("identifier", b, "12-3456789", _ev("b"), P, scheme="irs_ein"))
    res = resolve([fa, fb])
    assert res.of("a", a) == res.of("b", b)
    ent = res.entities[res.of("a", a)]
    reasons = {r for r, _ in ent.decisions["a"]} | {r for r, _ in ent.decisions["b"]}
    assert "same IRS employer identification number" in reasons
    assert (
        ent.name_in("b") == "ACME WIDGETS CORP" and ent.name_in("a") == "Acme Widgets Corporation"
    )


def test_resolve_same_name_with_conflicting_cik_not_merged():
    a = Mention("Acme Corp", "company", identifiers=(("cik", "1"),))
    b = Mention("Acme Corporation", "company", identifiers=(("cik", "2"),))
    res = resolve(
        [
            _fi("a", make_claim("owns", a, Mention("X Inc", "company"), _ev("a"), P)),
            _fi("b", make_claim("owns", b, Mention("X Inc", "company"), _ev("b"), P)),
        ]
    )
    assert res.of("a", a) != res.of("b", b)
    # X Inc has no identifiers: same normalised name across filings merges it.
    assert res.of("a", Mention("X Inc", "company")) == res.of("b", Mention("X Inc", "company"))


def test_resolve_person_within_same_organisation_only():
    org1, org2 = Mention("Acme Corp", "company"), Mention("Other Inc", "company")
    p1, p2 = Mention("John Q. Smith", "person"), Mention("John Smith", "person")
    p3 = Mention("John Smith", "person")
    fa = _fi("a", make_claim("role", p1, org1, _ev("a"), P, role="director"))
    fb = _fi("b", make_claim("role", p2, org1, _ev("b"), P, role="secretary"))
    fc = _fi("c", make_claim("role", p3, org2, _ev("c"), P, role="director"))
    res = resolve([fa, fb, fc])
    assert res.of("a", p1) == res.of("b", p2)
    assert res.of("c", p3) != res.of("a", p1)


def test_resolve_stub_filing_merges_with_ingested_filing():
    me = Mention("Acme Corp", "company")
    cite = make_claim(
        "exhibit",
        Mention("a", "filing"),
        Mention("Bylaws", "document"),
        _ev("a"),
        P,
        number="3.2",
        source_form="S-1",
        source_number="333-1",
        source_filed="1999-07-22",
    )
    fa = _fi("a", make_claim("filing", Mention("a", "filing"), me, _ev("a"), P, form="8-K"), cite)
    alone = resolve([fa])
    stub = [e for e in alone.entities.values() if e.attrs.get("stub")]
    assert len(stub) == 1 and stub[0].attrs["number"] == "333-1"
    s1 = _fi("0001-99-1", form="S-1/A", file_number="333-1", filed_date="1999-07-22")
    both = resolve([fa, s1])
    cited = [e for e in both.entities.values() if e.category == "filing" and e.attrs]
    assert cited and cited[0].iri == both.filings["0001-99-1"]
    assert any("same form, file number" in r for r, _ in cited[0].decisions["a"])


def test_resolve_people_differing_only_by_initials_stay_apart():
    org = Mention("Acme Corp", "company")
    e, c = Mention("John E. Roe", "person"), Mention("John C. Roe", "person")
    plain = Mention("John Roe", "person")
    fa = _fi(
        "a",
        make_claim("role", e, org, _ev("a"), P, role="president"),
        make_claim("role", c, org, _ev("a"), P, role="director"),
        make_claim("role", plain, org, _ev("a"), P, role="director"),
    )
    res = resolve([fa])
    assert res.of("a", e) != res.of("a", c)


def test_resolve_unnumbered_amendments_of_different_agreements_stay_apart():
    # "Supplemental Indenture" named in two filings, amending two different indentures.
    sup = Mention("Supplemental Indenture", "agreement")
    fa = _fi("a", make_claim("amends", sup, Mention("Indenture", "agreement"), _ev("a"), P,
                             date="1994-02-01", amended_date="1987-01-01"))
    fb = _fi("b", make_claim("amends", sup, Mention("Indenture", "agreement"), _ev("b"), P,
                             date="1994-02-01", amended_date="1993-06-01"))
    res = resolve([fa, fb])
    assert res.of("a", sup) != res.of("b", sup)
    assert "/amendment/" in res.of("a", sup)
