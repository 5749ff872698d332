"""The ownership network: holders, issuers, groups, general partners and officers.

:func:`ownership_graph` cuts the ownership part out of
:meth:`KnowledgeGraph.to_networkx` and gives every node a layer (groups over
holders over issuers over officers); :func:`ownership_figure` draws it beside
the ownership limits as thresholds against the holdings; :func:`ownership_html`
writes the same graph as a self-contained pyvis page whose edge tooltips show
the evidence quote and the filing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import networkx as nx
from matplotlib.lines import Line2D

from graph.viz_common import (
    HIGHLIGHT,
    KIND_COLORS,
    arrow,
    blank_figure,
    box,
    edge_label,
    kind_of,
    spread,
    wrap,
)

#: Role titles drawn in the ownership network (others, such as rights agents, are not).
_ROLE = re.compile(
    r"general partner|officer|president|director|chairman|secretary|treasurer|"
    r"controller|counsel|managing member|trustee of",
    re.IGNORECASE,
)
LAYER_Y = {"group": 2.0, "holder": 1.0, "issuer": 0.0, "officer": -1.0}
EDGE_STYLE = {  # type -> colour, line style, arrow head, legend text
    "owns": ("#2b5d8a", "-", True, "owns (width by percent of class)"),
    "member": ("#6a3d8f", (0, (4, 2)), True, "member of"),
    "general partner": ("#3d7a2a", "-", True, "general partner of"),
    "role": ("#a85a12", (0, (1, 2)), True, "officer or director of"),
}


def _get(kg: Any) -> nx.MultiDiGraph:
    return kg if isinstance(kg, nx.Graph) else kg.to_networkx()


def ownership_graph(kg: Any, issuer: str | None = None, limits: bool = False) -> nx.MultiDiGraph:
    """The ownership subgraph, each node with ``kind``, ``label`` and ``layer``.

    Args:
        kg: a KnowledgeGraph, or the MultiDiGraph of its ``to_networkx()``.
        issuer: keep only the part around issuers whose label contains this.
        limits: add ownership limits as edges (the HTML view does; the figure draws
            them as thresholds instead).

    Edges keep their type (``owns``, ``member``, ``role``, ``ownership_limit``)
    and qualifiers; a role's ``role`` is a title (general partner, officer...).
    Limits whose holder is not otherwise in the graph ("all other shareholders")
    are left out.
    """
    full = _get(kg)
    g = nx.MultiDiGraph()
    owns = [
        (a, b, k, d) for a, b, k, d in full.edges(keys=True, data=True) if d.get("type") == "owns"
    ]
    if issuer:
        owns = [e for e in owns if issuer.lower() in str(full.nodes[e[1]].get("label", "")).lower()]
    for a, b, k, d in owns:
        g.add_edge(a, b, k, **d)
    holders = {a for a, *_ in owns}
    issuers = {b for _, b, *_ in owns}
    groups = set()
    for a, b, k, d in full.edges(keys=True, data=True):
        t, role = d.get("type"), str(d.get("role") or "")
        if t == "member" and (a in holders or b in groups):
            g.add_edge(a, b, k, **d)
            groups.add(b)
        elif t == "role" and _ROLE.search(role) and (b in holders or b in issuers):
            g.add_edge(a, b, k, **d)
    for a, b, k, d in full.edges(keys=True, data=True):  # members of the groups found
        if d.get("type") == "member" and b in groups:
            g.add_edge(a, b, k, **d)
    if limits:
        for a, b, k, d in full.edges(keys=True, data=True):
            if d.get("type") == "ownership_limit" and a in g and b in issuers:
                g.add_edge(a, b, k, **d)
    for n in g.nodes:
        g.nodes[n].update(full.nodes[n])
        g.nodes[n]["layer"] = _layer(g, n, holders, issuers, groups)
    return g


def _layer(g: nx.MultiDiGraph, n: str, holders: set, issuers: set, groups: set) -> str:
    if n in groups:
        return "group"
    if n in issuers and n not in holders:
        return "issuer"
    if n in holders:
        return "holder"
    targets = {b for _, b, d in g.out_edges(n, data=True)}
    if targets & (holders | groups):
        return "holder"  # a general partner or a member sits beside the holder
    return "officer"


def layout(g: nx.MultiDiGraph, gap: float = 3.4) -> dict[str, tuple[float, float]]:
    """Layered positions: groups, holders, issuers, officers; order by neighbours' mean."""
    rows: dict[str, list[str]] = defaultdict(list)
    for n, d in sorted(g.nodes(data=True), key=lambda x: str(x[1].get("label"))):
        rows[d["layer"]].append(n)
    x: dict[str, float] = {}
    for layer in ("issuer", "holder", "group", "officer", "holder", "issuer"):  # two sweeps
        nodes = rows.get(layer, [])
        want = []
        for i, n in enumerate(nodes):
            near = [x[m] for m in nx.all_neighbors(g, n) if m in x and m != n]
            want.append(sum(near) / len(near) if near else x.get(n, i * gap))
        for n, v in zip(nodes, spread(want, gap)):
            x[n] = v
        rows[layer] = sorted(nodes, key=x.get)
    return {n: (x[n], LAYER_Y[d["layer"]]) for n, d in g.nodes(data=True)}


def _percent(v: Any) -> str:
    return f"{float(v):g} %"


def _edge_text(d: dict[str, Any]) -> str:
    t = d.get("type")
    if t == "owns":
        parts = [
            _percent(d["percent"]) if d.get("percent") is not None else None,
            f"{int(float(d['shares'])):,} sh" if d.get("shares") is not None else None,
        ]
        return " · ".join(p for p in parts if p) or "owns"
    if t == "ownership_limit":
        text = f"limit {_percent(d['percent'])}"
        return text + (f" (was {_percent(d['replaces'])})" if d.get("replaces") is not None else "")
    if t == "role":
        return str(d.get("role") or "role")
    return "member" if t == "member" else str(t)


def _merged_edges(g: nx.MultiDiGraph) -> dict[tuple[str, str, str], dict[str, Any]]:
    """One drawn edge per (source, target, type): roles' titles joined, the latest holding, current limits."""
    out: dict[tuple[str, str, str], dict[str, Any]] = {}
    for a, b, d in g.edges(data=True):
        t = d.get("type")
        style = "general partner" if t == "role" and "general partner" in str(d.get("role")) else t
        key = (a, b, style)
        if t == "ownership_limit" and _replaced(g, a, b, d):
            continue
        cur = out.get(key)
        if cur is None:
            out[key] = dict(d)
        elif t == "role" and d.get("role") not in cur["role"].split(", "):
            cur["role"] = f"{cur['role']}, {d['role']}"
        elif t == "owns" and str(d.get("as_of") or "") > str(cur.get("as_of") or ""):
            out[key] = dict(d)
    return out


def _replaced(g: nx.MultiDiGraph, a: str, b: str, d: dict[str, Any]) -> bool:
    return any(
        e.get("type") == "ownership_limit"
        and e.get("replaces") is not None
        and float(e["replaces"]) == float(d["percent"])
        for e in g.get_edge_data(a, b, default={}).values()
    )


def draw_network(ax: Any, g: nx.MultiDiGraph) -> None:
    """The layered network into ``ax``."""
    pos = layout(g)
    boxes = {
        n: box(ax, pos[n], wrap(d.get("label", n), 20), d.get("kind"), gid=n)
        for n, d in g.nodes(data=True)
    }
    pcts = [
        float(d["percent"])
        for *_, d in g.edges(data=True)
        if d.get("type") == "owns" and d.get("percent") is not None
    ]
    top = max(pcts, default=1.0) or 1.0
    for (a, b, style), d in _merged_edges(g).items():
        color, ls, head, _ = EDGE_STYLE[style]
        width = 1.3
        if style == "owns" and d.get("percent") is not None:
            width = 1.5 + 5.5 * float(d["percent"]) / top
        (xa, ya), (xb, yb) = pos[a], pos[b]
        arrow(ax, boxes[a], boxes[b], color=color, style=ls, width=width, head=head)
        lx, ly = (xa + xb) / 2, (ya + yb) / 2
        text = _edge_text(d) if style != "general partner" else "general partner"
        edge_label(ax, (lx, ly), wrap(text, 30), color=color)
    xs = [p[0] for p in pos.values()] or [0]
    ys = [p[1] for p in pos.values()] or [0]
    ax.set_xlim(min(xs) - 2.0, max(xs) + 2.0)
    ax.set_ylim(min(ys) - 0.6, max(ys) + 0.6)


def draw_thresholds(ax: Any, kg: Any, g: nx.MultiDiGraph) -> None:
    """Holdings as bars (percent of class), ownership limits as vertical thresholds."""
    full = _get(kg)
    label = lambda n: str(full.nodes[n].get("label", n))
    bars = [
        (a, b, d)
        for (a, b, t), d in _merged_edges(g).items()
        if t == "owns" and d.get("percent") is not None
    ]
    bars.sort(key=lambda e: (label(e[1]), -float(e[2]["percent"])))
    issuers = {b for _, b, _ in bars}
    limits = [
        (a, b, d)
        for a, b, d in full.edges(data=True)
        if d.get("type") == "ownership_limit" and b in issuers and d.get("percent") is not None
    ]
    limits.sort(key=lambda e: float(e[2]["percent"]))
    names = [
        f"{wrap(label(a), 22)}\nin {wrap(label(b), 22)}\n{_edge_text(d)}"
        + (f"\nas of {d['as_of']}" if d.get("as_of") else "")
        for a, b, d in bars
    ]
    y = list(range(len(bars)))[::-1]
    ax.barh(
        y,
        [float(d["percent"]) for *_, d in bars],
        color=KIND_COLORS["company"][1],
        height=0.4,
        zorder=2,
    )
    ax.set_yticks(y, names, fontsize=10)
    high = max([float(d["percent"]) for *_, d in bars + limits] or [10]) * 1.15
    ax.set_xlim(0, high)
    ax.set_ylim(-0.7, len(bars) - 0.3 + 0.75 * max(1, len(limits)))
    groups_of = {
        a: {b for _, b, d in full.out_edges(a, data=True) if d.get("type") == "member"}
        for a, _, _ in bars
    }
    for i, (h, b, d) in enumerate(limits):
        applies = any(h == a or h in groups_of.get(a, ()) for a, _, _ in bars)
        old = _replaced(full, h, b, d)
        color, ls = LIMIT_STYLE["replaced" if old else "applies" if applies else "others"][:2]
        p = float(d["percent"])
        ax.axvline(p, color=color, ls=ls, lw=2, zorder=3)
        tag = f"{_percent(p)} {wrap(label(h), 24)}" + (" (replaced)" if old else "")
        if d.get("agreement"):
            tag += f"\nset by {wrap(d['agreement'], 26)}"
        t = ax.text(
            p,
            len(bars) - 0.25 + 0.75 * i,
            tag,
            fontsize=9.5,
            color=color,
            va="bottom",
            zorder=4,
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1},
        )
        _place(ax, t, p, [float(e[2]["percent"]) for e in limits], high)
    ax.set_xlabel("percent of class")
    ax.spines[["top", "right"]].set_visible(False)
    ax.set_title("holdings against ownership limits", fontsize=12.5, loc="left")


def _place(ax: Any, t: Any, x: float, lines: list[float], high: float) -> None:
    """Put a threshold's label on the side of its line where it crosses fewest other lines."""
    renderer = ax.figure.canvas.get_renderer()
    pad = 0.012 * high
    best = None
    for ha, at in (("left", x + pad), ("right", x - pad)):
        t.set_ha(ha)
        t.set_x(at)
        box = t.get_window_extent(renderer).transformed(ax.transData.inverted())
        cost = sum(box.x0 < v < box.x1 for v in lines if v != x)
        cost += 10 * (box.x0 < 0 or box.x1 > high)
        if best is None or cost < best[0]:
            best = (cost, ha, at)
    t.set_ha(best[1])
    t.set_x(best[2])


LIMIT_STYLE = {  # colour, line style, legend text
    "applies": (HIGHLIGHT, "-", "limit for the holder or its group"),
    "replaced": ("#999999", (0, (2, 2)), "limit replaced by a later one"),
    "others": ("#e08a00", (0, (5, 2)), "limit for other holders"),
}


def ownership_figure(kg: Any, issuer: str | None = None) -> Any:
    """The ownership network (left) and the holdings against their limits (right).

    Returns:
        The matplotlib Figure; ``fig.graph`` is the drawn :func:`ownership_graph`.
    """
    g = ownership_graph(kg, issuer)
    fig = blank_figure(12.5, 6.6)
    net, bars = fig.subplots(1, 2, gridspec_kw={"width_ratios": [5, 4]})
    net.set_axis_off()
    fig.graph = g
    if g.number_of_edges() == 0:
        net.text(0.5, 0.5, "no holdings in the graph", ha="center", transform=net.transAxes)
        bars.set_axis_off()
        return fig
    draw_network(net, g)
    net.set_title("ownership network", fontsize=12.5, loc="left")
    draw_thresholds(bars, kg, g)
    handles = [Line2D([], [], color=c, ls=s, lw=2, label=t) for c, s, _, t in EDGE_STYLE.values()]
    handles += [Line2D([], [], color=c, ls=s, lw=2, label=t) for c, s, t in LIMIT_STYLE.values()]
    handles += [
        Line2D(
            [],
            [],
            color=KIND_COLORS[k][1],
            marker="s",
            ls="",
            ms=9,
            markerfacecolor=KIND_COLORS[k][0],
            label=k,
        )
        for k in ("company", "fund", "group", "person", "bank")
        if any(kind_of(d.get("kind")) == k for _, d in g.nodes(data=True))
    ]
    fig.legend(handles=handles, loc="lower center", ncol=4, fontsize=9.5, frameon=False)
    fig.subplots_adjust(left=0.01, right=0.97, top=0.93, bottom=0.2, wspace=0.3)
    return fig


def tooltip(g: nx.MultiDiGraph, a: str, b: str, d: dict[str, Any]) -> str:
    """An edge's tooltip: what it says, the evidence quote(s) and the stating filing."""
    head = f"{g.nodes[a].get('label', a)} → {g.nodes[b].get('label', b)}: {_edge_text(d)}"
    quotes = d.get("evidence") or []
    quotes = [quotes] if isinstance(quotes, str) else quotes
    lines = [head] + [f"“{' '.join(str(q).split())}”" for q in quotes]
    lines.append(f"filing: {d.get('filing') or '?'}")
    return "\n".join(lines)


def ownership_html(kg: Any, path: str | Path, issuer: str | None = None) -> Path:
    """Write the ownership network as one self-contained HTML page (pyvis, works offline).

    Edge tooltips give the fact, its evidence quote(s) and the filing that states it;
    node tooltips give the kind. No script or style is fetched from the network.
    """
    from pyvis.network import Network

    g = ownership_graph(kg, issuer, limits=True)
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
            x=x * 90,
            y=-y * 160,
        )
    for a, b, d in g.edges(data=True):
        style = "general partner" if "general partner" in str(d.get("role")) else d["type"]
        color, ls, _, _ = EDGE_STYLE.get(style, (HIGHLIGHT, "--", True, ""))
        width = (
            1 + 6 * float(d["percent"]) / 100 if d["type"] == "owns" and d.get("percent") else 1.5
        )
        net.add_edge(
            a,
            b,
            title=tooltip(g, a, b, d),
            label=_edge_text(d),
            color=color,
            width=width,
            dashes=ls != "-",
        )
    net.toggle_physics(False)
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
    return HTML(
        f'<iframe srcdoc="{html.escape(page)}" width="100%" height="{height}" '
        f'style="border:1px solid #ddd"></iframe>'
    )


__all__ = [
    "html_frame",
    "layout",
    "ownership_figure",
    "ownership_graph",
    "ownership_html",
    "tooltip",
]
