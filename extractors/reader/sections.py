"""Locate the parts of a document's normalised text.

Section kinds: ``cover`` (the cover page), ``item`` (``Item 7``, ``Item 2.01``),
``signature`` (the signature block), ``exhibit-index`` (the list of
exhibits), and ``body`` when nothing else is found.
"""

from __future__ import annotations

import re

from extractors.filing import Section

# "ITEM 7.", "Item 2.01", "ITEM 5 -" at the start of a line; HTML puts items on their own line too.
_ITEM = re.compile(r"(?im)^[ \t]*ITEM[ \t\u00a0]+(\d{1,2}(?:\.\d{1,2})?[A-Z]?)\b[ \t]*[.:\-\u2014\u2013]?")
# The heading of the signature block, or its formula when there is no heading (seed 8-A/A).
_SIG_HEADING = re.compile(r"(?im)^[ \t]*S[ \t]?I[ \t]?G[ \t]?N[ \t]?A[ \t]?T[ \t]?U[ \t]?R[ \t]?E[ \t]?S?[ \t]*$")
_SIG_FORMULA = re.compile(
    r"(?is)pursuant\s+to\s+the\s+requirements\s+of\s+(?:section\s+\d+\s+of\s+)?the\s+securities"
    r"(?:\s+exchange)?\s+act|after\s+reasonable\s+inquiry\s+and\s+to\s+the\s+best\s+of\s+(?:my|its|our)"
)
_EXHIBIT_HEADING = re.compile(
    r"(?im)^[ \t]*(?:EXHIBIT[ \t]+INDEX|INDEX[ \t]+TO[ \t]+EXHIBITS|EXHIBITS[ \t]+INDEX|INDEX[ \t]+OF[ \t]+EXHIBITS"
    r"|\(?[cd]\)?[ \t]+Exhibits\.?|EXHIBIT[ \t]+NO\.?[ \t]+DESCRIPTION|Exhibit[ \t]+No\.?[ \t]+Description"
    r"|EXHIBITS\.?)[ \t:]*$"
)
_COVER_MAX = 12000


def locate_sections(text: str) -> list[Section]:
    """The sections of one document's text, ordered by start."""
    sections: list[Section] = []
    items = _items(text)
    sig = _signature_start(text, items)
    first_item = items[0][0] if items else None
    cover_end = min(x for x in (first_item, sig, _COVER_MAX, len(text)) if x is not None)
    if cover_end > 0:
        sections.append(Section("cover", "Cover page", 0, cover_end))
    bounds = [s for s, _n, _l in items] + ([sig] if sig is not None else []) + [len(text)]
    for start, number, label in items:
        end = min(b for b in bounds if b > start)
        sections.append(Section("item", label, start, end, number=number))
    if sig is not None:
        nxt = [s for s, _n, _l in items if s > sig]
        sections.append(Section("signature", "Signatures", sig, min(nxt) if nxt else len(text)))
    ex = _EXHIBIT_HEADING.search(text)
    if ex:
        stops = [b for b in bounds if b > ex.start() + 1]
        end = min(stops) if stops else len(text)
        if sig is not None and sig > ex.start():
            end = min(end, sig)
        sections.append(Section("exhibit-index", "Exhibit index", ex.start(), end))
    sections.extend(_gaps(sections, len(text)))
    sections.sort(key=lambda s: (s.start, s.end))
    return sections


def _gaps(sections: list[Section], length: int) -> list[Section]:
    """``body`` sections for the text no other section covers (after a capped cover
    page, before the first Item, a press release without Items), so no text is lost."""
    spans = sorted((s.start, s.end) for s in sections if s.kind != "exhibit-index")
    gaps, pos = [], 0
    for start, end in spans:
        if start - pos > 2:  # more than a few stray characters
            gaps.append(Section("body", "Body", pos, start))
        pos = max(pos, end)
    if length > pos:
        gaps.append(Section("body", "Body", pos, length))
    return gaps


def _items(text: str) -> list[tuple[int, str, str]]:
    """Item headings, dropping table-of-contents entries that repeat later."""
    found = [(m.start(), m.group(1).upper(), f"Item {m.group(1).upper()}") for m in _ITEM.finditer(text)]
    last: dict[str, int] = {}
    for start, number, _label in found:
        last[number] = start
    keep = [f for f in found if last[f[1]] == f[0]]
    return keep


def _signature_start(text: str, items: list[tuple[int, str, str]]) -> int | None:
    heads = list(_SIG_HEADING.finditer(text))
    if heads:
        return heads[-1].start()
    forms = list(_SIG_FORMULA.finditer(text))
    if forms:
        start = forms[-1].start()
        para = text.rfind("\n\n", 0, start)
        return para + 2 if para >= 0 else start
    return None
