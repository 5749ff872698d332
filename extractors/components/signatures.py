"""Placeholder: being written. Registers the factory so the pipeline loads."""

from __future__ import annotations

from spacy.language import Language

from extractors.components.base import Component


class _Pending(Component):
    def process(self, doc, ctx) -> None:
        return None


@Language.factory("secgraph_signatures_v1")
def make_component(nlp: Language, name: str) -> Component:
    return _Pending(nlp, name)
