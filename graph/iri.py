"""Deterministic IRIs minted from natural keys, all under the ``ID`` namespace.

Building the same input twice gives the same IRIs: organisations by CIK, else
IRS EIN, else commission file number, else normalised name; filings by
accession number, else file stem; n-ary facts (holdings, roles, signatures,
evidence...) by a hash of their key parts.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from ontology import ID

BASE = str(ID)
_SLUG = re.compile(r"[^0-9a-z]+")
_DIGITS = re.compile(r"\D+")


def digest(*parts: object, size: int = 16) -> str:
    """A short stable hash of ``parts`` (None and "" are distinct from each other)."""
    text = "\x1f".join("\x00" if p is None else str(p) for p in parts)
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:size]


def slug(text: str, limit: int = 60) -> str:
    """A readable, IRI-safe slug; long ones are cut and suffixed with a hash."""
    s = _SLUG.sub("-", text.lower()).strip("-") or "x"
    if len(s) > limit:
        s = s[:limit].rstrip("-") + "-" + digest(text, size=8)
    return s


def iri(local: str) -> str:
    """The full IRI string of a local part under ``ID``."""
    return BASE + local


def org_iri(scheme: str, value: str) -> str:
    """An organisation (or group) by its strongest key: ``cik``, ``irs_ein``, ``cfn`` or ``name``."""
    if scheme == "cik":
        digits = _DIGITS.sub("", value)
        return iri(f"org/cik-{int(digits) if digits else slug(value)}")
    if scheme == "irs_ein":
        return iri(f"org/ein-{_DIGITS.sub('', value) or slug(value)}")
    if scheme == "commission_file_number":
        return iri(f"org/cfn-{slug(value)}")
    return iri(f"org/{slug(value)}")


def person_iri(norm_name: str, context: str | None) -> str:
    """A person by normalised name within an organisation (the context IRI)."""
    return iri(f"person/{slug(norm_name, 40)}-{digest(context, size=8)}")


def group_iri(norm_name: str, context: str | None) -> str:
    """A group of holders by name within the organisation it is named in."""
    return iri(f"group/{slug(norm_name, 40)}-{digest(context, size=8)}")


def doc_local(doc_id: str) -> str:
    """The IRI-safe form of a filing id."""
    return quote(doc_id, safe="-_.")


def filing_iri(doc_id: str) -> str:
    """A filing by accession number, else input file stem."""
    return iri(f"filing/{doc_local(doc_id)}")


def graph_iri(doc_id: str) -> str:
    """The named graph holding what one filing states."""
    return iri(f"graph/{doc_local(doc_id)}")


def run_iri(doc_id: str, version: str) -> str:
    """The extraction run that produced a filing's graph."""
    return iri(f"run/{doc_local(doc_id)}-{digest(version, size=8)}")


def stub_filing_iri(
    form: str | None, number: str | None, date: str | None, context: str | None
) -> str:
    """A filing referred to but not ingested, keyed by form, file number and date."""
    return iri(f"filing/stub-{slug(form or 'filing', 20)}-{digest(form, number, date, context)}")


def node_iri(kind: str, *parts: object) -> str:
    """An n-ary fact node (holding, role, signature...) keyed by a hash of its parts."""
    return iri(f"{kind}/{digest(*parts)}")


def evidence_iri(doc_id: str, start: int, end: int) -> str:
    """An evidence span of a filing."""
    return iri(f"evidence/{doc_local(doc_id)}/{start}-{end}")
