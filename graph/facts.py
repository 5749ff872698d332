"""The facts view (``../shared/spec/facts.md``), read from the graph by SPARQL.

One query per kind (``graph/queries/facts-<kind>.rq``) gives the kind's
fields; ``facts-evidence.rq`` gives the evidence spans of every fact node in
its named graph. Nothing here looks at claims: a fact not in the graph is not
in the view.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from graph import sparql
from graph.store import GraphStore

#: Fields of each kind, in the spec's order (required first).
FIELDS: dict[str, tuple[str, ...]] = {
    "filing": ("doc", "form", "date", "registrant", "amendment_no", "period", "items"),
    "identifier": ("entity", "scheme", "value"),
    "incorporation": ("entity", "jurisdiction", "org_form"),
    "address": ("entity", "text", "street", "city", "region", "postal_code"),
    "role": ("person", "role", "organization", "since", "until"),
    "signed": ("doc", "signer", "date", "title", "on_behalf_of"),
    "agreement": ("name", "date", "parties"),
    "amends": ("amendment", "amended", "number", "date", "amended_date"),
    "owns": ("owner", "issuer", "security_class", "shares", "percent", "as_of", "check"),
    "ownership_limit": ("holder", "issuer", "percent", "effect", "agreement", "replaces"),
    "member": ("member", "group"),
    "exhibit": (
        "doc",
        "number",
        "title",
        "source_form",
        "source_number",
        "source_filed",
        "source_exhibit",
        "source_amendment_no",
    ),
    "registers": ("doc", "security_class", "section"),
    "event": ("doc", "type", "date", "subject"),
}
KINDS = tuple(FIELDS)
_LISTS = {"items", "parties"}
_STRINGS = {"source_exhibit", "source_number", "value", "title", "text"}


def _natural(text: str) -> list[Any]:
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", text)]


def _value(kind: str, field: str, value: Any) -> Any:
    if field in _LISTS:
        return sorted((v for v in str(value).split("\t") if v), key=_natural) if value else None
    if value is not None and (field in _STRINGS or (field == "number" and kind == "exhibit")):
        return str(value)
    return value


def evidence_index(store: GraphStore) -> dict[tuple[str, str], list[dict[str, Any]]]:
    """Evidence spans by (fact node, named graph), sorted by position."""
    out: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    _, rows = sparql.rows(store.query(sparql.get("facts-evidence").text))
    for r in rows:
        out[(r["fact"], r["g"])].append(
            {"doc": r["doc"], "start": r["start"], "end": r["end"], "text": r["text"]}
        )
    for spans in out.values():
        spans.sort(key=lambda e: (e["doc"], e["start"], e["end"]))
    return out


def facts(
    store: GraphStore, doc: str | None = None, kinds: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """The facts view: one dict per fact, ``kind`` first and ``evidence`` last.

    Args:
        store: the built store.
        doc: only the facts of this filing id.
        kinds: only these kinds (default: all).
    """
    evidence = evidence_index(store)
    out: list[dict[str, Any]] = []
    for kind in kinds or KINDS:
        _, rows = sparql.rows(store.query(sparql.get(f"facts-{kind}").text))
        for r in rows:
            if doc is not None and r["doc"] != doc:
                continue
            fact: dict[str, Any] = {"kind": kind}
            for name in FIELDS[kind]:
                v = _value(kind, name, r.get(name))
                if v is not None and v != []:
                    fact[name] = v
            if "doc" not in fact and r.get("doc"):
                fact["doc"] = r["doc"]
            spans = evidence.get((r["fact"], r["g"]))
            if spans:
                fact["evidence"] = spans
            out.append(fact)
    out.sort(key=lambda f: (f.get("doc", ""), KINDS.index(f["kind"]), _sort_key(f)))
    return out


def _sort_key(fact: dict[str, Any]) -> str:
    return json.dumps({k: v for k, v in fact.items() if k != "evidence"}, sort_keys=True)


def to_jsonl(rows: Iterable[dict[str, Any]]) -> str:
    """JSON Lines, one fact a line (non-ASCII kept as is)."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
