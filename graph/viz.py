"""Pictures of the knowledge graph, for notebooks and the README.

Everything a notebook shows comes from here (notebooks hold no logic):

- :func:`table` — a canned query's rows as a pandas DataFrame; :func:`canned_queries`
  lists them; :func:`edges_table` shows a networkx graph's edges with their evidence.
- :func:`amendment_chain_figure` — each agreement's amendments on a timeline,
  with parties, agents and filings, and the latest version as of a date.
- :func:`ownership_figure` — holders, issuers, groups, general partners and
  officers, edges weighted by percent, beside the holdings against their
  ownership limits; :func:`ownership_html` — the same as an offline pyvis page
  whose edge tooltips show the evidence and the filing (:func:`html_frame` shows
  it in a notebook).
- :func:`corpus_overview` — facts per kind, form type and year, the largest
  components and the degree distribution, as DataFrames (``.figure()`` draws them).

``python -m graph.viz --out docs/img`` rebuilds the README pictures from the
bundled sample filings.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

import pandas as pd

from graph.viz_chain import Chain, Version, amendment_chain_figure, chain_graph, chains
from graph.viz_common import as_rows, plt
from graph.viz_html import html_frame, ownership_html, tooltip
from graph.viz_overview import (
    CORPUS_ENV,
    Overview,
    components,
    corpus_overview,
    corpus_source,
    degree_distribution,
    facts_frame,
    facts_per_form,
    facts_per_kind,
    facts_per_year,
    overview_figure,
)
from graph.viz_ownership import layout, ownership_figure, ownership_graph

#: The README pictures: file name -> what draws it from the sample graph.
PICTURES = {
    "ownership-network.png": lambda kg, as_of: ownership_figure(kg),
    "amendment-chain.png": lambda kg, as_of: amendment_chain_figure(kg, "Rights Agreement", as_of),
}
#: The date the README's amendment chain is drawn "as of" (fixed, so rebuilds are identical).
README_AS_OF = "2003-12-31"


def table(kg: Any, name: str, **params: Any) -> pd.DataFrame:
    """A canned query (or SPARQL text) as a DataFrame, IRIs shortened with the project's prefixes."""
    from graph.sparql import compact

    rows = as_rows(kg.query(name, **params))
    frame = pd.DataFrame(rows)
    return frame.map(compact).convert_dtypes() if not frame.empty else frame


def canned_queries() -> pd.DataFrame:
    """The canned queries of ``graph/queries/``: name, what each answers, its parameters."""
    from graph import sparql

    return pd.DataFrame(
        [
            {
                "name": q.name,
                "answers": q.description,
                "parameters": ", ".join(f"{p.name}={p.default!r}" for p in q.params.values()),
            }
            for q in sparql.canned().values()
            if not q.name.startswith("facts-")
        ]
    )


def edges_table(g: Any) -> pd.DataFrame:
    """A networkx graph's edges as a DataFrame: source and target labels, type, qualifiers, filing."""
    skip = {"type", "fact", "filing", "evidence"}
    rows = []
    for a, b, d in g.edges(data=True):
        rows.append(
            {
                "source": g.nodes[a].get("label", a),
                "type": d.get("type"),
                "target": g.nodes[b].get("label", b),
                "qualifiers": ", ".join(f"{k}={v}" for k, v in sorted(d.items()) if k not in skip),
                "filing": d.get("filing"),
                "evidence": " | ".join(" ".join(str(q).split()) for q in d.get("evidence") or []),
            }
        )
    return pd.DataFrame(
        rows, columns=["source", "type", "target", "qualifiers", "filing", "evidence"]
    )


def samples() -> list[Path]:
    """The bundled sample filings (``graph/samples/``)."""
    return sorted((Path(__file__).with_name("samples")).glob("*.txt"))


def save(fig: Any, path: str | Path) -> Path:
    """Write a figure as PNG (no timestamp in the metadata, so rebuilds compare equal)."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=110, metadata={"Software": None})
    plt.close(fig)
    return out


def render_pictures(out: str | Path, kg: Any = None, as_of: str = README_AS_OF) -> list[Path]:
    """Draw the README pictures into folder ``out`` (from the samples unless ``kg`` is given).

    Raises:
        ValueError: when a picture would be empty (no chain, no holdings): an old
            picture is better than a blank one.
    """
    if kg is None:
        from graph import build

        kg = build(samples())
    figures = {name: draw(kg, as_of) for name, draw in PICTURES.items()}
    empty = [name for name, fig in figures.items() if not _drawn(fig)]
    if empty:
        for fig in figures.values():
            plt.close(fig)
        raise ValueError(f"nothing to draw for {', '.join(empty)}")
    return [save(fig, Path(out) / name) for name, fig in figures.items()]


def _drawn(fig: Any) -> bool:
    graphs = getattr(fig, "graphs", None) or [getattr(fig, "graph", None)]
    return any(g is not None and g.number_of_edges() for g in graphs)


def main(argv: list[str] | None = None) -> int:
    """``python -m graph.viz --out docs/img``: regenerate the README pictures from the samples."""
    import sys

    parser = argparse.ArgumentParser(prog="python -m graph.viz", description=main.__doc__)
    parser.add_argument("--out", default="docs/img", help="folder for the PNGs (default docs/img)")
    parser.add_argument(
        "--as-of", default=README_AS_OF, help="date of the amendment chain's latest version"
    )
    parser.add_argument("--html", action="store_true", help="also write ownership-network.html")
    args = parser.parse_args(argv)
    from graph import build

    kg = build(samples())
    for path, problem in kg.report.errors.items():
        print(f"error: {path}: {problem}", file=sys.stderr)
    try:
        paths = [] if kg.report.errors else render_pictures(args.out, kg, args.as_of)
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    if kg.report.errors:
        return 1
    for path in paths:
        print(path)
    if args.html:
        print(ownership_html(kg, Path(args.out) / "ownership-network.html"))
    return 0


__all__ = [
    "CORPUS_ENV",
    "PICTURES",
    "README_AS_OF",
    "Chain",
    "Overview",
    "Version",
    "amendment_chain_figure",
    "canned_queries",
    "chain_graph",
    "chains",
    "components",
    "corpus_overview",
    "corpus_source",
    "degree_distribution",
    "edges_table",
    "facts_frame",
    "facts_per_form",
    "facts_per_kind",
    "facts_per_year",
    "html_frame",
    "layout",
    "main",
    "overview_figure",
    "ownership_figure",
    "ownership_graph",
    "ownership_html",
    "render_pictures",
    "samples",
    "save",
    "table",
    "tooltip",
]

if __name__ == "__main__":
    raise SystemExit(main())
