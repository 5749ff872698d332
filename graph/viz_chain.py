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
    """The agreement itself (``number`` 0) or one of its amendments."""

    name: str
    number: int
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
    """Every amendment chain whose agreement name contains ``agreement`` (all when None)."""
    found: dict[str, Chain] = {}
    for r in rows(kg, "amendment-chain", agreement=agreement or ""):
        name = r["agreement"]
        ch = found.get(name)
        if ch is None:
            root = Version(name, 0, r.get("agreement_date"), _split(r.get("agreement_parties")))
            ch = found[name] = Chain(name, [root])
        num = int(r["number"]) if r.get("number") is not None else len(ch.versions)
        v = next((x for x in ch.versions if x.number == num), None)
        if v is None:
            v = Version(
                r.get("amendment") or f"Amendment No. {num}",
                num,
                r.get("date"),
                _split(r.get("parties")),
                quote=r.get("quote"),
            )
            ch.versions.append(v)
        for doc in (r.get("filing"),):
            if doc and doc not in v.filings:
                v.filings.append(doc)
            if doc and doc not in ch.versions[0].filings:
                ch.versions[0].filings.append(doc)
    if not found:
        return []
    labels = filing_labels(kg)
    kinds = {d.get("label"): d.get("kind") for _, d in kg.to_networkx().nodes(data=True)}
    roles = rows(kg, "officers")
    exhibits = rows(kg, "exhibits-by-reference")
    for ch in found.values():
        ch.versions.sort(key=lambda v: v.number)
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
    return list(found.values())


def _dedupe_agents(ch: Chain) -> None:
    seen, out = set(), []
    for r in ch.agents:
        key = (r.get("person"), r.get("role"), r.get("since"), r.get("until"))
        if key not in seen:
            seen.add(key)
            out.append(r)
    ch.agents = out


def _first_filed(v: Version, exhibits: list[dict[str, Any]], docs: set[str]) -> str | None:
    """The cited filing an exhibit whose title begins with this version's name came from."""
    name = _norm(v.name)
    for x in exhibits:
        if x.get("filing") in docs and _norm(x.get("title") or "").startswith(name):
            parts = [x.get("source_form"), x.get("source_filed")]
            label = " · ".join(str(p) for p in parts if p)
            ex = x.get("source_exhibit")
            return f"{label}\n(exhibit {ex})" if ex else label
    return None


def _short(v: Version) -> str:
    if v.number == 0:
        return wrap(v.name, 24)
    return f"Amendment No. {v.number}"


def chain_graph(ch: Chain, as_of: str | None = None) -> nx.DiGraph:
    """The chain as a directed graph; every node has ``kind``, ``label``, ``row`` and ``x``.

    Rows: 1 parties and agents, 0 the versions in order, -1 filings. Edges have a
    ``type``: ``amends``, ``party``, ``agent``, ``stated_in`` or ``first_filed_in``.
    """
    g = nx.DiGraph(agreement=ch.agreement)
    latest = ch.latest(as_of)
    for i, v in enumerate(ch.versions):
        label = _short(v) + (f"\n{v.date}" if v.date else "")
        g.add_node(
            ("version", v.number),
            kind=ch.kinds.get(v.name) or "agreement",
            label=label,
            row=0,
            x=i * DX,
            latest=v is latest,
            after=bool(as_of and v.date and v.date > as_of),
            name=v.name,
            date=v.date,
            quote=v.quote,
        )
        if i:
            g.add_edge(("version", v.number), ("version", ch.versions[i - 1].number), type="amends")
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
        agents[name] = f"{a['role']} {period}".strip()
    names = sorted(links, key=lambda p: (sum(links[p]) / len(links[p]), p))
    xs = spread([DX * sum(links[p]) / len(links[p]) for p in names], DX * 0.95)
    for p, x in zip(names, xs):
        label = wrap(p, 22) + (f"\n{agents[p]}" if p in agents else "")
        kind = ch.kinds.get(p) or ("bank" if p in agents else "company")
        g.add_node(("party", p), kind=kind, label=label, row=1, x=x)
        for i in sorted(links[p]):
            g.add_edge(
                ("party", p),
                ("version", ch.versions[i].number),
                type="agent" if p in agents and i not in _party_cols(ch, p) else "party",
            )
    # Filings: the ones that state the chain, and the earlier ones each version was filed with.
    spots: list[tuple[Any, str, float, str]] = []
    for i, v in enumerate(ch.versions):
        if v.first_filed:
            spots.append((("cited", v.number), v.first_filed, i * DX, "first_filed_in"))
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
                    g.add_edge(("version", v.number), node, type=etype)
    return g


def _party_cols(ch: Chain, p: str) -> set[int]:
    return {i for i, v in enumerate(ch.versions) if p in v.parties}


EDGE_STYLE = {  # type -> (colour, line style, width, arrow head, legend text)
    "amends": ("#444444", "-", 2.2, True, "amends (the version before it)"),
    "party": ("#2b5d8a", "-", 1.0, False, "party to"),
    "agent": ("#1f7a70", (0, (1, 2)), 1.6, False, "agent while in office"),
    "stated_in": ("#777777", (0, (5, 3)), 1.0, False, "stated in (filing in the graph)"),
    "first_filed_in": ("#777777", "-", 1.0, True, "first filed as exhibit to"),
}
ROW_Y = {1: 1.7, 0: 0.0, -1: -1.8}


def draw_chain(
    ax: Any, ch: Chain, as_of: str | None = None, latest: int | None = None
) -> nx.DiGraph:
    """Draw one chain into ``ax``; ``latest`` overrides which version number is highlighted."""
    g = chain_graph(ch, as_of)
    if latest is not None:
        for n, d in g.nodes(data=True):
            if n[0] == "version":
                d["latest"] = n[1] == latest
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
            edge_label(ax, ((xa + xb) / 2, 0.32), "amends", size=8.5)
    xs = [d["x"] for _, d in g.nodes(data=True)]
    ax.set_xlim(min(xs) - 1.7, max(xs) + 1.7)
    ax.set_ylim(-2.75, 2.6)
    ax.annotate(
        "",
        xy=(max(xs) + 1.5, -0.62),
        xytext=(min(xs) - 1.5, -0.62),
        zorder=1,
        arrowprops={"arrowstyle": "-|>", "color": "#bbbbbb", "lw": 1.5},
    )
    ax.text(max(xs) + 1.5, -0.78, "time", ha="right", va="top", fontsize=8.5, color="#888888")
    cut = next((d for n, d in g.nodes(data=True) if d.get("latest")), None)
    title = f"{ch.agreement}: amendment chain"
    if cut is not None:
        title += f" · latest version as of {as_of or date.today().isoformat()}: "
        title += cut["label"].replace("\n", ", ")
        later = [d["x"] for n, d in g.nodes(data=True) if n[0] == "version" and d["x"] > cut["x"]]
        if later:
            x = (cut["x"] + min(later)) / 2
            ax.axvline(x, ymin=0.3, ymax=0.62, color=HIGHLIGHT, ls="--", lw=1.2)
            edge_label(ax, (x, -0.95), f"as of\n{as_of}", color=HIGHLIGHT, size=8.5)
    ax.set_title(title, fontsize=11.5, loc="left")
    return g


def legend(fig: Any) -> None:
    """Edge styles and node colours, under the drawing."""
    handles = [
        Line2D([], [], color=c, ls=s, lw=w + 0.4, label=t) for c, s, w, _, t in EDGE_STYLE.values()
    ]
    handles.append(Line2D([], [], color=HIGHLIGHT, lw=3, label="latest version as of the date"))
    fig.legend(handles=handles, loc="lower center", ncol=3, fontsize=8.5, frameon=False)


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
    cols = max(len(c.versions) for c in found)
    fig = blank_figure(max(9.0, 3.0 * cols + 1.2), 4.3 * len(found) + 0.6)
    grid = fig.subplots(len(found), 1, squeeze=False)[:, 0]
    fig.graphs = []
    for ax, ch in zip(grid, found):
        ax.set_axis_off()
        latest = _latest_from_graph(kg, ch, as_of)
        fig.graphs.append(draw_chain(ax, ch, as_of, latest))
    legend(fig)
    fig.subplots_adjust(
        left=0.01,
        right=0.99,
        top=0.93 if len(found) == 1 else 0.96,
        bottom=0.14 if len(found) == 1 else 0.08,
        hspace=0.25,
    )
    return fig


def _latest_from_graph(kg: Any, ch: Chain, as_of: str | None) -> int | None:
    """The ``latest-version`` query's answer (number), so the picture shows the graph's answer."""
    params = {"agreement": ch.agreement}
    if as_of:
        params["date"] = as_of
    for r in rows(kg, "latest-version", **params):
        if r.get("agreement") == ch.agreement:
            n = r.get("latest_number")
            return int(n) if n is not None else 0
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
