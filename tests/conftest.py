"""Shared test fixtures: where ../shared is, and the filings in it."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpus"
SAMPLES = ROOT / "graph" / "samples"


def shared_files() -> list[Path]:
    """Every seed and corpus filing, or [] when ../shared is absent."""
    files = sorted(SEEDS.glob("*")) + sorted(p for p in CORPUS.glob("*") if p.suffix != ".tsv")
    return [p for p in files if p.is_file()]


def needs_shared() -> pytest.MarkDecorator:
    return pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not beside the checkout")
