"""Shared by the header, defined-terms, signature and event tests: read and extract each filing once."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from extractors.claims import Claim, Mention
from extractors.filing import Filing
from extractors.pipeline import FilingContext, load_pipeline, make_docs
from extractors.reader import read_filing
from tests.conftest import CORPUS, SEEDS

#: The components under test and those they read from (ctx.filer, ctx.aliases, ctx.state).
COMPONENTS = (
    "secgraph_header_v1",
    "secgraph_defined_terms_v1",
    "secgraph_signatures_v1",
    "secgraph_events_v1",
)


def path_of(name: str) -> Path:
    """A seed or corpus file by its name."""
    return SEEDS / name if (SEEDS / name).exists() else CORPUS / name


@cache
def filing(name: str) -> Filing:
    return read_filing(path_of(name))


@cache
def run(name: str) -> FilingContext:
    """The filing's context after the four components ran (claims, aliases, state)."""
    nlp = load_pipeline(COMPONENTS)
    fl = filing(name)
    ctx = FilingContext(fl, fl.doc_id)
    docs = make_docs(nlp, ctx)
    for _name, proc in nlp.pipeline:
        begin = getattr(proc, "begin_filing", None)
        if begin:
            begin(ctx)
        for doc in docs:
            proc(doc)
        end = getattr(proc, "end_filing", None)
        if end:
            end(ctx)
    return ctx


def claims(name: str, kind: str | None = None, component: str | None = None) -> list[Claim]:
    return [
        c
        for c in run(name).claims
        if (kind is None or c.kind == kind)
        and (component is None or c.provenance.component == component)
    ]


def name_of(x: object) -> object:
    return x.name if isinstance(x, Mention) else x
