"""Shared by the holdings and roles tests: read and extract each filing once (full pipeline)."""

from __future__ import annotations

from functools import cache

from extractors.claims import Claim, Mention
from tests.extractors.support import claims as all_claims
from tests.extractors.support import filing, path_of  # noqa: F401


@cache
def claims(name: str) -> tuple[Claim, ...]:
    """Every claim of the whole pipeline on a filing (other components give aliases and the filer)."""
    return all_claims(name)


def mine(name: str, component: str, kind: str | None = None) -> list[Claim]:
    """The claims one component made, optionally of one kind."""
    return [c for c in claims(name) if c.provenance.component == component and (kind is None or c.kind == kind)]


def nm(x) -> str | None:
    return x.name if isinstance(x, Mention) else x


def key(name: str) -> str:
    """Loose name key for assertions: lower case, punctuation and single initials dropped."""
    import re

    toks = [t for t in re.findall(r"[a-z0-9]+", name.lower()) if len(t) > 1 or t.isdigit()]
    return " ".join(toks)
