"""Print the claims read from filings, one JSON object a line (a debugging aid).

Usage: ``python -m extractors.dump FILE... [--kind KIND]``. The product's facts
view comes from the graph (``secgraph facts``); this shows the raw claims.
"""

from __future__ import annotations

import argparse
import json
import sys

from extractors.claims import Claim, Mention
from extractors.errors import FilingError
from extractors.pipeline import extract
from extractors.reader import read_filing


def claim_row(claim: Claim) -> dict:
    """A claim as plain data."""

    def m(x):
        if isinstance(x, Mention):
            d = {"name": x.name, "kind": x.kind}
            if x.text and x.text != x.name:
                d["text"] = x.text
            if x.identifiers:
                d["ids"] = dict(x.identifiers)
            if x.attrs:
                d["attrs"] = dict(x.attrs)
            return d
        return x

    ev = claim.evidence[0] if claim.evidence else None
    return {
        "kind": claim.kind,
        "subject": m(claim.subject),
        "object": m(claim.object),
        **{k: list(v) if isinstance(v, tuple) else v for k, v in claim.qualifiers},
        "by": f"{claim.provenance.component}/{claim.provenance.pattern}",
        "evidence": [ev.start, ev.end, ev.text[:160]] if ev else None,
        **({"confidence": claim.confidence} if claim.confidence < 1 else {}),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("files", nargs="+")
    ap.add_argument("--kind", action="append", help="only claims of this kind (repeatable)")
    args = ap.parse_args(argv)
    for path in args.files:
        try:
            filing = read_filing(path)
        except FilingError as exc:
            print(exc, file=sys.stderr)
            continue
        for claim in extract(filing):
            if not args.kind or claim.kind in args.kind:
                print(json.dumps(claim_row(claim), ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
