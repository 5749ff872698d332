"""Build a synthetic corporate graph through the real resolve/map/store path; time the queries.

Shape: companies (with CIK, EIN, address, officers who sign), funds and their
general partners, filings of several forms, agreements with amendment chains
of 1-10, holdings of funds in companies over time, ownership limits, exhibits
incorporated by reference, and evidence for every fact.

    python benchmarks/bench_store.py                 # ~1M triples, on disk in a temp dir
    python benchmarks/bench_store.py --triples 10000000 --store /big/disk/dir
    python benchmarks/bench_store.py --store memory
    python benchmarks/bench_store.py --store DIR --reuse   # query a store built before

Prints the build rate and each canned query's median latency; asserts nothing.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.claims import Evidence, Mention, Provenance, make_claim
from graph.kg import KnowledgeGraph
from graph.pipeline import load
from graph.records import FilingInput

PROV = Provenance("bench", "1", "synthetic")
FIRST = ["Alex", "Blair", "Casey", "Drew", "Emery", "Finley", "Gray", "Harper", "Jordan", "Kai"]
LAST = ["Abbott", "Barker", "Chen", "Diaz", "Ellis", "Foster", "Garcia", "Hughes", "Ito", "Jensen"]
TITLES = [
    "chief executive officer",
    "chief financial officer",
    "secretary",
    "director",
    "treasurer",
]


class World:
    """Deterministic synthetic entities."""

    def __init__(self, n_companies: int, n_funds: int, seed: int = 7) -> None:
        self.rng = random.Random(seed)
        self.companies = [
            (
                f"Synthco {i:05d} Corporation",
                f"{1000000 + i:010d}",
                f"{10 + i % 89}-{1000000 + i:07d}",
            )
            for i in range(n_companies)
        ]
        self.funds = [f"Example Capital Fund {i:04d} L.P." for i in range(n_funds)]
        self.people = [
            f"{FIRST[i % 10]} {chr(65 + i % 26)}. {LAST[(i // 10) % 10]}{i}"
            for i in range(n_companies * 3 + n_funds)
        ]


def _ev(doc: str, pos: int, text: str) -> Evidence:
    return Evidence(doc, pos, pos + len(text), text, "body")


def filing_input(world: World, k: int) -> FilingInput:
    """One synthetic filing about company ``k % n``, its k-th filing in time."""
    rng = world.rng
    n = len(world.companies)
    ci = k % n
    rnd = k // n  # the company's filing number: time goes on
    name, cik, ein = world.companies[ci]
    year = 1995 + rnd % 30
    date = f"{year}-{1 + k % 12:02d}-{1 + k % 28:02d}"
    doc = f"{cik}-{year % 100:02d}-{k:06d}"
    co = Mention(name, "company", identifiers=(("cik", cik),))
    fil = Mention(doc, "filing", attrs=(("doc", doc),))
    pos = iter(range(0, 10**7, 97))
    c = []
    add = c.append
    form = rng.choice(["8-K", "10-K", "10-Q", "SC 13D", "8-A/A"])
    add(
        make_claim(
            "filing",
            fil,
            co,
            _ev(doc, next(pos), f"FORM {form}"),
            PROV,
            form=form,
            date=date,
            items=("5", "7") if form == "8-K" else None,
        )
    )
    add(make_claim("identifier", co, cik, _ev(doc, next(pos), cik), PROV, scheme="cik"))
    add(make_claim("identifier", co, ein, _ev(doc, next(pos), ein), PROV, scheme="irs_ein"))
    add(
        make_claim(
            "incorporation",
            co,
            "Delaware",
            _ev(doc, next(pos), "Delaware"),
            PROV,
            org_form="corporation",
        )
    )
    add(
        make_claim(
            "address",
            co,
            f"{ci} Main Street, Springfield, Ohio 45501",
            _ev(doc, next(pos), f"{ci} Main Street"),
            PROV,
            street=f"{ci} Main Street",
            city="Springfield",
            region="Ohio",
            postal_code="45501",
        )
    )
    officer = world.people[ci * 3 + rnd % 3]
    for title in rng.sample(TITLES, 2):
        add(
            make_claim(
                "role",
                Mention(officer, "person"),
                co,
                _ev(doc, next(pos), officer),
                PROV,
                role=title,
            )
        )
    add(
        make_claim(
            "signed",
            fil,
            Mention(officer, "person"),
            _ev(doc, next(pos), f"/s/ {officer}"),
            PROV,
            date=date,
            title="Chief Financial Officer",
            on_behalf_of=name,
        )
    )
    agreement = Mention(
        "Credit Agreement" if ci % 2 else "Rights Agreement",
        "agreement",
        attrs=(("date", "1994-06-30"),),
    )
    add(
        make_claim(
            "agreement",
            agreement,
            co,
            _ev(doc, next(pos), agreement.name),
            PROV,
            date="1994-06-30",
            parties=(name, f"Lender Bank {ci % 50} N.A."),
        )
    )
    for number in range(1, 1 + (ci % 10) + 1):
        am = Mention(f"Amendment No. {number} to the {agreement.name}", "agreement")
        add(
            make_claim(
                "amends",
                am,
                agreement,
                _ev(doc, next(pos), am.name),
                PROV,
                number=number,
                date=f"{1994 + number}-03-15",
                amended_date="1994-06-30",
            )
        )
    for j in range(4):
        fund = world.funds[(ci * 7 + j * 13 + rnd) % len(world.funds)]
        shares = 100000 * (1 + (k + j) % 97)
        pct = round(shares / 2e7 * 100, 1)
        add(
            make_claim(
                "owns",
                Mention(fund, "fund"),
                co,
                _ev(doc, next(pos), f"{shares:,} shares"),
                PROV,
                security_class="common stock",
                shares=shares,
                percent=pct,
                as_of=date,
            )
        )
        gp = world.people[len(world.companies) * 3 + (ci * 7 + j * 13 + rnd) % len(world.funds)]
        add(
            make_claim(
                "role",
                Mention(gp, "person"),
                Mention(fund, "fund"),
                _ev(doc, next(pos), gp),
                PROV,
                role="general partner",
            )
        )
    add(
        make_claim(
            "ownership_limit",
            Mention("all other shareholders", "group"),
            co,
            _ev(doc, next(pos), "more than 15%"),
            PROV,
            percent=15,
            agreement=agreement.name,
            effect="triggers the rights",
        )
    )
    for x in range(3):
        add(
            make_claim(
                "exhibit",
                fil,
                Mention(f"Exhibit {x}", "document"),
                _ev(doc, next(pos), f"{x + 3}.1"),
                PROV,
                number=f"{x + 3}.1",
                title=f"Exhibit {x} of {name}",
                source_form="S-1",
                source_number=f"333-{10000 + ci}",
                source_filed="1996-02-11",
                source_exhibit=f"{x + 3}.1",
            )
        )
    add(
        make_claim(
            "event",
            fil,
            "quarterly results",
            _ev(doc, next(pos), "press release"),
            PROV,
            type="earnings_release",
            date=date,
        )
    )
    return FilingInput(doc_id=doc, claims=c, source_file=f"{doc}.txt", documents=2)


#: Canned queries and their parameters. Names are looked up exactly first (a normalised name,
#: a filing id: an index lookup); a query whose exact pass finds nothing runs again matching
#: substrings (graph/sparql.py), which scans names and costs more.
QUERIES = {
    # No chain of an agreement with this name: the exact pass finds the company, not an
    # agreement, so the substring pass scans the names of amended agreements.
    "amendment-chain": {"agreement": "Synthco 00042"},
    "latest-version": {"agreement": "Credit", "date": "2001-01-01"},  # substring pass
    "ownership": {"issuer": "Synthco 00042 "},
    "ownership-as-of": {"issuer": "Synthco 00042 ", "date": "2010-01-01"},
    "owners-above": {"percent": 40, "date": "2010-01-01"},  # every holding, by nature
    "ownership-limits": {"issuer": "Synthco 00042 "},
    "signatories": {"doc": "0001000042-"},  # part of an id: substring pass
    "officers": {"organization": "Synthco 00042 "},
    "exhibits-by-reference": {"doc": "0001000042-"},  # part of an id: substring pass
    "entity": {"name": "Synthco 00042 "},
    "evidence": {"text": "4,200,000 shares"},
}
#: Extra cases: exact ids and names, and bigger answers (label -> query, parameters).
EXTRA = {
    "amendment-chain[Rights Agreement]": ("amendment-chain", {"agreement": "Rights Agreement"}),
    "latest-version[credit agreement]": (
        "latest-version",
        {"agreement": "credit agreement", "date": "2001-01-01"},
    ),
    "signatories[id]": ("signatories", {"doc": "0001000042-95-000042"}),
    "exhibits-by-reference[id]": ("exhibits-by-reference", {"doc": "0001000042-95-000042"}),
    "officers[general partner]": ("officers", {"role": "general partner"}),
}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000, help="Target size (quads).")
    ap.add_argument("--store", default=None, help="'memory' or a directory (default: a temp dir).")
    ap.add_argument("--batch", type=int, default=500, help="Filings per resolve/load batch.")
    ap.add_argument("--repeat", type=int, default=7, help="Runs per query (median reported).")
    ap.add_argument("--no-extra", action="store_true", help="Only the canned cases of QUERIES.")
    ap.add_argument(
        "--reuse", action="store_true", help="Query the store at --store as it is (no build)."
    )
    ap.add_argument("--no-networkx", action="store_true", help="Skip timing to_networkx().")
    args = ap.parse_args(argv)

    tmp = None
    location = args.store
    if location is None:
        tmp = tempfile.mkdtemp(prefix="secgraph-bench-")
        location = tmp
    if args.reuse and location == "memory":
        ap.error("--reuse needs --store DIR")
    kg = KnowledgeGraph.open(location)
    n_companies = max(20, args.triples // 9000)
    world = World(n_companies, max(10, n_companies // 3))
    t0 = time.perf_counter()
    k = 0
    rates = []  # quads/s of each batch: does loading slow down as the store grows?
    while not args.reuse and len(kg.store) < args.triples:
        batch = [filing_input(world, k + i) for i in range(args.batch)]
        k += args.batch
        before, t = len(kg.store), time.perf_counter()
        load(batch, kg.store)
        rates.append((len(kg.store) - before) / (time.perf_counter() - t))
        print(f"\r{k} filings, {len(kg.store):,} quads", end="", file=sys.stderr)
    kg.store.flush()
    build_s = time.perf_counter() - t0
    total = len(kg.store)
    print(file=sys.stderr)
    print(
        f"store: {'memory' if location == 'memory' else 'on disk'}; filings: {k}; "
        f"companies: {n_companies}; quads: {total:,}"
    )
    if rates:
        print(
            f"build (resolve + map + bulk load): {build_s:.1f} s = {total / build_s:,.0f} quads/s"
            f" (first batch {rates[0]:,.0f}/s, last {rates[-1]:,.0f}/s)"
        )
    if location != "memory":
        # Query as `secgraph query` would after `secgraph build`: from a freshly opened store
        # (right after a bulk load, reads in the loading process run several times slower).
        t = time.perf_counter()
        kg.close()
        kg = KnowledgeGraph.open(location)
        print(f"reopen: {time.perf_counter() - t:.2f} s")
    print(f"{'query':<36}{'rows':>7}{'median ms':>12}")
    cases = {name: (name, params) for name, params in QUERIES.items()}
    if not args.no_extra:
        cases |= EXTRA
    for label, (name, params) in cases.items():
        times = []
        rows = []
        for _ in range(args.repeat):
            t = time.perf_counter()
            rows = kg.query(name, **params)
            times.append((time.perf_counter() - t) * 1000)
        print(f"{label:<36}{len(rows):>7}{statistics.median(times):>12.2f}")
    if not args.no_networkx:
        t = time.perf_counter()
        g = kg.to_networkx()
        print(
            f"to_networkx: {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges in "
            f"{time.perf_counter() - t:.1f} s"
        )
    kg.close()
    if tmp:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
