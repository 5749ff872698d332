"""Read, extract, resolve, map and load: the build behind ``secgraph build``.

Inputs may be paths (files, or folders read recursively), ``Filing`` objects
(extracted here) or :class:`~graph.records.FilingInput` (claims already made,
as tests and benchmarks give). A file that fails is recorded and skipped.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from graph import __version__
from graph.iri import graph_iri
from graph.mapping import map_filing, now_iso
from graph.records import FilingInput, from_filing
from graph.resolve import resolve
from graph.store import GraphStore

#: Suffixes read when a folder is given (a file named explicitly is always read).
FILING_SUFFIXES = frozenset({".txt", ".htm", ".html", ".nc", ".sgml", ".sgm", ".xml"})


@dataclass
class BuildReport:
    """What a build did: filings, documents, claims per kind, errors per file."""

    filings: list[str] = field(default_factory=list)
    documents: int = 0
    claims: Counter = field(default_factory=Counter)
    errors: dict[str, str] = field(default_factory=dict)
    quads: int = 0
    rewrites: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


def discover(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """Files to read: named files as given, folders walked recursively (sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in FILING_SUFFIXES
                and not f.name.startswith(".")
            )
        else:
            out.append(p)
    return out


def _extract(item: Any) -> FilingInput:
    import extractors

    filing = item if hasattr(item, "documents") else extractors.read_filing(item)
    return from_filing(filing, extractors.extract(filing))


def collect(
    items: Iterable[Any],
    report: BuildReport,
    progress: Callable[[str], None] | None = None,
) -> list[FilingInput]:
    """Turn inputs into :class:`FilingInput`, recording per-file errors in ``report``."""
    expanded: list[Any] = []
    for item in items:
        expanded += discover([item]) if isinstance(item, str | os.PathLike) else [item]
    out: list[FilingInput] = []
    for item in expanded:
        label = str(item) if isinstance(item, str | os.PathLike) else getattr(item, "doc_id", "?")
        try:
            if isinstance(item, FilingInput):
                out.append(item)
            elif isinstance(item, str | os.PathLike) and not Path(item).exists():
                report.errors[label] = "no such file or folder"
            else:
                out.append(_extract(item))
        except Exception as e:  # noqa: BLE001 - a failing file is reported and skipped
            report.errors[label] = _message(e)
        if progress:
            progress(label)
    return out


def _message(e: Exception) -> str:
    problem = getattr(e, "problem", None)
    code = getattr(e, "code", None)
    if problem:
        return f"{problem} [{code}]" if code else str(problem)
    return f"{type(e).__name__}: {e}"


def load(
    inputs: list[FilingInput], store: GraphStore, report: BuildReport | None = None
) -> BuildReport:
    """Resolve ``inputs`` against the store and replace their named graphs."""
    report = report or BuildReport()
    # The same filing twice in one batch: the last one wins, as a rebuild would.
    unique = {f.doc_id: f for f in inputs}
    inputs = [unique[k] for k in sorted(unique)]
    replaced = [graph_iri(f.doc_id) for f in inputs]
    res = resolve(inputs, store.index(exclude=replaced) if len(store) else None)
    started = now_iso()
    graphs = {graph_iri(f.doc_id): map_filing(f, res, __version__, started) for f in inputs}
    for old, new in sorted(res.rewrites.items()):
        report.rewrites += store.rewrite(old, new)
    report.quads += store.replace_graphs(graphs)
    for f in inputs:
        report.filings.append(f.doc_id)
        report.documents += f.documents
        report.claims.update(c.kind for c in f.claims)
    return report


def build_store(
    items: Iterable[Any],
    store: GraphStore,
    progress: Callable[[str], None] | None = None,
) -> BuildReport:
    """Read/extract every input, then resolve and load them into ``store``."""
    report = BuildReport()
    inputs = collect(items, report, progress)
    if inputs:
        load(inputs, store, report)
    return report
