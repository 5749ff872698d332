"""secgraph read: several files, JSON Lines, clean errors that do not stop the others."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from graph.cli import app
from tests.conftest import SAMPLES

runner = CliRunner()
SEEDS = sorted(str(p) for p in SAMPLES.glob("*.txt"))


def test_cli_read_describes_every_file():
    result = runner.invoke(app, ["read", *SEEDS])
    assert result.exit_code == 0, result.output
    for path in SEEDS:
        assert path.rsplit("/", 1)[-1].removesuffix(".txt") in result.output
    assert "Signatures" in result.output


def test_cli_read_json_lines():
    result = runner.invoke(app, ["read", "--json", *SEEDS])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert [r["doc_id"] for r in rows] == ["innotrac_8a-a_2003-11-24", "innotrac_8k_2003-07-28"]
    labels = [s["label"] for s in rows[1]["documents"][0]["sections"]]
    assert labels[0] == "Cover page" and "Signatures" in labels


def test_cli_read_bad_file_is_reported_and_the_rest_read(tmp_path):
    bad = tmp_path / "blob.txt"
    bad.write_bytes(b"\x00\x01\x02\x03 not text")
    result = runner.invoke(app, ["read", str(bad), SEEDS[0], str(tmp_path / "missing.txt")])
    assert result.exit_code == 1
    text = " ".join(result.output.split())  # rich wraps long lines
    assert "blob.txt: file looks binary" in text
    assert "missing.txt: no such file" in text
    assert "innotrac_8a-a_2003-11-24" in text
    assert "Traceback" not in text
