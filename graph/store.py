"""The persistent Oxigraph store: one named graph per filing, bulk loads, export.

Default location: ``$SECGRAPH_HOME/store`` when ``SECGRAPH_HOME`` is set, else
``$XDG_DATA_HOME/secgraph/store``, else ``~/.local/share/secgraph/store``.
``"memory"`` gives an in-memory store (tests, the demo).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.vocab import P, prefixes

MEMORY = "memory"
#: Predicates whose values change from run to run (the time of an extraction run).
VOLATILE = frozenset({P.startedAtTime.value, P.endedAtTime.value})
FORMATS = {
    "nq": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "ttl": ox.RdfFormat.TURTLE,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def default_location() -> Path:
    """Where the store lives unless told otherwise."""
    home = os.environ.get("SECGRAPH_HOME")
    if home:
        return Path(home).expanduser() / "store"
    data = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data).expanduser() / "secgraph" / "store"


class GraphStore:
    """A pyoxigraph store holding one named graph per filing.

    Args:
        location: a directory, ``"memory"``, or None for :func:`default_location`.
    """

    def __init__(self, location: str | os.PathLike[str] | None = None) -> None:
        if location is not None and str(location) == MEMORY:
            self.path: Path | None = None
            self.store = ox.Store()
        else:
            self.path = Path(location).expanduser() if location is not None else default_location()
            self.path.mkdir(parents=True, exist_ok=True)
            self.store = ox.Store(str(self.path))

    # -- writing ----------------------------------------------------------------
    def replace_graphs(self, graphs: dict[str, list[ox.Quad]]) -> int:
        """Replace each named graph by its new quads (bulk path); returns quads written."""
        for name in graphs:
            node = ox.NamedNode(name)
            if self.store.contains_named_graph(node):
                self.store.remove_graph(node)
        quads = [q for qs in graphs.values() for q in qs]
        self.store.bulk_extend(quads)
        self.flush()
        return len(quads)

    def bulk_extend(self, quads: Iterable[ox.Quad]) -> None:
        """Add quads without a transaction (fast; call :meth:`flush` after)."""
        self.store.bulk_extend(quads)

    def rewrite(self, old: str, new: str) -> int:
        """Replace IRI ``old`` by ``new`` in every graph (merged entities, ingested stubs)."""
        o, n = ox.NamedNode(old), ox.NamedNode(new)
        hits = set(self.store.quads_for_pattern(o, None, None, None))
        hits |= set(self.store.quads_for_pattern(None, None, o, None))
        for q in hits:
            self.store.remove(q)
        for q in hits:
            s = n if q.subject == o else q.subject
            obj = n if q.object == o else q.object
            self.store.add(ox.Quad(s, q.predicate, obj, q.graph_name))
        return len(hits)

    def flush(self) -> None:
        """Write buffers to disk (a no-op in memory)."""
        if self.path is not None:
            self.store.flush()

    def close(self) -> None:
        """Flush and release the store (the directory can then be reopened)."""
        self.flush()
        del self.store

    # -- reading ----------------------------------------------------------------
    def query(self, sparql: str, *, union: bool = False) -> Any:
        """Run SPARQL with the project's prefixes; ``union`` makes the default graph all graphs."""
        return self.store.query(sparql, prefixes=prefixes(), use_default_graph_as_union=union)

    def update(self, sparql: str) -> None:
        """Run a SPARQL update with the project's prefixes."""
        head = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in prefixes().items())
        self.store.update(head + sparql)

    def __len__(self) -> int:
        return len(self.store)

    def graphs(self) -> list[str]:
        """The named graphs' IRIs, sorted."""
        return sorted(g.value for g in self.store.named_graphs() if isinstance(g, ox.NamedNode))

    def quads(self) -> Iterable[ox.Quad]:
        """Every quad."""
        return self.store.quads_for_pattern(None, None, None, None)

    def canonical_lines(self, *, volatile: bool = False) -> list[str]:
        """Sorted N-Quads lines; without the run times unless ``volatile``."""
        lines = []
        for q in self.quads():
            if not volatile and q.predicate.value in VOLATILE:
                continue
            lines.append(str(q) + " .")
        lines.sort()
        return lines

    def canonical_hash(self, *, volatile: bool = False) -> str:
        """SHA-256 of the sorted N-Quads (no blank nodes are ever written, so this is canonical).

        Run times (``prov:startedAtTime``) are left out unless ``volatile``: they are
        the only thing that differs between two builds of the same input (set
        ``SOURCE_DATE_EPOCH`` to fix them too).
        """
        h = hashlib.sha256()
        for line in self.canonical_lines(volatile=volatile):
            h.update(line.encode("utf-8"))
            h.update(b"\n")
        return h.hexdigest()

    def index(self, exclude: Iterable[str] = ()) -> dict[str, str]:
        """Identity keys already in the store, for resolving a new batch against it.

        Each query returns distinct (entity, key) pairs rather than one row per named graph
        that repeats them, and starts from its most selective pattern: at 10M quads this took
        7 s per batch of 500 filings, a third of the load time, growing with the store.

        Args:
            exclude: named graphs to leave out (those the batch is about to replace).
        """
        from graph.normalize import norm_text
        from graph.resolve import stub_key

        skip = [g for g in sorted(set(exclude)) if self.store.contains_named_graph(ox.NamedNode(g))]
        # Rows stated only in the graphs being replaced do not count (a hash anti-join).
        minus = f"MINUS {{ VALUES ?g {{ {' '.join(f'<{g}>' for g in skip)} }} }}" if skip else ""

        def rows(body: str, *names: str) -> list[tuple[str | None, ...]]:
            found = self.query(
                f"SELECT DISTINCT {' '.join('?' + n for n in names)} WHERE {{ {body} {minus} }}"
            )
            out = [tuple(r[n].value if r[n] is not None else None for n in names) for r in found]
            return sorted(out, key=lambda t: tuple(x or "" for x in t))

        out: dict[str, str] = {}
        for e, scheme, value in rows(
            """VALUES ?scheme { "cik" "irs_ein" "commission_file_number" }
               GRAPH ?g { ?i sg:identifierScheme ?scheme . ?e sg:hasIdentifier ?i .
                          ?i sg:identifierValue ?value }""",
            "e",
            "scheme",
            "value",
        ):
            out.setdefault(f"{scheme}:{norm_text(value)}", e)
        for e, n in rows(
            """VALUES ?c { sg:LegalEntity sg:Corporation sg:Fund sg:Bank sg:GovernmentAgency
                           sg:LimitedPartnership }
               GRAPH ?g { ?e a ?c . ?e sg:normalizedName ?n }""",
            "e",
            "n",
        ):
            out.setdefault(f"name:{n}", e)
        for f, form, num, date, stub in rows(
            """GRAPH ?g { ?f sg:fileNumber ?num ; a sg:Filing ; sg:formTypeText ?form ;
                          sg:filedDate ?date }
               LATERAL { OPTIONAL { GRAPH ?g { ?f sg:isStub ?stub } } }""",
            "f",
            "form",
            "num",
            "date",
            "stub",
        ):
            key = stub_key(form, num, date)
            out.setdefault(("stubnode:" if stub == "true" else "stub:") + key, f)
        return out

    def dump(self, fmt: str, output: Any = None) -> bytes | None:
        """Serialise: ``nq``/``trig`` keep the named graphs; ``ttl``/``nt``/``jsonld`` the union."""
        f = FORMATS[fmt]
        if fmt in ("nq", "trig"):
            kw = {"prefixes": prefixes()} if fmt == "trig" else {}
            return self.store.dump(output, format=f, **kw)
        union = ox.Store()
        union.bulk_extend(ox.Quad(q.subject, q.predicate, q.object) for q in self.quads())
        kw = {"prefixes": prefixes()} if fmt in ("ttl", "jsonld") else {}
        return union.dump(output, format=f, from_graph=ox.DefaultGraph(), **kw)
