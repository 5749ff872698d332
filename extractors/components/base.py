"""The shape every secgraph component shares."""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from extractors.pipeline import FilingContext


class Component:
    """A pipeline component that reads block Docs and adds claims to the context.

    Subclasses set ``sections`` (the section kinds they read; None for all)
    and implement :meth:`process` (block by block) and/or :meth:`end_filing`. ``begin_filing``/``end_filing`` run once per
    filing, before and after the component sees the filing's blocks.
    """

    sections: frozenset[str] | None = None

    def __init__(self, nlp: Language, name: str) -> None:
        self.nlp = nlp
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        ctx: FilingContext | None = doc._.ctx
        if ctx is not None and (self.sections is None or doc._.section.kind in self.sections):
            self.process(doc, ctx)
        return doc

    def process(self, doc: Doc, ctx: FilingContext) -> None:
        """Read one block. Components that read whole documents work in ``end_filing``."""

    def begin_filing(self, ctx: FilingContext) -> None:
        """Called once per filing before its blocks."""

    def end_filing(self, ctx: FilingContext) -> None:
        """Called once per filing after its blocks."""
