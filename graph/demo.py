"""``secgraph demo``: build from the bundled sample filings and show what the graph answers.

Each section is a canned query; each line carries the quote that states it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph.kg import KnowledgeGraph

SAMPLES = Path(__file__).with_name("samples")


@dataclass
class Section:
    """One part of the demo: a title and its lines (text, evidence quote)."""

    title: str
    query: str
    lines: list[tuple[str, str]] = field(default_factory=list)


def _quote(text: Any) -> str:
    return " ".join(str(text or "").split())


def _fmt_pct(v: Any) -> str:
    return f"{v}%" if v is not None else "?"


def _chain(r: dict[str, Any]) -> str:
    parties = r["parties"] or r["agreement_parties"] or "parties not stated"
    num = f"No. {r['number']}" if r["number"] is not None else "(unnumbered)"
    dated = f" dated {r['agreement_date']}" if r["agreement_date"] else ""
    return (
        f"{r['agreement']}{dated} <- Amendment {num}, {r['date'] or 'undated'} "
        f"({parties}) [stated in {r['filing']}]"
    )


def _holding(r: dict[str, Any]) -> str:
    shares = f"{r['shares']:,} shares" if r["shares"] is not None else "shares not stated"
    return (
        f"{r['owner']} owns {shares}, {_fmt_pct(r['percent'])} of {r['issuer']} "
        f"{r['class'] or ''} as of {r['as_of'] or r['reported'] or '?'} [{r['filing']}]"
    )


def _limit(r: dict[str, Any]) -> str:
    extra = f", replacing {_fmt_pct(r['replaces'])}" if r["replaces"] is not None else ""
    under = f" under {r['agreement']}" if r["agreement"] else ""
    return (
        f"{r['holder']}: limit {_fmt_pct(r['percent'])} of {r['issuer'] or '?'}{under}{extra}"
        f" — {r['effect'] or 'effect not stated'}"
    )


def _signature(r: dict[str, Any]) -> str:
    behalf = f", for {r['on_behalf_of']}" if r["on_behalf_of"] else ""
    return (
        f"{r['filing']}: signed by {r['signer']}, {r['title'] or 'no title'}"
        f"{behalf}, {r['date'] or 'undated'}"
    )


def _exhibit(r: dict[str, Any]) -> str:
    amend = f" Amendment No. {r['source_amendment_no']}" if r["source_amendment_no"] else ""
    return (
        f"{r['filing']} Exhibit {r['number']} <- Exhibit {r['source_exhibit'] or '?'} of "
        f"Form {r['source_form'] or '?'}{amend} (No. {r['source_number'] or '?'}), "
        f"filed {r['source_filed'] or '?'}"
    )


#: The demo, in order: a title, the canned query that answers it, how a row reads.
SECTIONS: tuple[tuple[str, str, Callable[[dict[str, Any]], str]], ...] = (
    ("Amendment chains", "amendment-chain", _chain),
    ("Holdings", "ownership", _holding),
    ("Ownership limits", "ownership-limits", _limit),
    ("Signatories", "signatories", _signature),
    ("Exhibits incorporated by reference", "exhibits-by-reference", _exhibit),
)


def sections(kg: KnowledgeGraph) -> list[Section]:
    """The demo's answers, read from the graph by the canned queries."""
    out = []
    for title, query, line in SECTIONS:
        section = Section(title, query)
        for r in kg.query(query):
            section.lines.append((line(r), _quote(r["quote"])))
        out.append(section)
    return out


def build_demo(store: str | None = "memory", progress: Any = None) -> KnowledgeGraph:
    """Build the graph of the bundled sample filings."""
    kg = KnowledgeGraph.open(store)
    kg.add([str(p) for p in sorted(SAMPLES.glob("*.txt"))], progress=progress)
    return kg
