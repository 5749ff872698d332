"""``KnowledgeGraph``: the Python face of the store (query, facts, networkx, export, SHACL)."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Self

from graph import sparql
from graph.facts import evidence_index
from graph.facts import facts as facts_view
from graph.pipeline import BuildReport, build_store
from graph.store import GraphStore

#: Kind of a node, by rdf:type (local names of sg: classes), most specific first.
_NODE_KINDS = (
    ("Person", "person"),
    ("HolderGroup", "group"),
    ("Fund", "fund"),
    ("LimitedPartnership", "fund"),
    ("Bank", "bank"),
    ("GovernmentAgency", "government"),
    ("Corporation", "company"),
    ("LegalEntity", "organization"),
    ("Amendment", "amendment"),
    ("Agreement", "agreement"),
    ("Filing", "filing"),
    ("SecurityClass", "security"),
)

#: Edge queries for :meth:`KnowledgeGraph.to_networkx`: (edge type, SPARQL body).
#: Each binds ?fact ?g ?src ?dst and optional qualifiers.
_EDGES: dict[str, tuple[str, tuple[str, ...]]] = {
    "owns": (
        """?fact a sg:Holding ; sg:hasOwner ?src ; sg:hasIssuer ?dst .
        OPTIONAL { ?fact sg:shareCount ?shares } OPTIONAL { ?fact sg:percentOfClass ?percent }
        OPTIONAL { ?fact sg:asOfDate ?as_of } OPTIONAL { ?fact sg:ofSecurityClass/sg:name ?security_class }""",
        ("shares", "percent", "as_of", "security_class"),
    ),
    "role": (
        """?fact a sg:Role ; sg:roleHolder ?src ; sg:roleOrganization ?dst ; sg:roleTitle ?role .
        OPTIONAL { ?fact sg:startDate ?since } OPTIONAL { ?fact sg:endDate ?until }""",
        ("role", "since", "until"),
    ),
    "amends": (
        """?fact sg:amends ?dst ; sg:statedIn ?sf . BIND(?fact AS ?src)
        OPTIONAL { ?fact sg:amendmentNumber ?number } OPTIONAL { ?fact sg:effectiveDate ?date }""",
        ("number", "date"),
    ),
    "signed": (
        """?src sg:hasSignature ?fact . ?fact sg:hasSigner ?dst .
        OPTIONAL { ?fact sg:title ?title } OPTIONAL { ?fact sg:signatureDate ?date }
        OPTIONAL { ?fact sg:signedOnBehalfOf/sg:name ?on_behalf_of }""",
        ("title", "date", "on_behalf_of"),
    ),
    "member": ("""?fact rdf:predicate sg:isMemberOf ; rdf:subject ?src ; rdf:object ?dst .""", ()),
    "ownership_limit": (
        """?fact a sg:OwnershipLimit ; sg:limitHolder ?src ; sg:limitIssuer ?dst ;
        sg:thresholdPercent ?percent . OPTIONAL { ?fact sg:replacesPercent ?replaces }
        OPTIONAL { ?fact sg:setBy/sg:name ?agreement } OPTIONAL { ?fact sg:limitEffect ?effect }""",
        ("percent", "replaces", "agreement", "effect"),
    ),
    "party": ("""?dst sg:hasContractParty ?src ; sg:statedIn ?sf . BIND(?dst AS ?fact)""", ()),
}


class KnowledgeGraph:
    """A built knowledge graph over a :class:`~graph.store.GraphStore`.

    Args:
        store: the store to read and write.
    """

    def __init__(self, store: GraphStore) -> None:
        self.store = store
        self.report = BuildReport()

    @classmethod
    def open(cls, location: str | os.PathLike[str] | None = "memory") -> KnowledgeGraph:
        """Open (or create) a store: ``"memory"``, a directory, or None for the default."""
        return cls(GraphStore(location))

    def add(self, items: Any, progress: Callable[[str], None] | None = None) -> BuildReport:
        """Read, extract, resolve and load files, folders, filings or claims."""
        if isinstance(items, str | os.PathLike) or not isinstance(items, list | tuple | set):
            items = [items]
        report = build_store(items, self.store, progress)
        self.report = report
        return report

    def close(self) -> None:
        """Flush and close the store."""
        self.store.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __len__(self) -> int:
        return len(self.store)

    # -- asking --------------------------------------------------------------------
    def query(
        self, name_or_sparql: str, union: bool | None = None, **params: Any
    ) -> list[dict[str, Any]]:
        """Run a canned query by name (with ``params``) or any SPARQL 1.1 text.

        Args:
            name_or_sparql: e.g. ``"ownership"``, a path to an ``.rq`` file, or SPARQL.
            union: make the default graph the union of the filings' graphs (default:
                True for free SPARQL, False for canned queries, which use ``GRAPH``).
            **params: the canned query's parameters, e.g. ``issuer="Acme"``.

        Returns:
            One dict per row (a single ``result`` row for ASK).
        """
        return self.query_table(name_or_sparql, params, union)[1]

    def query_table(
        self, name_or_sparql: str, params: dict[str, Any] | None = None, union: bool | None = None
    ) -> tuple[list[str], list[dict[str, Any]]]:
        """Like :meth:`query`, also returning the column names."""
        q, text, canned = _resolve(name_or_sparql, params or {})
        union = (not canned) if union is None else union
        if q is not None:
            # Exact lookups first; the substring pass only when they find nothing.
            return q.run(self.store, params or {}, union=union)
        return sparql.rows(self.store.query(text, union=union))

    def facts(self, doc: str | None = None) -> list[dict[str, Any]]:
        """The facts view (``../shared/spec/facts.md``), read from the graph."""
        return facts_view(self.store, doc=doc)

    def canonical_hash(self, volatile: bool = False) -> str:
        """SHA-256 of the sorted N-Quads (see :meth:`GraphStore.canonical_hash`)."""
        return self.store.canonical_hash(volatile=volatile)

    def export(self, fmt: str, output: str | os.PathLike[str] | None = None) -> bytes | None:
        """Serialise as ``ttl``, ``trig``, ``nq``, ``nt`` or ``jsonld`` (to a file or bytes)."""
        return self.store.dump(fmt, str(output) if output is not None else None)

    def validate(self) -> tuple[bool, list[dict[str, str]], str]:
        """Run the ontology's SHACL shapes over the union of the graphs.

        Returns:
            ``(conforms, violations, report_text)``; each violation has ``focus``,
            ``path``, ``message`` and ``severity``.
        """
        import pyshacl
        from rdflib import Graph
        from rdflib.namespace import SH

        from ontology import load_ontology, load_shapes

        data = Graph()
        data.parse(data=self.store.dump("nt") or b"", format="nt")
        conforms, results, text = pyshacl.validate(
            data,
            shacl_graph=load_shapes(),
            ont_graph=load_ontology(),
            inference="none",
            allow_warnings=True,
        )
        violations = []
        for r in results.subjects(SH.resultSeverity, None):
            violations.append(
                {
                    "focus": str(results.value(r, SH.focusNode)),
                    "path": str(results.value(r, SH.resultPath) or ""),
                    "message": str(results.value(r, SH.resultMessage) or ""),
                    "severity": str(results.value(r, SH.resultSeverity)).rsplit("#", 1)[-1],
                }
            )
        violations.sort(key=lambda v: (v["severity"], v["focus"], v["path"]))
        return bool(conforms), violations, str(text)

    # -- networkx ------------------------------------------------------------------
    def to_networkx(self) -> Any:
        """Entities as nodes, facts between them as typed edges (a ``networkx.MultiDiGraph``).

        Nodes are keyed by IRI with ``kind`` (person, company, fund, group, bank,
        agreement, amendment, filing...) and ``label`` (the best name). Edges are
        keyed by fact type (``owns``, ``role``, ``amends``, ``signed``, ``member``,
        ``ownership_limit``, ``party``) and carry the fact's qualifiers (shares,
        percent, role, number, date...), ``fact`` (the node's IRI), ``filing``
        (the stating filing's id) and ``evidence`` (the quotes). Built from
        entity-to-entity links only: no classes, no literals as nodes.
        """
        import networkx as nx

        g = nx.MultiDiGraph()
        evidence = evidence_index(self.store)
        for etype, (body, quals) in _EDGES.items():
            cols = " ".join(f"?{q}" for q in quals)
            text = f"""SELECT DISTINCT ?fact ?g ?src ?dst ?filing {cols} WHERE {{ GRAPH ?g {{
                {body}
                OPTIONAL {{ ?g prov:wasDerivedFrom/dcterms:identifier ?filing }} }} }}"""
            _, rows = sparql.rows(self.store.query(text))
            for r in rows:
                attrs = {q: r[q] for q in quals if r.get(q) is not None}
                spans = evidence.get((r["fact"], r["g"]), [])
                g.add_edge(
                    r["src"],
                    r["dst"],
                    key=f"{etype}:{r['fact']}:{r['filing']}",
                    type=etype,
                    fact=r["fact"],
                    filing=r["filing"],
                    evidence=[s["text"] for s in spans],
                    **attrs,
                )
        self._label_nodes(g)
        return g

    def _label_nodes(self, g: Any) -> None:
        # Only the graph's nodes, a thousand at a time (VALUES): labelling every typed node of
        # the store (evidence, selectors, runs...) took seconds at 1M triples.
        info: dict[str, dict[str, Any]] = {}
        nodes = [n for n in g.nodes if isinstance(n, str) and "://" in n]
        for i in range(0, len(nodes), 1000):
            values = " ".join(sparql.sparql_term(n, "iri") for n in nodes[i : i + 1000])
            _, rows = sparql.rows(
                self.store.query(
                    f"""SELECT ?n (SAMPLE(?name) AS ?label)
                         (GROUP_CONCAT(DISTINCT STR(?t); separator=" ") AS ?types)
                   WHERE {{
                     {{ SELECT DISTINCT ?n ?t WHERE {{ VALUES ?n {{ {values} }} GRAPH ?g {{ ?n a ?t }} }} }}
                     LATERAL {{ OPTIONAL {{ SELECT ?n ?name WHERE {{ GRAPH ?g2 {{ ?n sg:name ?name }} }}
                                          LIMIT 1 }} }}
                   }} GROUP BY ?n"""
                )
            )
            info.update((r["n"], r) for r in rows)
        for node in g.nodes:
            r = info.get(node, {})
            types = {t.rsplit("#", 1)[-1] for t in (r.get("types") or "").split()}
            kind = next((k for cls, k in _NODE_KINDS if cls in types), "entity")
            g.nodes[node]["kind"] = kind
            g.nodes[node]["label"] = r.get("label") or node.rsplit("/", 1)[-1]


def resolve_query(name_or_sparql: str, params: dict[str, Any]) -> tuple[str, bool]:
    """The SPARQL text for a canned name, an ``.rq`` file or literal SPARQL; and whether canned."""
    _, text, canned = _resolve(name_or_sparql, params)
    return text, canned


def _resolve(
    name_or_sparql: str, params: dict[str, Any]
) -> tuple[sparql.CannedQuery | None, str, bool]:
    """The parsed query (None for literal SPARQL without parameters), its exact-pass text, and
    whether it is canned."""
    text = name_or_sparql.strip()
    if text and "\n" not in text and " " not in text and not text.endswith(".rq"):
        q = sparql.get(text)
        return q, q.render(params), True
    path = Path(text)
    if text.endswith(".rq") and "\n" not in text:
        if not path.is_file():
            raise sparql.QueryError(f"no query file {text}")
        q = sparql.parse_query(path.stem, path.read_text(encoding="utf-8"))
        return q, q.render(params), True
    if params:
        q = sparql.parse_query("query", text)
        return q, q.render(params), False
    return None, text, False
