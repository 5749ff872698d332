"""The reader: every real filing reads, header fields are right, offsets are exact."""

from __future__ import annotations

import html
import random
import re

import pytest

from extractors import read_filing, read_text
from extractors.errors import FilingError
from tests.conftest import CORPUS, SAMPLES, SEEDS, needs_shared, shared_files

pytestmark = needs_shared()
FILES = shared_files()


@pytest.fixture(scope="module")
def filings():
    return {p.name: read_filing(p) for p in FILES}


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_reader_reads_every_shared_filing(path, filings):
    filing = filings[path.name]
    assert filing.source
    if path.name.startswith("hdr_"):  # a header saved without its body
        assert not filing.documents and any("header only" in w for w in filing.warnings)
    else:
        assert filing.main is not None and filing.main.text.strip()


# Values as printed in each file's header (ACCESSION NUMBER, CONFORMED SUBMISSION TYPE,
# FILED AS OF DATE, CONFORMED PERIOD OF REPORT, first CIK and conformed name), checked by eye.
HEADERS = [
    ("8k_zurn_1994.txt", "ims-header", "0000109446-94-000005", "8-K", "1994-03-22", "1994-03-22", "0000109446", "ZURN INDUSTRIES INC"),
    ("10k_apple_1994.txt", "ims-header", "0000320193-94-000016", "10-K", "1994-12-13", "1994-09-30", "0000320193", "APPLE COMPUTER INC"),
    ("8k_pericom_2002.txt", "sec-header", "0001012870-02-001163", "8-K", "2002-03-14", "2002-03-06", "0001001426", "PERICOM SEMICONDUCTOR CORP"),
    ("13fa_berkshire_2003.txt", "sec-header", "0000950150-03-000988", "13F-HR/A", "2003-08-25", "2002-12-31", "0001067983", "BERKSHIRE HATHAWAY INC"),
    ("8k_abvc_2025.txt", "sec-header", "0001213900-25-032135", "8-K", "2025-04-15", "2025-04-15", "0001173313", "ABVC BIOPHARMA, INC."),
    ("def14a_180degree_2020.txt", "sec-header", "0000893739-20-000019", "DEF 14A", "2020-03-25", "2020-05-14", "0000893739", "180 DEGREE CAPITAL CORP. /NY/"),
    ("10q_indianabell_1999_nc.txt", "submission", "0000732715-99-000042", "10-Q", "1999-08-03", "1999-06-30", "0000050178", "INDIANA BELL TELEPHONE CO INC"),
    ("424b5_carmax_2010_nc.txt", "submission", "0001193125-10-145855", "424B5", "2010-06-24", None, "0001259380", "CARMAX AUTO FUNDING LLC"),
    ("10q_apple_2000_dup.txt", "sec-header", "0000912057-00-033901", "10-Q", "2000-07-31", "2000-07-01", "0000320193", "APPLE COMPUTER INC"),
    ("hdr_form4_morton_1998.txt", "sec-header", "0001012325-98-000004", "4", "1998-11-20", "1998-10-31", "0001035972", "MORTON INTERNATIONAL INC /IN/"),
    ("sctota_cvr_icahn_2025.txt", "sec-header", "0001104659-25-002604", "SC TO-T/A", "2025-01-10", None, "0001376139", "CVR ENERGY INC"),
]


@pytest.mark.parametrize("name,dialect,acc,form,filed,period,cik,company", HEADERS, ids=[h[0] for h in HEADERS])
def test_reader_header_fields(filings, name, dialect, acc, form, filed, period, cik, company):
    f = filings[name]
    h = f.header
    assert (h.dialect, h.accession_number, h.form_type, h.filed_date, h.period_of_report) == (
        dialect, acc, form, filed, period)
    assert f.doc_id == acc
    first = h.parties[0]
    assert (first.cik, first.name) == (cik, company)


def test_reader_header_agrees_with_manifest(filings):
    rows = [line.split("\t") for line in (CORPUS / "MANIFEST.tsv").read_text().splitlines()[1:]]
    checked = 0
    for row in rows:
        name, form, filed = row[0], row[4], row[6]
        f = filings[name]
        if f.header.accession_number is None or not re.fullmatch(r"\d{4}-\d\d-\d\d", filed):
            continue
        assert f.header.filed_date == filed, name
        assert f.form_type.split(" (")[0] == form.split(" (")[0], name
        checked += 1
    assert checked >= 20


def test_reader_party_details(filings):
    h = filings["hdr_form4_morton_1998.txt"].header
    subject, owner = h.party("subject-company"), h.party("reporting-owner")
    assert subject.irs_number == "364140798" and subject.state_of_incorporation == "IN"
    assert subject.fiscal_year_end == "1231" and subject.file_number == "001-12825"
    assert subject.former_names == [{"name": "NEW MORTON INTERNATIONAL INC", "date": "1997-03-18"}]
    business = subject.addresses[0]
    assert (business.kind, business.street, business.city, business.zip) == (
        "business", ["100 NORTH RIVERSIDE PLAZA"], "CHICAGO", "60606")
    assert owner.name == "CANTALUPO JAMES R" and owner.cik == "0001012325"
    carmax = filings["424b5_carmax_2010_nc.txt"].header
    assert [p.role for p in carmax.parties] == ["filer", "serial-company"]
    assert carmax.parties[1].file_number == "333-149075-05"


def test_reader_items_and_documents(filings):
    pericom = filings["8k_pericom_2002.txt"]
    assert pericom.header.items == ["Other events", "Financial statements and exhibits"]
    abvc = filings["8k_abvc_2025.txt"]
    binary = [d for d in abvc.documents if d.format == "binary"]
    assert binary and all(d.text == "" and d.encoding == "uuencode" for d in binary)
    assert abvc.documents[0].type == "8-K" and abvc.documents[0].sequence == 1
    assert any(d.type == "EX-99.1" for d in abvc.documents)
    dup = filings["10q_apple_2000_dup.txt"]
    assert any("repeated 9 times" in w for w in dup.warnings)
    assert len(dup.documents) == dup.header.document_count


def test_reader_documents_without_header(filings):
    s3 = filings["s3a_pageamerica_1995.txt"]
    assert s3.header.dialect is None and s3.form_type == "S-3/A"
    assert s3.doc_id == "s3a_pageamerica_1995"
    cybergy = filings["sc13d_cybergy_2016.html"]  # browser-saved copy with lower-case SGML tags
    assert cybergy.form_type == "SC 13D" and cybergy.main.format == "html"
    poa = filings["ex24_poa_yelp_2012.txt"]
    assert poa.main.format == "text" and "attorney-in-fact" in poa.main.text


def test_reader_html_text_and_hidden_xbrl(filings):
    disney = filings["8k_disney_2012.html"].main
    assert disney.format == "html"
    assert "&nbsp;" not in disney.text and "<td" not in disney.text.lower()
    apple = filings["8k_apple_2019.txt"].main
    assert apple.format == "html"
    assert apple.hidden.get("dei:EntityCentralIndexKey") == "0000320193"
    assert "dei:EntityCentralIndexKey" not in apple.text


@pytest.mark.parametrize("name,labels", [
    ("innotrac_8k_2003-07-28.txt", ["Cover page", "Item 7", "Exhibit index", "Item 12", "Signatures"]),
    ("innotrac_8a-a_2003-11-24.txt", ["Cover page", "Item 1", "Item 2", "Signatures"]),
    ("8k_pericom_2005.txt", ["Cover page", "Item 5.02", "Item 9.01", "Exhibit index", "Signatures"]),
])
def test_reader_sections(filings, name, labels):
    assert [s.label for s in filings[name].main.sections] == labels


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _source_as_text(source: str, fmt: str) -> str:
    if fmt == "html":
        source = re.sub(r"(?is)<(script|style|head|ix:header)\b.*?</\1>|<!--.*?-->|<[^>]*>", "", source)
        return html.unescape(source).replace("\u00a0", "")
    return re.sub(r"</?(?:PAGE|S|C|TABLE|CAPTION|FN|F\d{1,2}|R\d{1,2}|PRE)>", "", source, flags=re.IGNORECASE)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_reader_offsets_are_exact(path, filings):
    filing = filings[path.name]
    rng = random.Random(path.name)
    for doc in filing.documents:
        text = doc.text
        if not text:
            continue
        spans = [(s.start, s.end) for s in doc.sections]
        for _ in range(40):
            a = rng.randrange(len(text))
            spans.append((a, min(len(text), a + rng.randrange(1, 400))))
        for a, b in spans:
            s, e = doc.source_span_of(a, b)
            assert doc.source_span[0] <= s <= e <= doc.source_span[1]
            assert _squash(_source_as_text(filing.source[s:e], doc.format)) == _squash(text[a:b]), (a, b)


@pytest.mark.parametrize("data,code", [
    (b"", "E001"),
    (b"   \n\n  ", "E001"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "E002"),
    (b"\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00", "E002"),
    (b"<SEC-DOCUMENT>0000000000-00-000000.txt : 20000101\n<SEC-HEADER>0000000000-00-000000.hdr.sgml : 20000101\nACCESS", "E004"),
    (b"Dear diary, today I went to the park and fed the ducks.\n", "E003"),
    (b'{"name": "not a filing", "values": [1, 2, 3]}\n', "E003"),
])
def test_reader_bad_input_raises_filing_error(data, code):
    with pytest.raises(FilingError) as err:
        read_filing(data, name="bad-input.txt")
    assert err.value.code == code
    assert "bad-input.txt" in str(err.value)


def test_reader_bad_paths(tmp_path):
    with pytest.raises(FilingError) as err:
        read_filing(tmp_path / "missing.txt")
    assert err.value.code == "E006" and "missing.txt" in str(err.value)
    with pytest.raises(FilingError) as err:
        read_filing(tmp_path)
    assert err.value.code == "E005"


def test_reader_truncated_document_keeps_what_is_there():
    text = (SEEDS / "innotrac_8k_2003-07-28.txt").read_text()
    sgml = (
        "<SEC-DOCUMENT>0000000000-03-000001.txt : 20030728\n<SEC-HEADER>0000000000-03-000001.hdr.sgml\n"
        "ACCESSION NUMBER:\t\t0000000000-03-000001\nCONFORMED SUBMISSION TYPE:\t8-K\n</SEC-HEADER>\n"
        "<DOCUMENT>\n<TYPE>8-K\n<SEQUENCE>1\n<TEXT>\n" + text[: len(text) // 2]
    )
    filing = read_text(sgml, path="cut.txt")
    assert filing.main and "ITEM 7" in filing.main.text
    assert any("cut off" in w for w in filing.warnings)


@pytest.mark.parametrize("raw,encoding", [
    ("Caf\u00e9 SECURITIES AND EXCHANGE COMMISSION \u2014 FORM 8-K".encode("utf-8"), "utf-8"),
    ("\u201cFORM 8-K\u201d SECURITIES AND EXCHANGE COMMISSION".encode("cp1252"), "cp1252"),
    (b"FORM 8-K SECURITIES AND EXCHANGE COMMISSION \x81\x8d caf\xe9", "latin-1"),
])
def test_reader_encodings(raw, encoding):
    filing = read_filing(raw, name="enc.txt")
    assert filing.encoding == encoding and "FORM 8-K" in filing.main.text


def test_reader_bundled_samples_match_seeds():
    for seed in SEEDS.glob("*.txt"):
        assert (SAMPLES / seed.name).read_bytes() == seed.read_bytes()
