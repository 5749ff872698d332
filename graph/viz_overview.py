"""A corpus at a glance: facts per kind, form type and year; components; degrees.

Everything is computed from the graph (``kg.facts()`` and ``kg.to_networkx()``)
and returned as pandas DataFrames, so a notebook only displays them.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx
import pandas as pd

from graph.viz_common import blank_figure

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "graph" / "samples"
#: Environment variable naming the folder of filings the overview notebook builds from.
CORPUS_ENV = "SECGRAPH_CORPUS"


def corpus_source() -> Path:
    """The folder to build the overview from: ``$SECGRAPH_CORPUS``, else ``../shared/corpus``
    beside the checkout when present, else the bundled samples.

    The checkout is found from this module (a checkout on ``sys.path``) or from the
    working directory (its root, or ``notebooks/`` in it) when the package is installed.
    """
    env = os.environ.get(CORPUS_ENV)
    if env:
        return Path(env).expanduser()
    cwd = Path.cwd()
    for root in (ROOT, cwd, cwd.parent):
        shared = root.parent / "shared" / "corpus"
        if shared.is_dir():
            return shared
    return SAMPLES


def facts_frame(kg: Any) -> pd.DataFrame:
    """One row per fact: ``kind``, ``doc``, and the stating filing's ``form`` and ``year``."""
    facts = kg.facts()
    filings = {f["doc"]: f for f in facts if f.get("kind") == "filing" and f.get("doc")}
    rows = []
    for f in facts:
        doc = f.get("doc")
        filing = filings.get(doc, {})
        date = str(filing.get("date") or "")
        rows.append(
            {
                "kind": f["kind"],
                "doc": doc,
                "form": filing.get("form") or "(unknown)",
                "year": int(date[:4]) if date[:4].isdigit() else None,
            }
        )
    return pd.DataFrame(rows, columns=["kind", "doc", "form", "year"]).astype({"year": "Int64"})


def _count(frame: pd.DataFrame, by: str) -> pd.DataFrame:
    out = frame.groupby(by, dropna=False).size().rename("facts").reset_index()
    docs = frame.groupby(by, dropna=False)["doc"].nunique().rename("filings").reset_index()
    return out.merge(docs, on=by)


def facts_per_kind(frame: pd.DataFrame) -> pd.DataFrame:
    """Facts and filings per fact kind, most frequent first."""
    return _count(frame, "kind").sort_values(
        ["facts", "kind"], ascending=[False, True], ignore_index=True
    )


def facts_per_form(frame: pd.DataFrame) -> pd.DataFrame:
    """Facts and filings per form type of the stating filing, most frequent first."""
    return _count(frame, "form").sort_values(
        ["facts", "form"], ascending=[False, True], ignore_index=True
    )


def facts_per_year(frame: pd.DataFrame) -> pd.DataFrame:
    """Facts and filings per filing year, in order."""
    return _count(frame.dropna(subset=["year"]), "year").sort_values("year", ignore_index=True)


def components(g: nx.MultiDiGraph, top: int = 5) -> pd.DataFrame:
    """The largest weakly connected components: size, edges and their best-connected members."""
    rows = []
    comps = sorted(nx.weakly_connected_components(g), key=lambda c: (-len(c), min(c)))
    for i, comp in enumerate(comps[:top], 1):
        sub = g.subgraph(comp)
        hubs = sorted(comp, key=lambda n: (-sub.degree(n), str(g.nodes[n].get("label"))))[:3]
        rows.append(
            {
                "component": i,
                "nodes": len(comp),
                "edges": sub.number_of_edges(),
                "kinds": ", ".join(sorted({str(g.nodes[n].get("kind")) for n in comp})),
                "hubs": "; ".join(str(g.nodes[n].get("label", n)) for n in hubs),
            }
        )
    return pd.DataFrame(rows, columns=["component", "nodes", "edges", "kinds", "hubs"])


def degree_distribution(g: nx.MultiDiGraph) -> pd.DataFrame:
    """How many nodes have each degree (edges counted in both directions)."""
    counts = pd.Series([d for _, d in g.degree()], dtype="int64").value_counts().sort_index()
    return pd.DataFrame({"degree": counts.index, "nodes": counts.values})


@dataclass
class Overview:
    """The overview tables of one graph."""

    per_kind: pd.DataFrame
    per_form: pd.DataFrame
    per_year: pd.DataFrame
    components: pd.DataFrame
    degrees: pd.DataFrame
    nodes: int
    edges: int

    def figure(self) -> Any:
        """Four panels: facts per kind, per form, per year; the degree distribution."""
        return overview_figure(self)


def corpus_overview(kg: Any, top: int = 5) -> Overview:
    """Facts per kind, form type and year; the ``top`` largest components; degrees."""
    frame = facts_frame(kg)
    g = kg.to_networkx()
    return Overview(
        facts_per_kind(frame),
        facts_per_form(frame),
        facts_per_year(frame),
        components(g, top),
        degree_distribution(g),
        g.number_of_nodes(),
        g.number_of_edges(),
    )


def overview_figure(ov: Overview) -> Any:
    """Bar charts of :class:`Overview`'s tables, one panel each."""
    fig = blank_figure(12, 7.5)
    axes = fig.subplots(2, 2)
    panels = [
        (ov.per_kind, "kind", "facts per kind"),
        (ov.per_form.head(15), "form", "facts per form type (top 15)"),
        (ov.per_year, "year", "facts per filing year"),
        (ov.degrees, "degree", f"degree distribution ({ov.nodes} nodes, {ov.edges} edges)"),
    ]
    for a, (df, col, title) in zip(axes.flat, panels):
        a.set_title(title, fontsize=11.5, loc="left")
        a.spines[["top", "right"]].set_visible(False)
        if df.empty:
            a.text(0.5, 0.5, "nothing yet", ha="center", transform=a.transAxes)
            continue
        value = "nodes" if col == "degree" else "facts"
        if col in ("kind", "form"):
            a.barh([str(v) for v in df[col]][::-1], list(df[value])[::-1], color="#2b5d8a")
            a.tick_params(axis="y", labelsize=9)
        else:
            a.bar([str(v) for v in df[col]], list(df[value]), color="#2b5d8a")
            a.tick_params(axis="x", labelsize=8.5, rotation=60 if len(df) > 12 else 0)
            a.set_xlabel(col)
        a.set_ylabel(value if col not in ("kind", "form") else "")
    fig.tight_layout()
    return fig
