"""Write the numbered notebooks (without outputs) from the cells below.

Run ``python notebooks/_make.py`` after editing a cell here; the tests check
that every stored notebook has no outputs and that it runs top to bottom.
Notebooks only call into ``graph`` and ``extractors``: drawing and tables live
in ``graph/viz.py``.
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

HERE = Path(__file__).resolve().parent
SETUP = "from graph import build, viz"
BUILD = "kg = build(viz.samples())\nkg.report"

NOTEBOOKS: dict[str, list[tuple[str, str]]] = {
    "01_quickstart.ipynb": [
        (
            "md",
            (
                "# Quickstart\n\nBuild the knowledge graph from the two bundled sample filings "
                "(`graph/samples/`: an Innotrac 8-K and an 8-A/A), run the canned SPARQL queries, "
                "and look at the evidence behind a fact."
            ),
        ),
        ("code", SETUP),
        (
            "md",
            (
                "Build an in-memory graph from the samples. The report says what was read and "
                "how many claims of each kind the extractors made."
            ),
        ),
        ("code", BUILD),
        (
            "md",
            (
                "## The canned queries\n\nEach lives in `graph/queries/NAME.rq`; "
                "`kg.query(NAME, **params)` runs one, `viz.table` shows its rows as a DataFrame."
            ),
        ),
        ("code", "viz.canned_queries()"),
        ("md", "The Rights Agreement's amendment chain, and the version in effect on a date:"),
        ("code", 'viz.table(kg, "amendment-chain", agreement="Rights Agreement")'),
        (
            "code",
            'viz.table(kg, "latest-version", agreement="Rights Agreement", date="2003-09-30")',
        ),
        (
            "md",
            "Holdings, owners above a threshold, and the ownership limits set by the amendments:",
        ),
        ("code", 'viz.table(kg, "ownership")'),
        ("code", 'viz.table(kg, "owners-above", percent=10)'),
        ("code", 'viz.table(kg, "ownership-limits")'),
        ("md", "Who signed, who holds which office, and the exhibits incorporated by reference:"),
        ("code", 'viz.table(kg, "signatories")'),
        ("code", 'viz.table(kg, "officers")'),
        ("code", 'viz.table(kg, "exhibits-by-reference")'),
        (
            "md",
            (
                "## The evidence behind a fact\n\nEvery fact node keeps the exact span of the filing "
                "it was read from. Here: the quote behind IPOF Fund's holding of 2,800,500 shares."
            ),
        ),
        ("code", 'evidence = viz.table(kg, "evidence", text="2,800,500")\nevidence'),
        ("code", 'print(evidence["quote"].iloc[0])'),
        ("md", "The same facts in the facts view (`../shared/spec/facts.md`), evidence included:"),
        ("code", 'kg.facts(doc="innotrac_8a-a_2003-11-24")[:3]'),
    ],
    "02_amendment_chains.ipynb": [
        (
            "md",
            (
                "# Amendment chains\n\nFor each agreement: its amendments in order on a timeline, "
                "with number and date, the parties and agents, and the filings that state them "
                "(the filing in the graph, and the earlier filings each version was first filed "
                "with as an exhibit). The version in effect on the chosen date is outlined in red."
            ),
        ),
        ("code", SETUP),
        ("code", BUILD),
        ("code", 'viz.table(kg, "amendment-chain")'),
        ("md", "Every chain in the graph, latest version as of today:"),
        ("code", "fig = viz.amendment_chain_figure(kg)"),
        (
            "md",
            (
                "The Rights Agreement as of 30 September 2003: Amendment No. 2 was then the latest; "
                "Amendment No. 3 (24 November 2003) is drawn faded."
            ),
        ),
        ("code", 'fig = viz.amendment_chain_figure(kg, "Rights Agreement", as_of="2003-09-30")'),
        (
            "code",
            'viz.table(kg, "latest-version", agreement="Rights Agreement", date="2003-09-30")',
        ),
        (
            "md",
            "The chain as a networkx graph (nodes keyed by role and number, with timeline positions):",
        ),
        (
            "code",
            (
                'chain = viz.chains(kg, "Rights Agreement")[0]\n'
                'g = viz.chain_graph(chain, as_of="2003-09-30")\n'
                'sorted(g.nodes(data="label"))'
            ),
        ),
    ],
    "03_ownership_network.ipynb": [
        (
            "md",
            (
                "# The ownership network\n\nHolders, issuers, groups, general partners and officers "
                "as a networkx graph; edges weighted by percent of class; the ownership limits "
                "drawn as thresholds against the holdings; and an interactive view."
            ),
        ),
        ("code", SETUP),
        ("code", BUILD),
        ("code", 'viz.table(kg, "ownership")'),
        ("code", 'viz.table(kg, "ownership-limits")'),
        (
            "md",
            (
                "The ownership part of `kg.to_networkx()`, with each edge's qualifiers, filing and "
                "evidence:"
            ),
        ),
        ("code", "g = viz.ownership_graph(kg)\nviz.edges_table(g)"),
        ("code", "fig = viz.ownership_figure(kg)"),
        (
            "md",
            (
                "## Interactive view\n\nA self-contained HTML page (pyvis with "
                "`cdn_resources='in_line'`, so it works offline). Hover an edge to see its evidence "
                "quote and the filing; drag nodes to rearrange."
            ),
        ),
        (
            "code",
            (
                "import tempfile\n"
                'page = viz.ownership_html(kg, tempfile.mkdtemp() + "/ownership-network.html")\n'
                "page"
            ),
        ),
        ("code", "viz.html_frame(page)"),
        ("md", "The README's picture is drawn by `python -m graph.viz --out docs/img`."),
    ],
    "04_corpus_overview.ipynb": [
        (
            "md",
            (
                "# Corpus overview\n\nBuild from a folder of filings: `$SECGRAPH_CORPUS` when set, "
                "else `../shared/corpus/` beside the checkout when present, else the bundled samples. "
                "Then: facts per kind, per form type and per year; the largest connected components; "
                "the degree distribution."
            ),
        ),
        ("code", SETUP),
        ("code", "source = viz.corpus_source()\nsource"),
        (
            "code",
            'kg = build([source])\nkg.report.errors or f"{len(kg.report.filings)} filings, no errors"',
        ),
        ("code", "overview = viz.corpus_overview(kg)"),
        ("code", "overview.per_kind"),
        ("code", "overview.per_form"),
        ("code", "overview.per_year"),
        ("code", "overview.components"),
        ("code", "overview.degrees"),
        ("code", "fig = overview.figure()"),
    ],
}


def notebook(cells: list[tuple[str, str]]) -> nbformat.NotebookNode:
    """A notebook of markdown and code cells, no outputs, python3 kernel."""
    nb = new_notebook()
    nb.metadata = {
        "kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
        "language_info": {"name": "python"},
    }
    for i, (kind, text) in enumerate(cells):
        cell = new_markdown_cell(text) if kind == "md" else new_code_cell(text)
        cell["id"] = f"c{i:02d}"  # stable ids, so regenerating changes nothing
        nb.cells.append(cell)
    return nb


def main() -> None:
    for name, cells in NOTEBOOKS.items():
        nb = notebook(cells)
        nbformat.validate(nb)
        nbformat.write(nb, HERE / name)
        print(HERE / name)


if __name__ == "__main__":
    main()
