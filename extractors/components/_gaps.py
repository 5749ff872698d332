"""Blocks for the text that no section covers.

The reader's sections may leave parts of a document outside every block (a
document without Item headings is cut at its cover page's limit, and text
between the cover and the first Item is skipped). The holdings and roles
components read those parts too, as ``body`` paragraphs; when the sections
cover everything there are none. Built once per filing and shared:
:func:`uncovered_blocks` gives text-only blocks (the holdings and roles
components read no tokens), :func:`uncovered_docs` gives spaCy Docs (used by
``_blocks`` for evidence through ``ctx.evidence``).
"""

from __future__ import annotations

from types import SimpleNamespace

from spacy.language import Language
from spacy.tokens import Doc

from extractors.filing import Section
from extractors.pipeline import FilingContext, _paragraphs, blocks

_DOCS = "_uncovered_docs"
_SPANS = "_uncovered_spans"
_BLOCKS = "_uncovered_blocks"


class TextBlock:
    """A block without tokens: its text (``user_data["_e3_text"]``) and ``_.document/_.section/_.base``."""

    def __init__(self, ctx: FilingContext, document, section: Section, base: int, text: str) -> None:
        self._ = SimpleNamespace(ctx=ctx, document=document, section=section, base=base)
        self.user_data = {"_e3_text": text}


def _uncovered(ctx: FilingContext) -> list[tuple[object, Section, int, int]]:
    """``(document, section, start, end)`` paragraphs of every uncovered stretch of every text document."""
    cached = ctx.state.get(_SPANS)
    if cached is not None:
        return cached
    out = []
    for document in ctx.filing.documents:
        text = document.text
        if document.format == "binary" or not text.strip():
            continue
        spans = sorted((s, e) for _sec, s, e in blocks(document))
        pos = 0
        gaps = []
        for s, e in spans:
            if s > pos:
                gaps.append((pos, s))
            pos = max(pos, e)
        if pos < len(text):
            gaps.append((pos, len(text)))
        for gs, ge in gaps:
            if not text[gs:ge].strip():
                continue
            section = Section("body", "Body", gs, ge)
            for sec, s, e in _paragraphs(section, text, gs, ge):
                out.append((document, sec, s, e))
    ctx.state[_SPANS] = out
    return out


def uncovered_blocks(ctx: FilingContext) -> list[TextBlock]:
    """Text-only paragraph blocks (section kind ``body``) for the uncovered text."""
    cached = ctx.state.get(_BLOCKS)
    if cached is None:
        cached = [TextBlock(ctx, d, sec, s, d.text[s:e]) for d, sec, s, e in _uncovered(ctx)]
        ctx.state[_BLOCKS] = cached
    return cached


def uncovered_docs(nlp: Language, ctx: FilingContext) -> list[Doc]:
    """Paragraph Docs (section kind ``body``) for the uncovered text."""
    cached = ctx.state.get(_DOCS)
    if cached is not None:
        return cached
    docs: list[Doc] = []
    for document, sec, s, e in _uncovered(ctx):
        doc = nlp.make_doc(document.text[s:e])
        doc._.ctx, doc._.document, doc._.section, doc._.base = ctx, document, sec, s
        docs.append(doc)
    ctx.state[_DOCS] = docs
    return docs
