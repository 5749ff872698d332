"""Extraction throughput over a folder of filings, one process (and optionally several).

Usage: ``python benchmarks/bench_extract.py [FOLDER] [--repeat N] [--processes P]``.
Prints filings per second and MB per second for reading alone and for
reading plus extraction. Figures are printed, not asserted.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from extractors import extract, read_filing
from extractors.errors import FilingError
from extractors.pipeline import load_pipeline


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.is_file() and p.suffix in (".txt", ".html", ".htm", ".nc"))


def _one(path: Path) -> tuple[int, int]:
    try:
        filing = read_filing(path)
    except FilingError:
        return 0, 0
    return len(filing.source), len(extract(filing))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folder", nargs="?", default=str(ROOT.parent / "shared" / "corpus"))
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--processes", type=int, default=0, help="also time a pool of P processes")
    args = ap.parse_args()
    files = _files(Path(args.folder))
    if not files:
        sys.exit(f"no filings in {args.folder}")
    size = sum(p.stat().st_size for p in files) / 1e6
    load_pipeline()
    read_times, all_times, claims = [], [], 0
    for _ in range(args.repeat):
        t0 = time.perf_counter()
        filings = [read_filing(p) for p in files if _readable(p)]
        t1 = time.perf_counter()
        claims = sum(len(extract(f)) for f in filings)
        t2 = time.perf_counter()
        read_times.append(t1 - t0)
        all_times.append(t2 - t0)
    r, a = statistics.median(read_times), statistics.median(all_times)
    print(f"corpus: {len(files)} files, {size:.2f} MB, {claims} claims")
    print(f"read only:          {len(files) / r:7.1f} filings/s  {size / r:6.2f} MB/s  ({r:.2f} s)")
    print(f"read + extract:     {len(files) / a:7.1f} filings/s  {size / a:6.2f} MB/s  ({a:.2f} s, one process)")
    slow = sorted(((_time(p), p.name) for p in files), reverse=True)[:5]
    print("slowest files (read + extract): " + ", ".join(f"{n} {t * 1000:.0f} ms" for t, n in slow))
    if args.processes > 1:
        t0 = time.perf_counter()
        with ProcessPoolExecutor(args.processes) as pool:
            list(pool.map(_one, files, chunksize=1))
        t = time.perf_counter() - t0
        print(f"read + extract x{args.processes}: {len(files) / t:7.1f} filings/s  {size / t:6.2f} MB/s  ({t:.2f} s)")


def _readable(path: Path) -> bool:
    try:
        read_filing(path)
    except FilingError:
        return False
    return True


def _time(path: Path) -> float:
    t0 = time.perf_counter()
    _one(path)
    return time.perf_counter() - t0


if __name__ == "__main__":
    main()
