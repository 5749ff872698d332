"""The spaCy pipeline that turns a read filing into claims.

A blank English pipeline carries secgraph's components (registered with
``@Language.factory`` in ``extractors/components/``). The driver cuts each
document into small blocks (a whole cover page, signature block or exhibit
index; a paragraph elsewhere), makes one spaCy ``Doc`` per block (small Docs
keep the tokenizer fast), and runs the components component by component over
all blocks, so that the defined terms of the whole filing are known before
the other components look for facts.

Every block ``Doc`` carries, as extension attributes:
``doc._.ctx`` (the :class:`FilingContext`), ``doc._.document`` (the
``Document``), ``doc._.section`` (the ``Section``), ``doc._.base`` (the
offset of ``doc.text`` within the document's normalised text) and ``doc._.text``
(the block's text as a string: ``Doc.text`` rebuilds it from the tokens on
every call).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from extractors.claims import Claim, Evidence, Mention, Provenance, make_claim
from extractors.filing import Document, Filing, Section

#: Components in pipeline order (factory names; the version is part of the name).
COMPONENTS = (
    "secgraph_header_v1",
    "secgraph_defined_terms_v1",
    "secgraph_signatures_v1",
    "secgraph_exhibits_v1",
    "secgraph_agreements_v1",
    "secgraph_holdings_v1",
    "secgraph_roles_v1",
    "secgraph_events_v1",
)
#: Sections handed to components as one block rather than paragraph by paragraph.
WHOLE_SECTIONS = frozenset(("cover", "signature", "exhibit-index"))
#: The longest block; longer sections are cut at paragraph breaks.
MAX_BLOCK = 30000

for _attr in ("ctx", "document", "section", "base", "text"):
    if not Doc.has_extension(_attr):
        Doc.set_extension(_attr, default=None)

_PARA_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass
class FilingContext:
    """What the components share while reading one filing.

    Attributes:
        filing: the read filing.
        doc_id: the filing id used in evidence.
        filer: the registrant (or, for a Schedule 13D/13G, the filing person).
        aliases: short names and defined terms (lower case) → the mention they stand for.
        claims: the claims made so far.
        state: scratch space for components, by component name.
    """

    filing: Filing
    doc_id: str
    filer: Mention | None = None
    aliases: dict[str, Mention] = field(default_factory=dict)
    claims: list[Claim] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)

    def evidence(self, doc: Doc, start: int, end: int) -> Evidence:
        """Evidence for the characters ``[start, end)`` of a block Doc.

        White space at either end is trimmed; offsets go to ``Filing.source``.
        """
        section: Section | None = doc._.section
        return self.document_evidence(doc._.document, doc._.base + start, doc._.base + end,
                                      section.label if section else None)

    def document_evidence(self, document: Document, start: int, end: int,
                          section: str | None = None) -> Evidence:
        """Evidence for ``document.text[start:end]``, for components that read a whole document.

        White space at either end is trimmed; ``section`` defaults to the label of the
        smallest section that holds ``start``.
        """
        text = document.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if section is None:
            holding = [x for x in document.sections if x.start <= start < x.end]
            section = min(holding, key=lambda x: x.end - x.start).label if holding else None
        s, e = document.source_span_of(start, end)
        return Evidence(self.doc_id, s, e, self.filing.source[s:e], section, document.sequence)

    def source_evidence(self, start: int, end: int, section: str | None = None) -> Evidence:
        """Evidence for a span of ``Filing.source`` itself (header fields)."""
        return Evidence(self.doc_id, start, end, self.filing.source[start:end], section, None)

    def resolve(self, text: str) -> Mention | None:
        """The mention a short name or defined term stands for, if known."""
        key = " ".join(text.lower().replace("\u201c", '"').replace("\u201d", '"').strip(' "').split())
        key = key.removeprefix("the ")
        return self.aliases.get(key)

    def add(self, kind: str, subject: Mention, obj: Any, evidence: Evidence | tuple[Evidence, ...],
            component: str, /, pattern: str | None = None, confidence: float = 1.0,
            **qualifiers: Any) -> Claim:
        """Make a claim and keep it (positional parameters first; qualifiers by name)."""
        name, _, version = component.rpartition("_v")
        claim = make_claim(kind, subject, obj, evidence, Provenance(name, version, pattern),
                           confidence, **qualifiers)
        self.claims.append(claim)
        return claim


@lru_cache(maxsize=4)
def load_pipeline(components: tuple[str, ...] = COMPONENTS, model: str | None = None) -> Language:
    """A blank English pipeline (or an installed trained one) with our components."""
    import extractors.components  # noqa: F401  (registers the factories)

    nlp = spacy.load(model, exclude=["lemmatizer"]) if model else spacy.blank("en")
    for name in components:
        if name in Language.factories:
            nlp.add_pipe(name, name=name)
    return nlp


def blocks(document: Document) -> Iterable[tuple[Section, int, int]]:
    """Cut a document's sections into blocks: ``(section, start, end)`` in its text."""
    text = document.text
    covered = 0
    for section in sorted(document.sections, key=lambda s: s.start):
        start, end = section.start, section.end
        if section.kind not in WHOLE_SECTIONS:
            start = max(start, covered)  # overlapping sections: each paragraph once
        if start >= end:
            continue
        if section.kind in WHOLE_SECTIONS and end - start <= MAX_BLOCK:
            yield section, start, end
        else:
            yield from _paragraphs(section, text, start, end)
        if section.kind not in WHOLE_SECTIONS:
            covered = max(covered, end)


def _paragraphs(section: Section, text: str, start: int, end: int) -> Iterable[tuple[Section, int, int]]:
    pos = start
    for m in _PARA_BREAK.finditer(text, start, end):
        if m.start() > pos:
            yield from _cap(section, pos, m.start())
        pos = m.end()
    if pos < end:
        yield from _cap(section, pos, end)


def _cap(section: Section, start: int, end: int) -> Iterable[tuple[Section, int, int]]:
    while end - start > MAX_BLOCK:
        yield section, start, start + MAX_BLOCK
        start += MAX_BLOCK
    yield section, start, end


def make_docs(nlp: Language, ctx: FilingContext) -> list[Doc]:
    """One block Doc per block of every text document of the filing."""
    docs: list[Doc] = []
    for document in ctx.filing.documents:
        if document.format == "binary" or not document.text.strip():
            continue
        for section, start, end in blocks(document):
            block = document.text[start:end]
            doc = nlp.make_doc(block)
            doc._.ctx, doc._.document, doc._.section, doc._.base = ctx, document, section, start
            doc._.text = block
            docs.append(doc)
    return docs


def extract_context(filing: Filing, nlp: Language | None = None,
                    on_component: Callable[[str], None] | None = None) -> FilingContext:
    """Run the pipeline over a filing and return its context (claims, aliases, state)."""
    nlp = nlp or load_pipeline()
    ctx = FilingContext(filing, filing.doc_id)
    docs = make_docs(nlp, ctx)
    for name, proc in nlp.pipeline:
        if on_component:
            on_component(name)
        begin = getattr(proc, "begin_filing", None)
        if begin:
            begin(ctx)
        for doc in docs:
            proc(doc)
        finish = getattr(proc, "end_filing", None)
        if finish:
            finish(ctx)
    return ctx


def extract(filing: Filing, nlp: Language | None = None,
            on_component: Callable[[str], None] | None = None) -> list[Claim]:
    """Read claims out of a filing with the secgraph pipeline."""
    return extract_context(filing, nlp, on_component).claims
