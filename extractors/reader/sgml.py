"""The SGML envelope of EDGAR submissions: header dialects and document parts.

Three header dialects occur (all in ``../shared/corpus``):

- ``<SEC-DOCUMENT>``/``<SEC-HEADER>``: indented ``KEY: value`` lines
  (e.g. ``8k_pericom_2002.txt``), often inside a PEM wrapper;
- ``<IMS-DOCUMENT>``/``<IMS-HEADER>``: the same lines, 1993-1996
  (``8k_zurn_1994.txt``);
- ``<SUBMISSION>``: dissemination format, one ``<TAG>value`` a line with
  nested ``<FILER>`` blocks (``424b5_carmax_2010_nc.txt``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from extractors.filing import Address, Header, Party

# The start of a header block in either key-value dialect.
_KV_HEADER = re.compile(r"<(SEC|IMS)-HEADER>[^\n]*\n", re.IGNORECASE)
_KV_HEADER_END = re.compile(r"</(SEC|IMS)-HEADER>", re.IGNORECASE)
_SUBMISSION = re.compile(r"<SUBMISSION>\s*\n", re.IGNORECASE)
# A <DOCUMENT> part; the tag is lower case in browser-saved copies (sc13d_cybergy_2016.html).
_DOC_START = re.compile(r"<DOCUMENT>\s*<TYPE>", re.IGNORECASE)
_DOC_END = re.compile(r"</DOCUMENT>", re.IGNORECASE)
_TEXT_START = re.compile(r"<TEXT>", re.IGNORECASE)
_TEXT_END = re.compile(r"</TEXT>", re.IGNORECASE)
_META = re.compile(r"<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>([^\n<]*)", re.IGNORECASE)
# A second submission repeated back to back (10q_apple_2000_dup.txt).
_REPEAT = re.compile(r"-----END PRIVACY-ENHANCED MESSAGE-----|</SEC-DOCUMENT>|</IMS-DOCUMENT>", re.IGNORECASE)

# Party blocks of the key-value dialect, by their heading.
_PARTY_HEADINGS = {
    "FILER": "filer",
    "SUBJECT COMPANY": "subject-company",
    "FILED BY": "filed-by",
    "REPORTING-OWNER": "reporting-owner",
    "REPORTING OWNER": "reporting-owner",
    "SERIAL COMPANY": "serial-company",
}
_PARTY_TAGS = {
    "FILER": "filer",
    "SUBJECT-COMPANY": "subject-company",
    "FILED-BY": "filed-by",
    "REPORTING-OWNER": "reporting-owner",
    "SERIAL-COMPANY": "serial-company",
}

_KEY_MAP = {  # key-value dialect → Party attribute
    "COMPANY CONFORMED NAME": "name",
    "CENTRAL INDEX KEY": "cik",
    "STANDARD INDUSTRIAL CLASSIFICATION": "sic",
    "IRS NUMBER": "irs_number",
    "STATE OF INCORPORATION": "state_of_incorporation",
    "FISCAL YEAR END": "fiscal_year_end",
    "FORM TYPE": "form_type",
    "SEC ACT": "sec_act",
    "SEC FILE NUMBER": "file_number",
    "FILM NUMBER": "film_number",
}
_TAG_MAP = {  # dissemination dialect → Party attribute
    "CONFORMED-NAME": "name",
    "CIK": "cik",
    "ASSIGNED-SIC": "sic",
    "IRS-NUMBER": "irs_number",
    "STATE-OF-INCORPORATION": "state_of_incorporation",
    "FISCAL-YEAR-END": "fiscal_year_end",
    "FORM-TYPE": "form_type",
    "ACT": "sec_act",
    "FILE-NUMBER": "file_number",
    "FILM-NUMBER": "film_number",
}
_ADDR_KEYS = {
    "STREET 1": "street",
    "STREET 2": "street",
    "STREET1": "street",
    "STREET2": "street",
    "CITY": "city",
    "STATE": "state",
    "ZIP": "zip",
    "BUSINESS PHONE": "phone",
    "PHONE": "phone",
}


def iso_date(value: str | None) -> str | None:
    """``19940322`` → ``1994-03-22``; anything else → None."""
    if value and re.fullmatch(r"\d{8}", value.strip()):
        v = value.strip()
        return f"{v[:4]}-{v[4:6]}-{v[6:]}"
    return None


@dataclass
class RawDocument:
    """A ``<DOCUMENT>`` part before its text is normalised."""

    type: str | None
    sequence: int | None
    filename: str | None
    description: str | None
    body_start: int  # offsets of the <TEXT> body (or the whole part) in the source
    body_end: int
    complete: bool = True  # False when the part runs to the end of the file unclosed


def find_repeat(source: str) -> int | None:
    """Where a second copy of the submission starts, if the file repeats one."""
    m = _REPEAT.search(source)
    while m:
        rest = source[m.end() : m.end() + 400].lstrip()
        if rest.startswith("-----BEGIN PRIVACY-ENHANCED") or rest.upper().startswith(
            ("<SEC-DOCUMENT>", "<IMS-DOCUMENT>")
        ):
            return m.end() + (len(source[m.end() :]) - len(source[m.end() :].lstrip()))
        m = _REPEAT.search(source, m.end())
    return None


def parse_header(source: str, limit: int) -> Header:
    """Parse the header of ``source[:limit]`` in whichever dialect it has."""
    m = _KV_HEADER.search(source, 0, min(limit, 200000))
    if m and not _DOC_START.search(source, 0, m.start()):
        end = _KV_HEADER_END.search(source, m.end(), limit)
        stop = end.start() if end else _first_document(source, m.end(), limit)
        header = _parse_kv(source[m.end() : stop], m.end())
        header.dialect = "sec-header" if m.group(1).upper() == "SEC" else "ims-header"
        header.span = (m.start(), end.end() if end else stop)
        return header
    m = _SUBMISSION.match(source.lstrip()) and _SUBMISSION.search(source)
    if m:
        stop = _first_document(source, m.end(), limit)
        header = _parse_tags(source[m.end() : stop])
        header.dialect = "submission"
        header.span = (m.start(), stop)
        return header
    return Header()


def _first_document(source: str, start: int, limit: int) -> int:
    d = _DOC_START.search(source, start, limit)
    return d.start() if d else limit


def _parse_kv(block: str, base: int) -> Header:
    header = Header()
    party: Party | None = None
    address: Address | None = None
    former: dict[str, str] | None = None
    for line in block.splitlines():
        if not line.strip():
            continue
        tag = re.match(r"\s*<([A-Z-]+)>\s*(.*)", line)
        if tag:  # nested tags inside a key-value header (hdr_form4_morton_1998.txt)
            name = tag.group(1).upper()
            if name in _PARTY_TAGS:
                party = Party(role=_PARTY_TAGS[name])
                header.parties.append(party)
                address = None
            elif tag.group(2) and party is not None:
                header.raw.setdefault(name, []).append(tag.group(2).strip())
            continue
        key, sep, value = line.strip().partition(":")
        key = key.strip().upper()
        value = value.strip()
        if not sep:
            continue
        header.raw.setdefault(key, []).append(value)
        if key in _PARTY_HEADINGS and not value:
            party = Party(role=_PARTY_HEADINGS[key])
            header.parties.append(party)
            address = None
        elif key in ("BUSINESS ADDRESS", "MAIL ADDRESS") and party is not None:
            address = Address(kind=key.split()[0].lower())
            party.addresses.append(address)
        elif key in ("FORMER COMPANY", "FORMER NAME") and party is not None:
            former = {}
            party.former_names.append(former)
            address = None
        elif key in ("COMPANY DATA", "FILING VALUES"):
            address = None
        elif key == "FORMER CONFORMED NAME" and former is not None:
            former["name"] = value
        elif key == "DATE OF NAME CHANGE" and former is not None:
            former["date"] = iso_date(value) or value
        elif address is not None and key in _ADDR_KEYS and value:
            _set_address(address, _ADDR_KEYS[key], value)
        elif party is not None and key in _KEY_MAP and value:
            setattr(party, _KEY_MAP[key], value)
        else:
            _set_filing_field(header, key, value)
    return header


def _parse_tags(block: str) -> Header:
    header = Header()
    party: Party | None = None
    address: Address | None = None
    for line in block.splitlines():
        m = re.match(r"\s*<(/?)([A-Z0-9-]+)>\s*(.*)", line)
        if not m:
            continue
        closing, name, value = m.group(1), m.group(2).upper(), m.group(3).strip()
        if closing:
            if name in _PARTY_TAGS:
                party = None
            if name.endswith("ADDRESS"):
                address = None
            continue
        header.raw.setdefault(name, []).append(value)
        if name in _PARTY_TAGS:
            party = Party(role=_PARTY_TAGS[name])
            header.parties.append(party)
        elif name in ("BUSINESS-ADDRESS", "MAIL-ADDRESS") and party is not None:
            address = Address(kind=name.split("-")[0].lower())
            party.addresses.append(address)
        elif address is not None and name in _ADDR_KEYS and value:
            _set_address(address, _ADDR_KEYS[name], value)
        elif name == "FORMER-NAME" and party is not None:
            party.former_names.append({})
        elif name == "FORMER-CONFORMED-NAME" and party is not None and party.former_names:
            party.former_names[-1]["name"] = value
        elif name == "DATE-CHANGED" and party is not None and party.former_names:
            party.former_names[-1]["date"] = iso_date(value) or value
        elif party is not None and name in _TAG_MAP and value:
            setattr(party, _TAG_MAP[name], value)
        else:
            _set_filing_field(header, name.replace("-", " "), value)
    return header


def _set_address(address: Address, attr: str, value: str) -> None:
    if attr == "street":
        address.street.append(value)
    else:
        setattr(address, attr, value)


def _set_filing_field(header: Header, key: str, value: str) -> None:
    if not value:
        return
    if key == "ACCESSION NUMBER":
        header.accession_number = value
    elif key in ("CONFORMED SUBMISSION TYPE", "TYPE") and not header.form_type:
        header.form_type = value
    elif key in ("CONFORMED PERIOD OF REPORT", "PERIOD"):
        header.period_of_report = iso_date(value)
    elif key in ("FILED AS OF DATE", "FILING DATE"):
        header.filed_date = iso_date(value)
    elif key in ("DATE AS OF CHANGE", "DATE OF FILING DATE CHANGE"):
        header.date_of_change = iso_date(value)
    elif key == "PUBLIC DOCUMENT COUNT" and value.isdigit():
        header.document_count = int(value)
    elif key in ("ITEM INFORMATION", "ITEMS"):
        header.items.append(value)


def split_documents(source: str, start: int, end: int) -> list[RawDocument]:
    """The ``<DOCUMENT>`` parts of ``source[start:end]``, in order."""
    docs: list[RawDocument] = []
    pos = start
    while True:
        m = _DOC_START.search(source, pos, end)
        if not m:
            break
        stop_m = _DOC_END.search(source, m.end(), end)
        nxt = _DOC_START.search(source, m.end(), end)
        stop = stop_m.start() if stop_m else end
        if nxt and nxt.start() < stop:
            stop = nxt.start()
        meta: dict[str, str] = {}
        text_m = _TEXT_START.search(source, m.start(), stop)
        meta_end = text_m.start() if text_m else stop
        for mm in _META.finditer(source, m.start(), meta_end):
            meta.setdefault(mm.group(1).upper(), mm.group(2).strip())
        if text_m:
            body_start = text_m.end()
            te = _TEXT_END.search(source, body_start, stop)
            body_end = te.start() if te else stop
        else:
            body_start, body_end = meta_end, stop
        seq = meta.get("SEQUENCE", "")
        docs.append(
            RawDocument(
                type=meta.get("TYPE") or None,
                sequence=int(seq) if seq.isdigit() else None,
                filename=meta.get("FILENAME") or None,
                description=meta.get("DESCRIPTION") or None,
                body_start=body_start,
                body_end=body_end,
                complete=bool(stop_m) or bool(nxt),
            )
        )
        pos = stop
    return docs
