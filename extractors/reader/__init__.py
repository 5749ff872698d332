"""Read EDGAR filings: decode, split the SGML envelope, normalise, locate sections."""

from __future__ import annotations

import os
import re
from pathlib import Path

from extractors.errors import FilingError
from extractors.filing import Document, Filing
from extractors.reader.decode import decode
from extractors.reader.normalize import looks_like_html, normalise_html, normalise_text
from extractors.reader.sections import locate_sections
from extractors.reader.sgml import find_repeat, parse_header, split_documents
from extractors.textmap import MappedText

_UUENCODE = re.compile(r"\s*begin [0-7]{3} \S")
_BINARY_WRAPPERS = re.compile(r"\s*<(PDF|ZIP|XLS|GRAPHIC|JPG)>", re.IGNORECASE)
_FILING_HINTS = re.compile(
    r"SECURITIES\s+AND\s+EXCHANGE\s+COMMISSION|<SEC-HEADER>|<IMS-HEADER>|<SUBMISSION>|<DOCUMENT>"
    r"|\bFORM\s+[0-9A-Z-]+|\bSCHEDULE\s+13|\bEXHIBIT\b|\bpursuant\s+to\b|\bSection\s+16\b",
    re.IGNORECASE,
)

__all__ = ["FilingError", "read_filing", "read_text"]


def read_filing(source: str | os.PathLike | bytes, name: str | None = None) -> Filing:
    """Read a filing from a path or from bytes.

    Args:
        source: a file path, or the file's bytes.
        name: the file name to use for bytes (gives the filing id when there is
            no accession number).

    Raises:
        FilingError: the file is missing, empty, binary, truncated or not a filing.
    """
    if isinstance(source, bytes):
        data, path = source, name
    else:
        path = str(source)
        try:
            data = Path(source).read_bytes()
        except FileNotFoundError:
            raise FilingError(path, "E006") from None
        except IsADirectoryError:
            raise FilingError(path, "E005", detail="it is a folder") from None
        except OSError as exc:
            raise FilingError(path, "E005", detail=exc.strerror or str(exc)) from None
    text, encoding = decode(data, path)
    return read_text(text, path=path, encoding=encoding)


def read_text(source: str, path: str | None = None, encoding: str = "utf-8") -> Filing:
    """Read a filing from decoded text."""
    warnings: list[str] = []
    limit = len(source)
    repeat = find_repeat(source)
    if repeat is not None and repeat < limit:
        copies = 1 + source.count("<SEC-DOCUMENT>", repeat) if "<SEC-DOCUMENT>" in source else 2
        warnings.append(f"submission repeated {copies} times back to back; read the first copy only")
        limit = repeat
    header = parse_header(source, limit)
    body_from = header.span[1] if header.span else 0
    raws = split_documents(source, body_from, limit)
    documents: list[Document] = []
    for raw in raws:
        if not raw.complete:
            warnings.append(f"document {raw.sequence or len(documents) + 1} ({raw.type}) is cut off: "
                            "no </DOCUMENT> before the end of the file")
        documents.append(_document(source, raw.type, raw.sequence, raw.filename, raw.description,
                                   raw.body_start, raw.body_end))
    if not raws and header.dialect is None:
        start = len(source) - len(source.lstrip())
        if not _FILING_HINTS.search(source, 0, min(limit, 200000)):
            raise FilingError(path, "E003", detail="no SGML header, no document and no filing wording")
        documents.append(_document(source, None, 1, Path(path).name if path else None, None, start, limit))
    if header.dialect and not header.accession_number:
        raise FilingError(path, "E004", detail="header without an accession number")
    if header.dialect and not raws:
        if not re.search(r"</(SEC|IMS)-HEADER>|</SUBMISSION>", source[:limit], re.IGNORECASE) and header.form_type is None:
            raise FilingError(path, "E004", detail="header cut off before any field")
        warnings.append("header only: the submission has no document body")
    if header.document_count and raws and header.document_count != len(raws):
        warnings.append(f"header counts {header.document_count} documents, found {len(raws)}")
    return Filing(path=path, source=source, encoding=encoding, header=header,
                  documents=documents, warnings=warnings)


def _document(source: str, type_: str | None, seq: int | None, filename: str | None,
              description: str | None, start: int, end: int) -> Document:
    if _UUENCODE.match(source, start, end) or _BINARY_WRAPPERS.match(source, start, end):
        return Document(type_, seq, filename, description, "binary", (start, end),
                        MappedText("", *_empty()), [], {}, "uuencode")
    if looks_like_html(source, start, end):
        mapped, hidden = normalise_html(source, start, end)
        fmt = "html"
    else:
        mapped, hidden, fmt = normalise_text(source, start, end), {}, "text"
    return Document(type_, seq, filename, description, fmt, (start, end), mapped,
                    locate_sections(mapped.text), hidden)


def _empty():
    from array import array

    return array("q"), array("q"), array("q"), array("q")
