"""secgraph's vocabulary: namespaces, the ontology and shapes graphs, concept helpers.

This package is the one place where secgraph IRIs are born; graph code imports
them from here and writes no IRI strings of its own.

- ``SG``: the vocabulary ``https://w3id.org/secgraph/ontology#``, a closed
  namespace generated from ``secgraph.ttl`` (``SG.Holdng`` raises).
- ``ID``: the data namespace ``https://w3id.org/secgraph/id/`` for entities,
  filings, facts and evidence.
- ``OA`` (closed, W3C Web Annotation), ``PROV``, ``SKOS``, ``SCHEMA`` ... : the
  standard namespaces the graph writes with; ``PREFIXES`` binds them all.

Concept IRIs live in the ``sg:`` namespace and are deterministic:

- form type: ``sg:form-`` + the form in upper case, each run of characters other
  than ``A-Z``/``0-9`` replaced by ``-``: ``"8-A/A"`` -> ``sg:form-8-A-A``,
  ``"SC 13D/A"`` -> ``sg:form-SC-13D-A``, ``"DEF 14A"`` -> ``sg:form-DEF-14A``.
- 8-K item: ``sg:item-`` + the item number: ``"5"`` -> ``sg:item-5`` (before
  August 2004), ``"2.01"`` -> ``sg:item-2.01``; ``"Item 2.01."`` and ``"2.1"``
  give ``sg:item-2.01`` too.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import (
    DCTERMS,
    FOAF,
    ORG,
    OWL,
    PROV,
    RDF,
    RDFS,
    SDO,
    SH,
    SKOS,
    VANN,
    XSD,
    DefinedNamespace,
)

from ontology._namespace import SG

__all__ = [
    "DCTERMS",
    "FOAF",
    "ID",
    "OA",
    "ONTOLOGY_PATH",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SG",
    "SH",
    "SHAPES_PATH",
    "SKOS",
    "VANN",
    "XSD",
    "bind_prefixes",
    "form_item_concept",
    "form_type_concept",
    "load_ontology",
    "load_shapes",
    "validate",
]

HERE = Path(__file__).resolve().parent
ONTOLOGY_PATH = HERE / "secgraph.ttl"
SHAPES_PATH = HERE / "shapes.ttl"

#: Data namespace: IRIs of entities, filings, fact nodes and evidence.
ID = Namespace("https://w3id.org/secgraph/id/")
#: schema.org, as rdflib spells it (https).
SCHEMA = SDO
#: The open form of ``SG``: concept IRIs for forms outside the scheme.
_SG_OPEN = Namespace(str(SG))


class OA(DefinedNamespace):
    """W3C Web Annotation Vocabulary (closed): http://www.w3.org/ns/oa#"""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/oa#")

    # Classes
    Annotation: URIRef
    Choice: URIRef
    CssSelector: URIRef
    CssStyle: URIRef
    DataPositionSelector: URIRef
    Direction: URIRef
    FragmentSelector: URIRef
    HttpRequestState: URIRef
    Motivation: URIRef
    RangeSelector: URIRef
    ResourceSelection: URIRef
    Selector: URIRef
    SpecificResource: URIRef
    State: URIRef
    Style: URIRef
    SvgSelector: URIRef
    TextPositionSelector: URIRef
    TextQuoteSelector: URIRef
    TextualBody: URIRef
    TimeState: URIRef
    XPathSelector: URIRef
    # Properties
    annotationService: URIRef
    bodyValue: URIRef
    cachedSource: URIRef
    canonical: URIRef
    end: URIRef
    exact: URIRef
    hasBody: URIRef
    hasEndSelector: URIRef
    hasPurpose: URIRef
    hasScope: URIRef
    hasSelector: URIRef
    hasSource: URIRef
    hasStartSelector: URIRef
    hasState: URIRef
    hasTarget: URIRef
    motivatedBy: URIRef
    prefix: URIRef
    processingLanguage: URIRef
    refinedBy: URIRef
    renderedVia: URIRef
    sourceDate: URIRef
    sourceDateEnd: URIRef
    sourceDateStart: URIRef
    start: URIRef
    styleClass: URIRef
    styledBy: URIRef
    suffix: URIRef
    textDirection: URIRef
    via: URIRef
    # Individuals
    PreferBody: URIRef
    PreferContainedDescriptions: URIRef
    PreferContainedIRIs: URIRef
    assessing: URIRef
    bookmarking: URIRef
    classifying: URIRef
    commenting: URIRef
    describing: URIRef
    editing: URIRef
    highlighting: URIRef
    identifying: URIRef
    linking: URIRef
    ltrDirection: URIRef
    moderating: URIRef
    questioning: URIRef
    replying: URIRef
    rtlDirection: URIRef
    tagging: URIRef


#: Prefix -> namespace, for binding in graphs that secgraph writes.
PREFIXES: dict[str, Namespace | type[DefinedNamespace]] = {
    "sg": SG,
    "id": ID,
    "prov": PROV,
    "oa": OA,
    "skos": SKOS,
    "dcterms": DCTERMS,
    "foaf": FOAF,
    "org": ORG,
    "schema": SCHEMA,
    "owl": OWL,
    "rdf": RDF,
    "rdfs": RDFS,
    "xsd": XSD,
    "vann": VANN,
    "sh": SH,
}

_FORM_SEPARATORS = re.compile(r"[^A-Z0-9]+")
_ITEM = re.compile(r"^(?:ITEM\s*)?(\d{1,2})(?:\.(\d{1,2}))?\.?$")


def bind_prefixes(graph: Graph) -> Graph:
    """Bind :data:`PREFIXES` in ``graph`` (replacing other bindings of them) and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, str(namespace), override=True, replace=True)
    return graph


@cache
def _parse(path: Path) -> Graph:
    return Graph().parse(path, format="turtle")


def _copy(graph: Graph) -> Graph:
    copy = Graph()
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace, override=True)
    copy += graph
    return copy


def load_ontology() -> Graph:
    """The ontology ``secgraph.ttl``, parsed once; each call returns a fresh copy."""
    return _copy(_parse(ONTOLOGY_PATH))


def load_shapes() -> Graph:
    """The SHACL shapes ``shapes.ttl``, parsed once; each call returns a fresh copy."""
    return _copy(_parse(SHAPES_PATH))


def validate(data: Graph) -> tuple[bool, Graph, str]:
    """Validate ``data`` against the SHACL shapes, with the ontology's class hierarchy.

    Args:
        data: a secgraph graph (not modified).

    Returns:
        pyshacl's ``(conforms, report graph, report text)``; each result message
        starts with the name of the shape that failed (``"HoldingShape: ..."``).
    """
    import pyshacl  # slow to import: only when validating

    conforms, report, text = pyshacl.validate(
        data, shacl_graph=load_shapes(), ont_graph=load_ontology(), inference="none"
    )
    return bool(conforms), report, str(text)


def _concept(local: str, kind: str, given: str, strict: bool) -> URIRef:
    if local in SG:
        return SG[local]
    if strict:
        raise KeyError(f"{kind} {given!r} is not a concept of the ontology (sg:{local})")
    return _SG_OPEN[local]


def form_type_concept(form: str, *, strict: bool = False) -> URIRef:
    """The sg:FormType concept IRI for a form type as printed or as EDGAR gives it.

    Args:
        form: e.g. ``"8-A/A"``, ``"SC 13D/A"``, ``"def 14a"``.
        strict: raise ``KeyError`` when the form is not in ``sg:FormTypeScheme``;
            otherwise return the IRI the scheme would give it, which graph code
            should then declare (``a sg:FormType; skos:notation ...``).

    Returns:
        e.g. ``sg:form-8-A-A``.

    Raises:
        ValueError: if ``form`` has no letter or digit.
        KeyError: with ``strict``, for a form outside the scheme.
    """
    local = _FORM_SEPARATORS.sub("-", form.upper()).strip("-")
    if not local:
        raise ValueError(f"not a form type: {form!r}")
    return _concept(f"form-{local}", "form type", form, strict)


def form_item_concept(item: str, *, strict: bool = False) -> URIRef:
    """The sg:FormItem concept IRI for a Form 8-K item number.

    Args:
        item: ``"5"`` or ``"12"`` (items before August 2004), ``"2.01"``;
            ``"Item 2.01."`` and ``"2.1"`` (read as 2.01) are accepted.
        strict: raise ``KeyError`` when the item is not in ``sg:FormItemScheme``.

    Returns:
        e.g. ``sg:item-2.01``.

    Raises:
        ValueError: if ``item`` is not an item number.
        KeyError: with ``strict``, for an item outside the scheme.
    """
    match = _ITEM.match(" ".join(item.upper().split()))
    if not match:
        raise ValueError(f"not a Form 8-K item number: {item!r}")
    major, minor = match.groups()
    number = str(int(major)) + (f".{int(minor):02d}" if minor is not None else "")
    return _concept(f"item-{number}", "8-K item", item, strict)
