"""Signature blocks: who signed, with what title, when, and for whom.

A block is read as lines of column segments (``_lines.segments``). Each
signature starts at an anchor: a conformed signature (``/s/ Name``,
``By:/s/Name``, ``\\s\\ Name`` in 8k_walmart_1995.txt, ``(s) Name`` in
13fa_berkshire_2003.txt), a ``By:`` followed by a typed name
(8k_astafunding_2004.txt) or "By Order of the Board of Directors" (proxy
statements). The lines after it, in its column (or, in a Signature / Title /
Date table, in the rows it spans), give the typed name, the title lines and
the date. Company lines above anchors say on whose behalf the signer signs;
"By: X, its general partner" lines name an intermediary.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.components._lines import PAGE_LINE, RULE_LINE, Seg, segments, squash
from extractors.components._titles import continues_title, has_head, is_title_line, join_title
from extractors.names import kind_of
from extractors.parse import DATE_RE, date_from_match
from extractors.patterns import load

_P = load("signatures.json")
ANCHOR = re.compile(_P["anchor"], re.IGNORECASE)
BY_ONLY = re.compile(_P["by_only"], re.IGNORECASE)
BY_ORDER = re.compile(_P["by_order"], re.IGNORECASE)
INTERMEDIARY = re.compile(_P["intermediary"], re.IGNORECASE)
STOP = re.compile(_P["stop_heading"], re.IGNORECASE | re.MULTILINE)
DATE_SEG = re.compile(_P["date_segment"], re.IGNORECASE)
NAME_LABEL = re.compile(_P["name_label"], re.IGNORECASE)
TITLE_LABEL = re.compile(_P["title_label"], re.IGNORECASE)
SKIP = re.compile(_P["skip_segment"], re.IGNORECASE)
ATTORNEY = re.compile(_P["attorney_in_fact"], re.IGNORECASE)
TABLE_HEAD = re.compile(_P["table_head"], re.IGNORECASE)
AUTHORIZED = re.compile(_P["authorized_person_label"], re.IGNORECASE)
NOT_PARTY = re.compile(_P["not_party"], re.IGNORECASE)
_ORG_SUFFIX_ONLY = re.compile(
    r"^(?:L\.?L\.?C\.?|INC\.?|INCORPORATED|CORP(?:ORATION)?\.?|L\.?P\.?|LTD\.?|LIMITED|COMPANY|CO\.)$",
    re.IGNORECASE,
)
_SUFFIX = re.compile(r"^(?:Jr\.?|Sr\.?|III?|IV|M\.D\.|Ph\.D\.|Esq\.?)$", re.IGNORECASE)
_BY_LINE = re.compile(r"(?i)(?:^|\s)By[ \t]*:")
_NAME_TOKEN = re.compile(
    r"^(?:[A-Z][a-zA-Z'\-]+\.?|[A-Z]\.(?:[A-Z]\.)*|Jr\.?|Sr\.?|III?|IV|M\.D\.|Ph\.D\.|Esq\.?|de|van|von|da|del|la|le|Mc[A-Z][a-z]+)$"
)


@dataclass
class Signer:
    """One signature: the signer, title lines, date and the company signed for."""

    name: str
    anchor: Seg
    title_segs: list[Seg] = field(default_factory=list)
    date: str | None = None
    company: Seg | None = None  # the company line above the anchor ("EXAMPLE WIDGETS CORPORATION")
    company_name: str | None = None
    intermediary: tuple[str, str] | None = None  # ("Example GP Inc.", "general partner")
    by: bool = False  # signed "By:" for the company above
    attorney: str | None = None  # signed by this attorney-in-fact ("*By: /s/ X, Attorney-in-Fact")
    party_above: bool = False  # the company line stands right above this signer's "By:" line

    @property
    def title(self) -> str | None:
        t = join_title([s.text for s in self.title_segs]) if self.title_segs else ""
        return t or None


def person_like(text: str) -> bool:
    """Whether a segment reads as a person's name ("Jane Q. Public", "JOHN A. DOE")."""
    t = squash(text).strip(" ,*")
    t = re.sub(r",\s*(?:Jr\.?|Sr\.?|III?|IV|M\.D\.|Ph\.D\.|Esq\.?)$", "", t, flags=re.IGNORECASE)
    words = t.split()
    if not 2 <= len(words) <= 5 or "," in t or kind_of(t, "") or has_head(t) or DATE_RE.search(t):
        return False
    return all(_NAME_TOKEN.match(w) or _NAME_TOKEN.match(w.title()) for w in words)


def company_like(text: str) -> bool:
    t = squash(text).strip(" ,")
    return (
        bool(t)
        and len(t) < 120
        and kind_of(t, "") != ""
        and not ANCHOR.search(t)
        and not t.lower().startswith("by")
    )


def parse_block(text: str, start: int, end: int) -> list[Signer]:
    """The signers of ``text[start:end]``."""
    stop = STOP.search(text, start, end)
    if stop and stop.start() > start:
        end = stop.start()
    rows = segments(text, start, end)
    block_date = _block_date(text, start, end, rows)
    anchors = _anchors(rows)
    table_row = _table_row(rows)
    out: list[Signer] = []
    company: tuple[Seg, str] | None = None
    inter: tuple[str, str] | None = None
    last_row = -1
    for idx, (r, seg, name, by) in enumerate(anchors):
        # Company and intermediary lines between the previous anchor and this one.
        for row in rows[last_row + 1 : r]:
            joined = " ".join(s.text for s in row)
            m = INTERMEDIARY.match(joined + " " + _next_text(rows, row))
            if row and BY_ONLY.match(row[0].text) and m and company_like(m.group("org")):
                inter = (squash(m.group("org")).strip(" ,"), m.group("role").strip(" ,.").lower())
                continue
            for s in row:
                if _company_seg(s, row, rows):
                    company = (s, _join_suffix(s, rows))
                    inter = None
        nxt = anchors[idx + 1][0] if idx + 1 < len(anchors) else len(rows)
        same_row = [a for a in anchors if a[0] == r]
        lo, hi = _column_range(seg, same_row)
        signer = Signer(name, seg, by=by)
        party = _party_above(rows, r, seg, last_row) if by else None
        if party is not None:
            company, inter = (party, _join_suffix(party, rows)), None
            signer.party_above = True
        elif by and company and out and out[-1].party_above and out[-1].company is company[0]:
            signer.party_above = True  # a second officer signing for the same party
        if company and (by or r - company[0].line <= 3):
            signer.company, signer.company_name = company[0], company[1]
            signer.intermediary = inter
        if table_row is not None and r > table_row:
            first = _entry_top(rows, r, seg, last_row)
            stop_row = (
                _entry_top(rows, nxt, anchors[idx + 1][1], r)
                if idx + 1 < len(anchors)
                else len(rows)
            )
            _fill_table(signer, rows, first, min(stop_row, r + 9), lo, hi)
        else:
            _fill(signer, rows, r, min(nxt if nxt > r else len(rows), r + 9), lo, hi)
        signer.date = signer.date or block_date
        out.append(signer)
        last_row = r
    _attorneys(out, rows)
    _titles_from_labels(out, rows)
    _titles_above_label(out, text, start, end)
    return [s for s in out if s.name]


def _party_above(rows: list[list[Seg]], r: int, seg: Seg, floor: int) -> Seg | None:
    """The party's name on the line right above a "By:" signature ("BNP PARIBAS" / "By: /s/ X",
    8k_apple_2019.txt): a company name, or words in capitals; not a label, date or title."""
    for row in reversed(rows[max(floor + 1, r - 6) : r]):
        cells = [x for x in row if not RULE_LINE.match(x.text)]
        if not cells:
            continue
        near = [x for x in cells if abs(x.col - seg.col) <= 12] if len(cells) > 1 else cells
        if len(near) != 1:
            return None
        t = squash(near[0].text)
        if BY_ONLY.match(t) and not squash(BY_ONLY.match(t).group("rest") or ""):
            continue
        if _ORG_SUFFIX_ONLY.match(t):
            continue  # "EXAMPLE ASSET MANAGEMENT" / "LLC": the name's first line (_join_suffix)
        if SKIP.match(t) or (t.startswith("(") and t.endswith(")")):
            continue
        if (
            t.endswith((":", ","))
            or BY_ONLY.match(t)
            or ANCHOR.search(t)
            or NAME_LABEL.match(t)
            or TITLE_LABEL.match(t)
            or DATE_SEG.match(t)
            or PAGE_LINE.match(t)
            or is_title_line(t)
            or not re.match(r"[A-Z0-9]", t)
            or NOT_PARTY.match(t)
            or len(t) > 100
        ):
            return None
        letters = [c for c in t if c.isalpha()]
        if company_like(t) or (len(letters) >= 3 and all(c.isupper() for c in letters)):
            return near[0]
        return None
    return None


def _titles_from_labels(signers: list[Signer], rows: list[list[Seg]]) -> None:
    """ "Name: John A. Doe / Title: Vice President" printed apart from the signature (13fa_berkshire_2003.txt)."""
    pairs: list[tuple[str, Seg]] = []
    for r, row in enumerate(rows):
        m = NAME_LABEL.match(" ".join(s.text for s in row))
        if not m:
            continue
        for row2 in rows[r + 1 : r + 4]:
            if row2 and TITLE_LABEL.match(" ".join(x.text for x in row2)):
                vals = [x for x in row2 if not SKIP.match(x.text)]
                if vals:
                    t = vals[0]
                    lab = TITLE_LABEL.match(t.text)
                    pairs.append((m.group("v"), _sub(t, lab.start("v")) if lab else t))
                break
    for signer in signers:
        if signer.title_segs or not signer.name:
            continue
        for name, seg in pairs:
            if _same_person(signer.name, name) and seg.line < signer.anchor.line:
                signer.title_segs.append(seg)
                break


def _titles_above_label(signers: list[Signer], text: str, start: int, end: int) -> None:
    """ "Barry Roe, Senior Vice President  (212) 555-0100" above "Name, Phone No., and Title of
    Person Duly Authorized to Submit This Report" on a Form 13F cover (13f_loews_2001.txt)."""
    if all(s.title_segs or not s.name for s in signers):
        return
    for m in AUTHORIZED.finditer(text, max(0, start - 1500), end):
        rows = segments(text, max(0, m.start() - 400), m.start())
        for row in reversed(rows):
            vals = [x for x in row if not RULE_LINE.match(x.text)]
            if not vals:
                continue
            got = _name_comma_title(vals[0].text)
            if got and got[1]:
                name, title = got
                seg = _sub(vals[0], len(vals[0].text) - len(title))
                for signer in signers:
                    if not signer.title_segs and signer.name and _same_person(signer.name, name):
                        signer.title_segs.append(seg)
            break


def _anchors(rows: list[list[Seg]]) -> list[tuple[int, Seg, str, bool]]:
    out = []
    pending_by = False  # a bare "By:" whose "/s/" signature follows (8k_disney_2012.html, 10k_apple_1997.txt)
    for r, row in enumerate(rows):
        for i, s in enumerate(row):
            m = ANCHOR.search(s.text)
            if m:
                name = squash(m.group("name") or "").strip(" ,*")
                if not name and i + 1 < len(row) and person_like(row[i + 1].text):
                    name = row[i + 1].text
                out.append((r, s, _clean_name(name), bool(m.group("by")) or pending_by))
                pending_by = False
                continue
            b = BY_ONLY.match(s.text)
            if b:
                rest = squash(b.group("rest") or "")
                if rest and person_like(rest):
                    out.append((r, s, _clean_name(rest), True))
                elif not rest:
                    nxt = _next_person(rows, r, i)
                    if nxt is not None and ANCHOR.search(nxt.text):
                        pending_by = True
                    elif nxt is not None:
                        out.append((r, s, "", True))
            elif BY_ORDER.search(s.text):
                out.append((r, s, "", False))
    return out


def _next_person(rows: list[list[Seg]], r: int, i: int) -> Seg | None:
    """The typed name or "/s/" signature after a bare "By:" (8k_astafunding_2004.txt), skipping rules."""
    rest = rows[r][i + 1 :] + [s for row in rows[r + 1 : r + 4] for s in row]
    for s in rest:
        if RULE_LINE.match(s.text):
            continue
        return s if person_like(s.text) or ANCHOR.search(s.text) else None
    return None


def _next_text(rows: list[list[Seg]], row: list[Seg]) -> str:
    """The next line when it continues a "By: X," line with "its Manager" (sc13g_livent_2023.html)."""
    if not row or row[0].line + 1 >= len(rows) or not rows[row[0].line + 1]:
        return ""
    nxt = " ".join(s.text for s in rows[row[0].line + 1])
    return nxt if re.match(r"(?i)(?:its|as)\s", nxt) else ""


def _clean_name(name: str) -> str:
    name = re.sub(r"\s*\*+$|^\*+\s*", "", name)
    name = re.sub(r"\s{2,}.*$", "", name)
    return name.strip(" ,")


def _company_seg(s: Seg, row: list[Seg], rows: list[list[Seg]]) -> bool:
    if SKIP.match(s.text) or DATE_SEG.match(s.text) or _ORG_SUFFIX_ONLY.match(s.text.strip()):
        return False
    return company_like(_join_suffix(s, rows)) and not has_head(s.text)


def _join_suffix(s: Seg, rows: list[list[Seg]]) -> str:
    """A company name whose suffix sits on the next line ("EXAMPLE SEMICONDUCTOR" / "CORPORATION")."""
    name = squash(s.text)
    if s.line + 1 < len(rows) and rows[s.line + 1]:
        nxt = rows[s.line + 1][0]
        if _ORG_SUFFIX_ONLY.match(nxt.text.strip()) and abs(nxt.col - s.col) <= 12:
            name = f"{name} {nxt.text.strip()}"
    return name


def _column_range(seg: Seg, same_row: list) -> tuple[int, int]:
    """Columns that belong to this anchor when several signers sit side by side (10k_apple_1994.txt)."""
    cols = sorted(a[1].col for a in same_row)
    if len(cols) < 2:
        return -1, 10**6
    i = cols.index(seg.col)
    lo = (cols[i - 1] + seg.col) // 2 if i else -1
    hi = (cols[i + 1] + seg.col) // 2 if i + 1 < len(cols) else 10**6
    return lo, hi


def _entry_top(rows: list[list[Seg]], r: int, seg: Seg, floor: int) -> int:
    """In a Signature / Title / Date table the title may start a line above the signature."""
    top = r
    while (
        top - 1 > floor
        and rows[top - 1]
        and all(abs(s.col - seg.col) > 6 for s in rows[top - 1])
        and not any(ANCHOR.search(s.text) or TABLE_HEAD.search(s.text) for s in rows[top - 1])
    ):
        top -= 1
    return top


def _table_row(rows: list[list[Seg]]) -> int | None:
    """The row of a Signature / Title / Date table head: on one line, or one cell a line (10k_gainsco_2010.html)."""
    texts = [(i, " ".join(s.text for s in row)) for i, row in enumerate(rows) if row]
    for k, (i, t) in enumerate(texts):
        if TABLE_HEAD.search(t) or TABLE_HEAD.search(" ".join(x[1] for x in texts[k : k + 3])):
            return i
    return None


def _fill_table(
    signer: Signer, rows: list[list[Seg]], first: int, last: int, lo: int, hi: int
) -> None:
    """A table entry: the typed name under the signature, the title cells, the date cell."""
    typed = None
    for r in range(first, last):
        for s in rows[r]:
            if not (lo < s.col <= hi) or s is signer.anchor or RULE_LINE.match(s.text):
                continue
            t = s.text
            if r > signer.anchor.line and ANCHOR.search(t):
                break
            if DATE_SEG.match(t):
                d = DATE_RE.search(t)
                iso = date_from_match(d) if d else None
                signer.date = signer.date or iso
                continue
            if SKIP.match(t) or PAGE_LINE.match(t) or TABLE_HEAD.search(t):
                continue
            if (
                r >= signer.anchor.line
                and person_like(t)
                and (not signer.name or _same_person(signer.name, t))
            ):
                typed = typed or t
                continue
            if r == signer.anchor.line + 1 and _SUFFIX.match(t) and not typed:
                signer.name = f"{signer.name.rstrip(',')}, {t}"
                continue
            if t.startswith("*") or ATTORNEY.search(t):
                continue
            signer.title_segs.append(s)
    if typed and (not signer.name or _fuller(signer.name, typed)):
        signer.name = _clean_name(typed)


def _same_person(a: str, b: str) -> bool:
    x = re.findall(r"[a-z]+", a.lower())
    y = re.findall(r"[a-z]+", b.lower())
    return bool(x and y) and x[-1] == y[-1] or (bool(x and y) and x[0] == y[0])


def _fill(signer: Signer, rows: list[list[Seg]], first: int, last: int, lo: int, hi: int) -> None:
    typed = None
    title_open = False
    misses = 0
    for r in range(first, last):
        for s in rows[r]:
            if not (lo < s.col <= hi) or s is signer.anchor or RULE_LINE.match(s.text):
                continue
            t = s.text
            if r > signer.anchor.line and (
                ANCHOR.search(t)
                or _by_with_text(t, rows[r])
                or (company_like(t) and not is_title_line(t))
            ):
                return
            if DATE_SEG.match(t):
                d = DATE_RE.search(t)
                iso = date_from_match(d) if d else None
                if iso and signer.date is None:
                    signer.date = iso
                continue
            if SKIP.match(t) or PAGE_LINE.match(t):
                continue
            m = NAME_LABEL.match(t)
            if m:
                typed = typed or squash(m.group("v"))
                continue
            m = TITLE_LABEL.match(t)
            if m:
                signer.title_segs.append(_sub(s, m.start("v")))
                title_open = True
                continue
            if r < signer.anchor.line:
                continue
            if typed is None and not signer.title_segs and (person_like(t) or _name_comma_title(t)):
                nm, tl = _name_comma_title(t) or (t, None)
                typed = nm
                if tl:
                    signer.title_segs.append(_sub(s, len(t) - len(tl)))
                    title_open = True
                continue
            if is_title_line(t) or (
                title_open and signer.title_segs and continues_title(signer.title_segs[-1].text, t)
            ):
                if t.lower().startswith("its "):
                    s = _sub(s, 4)
                signer.title_segs.append(s)
                title_open = True
                misses = 0
                continue
            if signer.title_segs or typed:
                misses += 1
                if misses >= 2:
                    return
    if typed and (not signer.name or _fuller(signer.name, typed)):
        signer.name = _clean_name(typed)


def _by_with_text(t: str, row: list[Seg]) -> bool:
    """A "By:" line that names someone (a new signer or an intermediary), not a bare "By:"."""
    if not BY_ONLY.match(t):
        return False
    return t.strip(" :*").lower() != "by" or len(row) > 1


def _sub(s: Seg, offset: int) -> Seg:
    text = s.text[offset:]
    lead = len(text) - len(text.lstrip())
    return Seg(text.strip(), s.start + offset + lead, s.end, s.col + offset + lead, s.line)


def _name_comma_title(t: str) -> tuple[str, str] | None:
    """ "Jane Q. Public, Secretary" / "John A. Doe," → (name, title or "")."""
    m = re.match(r"^(?P<n>[^,]+),\s*(?P<t>.*)$", t.strip())
    if not m or not person_like(m.group("n")):
        return None
    rest = m.group("t").strip()
    if rest and not has_head(rest):
        return None
    return m.group("n").strip(), rest


def _fuller(anchor: str, typed: str) -> bool:
    """The typed name is the same person written more fully ("J.A. Doe" / "John A. Doe").

    A typed name with another surname is a typo or another person ("John Deo" under
    "/s/ John Doe", sc13d_cybergy_2016.html): the signature is kept.
    """
    a = re.findall(r"[a-z]+", anchor.lower())
    b = re.findall(r"[a-z]+", typed.lower())
    return bool(a and b) and a[-1] == b[-1] and len(typed) >= len(anchor)


def _block_date(text: str, start: int, end: int, rows: list[list[Seg]]) -> str | None:
    """The date the block states once for all signers ("Dated: February 2, 2016", "this 4th day of December 1997")."""
    for row in rows:
        for s in row:
            if DATE_SEG.match(s.text):
                d = DATE_RE.search(s.text)
                iso = date_from_match(d) if d else None
                if iso:
                    return iso
    for d in DATE_RE.finditer(text, start, min(end, start + 1500)):
        iso = date_from_match(d)
        if iso:
            return iso
    return None


def _attorneys(signers: list[Signer], rows: list[list[Seg]]) -> None:
    """ "*By: /s/ Richard Roe ... attorney-in-fact": the starred signers signed through this attorney."""
    for i, s in enumerate(signers):
        after = " ".join(x.text for row in rows[s.anchor.line : s.anchor.line + 4] for x in row)
        if s.anchor.text.lstrip().startswith("*") and ATTORNEY.search(after):
            for other in signers[:i]:
                if other.anchor.text.rstrip().endswith("*") and other.attorney is None:
                    other.attorney = s.name
            s.attorney = "self"


def find_anchor(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds any signature anchor (a cheap prefilter)."""
    return bool(
        ANCHOR.search(text, start, end)
        or BY_ORDER.search(text, start, end)
        or _BY_LINE.search(text, start, end)
    )
