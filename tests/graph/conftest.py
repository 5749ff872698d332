"""Fixtures for graph tests: hand-built claims shaped like the seed gold.

``gold_claims`` turns each gold fact of ``../shared/gold`` into the claim an
extractor would make for it (subject, object, qualifiers as in
``graph/mapping.py``), with an evidence span found in the sample filing's text.
The graph tests then run without the extractors.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from extractors.claims import Claim, Evidence, Mention, Provenance, make_claim
from graph.records import FilingInput

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(__file__).resolve().parents[2].parent / "shared"
GOLD = SHARED / "gold"
SAMPLES = ROOT / "graph" / "samples"
PROV = Provenance("test_gold", "1", "gold")
PEOPLE = {"David Dadante", "David L. Gamsey"}


def needs_gold() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not GOLD.is_dir(), reason="../shared/gold is not beside the checkout")


def kind_of(name: str) -> str:
    """The mention kind a test gives a name (the extractors decide this in real builds)."""
    if name in PEOPLE:
        return "person"
    if re.search(r"\b(group|shareholders)\b", name, re.IGNORECASE):
        return "group"
    if re.search(r"\b(bank|trust company)\b", name, re.IGNORECASE):
        return "bank"
    if re.search(r"\bfund\b", name, re.IGNORECASE):
        return "fund"
    return "company"


def find_span(doc: str, source: str, *needles: object) -> Evidence:
    """Evidence for the first needle found in ``source`` (whitespace-flexible, any case)."""
    for needle in needles:
        if needle is None or needle == "":
            continue
        words = str(needle).split()
        pattern = r"\s+".join(re.escape(w) for w in words)
        m = re.search(pattern, source, re.IGNORECASE)
        if m:
            return Evidence(doc, m.start(), m.end(), source[m.start() : m.end()])
    return Evidence(doc, 0, 10, source[:10])


def gold_claim(fact: dict, doc: str, source: str) -> Claim:
    """The claim that states one gold fact."""
    k = fact["kind"]
    filing = Mention(name=doc, kind="filing", attrs=(("doc", doc),))
    ev = lambda *n: find_span(doc, source, *n)
    if k == "filing":
        return make_claim(
            k,
            filing,
            Mention(fact["registrant"], "company"),
            ev(f"FORM {fact['form']}"),
            PROV,
            form=fact["form"],
            date=fact["date"],
            amendment_no=fact.get("amendment_no"),
            items=fact.get("items"),
        )
    if k == "identifier":
        return make_claim(
            k,
            Mention(fact["entity"], kind_of(fact["entity"])),
            fact["value"],
            ev(fact["value"]),
            PROV,
            scheme=fact["scheme"],
        )
    if k == "incorporation":
        return make_claim(
            k,
            Mention(fact["entity"], kind_of(fact["entity"])),
            fact["jurisdiction"],
            ev(f"an {fact['jurisdiction']} {fact.get('org_form', '')}", fact["jurisdiction"]),
            PROV,
            org_form=fact.get("org_form"),
        )
    if k == "address":
        return make_claim(
            k,
            Mention(fact["entity"], kind_of(fact["entity"])),
            fact["text"],
            ev(fact.get("street")),
            PROV,
            street=fact.get("street"),
            city=fact.get("city"),
            region=fact.get("region"),
            postal_code=fact.get("postal_code"),
        )
    if k == "role":
        return make_claim(
            k,
            Mention(fact["person"], kind_of(fact["person"])),
            Mention(fact["organization"], kind_of(fact["organization"])),
            ev(f"{fact['person']} as a successor {fact['role']}", fact["person"]),
            PROV,
            role=fact["role"],
            since=fact.get("since"),
            until=fact.get("until"),
        )
    if k == "signed":
        return make_claim(
            k,
            filing,
            Mention(fact["signer"], "person"),
            ev(f"/s/{fact['signer']}", f"/s/ {fact['signer']}"),
            PROV,
            doc=fact["doc"],
            date=fact.get("date"),
            title=fact.get("title"),
            on_behalf_of=fact.get("on_behalf_of"),
        )
    if k == "agreement":
        parties = fact.get("parties") or []
        return make_claim(
            k,
            Mention(fact["name"], "agreement", attrs=(("date", fact.get("date")),)),
            Mention(parties[0], kind_of(parties[0])) if parties else None,
            ev(f"{fact['name']} dated as of"),
            PROV,
            date=fact.get("date"),
            parties=parties or None,
        )
    if k == "amends":
        is_filing = fact["amended"].startswith("Form ")
        subject = filing if is_filing else Mention(fact["amendment"], "agreement")
        if is_filing:
            subject = Mention(fact["amendment"], "filing", attrs=(("doc", doc),))
        amended = Mention(
            fact["amended"],
            "filing" if is_filing else "agreement",
            attrs=(("form", fact["amended"][5:]),) if is_filing else (),
        )
        return make_claim(
            k,
            subject,
            amended,
            ev(f"Amendment No. {fact['number']}"),
            PROV,
            number=fact.get("number"),
            date=fact.get("date"),
            amended_date=fact.get("amended_date"),
        )
    if k == "owns":
        return make_claim(
            k,
            Mention(fact["owner"], kind_of(fact["owner"])),
            Mention(fact["issuer"], kind_of(fact["issuer"])),
            ev(f"{fact['shares']:,} shares, or {fact['percent']}%"),
            PROV,
            security_class=fact.get("security_class"),
            shares=fact.get("shares"),
            percent=fact.get("percent"),
            as_of=fact.get("as_of"),
        )
    if k == "ownership_limit":
        return make_claim(
            k,
            Mention(fact["holder"], kind_of(fact["holder"])),
            Mention(fact["issuer"], kind_of(fact["issuer"])),
            ev(f"more than {fact['percent']}%", f"up to {fact['percent']}%"),
            PROV,
            percent=fact["percent"],
            effect=fact.get("effect"),
            agreement=fact.get("agreement"),
            replaces=fact.get("replaces"),
        )
    if k == "member":
        return make_claim(
            k,
            Mention(fact["member"], kind_of(fact["member"])),
            Mention(fact["group"], "group"),
            ev('referred to herein as the "IPOF Group"'),
            PROV,
        )
    if k == "exhibit":
        return make_claim(
            k,
            filing,
            Mention(fact.get("title", ""), "document"),
            ev(f"{fact['number']} ", fact["number"]),
            PROV,
            number=fact["number"],
            title=fact.get("title"),
            source_form=fact.get("source_form"),
            source_number=fact.get("source_number"),
            source_filed=fact.get("source_filed"),
            source_exhibit=fact.get("source_exhibit"),
            source_amendment_no=fact.get("source_amendment_no"),
        )
    if k == "registers":
        return make_claim(
            k,
            filing,
            Mention(fact["security_class"], "security"),
            ev(fact["security_class"]),
            PROV,
            section=fact.get("section"),
        )
    if k == "event":
        return make_claim(
            k,
            filing,
            fact.get("subject"),
            ev(fact.get("subject"), "press release"),
            PROV,
            type=fact["type"],
            date=fact.get("date"),
        )
    raise ValueError(k)


def gold_inputs() -> list[FilingInput]:
    """One FilingInput per seed gold file, its claims equal to the gold facts."""
    out = []
    for path in sorted(GOLD.glob("*.jsonl")):
        doc = path.stem
        source = (SAMPLES / f"{doc}.txt").read_text(encoding="utf-8")
        facts = [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines() if x.strip()]
        claims = [gold_claim(f, doc, source) for f in facts if "kind" in f]
        out.append(FilingInput(doc_id=doc, claims=claims, source_file=f"{doc}.txt", documents=1))
    return out


@pytest.fixture(scope="session")
def seed_inputs() -> list[FilingInput]:
    if not GOLD.is_dir():
        pytest.skip("../shared/gold is not beside the checkout")
    return gold_inputs()


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


@pytest.fixture()
def seed_kg(seed_inputs):
    from graph import build

    kg = build(list(seed_inputs), store="memory")
    yield kg
    kg.close()
