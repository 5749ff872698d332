"""Component 8: corporate events a filing reports.

Press and earnings releases ("issued a press release to announce its
financial results for the second quarter of 2003"), board approvals ("the
Board of Directors ... authorized Amendment No. 3 to the Rights Agreement"),
executions ("executed Amendment No. 3 on November 24, 2003"), completed
acquisitions (8-K Item 2 / 2.01), director appointments and officer changes
(Item 5.02, older Item 5 text). Each is an ``event`` claim on the filing with
its type, date and subject. The Items reported are qualifiers of the
``filing`` claim (header component).

Statements of what may, will or will not happen are not events.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

from extractors.claims import Mention
from extractors.components.base import Component
from extractors.parse import DATE_RE, parse_date
from extractors.patterns import load
from extractors.pipeline import FilingContext

NAME = "secgraph_events_v1"
_ROWS = [
    (
        r["id"],
        r["label"],
        r.get("scope", "any"),
        r.get("all_sections", False),
        re.compile(r["pattern"]),
    )
    for r in load("events.jsonl")
]
_AUX = load("events.json")
NOT_EVENT = re.compile(_AUX["not_event"], re.IGNORECASE)
AMENDMENT_FULL = re.compile(_AUX["amendment_full"])
# Cheap test before the patterns: a block without any of these words states no event we read.
PREFILTER = re.compile(
    r"press\s+release|RELEASE|Board\s+of\s+Directors|executed|entered\s+into|signed|acquired|completed"
    r"|consummated|merger|acquisition|appointed|elected|named|resign|retire|promoted"
)
# Where a sentence ends: a period before a capital, not after "No", "Inc", initials (8k_turner_1994.txt).
_SENTENCE_END = re.compile(
    r"(?<!\bNo)(?<!\bInc)(?<!\bCo)(?<!\bCorp)(?<!\bLtd)(?<!\bMr)(?<!\bMs)(?<!\bDr)(?<!\bSt)"
    r"(?<!\b[A-Z])\.\s+(?=[A-Z(\"\u201c])"
)
_ON_DATE = re.compile(r"\b[Oo]n\s+(?:or\s+about\s+)?(?P<d>" + DATE_RE.pattern + ")", re.IGNORECASE)
_EFFECTIVE = re.compile(
    r"\b(?:commencing|effective|beginning)\s+(?:as\s+of\s+|on\s+)?(?P<d>" + DATE_RE.pattern + ")",
    re.IGNORECASE,
)
# ", a Delaware corporation" closing a subject (8k_turner_1994.txt): the name is enough.
_APPOSITIVE_TAIL = re.compile(
    r",\s+an?\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:corporation|company|limited\s+partnership"
    r"|limited\s+liability\s+company)\b.*$"
)
_VAGUE = re.compile(r"(?i)(?:an?|the)\s+(?:agreement|amendment|contract)")
_SKIP_SECTIONS = frozenset(("signature", "exhibit-index"))


class Events(Component):
    """Reads events in the filing's paragraphs (not its signature block or exhibit index)."""

    sections = None

    def begin_filing(self, ctx: FilingContext) -> None:
        ctx.state[NAME] = {"seen": set(), "amendments": {}}

    def process(self, doc: Doc, ctx: FilingContext) -> None:
        section = doc._.section
        if section is None:
            return
        skip = section.kind in _SKIP_SECTIONS
        text = doc._.text
        if not PREFILTER.search(text):
            return
        state = ctx.state.setdefault(NAME, {"seen": set(), "amendments": {}})
        for a in AMENDMENT_FULL.finditer(text):
            state["amendments"].setdefault(a.group("n"), " ".join(a.group(0).split()))
        main = doc._.document is ctx.filing.main
        for rid, label, scope, everywhere, rx in _ROWS:
            if (
                scope == "main"
                and not main
                or scope == "item"
                and not (main and section.kind == "item")
            ):
                continue
            if skip and not everywhere:
                continue
            for m in rx.finditer(text):
                self._emit(doc, ctx, state, rid, label, m)

    def _emit(
        self, doc: Doc, ctx: FilingContext, state: dict, rid: str, label: str, m: re.Match
    ) -> None:
        text = doc._.text
        s0 = _sentence_start(text, m.start())
        if NOT_EVENT.search(text[max(s0, m.start() - 60) : m.start()]):
            return
        subject = _subject(m, state)
        date = _date(text, m, s0, label)
        if label == "agreement_executed" and not date and _VAGUE.fullmatch(subject or ""):
            return  # "entered into an agreement", with nothing to say which or when
        seen = state["seen"]
        if label == "acquisition" and date and (label, date) in seen:
            return
        if label == "press_release" and ("earnings_release", date) in seen:
            return
        key = (label, date, (subject or "").lower()[:60])
        if key in seen or (
            label in ("press_release", "earnings_release") and (label, date) in seen
        ):
            return
        seen.update({key, (label, date)})
        ev = ctx.evidence(
            doc, max(s0, m.start() - 80) if date and s0 < m.start() else m.start(), m.end()
        )
        ctx.add("event", Mention(ctx.doc_id, "filing"), subject, ev, NAME, rid,
                type=label, date=date, subject=subject)


def _sentence_start(text: str, pos: int) -> int:
    lo = max(0, pos - 400)
    last = lo
    para = text.rfind("\n\n", lo, pos)
    if para >= 0:
        last = para + 2
    for m in _SENTENCE_END.finditer(text, last, pos):
        last = m.end()
    return last


def _subject(m: re.Match, state: dict) -> str | None:
    if "subject" not in m.re.groupindex or not m.group("subject"):
        return None
    subject = " ".join(m.group("subject").split()).strip(" ,;:")
    subject = re.sub(r"^(?:that|the\s+Company's|its)\s+", "", subject)
    subject = _APPOSITIVE_TAIL.sub("", subject)
    n = re.fullmatch(r"Amendment\s+No\.\s*(\d+)", subject)
    if n and n.group(1) in state["amendments"]:
        subject = state["amendments"][n.group(1)]
    return subject or None


def _date(text: str, m: re.Match, s0: int, label: str) -> str | None:
    if "date" in m.re.groupindex and m.group("date"):
        return parse_date(m.group("date"))
    end = _sentence_end(text, m.end())
    if label in ("director_appointment", "officer_change"):
        eff = _EFFECTIVE.search(text, m.start(), end)
        if eff:
            return parse_date(eff.group("d"))
    found = None
    for on in _ON_DATE.finditer(text, s0, m.start()):
        found = on
    if found:
        return parse_date(found.group("d"))
    after = _ON_DATE.search(text, m.end(), min(end, m.end() + 40))
    if after:
        return parse_date(after.group("d"))
    return None


def _sentence_end(text: str, pos: int) -> int:
    m = _SENTENCE_END.search(text, pos, min(len(text), pos + 400))
    return m.start() + 1 if m else min(len(text), pos + 400)


@Language.factory(NAME)
def make_component(nlp: Language, name: str) -> Component:
    return Events(nlp, name)
