"""KnowledgeGraph: networkx view, SHACL validation, the build API."""

from graph import build


def test_kg_to_networkx_nodes_and_typed_edges(seed_kg):
    g = seed_kg.to_networkx()
    labels = {d["label"]: (n, d["kind"]) for n, d in g.nodes(data=True)}
    assert labels["IPOF Fund"][1] == "fund"
    assert labels["Innotrac Corporation"][1] == "company"
    assert labels["David L. Gamsey"][1] == "person"
    assert labels["IPOF Group"][1] == "group"
    assert labels["Rights Agreement"][1] == "agreement"
    fund, issuer = labels["IPOF Fund"][0], labels["Innotrac Corporation"][0]
    owns = [d for d in g.get_edge_data(fund, issuer).values() if d["type"] == "owns"]
    assert owns[0]["shares"] == 2800500 and owns[0]["percent"] == 24.2
    assert owns[0]["evidence"] == ["2,800,500 shares, or 24.2%"]
    types = {d["type"] for _, _, d in g.edges(data=True)}
    assert types == {"owns", "role", "amends", "signed", "member", "ownership_limit", "party"}
    amend = [
        (u, v, d)
        for u, v, d in g.edges(data=True)
        if d["type"] == "amends" and d.get("number") == 3
    ]
    assert g.nodes[amend[0][1]]["label"] == "Rights Agreement"
    roles = [
        d["role"]
        for u, v, d in g.edges(data=True)
        if d["type"] == "role" and u == labels["David L. Gamsey"][0]
    ]
    assert sorted(set(roles)) == ["chief financial officer", "secretary", "senior vice president"]
    # Entity links only: no class nodes, no literal nodes.
    assert not any("ontology#" in n for n in g.nodes)


def test_kg_shacl_conforms_on_seed_graph(seed_kg):
    conforms, violations, _ = seed_kg.validate()
    assert conforms, violations[:5]


def test_kg_shacl_reports_violation():
    import pyoxigraph as ox

    from graph.kg import KnowledgeGraph
    from graph.vocab import TYPE, S

    kg = KnowledgeGraph.open("memory")
    bad = ox.NamedNode("urn:bad-holding")
    kg.store.bulk_extend([ox.Quad(bad, TYPE, S.Holding, ox.NamedNode("urn:g"))])
    conforms, violations, _ = kg.validate()
    assert not conforms and any(v["focus"] == "urn:bad-holding" for v in violations)


def test_kg_build_reports_bad_paths_and_goes_on(seed_inputs, tmp_path):
    kg = build([str(tmp_path / "missing.txt"), *seed_inputs], store="memory")
    assert list(kg.report.errors) == [str(tmp_path / "missing.txt")]
    assert len(kg.report.filings) == 2
