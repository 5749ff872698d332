"""What the graph needs to know about one filing: its identity and its claims."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import Any

from extractors.claims import Claim


@dataclass
class FilingInput:
    """One filing's claims plus the identity and header data that PROV describes.

    Attributes:
        doc_id: accession number, else the input file's stem.
        claims: the extractors' claims for this filing.
        source_file: the input file's name (no directory, so builds are portable).
        accession: the accession number, when the header gives one.
        form: the submission type from the header.
        filed_date: the date filed (ISO), when the header gives one.
        file_number: the filer's commission file number from the header.
        sha256: digest of the decoded source, recorded in PROV.
        documents: how many documents the submission holds.
    """

    doc_id: str
    claims: list[Claim]
    source_file: str | None = None
    accession: str | None = None
    form: str | None = None
    filed_date: str | None = None
    file_number: str | None = None
    sha256: str | None = None
    documents: int = 0
    warnings: list[str] = field(default_factory=list)

    def claims_of(self, kind: str) -> list[Claim]:
        """The claims of one fact kind."""
        return [c for c in self.claims if c.kind == kind]


def from_filing(filing: Any, claims: list[Claim]) -> FilingInput:
    """Build a :class:`FilingInput` from an ``extractors.filing.Filing`` and its claims."""
    header = filing.header
    filer = header.filer if header is not None else None
    return FilingInput(
        doc_id=filing.doc_id,
        claims=list(claims),
        source_file=PurePath(filing.path).name if filing.path else None,
        accession=header.accession_number if header else None,
        form=filing.form_type,
        filed_date=header.filed_date if header else None,
        file_number=filer.file_number if filer else None,
        sha256=hashlib.sha256(filing.source.encode("utf-8", "surrogatepass")).hexdigest(),
        documents=len(filing.documents),
        warnings=list(filing.warnings),
    )
