"""The read model of a filing: header fields, documents, sections, offsets.

Every offset in this module and in claims is a character offset into
``Filing.source``: the whole input file, decoded. A document's normalised
text maps back to it through ``Document.mapped``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import PurePath

from extractors.textmap import MappedText


@dataclass
class Address:
    """A postal address as given in an SGML header."""

    kind: str  # "business" or "mail"
    street: list[str] = field(default_factory=list)
    city: str | None = None
    state: str | None = None
    zip: str | None = None
    phone: str | None = None

    def as_text(self) -> str:
        parts = [*self.street, self.city or "", " ".join(p for p in (self.state, self.zip) if p)]
        return ", ".join(p for p in parts if p)


@dataclass
class Party:
    """A company or person named in the header (filer, subject company, ...)."""

    role: str  # "filer", "subject-company", "filed-by", "reporting-owner", "serial-company"
    name: str | None = None
    cik: str | None = None
    sic: str | None = None
    irs_number: str | None = None
    state_of_incorporation: str | None = None
    fiscal_year_end: str | None = None
    form_type: str | None = None
    sec_act: str | None = None
    file_number: str | None = None
    film_number: str | None = None
    addresses: list[Address] = field(default_factory=list)
    former_names: list[dict[str, str]] = field(default_factory=list)


@dataclass
class Header:
    """Structured fields of the SGML header (any of its three dialects)."""

    dialect: str | None = None  # "sec-header", "ims-header", "submission", or None
    accession_number: str | None = None
    form_type: str | None = None
    period_of_report: str | None = None  # ISO date
    filed_date: str | None = None  # ISO date
    date_of_change: str | None = None
    document_count: int | None = None
    items: list[str] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    span: tuple[int, int] | None = None  # source span of the header block
    raw: dict[str, list[str]] = field(default_factory=dict)

    def party(self, *roles: str) -> Party | None:
        """The first party with one of ``roles``, in that order of preference."""
        for role in roles:
            for p in self.parties:
                if p.role == role:
                    return p
        return None

    @property
    def filer(self) -> Party | None:
        return self.party("filer", "filed-by", "subject-company", "reporting-owner")


@dataclass
class Section:
    """A located part of a document's normalised text."""

    kind: str  # "cover", "item", "signature", "exhibit-index", "body"
    label: str  # e.g. "Item 7", "Item 2.01", "Signatures"
    start: int  # offsets into Document.text
    end: int
    number: str | None = None  # "7", "2.01" for items


@dataclass
class Document:
    """One document of a submission (the main form or an exhibit)."""

    type: str | None
    sequence: int | None
    filename: str | None
    description: str | None
    format: str  # "text", "html", "binary"
    source_span: tuple[int, int]  # span of the document body in Filing.source
    mapped: MappedText
    sections: list[Section] = field(default_factory=list)
    hidden: dict[str, str] = field(default_factory=dict)  # e.g. inline-XBRL header facts
    encoding: str | None = None  # e.g. "uuencode" for binary parts

    @property
    def text(self) -> str:
        return self.mapped.text

    def source_span_of(self, start: int, end: int) -> tuple[int, int]:
        """Map a span of this document's text to ``Filing.source`` offsets."""
        return self.mapped.source_span(start, end)

    def section(self, kind: str) -> Section | None:
        return next((s for s in self.sections if s.kind == kind), None)


@dataclass
class Filing:
    """A read filing: its decoded source, header and documents."""

    path: str | None
    source: str
    encoding: str
    header: Header
    documents: list[Document]
    warnings: list[str] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        """The accession number when there is one, else the file name stem."""
        if self.header.accession_number:
            return self.header.accession_number
        if self.path:
            return PurePath(self.path).stem
        return "unnamed"

    @property
    def form_type(self) -> str | None:
        if self.header.form_type:
            return self.header.form_type
        return self.documents[0].type if self.documents else None

    @property
    def main(self) -> Document | None:
        """The primary document (sequence 1, else the first text one)."""
        texts = [d for d in self.documents if d.format != "binary"]
        return texts[0] if texts else None
