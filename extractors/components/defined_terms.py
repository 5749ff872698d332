"""Component 2: defined terms and aliases.

Legal text names its parties once and then uses short names:
``Acme Fund, an Ohio limited partnership ("Acme," and together with Roe,
referred to herein as the "Acme Group")``, ``Example Widgets Corporation (the
"Company")``, ``Richard Roe ("Roe")``. This component registers each short
name in ``ctx.aliases`` (lower case → the mention of the full name) so that
later components resolve "Acme" to Acme Fund and "the Company" to the
filer, and it states what the definitions say: ``member`` claims for a group
defined with its members, ``incorporation`` claims for ``X, a Delaware
corporation`` appositives. Straight and curly quotes are both read.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extractors.claims import Mention
from extractors.components._cover_values import JURIS_ALT, jurisdiction
from extractors.components._sigblock import person_like
from extractors.components.base import Component
from extractors.names import kind_of, org_form, person_name, same_org
from extractors.patterns import load
from extractors.pipeline import FilingContext

NAME = "secgraph_defined_terms_v1"
_P = load("defined_terms.json")
DEFINITION = re.compile(_P["definition"], re.IGNORECASE)
GROUP = re.compile(_P["group"], re.IGNORECASE)
APPOSITIVE = re.compile(_P["appositive"].replace("{JURIS}", JURIS_ALT), re.IGNORECASE)
# "X, a corporation organized under the laws of England" (ex1_jv_igene_2003.html), "Y, a national
# banking association duly organized and existing under the laws of the United States" (8k_apple_2019.txt).
APPOSITIVE_LAWS = re.compile(_P["appositive_laws"].replace("{JURIS}", JURIS_ALT), re.IGNORECASE)
AS_ROLE = re.compile(_P["as_role"])
GENERIC_HEADS = re.compile(_P["generic_heads"], re.IGNORECASE)
_STOP = frozenset(_P["name_stop_words"])
_COMPANY_TERMS = frozenset(_P["company_terms"])
_SELF_TERMS = frozenset(_P["self_terms"])
_AGREEMENT_WORDS = frozenset(_P["agreement_words"])
# Quick tests before any regex work on a block.
_QUOTE = re.compile(r"[\"\u201c]")
_APPOS_HINT = re.compile(r",\s+(?:an?|the)\s+[A-Z]")
# A name ending where the definition starts: capitalised words joined by "of", "&", "de"...,
# with a corporate suffix after a comma ("Cybergy Holdings,\nInc." in sc13d_cybergy_2016.html).
_TOKEN = r"(?:[A-Z0-9][\w.&'!\-]*|&)"
_CONN = r"(?:of|&|de|du|the|for|la|van|von|der|y|del)"
_SUFFIX = r"(?i:Inc|Ltd|L\.P|LLC|L\.L\.C|N\.A|S\.A|Co|Corp|plc|LP|LLP|SPC|AG|NV|N\.V|B\.V|Limited|Incorporated)\.?"
NAME_TAIL = re.compile(
    rf"({_TOKEN}(?:[ \t\n]+(?:{_CONN}[ \t\n]+)?{_TOKEN})*(?:,?[ \t\n]+{_SUFFIX})?)[ \t\n]*$"
)
_LOOKBACK = 160


class DefinedTerms(Component):
    """Reads definitions in every block of the filing, in order."""

    sections = None

    def begin_filing(self, ctx: FilingContext) -> None:
        ctx.state[NAME] = set()

    def process(self, doc: Doc, ctx: FilingContext) -> None:
        text = doc._.text
        quotes = bool(_QUOTE.search(text))
        laws = "under the laws of" in text
        if not quotes and not laws and not _APPOS_HINT.search(text):
            return
        for m in APPOSITIVE.finditer(text):
            self._appositive(doc, ctx, m)
        if laws:
            for m in APPOSITIVE_LAWS.finditer(text):
                self._appositive(doc, ctx, m)
        if quotes:
            for m in DEFINITION.finditer(text):
                self._definition(doc, ctx, m)

    # -- "X, a Delaware corporation" --------------------------------------------------------
    def _appositive(self, doc: Doc, ctx: FilingContext, m: re.Match) -> None:
        got = name_before(doc._.text, m.start())
        juris = jurisdiction(m.group("juris"))
        if not got or not juris:
            return
        start, name = got
        if (
            name.lower() in _COMPANY_TERMS
        ):  # "the Company, a Delaware corporation": whoever "the Company" is
            mention = ctx.resolve(name)
            if mention is None:
                return
        else:
            mention = entity(ctx, name)
        if mention.kind == "person":
            return
        form = org_form(m.group("form")) or " ".join(m.group("form").lower().split())
        done = ctx.state.setdefault(NAME, set())
        key = ("incorporation", mention.name.lower(), juris)
        if key in done:
            return
        done.add(key)
        ctx.add(
            "incorporation",
            mention,
            juris,
            ctx.evidence(doc, start, m.end()),
            NAME,
            "appositive",
            org_form=form,
        )

    # -- (the "Company"), ("Acme," and together with Roe, ... the "Acme Group") --------------
    def _definition(self, doc: Doc, ctx: FilingContext, m: re.Match) -> None:
        text = doc._.text
        term = " ".join(m.group("term").split()).strip(" ,.")
        if not term or m.group("article"):
            return  # (each, a "Right"): a class of things, not a name
        close = text.find(")", m.end(), m.end() + 300)
        paren = text[m.start() : close + 1] if close > 0 else text[m.start() : m.end()]
        pre_end = m.start()
        pre = text[max(0, pre_end - _LOOKBACK) : pre_end].rstrip()
        appos = APPOSITIVE.search(pre)
        if appos and not pre[appos.end() :].strip():
            pre_end = max(0, pre_end - _LOOKBACK) + appos.start()
        else:
            role = AS_ROLE.search(pre)
            if role:
                pre_end = max(0, pre_end - _LOOKBACK) + role.start()
        low = term.lower()
        if low.split()[-1] in _AGREEMENT_WORDS:
            ctx.aliases.setdefault(low, Mention(term, "agreement"))
            return
        got = name_before(text, pre_end)
        if not got:
            return
        start, name = got
        if name.lower() in _COMPANY_TERMS or not _relates(term, name):
            return
        mention = entity(ctx, name)
        ctx.aliases.setdefault(name.lower(), mention)
        if low in _SELF_TERMS:
            if ctx.filer is None or same_org(mention.name, ctx.filer.name) or low not in ctx.aliases:
                ctx.aliases.setdefault(low, mention)
        elif low in _COMPANY_TERMS:
            ctx.aliases.setdefault(low, mention)
        else:
            ctx.aliases.setdefault(low, mention)
        g = GROUP.search(paren)
        if g:
            self._group(doc, ctx, mention, g, start, m.start() + len(paren))

    def _group(
        self, doc: Doc, ctx: FilingContext, first: Mention, g: re.Match, start: int, end: int
    ) -> None:
        group_name = " ".join(g.group("group").split()).strip(" ,.")
        group = Mention(group_name, "group")
        members = [first]
        for part in re.split(r",\s*|\s+and\s+", g.group("others")):
            part = part.strip(" ,")
            if not part:
                continue
            other = ctx.resolve(part)
            if other is None and re.match(r"[A-Z]", part):
                other = entity(ctx, part)
            if other is not None:
                members.append(other)
        ctx.aliases.setdefault(group_name.lower(), group)
        ev = ctx.evidence(doc, start, end)
        for member in members:
            ctx.add("member", member, group, ev, NAME, "together_with")


def name_before(text: str, pos: int) -> tuple[int, str] | None:
    """The name that ends at ``pos`` (its start and its words), or None."""
    lo = max(0, pos - _LOOKBACK)
    m = NAME_TAIL.search(text, lo, pos)
    if not m:
        return None
    start, raw = m.start(1), m.group(1)
    words = raw.split()
    while words and words[0].strip(",") in _STOP:
        start = text.index(words[1], start) if len(words) > 1 else pos
        words = words[1:]
    if not words:
        return None
    name = " ".join(words)
    h = GENERIC_HEADS.match(name)
    if h:
        cut = name[h.end() :]
        if not cut:
            return None
        start = text.index(cut.split()[0], start)
        name = cut
    if (
        len(name.split()) > 9
        or not re.search(r"[A-Za-z]{2}", name)
        or re.fullmatch(r"[\d\W]+", name)
    ):
        return None
    return start, name


def entity(ctx: FilingContext, name: str) -> Mention:
    """The mention for a full name: the filer or the issuer when it is one of them, else a new mention."""
    for known in (ctx.filer, (ctx.state.get("header") or {}).get("issuer")):
        if known is not None and same_org(known.name, name):
            return known
    got = ctx.aliases.get(name.lower())
    if got is not None:
        return got
    if person_like(name):
        return Mention(person_name(name), "person")
    return Mention(name, kind_of(name, "organization"))


def _relates(term: str, name: str) -> bool:
    """Whether a defined term can stand for this name: its words or initials, or a role word."""
    low = term.lower()
    if low in _COMPANY_TERMS or low.split()[-1] in _COMPANY_TERMS:
        return True
    t = set(re.findall(r"[a-z0-9]+", low))
    n = re.findall(r"[a-z0-9]+", name.lower())
    if t and t <= set(n):
        return True
    initials = "".join(
        w[0] for w in re.findall(r"[A-Za-z0-9]+", name) if w[0].isupper() or w[0].isdigit()
    )
    return low.replace(".", "").replace(" ", "") == initials.lower()


@Language.factory(NAME)
def make_component(nlp: Language, name: str) -> Component:
    return DefinedTerms(nlp, name)
