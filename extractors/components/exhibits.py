"""Component 4: the exhibits a filing lists, and where incorporated ones were filed before.

Reads the exhibit lists of the filing's own documents (not the exhibits'
texts): under "ITEM 2. EXHIBITS" (8-A), "Item 7(c)" / "Item 9.01(d)" (8-K),
"EXHIBIT INDEX" / "INDEX TO EXHIBITS" (10-K, 10-Q), "Item 7" of a Schedule 13D,
"Item 12" of a Schedule TO. Each exhibit becomes one ``exhibit`` claim per
filing (the same number listed twice is one exhibit), with its number, its
title (without the incorporation parenthetical) and, when incorporated by
reference, the source form, amendment, file number, filing date and exhibit
number there. The parsed list is left in ``ctx.state`` for the agreements
component, whose exhibit titles name agreements and amendments.
"""

from __future__ import annotations

import re

from spacy.language import Language

from extractors.claims import Evidence, Mention
from extractors.components._blocks import FilingBlocks
from extractors.components._citations import CITE_START, parse_citation, split_citation
from extractors.components._exhibit_list import Entry, Note, find_note, number_key, parse_lists
from extractors.components.base import Component
from extractors.pipeline import FilingContext

NAME = "secgraph_exhibits_v1"
#: Where the parsed exhibits are left for later components: a list of :class:`ListedExhibit`.
STATE_KEY = "exhibits"
#: And the spans of every list entry (repeats included): {id(document): [(start, end), ...]}.
SPANS_KEY = "exhibit_spans"
# Documents whose lists are not the filing's: the exhibits themselves and machine parts.
_SKIP_TYPES = re.compile(
    r"^(?:EX-|GRAPHIC|XML|ZIP|EXCEL|JSON|PDF|XBRL|COVER|CORRESP)", re.IGNORECASE
)
_ATTACHED_NOTE = re.compile(r"(?<=[\w.)\u201d\"])\(\d{1,2}\)")


class ListedExhibit:
    """An exhibit as read from a list (what the agreements component reuses)."""

    __slots__ = ("document", "evidence", "fields", "number", "span", "title")

    def __init__(
        self,
        number: str,
        title: str,
        fields: dict,
        evidence: tuple[Evidence, ...],
        document,
        span: tuple[int, int],
    ) -> None:
        self.number, self.title, self.fields, self.evidence = number, title, fields, evidence
        self.document, self.span = document, span  # the entry's offsets in the document's text


class Exhibits(Component):
    """Exhibit lists and incorporation by reference."""

    sections = None

    # Lists and sentences run across paragraph blocks: the documents are read whole in end_filing.

    def end_filing(self, ctx: FilingContext) -> None:
        found: list[ListedExhibit] = []
        seen: dict[str, ListedExhibit] = {}
        doc_numbers = frozenset(
            number_key(d.type)
            for d in ctx.filing.documents
            if d.type and d.type.upper().startswith("EX-")
        )
        blocks = FilingBlocks(ctx)
        spans: dict[int, list[tuple[int, int]]] = {}
        for document in ctx.filing.documents:
            if document.format == "binary" or (document.type and _SKIP_TYPES.match(document.type)):
                continue
            text = document.text
            if "xhibit" not in text and "XHIBIT" not in text:
                continue
            lists = parse_lists(text, document.format == "html", doc_numbers)
            if not lists:
                continue
            for entries, notes in lists:
                spans.setdefault(id(document), []).extend((e.start, e.end) for e in entries)
                for entry in entries:
                    ex = self._exhibit(ctx, document, blocks, text, entry, notes)
                    if ex is None:
                        continue
                    key = number_key(ex.number)
                    if key in seen:
                        old = seen[key]
                        for k, v in ex.fields.items():
                            old.fields.setdefault(k, v)
                        continue
                    seen[key] = ex
                    found.append(ex)
        ctx.state[STATE_KEY] = found
        ctx.state[SPANS_KEY] = spans
        filing = Mention(ctx.doc_id, "filing")
        for ex in found:
            ctx.add(
                "exhibit",
                filing,
                Mention(ex.title, "document"),
                ex.evidence,
                NAME,
                pattern="exhibit-list" + ("+citation" if ex.fields else ""),
                number=ex.number,
                title=ex.title,
                **ex.fields,
            )

    def _exhibit(
        self,
        ctx: FilingContext,
        document,
        blocks: FilingBlocks,
        text: str,
        entry: Entry,
        notes: dict[str, Note],
    ) -> ListedExhibit | None:
        number = entry.number.strip().rstrip(".:*").strip()
        body = entry.text(text)
        if any(m.startswith("(") for m in entry.markers):
            body = _ATTACHED_NOTE.sub("", body)
        title, cite, _ = split_citation(body)
        if not title or len(title) < 2:
            return None
        fields = parse_citation(cite, number) if cite else {}
        evidence = blocks.evidence(document, entry.start, entry.end)
        if not evidence:
            return None
        if not fields:
            for marker in entry.markers:
                fields, note = _from_note(marker, notes, number)
                if fields:
                    evidence = evidence + blocks.evidence(document, note.start, note.end)
                    break
        return ListedExhibit(number, title, fields, evidence, document, (entry.start, entry.end))


def _from_note(marker: str, notes: dict[str, Note], number: str) -> tuple[dict, Note | None]:
    """The source a note gives; ``93K-10.A.15`` is note ``93K`` with exhibit 10.A.15 (a 1990s 10-K with a notes column)."""
    note, exhibit = find_note(notes, marker)
    if note is None:
        return {}, None
    start = CITE_START.search(note.text, 0, 60)
    if start is None or note.text[: start.start()].strip(" *"):
        return {}, None  # "Copies ... have been omitted because ... identical to" is no citation
    fields = parse_citation(note.text, number)
    if fields and exhibit and re.match(r"\d", exhibit):
        fields["source_exhibit"] = exhibit
    return fields, note


@Language.factory(NAME, requires=["doc._.ctx", "doc._.document", "doc._.base"], assigns=[])
def make_component(nlp: Language, name: str) -> Component:
    return Exhibits(nlp, name)
