"""Pattern and lexicon files, loaded once and cached."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).parent


@cache
def load(name: str) -> Any:
    """Load ``patterns/<name>`` (``.json``: one object; ``.jsonl``: a list of rows)."""
    path = HERE / name
    text = path.read_text(encoding="utf-8")
    if path.suffix == ".jsonl":
        return tuple(json.loads(line) for line in text.splitlines() if line.strip() and not line.startswith("//"))
    return json.loads(text)
