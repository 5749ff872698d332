"""Canned SPARQL queries (``graph/queries/*.rq``): loading, parameters, results.

Each ``.rq`` file starts with a comment header: the first lines say what it
answers, and one ``# @param NAME TYPE DEFAULT DESCRIPTION`` line per
parameter (TYPE one of ``string``, ``date``, ``decimal``, ``integer``, ``iri``;
DEFAULT a JSON value). In the body, ``$NAME`` stands for the parameter's
value. Prefixes (``sg:``, ``id:``, ``prov:``, ``oa:``, ``dcterms:``...) come
from the ontology, so the files hold no namespace IRIs.

Looking things up fast: a query finds the entity (or filing, or quote) a string
parameter names first, then follows links from it. Three derived placeholders
of a ``string`` parameter ``NAME`` serve that:

* ``$NAME_keys``: the exact forms to look up, as literals for ``VALUES``: the
  value as given, lower-cased, and its normalised forms (``norm_text``,
  ``norm_org``), so that ``?x sg:normalizedName ?k`` or ``?f dcterms:identifier ?k``
  is an index lookup. Nothing when the value is empty.
* ``$NAME_fuzzy``: ``true`` in the fallback pass (below) when the value is not
  empty, else ``false``: it guards the branch that scans for the value as a
  case-insensitive substring. Oxigraph folds ``FILTER(false && ...)`` away, so the
  first pass never scans.
* ``$NAME_all``: ``true`` when the value is empty ("every ..."), else ``false``.

:meth:`CannedQuery.run` (used by ``KnowledgeGraph.query``) runs the exact pass
first and, when that gives no rows and a ``_fuzzy`` parameter is set, the
substring pass: an exact (normalised) match wins; a part of a name still works.

The canned queries also use ``LATERAL`` (SPARQL SEP-0006, which pyoxigraph 0.4
and 0.5 support) to follow links from what they found, and to read each fact's
optional fields fact by fact: Oxigraph evaluates an ``OPTIONAL`` of more than
one hop (``?h sg:hasEvidence/oa:hasSelector/oa:exact ?q``) over the whole store
before joining it. ``graph/queries/ownership.rq`` shows the pattern.
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

from graph.normalize import norm_org, norm_text
from graph.vocab import prefixes

QUERY_DIR = Path(__file__).with_name("queries")
_PARAM = re.compile(r'^#\s*@param\s+(\w+)\s+(\w+)\s+("(?:[^"\\]|\\.)*"|\S+)\s*(.*)$')
_XSD = "http://www.w3.org/2001/XMLSchema#"
#: Suffixes of the derived placeholders of a string parameter (see the module docstring).
DERIVED = ("keys", "fuzzy", "all")
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

    @property
    def fuzzy_params(self) -> set[str]:
        """Parameters whose ``$NAME_fuzzy`` placeholder the body uses (a substring fallback)."""
        return {n for n in self.params if f"${n}_fuzzy" in self.text}

    def needs_fallback(self, values: dict[str, Any] | None = None) -> bool:
        """Whether a substring pass can differ from the exact one (a ``_fuzzy`` parameter is set)."""
        values = values or {}
        return any(str(values.get(n, self.params[n].default) or "") for n in self.fuzzy_params)

    def render(self, values: dict[str, Any] | None = None, *, fuzzy: bool = False) -> str:
        """The SPARQL with ``$name`` placeholders replaced by SPARQL terms.

        Args:
            values: parameter values (the declared defaults for the rest).
            fuzzy: render the substring pass (``$NAME_fuzzy`` true for set parameters).
        """
        values = dict(values or {})
        unknown = set(values) - set(self.params)
        if unknown:
            raise QueryError(
                f"query {self.name!r} has no parameter {', '.join(sorted(unknown))}; "
                f"it takes: {', '.join(self.params) or 'none'}"
            )

        def term(m: re.Match[str]) -> str:
            name = m.group(1)
            p = self.params.get(name)
            if p is not None:
                return sparql_term(values.get(p.name, p.default), p.type, p.name)
            base, _, suffix = name.rpartition("_")
            p = self.params.get(base)
            if p is None or suffix not in DERIVED:
                return m.group(0)
            value = values.get(base, p.default)
            text = "" if value is None else str(value)
            if suffix == "keys":
                return " ".join(json.dumps(k, ensure_ascii=False) for k in lookup_keys(text))
            if suffix == "fuzzy":
                return "true" if fuzzy and text else "false"
            return "false" if text else "true"

        return re.sub(r"\$(\w+)", term, self.text)

    def run(
        self, store: Any, values: dict[str, Any] | None = None, *, union: bool = False
    ) -> tuple[list[str], list[dict[str, Any]]]:
        """Rows of the exact pass, else (when it has none and may differ) of the substring pass.

        Args:
            store: a :class:`~graph.store.GraphStore`.
            values: parameter values.
            union: make the default graph the union of the named graphs.

        Returns:
            ``(columns, rows)`` as :func:`rows` gives them.
        """
        result = rows(store.query(self.render(values), union=union))
        if not result[1] and self.needs_fallback(values):
            result = rows(store.query(self.render(values, fuzzy=True), union=union))
        return result


def lookup_keys(value: str) -> list[str]:
    """The exact forms under which ``value`` may be stored (for ``$NAME_keys``)."""
    if not value.strip():
        return []
    keys = [value, value.strip(), value.strip().lower(), norm_text(value), norm_org(value)]
    return [k for k in dict.fromkeys(keys) if k]


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
