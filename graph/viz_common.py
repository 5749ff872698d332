"""Shared pieces of the drawings in :mod:`graph.viz`: backend, colours, boxes, arrows, rows.

The drawings place labelled boxes (``Axes.text`` with a box) at positions a
layout computed on a networkx graph, and join them with arrows clipped at the
boxes' edges, so that labels stay legible and arrows never hide under them.
"""

from __future__ import annotations

import math
import os
import sys
from typing import Any

import matplotlib

# No display and no notebook: draw off-screen. A notebook's inline backend (set
# through MPLBACKEND by ipykernel) and an explicit MPLBACKEND are left alone.
if (
    not os.environ.get("MPLBACKEND")
    and "ipykernel" not in sys.modules
    and sys.platform.startswith("linux")
    and not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
):
    matplotlib.use("Agg")

import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.text import Text

#: Fill and edge colour of a box, by entity kind (colour-blind-safe hues, light fills).
KIND_COLORS: dict[str, tuple[str, str]] = {
    "company": ("#dceaf7", "#2b5d8a"),
    "bank": ("#d9f0ee", "#1f7a70"),
    "fund": ("#e2f2da", "#3d7a2a"),
    "group": ("#ece3f4", "#6a3d8f"),
    "person": ("#fbe6d4", "#a85a12"),
    "agreement": ("#fff4cc", "#8a6d00"),
    "filing": ("#eeeeee", "#555555"),
    "other": ("#f4f4f4", "#777777"),
}
HIGHLIGHT = "#d62728"
FONT = 11


def kind_of(kind: Any) -> str:
    """A kind name folded onto :data:`KIND_COLORS` (``corporation`` -> ``company``...)."""
    k = str(kind or "").lower()
    for name, words in (
        ("company", ("company", "corporation", "legalentity", "org", "issuer", "government")),
        ("bank", ("bank", "trust")),
        ("fund", ("fund", "partnership")),
        ("group", ("group",)),
        ("person", ("person",)),
        ("agreement", ("agreement", "amendment", "charter", "document")),
        ("filing", ("filing",)),
    ):
        if any(w in k for w in words):
            return name
    return "other"


def box(
    ax: Axes,
    xy: tuple[float, float],
    text: str,
    kind: str = "other",
    *,
    size: float = FONT,
    bold: bool = False,
    highlight: bool = False,
    faded: bool = False,
    gid: str | None = None,
) -> Text:
    """A labelled, rounded box centred at ``xy``; returns the Text (its patch clips arrows)."""
    fill, edge = KIND_COLORS.get(kind_of(kind), KIND_COLORS["other"])
    t = ax.text(
        xy[0],
        xy[1],
        text,
        ha="center",
        va="center",
        fontsize=size,
        zorder=3,
        fontweight="bold" if bold else "normal",
        color="#222222",
        alpha=0.45 if faded else 1,
        bbox={
            "boxstyle": "round,pad=0.45",
            "facecolor": fill,
            "edgecolor": HIGHLIGHT if highlight else edge,
            "linewidth": 3 if highlight else 1.2,
            "alpha": 0.5 if faded else 1,
        },
    )
    if gid:
        t.set_gid(gid)
    return t


def arrow(
    ax: Axes,
    a: Text,
    b: Text,
    *,
    color: str = "#555555",
    width: float = 1.2,
    style: str = "-",
    head: bool = True,
    rad: float = 0.0,
    alpha: float = 1.0,
) -> None:
    """An arrow from box ``a`` to box ``b``, clipped at both boxes."""
    ax.annotate(
        "",
        xy=b.get_position(),
        xytext=a.get_position(),
        zorder=3.5,
        arrowprops={
            "arrowstyle": "-|>" if head else "-",
            "color": color,
            "lw": width,
            "linestyle": style,
            "patchA": a.get_bbox_patch(),
            "patchB": b.get_bbox_patch(),
            "shrinkA": 2,
            "shrinkB": 2,
            "mutation_scale": 14,
            "alpha": alpha,
            "connectionstyle": f"arc3,rad={rad}",
        },
    )


def edge_label(
    ax: Axes, xy: tuple[float, float], text: str, *, color: str = "#333333", size: float = FONT - 1
) -> Text:
    """A small label on white, for an edge."""
    return ax.text(
        xy[0],
        xy[1],
        text,
        ha="center",
        va="center",
        fontsize=size,
        color=color,
        zorder=4,
        bbox={"boxstyle": "round,pad=0.2", "facecolor": "white", "edgecolor": "none", "alpha": 0.9},
    )


def new_figure(width: float, height: float) -> tuple[Any, Axes]:
    """A figure with one frameless axes (the caller sets the limits)."""
    fig, ax = plt.subplots(figsize=(width, height), dpi=110)
    ax.set_axis_off()
    return fig, ax


def blank_figure(width: float, height: float) -> Any:
    """A figure without axes (the caller lays them out)."""
    return plt.figure(figsize=(width, height), dpi=110)


def spread(xs: list[float], gap: float) -> list[float]:
    """Move sorted-order positions apart so neighbours are at least ``gap`` apart, keeping the mean."""
    if not xs:
        return []
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    out = [xs[i] for i in order]
    for i in range(1, len(out)):
        out[i] = max(out[i], out[i - 1] + gap)
    shift = (sum(xs) - sum(out)) / len(out)
    res = [0.0] * len(xs)
    for rank, i in enumerate(order):
        res[i] = out[rank] + shift
    return res


def rows(kg: Any, name: str, **params: Any) -> list[dict[str, Any]]:
    """A canned query's rows as plain dicts, whatever ``kg.query`` returns."""
    return as_rows(kg.query(name, **params))


def as_rows(result: Any) -> list[dict[str, Any]]:
    """Rows (list of dicts) from a DataFrame, a (columns, rows) pair, a result object or rows."""
    if hasattr(result, "to_dict") and hasattr(result, "columns"):
        return [
            {k: (None if _na(v) else v) for k, v in r.items()} for r in result.to_dict("records")
        ]
    if isinstance(result, tuple) and len(result) == 2:
        result = result[1]
    if hasattr(result, "rows") and not isinstance(result, list):
        result = result.rows
        result = result() if callable(result) else result
    return [dict(r) for r in result]


def _na(v: Any) -> bool:
    return isinstance(v, float) and math.isnan(v)


def wrap(text: str, width: int = 26) -> str:
    """Break a label onto lines of at most ``width`` characters (at spaces)."""
    import textwrap

    return "\n".join(textwrap.wrap(str(text), width=width, break_long_words=False)) or str(text)
