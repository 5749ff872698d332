"""Names of organisations and people: kinds, display form, comparison keys."""

from __future__ import annotations

import re
from functools import lru_cache

from extractors.patterns import load

_FORMS = load("org_forms.json")
_SUFFIXES = frozenset(_FORMS["company_suffixes"])
_WORD = re.compile(r"[A-Za-z0-9&'.]+")
_SMALL = frozenset(["of", "and", "the", "for", "de", "du", "la", "le", "des", "a", "an", "in", "on", "to"])
_KEEP_UPPER = re.compile(r"^(?:[A-Z]\.){1,4}$|^[A-Z]{1,3}$|^(?:USA|US|NA|LLC|LLP|LP|PLC|SPC|II|III|IV)$")


def _has_marker(name: str, markers: list[str]) -> bool:
    low = f" {name.lower().replace(',', ' ')} "
    return any(re.search(rf"(?<![a-z]){re.escape(m)}(?![a-z])", low) for m in markers)


@lru_cache(maxsize=4096)
def kind_of(name: str, default: str = "organization") -> str:
    """Guess a mention kind from the words of a name: bank, fund, government, company."""
    if _has_marker(name, _FORMS["bank_markers"]):
        return "bank"
    if _has_marker(name, _FORMS["fund_markers"]):
        return "fund"
    if _has_marker(name, _FORMS["government_markers"]):
        return "government"
    words = [w.lower().rstrip(".,") for w in _WORD.findall(name)]
    if words and words[-1] in _SUFFIXES:
        return "company"
    return default


#: Words that give an organisation's legal form (and "the"): set aside when names are compared.
LEGAL_FORM_WORDS = frozenset(_FORMS["legal_form_words"])


def org_key(name: str) -> str:
    """A name with case, punctuation and legal-form words set aside (``The Acme Corp.`` → ``acme``)."""
    return " ".join(w for w in re.findall(r"[a-z0-9]+", name.lower()) if w not in LEGAL_FORM_WORDS)


def same_org(a: str, b: str) -> bool:
    """Whether two names name one organisation: equal keys, in any word order."""
    ka, kb = org_key(a), org_key(b)
    return bool(ka) and (ka == kb or sorted(ka.split()) == sorted(kb.split()))


def is_org_name(name: str) -> bool:
    """Whether a name carries an organisation word (suffix or marker)."""
    return kind_of(name, "") != ""


def org_form(text: str) -> str | None:
    """The organisation form written in ``text`` (``an Ohio limited partnership``)."""
    low = text.lower()
    for key in sorted(_FORMS["org_forms"], key=len, reverse=True):
        if re.search(rf"(?<![a-z]){re.escape(key)}(?![a-z])", low):
            return _FORMS["org_forms"][key]
    return None


_HONORIFIC = re.compile(r"^(?:(?:Mr|Mrs|Ms|Messrs|Dr|Prof)\.?|Miss|Sir|Dame)\s+(?=[A-Z])")
_DEGREES = load("role_titles.json")["degrees"]


def _degree_alt(d: str) -> str:
    """ "M.D." as written with its periods (any case), or as "MD" / "M.D" in its own or upper case."""
    core = [p for p in d.rstrip(".").split(".") if p]
    dotted = r"\.\s?".join(re.escape(p) for p in core) + (r"\." if d.endswith(".") else r"\.?")
    loose = {
        r"\.?\s?".join(re.escape(p) for p in c) + r"\.?" for c in (core, [p.upper() for p in core])
    }
    return rf"(?i:{dotted})|" + "|".join(sorted(loose))


# A degree or professional designation after a person's name: "John Q. Roe, M.D.", "Jane Roe, Esq.",
# "John Roe Ph.D." (10k_medicis_1999.html signature table). Written without its periods it must follow
# a comma and keep its case ("John Roe, MD"), so that a name such as "Nguyen, Do" keeps its words.
_PROFESSIONAL = re.compile(
    r"(?:,\s*(?:" + "|".join(_degree_alt(d) for d in _DEGREES) + r")"
    r"|\s+(?:(?i:Esq\.)|Esq|ESQ|(?i:"
    + "|".join(re.escape(d) for d in _DEGREES if d.count(".") >= 2)
    + r")))"
    r"(?=\s*(?:,|$))"
)


def strip_degrees(name: str) -> str:
    """A person's name without trailing degrees: ``Jane Roe, Esq.`` → ``Jane Roe``; ``Jr.``, ``III`` stay."""
    out = " ".join(name.split())
    while True:
        m = None
        for m in _PROFESSIONAL.finditer(out):
            pass
        if m is None or m.end() != len(out.rstrip(" ,")) or not out[: m.start()].strip(" ,"):
            return out
        out = out[: m.start()].rstrip(" ,")


def person_name(name: str) -> str:
    """A person's name without a leading honorific or trailing degrees.

    ``Mr. John Q. Public`` → ``John Q. Public``; ``John Q. Roe, M.D.`` → ``John Q. Roe``;
    generational suffixes are part of the name (``John Q. Roe, Jr.``).
    """
    return strip_degrees(_HONORIFIC.sub("", " ".join(name.split())))


def display_name(name: str) -> str:
    """A readable form of a name written in capitals (``INNOVATIVE WIDGETS CORP`` → ``Innovative Widgets Corp``).

    Names already in mixed case are returned as they are, with white space folded.
    """
    name = " ".join(name.split())
    letters = [c for c in name if c.isalpha()]
    if not letters or any(c.islower() for c in letters):
        return name
    out = []
    for i, w in enumerate(name.split(" ")):
        if _KEEP_UPPER.match(w.strip(",")) and len(w.strip(",.")) <= 3 and w.lower() not in _SMALL:
            out.append(w)
        elif i and w.lower() in _SMALL:
            out.append(w.lower())
        else:
            out.append("-".join(p[:1].upper() + p[1:].lower() for p in w.split("-")))
    return " ".join(out)
