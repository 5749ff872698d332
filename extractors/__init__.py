"""secgraph extractors: read EDGAR filings and turn them into claims with evidence."""

from extractors.claims import Claim, Evidence, Mention, Provenance
from extractors.describe import describe
from extractors.errors import FilingError, SecgraphError
from extractors.filing import Document, Filing, Header, Party, Section
from extractors.pipeline import extract, load_pipeline
from extractors.reader import read_filing, read_text

__version__ = "0.1.0"

__all__ = [
    "Claim", "Document", "Evidence", "Filing", "FilingError", "Header", "Mention", "Party",
    "Provenance", "SecgraphError", "Section", "describe", "extract", "load_pipeline",
    "read_filing", "read_text",
]
