"""Evidence for spans of whole documents, made only when a claim uses them."""

from __future__ import annotations

from extractors.claims import Evidence
from extractors.pipeline import FilingContext


class FilingBlocks:
    """Evidence for any span of any document of a filing (the exhibit and agreement
    components read documents whole: lists and sentences run across paragraph blocks)."""

    def __init__(self, ctx: FilingContext) -> None:
        self.ctx = ctx

    def evidence(self, document, start: int, end: int) -> tuple[Evidence, ...]:
        if not document.text[start:end].strip():
            return ()
        return (self.ctx.document_evidence(document, start, end),)


class LazySpan:
    """A span whose evidence is made only if a claim uses it."""

    __slots__ = ("blocks", "document", "end", "start")

    def __init__(self, blocks: FilingBlocks, document, start: int, end: int) -> None:
        self.blocks, self.document, self.start, self.end = blocks, document, start, end

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LazySpan) and (id(self.document), self.start, self.end) == (
            id(other.document),
            other.start,
            other.end,
        )

    def __hash__(self) -> int:
        return hash((id(self.document), self.start, self.end))

    def resolve(self) -> tuple[Evidence, ...]:
        return self.blocks.evidence(self.document, self.start, self.end)


def resolve(items) -> tuple[Evidence, ...]:
    """Evidence for a list of :class:`Evidence` and :class:`LazySpan`, in order, without repeats."""
    out: list[Evidence] = []
    for item in items:
        for ev in item.resolve() if isinstance(item, LazySpan) else (item,):
            if ev not in out:
                out.append(ev)
    return tuple(out)
