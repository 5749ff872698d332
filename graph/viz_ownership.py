"""The ownership network: holders, issuers, groups, general partners and officers.

:func:`ownership_graph` cuts the ownership part out of
:meth:`KnowledgeGraph.to_networkx` and gives every node a layer (groups over
holders over issuers over officers); :func:`ownership_figure` draws it beside
the ownership limits as thresholds against the holdings; :func:`ownership_html`
writes the same graph as a self-contained pyvis page whose edge tooltips show
the evidence quote and the filing (:mod:`graph.viz_html`).
"""

from __future__ import annotations

import re
from collections import defaultdict
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


def ownership_graph(
    kg: Any,
    issuer: str | None = None,
    limits: bool = False,
    max_issuers: int | None = None,
    max_holders: int | None = None,
) -> nx.MultiDiGraph:
    """The ownership subgraph, each node with ``kind``, ``label`` and ``layer``.

    Args:
        kg: a KnowledgeGraph, or the MultiDiGraph of its ``to_networkx()``.
        issuer: keep only the part around issuers whose label contains this.
        limits: add ownership limits as edges (the HTML view does; the figure draws
            them as thresholds instead).
        max_issuers: keep the issuers with most holders, at most this many.
        max_holders: per issuer, keep the largest holders (by percent), and per group
            as many members, at most this many.

    Edges keep their type (``owns``, ``member``, ``role``, ``ownership_limit``)
    and qualifiers; a role's ``role`` is a title (general partner, officer...).
    Limits whose holder is not otherwise in the graph ("all other shareholders")
    are left out. ``graph["shown"]`` and ``graph["holdings"]`` count the
    (holder, issuer) pairs drawn and found.
    """
    full = _get(kg)
    g = nx.MultiDiGraph()
    edges = list(full.edges(keys=True, data=True))
    owns = [e for e in edges if e[3].get("type") == "owns"]
    if issuer:
        owns = [e for e in owns if issuer.lower() in str(full.nodes[e[1]].get("label", "")).lower()]
    found = {(a, b) for a, b, *_ in owns}
    owns = _trim(full, owns, max_issuers, max_holders)
    g.graph.update(holdings=len(found), shown=len({(a, b) for a, b, *_ in owns}))
    for a, b, k, d in owns:
        g.add_edge(a, b, k, **d)
    holders = {a for a, *_ in owns}
    issuers = {b for _, b, *_ in owns}
    groups: dict[str, int] = {}
    for a, b, k, d in edges:  # groups of the holders, their general partners, officers
        t, role = d.get("type"), str(d.get("role") or "")
        if t == "member" and a in holders:
            g.add_edge(a, b, k, **d)
            groups[b] = groups.get(b, 0) + 1
        elif t == "role" and _ROLE.search(role) and (b in holders or b in issuers):
            g.add_edge(a, b, k, **d)
    for a, b, k, d in edges:  # the groups' other members
        room = max_holders is None or groups.get(b, 0) < max_holders
        if d.get("type") == "member" and b in groups and not g.has_edge(a, b) and room:
            g.add_edge(a, b, k, **d)
            groups[b] += 1
    if limits:
        for a, b, k, d in edges:
            if d.get("type") == "ownership_limit" and a in g and b in issuers:
                g.add_edge(a, b, k, **d)
    for n in g.nodes:
        g.nodes[n].update(full.nodes[n])
        g.nodes[n]["layer"] = _layer(g, n, holders, issuers, set(groups))
    return g


def _trim(
    full: nx.MultiDiGraph, owns: list, max_issuers: int | None, max_holders: int | None
) -> list:
    """The holdings of the issuers with most holders, and of their largest holders."""
    by_issuer: dict[str, dict[str, float]] = defaultdict(dict)
    for a, b, _, d in owns:
        pct = float(d["percent"]) if d.get("percent") is not None else -1.0
        by_issuer[b][a] = max(pct, by_issuer[b].get(a, -1.0))
    label = lambda n: str(full.nodes[n].get("label", n))
    ranked = sorted(by_issuer, key=lambda i: (-len(by_issuer[i]), label(i)))[:max_issuers]
    keep = set()
    for i in ranked:
        top = sorted(by_issuer[i], key=lambda h: (-by_issuer[i][h], label(h)))[:max_holders]
        keep.update((h, i) for h in top)
    return [e for e in owns if (e[0], e[1]) in keep]


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


def edge_text(d: dict[str, Any]) -> str:
    """What an edge says, short: ``24.2 % · 2,800,500 sh``, ``limit 40 % (was 25 %)``, a role."""
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
    """One drawn edge per (source, target, type).

    A person's titles in one organisation are joined; of several holdings the latest
    as-of is kept; limits replaced by a later one are left out.
    """
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


def draw_network(ax: Any, g: nx.MultiDiGraph, gap: float = 3.4) -> None:
    """The layered network into ``ax``; edges that would run through a box are curved."""
    pos = layout(g, gap)
    xs = [p[0] for p in pos.values()] or [0]
    ys = [p[1] for p in pos.values()] or [0]
    ax.set_xlim(min(xs) - 2.0, max(xs) + 2.0)
    ax.set_ylim(min(ys) - 0.6, max(ys) + 0.6)
    boxes = {
        n: box(ax, pos[n], wrap(d.get("label", n), 22), d.get("kind"), gid=n)
        for n, d in g.nodes(data=True)
    }
    pcts = [
        float(d["percent"])
        for *_, d in g.edges(data=True)
        if d.get("type") == "owns" and d.get("percent") is not None
    ]
    top = max(pcts, default=1.0) or 1.0
    merged = _merged_edges(g)
    pairs: dict[frozenset, int] = defaultdict(int)
    for a, b, style in sorted(merged, key=lambda e: e[2] != "owns"):  # owns first, straight
        d = merged[(a, b, style)]
        color, ls, head, _ = EDGE_STYLE[style]
        width = 1.3
        if style == "owns" and d.get("percent") is not None:
            width = 1.5 + 5.5 * float(d["percent"]) / top
        nth = pairs[frozenset((a, b))]
        pairs[frozenset((a, b))] += 1
        rad = (0.0, 0.25, -0.25)[nth % 3] or (0.3 if _blocked(pos, a, b, gap) else 0.0)
        arrow(ax, boxes[a], boxes[b], color=color, style=ls, width=width, head=head, rad=rad)
        text = edge_text(d) if style != "general partner" else "general partner"
        edge_label(
            ax,
            _along(ax, pos[a], pos[b], rad, _label_t(g, pos, a, b, rad)),
            wrap(text, 30),
            color=color,
        )


def _label_t(g: nx.MultiDiGraph, pos: dict, a: str, b: str, rad: float) -> float:
    """Where along an edge its label goes: the middle, or staggered when many edges meet."""
    sources = sorted({s for s, _ in g.in_edges(b)}, key=lambda s: pos[s][0])
    if rad or len(sources) <= 2:
        return 0.5
    return 0.22 if sources.index(a) % 2 == 0 else 0.45


def _blocked(pos: dict[str, tuple[float, float]], a: str, b: str, gap: float) -> bool:
    """Whether another box sits on the straight line from ``a`` to ``b``."""
    (xa, ya), (xb, yb) = pos[a], pos[b]
    for n, (x, y) in pos.items():
        if n in (a, b) or not (min(ya, yb) <= y <= max(ya, yb)):
            continue
        if ya == yb:
            hit = min(xa, xb) < x < max(xa, xb)
        else:
            hit = abs(xa + (xb - xa) * (y - ya) / (yb - ya) - x) < 0.4 * gap and y not in (ya, yb)
        if hit:
            return True
    return False


def _along(ax: Any, p: tuple[float, float], q: tuple[float, float], rad: float, t: float) -> Any:
    """The point at ``t`` of the (arc3-curved) edge from ``p`` to ``q``, in data coordinates."""
    to_px = ax.transData
    (x1, y1), (x2, y2) = to_px.transform(p), to_px.transform(q)
    cx, cy = (x1 + x2) / 2 + rad * (y2 - y1), (y1 + y2) / 2 - rad * (x2 - x1)
    x = (1 - t) ** 2 * x1 + 2 * t * (1 - t) * cx + t**2 * x2
    y = (1 - t) ** 2 * y1 + 2 * t * (1 - t) * cy + t**2 * y2
    return to_px.inverted().transform((x, y))


def draw_thresholds(ax: Any, kg: Any, g: nx.MultiDiGraph) -> None:
    """Holdings of ``g`` as bars (percent of class), the issuers' limits (from ``kg``) as lines."""
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
        f"{wrap(label(a), 22)}\nin {wrap(label(b), 22)}\n{edge_text(d)}"
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
        tag = wrap(f"{_percent(p)} {label(h)}", 17) + ("\n(replaced)" if old else "")
        if d.get("agreement"):
            tag += "\n" + wrap(f"set by {d['agreement']}", 17)
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


def ownership_figure(
    kg: Any, issuer: str | None = None, max_issuers: int = 3, max_holders: int = 6
) -> Any:
    """The ownership network (left) and the holdings against their limits (right).

    Args:
        kg: a KnowledgeGraph (or its ``to_networkx()`` graph).
        issuer: only issuers whose name contains this.
        max_issuers: draw the issuers with most holders, at most this many.
        max_holders: per issuer, the largest holders, at most this many.

    Returns:
        The matplotlib Figure; ``fig.graph`` is the drawn :func:`ownership_graph`.
    """
    full = _get(kg)  # once: to_networkx() queries the store
    g = ownership_graph(full, issuer, max_issuers=max_issuers, max_holders=max_holders)
    rows: dict[str, int] = defaultdict(int)
    for _, d in g.nodes(data=True):
        rows[d["layer"]] += 1
    bars = g.graph.get("shown", 0)
    width = max(6.5, 2.5 * max(rows.values(), default=1) + 1.0)
    fig = blank_figure(width + 6.0, max(7.2, 0.9 * bars + 4.2))
    net, bars_ax = fig.subplots(1, 2, gridspec_kw={"width_ratios": [width, 6.0]})
    fig.subplots_adjust(  # before drawing: curved edges' labels are placed on screen
        left=0.01, right=0.97, top=0.93, bottom=1.3 / fig.get_figheight(), wspace=0.3
    )
    net.set_axis_off()
    fig.graph = g
    if g.number_of_edges() == 0:
        net.text(0.5, 0.5, "no holdings in the graph", ha="center", transform=net.transAxes)
        bars_ax.set_axis_off()
        return fig
    draw_network(net, g)
    title = "ownership network"
    if g.graph["shown"] < g.graph["holdings"]:
        title += (
            f" ({g.graph['shown']} of {g.graph['holdings']} holdings: largest issuers and holders)"
        )
    net.set_title(title, fontsize=12.5, loc="left")
    draw_thresholds(bars_ax, full, g)
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
    return fig


__all__ = [
    "EDGE_STYLE",
    "draw_network",
    "draw_thresholds",
    "edge_text",
    "layout",
    "ownership_figure",
    "ownership_graph",
]
