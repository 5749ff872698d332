"""Canned SPARQL queries (``graph/queries/*.rq``): loading, parameters, results.

Each ``.rq`` file starts with a comment header: the first lines say what it
answers, and one ``# @param NAME TYPE DEFAULT DESCRIPTION`` line per
parameter (TYPE one of ``string``, ``date``, ``decimal``, ``integer``, ``iri``;
DEFAULT a JSON value). In the body, ``$NAME`` stands for the parameter's
value. Prefixes (``sg:``, ``id:``, ``prov:``, ``oa:``, ``dcterms:``...) come
from the ontology, so the files hold no namespace IRIs.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from graph.vocab import prefixes

QUERY_DIR = Path(__file__).with_name("queries")
_PARAM = re.compile(r'^#\s*@param\s+(\w+)\s+(\w+)\s+("(?:[^"\\]|\\.)*"|\S+)\s*(.*)$')
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = {
    _XSD + t for t in ("integer", "int", "long", "nonNegativeInteger", "positiveInteger")
}


class QueryError(ValueError):
    """A query that cannot be found, parameterised or run."""


@dataclass
class Param:
    """One declared parameter of a canned query."""

    name: str
    type: str
    default: Any
    help: str = ""


@dataclass
class CannedQuery:
    """A query file: its name, description, parameters and body."""

    name: str
    text: str
    description: str = ""
    params: dict[str, Param] = field(default_factory=dict)

    def render(self, values: dict[str, Any] | None = None) -> str:
        """The SPARQL with ``$name`` placeholders replaced by SPARQL terms."""
        values = dict(values or {})
        unknown = set(values) - set(self.params)
        if unknown:
            raise QueryError(
                f"query {self.name!r} has no parameter {', '.join(sorted(unknown))}; "
                f"it takes: {', '.join(self.params) or 'none'}"
            )

        def term(m: re.Match[str]) -> str:
            p = self.params.get(m.group(1))
            if p is None:
                return m.group(0)
            return sparql_term(values.get(p.name, p.default), p.type, p.name)

        return re.sub(r"\$(\w+)", term, self.text)


def sparql_term(value: Any, kind: str, name: str = "value") -> str:
    """``value`` written as a SPARQL term of the declared ``kind``."""
    try:
        if kind == "string":
            return json.dumps(str(value), ensure_ascii=False)
        if kind == "date":
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
                raise ValueError
            return f'"{value}"^^xsd:date'
        if kind == "decimal":
            return f'"{Decimal(str(value))}"^^xsd:decimal'
        if kind == "integer":
            return str(int(value))
        if kind == "iri":
            if not value:
                return "<urn:secgraph:none>"
            if re.search(r"[\s<>\"{}|^`\\]", str(value)):
                raise ValueError
            return f"<{value}>"
    except (ValueError, ArithmeticError):
        raise QueryError(f"parameter {name!r}: {value!r} is not a valid {kind}") from None
    raise QueryError(f"parameter {name!r} has unknown type {kind!r}")


def parse_query(name: str, text: str) -> CannedQuery:
    """Read a query file's comment header."""
    lines, params = [], {}
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        m = _PARAM.match(line)
        if m:
            pname, ptype, default, help_ = m.groups()
            params[pname] = Param(pname, ptype, json.loads(default), help_.strip())
        else:
            lines.append(line.lstrip("#").strip())
    return CannedQuery(name, text, " ".join(x for x in lines if x), params)


@cache
def canned() -> dict[str, CannedQuery]:
    """Every query of ``graph/queries/``, by name (file stem)."""
    return {
        p.stem: parse_query(p.stem, p.read_text("utf-8")) for p in sorted(QUERY_DIR.glob("*.rq"))
    }


def get(name: str) -> CannedQuery:
    """A canned query by name."""
    try:
        return canned()[name]
    except KeyError:
        names = ", ".join(n for n in canned() if not n.startswith("facts-"))
        raise QueryError(f"no canned query {name!r}; known: {names}") from None


def python_value(term: Any) -> Any:
    """A result term as a plain Python value (numbers, strings, IRIs as strings)."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt in _INTEGER_TYPES:
            return int(term.value)
        if dt in (_XSD + "decimal", _XSD + "double", _XSD + "float"):
            d = Decimal(term.value)
            return int(d) if d == d.to_integral_value() else float(d)
        if dt == _XSD + "boolean":
            return term.value == "true"
        return term.value
    return term.value


def rows(result: Any) -> tuple[list[str], list[dict[str, Any]]]:
    """Columns and rows (dicts of Python values) of a SELECT, ASK or CONSTRUCT result."""
    if isinstance(result, ox.QueryBoolean):
        return ["result"], [{"result": bool(result)}]
    if isinstance(result, ox.QuerySolutions):
        cols = [v.value for v in result.variables]
        return cols, [{c: python_value(sol[c]) for c in cols} for sol in result]
    cols = ["subject", "predicate", "object"]
    return cols, [
        {
            "subject": t.subject.value,
            "predicate": t.predicate.value,
            "object": python_value(t.object),
        }
        for t in result
    ]


def compact(value: Any) -> Any:
    """An IRI shortened with the project's prefixes (for display)."""
    if isinstance(value, str) and "://" in value:
        for p, ns in prefixes().items():
            if value.startswith(ns) and re.fullmatch(r"[\w\-./%]*", value[len(ns) :]):
                return f"{p}:{value[len(ns) :]}"
    return value
