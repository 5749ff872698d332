"""Shared by the component tests: read each filing once, run the pipeline once per component set."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from extractors.claims import Claim
from extractors.filing import Filing
from extractors.pipeline import COMPONENTS, FilingContext, extract_context, load_pipeline
from extractors.reader import read_filing
from tests.conftest import CORPUS, SEEDS


def path_of(name: str) -> Path:
    """A seed or corpus file by its name."""
    return SEEDS / name if (SEEDS / name).exists() else CORPUS / name


@cache
def filing(name: str) -> Filing:
    return read_filing(path_of(name))


@cache
def context(name: str, components: tuple[str, ...] = COMPONENTS) -> FilingContext:
    """The filing's context after ``components`` ran (claims, aliases, state)."""
    return extract_context(filing(name), load_pipeline(components))


def claims(name: str, components: tuple[str, ...] = COMPONENTS) -> tuple[Claim, ...]:
    return tuple(context(name, components).claims)
