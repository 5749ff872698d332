"""Values printed on cover pages: jurisdictions, value pieces, postal addresses.

Shared by the cover reader (``_cover.py``) and the readers of cover lists
(``_filers.py``): a value with its span, the canonical name of a
jurisdiction (``GA`` → ``Georgia``), the value printed before a label, and
an address assembled from its printed pieces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.components._lines import squash, title_case
from extractors.patterns import load

_STATES = load("us_states.json")

ZIP_RE = re.compile(r"(?<![\w-])\d{5}(?:-\d{4})?(?![\w-])")
# A street and its city on one line without a comma between them.
_STREET_CITY = re.compile(
    r"^(?P<street>(?:\d+|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b.*?\b(?:Street|St\.?|Avenue|Ave\.?"
    r"|Road|Rd\.?|Drive|Dr\.?|Boulevard|Blvd\.?|Parkway|Pkwy\.?|Way|Lane|Ln\.?|Plaza|Place|Court|Ct\.?|Circle"
    r"|Center|Centre|Square|Highway|Hwy\.?|Loop|Terrace|Trail))\s+(?P<city>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,2})$"
)
# Pieces of a flattened HTML line: rules ("- -----"), brackets and tabs end a piece.
_PIECE_SPLIT = re.compile(r"(?:\s*-){3,}\s*|_{3,}|={3,}|[()\[\]\t]")
_JURIS = sorted({*_STATES["jurisdictions"], *_STATES["aliases"]}, key=len, reverse=True)
JURIS_ALT = "|".join(re.escape(j) for j in _JURIS)
JURIS_RE = re.compile(r"(?<![A-Za-z])(" + JURIS_ALT + r")(?![A-Za-z])", re.IGNORECASE)
_CANON = {j.lower(): j for j in _STATES["jurisdictions"]} | dict(_STATES["aliases"].items())
_CODES = dict(_STATES["states"]) | dict(_STATES["edgar_codes"])


@dataclass
class Field:
    """A value read from the cover, with its span in the document text."""

    value: str
    start: int
    end: int
    extra: dict = field(default_factory=dict)


def jurisdiction(text: str) -> str | None:
    """A jurisdiction name or code as written → its canonical name (``GA`` → ``Georgia``)."""
    t = squash(text).strip(" .,;:")
    if not t:
        return None
    if t.upper() in _CODES and len(t) <= 2:
        return _CODES[t.upper()]
    if t.lower().startswith("state of "):
        t = t[9:]
    return _CANON.get(t.lower())


def piece_before(
    text: str, pos: int, floor: int = 0, max_lines: int = 6
) -> tuple[int, int, str] | None:
    """The nearest value piece ending before ``pos``: skips rules, blank lines and brackets."""
    end = pos
    for _ in range(max_lines):
        if end <= floor:
            return None
        ls = max(text.rfind("\n", floor, end) + 1, floor)
        pieces = _pieces(text, ls, end)
        if pieces:
            return pieces[-1]
        end = ls - 1
    return None


def _pieces(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    out = []
    pos = start
    for m in list(_PIECE_SPLIT.finditer(text, start, end)) + [None]:
        a, b = pos, (m.start() if m else end)
        chunk = text[a:b]
        s = a + len(chunk) - len(chunk.lstrip())
        e = a + len(chunk.rstrip())
        if e > s and re.search(r"[A-Za-z0-9]", text[s:e]):
            out.append((s, e, text[s:e]))
        if m:
            pos = m.end()
    return out


def _zip_label(piece: str) -> bool:
    return bool(re.fullmatch(r"\s*zip\s*code\s*", piece, re.IGNORECASE))


def address_from_rows(rows: list[list]) -> Field | None:
    """Assemble an address from its value pieces: street lines, "City, State", zip."""
    pieces = [p for row in rows for p in row if not _zip_label(p[2])]
    if not pieces:
        return None
    zip_code = None
    parts: list[str] = []
    for s, e, t in pieces:
        t = squash(t).strip(" ,")
        if ZIP_RE.fullmatch(t):
            zip_code = t
            continue
        z = re.search(r"[\s,]+(\d{5}(?:-\d{4})?)$", t)
        if z and zip_code is None:
            zip_code = z.group(1)
            t = t[: z.start()].strip(" ,")
        if t:
            parts.append(t)
    if not parts or not re.search(r"\d", " ".join(parts) + (zip_code or "")):
        return None
    if all(p.isupper() for p in parts if re.search(r"[A-Za-z]", p)):
        parts = [title_case(p) for p in parts]
    items = [x.strip() for p in parts for x in p.split(",") if x.strip()]
    region = city = None
    if items and (jurisdiction(items[-1]) or re.fullmatch(r"[A-Z]{2}|[A-Z]\.[A-Z]\.", items[-1])):
        region = items.pop()
    elif items and len(items[-1].split()) >= 2 and jurisdiction(" ".join(items[-1].split()[-1:])):
        # "Cupertino California" printed as two columns is split above; "Erie Pennsylvania" here.
        *c, r = items[-1].split()
        region, items[-1] = r, " ".join(c)
    if region and items:
        city = items.pop()
        m = _STREET_CITY.match(city)
        if m and not items:  # "One Example Way Springfield, Illinois" on one line
            items, city = [m.group("street")], m.group("city")
    street = ", ".join(items) or None
    text = ", ".join(x for x in (street, city) if x)
    text = ", ".join(x for x in (text, " ".join(y for y in (region, zip_code) if y)) if x)
    extra = {"street": street, "city": city, "region": region, "postal_code": zip_code}
    return Field(
        text,
        min(p[0] for p in pieces),
        max(p[1] for p in pieces),
        {k: v for k, v in extra.items() if v},
    )
