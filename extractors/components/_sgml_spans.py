"""Where each SGML header field is printed in the filing source.

``extractors.reader.sgml`` parses the header into values; claims need the
exact source span of each value as evidence. This module walks the header
block again (it is small) and records, for the filing and for each party in
the order the reader lists them, the span of every ``KEY: value`` line
(``<SEC-HEADER>``/``<IMS-HEADER>`` dialects) or ``<TAG>value`` line
(``<SUBMISSION>`` dialect, 424b5_carmax_2010_nc.txt).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.filing import Filing

# Party headings of the key-value dialect and party tags of the dissemination dialect.
_KV_PARTY = re.compile(
    r"^\s*(FILER|SUBJECT COMPANY|FILED BY|REPORTING[- ]OWNER|SERIAL COMPANY)\s*:\s*$", re.IGNORECASE
)
_TAG_PARTY = re.compile(
    r"^\s*<(FILER|SUBJECT-COMPANY|FILED-BY|REPORTING-OWNER|SERIAL-COMPANY)>\s*$", re.IGNORECASE
)
_KV_LINE = re.compile(
    r"^[ \t]*([A-Z][A-Z0-9 .\-/']*?)[ \t]*:[ \t]*(\S[^\n]*?)[ \t]*$", re.IGNORECASE
)
_TAG_LINE = re.compile(r"^[ \t]*<([A-Z0-9-]+)>[ \t]*(\S[^\n<]*?)[ \t]*$", re.IGNORECASE)
_ADDRESS = re.compile(
    r"^\s*(?:BUSINESS|MAIL)[ -]ADDRESS\s*:?\s*$|^\s*<(?:BUSINESS|MAIL)-ADDRESS>\s*$", re.IGNORECASE
)
_COMPANY = re.compile(
    r"^\s*(?:COMPANY DATA|FILING VALUES|OWNER DATA)\s*:?\s*$|^\s*<(?:COMPANY-DATA|FILING-VALUES|OWNER-DATA)>",
    re.IGNORECASE,
)
_FORMER = re.compile(
    r"^\s*(?:FORMER COMPANY|FORMER NAME)\s*:?\s*$|^\s*<FORMER-(?:COMPANY|NAME)>", re.IGNORECASE
)
# Dissemination tags named like the key-value keys.
_TAG_KEYS = {
    "CONFORMED-NAME": "COMPANY CONFORMED NAME",
    "CIK": "CENTRAL INDEX KEY",
    "IRS-NUMBER": "IRS NUMBER",
    "STATE-OF-INCORPORATION": "STATE OF INCORPORATION",
    "FILE-NUMBER": "SEC FILE NUMBER",
    "FORM-TYPE": "FORM TYPE",
    "TYPE": "CONFORMED SUBMISSION TYPE",
    "PERIOD": "CONFORMED PERIOD OF REPORT",
    "FILING-DATE": "FILED AS OF DATE",
    "ACCESSION-NUMBER": "ACCESSION NUMBER",
    "ITEMS": "ITEM INFORMATION",
}

Span = tuple[str, int, int]  # value, start, end in Filing.source


@dataclass
class HeaderSpans:
    """Source spans of header values: filing-level keys and one dict per party."""

    filing: dict[str, list[Span]] = field(default_factory=dict)
    parties: list[dict[str, Span]] = field(default_factory=list)


def header_spans(filing: Filing) -> HeaderSpans:
    """The spans of the header's values (empty when the filing has no header)."""
    out = HeaderSpans()
    span = filing.header.span
    if not span:
        return out
    src = filing.source
    party: dict[str, Span] | None = None
    in_sub = False  # inside an address or former-name block: its keys are not the party's own
    pos = span[0]
    while pos < span[1]:
        nl = src.find("\n", pos, span[1])
        end = span[1] if nl < 0 else nl
        line = src[pos:end]
        if _KV_PARTY.match(line) or _TAG_PARTY.match(line):
            party = {}
            out.parties.append(party)
            in_sub = False
        elif _ADDRESS.match(line) or _FORMER.match(line):
            in_sub = True
        elif _COMPANY.match(line):
            in_sub = False
        else:
            m = _TAG_LINE.match(line)
            key = None
            if m:
                key = _TAG_KEYS.get(m.group(1).upper(), m.group(1).upper().replace("-", " "))
            else:
                m = _KV_LINE.match(line)
                if m:
                    key = m.group(1).upper()
            if m and key:
                value = m.group(2)
                s = pos + m.start(2)
                rec = (value, s, s + len(value))
                if party is not None and not in_sub:
                    party.setdefault(key, rec)
                elif party is None:
                    out.filing.setdefault(key, []).append(rec)
        pos = end + 1
    return out
