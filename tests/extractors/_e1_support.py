"""Shared by the header, defined-terms, signature and event tests: read and extract each filing once."""

from __future__ import annotations

from extractors.claims import Claim, Mention
from extractors.pipeline import FilingContext
from tests.extractors.support import context, filing, path_of  # noqa: F401

#: The components under test and those they read from (ctx.filer, ctx.aliases, ctx.state).
COMPONENTS = (
    "secgraph_header_v1",
    "secgraph_defined_terms_v1",
    "secgraph_signatures_v1",
    "secgraph_events_v1",
)


def run(name: str) -> FilingContext:
    """The filing's context after the four components ran (claims, aliases, state)."""
    return context(name, COMPONENTS)


def claims(name: str, kind: str | None = None, component: str | None = None) -> list[Claim]:
    return [
        c
        for c in run(name).claims
        if (kind is None or c.kind == kind)
        and (component is None or c.provenance.component == component)
    ]


def name_of(x: object) -> object:
    return x.name if isinstance(x, Mention) else x
