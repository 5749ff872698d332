"""Holdings and ownership thresholds stated in prose.

``X Fund has indicated to the Company that it currently owns 2,800,500
shares, or 24.2% of the total common stock outstanding`` (an 8-A/A),
``X beneficially owns 62.9% of the Company's Common Stock`` (13D Item 5),
``owned approximately 34% of the outstanding Common Stock`` (10-K notes), and
rights-plan thresholds: ``becomes the beneficial owner of more than 40% of the
Company's common stock``, ``15% or more of the outstanding Common Shares``.
The regexes are data (``patterns/holdings_prose.jsonl``,
``patterns/ownership_limits.json``); this module expands their placeholders
and finds owners, issuers and holders around a match.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.parse import parse_date
from extractors.patterns import load

_LEX = load("holdings.json")
_LIM = load("ownership_limits.json")

_CLASS_ALT = "|".join(re.escape(c).replace(r"\ ", r"\s+") for c in sorted(_LEX["security_classes"], key=len, reverse=True))
# One word of a proper name; a period only closes an abbreviation or an initial ("Inc.", "L.P.", "J."),
# so that "Acme Funding. John" stops at the sentence end.
_NAME_TOKEN = (r"(?:[A-Z](?:\.[A-Z])+\.?|(?:Inc|Corp|Co|Ltd|Bros|Jr|Sr|Mfg|Intl|Cos)\.|[A-Z]\."
               r"|[A-Z][\w&'\u2019\-]*)")
PLACEHOLDERS = {
    "PCT": r"\d{1,3}(?:\.\d+)?\s*(?:%|percent\b|per\s+cent\b)",
    "SHARES": r"\d{1,3}(?:,\d{3})+|\d{4,}",
    "CLASS": rf"(?:{_CLASS_ALT})",
    "ISSUER": r"(?:the\s+)?(?:[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,5})(?:'s|\u2019s)",
    "APPROX": r"(?:approximately\s+|about\s+|an\s+aggregate\s+of\s+|a\s+total\s+of\s+|aggregate\s+of\s+)?",
    # A proper name: capitalised words and connectors, a comma only before a corporate suffix.
    "NAME": (r"(?-i:(?:\d[\w\-]*[ \t]+)?" + _NAME_TOKEN + r"(?:(?:[ \t\n]+|,[ \t\n]*(?=(?:Inc|LLC|L\.?P|Ltd|Corp|Co|N\.A)\b))"
             r"(?:" + _NAME_TOKEN + r"|of|and|&))*)"),
}


def expand(pattern: str) -> str:
    """Fill ``{PCT}``-style placeholders of a pattern file's regex."""
    for key, value in PLACEHOLDERS.items():
        pattern = pattern.replace("{" + key + "}", value)
    return pattern


OWNS_PATTERNS = [(row["id"], row["label"], re.compile(expand(row["pattern"]), re.IGNORECASE))
                 for row in load("holdings_prose.jsonl")]
CONTINUATIONS = [p for p in OWNS_PATTERNS if p[1] == "owns_continuation"]
# An appositive between a name and its verb: ', a Georgia corporation ("ABC"),' (8-K Item 2 prose).
_APPOSITIVE = re.compile(
    r"(?:,?\s*\((?:the\s+)?[\"\u201c][^\"\u201d]{1,40}[\"\u201d]\)|,\s*(?:a|an)\s+[A-Za-z ]{2,50}?"
    r"(?:corporation|company|partnership|association|trust|bank)(?:\s*\((?:the\s+)?[\"\u201c][^\"\u201d]{1,40}[\"\u201d]\))?)"
    r"\s*,?\s*$")
#: Cheap test before the prose patterns: a percent or a share count near an ownership verb.
PREFILTER = re.compile(r"\b(?:own|owns|owned|holds?|held|beneficial|beneficially)\b|sole\s+(?:stock|share)holder|acquired\s+all\s+of", re.IGNORECASE)
#: Second cheap test: a number, a percent or a whole-ownership phrase.
PREFILTER2 = re.compile(r"%|percent|\d,\d{3}|wholly|sole\s+(?:stock|share)holder|all\s+of\s+the", re.IGNORECASE)
LIMIT_CONTEXT = re.compile(_LIM["context"], re.IGNORECASE)
THRESHOLD = re.compile(expand(_LIM["threshold"]), re.IGNORECASE)
GENERIC_HOLDERS = [(re.compile(r["pattern"], re.IGNORECASE), r["holder"]) for r in _LIM["generic_holders"]]
EFFECTS = [(r["id"], re.compile(r["pattern"], re.IGNORECASE), r["effect"]) for r in _LIM["effects"]]
AGREEMENT = re.compile(_LIM["agreement"])
PREVIOUS = re.compile(_LIM["previous"], re.IGNORECASE)
PERCENT_NUM = re.compile(r"(\d{1,3}(?:\.\d+)?)")
_POSSESSIVE = re.compile(
    rf"(?:(?P<the>the\s+)?(?P<name>[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){{0,5}})(?:'s|\u2019s)|\b(?P<our>our|its)\b)"
    rf"\s+(?:total\s+|then\s+|issued\s+and\s+outstanding\s+|outstanding\s+)*{PLACEHOLDERS['CLASS']}"
)
_OUTSTANDING = re.compile(
    r"(?:of|based\s+(?:up)?on)\s+(?:the\s+|a\s+total\s+of\s+)?(?P<n>\d{1,3}(?:,\d{3})+)\s+shares\s+"
    r"(?:of\s+(?:[A-Za-z]+\s+){1,3})?(?:then\s+)?(?:issued\s+and\s+)?outstanding", re.IGNORECASE)
_SENT_END = re.compile(r"(?<![A-Z][a-z])(?<!\b[A-Z])(?<!\bNo)(?<!\bInc)(?<!\bCo)(?<!\bCorp)(?<!\bLtd)[.;](?=\s+[A-Z(\"\u201c]|\s*$)")
_THAT_PRONOUN = re.compile(
    r"\b(?:has|had|have)\s+(?:indicated|informed|advised|reported|notified|represented|stated|told|confirmed)"
    r"\b[^.;]{0,80}?\bthat\s+(?:it|he|she|they)\s*$", re.IGNORECASE)
# A name written right before a verb: capitalised words, initials, connectors, a comma before a suffix.
_NAME_TAIL = re.compile(
    r"(?P<name>(?:[A-Z][\w.&'\u2019\-]*|\d+[A-Za-z][\w\-]*)"
    r"(?:(?:[ \t]+|,[ \t]*(?=(?:Inc|LLC|L\.?L\.?C|L\.?P|Ltd|Jr|Sr|III|II|IV|N\.A|S\.A|plc|PLC)\b))"
    r"(?:[A-Z][\w.&'\u2019\-]*|of|and|&|de|du|la|for|\d+[\w\-]*))*)[ \t]*,?[ \t]*$")
_LEAD_STOP = frozenset(_LEX["owner_stop_words"]) | frozenset(
    ["accordingly", "additionally", "also", "as", "at", "currently", "further", "furthermore", "in", "moreover", "on", "pursuant", "since", "thus", "therefore", "today", "upon", "while", "when", "whereas", "although", "because", "if"])
_CONNECTORS = frozenset(["of", "and", "&", "de", "du", "la", "for", "the"])
_OBJECT_OF = re.compile(r"\b(?:of|for|with|and|by|from|to|in|as|than|between|&)\s*,?\s*$", re.IGNORECASE)


@dataclass
class ProseHolding:
    pattern: str
    start: int  # span of the statement in the block text (owner to class)
    end: int
    owner: tuple[int, int, str]
    issuer_text: str | None  # a name written for the issuer, "our"/"its", or None
    security_class: str | None
    shares: int | None
    percent: float | None
    outstanding: int | None
    as_of: str | None
    current: bool


@dataclass
class Threshold:
    start: int
    end: int
    percent: float
    holder: str  # generic holder text (canonical) or a name
    generic: bool
    effect: str | None
    agreement: str | None
    previous: bool


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around ``[start, end)`` of a block text."""
    s = 0
    for m in _SENT_END.finditer(text, 0, start):
        s = m.end()
    m = _SENT_END.search(text, end)
    return s, (m.end() if m else len(text))


def name_before(text: str, pos: int, floor: int) -> tuple[int, int, str] | None:
    """The name written right before ``pos`` (not an object of a preposition)."""
    for _ in range(3):
        a = _APPOSITIVE.search(text, max(floor, pos - 120), pos)
        if not a or a.start() == pos:
            break
        pos = a.start()
    lo = max(floor, pos - 160)
    m = _NAME_TAIL.search(text, lo, pos)
    if not m:
        return None
    got = _trim_name(text, m.start("name"), m.end("name"))
    if got is None:
        return None
    start, end, name = got
    if name.lower() in _LEX["owner_stop_words"] or (" " not in name and len(name) < 3):
        return None
    if _OBJECT_OF.search(text, max(floor, start - 12), start):
        return None
    return start, end, name


def name_after(text: str, pos: int, end: int) -> tuple[int, int, str] | None:
    """The name that opens a sentence at ``pos`` (the subject of "X has indicated ... that it owns")."""
    m = re.compile(
        r"\s*(?:\(\w{1,3}\)\s*)?(?:the\s+)?(?P<name>[A-Z][\w.&'\u2019\-]*(?:[ \t\n]+(?:[A-Z][\w.&'\u2019\-]*|of|and|&))*)"
    ).match(text, pos, end)
    if not m:
        return None
    name = m.group("name")
    words = name.split()
    while words and words[-1].lower() in _CONNECTORS:
        words = words[:-1]
    if not words or words[0].lower() in _LEAD_STOP:
        return None
    s = m.start("name")
    e = text.index(words[-1], s) + len(words[-1])
    return s, e, " ".join(text[s:e].split())


#: Owner marker: the registrant itself ("the Company's wholly owned subsidiary").
SELF = "\x00self"


def _trim_name(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """A name span without leading sentence words or trailing connectors and commas."""
    while True:
        seg = text[start:end].rstrip(" \t\n,")
        end = start + len(seg)
        m = _TRAIL_CONNECTOR.search(seg)
        if not m:
            break
        end = start + m.start()
    while True:
        m = _LEAD_WORD.match(text, start, end)
        if not m or (m.group(1).lower().rstrip(",") not in _LEAD_STOP and m.group(1).lower() not in _CONNECTORS):
            break
        start = m.end()
    if end <= start:
        return None
    return start, end, " ".join(text[start:end].split())


_TRAIL_CONNECTOR = re.compile(r"[ \t\n]+(?:of|and|&|de|du|la|for|the)$", re.IGNORECASE)
_LEAD_WORD = re.compile(r"(\S+)[ \t\n]+")


#: Words a holding statement turns on; the patterns are run only in windows around them.
_ANCHOR = re.compile(r"(?i:own|held|hold|beneficial|stockholder|shareholder|acquired\s+all)")
_WINDOW = 320


def _windows(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    for m in _ANCHOR.finditer(text):
        s, e = max(0, m.start() - _WINDOW), min(len(text), m.end() + _WINDOW)
        if spans and s <= spans[-1][1]:
            spans[-1] = (spans[-1][0], e)
        else:
            spans.append((s, e))
    return spans


def _in_windows(rx: re.Pattern, text: str, windows: list[tuple[int, int]]):
    seen: set[int] = set()
    for ws, we in windows:
        for m in rx.finditer(text, ws, we):
            if m.start() not in seen:
                seen.add(m.start())
                yield m


def find_holdings(text: str, filing_date: str | None) -> list[ProseHolding]:
    """Prose holdings in one block's text (searched only near ownership words)."""
    out: list[ProseHolding] = []
    taken: list[tuple[int, int]] = []
    windows = _windows(text)
    for pid, label, rx in OWNS_PATTERNS:
        if label == "owns_continuation":
            continue
        for m in _in_windows(rx, text, windows):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            s_start, s_end = sentence_bounds(text, m.start(), m.end())
            gd = m.groupdict()
            if gd.get("owner"):
                owner = _trim_name(text, m.start("owner"), m.end("owner"))
            elif gd.get("owner_self"):
                owner = (m.start("owner_self"), m.end("owner_self"), SELF)
            else:
                vstart = m.start("verb")
                that = _THAT_PRONOUN.search(text[s_start:vstart])
                if that:
                    owner = name_after(text, s_start, s_start + that.start())
                else:
                    owner = name_before(text, vstart, s_start)
            if owner is None:
                continue
            cls = gd.get("cls1") or gd.get("cls2")
            issuer_text = gd.get("issuer_of") or gd.get("issuer_in")
            if gd.get("issuer"):
                got = _trim_name(text, m.start("issuer"), m.end("issuer"))
                if got is None:
                    continue
                issuer_text = got[2]
            if not issuer_text and gd.get("verb"):
                pm = _POSSESSIVE.search(text, m.start("verb"), m.end())
                if pm:
                    issuer_text = pm.group("name") or pm.group("our")
            shares = int(gd["shares"].replace(",", "")) if gd.get("shares") else None
            pct_m = PERCENT_NUM.match(gd["pct"]) if gd.get("pct") else None
            percent = float(pct_m.group(1)) if pct_m else (100.0 if label == "owns_whole" else None)
            if percent is not None and percent > 100:
                continue
            outstanding = int(gd["outstanding"].replace(",", "")) if gd.get("outstanding") else None
            if outstanding is None:
                # "24.2% of the 11,500,000 shares of common stock outstanding": the count may
                # stand inside the percent's own phrase, so look from the percent on.
                om = _OUTSTANDING.search(text, m.start("pct") if gd.get("pct") else m.end(), s_end)
                outstanding = int(om.group("n").replace(",", "")) if om else None
            sentence = text[s_start:s_end]
            current = bool(re.search(r"\b(?:currently|presently|now)\b", text[s_start:m.end()], re.IGNORECASE))
            as_of = None
            am = re.search(r"\bas\s+of\s+", sentence, re.IGNORECASE)
            if am and label != "owns_whole":
                as_of = parse_date(sentence[am.end(): am.end() + 30])
            if as_of is None and current:
                as_of = filing_date
            if as_of is None and pid == "acquired_all":
                as_of = parse_date(sentence)
            cls_text = " ".join(cls.lower().split()) if cls else None
            out.append(ProseHolding(pid, min(owner[0], m.start()), max(m.end(), owner[1]), owner, issuer_text, cls_text, shares, percent,
                                    outstanding, as_of, current))
            taken.append((m.start(), m.end()))
            if pid == "owns_pct":
                out.extend(_continuations(text, m.end(), s_end, out[-1]))
    return out


def _continuations(text: str, start: int, end: int, first: ProseHolding) -> list[ProseHolding]:
    """``..., Robert Roe owned approximately 23% and Jane Doe owned approximately 12%`` after a full statement."""
    out = []
    for _pid, _label, rx in CONTINUATIONS:
        for m in rx.finditer(text, start, end):
            owner = _trim_name(text, m.start("owner"), m.end("owner"))
            pct = float(PERCENT_NUM.match(m.group("pct")).group(1))
            if owner is None or pct > 100:
                continue
            out.append(ProseHolding(_pid, owner[0], m.end(), owner, first.issuer_text, first.security_class,
                                    None, pct, None, first.as_of, first.current))
    return out


def find_thresholds(text: str) -> list[Threshold]:
    """Ownership thresholds of a rights plan (or a board-approval rule) in one block's text."""
    if not LIMIT_CONTEXT.search(text):
        return []
    out: list[Threshold] = []
    for m in THRESHOLD.finditer(text):
        pct = float(PERCENT_NUM.match(m.group("pct")).group(1))
        if not 0 < pct <= 100:
            continue
        s_start, s_end = sentence_bounds(text, m.start(), m.end())
        holder, generic = _holder(text, s_start, m)
        if holder is None:
            continue
        sentence = text[s_start:s_end]
        para_before = text[max(0, s_start - 600):s_start]
        effect = _effect(sentence, para_before)
        agreement, previous = _agreement(text, s_start, s_end, m.start())
        out.append(Threshold(m.start(), m.end(), pct, holder, generic, effect, agreement, previous))
    return out


def _holder(text: str, s_start: int, m: re.Match) -> tuple[str | None, bool]:
    by = m.group("by") or m.group("by2")
    if by:
        for rx, canonical in GENERIC_HOLDERS:
            if rx.search(by):
                return canonical, True
        return None, False
    window = text[max(s_start, m.start() - 300):m.start()]
    best: tuple[int, str, bool] | None = None
    for rx, canonical in GENERIC_HOLDERS:
        for g in rx.finditer(window):
            if best is None or g.end() > best[0]:
                best = (g.end(), canonical, True)
    # A named holder: a defined group or entity written before the verb ("the X Group, together with ...").
    named = re.finditer(r"(?:the\s+)?(?P<n>[A-Z][\w.&\-]*(?:\s+[A-Z][\w.&\-]*){0,4}\s+(?:Group|Fund|L\.?P\.?|LLC|Inc\.|Corporation))\b",
                        window)
    for g in named:
        if best is None or g.end() > best[0]:
            best = (g.end(), g.group("n"), False)
    if m.group("verb").lower().startswith("accumulation") and (best is None or not best[2]):
        return "any person or group of affiliated or associated persons", True
    if best is None:
        return None, False
    return best[1], best[2]


def _effect(sentence: str, before: str) -> str | None:
    for _id, rx, effect in EFFECTS:
        if rx.search(sentence):
            return effect
    for _id, rx, effect in EFFECTS[:2]:
        if rx.search(before[-400:]):
            return effect
    return None


def _agreement(text: str, s_start: int, s_end: int, pos: int) -> tuple[str | None, bool]:
    """The agreement that sets a threshold: the nearest amendment or plan named in the sentence or before it."""
    previous = bool(PREVIOUS.search(text, s_start, s_end))
    in_sentence = list(AGREEMENT.finditer(text, s_start, s_end))
    numbered = [a for a in in_sentence if a.group("num")]
    if numbered:
        found = numbered[0] if previous else min(numbered, key=lambda a: abs(a.start() - pos))
    elif in_sentence:
        found = in_sentence[0]
    else:
        before = list(AGREEMENT.finditer(text, max(0, s_start - 800), s_start))
        found = before[-1] if before else None
    if found is None:
        return None, previous
    if found.group("num"):
        of = found.group("of") or ("Rights Agreement" if re.search(r"Rights\s+Agreement", text) else None)
        name = f"Amendment No. {found.group('num')}" + (f" to the {' '.join(of.split())}" if of else "")
        return name, previous
    return " ".join(found.group("plain").split()), previous
