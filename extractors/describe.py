"""A plain, JSON-able description of a read filing (for ``secgraph read``)."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from extractors.filing import Filing


def describe(filing: Filing) -> dict[str, Any]:
    """Header fields, documents and sections of a filing, as plain data."""
    h = filing.header
    return {
        "doc_id": filing.doc_id,
        "path": filing.path,
        "encoding": filing.encoding,
        "header": {
            "dialect": h.dialect,
            "accession_number": h.accession_number,
            "form_type": filing.form_type,
            "period_of_report": h.period_of_report,
            "filed_date": h.filed_date,
            "document_count": h.document_count,
            "items": h.items,
            "parties": [asdict(p) for p in h.parties],
        },
        "documents": [
            {
                "type": d.type,
                "sequence": d.sequence,
                "filename": d.filename,
                "description": d.description,
                "format": d.format,
                "chars": len(d.text),
                "source_span": list(d.source_span),
                "hidden": d.hidden,
                "sections": [
                    {
                        "kind": s.kind,
                        "label": s.label,
                        "number": s.number,
                        "start": s.start,
                        "end": s.end,
                        "source_span": list(d.source_span_of(s.start, s.end)),
                    }
                    for s in d.sections
                ],
            }
            for d in filing.documents
        ],
        "warnings": filing.warnings,
    }
