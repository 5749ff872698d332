"""Name normalisation shared by entity resolution and scoring.

Names are compared case- and punctuation-insensitively, with a leading
article and trailing corporate-form suffixes dropped, and people matched with
or without a middle initial (``../shared/spec/facts.md``). The word lists are
data: ``graph/data/name_suffixes.json``.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_DATA = Path(__file__).with_name("data") / "name_suffixes.json"
_NON_WORD = re.compile(r"[^0-9a-z]+")


@lru_cache(maxsize=1)
def _lists_raw() -> dict:
    return json.loads(_DATA.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _suffix_classes() -> dict[str, str]:
    """Each corporate suffix → its legal-form class (``corp`` → ``inc``)."""
    classes = _lists_raw()["suffix_classes"]
    return {m: cls for cls, members in classes.items() if not cls.startswith("_") for m in members}


@lru_cache(maxsize=1)
def _lists() -> dict[str, tuple[tuple[str, ...], ...]]:
    raw = _lists_raw()
    out = {}
    for key in ("corporate_suffixes", "leading_articles", "person_suffixes", "person_prefixes"):
        # Longest first, so that "l l c" is tried before "c".
        phrases = sorted((tuple(p.split()) for p in raw[key]), key=len, reverse=True)
        out[key] = tuple(phrases)
    return out


def tokens(text: str) -> list[str]:
    """Lower-case word tokens of ``text``; punctuation and accents dropped, ``&`` read as ``and``."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.lower().replace("&", " and ")
    return [t for t in _NON_WORD.split(text) if t]


def norm_text(text: str | None) -> str:
    """Case-, accent- and punctuation-insensitive form of any text."""
    return " ".join(tokens(text or ""))


def _strip_start(toks: list[str], phrases: tuple[tuple[str, ...], ...]) -> list[str]:
    changed = True
    while changed and toks:
        changed = False
        for p in phrases:
            if len(toks) > len(p) and tuple(toks[: len(p)]) == p:
                toks = toks[len(p) :]
                changed = True
                break
    return toks


def _strip_end(toks: list[str], phrases: tuple[tuple[str, ...], ...]) -> list[str]:
    changed = True
    while changed and toks:
        changed = False
        for p in phrases:
            if len(toks) > len(p) and tuple(toks[-len(p) :]) == p:
                toks = toks[: -len(p)]
                changed = True
                break
    return toks


def norm_org(name: str | None) -> str:
    """Normalised organisation name: ``"The Acme Corp."`` -> ``"acme"``."""
    lists = _lists()
    toks = _strip_start(tokens(name or ""), lists["leading_articles"])
    toks = _strip_end(toks, lists["corporate_suffixes"])
    return " ".join(toks)


def org_identity_key(name: str | None) -> str:
    """The key under which two organisation names are the same legal entity (resolution).

    Stricter than :func:`norm_org`: only the outermost corporate suffix is dropped and
    its legal-form class is kept, so ``"Acme Corp."`` and ``"ACME CORPORATION"`` agree
    but ``"Acme Limited"``, ``"Acme, Inc. Limited"`` (subsidiaries) and ``"Acme, Inc."``
    do not. ``"& Co."`` ends a name rather than giving its form.
    """
    lists = _lists()
    toks = _strip_start(tokens(name or ""), lists["leading_articles"])
    form = ""
    for p in lists["corporate_suffixes"]:
        if len(toks) > len(p) and tuple(toks[-len(p) :]) == p:
            if p == ("co",) and toks[-2] == "and":
                break
            suffix = " ".join(p)
            toks, form = toks[: -len(p)], _suffix_classes().get(suffix, suffix)
            break
    return " ".join(toks) + "|" + form


def norm_person(name: str | None, keep_initials: bool = False) -> str:
    """Normalised person name, middle initials and honorifics dropped.

    ``"Mr. John Q. Public, Jr."`` and ``"John Public"`` give the same key;
    with ``keep_initials``, ``"john q public"``.
    """
    lists = _lists()
    toks = _strip_start(tokens(name or ""), lists["person_prefixes"])
    toks = _strip_end(toks, lists["person_suffixes"])
    if len(toks) > 2 and not keep_initials:
        toks = [toks[0], *(t for t in toks[1:-1] if len(t) > 1), toks[-1]]
    return " ".join(toks)


def name_key(name: str | None) -> str:
    """The key under which two names of unknown kind are the same (used in scoring).

    Organisation rules first, then single-letter middle tokens dropped, so that
    a person with and without a middle initial compares equal.
    """
    toks = norm_org(name).split()
    if len(toks) > 2:
        toks = [toks[0], *(t for t in toks[1:-1] if len(t) > 1), toks[-1]]
    return " ".join(toks)


def norm_key(name: str | None, kind: str | None = None) -> str:
    """Normalised name for resolution: person rules for people, organisation rules otherwise."""
    if kind == "person":
        return norm_person(name)
    return norm_org(name)


def best_name(names: list[str] | tuple[str, ...] | set[str]) -> str:
    """The best (longest, most formal) of several names; ties broken by mixed case then order."""
    candidates = [n for n in names if n and n.strip()]
    if not candidates:
        return ""

    def score(n: str) -> tuple[int, int, int, str]:
        mixed = int(not n.isupper() and not n.islower())
        generic = int(norm_text(n) in {"the company", "the registrant", "company", "registrant"})
        return (-generic, len(n.strip()), mixed, n)

    return max(candidates, key=score).strip()
