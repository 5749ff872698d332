"""The ownership network as one offline HTML page (pyvis), and showing it in a notebook.

The page inlines vis-network (``cdn_resources="in_line"``) and drops the
Bootstrap links pyvis adds whatever the mode, so it opens without a network
connection. Each edge's tooltip gives the fact, its evidence quote(s) and the
filing that states it.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx

from graph.viz_common import HIGHLIGHT, KIND_COLORS, kind_of
from graph.viz_ownership import EDGE_STYLE, edge_text, layout, ownership_graph


def tooltip(g: nx.MultiDiGraph, a: str, b: str, facts: list[dict[str, Any]]) -> str:
    """An edge's tooltip: for each fact it stands for, what it says, its quote(s) and filing."""
    lines = [f"{g.nodes[a].get('label', a)} → {g.nodes[b].get('label', b)}"]
    seen = set()
    for d in facts:
        quotes = d.get("evidence") or []
        quotes = [quotes] if isinstance(quotes, str) else quotes
        quoted = tuple(" ".join(str(q).split()) for q in quotes)
        key = (edge_text(d), quoted, d.get("filing"))
        if key in seen:
            continue
        seen.add(key)
        lines.append(f"• {key[0]}")
        lines += [f"  “{q}”" for q in quoted]
        lines.append(f"  filing: {d.get('filing') or '?'}")
    return "\n".join(lines)


def _style(d: dict[str, Any]) -> str:
    return "general partner" if "general partner" in str(d.get("role")) else d["type"]


def ownership_html(kg: Any, path: str | Path, issuer: str | None = None) -> Path:
    """Write the ownership network as one self-contained HTML page (pyvis, works offline).

    Edge tooltips give the fact, its evidence quote(s) and the filing that states it;
    node tooltips give the kind. No script or style is fetched from the network.
    """
    from pyvis.network import Network

    g = ownership_graph(kg, issuer, limits=True)
    fixed = g.number_of_nodes() <= 30  # small graphs keep the layered layout; large ones float
    net = Network(
        height="640px",
        width="100%",
        directed=True,
        cdn_resources="in_line",
        notebook=False,
        heading="",
    )
    pos = layout(g)
    for n, d in g.nodes(data=True):
        fill, edge = KIND_COLORS[kind_of(d.get("kind"))]
        x, y = pos[n]
        net.add_node(
            n,
            label=d.get("label", n),
            title=f"{d.get('label', n)} ({d.get('kind')})",
            shape="box",
            color={"background": fill, "border": edge},
            **({"x": x * 90, "y": -y * 160} if fixed else {}),
        )
    grouped: dict[tuple[str, str, str], list[dict[str, Any]]] = defaultdict(list)
    for a, b, d in g.edges(data=True):  # one drawn edge per kind of link, all facts in its tooltip
        grouped[(a, b, _style(d))].append(d)
    pairs: dict[frozenset, int] = defaultdict(int)
    for (a, b, style), facts in grouped.items():
        color, ls, _, _ = EDGE_STYLE.get(style, (HIGHLIGHT, "--", True, ""))
        nth = pairs[frozenset((a, b))]  # parallel edges fan out instead of overlapping
        pairs[frozenset((a, b))] += 1
        pct = max((float(d["percent"]) for d in facts if d.get("percent") is not None), default=0)
        labels = list(dict.fromkeys(edge_text(d) for d in facts))
        net.add_edge(
            a,
            b,
            title=tooltip(g, a, b, facts),
            label=", ".join(labels) if len(labels) <= 3 else f"{labels[0]} (+{len(labels) - 1})",
            color=color,
            width=1 + 6 * pct / 100 if style == "owns" else 1.5,
            dashes=ls != "-",
            smooth={"type": "curvedCW", "roundness": 0.25 * nth} if nth else {"enabled": False},
        )
    net.toggle_physics(not fixed)
    page = net.generate_html(notebook=False)
    # pyvis links Bootstrap from a CDN whatever the mode; the page does not need it.
    page = re.sub(r"<link[^>]*cdn\.jsdelivr\.net[^>]*/>\s*", "", page)
    page = re.sub(r"<!--.*?-->\s*", "", page, flags=re.DOTALL)
    page = re.sub(r"<script\s[^>]*src=\"https?://[^\"]*\"[^>]*>\s*</script>\s*", "", page)
    style = "<style>div.vis-tooltip{white-space:pre-wrap;max-width:520px;font-family:sans-serif}</style>"
    page = page.replace("</head>", style + "\n</head>", 1)
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return out


def html_frame(path: str | Path, height: int = 660) -> Any:
    """A page shown inside a notebook output (an ``<iframe srcdoc>``: no server path needed)."""
    import html

    from IPython.display import HTML

    page = Path(path).read_text(encoding="utf-8")
    return HTML(  # inside a div: IPython warns about a bare <iframe>
        f'<div><iframe srcdoc="{html.escape(page)}" width="100%" height="{height}" '
        f'style="border:1px solid #ddd"></iframe></div>'
    )


__all__ = ["html_frame", "ownership_html", "tooltip"]
