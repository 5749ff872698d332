"""Generate ``ontology/_namespace.py``, the closed namespace ``SG``, from the Turtle.

Usage::

    python -m ontology.generate          # rewrite ontology/_namespace.py
    python -m ontology.generate --check  # exit 1 if it is stale

Every ``sg:`` class, property and concept scheme becomes an annotated attribute
of ``SG`` (a comment gives the start of its definition); SKOS concepts, whose
local names are not Python identifiers (``form-8-A-A``, ``item-2.01``), go to
``_extras`` and are reached as ``SG["form-8-A-A"]``. The output depends only on
the Turtle, so regenerating is a no-op when nothing changed.
"""

from __future__ import annotations

import argparse
import keyword
import sys
import textwrap
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, SKOS

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "secgraph.ttl"
TARGET = HERE / "_namespace.py"
NAMESPACE = "https://w3id.org/secgraph/ontology#"
ONTOLOGY_IRI = URIRef("https://w3id.org/secgraph/ontology")

#: Kinds of declared terms, in the order the generated class lists them.
SECTIONS: tuple[tuple[URIRef, str], ...] = (
    (OWL.Class, "Classes"),
    (OWL.ObjectProperty, "Object properties"),
    (OWL.DatatypeProperty, "Datatype properties"),
    (OWL.AnnotationProperty, "Annotation properties"),
    (SKOS.ConceptScheme, "Concept schemes"),
)
LINE_LENGTH = 100

HEADER = '''"""The secgraph vocabulary as a closed rdflib namespace.

GENERATED from ontology/secgraph.ttl by ``python -m ontology.generate``: do not edit.
A term that the ontology does not declare raises ``AttributeError`` (``SG.Holdng``).
SKOS concepts (form types, 8-K items) are reached by item: ``SG["form-8-A-A"]``.
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef


class SG(DefinedNamespace):
'''


def local_name(term: URIRef) -> str | None:
    """The local name of ``term`` in the sg: namespace, else None."""
    text = str(term)
    return text[len(NAMESPACE) :] if text.startswith(NAMESPACE) else None


def _summary(graph: Graph, term: URIRef, width: int) -> str:
    """The definition of ``term`` cut to ``width`` characters, on one line."""
    definition = graph.value(term, SKOS.definition) or ""
    text = " ".join(str(definition).split())
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def _is_attribute(name: str) -> bool:
    return name.isidentifier() and not keyword.iskeyword(name) and not name.startswith("_")


def render(graph: Graph) -> str:
    """The source of ``_namespace.py`` for the ontology in ``graph``.

    Args:
        graph: the parsed ``secgraph.ttl``.

    Returns:
        Python source text, formatted as ``ruff format`` leaves it.
    """
    version = graph.value(ONTOLOGY_IRI, OWL.versionInfo) or Literal("unversioned")
    out = [HEADER]
    out.append(f'    """secgraph ontology {version}: {NAMESPACE}"""\n\n')
    out.append("    _fail = True\n")
    out.append(f'    _NS = Namespace("{NAMESPACE}")\n')
    for kind, heading in SECTIONS:
        names = sorted(
            (name, term)
            for term in graph.subjects(RDF.type, kind)
            if isinstance(term, URIRef) and (name := local_name(term)) and _is_attribute(name)
        )
        if not names:
            continue
        out.append(f"\n    # {heading}\n")
        for name, term in names:
            prefix = f"    {name}: URIRef  # "
            out.append(prefix + _summary(graph, term, LINE_LENGTH - len(prefix)) + "\n")
    extras = sorted(
        {
            name
            for term in graph.subjects(RDF.type, SKOS.Concept)
            if isinstance(term, URIRef) and (name := local_name(term))
        }
    )
    if extras:
        out.append("\n    # SKOS concepts: local names that are not Python identifiers\n")
        out.append("    _extras = (\n")
        out.extend(f'        "{name}",\n' for name in extras)
        out.append("    )\n")
    return "".join(out)


def generate(source: Path = SOURCE) -> str:
    """Parse ``source`` and render the namespace module for it."""
    return render(Graph().parse(source, format="turtle"))


def main(argv: list[str] | None = None) -> int:
    """Rewrite ``_namespace.py``, or with ``--check`` report whether it is stale."""
    parser = argparse.ArgumentParser(description=textwrap.dedent(__doc__ or "").split("\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if the module is stale")
    args = parser.parse_args(argv)
    text = generate()
    current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
    if args.check:
        if current != text:
            print(f"{TARGET.name} is stale: run python -m ontology.generate", file=sys.stderr)
            return 1
        return 0
    if current != text:
        TARGET.write_text(text, encoding="utf-8")
        print(f"wrote {TARGET}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
