"""``secgraph demo``: build from the bundled sample filings and show what the graph answers.

Each section is a canned query; each line carries the quote that states it.
"""

from __future__ import annotations

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


def sections(kg: KnowledgeGraph) -> list[Section]:
    """The demo's answers, read from the graph by the canned queries."""
    out = []
    s = Section("Amendment chains", "amendment-chain")
    for r in kg.query("amendment-chain"):
        parties = r["parties"] or r["agreement_parties"] or "parties not stated"
        num = f"No. {r['number']}" if r["number"] is not None else "(unnumbered)"
        dated = f" dated {r['agreement_date']}" if r["agreement_date"] else ""
        s.lines.append(
            (
                (
                    f"{r['agreement']}{dated} <- Amendment {num}, {r['date'] or 'undated'} "
                    f"({parties}) [stated in {r['filing']}]"
                ),
                _quote(r["quote"]),
            )
        )
    out.append(s)
    s = Section("Holdings", "ownership")
    for r in kg.query("ownership"):
        shares = f"{r['shares']:,} shares" if r["shares"] is not None else "shares not stated"
        s.lines.append(
            (
                (
                    f"{r['owner']} owns {shares}, {_fmt_pct(r['percent'])} of {r['issuer']} "
                    f"{r['class'] or ''} as of {r['as_of'] or r['reported'] or '?'} [{r['filing']}]"
                ),
                _quote(r["quote"]),
            )
        )
    out.append(s)
    s = Section("Ownership limits", "ownership-limits")
    for r in kg.query("ownership-limits"):
        extra = f", replacing {_fmt_pct(r['replaces'])}" if r["replaces"] is not None else ""
        under = f" under {r['agreement']}" if r["agreement"] else ""
        s.lines.append(
            (
                (
                    f"{r['holder']}: limit {_fmt_pct(r['percent'])} of {r['issuer'] or '?'}{under}{extra}"
                    f" — {r['effect'] or 'effect not stated'}"
                ),
                _quote(r["quote"]),
            )
        )
    out.append(s)
    s = Section("Signatories", "signatories")
    for r in kg.query("signatories"):
        s.lines.append(
            (
                (
                    f"{r['filing']}: signed by {r['signer']}, {r['title'] or 'no title'}"
                    f"{', for ' + r['on_behalf_of'] if r['on_behalf_of'] else ''}, {r['date'] or 'undated'}"
                ),
                _quote(r["quote"]),
            )
        )
    out.append(s)
    s = Section("Exhibits incorporated by reference", "exhibits-by-reference")
    quotes = {(r["fact"], r["filing"]): r["quote"] for r in kg.query("evidence", fact="exhibit/")}
    by_exhibit = {}
    for r in kg.query(
        """SELECT ?filing ?number ?x WHERE { GRAPH ?g { ?f sg:hasExhibit ?x ;
           dcterms:identifier ?filing . ?x sg:exhibitNumber ?number } }""",
        union=False,
    ):
        by_exhibit[(r["filing"], r["number"])] = quotes.get((r["x"], r["filing"]), "")
    for r in kg.query("exhibits-by-reference"):
        amend = f" Amendment No. {r['source_amendment_no']}" if r["source_amendment_no"] else ""
        s.lines.append(
            (
                (
                    f"{r['filing']} Exhibit {r['number']} <- Exhibit {r['source_exhibit'] or '?'} of "
                    f"Form {r['source_form'] or '?'}{amend} (No. {r['source_number'] or '?'}), "
                    f"filed {r['source_filed'] or '?'}"
                ),
                _quote(by_exhibit.get((r["filing"], r["number"]))),
            )
        )
    out.append(s)
    return out


def build_demo(store: str | None = "memory", progress: Any = None) -> KnowledgeGraph:
    """Build the graph of the bundled sample filings."""
    kg = KnowledgeGraph.open(store)
    kg.add([str(p) for p in sorted(SAMPLES.glob("*.txt"))], progress=progress)
    return kg
