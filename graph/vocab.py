"""Ontology terms as pyoxigraph nodes, and the prefixes every query is parsed with.

Every IRI comes from ``ontology``: this module only converts rdflib terms to
pyoxigraph ones (and caches them), so a misspelt term still raises.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pyoxigraph as ox
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SKOS, XSD

import ontology
from ontology import ID, OA, PROV, SG


class _Terms:
    """Attribute access to a namespace's terms as ``pyoxigraph.NamedNode``."""

    def __init__(self, ns: Any) -> None:
        self._ns = ns
        self._cache: dict[str, ox.NamedNode] = {}

    def __getattr__(self, name: str) -> ox.NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        node = self._cache.get(name)
        if node is None:
            node = ox.NamedNode(str(self._ns[name]))
            self._cache[name] = node
        return node


S = _Terms(SG)
P = _Terms(PROV)
A = _Terms(OA)
R = _Terms(RDF)
D = _Terms(DCTERMS)
K = _Terms(SKOS)
X = _Terms(XSD)
TYPE = R.type


@lru_cache(maxsize=1)
def prefixes() -> dict[str, str]:
    """Prefix -> namespace IRI for SPARQL and serialisation (``sg``, ``id``, ``prov``...)."""
    return {
        "sg": str(SG),
        "id": str(ID),
        "prov": str(PROV),
        "oa": str(OA),
        "rdf": str(RDF),
        "rdfs": str(RDFS),
        "xsd": str(XSD),
        "owl": str(OWL),
        "skos": str(SKOS),
        "dcterms": str(DCTERMS),
    }


def concept(kind: str, value: str) -> ox.NamedNode | None:
    """The SKOS concept of a form type (``kind="form"``) or an 8-K item (``"item"``)."""
    fn = getattr(ontology, "form_type_concept" if kind == "form" else "form_item_concept", None)
    if fn is None:
        return None
    try:
        term = fn(value)
    except (KeyError, ValueError, AttributeError):
        return None
    return ox.NamedNode(str(term)) if term is not None else None


def lit(value: Any, datatype: str | None = None) -> ox.Literal:
    """A literal: ``date``, ``decimal``, ``integer``, ``boolean``, ``dateTime`` or plain string."""
    if datatype is None:
        return ox.Literal(str(value))
    if datatype == "decimal":
        return ox.Literal(_decimal(value), datatype=X.decimal)
    if datatype == "boolean":
        return ox.Literal("true" if value else "false", datatype=X.boolean)
    return ox.Literal(str(value), datatype=getattr(X, datatype))


def _decimal(value: Any) -> str:
    text = format(value, "f") if isinstance(value, float) else str(value)
    text = text.replace(",", "").strip()
    if "." in text:
        text = text.rstrip("0").rstrip(".") or "0"
    return text
