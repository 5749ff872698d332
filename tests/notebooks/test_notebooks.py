"""The notebooks run top to bottom and are stored clean; graph/viz.py draws what the graph holds."""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import nbformat
import pytest

from extractors.claims import Evidence, Mention, Provenance, make_claim
from graph import build, viz
from graph.records import FilingInput

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
DOC = "innotrac_8a-a_2003-11-24"


# -- a small graph made from hand-built claims (what the extractors give for the 8-A/A) ----------
def _claims() -> list:
    pv = Provenance("test", "1")
    quotes: list[str] = []

    def ev(text: str) -> Evidence:
        start = sum(len(q) + 1 for q in quotes)
        quotes.append(text)
        return Evidence(DOC, start, start + len(text), text)

    inn, fund = Mention("Innotrac Corporation", "company"), Mention("IPOF Fund", "fund")
    group, dad = Mention("IPOF Group", "group"), Mention("David Dadante", "person")
    rel, sun = Mention("Reliance Trust Company", "bank"), Mention("SunTrust Bank", "bank")
    ra = Mention("Rights Agreement", "agreement")
    c = [
        make_claim(
            "filing",
            Mention(DOC, "filing"),
            inn,
            ev("FORM 8-A/A"),
            pv,
            form="8-A/A",
            date="2003-11-24",
            amendment_no=1,
        ),
        make_claim(
            "agreement",
            ra,
            inn,
            ev("Rights Agreement dated as of December 31, 1997"),
            pv,
            date="1997-12-31",
            parties=["Innotrac Corporation", "Reliance Trust Company"],
        ),
        make_claim(
            "role",
            rel,
            inn,
            ev("Reliance Trust Company as Rights Agent"),
            pv,
            role="rights agent",
            until="2000-11-30",
        ),
        make_claim(
            "role",
            sun,
            inn,
            ev("appointment of SunTrust Bank as Rights Agent"),
            pv,
            role="rights agent",
            since="2000-11-30",
        ),
        make_claim(
            "role",
            dad,
            fund,
            ev("David Dadante, who is the general partner of IPOF Fund"),
            pv,
            role="general partner",
        ),
        make_claim(
            "role",
            Mention("David L. Gamsey", "person"),
            inn,
            ev("Chief Financial Officer"),
            pv,
            role="chief financial officer",
        ),
        make_claim("member", dad, group, ev('referred to herein as the "IPOF Group"'), pv),
        make_claim("member", fund, group, ev("together with Dadante"), pv),
        make_claim(
            "owns",
            fund,
            inn,
            ev("it currently owns 2,800,500 shares, or 24.2% of the total"),
            pv,
            security_class="common stock",
            shares=2800500,
            percent=24.2,
            as_of="2003-11-24",
        ),
        make_claim(
            "ownership_limit",
            group,
            inn,
            ev("more than 40% of the Company's common stock"),
            pv,
            percent=40,
            replaces=25,
            agreement="Amendment No. 3 to the Rights Agreement",
            effect="not an Acquiring Person",
        ),
        make_claim(
            "ownership_limit",
            group,
            inn,
            ev("up to 25% of the Company's common stock"),
            pv,
            percent=25,
            agreement="Amendment No. 2 to the Rights Agreement",
        ),
        make_claim(
            "ownership_limit",
            Mention("all other shareholders", "group"),
            inn,
            ev("more than 15% of the common shares"),
            pv,
            percent=15,
        ),
        make_claim(
            "exhibit",
            Mention(DOC, "filing"),
            "Amendment No. 1",
            ev("(b) Amendment No. 1"),
            pv,
            number="4.2(b)",
            title="Amendment No. 1 to the Rights Agreement dated as of November 30, 2000",
            source_form="10-K",
            source_number="000-23741",
            source_filed="2001-03-30",
            source_exhibit="4.2",
        ),
    ]
    for n, d in ((1, "2000-11-30"), (2, "2003-08-14"), (3, "2003-11-24")):
        c.append(
            make_claim(
                "amends",
                Mention(f"Amendment No. {n} to the Rights Agreement", "agreement"),
                ra,
                ev(f"Amendment No. {n}, dated as of {d}"),
                pv,
                number=n,
                date=d,
                amended_date="1997-12-31",
            )
        )
    return c


@pytest.fixture(scope="module")
def kg():
    f = FilingInput(
        doc_id=DOC,
        claims=_claims(),
        source_file=DOC + ".txt",
        form="8-A/A",
        filed_date="2003-11-24",
        file_number="000-23741",
    )
    return build([f])


def _texts(fig) -> list[str]:
    return [t.get_text() for ax in fig.axes for t in ax.texts] + [
        t.get_text() for ax in fig.axes for t in ax.get_yticklabels()
    ]


def test_viz_chain_figure_marks_latest_version_as_of_a_date(kg):
    fig = viz.amendment_chain_figure(kg, "Rights Agreement", as_of="2003-09-30")
    (g,) = fig.graphs
    versions = {n[1]: d for n, d in g.nodes(data=True) if n[0] == "version"}
    assert sorted(versions) == [0, 1, 2, 3]
    assert [n for n, d in versions.items() if d["latest"]] == [2]
    assert versions[3]["after"] and not versions[2]["after"]
    assert "Amendment No. 3\n2003-11-24" in _texts(fig)
    parties = {n[1] for n in g if n[0] == "party"}
    assert {"Innotrac Corporation", "Reliance Trust Company", "SunTrust Bank"} <= parties
    assert ("filing", DOC) in g and g.nodes[("filing", DOC)]["label"].startswith("8-A/A")
    assert ("cited", 1) in g and "10-K" in g.nodes[("cited", 1)]["label"]
    assert {d["type"] for *_, d in g.edges(data=True)} >= {"amends", "party", "agent", "stated_in"}


def test_viz_chain_figure_latest_by_default_is_last_amendment(kg):
    (g,) = viz.amendment_chain_figure(kg, "Rights Agreement").graphs
    assert [n[1] for n, d in g.nodes(data=True) if d.get("latest")] == [3]


def test_viz_ownership_figure_nodes_and_labels(kg):
    fig = viz.ownership_figure(kg)
    labels = {d["label"] for _, d in fig.graph.nodes(data=True)}
    assert labels == {
        "IPOF Fund",
        "Innotrac Corporation",
        "IPOF Group",
        "David Dadante",
        "David L. Gamsey",
    }  # rights agents are not part of ownership
    texts = "\n".join(_texts(fig))
    assert "24.2 % · 2,800,500 sh" in texts
    assert "40 % IPOF Group\nset by Amendment\nNo. 3 to the\nRights Agreement" in texts
    assert "25 % IPOF Group\n(replaced)" in texts
    assert "15 % all other\nshareholders" in texts
    assert "general partner" in texts


def test_viz_ownership_html_is_offline_and_shows_evidence(kg, tmp_path):
    page = viz.ownership_html(kg, tmp_path / "net.html").read_text(encoding="utf-8")
    assert "it currently owns 2,800,500 shares, or 24.2% of the total" in page
    assert DOC in page and "vis-network" in page
    assert not re.search(r"<script[^>]*\ssrc=", page)
    assert not re.search(r"<link[^>]*href=[\"']https?:", page)


def test_viz_overview_tables(kg):
    ov = viz.corpus_overview(kg)
    per_kind = dict(zip(ov.per_kind["kind"], ov.per_kind["facts"]))
    assert per_kind["amends"] == 3 and per_kind["owns"] == 1
    assert list(ov.per_form["form"]) == ["8-A/A"] and list(ov.per_year["year"]) == [2003]
    assert ov.degrees["nodes"].sum() == ov.nodes
    assert ov.components["nodes"].iloc[0] >= 5
    assert len(ov.figure().axes) == 4


def test_viz_table_and_edges_table(kg):
    assert list(viz.table(kg, "ownership")["shares"]) == [2800500]
    edges = viz.edges_table(viz.ownership_graph(kg))
    assert "it currently owns 2,800,500 shares" in " ".join(edges["evidence"])
    assert "amendment-chain" in set(viz.canned_queries()["name"])


def test_viz_render_pictures_writes_pngs(kg, tmp_path):
    paths = viz.render_pictures(tmp_path, kg)
    assert sorted(p.name for p in paths) == ["amendment-chain.png", "ownership-network.png"]
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in paths)


@pytest.fixture(scope="module")
def sample_kg():
    return build(viz.samples())


def test_viz_samples_give_the_readme_pictures(sample_kg, tmp_path):
    """The README's pictures come from the bundled samples: the chain and the IPOF holding."""
    assert not sample_kg.report.errors
    fig = viz.amendment_chain_figure(sample_kg, "Rights Agreement", as_of=viz.README_AS_OF)
    (g,) = fig.graphs
    versions = {d["number"]: d for n, d in g.nodes(data=True) if n[0] == "version"}
    assert set(versions) == {0, 1, 2, 3} and versions[3]["latest"]
    assert versions[2]["date"] == "2003-08-14"
    fig = viz.ownership_figure(sample_kg)
    labels = {d["label"] for _, d in fig.graph.nodes(data=True)}
    assert {"IPOF Fund", "Innotrac Corporation", "IPOF Group"} <= labels
    assert "24.2 % · 2,800,500 sh" in "\n".join(_texts(fig))
    paths = viz.render_pictures(tmp_path, sample_kg)
    assert [p.name for p in paths] == list(viz.PICTURES)


def test_viz_readme_pictures_are_committed():
    for name in viz.PICTURES:
        assert (ROOT / "docs" / "img" / name).is_file(), "run python -m graph.viz --out docs/img"


def test_viz_render_pictures_refuses_to_draw_nothing(tmp_path):
    with pytest.raises(ValueError, match="nothing to draw"):
        viz.render_pictures(tmp_path, build([]))
    assert not list(tmp_path.iterdir())


# -- the notebooks ---------------------------------------------------------------------------------
def test_notebooks_exist():
    assert [p.name for p in NOTEBOOKS] == [
        "01_quickstart.ipynb",
        "02_amendment_chains.ipynb",
        "03_ownership_network.ipynb",
        "04_corpus_overview.ipynb",
    ]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, (
                f"{path.name}: strip outputs"
            )


def test_notebooks_match_their_generator():
    spec = importlib.util.spec_from_file_location("_make", ROOT / "notebooks" / "_make.py")
    make = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make)
    for name, cells in make.NOTEBOOKS.items():
        stored = nbformat.read(ROOT / "notebooks" / name, as_version=4)
        assert [c.source for c in stored.cells] == [c.source for c in make.notebook(cells).cells], (
            f"{name} differs from notebooks/_make.py: run python notebooks/_make.py"
        )


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebooks_run(path, monkeypatch):
    from nbclient import NotebookClient

    # The kernel imports this checkout's packages, whether or not secgraph is installed.
    paths = [str(ROOT)] + ([os.environ["PYTHONPATH"]] if os.environ.get("PYTHONPATH") else [])
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(paths))
    monkeypatch.delenv("MPLBACKEND", raising=False)
    # 04 builds from $SECGRAPH_CORPUS: the samples here (seconds), unless the caller names a
    # folder (SECGRAPH_CORPUS=../shared/corpus python -m pytest tests/notebooks runs it on the corpus).
    if not os.environ.get(viz.CORPUS_ENV):
        monkeypatch.setenv(viz.CORPUS_ENV, str(ROOT / "graph" / "samples"))
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb, kernel_name="python3", timeout=300, resources={"metadata": {"path": str(path.parent)}}
    )
    client.execute()  # raises CellExecutionError on the first failing cell
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert not errors
