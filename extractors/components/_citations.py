"""Incorporation by reference: where an exhibit (or a note) says a document was filed before.

``split_citation`` cuts an exhibit description into its title and the clause that
cites an earlier filing; ``parse_citation`` reads that clause: the form
(``S-1``, ``10-K``, ``8-K/A``), an amendment of it, the registration or file
number, the filing date (only when the text says *filed*; a "dated" or
"for the year ended" date is not a filing date) and the exhibit number there.
Shared by ``secgraph_exhibits_v1`` and ``secgraph_agreements_v1``.
"""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.parse import DATE_RE, date_from_match
from extractors.patterns import load

_EX = load("exhibits.json")

#: An exhibit number as printed in lists and citations: 99.1, 4.2(a), 10.A.49, 10.A-49,
#: 10.A.3-1, 4.1b, 99(a), and the Schedule TO style (a)(1)(A) (8-A/A, 1990s 10-Ks,
#: a Schedule TO).
NUM = (
    r"(?:\d{1,3}(?:\.\d{1,3}|\.[A-Z]{1,2}(?=[.\-])|-\d{1,3}(?![\d,]))*[a-z]?(?:\([A-Za-z0-9]{1,3}\))*"
    r"|(?:\([A-Za-z0-9]{1,3}\)){1,4})"
)
#: Ends an exhibit number: not followed by more of a word, a comma, a slash or a decimal.
NUM_END = r"(?![\w/,%$]|\.\d|\.[A-Z]\.)"

# "filed with the Commission on <date>", "filed on", "Form 8-K filed <date>",
# "as filed on <date>" (8-A/A, 10-K, 1990s 8-K). A date after
# "dated" or "ended" is not a filing date; "filed by the Registrant dated ..." (a 2002 8-K) is not either.
_FILED = re.compile(
    r"\bfiled\b(?:\s+electronically)?(?:\s+with\s+the\s+(?:U\.S\.\s+)?(?:Securities\s+(?:and\s+)?Exchange\s+Commission"
    r"|Commission|SEC)(?:\s*\([^()]{0,20}\))?)?\s*,?\s*(?:on\s+(?:or\s+about\s+)?)?",
    re.IGNORECASE,
)
# "Commission File No. <file no.>", "File No. <file no.>", "file no. <file no.>", "Registration No. <file no.>",
# "Registration Statement No. <file no.>", "(No. <file no.>)" (8-A/A, 10-Ks, 8-K prose).
_FILE_NO = re.compile(
    r"(?:\b(?:Commission\s+)?(?:File|Registration(?:\s+Statement)?)\s*(?:No|Number|Nos)\.?\s*:?\s*|\(No\.\s*)"
    r"(\d{1,3}-\d{3,6}(?:-\d{1,3})?)\b",
    re.IGNORECASE,
)
# "Exhibit 3.1 to", "exhibit number 4.2 in", "Exhibit 99(a)", "Exhibit C to the definitive Proxy Statement".
_SRC_EXHIBIT = re.compile(
    r"\bexhibits?\s+(?:no\.?\s*|number\s+)?(" + NUM + r"|[A-Z](?![\w.]))(?![\w/%$]|\.\d)",
    re.IGNORECASE,
)
# "the exhibit with the same number", "the exhibit of that number" (1990s 10-K notes).
_SAME_NUMBER = re.compile(
    r"\bexhibits?\s+(?:with|of|bearing)\s+(?:the\s+same|that|a\s+like)\s+numbers?\b"
    r"|\bsame\s+exhibit\s+numbers?\b",
    re.IGNORECASE,
)
# "Amendment No. 1 to the Registration Statement on Form S-1", "Post-Effective Amendment No. 2 to".
_AMENDMENT = re.compile(r"\bAmendment\s+No\.?\s*(\d{1,2})\b(?=[^.;]{0,60}?\bto\b)", re.IGNORECASE)


@lru_cache(maxsize=1)
def _forms() -> tuple[re.Pattern, dict[str, str], list[tuple[re.Pattern, str]]]:
    rows = load("form_types.jsonl")
    codes = sorted((r for r in rows if r["kind"] == "code"), key=lambda r: -len(r["pattern"]))
    labels = {r["pattern"].upper().replace(" ", ""): r["label"] for r in codes}
    alt = "|".join(
        re.escape(r["pattern"]).replace(r"\-", r"-\s{0,3}").replace(r"\ ", r"\s") for r in codes
    )
    # "Form S-1", "Forms 10-Q", "Form 10- Q/A" (a line break inside the code, a 1995 prospectus), "Schedule 13D".
    form_re = re.compile(r"\b(Forms?|Schedule)\s+(" + alt + r")(\s?/\s?A)?(?![\w-])", re.IGNORECASE)
    phrases = [
        (
            re.compile(
                r"(?<!\w)" + re.escape(r["pattern"]).replace(r"\ ", r"\s+") + r"(?!\w)",
                re.IGNORECASE,
            ),
            r["label"],
        )
        for r in rows
        if r["kind"] == "phrase"
    ]
    return form_re, labels, phrases


def find_form(text: str) -> tuple[str, int, int] | None:
    """The first SEC form named in ``text``: (code such as ``10-K`` or ``8-K/A``, start, end)."""
    form_re, labels, phrases = _forms()
    m = form_re.search(text)
    if m:
        code = labels.get(re.sub(r"\s", "", m.group(2)).upper())
        schedule = m.group(1).lower() == "schedule"
        if code and schedule == code.startswith("SC "):  # "Schedule 13D" but not "Form 13D"
            return code + ("/A" if m.group(3) else ""), m.start(), m.end()
    best = None
    for rx, label in phrases:
        p = rx.search(text)
        if p and (best is None or p.start() < best[1]):
            best = (label, p.start(), p.end())
    return best


def _phrase_re(phrases: list[str]) -> re.Pattern:
    alt = "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)
    )
    return re.compile(alt, re.IGNORECASE)


CITE_START = _phrase_re(_EX["citation_starts"])
_STATUS = _phrase_re(_EX["status_notes"])
# A bracketed citation that starts with the exhibit number: "[Exhibit 3.8, Form 8-K filed <date>]"
# (a 2010 10-K).
_BRACKET_CITE = re.compile(
    r"[\[(]\s*Exhibits?\s+(?:No\.?\s*)?(?:" + NUM + r"|[A-Z])\s*(?:,|\bto\b|\bof\b|\bin\b)",
    re.IGNORECASE,
)


def _open_before(text: str, pos: int) -> int | None:
    """The unclosed ``(`` or ``[`` that encloses ``pos``, if any."""
    depth = 0
    for i in range(pos - 1, -1, -1):
        c = text[i]
        if c in ")]":
            depth += 1
        elif c in "([":
            if depth == 0:
                return i
            depth -= 1
    return None


def _close_after(text: str, start: int) -> int:
    """The index just after the bracket matching the one at ``start`` (or the text's end)."""
    depth = 0
    for i in range(start, len(text)):
        c = text[i]
        if c in "([":
            depth += 1
        elif c in ")]":
            depth -= 1
            if depth == 0:
                return i + 1
    return len(text)


def split_citation(text: str) -> tuple[str, str | None, int | None]:
    """Cut an exhibit description into (title, citation clause or None, offset of the clause).

    The title loses the citation and filing-status notes ("(furnished pursuant to
    Item 12 of Form 8-K)", "(filed herewith)"); white space is folded.
    """
    start = None
    m = CITE_START.search(text)
    b = _BRACKET_CITE.search(text)
    if b and (m is None or b.start() < m.start()):
        start, end = b.start(), _close_after(text, b.start())
    elif m:
        op = _open_before(text, m.start())
        if (
            op is not None
            and op >= m.start() - 60
            and not text[op + 1 : m.start()].strip(" ,;").count(" ") > 3
        ):
            start, end = op, _close_after(text, op)
        else:
            start, end = m.start(), len(text)
            # "..., and incorporated herein by reference" starts the clause at "filed as" (a 1994 8-K).
    cite = None
    title = text
    if start is not None:
        cite = text[start:end].strip()
        if parse_citation(cite) or re.match(r"[(\[]?\s*incorporated", cite, re.IGNORECASE):
            title = text[:start] + " " + text[end:]
        else:  # "(included in the opinion filed as Exhibit 5.1)" (a 2019 8-K): not a citation
            cite, start = None, None
    title = _strip_status(title)
    title = " ".join(title.split()).strip(" ,;:")
    if title.endswith(".") and not re.search(
        r"\b(?:[A-Z]|Inc|Co|Corp|Ltd|N\.A|L\.P|S\.A|Jr|No)\.$", title
    ):
        title = title[:-1].rstrip(" ,;")
    return title, cite, start


def _strip_status(title: str) -> str:
    for m in reversed(list(_STATUS.finditer(title))):
        op = _open_before(title, m.start())
        if op is not None and not title[op + 1 : m.start()].strip():
            title = title[:op] + title[_close_after(title, op) :]
    return title


def parse_citation(cite: str, own_number: str | None = None) -> dict[str, object]:
    """The source of an incorporated exhibit: source_form, source_amendment_no, source_number,
    source_filed, source_exhibit (only the fields the clause states)."""
    out: dict[str, object] = {}
    form = find_form(cite)
    if form:
        out["source_form"] = form[0]
        am = None
        for a in _AMENDMENT.finditer(cite, 0, form[1] + 1):
            am = int(a.group(1))
        if am is not None and not form[0].endswith("/A"):
            out["source_amendment_no"] = am
    n = _FILE_NO.search(cite)
    if n:
        out["source_number"] = n.group(1)
    for f in _FILED.finditer(cite):
        d = DATE_RE.match(cite, f.end())
        iso = date_from_match(d) if d else None
        if iso:
            out["source_filed"] = iso
            break
    if _SAME_NUMBER.search(cite):
        if own_number:
            out["source_exhibit"] = own_number
    else:
        e = _SRC_EXHIBIT.search(cite)
        if e:
            out["source_exhibit"] = e.group(1).rstrip(".")
    if not ({"source_form", "source_number"} & out.keys()):
        return {}
    return out
