"""secgraph's knowledge graph: resolve claims, map them to RDF, store, query.

``from graph import build`` gives a :class:`~graph.kg.KnowledgeGraph`::

    kg = build(["filings/"], store="memory")
    kg.query("amendment-chain", agreement="Rights Agreement")
    kg.facts()
    kg.to_networkx()
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version
from typing import Any

try:
    __version__ = version("secgraph")
except PackageNotFoundError:  # running from a checkout
    __version__ = "0.1.0"


def build(paths_or_filings: Any, store: Any = "memory", **kwargs: Any) -> Any:
    """Build (or add to) a knowledge graph from files, folders, filings or claims.

    Args:
        paths_or_filings: a path, a ``Filing``, a ``FilingInput``, or a list of them.
        store: ``"memory"`` (default), a directory for a persistent store, or None
            for the default location (see :func:`graph.store.default_location`).
        **kwargs: passed to :meth:`graph.kg.KnowledgeGraph.open`.

    Returns:
        The :class:`~graph.kg.KnowledgeGraph`; its ``report`` says what was built.
    """
    from graph.kg import KnowledgeGraph

    kg = KnowledgeGraph.open(store, **kwargs)
    kg.add(paths_or_filings)
    return kg


__all__ = ["__version__", "build"]
