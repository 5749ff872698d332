"""Every canned query returns the right rows on the seed claims."""

import pytest

from graph import sparql

DOC_A = "innotrac_8a-a_2003-11-24"
DOC_K = "innotrac_8k_2003-07-28"


def test_queries_every_file_has_documented_header():
    for q in sparql.canned().values():
        assert q.description, q.name
        assert "PREFIX" not in q.text and "https://" not in q.text, q.name


def test_queries_amendment_chain(seed_kg):
    rows = seed_kg.query("amendment-chain", agreement="rights agreement")
    assert [(r["number"], r["date"]) for r in rows] == [
        (1, "2000-11-30"),
        (2, "2003-08-14"),
        (3, "2003-11-24"),
    ]
    assert {r["agreement_date"] for r in rows} == {"1997-12-31"}
    assert all(r["filing"] == DOC_A and r["quote"] for r in rows)
    assert "Reliance Trust Company" in rows[0]["agreement_parties"]
    every = seed_kg.query("amendment-chain")
    assert any(r["agreement"] == "Form 8-A" and r["number"] == 1 for r in every)


@pytest.mark.parametrize(
    ("date", "number"), [("2003-09-01", 2), ("2001-01-01", 1), ("2004-01-01", 3)]
)
def test_queries_latest_version_as_of(seed_kg, date, number):
    rows = seed_kg.query("latest-version", agreement="Rights", date=date)
    assert len(rows) == 1 and rows[0]["latest_number"] == number


def test_queries_latest_version_before_any_amendment(seed_kg):
    rows = seed_kg.query("latest-version", agreement="Rights", date="1999-01-01")
    assert rows[0]["agreement"] == "Rights Agreement" and rows[0]["latest_number"] is None


def test_queries_ownership(seed_kg):
    rows = seed_kg.query("ownership", issuer="innotrac")
    assert len(rows) == 1
    r = rows[0]
    assert (r["owner"], r["shares"], r["percent"], r["class"], r["as_of"]) == (
        "IPOF Fund",
        2800500,
        24.2,
        "common stock",
        "2003-11-24",
    )
    assert r["quote"] == "2,800,500 shares, or 24.2%" and r["filing"] == DOC_A


def test_queries_ownership_as_of_and_owners_above(seed_kg):
    assert seed_kg.query("ownership-as-of", date="2003-12-31")[0]["percent"] == 24.2
    assert seed_kg.query("ownership-as-of", date="2003-01-01") == []
    assert [r["owner"] for r in seed_kg.query("owners-above", percent=20)] == ["IPOF Fund"]
    assert seed_kg.query("owners-above", percent=25) == []


def test_queries_ownership_limits(seed_kg):
    rows = seed_kg.query("ownership-limits")
    got = {(r["holder"], r["percent"], r["replaces"], r["agreement"]) for r in rows}
    assert got == {
        ("IPOF Group", 40, 25, "Amendment No. 3 to the Rights Agreement"),
        ("IPOF Group", 25, None, "Amendment No. 2 to the Rights Agreement"),
        ("all other shareholders", 15, None, None),
    }


def test_queries_signatories(seed_kg):
    rows = seed_kg.query("signatories")
    assert [(r["filing"], r["signer"], r["date"]) for r in rows] == [
        (DOC_A, "David L. Gamsey", "2003-11-24"),
        (DOC_K, "David L. Gamsey", "2003-07-28"),
    ]
    assert all(r["on_behalf_of"] == "Innotrac Corporation" and "/s/" in r["quote"] for r in rows)
    assert len(seed_kg.query("signatories", doc="8k")) == 1


def test_queries_officers(seed_kg):
    rows = seed_kg.query("officers", organization="innotrac", role="officer")
    assert {(r["person"], r["filing"]) for r in rows} == {
        ("David L. Gamsey", DOC_A),
        ("David L. Gamsey", DOC_K),
    }
    agents = seed_kg.query("officers", role="rights agent")
    assert {(r["person"], r["since"], r["until"]) for r in agents} == {
        ("SunTrust Bank", "2000-11-30", None),
        ("Reliance Trust Company", None, "2000-11-30"),
    }


def test_queries_exhibits_by_reference(seed_kg):
    rows = seed_kg.query("exhibits-by-reference")
    got = {(r["number"], r["source_form"], r["source_number"], r["source_filed"]) for r in rows}
    assert ("3.1", "S-1", "333-42373", "1998-02-11") in got
    assert ("4.2(b)", "10-K", "000-23741", "2001-03-30") in got
    assert len(rows) == 6 and not any(r["ingested"] for r in rows)
    assert "4.2(d)" not in {r["number"] for r in rows}


def test_queries_entity_and_evidence(seed_kg):
    rows = seed_kg.query("entity", name="IPOF Fund")
    props = {(sparql.compact(r["property"]), r["value"]) for r in rows}
    assert ("sg:owns", "Innotrac Corporation") in props
    assert ("sg:organizationForm", "limited partnership") in props
    ev = seed_kg.query("evidence", text="2,800,500")
    assert ev and ev[0]["filing"] == DOC_A and ev[0]["end"] - ev[0]["start"] == len(ev[0]["quote"])


def test_queries_free_sparql_sees_union_and_bad_params_rejected(seed_kg):
    rows = seed_kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?h a sg:Holding }")
    assert rows[0]["n"] == 1
    with pytest.raises(sparql.QueryError):
        seed_kg.query("ownership-as-of", date="yesterday")
    with pytest.raises(sparql.QueryError):
        seed_kg.query("ownership", nonsense="x")
    with pytest.raises(sparql.QueryError):
        seed_kg.query("no-such-query")


# -- exact lookups first, substrings as the fallback ------------------------------------------


def test_queries_lookup_keys_and_derived_placeholders():
    assert sparql.lookup_keys("") == [] and sparql.lookup_keys("  ") == []
    keys = sparql.lookup_keys("Innotrac Corp.")
    assert keys[0] == "Innotrac Corp." and "innotrac corp" in keys and "innotrac" in keys
    q = sparql.parse_query(
        "t",
        '# t\n# @param name string "" n\nSELECT * { VALUES ?k { $name_keys } '
        "FILTER($name_fuzzy || $name_all) BIND($name AS ?n) }",
    )
    exact = q.render({"name": "Acme Corp"})
    assert 'VALUES ?k { "Acme Corp" "acme corp" "acme" }' in exact
    assert "FILTER(false || false)" in exact and 'BIND("Acme Corp" AS ?n)' in exact
    assert "FILTER(true || false)" in q.render({"name": "Acme Corp"}, fuzzy=True)
    assert "VALUES ?k {  }" in q.render({}) and "FILTER(false || true)" in q.render({})
    assert q.needs_fallback({"name": "Acme"}) and not q.needs_fallback({})


def test_queries_name_params_have_exact_and_substring_passes():
    for q in sparql.canned().values():
        for name, p in q.params.items():
            if f"${name}_keys" in q.text:
                assert p.type == "string", (q.name, name)
                assert f"${name}_fuzzy" in q.text, (q.name, name)
                # The exact pass folds the substring branch away (no scan).
                rendered = q.render({name: "x"})
                assert f"${name}_" not in rendered, (q.name, name)


def test_queries_exact_name_and_substring_give_the_same_rows(seed_kg):
    by_part = seed_kg.query("ownership", issuer="nnotrac")  # substring pass
    by_norm = seed_kg.query("ownership", issuer="Innotrac Corp.")  # normalised name
    by_name = seed_kg.query("ownership", issuer="Innotrac Corporation")
    assert by_part == by_norm == by_name == seed_kg.query("ownership", issuer="innotrac")
    assert len(by_name) == 1 and by_name[0]["owner"] == "IPOF Fund"
    assert seed_kg.query("ownership", issuer="no such issuer") == []
    rows = seed_kg.query("ownership-as-of", issuer="Innotrac Corporation", date="2003-12-31")
    assert [r["percent"] for r in rows] == [24.2]
    assert seed_kg.query("ownership-limits", issuer="INNOTRAC") == seed_kg.query(
        "ownership-limits", issuer="innotrac"
    )


def test_queries_agreement_exact_and_partial(seed_kg):
    chain = seed_kg.query("amendment-chain", agreement="Rights Agreement")
    assert [r["number"] for r in chain] == [1, 2, 3]
    assert seed_kg.query("amendment-chain", agreement="ights agree") == chain
    exact = seed_kg.query("latest-version", agreement="the Rights Agreement", date="2003-09-01")
    assert [r["latest_number"] for r in exact] == [2]
    assert seed_kg.query("amendment-chain", agreement="no such agreement") == []


def test_queries_doc_exact_and_partial(seed_kg):
    assert [r["filing"] for r in seed_kg.query("signatories", doc=DOC_K)] == [DOC_K]
    assert [r["filing"] for r in seed_kg.query("signatories", doc="8k_2003")] == [DOC_K]
    every = seed_kg.query("exhibits-by-reference")
    assert seed_kg.query("exhibits-by-reference", doc=DOC_A) == [
        r for r in every if r["filing"] == DOC_A
    ]


def test_queries_officers_exact_role_and_entity_by_normalised_name(seed_kg):
    exact = seed_kg.query("officers", role="rights agent")
    assert exact == seed_kg.query("officers", role="RIGHTS AGENT")
    assert {r["person"] for r in exact} == {"SunTrust Bank", "Reliance Trust Company"}
    by_name = seed_kg.query("entity", name="IPOF Fund")
    assert by_name == seed_kg.query("entity", name="ipof fund")
    assert by_name == seed_kg.query("entity", name="POF Fun")  # part of the name
