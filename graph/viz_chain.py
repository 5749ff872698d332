"""Amendment chains as timeline graphs: data from the canned queries, drawn with networkx + matplotlib.

A chain is read from ``amendment-chain`` (versions, dates, parties, stating
filings), ``officers`` (agents and their periods), ``exhibits-by-reference``
(where each version was first filed) and ``latest-version`` (the version in
effect on a date). :func:`chain_graph` turns it into a networkx graph whose
nodes carry a timeline position; :func:`amendment_chain_figure` draws it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
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
    new_figure,
    rows,
    spread,
    wrap,
)

DX = 3.2  # data units between two versions on the timeline
_AGENT = re.compile(r"\bagent\b|\btrustee\b", re.IGNORECASE)


@dataclass
class Version:
    """The agreement itself (``number`` 0) or one of its amendments (``None``: unnumbered)."""

    name: str
    number: int | None
    date: str | None = None
    parties: list[str] = field(default_factory=list)
    filings: list[str] = field(default_factory=list)
    quote: str | None = None
    first_filed: str | None = None  # label of the earlier filing it was an exhibit to


@dataclass
class Chain:
    """An agreement, its versions in order, its agents and labels for its filings."""

    agreement: str
    versions: list[Version]
    date: str | None = None  # the agreement's date: same-named agreements are told apart by it
    agents: list[dict[str, Any]] = field(default_factory=list)
    filing_labels: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, str] = field(default_factory=dict)  # entity name -> kind

    def latest(self, as_of: str | None = None) -> Version:
        """The last version whose date is on or before ``as_of`` (default: the last one)."""
        cut = as_of or "9999-12-31"
        dated = [v for v in self.versions if not v.date or v.date <= cut]
        return dated[-1] if dated else self.versions[0]


def _split(text: Any) -> list[str]:
    return [p.strip() for p in str(text or "").split(";") if p.strip()]


def _norm(text: str) -> str:
    return " ".join(re.sub(r"\bthe\b|\W+", " ", text.lower()).split())


def filing_labels(kg: Any) -> dict[str, str]:
    """Filing id -> ``"8-A/A · 2003-11-24"`` from the facts view's filing facts."""
    out = {}
    for f in kg.facts():
        if f.get("kind") == "filing" and f.get("doc"):
            out[f["doc"]] = " · ".join(str(x) for x in (f.get("form"), f.get("date")) if x)
    return out


def chains(kg: Any, agreement: str | None = None) -> list[Chain]:
    """Every amendment chain whose agreement name contains ``agreement`` (all when None).

    Chains are told apart by the agreement's name and date; versions by their number,
    else (unnumbered amendments) by name and date.
    """
    found: dict[tuple, Chain] = {}
    for r in rows(kg, "amendment-chain", agreement=agreement or ""):
        name, day = r["agreement"], r.get("agreement_date")
        ch = found.get((name, day))
        if ch is None:
            root = Version(name, 0, day, _split(r.get("agreement_parties")))
            ch = found[(name, day)] = Chain(name, [root], date=day)
        num = int(r["number"]) if r.get("number") is not None else None
        title = r.get("amendment") or f"Amendment No. {num}"
        v = next((x for x in ch.versions[1:] if _same(x, num, title, r.get("date"))), None)
        if v is None:
            v = Version(title, num, r.get("date"), _split(r.get("parties")), quote=r.get("quote"))
            ch.versions.append(v)
        doc = r.get("filing")
        for version in (v, ch.versions[0]):
            if doc and doc not in version.filings:
                version.filings.append(doc)
    if not found:
        return []
    labels = filing_labels(kg)
    kinds = {d.get("label"): d.get("kind") for _, d in kg.to_networkx().nodes(data=True)}
    roles = rows(kg, "officers")
    exhibits = rows(kg, "exhibits-by-reference")
    for ch in found.values():
        ch.versions.sort(key=_order)
        ch.filing_labels, ch.kinds = labels, kinds
        parties = {p for v in ch.versions for p in v.parties}
        docs = {d for v in ch.versions for d in v.filings}
        ch.agents = [
            r
            for r in roles
            if _AGENT.search(r.get("role") or "")
            and r.get("filing") in docs
            and r.get("organization") in parties
        ]
        _dedupe_agents(ch)
        for v in ch.versions:
            v.first_filed = _first_filed(v, exhibits, docs)
    return sorted(found.values(), key=lambda c: (c.agreement, c.date or ""))


def _same(v: Version, number: int | None, name: str, day: str | None) -> bool:
    if number is not None or v.number is not None:
        return v.number == number
    return v.name == name and v.date == day


def _order(v: Version) -> tuple:
    """The agreement first, then amendments by number, unnumbered ones by date."""
    return (v.number != 0, v.number if v.number is not None else 10**6, v.date or "")


def _dedupe_agents(ch: Chain) -> None:
    seen, out = set(), []
    for r in ch.agents:
        key = (r.get("person"), r.get("role"), r.get("since"), r.get("until"))
        if key not in seen:
            seen.add(key)
            out.append(r)
    ch.agents = out


def _first_filed(v: Version, exhibits: list[dict[str, Any]], docs: set[str]) -> str | None:
    """The earlier filing this version was an exhibit to: the one exhibit (of the filings
    stating the chain) whose title begins with the version's name; None when ambiguous."""
    name = _norm(v.name)
    hits = [
        x
        for x in exhibits
        if x.get("filing") in docs and _norm(x.get("title") or "").startswith(name)
    ]
    sources = {(x.get("source_form"), x.get("source_filed"), x.get("source_exhibit")) for x in hits}
    if len(sources) != 1:
        return None
    form, filed, ex = sources.pop()
    label = " · ".join(str(p) for p in (form, filed) if p)
    return f"{label}\n(exhibit {ex})" if ex else label


def _short(v: Version) -> str:
    if v.number == 0 or v.number is None:
        return wrap(v.name, 24)
    return f"Amendment No. {v.number}"


def chain_graph(
    ch: Chain, as_of: str | None = None, latest: int | None = None, max_parties: int = 8
) -> nx.DiGraph:
    """The chain as a directed graph; every node has ``kind``, ``label``, ``row`` and ``x``.

    Nodes: ``("version", i)`` for the i-th version (0 the agreement; ``number``,
    ``date``, ``latest``, ``after`` as attributes), ``("party", name)``,
    ``("filing", doc)`` for a filing in the graph and ``("cited", i)`` for the earlier
    filing version i was first filed with. Rows: 1 parties and agents, 0 the versions
    in order, -1 filings. Edges have a ``type``: ``amends``, ``party``, ``agent``,
    ``stated_in`` or ``first_filed_in``. ``latest`` (an amendment number) overrides
    which version is marked as the latest as of ``as_of``.
    """
    g = nx.DiGraph(agreement=ch.agreement, as_of=as_of, hidden_parties=0)
    cut = ch.latest(as_of) if latest is None else None
    for i, v in enumerate(ch.versions):
        label = _short(v) + (f"\n{v.date}" if v.date else "")
        g.add_node(
            ("version", i),
            number=v.number,
            kind=ch.kinds.get(v.name) or "agreement",
            label=label,
            row=0,
            x=i * DX,
            latest=v is cut if latest is None else v.number == latest,
            after=bool(as_of and v.date and v.date > as_of),
            name=v.name,
            date=v.date,
            quote=v.quote,
        )
        if i:
            g.add_edge(("version", i), ("version", i - 1), type="amends")
    # Parties to the versions, and agents over the versions dated in their period.
    links: dict[str, set[int]] = {}
    for i, v in enumerate(ch.versions):
        for p in v.parties:
            links.setdefault(p, set()).add(i)
    agents: dict[str, str] = {}
    for a in ch.agents:
        since, until = a.get("since") or "", a.get("until") or "9999-12-31"
        cols = {i for i, v in enumerate(ch.versions) if v.date and since <= v.date <= until}
        name = a["person"]
        links.setdefault(name, set()).update(cols or {0})
        period = (
            f"since {a['since']}"
            if a.get("since")
            else f"until {a['until']}"
            if a.get("until")
            else ""
        )
        agents[name] = f"{a['role']}\n{period}".strip()
    # The agents and the parties to most versions, when there are too many to draw.
    kept = sorted(links, key=lambda p: (p not in agents, -len(links[p]), p))[:max_parties]
    g.graph["hidden_parties"] = len(links) - len(kept)
    names = sorted(kept, key=lambda p: (sum(links[p]) / len(links[p]), p))
    xs = spread([DX * sum(links[p]) / len(links[p]) for p in names], DX * 0.95)
    for p, x in zip(names, xs):
        label = wrap(p, 22) + (f"\n{agents[p]}" if p in agents else "")
        kind = ch.kinds.get(p) or ("bank" if p in agents else "company")
        g.add_node(("party", p), kind=kind, label=label, row=1, x=x)
        for i in sorted(links[p]):
            g.add_edge(
                ("party", p),
                ("version", i),
                type="agent" if p in agents and i not in _party_cols(ch, p) else "party",
            )
    # Filings: the ones that state the chain, and the earlier ones each version was filed with.
    spots: list[tuple[Any, str, float, str]] = []
    for i, v in enumerate(ch.versions):
        if v.first_filed:
            spots.append((("cited", i), v.first_filed, i * DX, "first_filed_in"))
    for doc in dict.fromkeys(d for v in ch.versions for d in v.filings):
        cols = [i for i, v in enumerate(ch.versions) if doc in v.filings]
        label = ch.filing_labels.get(doc) or doc
        spots.append(
            (("filing", doc), f"{wrap(label, 24)}\n(in the graph)", max(cols) * DX, "stated_in")
        )
    xs = spread([s[2] for s in spots], DX * 0.95)
    for (node, label, _, etype), x in zip(spots, xs):
        g.add_node(node, kind="filing", label=label, row=-1, x=x)
        if etype == "first_filed_in":
            g.add_edge(("version", node[1]), node, type=etype)
        else:
            for i, v in enumerate(ch.versions):
                if node[1] in v.filings:
                    g.add_edge(("version", i), node, type=etype)
    return g


def _party_cols(ch: Chain, p: str) -> set[int]:
    return {i for i, v in enumerate(ch.versions) if p in v.parties}


EDGE_STYLE = {  # type -> (colour, line style, width, arrow head, legend text)
    "amends": ("#444444", "-", 2.2, True, "amends (the agreement as last amended)"),
    "party": ("#2b5d8a", "-", 1.0, False, "party to"),
    "agent": ("#1f7a70", (0, (1, 2)), 1.6, False, "agent while in office"),
    "stated_in": ("#777777", (0, (5, 3)), 1.0, False, "stated in (filing in the graph)"),
    "first_filed_in": ("#777777", "-", 1.0, True, "first filed as exhibit to"),
}
ROW_Y = {1: 1.7, 0: 0.0, -1: -1.8}


def draw_chain(ax: Any, g: nx.DiGraph, span: float | None = None) -> nx.DiGraph:
    """Draw a :func:`chain_graph` into ``ax``; ``span`` (data units) aligns several chains."""
    as_of = g.graph.get("as_of")
    boxes = {}
    for n, d in g.nodes(data=True):
        boxes[n] = box(
            ax,
            (d["x"], ROW_Y[d["row"]]),
            d["label"],
            d["kind"],
            bold=d["row"] == 0,
            highlight=d.get("latest", False),
            faded=d.get("after", False),
            gid=str(n),
        )
    for a, b, d in g.edges(data=True):
        color, style, width, head, _ = EDGE_STYLE[d["type"]]
        faded = g.nodes[a].get("after") or g.nodes[b].get("after")
        arrow(
            ax,
            boxes[a],
            boxes[b],
            color=color,
            style=style,
            width=width,
            head=head,
            alpha=0.35 if faded else 1,
        )
        if d["type"] == "amends":
            xa, xb = g.nodes[a]["x"], g.nodes[b]["x"]
            edge_label(ax, ((xa + xb) / 2, 0.34), "amends", size=10)
    xs = [d["x"] for _, d in g.nodes(data=True)]
    ax.set_xlim(min(xs) - 1.7, min(xs) + 1.7 + (span or _span(g)))
    ax.set_ylim(-2.75, 2.6)
    ax.annotate(
        "",
        xy=(max(xs) + 1.5, -0.62),
        xytext=(min(xs) - 1.5, -0.62),
        zorder=1,
        arrowprops={"arrowstyle": "-|>", "color": "#bbbbbb", "lw": 1.5},
    )
    ax.text(max(xs) + 1.5, -0.78, "time", ha="right", va="top", fontsize=10, color="#888888")
    cut = next((d for n, d in g.nodes(data=True) if d.get("latest")), None)
    title = f"{g.graph['agreement']}: amendment chain"
    if cut is not None:
        title += f" · latest version as of {as_of or date.today().isoformat()}: "
        n = cut["number"]
        title += cut["name"] if n in (0, None) else f"Amendment No. {n}"
        title += f", {cut['date']}" if cut.get("date") else ""
        later = [d["x"] for n, d in g.nodes(data=True) if n[0] == "version" and d["x"] > cut["x"]]
        if later:
            x = (cut["x"] + min(later)) / 2  # the cut: across the arrow, under its label
            ax.plot([x, x], [-0.8, 0.2], color=HIGHLIGHT, ls="--", lw=1.5, zorder=4)
            when = as_of or date.today().isoformat()
            edge_label(ax, (x, -1.0), f"as of\n{when}", color=HIGHLIGHT, size=10)
    if g.graph.get("hidden_parties"):
        title += f" ({g.graph['hidden_parties']} more parties not drawn)"
    ax.set_title(title, fontsize=12.5, loc="left")
    return g


def _span(g: nx.DiGraph) -> float:
    xs = [d["x"] for _, d in g.nodes(data=True)]
    return max(xs) - min(xs)


def legend(fig: Any) -> None:
    """Edge styles and node colours, under the drawing."""
    handles = [
        Line2D([], [], color=c, ls=s, lw=w + 0.4, label=t) for c, s, w, _, t in EDGE_STYLE.values()
    ]
    handles.append(Line2D([], [], color=HIGHLIGHT, lw=3, label="latest version as of the date"))
    fig.legend(handles=handles, loc="lower center", ncol=3, fontsize=10, frameon=False)


def amendment_chain_figure(kg: Any, agreement: str | None = None, as_of: str | None = None) -> Any:
    """Each agreement's amendment chain as a timeline graph, the latest version as of ``as_of`` marked.

    Args:
        kg: a built :class:`~graph.kg.KnowledgeGraph`.
        agreement: part of the agreement's name; None draws every chain (one row each).
        as_of: ISO date for "latest version as of"; None means today.

    Returns:
        The matplotlib Figure; ``fig.graphs`` holds the networkx graph of each chain.
    """
    found = chains(kg, agreement)
    if not found:
        fig, ax = new_figure(6, 1.5)
        ax.text(
            0.5,
            0.5,
            f"no amendment chain{' for ' + agreement if agreement else ''} in the graph",
            ha="center",
            va="center",
            transform=ax.transAxes,
        )
        fig.graphs = []
        return fig
    graphs = [chain_graph(ch, as_of, _latest_from_graph(kg, ch, as_of)) for ch in found]
    span = max(_span(g) for g in graphs)
    fig = blank_figure(max(9.0, 2.9 * (span / DX + 1) + 1.2), 4.6 * len(found) + 0.7)
    grid = fig.subplots(len(found), 1, squeeze=False)[:, 0]
    fig.graphs = graphs
    for ax, g in zip(grid, graphs):
        ax.set_axis_off()
        draw_chain(ax, g, span)
    legend(fig)
    fig.subplots_adjust(
        left=0.01,
        right=0.99,
        top=1 - 0.4 / fig.get_figheight(),
        bottom=0.8 / fig.get_figheight(),
        hspace=0.9 / 4.6,
    )
    return fig


def _latest_from_graph(kg: Any, ch: Chain, as_of: str | None) -> int | None:
    """The ``latest-version`` query's answer (a number), so the picture shows the graph's answer.

    None (the chain's own dates decide) when the query has no row for this agreement, or
    names the agreement itself while the chain has unnumbered amendments, which it does not rank.
    """
    params = {"agreement": ch.agreement}
    if as_of:
        params["date"] = as_of
    for r in rows(kg, "latest-version", **params):
        if r.get("agreement") == ch.agreement and r.get("agreement_date") == ch.date:
            if r.get("latest_number") is not None:
                return int(r["latest_number"])
            return None if any(v.number is None for v in ch.versions) else 0
    return None


__all__ = [
    "KIND_COLORS",
    "Chain",
    "Version",
    "amendment_chain_figure",
    "chain_graph",
    "chains",
    "draw_chain",
    "kind_of",
]
